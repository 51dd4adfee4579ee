"""Plain, ORM-free snapshots for the Bappeda comparison of every kecamatan of a kabupaten: what
`selectors_perbandingan` returns and the builders in `reports/perbandingan.py` read."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field, replace
from decimal import Decimal

from kecamatan.core.computations import AturanAkhir, Polaritas
from kecamatan.core.formatting import Nilai
from kecamatan.perbandingan.rules import ATURAN_TENGGAT, AturanTenggat

LEVEL_URUT = {"tujuan": 0, "sasaran": 1, "program": 2, "kegiatan": 3, "subkegiatan": 4}

URUT_PILIHAN = ("nama", "capaian", "penyerapan", "terlambat")  # plus "k<n>": the n-th indicator column


@dataclass(frozen=True)
class Pilihan:
    """What a comparison is asked for: from a page's query string or `cetak perbandingan` options."""

    tahun: int
    triwulan: int
    hari_ini: datetime.date  # the "as of" date: lateness, which triwulan have ended
    program: str = ""  # a program code (7.01.02): only its indicators and its money
    indikator: str = ""  # a matching key (perbandingan.kunci_indikator): one indicator only
    kecamatan: str = ""  # slug: whose trend to draw
    urut: str = "nama"
    turun: bool = False  # descending

    def with_(self, **changes) -> "Pilihan":
        return replace(self, **changes)


@dataclass(frozen=True)
class KecamatanInfo:
    id: int
    nama: str
    slug: str
    periode_id: int | None  # the Renstra covering the year; None: no Renstra yet
    demo: bool = False
    url_renstra: str = ""
    pola_realisasi: str = ""  # URL of its triwulan page with {tahun} and {triwulan} to fill in
    pola_dokumen: str = ""  # URL of a document's timeline with {kunci} (renja-2025, realisasi-2025-2)

    @property
    def nama_tampil(self) -> str:
        return f"{self.nama} (demo)" if self.demo else self.nama

    def url_realisasi(self, tahun: int, triwulan: int, indikator_id: int | None = None) -> str:
        if not self.pola_realisasi:
            return ""
        url = self.pola_realisasi.format(tahun=tahun, triwulan=triwulan)
        return f"{url}#indikator-{indikator_id}" if indikator_id else url

    def url_dokumen(self, kunci: str) -> str:
        return self.pola_dokumen.format(kunci=kunci) if self.pola_dokumen else ""


@dataclass(frozen=True)
class IndikatorKecamatan:
    """One indicator of one kecamatan with its targets and triwulan reports for the years fetched."""

    id: int
    kecamatan_id: int
    kunci: str
    uraian: str
    satuan: str
    level: str  # tujuan | sasaran | program | kegiatan | subkegiatan
    program_kode: str  # the program it belongs to ("" for tujuan and sasaran)
    iku: bool
    polaritas: Polaritas
    aturan: AturanAkhir
    target: dict[int, Nilai] = field(default_factory=dict)
    realisasi: dict[int, tuple[Nilai, Nilai, Nilai, Nilai]] = field(default_factory=dict)

    def per_triwulan(self, tahun: int) -> tuple[Nilai, Nilai, Nilai, Nilai]:
        return self.realisasi.get(tahun, (Nilai(), Nilai(), Nilai(), Nilai()))


@dataclass(frozen=True)
class AnggaranProgram:
    """The money of one program of one kecamatan in one year: pagu (each sub-kegiatan's latest
    stage, summed) and realisasi anggaran per triwulan (each quarter's own amount)."""

    kecamatan_id: int
    program_kode: str
    tahun: int
    pagu: Decimal
    per_triwulan: tuple[Decimal, Decimal, Decimal, Decimal]


@dataclass(frozen=True)
class DokumenInfo:
    kecamatan_id: int
    jenis: str
    tahun: int | None
    triwulan: int | None
    status: str
    status_label: str
    dibuat: datetime.date | None  # first saved (entered)
    diajukan: datetime.date | None  # first submitted
    diverifikasi: datetime.date | None  # last verified


@dataclass(frozen=True)
class PerbandinganData:
    kabupaten: str
    provinsi: str
    bappeda: str
    alamat_bappeda: str
    pilihan: Pilihan
    tahun_list: tuple[int, ...]  # years of the Renstra periods covering the chosen year
    kecamatan: tuple[KecamatanInfo, ...]
    program: tuple[tuple[str, str], ...] = ()  # (kode, nama) of the catalog programs, for the filter
    indikator: tuple[IndikatorKecamatan, ...] = ()
    anggaran: tuple[AnggaranProgram, ...] = ()
    dokumen: tuple[DokumenInfo, ...] = ()
    jumlah_indikator: dict[int, int] = field(default_factory=dict)  # per kecamatan: every indicator
    terisi: dict[tuple[int, int, int], int] = field(default_factory=dict)  # (kecamatan, tahun, tw) → entered
    # (kecamatan, tahun) → sub-kegiatan of its Renja without a sumber dana
    sumber_dana_kosong: dict[tuple[int, int], int] = field(default_factory=dict)
    kabupaten_demo: bool = False
    tenggat: AturanTenggat = ATURAN_TENGGAT  # the kabupaten's deadlines
