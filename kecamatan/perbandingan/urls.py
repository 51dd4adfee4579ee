"""URLs of bappeda's comparison of every kecamatan of the kabupaten, with PDF and Excel downloads. Mounted in the kecamatan namespace by kecamatan/urls.py."""

from django.urls import path, re_path

from kecamatan.perbandingan import views

urlpatterns = [
    path("perbandingan/", views.matriks, name="perbandingan"),
    path("perbandingan/penyerapan/", views.penyerapan, name="perbandingan_penyerapan"),
    path("perbandingan/kelengkapan/", views.kelengkapan, name="perbandingan_kelengkapan"),
    path("perbandingan/tren/", views.tren, name="perbandingan_tren"),
    re_path(r"^perbandingan/(?P<halaman>matriks|penyerapan|kelengkapan|tren)\.(?P<fmt>pdf|xlsx)$", views.unduh,
            name="perbandingan_unduh"),
]
