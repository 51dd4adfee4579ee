"""URLs of the kabupaten-year export (ZIP of CSV files). Mounted in the kecamatan namespace by kecamatan/urls.py."""

from django.urls import path

from kecamatan.ekspor import views

urlpatterns = [
    path("ekspor/", views.ekspor, name="ekspor"),
    path("ekspor/<int:pk>/", views.ekspor_status, name="ekspor_status"),
    path("ekspor/<int:pk>/unduh.zip", views.ekspor_unduh, name="ekspor_unduh"),
]
