"""Layouts as data: the ways the offices of a kabupaten print one official table.

Offices print the same table in different layouts and Bappeda chooses one for all its kecamatan,
so a table never hard-codes "the" layout of the one document it was first built from. A table
module declares its `TableLayouts`: the first `Layout` is the annex (lampiran) of Permendagri
86/2017, the default; every other is a named variant seen in a real document, with `source`
saying where. A builder computes the cells of every column it knows (its full set of keyed
columns), then `apply` keeps the layout's columns in the layout's order with the layout's
numbering row and percent rounding. What a builder computes differently per layout (the rule of
T-C.29 column 4, the years of T-C.30) it reads from `Layout.options`.

Which layout prints is decided outside (`kecamatan.cetak.tataletak`): a submitted or verified
document keeps the layout it was printed with, else the kabupaten's choice, else the default.
Pure: no Django, no database.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from kecamatan.tables.base import PERSEN, PERSEN_BULAT, Column, Report

# how computed percentages print: whole percent rounded half-up (110%), or two decimals (110,47%)
BULAT = "bulat"
DUA_DESIMAL = "dua-desimal"
PERSEN_KINDS = {BULAT: PERSEN_BULAT, DUA_DESIMAL: PERSEN}


@dataclass(frozen=True)
class Layout:
    name: str  # "lampiran", "rupiah", "senduro": stored in the kabupaten's choice and a document's record
    label: str  # shown to the admin kabupaten: "Lampiran Permendagri 86/2017 (11 kolom)"
    source: str  # where this layout is printed: "Lampiran Permendagri 86/2017", "Renja Kecamatan Senduro 2024"
    columns: tuple[str, ...] = ()  # column keys in print order; () keeps the builder's columns and order
    numbers: Mapping[str, str] = field(default_factory=dict)  # key → numbering label that is not a plain count: "8=(7/6)"
    unnumbered: frozenset[str] = frozenset()  # keys printed without a number (the count skips them)
    persen: str = BULAT  # BULAT | DUA_DESIMAL: computed percentages (kind PERSEN) of this table
    options: Mapping[str, str] = field(default_factory=dict)  # what the builder computes differently: {"kolom4": "akhir-periode"}
    labels: Mapping[str, str] = field(default_factory=dict)  # key → header label replacing the builder's
    groups: Mapping[str, str] = field(default_factory=dict)  # key → group header replacing the builder's

    def __post_init__(self) -> None:
        if self.persen not in PERSEN_KINDS:
            raise ValueError(f"layout {self.name}: persen must be one of {', '.join(PERSEN_KINDS)}")

    def option(self, name: str, default: str = "") -> str:
        return self.options.get(name, default)

    def describe(self) -> str:
        """One line for the choice page: label, source, percent rounding."""
        persen = "persen bulat" if self.persen == BULAT else "persen dua desimal"
        return f"{self.label} — {self.source}; {persen}"


@dataclass(frozen=True)
class TableLayouts:
    table: str  # the registry name: "tc29"
    layouts: tuple[Layout, ...]  # the first is the annex, the default

    def __post_init__(self) -> None:
        names = [layout.name for layout in self.layouts]
        if not names or len(set(names)) != len(names):
            raise ValueError(f"{self.table}: layouts need distinct names, at least one")

    @property
    def default(self) -> Layout:
        return self.layouts[0]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(layout.name for layout in self.layouts)

    def get(self, name: str | None) -> Layout:
        """The layout of that name; the default for None or "" (nothing chosen)."""
        if not name:
            return self.default
        for layout in self.layouts:
            if layout.name == name:
                return layout
        raise KeyError(f"Tata letak '{name}' tidak dikenal untuk tabel {self.table}. "
                       f"Pilihan: {', '.join(self.names)}.")

    def choices(self) -> list[tuple[str, str]]:
        return [(layout.name, layout.label) for layout in self.layouts]


def _number(layout: Layout, columns: tuple[Column, ...]) -> tuple[Column, ...]:
    out, count = [], 0
    for col in columns:
        if col.key in layout.unnumbered:
            out.append(replace(col, number=""))
            continue
        count += 1
        out.append(replace(col, number=layout.numbers.get(col.key, str(count))))
    return tuple(out)


def select_columns(layout: Layout, columns: tuple[Column, ...]) -> tuple[Column, ...]:
    """The layout's columns, in its order, numbered, relabelled and with its percent kind."""
    if layout.columns:
        by_key = {c.key: c for c in columns}
        missing = [k for k in layout.columns if k not in by_key]
        if missing:
            raise ValueError(f"layout {layout.name}: the builder has no column {', '.join(missing)}")
        columns = tuple(by_key[k] for k in layout.columns)
    persen_kind = PERSEN_KINDS[layout.persen]
    columns = tuple(
        replace(
            col,
            kind=persen_kind if col.kind in (PERSEN, PERSEN_BULAT) else col.kind,
            label=layout.labels.get(col.key, col.label),
            group=layout.groups.get(col.key, col.group),
        )
        for col in columns
    )
    return _number(layout, columns)


def apply(layout: Layout, report: Report) -> Report:
    """The report as the layout prints it: its columns only (cells of other columns dropped from
    every row), renumbered. A name column the layout drops is no longer indented."""
    columns = select_columns(layout, report.columns)
    keep = {c.key for c in columns}
    rows = tuple(
        row if row.kind == "band" else replace(
            row,
            cells={k: v for k, v in row.cells.items() if k in keep},
            rowspan={k: v for k, v in row.rowspan.items() if k in keep},
            fill={k: v for k, v in row.fill.items() if k in keep},
            links={k: v for k, v in row.links.items() if k in keep},
        )
        for row in report.rows
    )
    name_column = report.name_column if report.name_column in keep else None
    return replace(report, columns=columns, rows=rows, name_column=name_column)


def single(table: str, source: str = "Lampiran Permendagri 86/2017", persen: str = DUA_DESIMAL) -> TableLayouts:
    """The layouts of a table printed one way only: its builder's columns as they are."""
    return TableLayouts(table, (Layout("lampiran", "Sesuai lampiran", source, persen=persen),))
