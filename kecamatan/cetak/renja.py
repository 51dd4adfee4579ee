"""How the Renja tables fetch their data and build their Report(s): the `build` function the registry
points to for every Renja table."""

from __future__ import annotations

from kecamatan.renja.selectors import renja_data
from kecamatan.renja.tables.renja import BUILDERS, build_with_closing_note
from kecamatan.tables.base import Report


def build_renja_tables(periode_id: int, tahun: int | None, name: str, tata_letak: str = "") -> list[Report]:
    """`tata_letak` asks for one layout of table `name` instead of the one the document prints."""
    if tahun is None:
        raise ValueError("Tabel Renja memerlukan tahun (--tahun).")
    data = renja_data(periode_id, tahun, {name: tata_letak} if tata_letak else None)
    return build_with_closing_note(data, BUILDERS if name == "renja" else [name])
