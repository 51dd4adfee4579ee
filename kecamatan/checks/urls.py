"""URLs of the consistency check of a kecamatan-year. Mounted in the kecamatan namespace by kecamatan/urls.py."""

from django.urls import path

from kecamatan.checks import views

urlpatterns = [
    path("renstra/<int:pk>/periksa/<int:tahun>/", views.periksa_tahun, name="periksa"),
]
