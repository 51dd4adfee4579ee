"""Every printable table by its short name (tc27, tc33, iku, lkj …): how to fetch its data and
build its Report(s). Used by the table pages, the downloads and `manage.py cetak`.

To add a table: write its selector (fixed number of queries) and pure builder, then add a
TableSpec to TABLES below.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from . import renstra_tables
from .base import Report


@dataclass(frozen=True)
class TableSpec:
    name: str  # "tc27"
    label: str  # shown in menus: "T-C.27 Rencana Program, Kegiatan, dan Pendanaan"
    dokumen: str  # renstra | renja | lkj | perbandingan
    build: Callable[[int, int | None], list[Report]]  # (periode_id, tahun) -> reports
    needs_tahun: bool = False  # yearly tables (Renja n, LKj n) need --tahun


def _renja(name: str) -> Callable[[int, int | None], list[Report]]:
    def build(periode_id: int, tahun: int | None) -> list[Report]:
        from .renja import build_renja_tables

        return build_renja_tables(periode_id, tahun, name)

    return build


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
    TableSpec("tc29", "T-C.29 Evaluasi Hasil Pelaksanaan Renja", "renja", _renja("tc29"), needs_tahun=True),
    TableSpec("tc30", "T-C.30 Pencapaian Kinerja Pelayanan", "renja", _renja("tc30"), needs_tahun=True),
    TableSpec("tc31", "T-C.31 Review Rancangan Awal RKPD", "renja", _renja("tc31"), needs_tahun=True),
    TableSpec("tc32", "T-C.32 Usulan Pemangku Kepentingan", "renja", _renja("tc32"), needs_tahun=True),
    TableSpec("tc33", "T-C.33 Rencana Program dan Kegiatan", "renja", _renja("tc33"), needs_tahun=True),
    TableSpec("renja41", "Tabel 4.1 Program, Kegiatan dan Sub Kegiatan", "renja", _renja("renja41"), needs_tahun=True),
    TableSpec("renja", "Renja lengkap (semua tabel)", "renja", _renja("renja"), needs_tahun=True),
]

TABLES: dict[str, TableSpec] = {
    spec.name: spec
    for spec in [
        *RENSTRA_TABLES,
        *RENJA_TABLES,
    ]
}


class UnknownTable(KeyError):
    pass


def get_table(name: str) -> TableSpec:
    try:
        return TABLES[name.lower()]
    except KeyError:
        known = ", ".join(sorted(TABLES))
        raise UnknownTable(f"Tabel '{name}' tidak dikenal. Pilihan: {known}.") from None


def tables_for(dokumen: str) -> list[TableSpec]:
    return [spec for spec in TABLES.values() if spec.dokumen == dokumen]
