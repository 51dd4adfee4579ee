"""URLs of the Renstra cascade editor: tujuan … sub-kegiatan, indicators, pagu; and the audit history per record. Mounted in the kecamatan namespace by kecamatan/urls.py."""

from django.urls import path

from kecamatan.renstra import views
from kecamatan.renstra import views_riwayat as riwayat

urlpatterns = [
    path("renstra/<int:pk>/susun/", views.renstra_susun, name="renstra_susun"),
    path("renstra/<int:pk>/tujuan/tambah/", views.node_tambah, {"jenis": "tujuan"}, name="tujuan_tambah"),
    path("tujuan/<int:pk>/ubah/", views.node_ubah, {"jenis": "tujuan"}, name="tujuan_ubah"),
    path("tujuan/<int:pk>/hapus/", views.node_hapus, {"jenis": "tujuan"}, name="tujuan_hapus"),
    path("tujuan/<int:pk>/sasaran/tambah/", views.node_tambah, {"jenis": "sasaran"}, name="sasaran_tambah"),
    path("sasaran/<int:pk>/ubah/", views.node_ubah, {"jenis": "sasaran"}, name="sasaran_ubah"),
    path("sasaran/<int:pk>/hapus/", views.node_hapus, {"jenis": "sasaran"}, name="sasaran_hapus"),
    path("renstra/<int:pk>/program/tambah/", views.node_tambah, {"jenis": "program"}, name="program_tambah"),
    path("program/<int:pk>/ubah/", views.node_ubah, {"jenis": "program"}, name="program_ubah"),
    path("program/<int:pk>/hapus/", views.node_hapus, {"jenis": "program"}, name="program_hapus"),
    path("program/<int:pk>/kegiatan/tambah/", views.node_tambah, {"jenis": "kegiatan"}, name="kegiatan_tambah"),
    path("kegiatan/<int:pk>/ubah/", views.node_ubah, {"jenis": "kegiatan"}, name="kegiatan_ubah"),
    path("kegiatan/<int:pk>/hapus/", views.node_hapus, {"jenis": "kegiatan"}, name="kegiatan_hapus"),
    path("kegiatan/<int:pk>/subkegiatan/tambah/", views.node_tambah, {"jenis": "subkegiatan"},
         name="subkegiatan_tambah"),
    path("subkegiatan/<int:pk>/ubah/", views.node_ubah, {"jenis": "subkegiatan"}, name="subkegiatan_ubah"),
    path("subkegiatan/<int:pk>/hapus/", views.node_hapus, {"jenis": "subkegiatan"}, name="subkegiatan_hapus"),
    path("subkegiatan/<int:pk>/pagu/", views.pagu, name="pagu"),
    path("indikator/tambah/<str:level>/<int:pk>/", views.indikator_tambah, name="indikator_tambah"),
    path("indikator/<int:pk>/ubah/", views.indikator_ubah, name="indikator_ubah"),
    path("indikator/<int:pk>/hapus/", views.indikator_hapus, name="indikator_hapus"),
    path("indikator/<int:pk>/riwayat/", riwayat.riwayat_indikator, name="riwayat_indikator"),
    path("subkegiatan/<int:pk>/riwayat/", riwayat.riwayat_subkegiatan, name="riwayat_subkegiatan"),
]
