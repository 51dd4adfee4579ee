"""URLs of a whole document, mounted under renstra/<pk>/naskah/<kunci>/ (kunci: renstra, renja-2024,
lkj-2024) in the kecamatan namespace."""

from django.urls import path

from kecamatan.naskah import views

urlpatterns = [
    path("", views.naskah, name="naskah"),
    path("unduh.<slug:fmt>", views.naskah_unduh, name="naskah_unduh"),
    path("bagian/<str:bagian>/", views.naskah_bagian, name="naskah_bagian"),
    path("draf/<str:bagian>/", views.naskah_draf, name="naskah_draf"),
    path("salin-tahun-lalu/", views.naskah_salin, name="naskah_salin"),
]
