"""Totals a sheet states about itself: numbers typed where the template wrote a formula (over
the protection), compared with the formula's own sum over the values in the same file. Findings
for the preview (`checks.jumlah`), never written: the app sums by itself. Pure."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from kecamatan.checks.jumlah import JumlahTertulis, column_index, parse_rumus
from kecamatan.checks.jumlah import jumlah_tertulis as compare_typed
from kecamatan.importing.base import FIRST_DATA_ROW
from kecamatan.importing.layout import Row, Rumus, Sheet


@dataclass
class Sums:
    """What a sheet says about its own totals: numbers typed where the template wrote a formula, and
    the values of the input cells those formulas add up (None: the cell could not be read)."""

    typed: list[tuple[str, str, int, Decimal]] = field(default_factory=list)  # (row ref, column key, baris, value)
    values: dict[tuple[str, str], Decimal | None] = field(default_factory=dict)


def typed_number(cell) -> Decimal | None:
    """A number someone typed (not a formula, not text) in a cell."""
    value = cell.value
    if getattr(cell, "data_type", "") == "f" or isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        return None
    return Decimal(str(value))


def jumlah_tertulis(sheet: Sheet, sums: Sums) -> list[JumlahTertulis]:
    """Each total typed over a template formula that disagrees with the formula's own sum over the
    values in the same file (rows the file left out keep their current values)."""
    keys = [c.key for c in sheet.columns]
    by_ref = {row.ref: row for row in sheet.rows}
    current = {(row.ref, item.columns[0]): item.current for row in sheet.rows for item in row.items
               if len(item.columns) == 1}

    def value(ref: str, key: str, depth: int = 0) -> Decimal | None:
        row = by_ref.get(ref)
        formula = row.cells.get(key) if row is not None else None
        if isinstance(formula, Rumus) and depth < 10:
            total = Decimal(0)
            for letter, r in parse_rumus(formula):
                i, j = r - FIRST_DATA_ROW, column_index(letter) - 1
                if not (0 <= i < len(sheet.rows) and 0 <= j < len(keys)):
                    return None
                part = value(sheet.rows[i].ref, keys[j], depth + 1)
                if part is None:
                    return None
                total += part
            return total
        if (ref, key) in sums.values:
            return sums.values[(ref, key)]
        found = current.get((ref, key))
        return found if isinstance(found, Decimal) else Decimal(0)

    typed = [(sheet.name, baris, sheet.heading(key), _tempat(by_ref[ref]), (ref, key), number)
             for ref, key, baris, number in sums.typed]
    return compare_typed(typed, lambda cell: value(*cell))


def _tempat(row: Row) -> str:
    return "JUMLAH" if row.level == "total" else f"{row.kode} {row.cells.get('uraian', '')}".strip()
