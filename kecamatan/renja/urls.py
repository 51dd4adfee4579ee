"""URLs of the Renja of a year, mounted under renstra/<pk>/renja/<tahun>/ in the kecamatan namespace."""

from django.urls import path

from kecamatan.renja import salin_views, views, views_baris

urlpatterns = [
    path("", views.renja_detail, name="renja_detail"),
    path("mulai/", views.renja_mulai, name="renja_mulai"),
    path("penandatangan/", views.renja_penandatangan, name="renja_penandatangan"),
    path("salin-renstra/", salin_views.renja_salin, name="renja_salin"),
    path("sub/tambah/", views.renja_sub_tambah, name="renja_sub_tambah"),
    path("sub/<int:sub_pk>/", views.renja_rincian, name="renja_rincian"),
    path("sub/<int:sub_pk>/hapus/", views.renja_sub_hapus, name="renja_sub_hapus"),
    path("target/", views.renja_target, name="renja_target"),
    path("evaluasi/", views.renja_evaluasi, name="renja_evaluasi"),
    path("kinerja-pelayanan/", views.renja_analisis, name="renja_analisis"),
    path("ranwal/", views_baris.renja_ranwal, name="renja_ranwal"),
    path("ranwal/<int:row_pk>/", views_baris.renja_ranwal_ubah, name="renja_ranwal_ubah"),
    path("ranwal/<int:row_pk>/hapus/", views_baris.renja_ranwal_hapus, name="renja_ranwal_hapus"),
    path("usulan/", views_baris.renja_usulan, name="renja_usulan"),
    path("usulan/<int:row_pk>/", views_baris.renja_usulan_ubah, name="renja_usulan_ubah"),
    path("usulan/<int:row_pk>/hapus/", views_baris.renja_usulan_hapus, name="renja_usulan_hapus"),
]
