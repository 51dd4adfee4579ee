"""URLs of the Renstra entry pages, mounted under renstra/<pk>/ in the kecamatan namespace."""

from django.urls import path

from kecamatan.renstra import views_isian as views

urlpatterns = [
    path("tc23/", views.riwayat_grid, {"tabel": "tc23"}, name="renstra_tc23"),
    path("tc24/", views.riwayat_grid, {"tabel": "tc24"}, name="renstra_tc24"),
    path("riwayat-capaian/", views.riwayat_capaian, name="renstra_riwayat_capaian"),
    path("strategi/", views.strategi, name="renstra_strategi"),
    path("camat/", views.camat_list, name="renstra_camat"),
    path("camat/<int:camat_pk>/", views.camat_ubah, name="renstra_camat_ubah"),
    path("penandatangan/", views.penandatangan, name="renstra_penandatangan"),
]
