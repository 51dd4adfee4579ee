from django.urls import include, path, re_path

from kecamatan.beranda import views as beranda
from kecamatan.cetak import views as tabel
from kecamatan.checks import views as periksa
from kecamatan.importing import views as impor
from kecamatan.perbandingan import views as perbandingan
from kecamatan.realisasi import views as realisasi
from kecamatan.renstra import views as renstra
from kecamatan.renstra import views_riwayat as riwayat
from kecamatan.workflow import views as dokumen

app_name = "kecamatan"

urlpatterns = [
    path("", beranda.beranda, name="beranda"),
    path("renstra/<int:pk>/", beranda.renstra_detail, name="renstra_detail"),
    # official tables: screen page, PDF and Excel of the same rows
    path("renstra/<int:pk>/tabel/<slug:name>/", tabel.tabel, name="tabel"),
    re_path(r"^renstra/(?P<pk>\d+)/tabel/(?P<name>[\w-]+)\.(?P<fmt>pdf|xlsx)$", tabel.tabel_unduh, name="tabel_unduh"),
    # the cascade editor
    path("renstra/<int:pk>/susun/", renstra.renstra_susun, name="renstra_susun"),
    path("renstra/<int:pk>/tujuan/tambah/", renstra.node_tambah, {"jenis": "tujuan"}, name="tujuan_tambah"),
    path("tujuan/<int:pk>/ubah/", renstra.node_ubah, {"jenis": "tujuan"}, name="tujuan_ubah"),
    path("tujuan/<int:pk>/hapus/", renstra.node_hapus, {"jenis": "tujuan"}, name="tujuan_hapus"),
    path("tujuan/<int:pk>/sasaran/tambah/", renstra.node_tambah, {"jenis": "sasaran"}, name="sasaran_tambah"),
    path("sasaran/<int:pk>/ubah/", renstra.node_ubah, {"jenis": "sasaran"}, name="sasaran_ubah"),
    path("sasaran/<int:pk>/hapus/", renstra.node_hapus, {"jenis": "sasaran"}, name="sasaran_hapus"),
    path("renstra/<int:pk>/program/tambah/", renstra.node_tambah, {"jenis": "program"}, name="program_tambah"),
    path("program/<int:pk>/ubah/", renstra.node_ubah, {"jenis": "program"}, name="program_ubah"),
    path("program/<int:pk>/hapus/", renstra.node_hapus, {"jenis": "program"}, name="program_hapus"),
    path("program/<int:pk>/kegiatan/tambah/", renstra.node_tambah, {"jenis": "kegiatan"}, name="kegiatan_tambah"),
    path("kegiatan/<int:pk>/ubah/", renstra.node_ubah, {"jenis": "kegiatan"}, name="kegiatan_ubah"),
    path("kegiatan/<int:pk>/hapus/", renstra.node_hapus, {"jenis": "kegiatan"}, name="kegiatan_hapus"),
    path("kegiatan/<int:pk>/subkegiatan/tambah/", renstra.node_tambah, {"jenis": "subkegiatan"},
         name="subkegiatan_tambah"),
    path("subkegiatan/<int:pk>/ubah/", renstra.node_ubah, {"jenis": "subkegiatan"}, name="subkegiatan_ubah"),
    path("subkegiatan/<int:pk>/hapus/", renstra.node_hapus, {"jenis": "subkegiatan"}, name="subkegiatan_hapus"),
    path("subkegiatan/<int:pk>/pagu/", renstra.pagu, name="pagu"),
    path("indikator/tambah/<str:level>/<int:pk>/", renstra.indikator_tambah, name="indikator_tambah"),
    path("indikator/<int:pk>/ubah/", renstra.indikator_ubah, name="indikator_ubah"),
    path("indikator/<int:pk>/hapus/", renstra.indikator_hapus, name="indikator_hapus"),
    # audit history per record
    path("indikator/<int:pk>/riwayat/", riwayat.riwayat_indikator, name="riwayat_indikator"),
    path("subkegiatan/<int:pk>/riwayat/", riwayat.riwayat_subkegiatan, name="riwayat_subkegiatan"),
    # triwulan realisasi
    path("renstra/<int:pk>/realisasi/<int:tahun>/<int:triwulan>/", realisasi.realisasi, name="realisasi"),
    # workflow
    path("renstra/<int:pk>/dokumen/", dokumen.dokumen_list, name="dokumen_list"),
    path("renstra/<int:pk>/dokumen/<str:kunci>/", dokumen.dokumen_detail, name="dokumen"),
    path("renstra/<int:pk>/dokumen/<str:kunci>/ajukan/", dokumen.ajukan, name="ajukan"),
    path("renstra/<int:pk>/dokumen/<str:kunci>/verifikasi/", dokumen.verifikasi, name="verifikasi"),
    path("renstra/<int:pk>/dokumen/<str:kunci>/kembalikan/", dokumen.kembalikan, name="kembalikan"),
    path("renstra/<int:pk>/dokumen/<str:kunci>/buka-kembali/", dokumen.buka_kembali, name="buka_kembali"),
    # consistency check of a kecamatan-year (issue 11)
    path("renstra/<int:pk>/periksa/<int:tahun>/", periksa.periksa_tahun, name="periksa"),
    # Renja of a year: entry pages
    path("renstra/<int:pk>/renja/<int:tahun>/", include("kecamatan.renja.urls")),
    # whole documents (Renstra, Renja n, LKj n): preview, narrative, PDF
    path("renstra/<int:pk>/naskah/<str:kunci>/", include("kecamatan.naskah.urls")),
    # Excel in: template, upload with preview, confirm
    path("renstra/<int:pk>/impor/<str:kunci>/", impor.impor, name="impor"),
    path("renstra/<int:pk>/impor/<str:kunci>/templat.xlsx", impor.impor_templat, name="impor_templat"),
    path("renstra/<int:pk>/impor/<str:kunci>/simpan/", impor.impor_simpan, name="impor_simpan"),
    # Bappeda: every kecamatan of the kabupaten side by side
    path("perbandingan/", perbandingan.matriks, name="perbandingan"),
    path("perbandingan/penyerapan/", perbandingan.penyerapan, name="perbandingan_penyerapan"),
    path("perbandingan/kelengkapan/", perbandingan.kelengkapan, name="perbandingan_kelengkapan"),
    path("perbandingan/tren/", perbandingan.tren, name="perbandingan_tren"),
    re_path(r"^perbandingan/(?P<halaman>matriks|penyerapan|kelengkapan|tren)\.(?P<fmt>pdf|xlsx)$", perbandingan.unduh,
            name="perbandingan_unduh"),
    # what an LKj year needs beyond the realizations: IKU sheet, PK, settings, comparison values
    path("renstra/<int:pk>/lkj/<int:tahun>/", include("kecamatan.lkj.urls")),
    # the Renstra beyond its cascade: T-C.23/T-C.24 history, T-C.26, Camat, signatory
    path("renstra/<int:pk>/", include("kecamatan.renstra.urls_isian")),
]
