"""URLs of excel in: template, upload with preview, confirm. Mounted in the kecamatan namespace by kecamatan/urls.py."""

from django.urls import path

from kecamatan.importing import views, views_capaian

urlpatterns = [
    path("renstra/<int:pk>/impor/<str:kunci>/", views.impor, name="impor"),
    path("renstra/<int:pk>/impor/<str:kunci>/templat.xlsx", views.impor_templat, name="impor_templat"),
    path("renstra/<int:pk>/impor/<str:kunci>/simpan/", views.impor_simpan, name="impor_simpan"),
    path("renstra/<int:pk>/riwayat-capaian/templat.xlsx", views_capaian.unduh, name="renstra_riwayat_capaian_unduh"),
    path("renstra/<int:pk>/riwayat-capaian/unggah/", views_capaian.unggah, name="renstra_riwayat_capaian_unggah"),
]
