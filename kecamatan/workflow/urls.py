"""URLs of a document's page and its workflow actions (ajukan, tarik, verifikasi, kembalikan, buka kembali). Mounted in the kecamatan namespace by kecamatan/urls.py."""

from django.urls import path

from kecamatan.workflow import konfirmasi, views

urlpatterns = [
    path("renstra/<int:pk>/dokumen/", views.dokumen_list, name="dokumen_list"),
    path("renstra/<int:pk>/dokumen/<str:kunci>/", views.dokumen_detail, name="dokumen"),
    path("renstra/<int:pk>/dokumen/<str:kunci>/ajukan/", konfirmasi.ajukan, name="ajukan"),
    path("renstra/<int:pk>/dokumen/<str:kunci>/tarik/", konfirmasi.tarik, name="tarik"),
    path("renstra/<int:pk>/dokumen/<str:kunci>/verifikasi/", konfirmasi.verifikasi, name="verifikasi"),
    path("renstra/<int:pk>/dokumen/<str:kunci>/kembalikan/", konfirmasi.kembalikan, name="kembalikan"),
    path("renstra/<int:pk>/dokumen/<str:kunci>/buka-kembali/", views.buka_kembali, name="buka_kembali"),
]
