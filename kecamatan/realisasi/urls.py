"""URLs of the triwulan realisasi page. Mounted in the kecamatan namespace by kecamatan/urls.py."""

from django.urls import path

from kecamatan.realisasi import views

urlpatterns = [
    path("renstra/<int:pk>/realisasi/<int:tahun>/<int:triwulan>/", views.realisasi, name="realisasi"),
]
