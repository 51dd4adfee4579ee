"""Every printable table by its short name (tc27, tc33, iku, lkj …): how to fetch its data and
build its Report(s). Used by the table pages, the downloads and `manage.py cetak`.

To add a table: write its selector (fixed number of queries) and pure builder, then add a
TableSpec to TABLES below.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .base import Report


@dataclass(frozen=True)
class TableSpec:
    name: str  # "tc27"
    label: str  # shown in menus: "T-C.27 Rencana Program, Kegiatan, dan Pendanaan"
    dokumen: str  # renstra | renja | lkj | perbandingan
    build: Callable[[int, int | None], list[Report]]  # (periode_id, tahun) -> reports
    needs_tahun: bool = False  # yearly tables (Renja n, LKj n) need --tahun


def _tc27(periode_id: int, tahun: int | None) -> list[Report]:
    from ..selectors import renstra_data
    from .tc27 import build_tc27

    return [build_tc27(renstra_data(periode_id))]


TABLES: dict[str, TableSpec] = {
    spec.name: spec
    for spec in [
        TableSpec("tc27", "T-C.27 Rencana Program, Kegiatan, dan Pendanaan", "renstra", _tc27),
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
