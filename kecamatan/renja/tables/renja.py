"""The Renja tables of a year, fetched once and built together: for the registry (one table or the
whole Renja in document order) and the Renja pages."""

from __future__ import annotations

from dataclasses import replace

from kecamatan.renja.data import RenjaData
from kecamatan.renja.tables.common import build_catatan, resolve_notes
from kecamatan.renja.tables.renja41 import build_renja41
from kecamatan.renja.tables import tc29, tc30, tc32, tc33
from kecamatan.renja.tables.tc29 import build_tc29
from kecamatan.renja.tables.tc30 import build_tc30
from kecamatan.renja.tables.tc31 import build_tc31
from kecamatan.renja.tables.tc32 import build_tc32
from kecamatan.renja.tables.tc33 import build_tc33
from kecamatan.tables.base import Report
from kecamatan.tables.layout import TableLayouts

# document order of the Renja: BAB II Tabel 2.1, 2.2, 2.5, 2.6; BAB III T-C.33; BAB IV Tabel 4.1
BUILDERS = {
    "tc29": build_tc29,
    "tc30": build_tc30,
    "tc31": build_tc31,
    "tc32": build_tc32,
    "tc33": build_tc33,
    "renja41": build_renja41,
}


# the tables printed in more than one layout (kecamatan.tables.layout), by registry name
LAYOUTS: dict[str, TableLayouts] = {
    layouts.table: layouts for layouts in (tc29.LAYOUTS, tc30.LAYOUTS, tc32.LAYOUTS, tc33.LAYOUTS)
}


def build_with_closing_note(data: RenjaData, names) -> list[Report]:
    """The Renja tables named, in document order; then, if the Renja was taken over from a paper
    document with errors, the closing note listing each place (a table of its own, so its header
    repeats on every page); the signature once, after the last."""
    bare = replace(data, catatan=())
    reports, notes = [], []
    for name in names:
        report = BUILDERS[name](bare)
        notes.extend(resolve_notes(data.catatan_for(name), report))
        reports.append(report)
    if notes:
        reports.append(build_catatan(data, notes))
    return [replace(r, penandatangan=None) for r in reports[:-1]] + reports[-1:]


def build_renja_document(data: RenjaData) -> list[Report]:
    """Every Renja table in document order (see build_with_closing_note)."""
    return build_with_closing_note(data, BUILDERS)


