"""Every model of the domain app, re-exported so callers write `from kecamatan.models import X`."""

from .akun import Peran, Profil
from .dokumen import CatatanItem, Dokumen, Riwayat
from .cascade import Kegiatan, Program, Sasaran, SubKegiatan, Tujuan
from .kinerja import Indikator, Pagu, Realisasi, RealisasiAnggaran, Target, Triwulan
from .kinerja_lalu import AnggaranLalu, CapaianLalu, IndikatorLalu, ProgramLalu
from .narasi import Narasi
from .kinerja_tahunan import (
    NilaiPembanding, PengaturanLKj, PenetapanIKU, PerjanjianKinerja, ProgramPK, SkalaKriteria, TargetPK,
)
from .nomenklatur import Nomenklatur
from .periksa import HasilPeriksa
from .renja import (
    Aktivitas, AnalisisKinerjaPelayanan, CatatanSumber, RenjaSubKegiatan, ReviewRanwal, SumberDana, TahapTarget,
    TargetRenja, UsulanPemangku,
)
from .strategi import ArahKebijakan, Strategi
from .wilayah import Camat, Kabupaten, Kecamatan, Periode

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
    "Strategi",
    "SumberDana",
    "TahapTarget",
    "TargetRenja",
    "UsulanPemangku",
    "Camat",
    "CatatanItem",
    "Dokumen",
    "HasilPeriksa",
    "Indikator",
    "Kabupaten",
    "Kecamatan",
    "Kegiatan",
    "NilaiPembanding",
    "Narasi",
    "Nomenklatur",
    "Pagu",
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
    "TargetPK",
    "Triwulan",
    "Tujuan",
]
