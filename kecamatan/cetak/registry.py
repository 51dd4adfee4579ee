"""Every printable table by its short name (tc27, tc33, iku, lkj …): how to fetch its data and
build its Report(s). Used by the table pages, the downloads and `manage.py cetak`.

To add a table: write its selector (fixed number of queries) and pure builder, then add a
TableSpec to TABLES below.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from kecamatan.cetak import renstra as renstra_tables
from kecamatan.cetak.renja import build_renja_tables
from kecamatan.lkj.data import LkjData
from kecamatan.lkj.selectors_data import lkj_data, pembanding_choices
from kecamatan.lkj.tables.iku import build_iku
from kecamatan.lkj.tables.lkj import build_lkj
from kecamatan.lkj.tables.lkj21 import build_lkj21
from kecamatan.lkj.tables.lkj22 import build_lkj22
from kecamatan.lkj.tables.lkj24 import build_lkj24
from kecamatan.lkj.tables.lkj31 import build_lkj31
from kecamatan.lkj.tables.lkj32 import build_lkj32
from kecamatan.lkj.tables.lkj33 import build_lkj33
from kecamatan.lkj.tables.lkj34 import build_lkj34
from kecamatan.lkj.tables.lkj35 import build_lkj35
from kecamatan.lkj.tables.lkj36 import build_lkj36
from kecamatan.lkj.tables.lkj37 import build_lkj37
from kecamatan.lkj.tables.lkj38 import build_lkj38
from kecamatan.lkj.tables.lkj39 import build_lkj39
from kecamatan.lkj.tables.pk import build_pk, build_tabel_23
from kecamatan.renja.tables.renja import LAYOUTS as RENJA_LAYOUTS
from kecamatan.tables.base import Report
from kecamatan.tables.layout import TableLayouts


@dataclass(frozen=True)
class TableParam:
    """An extra choice a table takes (a GET parameter on screen, `--opsi name=value` in `cetak`),
    e.g. the kecamatan that LKj Tabel 3.7 compares with. Passed to `build` as a keyword."""

    name: str  # "pembanding"
    label: str  # "Kecamatan pembanding"
    choices: Callable[[int], list[tuple[str, str]]]  # periode_id -> [(value, label)]


@dataclass(frozen=True)
class TableSpec:
    name: str  # "tc27"
    label: str  # shown in menus: "T-C.27 Rencana Program, Kegiatan, dan Pendanaan"
    dokumen: str  # renstra | renja | lkj | perbandingan
    build: Callable[..., list[Report]]  # (periode_id, tahun, **options) -> reports
    needs_tahun: bool = False  # yearly tables (Renja n, LKj n) need --tahun
    params: tuple[TableParam, ...] = ()  # optional choices; tables without any get no keywords
    layouts: TableLayouts | None = None  # tables printed in several layouts (kecamatan.tables.layout)

    def param_choices(self, periode_id: int) -> dict[str, list[tuple[str, str]]]:
        return {p.name: p.choices(periode_id) for p in self.params}

    def clean_options(self, options: Mapping[str, str], choices: Mapping[str, list[tuple[str, str]]]) -> dict[str, str]:
        """Only known parameters with allowed values; ValueError (Indonesian) otherwise."""
        known = {p.name: p for p in self.params}
        clean: dict[str, str] = {}
        for name, value in options.items():
            if not value:
                continue
            if name not in known:
                allowed = ", ".join(known) or "tidak ada"
                raise ValueError(f"Opsi '{name}' tidak dikenal untuk tabel {self.name}. Pilihan: {allowed}.")
            if value not in {v for v, _ in choices.get(name, [])}:
                raise ValueError(f"{known[name].label} '{value}' tidak dikenal.")
            clean[name] = value
        return clean

    def run(self, periode_id: int, tahun: int | None, options: Mapping[str, str] | None = None) -> list[Report]:
        return self.build(periode_id, tahun, **dict(options or {}))


def _renja(name: str) -> Callable[..., list[Report]]:
    def build(periode_id: int, tahun: int | None, **options) -> list[Report]:
        return build_renja_tables(periode_id, tahun, name, options.get("tata_letak", ""))

    return build


def _layout_param(layouts: TableLayouts) -> TableParam:
    """Another layout than the kabupaten's choice, on screen (?tata_letak=) or in `cetak --opsi`."""
    return TableParam("tata_letak", "Tata letak", lambda periode_id: layouts.choices())


def _renja_spec(name: str, label: str) -> TableSpec:
    layouts = RENJA_LAYOUTS.get(name)
    return TableSpec(name, label, "renja", _renja(name), needs_tahun=True,
                     params=(_layout_param(layouts),) if layouts else (), layouts=layouts)


RENSTRA_TABLES = [  # in the document's order (issue 5)
    TableSpec("tc23", "T-C.23 Pencapaian Kinerja Pelayanan", "renstra", renstra_tables.tc23),
    TableSpec("tc24", "T-C.24 Anggaran dan Realisasi Pendanaan", "renstra", renstra_tables.tc24),
    TableSpec("tc25", "T-C.25 Tujuan dan Sasaran", "renstra", renstra_tables.tc25),
    TableSpec("cascading", "Tabel 4.2 Cascading Kinerja", "renstra", renstra_tables.cascading),
    TableSpec("tc26", "T-C.26 Tujuan, Sasaran, Strategi dan Arah Kebijakan", "renstra", renstra_tables.tc26),
    TableSpec("tc27", "T-C.27 Rencana Program, Kegiatan, dan Pendanaan", "renstra", renstra_tables.tc27),
    TableSpec("tc28", "T-C.28 Kinerja Penyelenggara Bidang Urusan", "renstra", renstra_tables.tc28),
    TableSpec("renstra", "Renstra lengkap (semua tabel)", "renstra", renstra_tables.renstra),
]

RENJA_TABLES = [  # issue 6
    _renja_spec("tc29", "T-C.29 Evaluasi Hasil Pelaksanaan Renja"),
    _renja_spec("tc30", "T-C.30 Pencapaian Kinerja Pelayanan"),
    _renja_spec("tc31", "T-C.31 Review Rancangan Awal RKPD"),
    _renja_spec("tc32", "T-C.32 Usulan Pemangku Kepentingan"),
    _renja_spec("tc33", "T-C.33 Rencana Program dan Kegiatan"),
    _renja_spec("renja41", "Tabel 4.1 Program, Kegiatan dan Sub Kegiatan"),
    _renja_spec("renja", "Renja lengkap (semua tabel)"),
]


def _kinerja(builder: Callable[[LkjData], Report | list[Report]], *, comparison: bool = False):
    """Build function of an IKU/PK/LKj table: one `lkj_data` snapshot of the year, then the
    pure builder. Only tables that compare with another kecamatan take `pembanding`."""

    def build(periode_id: int, tahun: int | None, **options) -> list[Report]:
        data = lkj_data(periode_id, tahun, pembanding=options.get("pembanding") if comparison else None)
        result = builder(data)
        return result if isinstance(result, list) else [result]

    return build


PEMBANDING = TableParam("pembanding", "Kecamatan pembanding", pembanding_choices)


def _lkj_spec(name: str, label: str, builder: Callable[[LkjData], Report | list[Report]],
              comparison: bool = False) -> TableSpec:
    return TableSpec(name, label, "lkj", _kinerja(builder, comparison=comparison), needs_tahun=True,
                     params=(PEMBANDING,) if comparison else ())


TABLES: dict[str, TableSpec] = {
    spec.name: spec
    for spec in [
        *RENSTRA_TABLES,
        *RENJA_TABLES,
        # IKU, Perjanjian Kinerja and LKj of a year (issue 9)
        _lkj_spec("iku", "Indikator Kinerja Utama (IKU)", build_iku),
        _lkj_spec("pk", "Perjanjian Kinerja", build_pk),
        _lkj_spec("lkj", "LKj: seluruh tabel (2.1-3.9)", build_lkj, comparison=True),
        _lkj_spec("lkj21", "LKj Tabel 2.1 Indikator Kinerja Utama", build_lkj21),
        _lkj_spec("lkj22", "LKj Tabel 2.2 Target IKU", build_lkj22),
        _lkj_spec("lkj23", "LKj Tabel 2.3 Perjanjian Kinerja", build_tabel_23),
        _lkj_spec("lkj24", "LKj Tabel 2.4 Program dan Kegiatan yang Mendukung IKU", build_lkj24),
        _lkj_spec("lkj31", "LKj Tabel 3.1 Skala Nilai Kriteria Capaian", build_lkj31),
        _lkj_spec("lkj32", "LKj Tabel 3.2 Capaian Kinerja per Triwulan", build_lkj32),
        _lkj_spec("lkj33", "LKj Tabel 3.3 Target dan Realisasi Kinerja", build_lkj33),
        _lkj_spec("lkj34", "LKj Tabel 3.4 Capaian Tahun-Tahun Sebelumnya", build_lkj34),
        _lkj_spec("lkj35", "LKj Tabel 3.5 Capaian menurut Renstra Berjalan", build_lkj35),
        _lkj_spec("lkj36", "LKj Tabel 3.6 Realisasi dan Target Akhir Renstra", build_lkj36),
        _lkj_spec("lkj37", "LKj Tabel 3.7 Perbandingan dengan Kecamatan Lain", build_lkj37, comparison=True),
        _lkj_spec("lkj38", "LKj Tabel 3.8 Efisiensi Penggunaan Sumber Daya", build_lkj38),
        _lkj_spec("lkj39", "LKj Tabel 3.9 Realisasi Anggaran", build_lkj39),
    ]
}


@dataclass(frozen=True)
class DocumentSpec:
    """A whole official document (issue 10): cover, narrative, every table in its place, one PDF.
    `cetak dokumen-lkj --kecamatan jatiroto --tahun 2024`; on screen under /renstra/<pk>/naskah/<kunci>/."""

    name: str  # "dokumen-lkj"
    label: str
    jenis: str  # renstra | renja | lkj (Dokumen.Jenis)
    needs_tahun: bool = True


DOCUMENTS: dict[str, DocumentSpec] = {
    spec.name: spec
    for spec in [
        DocumentSpec("dokumen-renstra", "Renstra utuh (naskah dengan semua tabel)", "renstra", needs_tahun=False),
        DocumentSpec("dokumen-renja", "Renja utuh (naskah dengan semua tabel)", "renja"),
        DocumentSpec("dokumen-lkj", "LKj utuh (naskah dengan semua tabel)", "lkj"),
    ]
}


class UnknownTable(KeyError):
    pass


def get_table(name: str) -> TableSpec:
    try:
        return TABLES[name.lower()]
    except KeyError:
        known = ", ".join(sorted([*TABLES, *DOCUMENTS]))
        raise UnknownTable(f"Tabel '{name}' tidak dikenal. Pilihan: {known}.") from None


def tables_for(dokumen: str) -> list[TableSpec]:
    return [spec for spec in TABLES.values() if spec.dokumen == dokumen]
