"""Every printable table by its short name (tc27, tc33, iku, lkj …): how to fetch its data and
build its Report(s). Used by the table pages, the downloads and `manage.py cetak`.

To add a table: write its selector (fixed number of queries) and pure builder, then add a
TableSpec to TABLES below.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from .base import Report


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
