"""URLs of the nomenclature catalog (admin kabupaten), mounted in the kecamatan namespace."""

from django.urls import path

from kecamatan.katalog import views

urlpatterns = [
    path("katalog/", views.daftar, name="katalog"),
    path("katalog/tambah/", views.tambah, name="katalog_tambah"),
    path("katalog/<int:pk>/ubah/", views.ubah, name="katalog_ubah"),
    path("katalog/<int:pk>/aktif/", views.aktif, name="katalog_aktif"),
    path("katalog/<int:pk>/hapus/", views.hapus, name="katalog_hapus"),
]
