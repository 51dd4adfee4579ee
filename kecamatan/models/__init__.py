"""Every model of the domain app, re-exported so callers write `from kecamatan.models import X`."""

from kecamatan.models.akun import Peran, Profil
from kecamatan.models.cascade import Kegiatan, Program, Sasaran, SubKegiatan, Tujuan
from kecamatan.models.cetakan import Cetakan
from kecamatan.models.ekspor import Ekspor
from kecamatan.models.dokumen import CatatanItem, Dokumen, Riwayat
from kecamatan.models.impor import ImporTertunda
from kecamatan.models.kinerja import Indikator, Pagu, Realisasi, RealisasiAnggaran, Target, Triwulan
from kecamatan.models.kinerja_lalu import AnggaranLalu, CapaianLalu, IndikatorLalu, ProgramLalu, RiwayatCapaian
from kecamatan.models.kinerja_tahunan import (
    NilaiPembanding,
    PenetapanIKU,
    PengaturanLKj,
    PerjanjianKinerja,
    ProgramPK,
    SkalaKriteria,
    TargetPK,
)
from kecamatan.models.narasi import Narasi
from kecamatan.models.nomenklatur import Nomenklatur
from kecamatan.models.periksa import HasilPeriksa
from kecamatan.models.renja import (
    Aktivitas,
    AnalisisKinerjaPelayanan,
    CatatanSumber,
    RenjaSubKegiatan,
    ReviewRanwal,
    SumberDana,
    TahapTarget,
    TargetRenja,
    UsulanPemangku,
)
from kecamatan.models.strategi import ArahKebijakan, Strategi
from kecamatan.models.tataletak import PilihanTataLetak
from kecamatan.models.token import TokenApi
from kecamatan.models.wilayah import Camat, Kabupaten, Kecamatan, Periode

__all__ = [
    "Aktivitas",
    "AnalisisKinerjaPelayanan",
    "AnggaranLalu",
    "ArahKebijakan",
    "CapaianLalu",
    "CatatanSumber",
    "IndikatorLalu",
    "ProgramLalu",
    "RenjaSubKegiatan",
    "ReviewRanwal",
    "RiwayatCapaian",
    "Strategi",
    "SumberDana",
    "TahapTarget",
    "TargetRenja",
    "UsulanPemangku",
    "Camat",
    "Cetakan",
    "Ekspor",
    "CatatanItem",
    "Dokumen",
    "HasilPeriksa",
    "ImporTertunda",
    "Indikator",
    "Kabupaten",
    "Kecamatan",
    "Kegiatan",
    "NilaiPembanding",
    "Narasi",
    "Nomenklatur",
    "Pagu",
    "PilihanTataLetak",
    "PenetapanIKU",
    "PengaturanLKj",
    "Peran",
    "Periode",
    "PerjanjianKinerja",
    "Profil",
    "Program",
    "ProgramPK",
    "Realisasi",
    "RealisasiAnggaran",
    "Riwayat",
    "Sasaran",
    "SkalaKriteria",
    "SubKegiatan",
    "Target",
    "TokenApi",
    "TargetPK",
    "Triwulan",
    "Tujuan",
]
