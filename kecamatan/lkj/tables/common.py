"""What the IKU, PK and LKj builders share: kop, row numbering, cells with units, stacked rows
for a row with several indicators. Pure: no database."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from kecamatan.core.computations import akhir_periode
from kecamatan.core.formatting import Nilai
from kecamatan.lkj.data import KinerjaItem, LkjData
from kecamatan.renstra.data import IndikatorData
from kecamatan.tables.base import COVERED, Besaran, Kop, Report, Row

LEVEL_LABEL = {"tujuan": "Tujuan", "sasaran": "Sasaran Strategis"}


def kop(data: LkjData) -> Kop:
    r = data.renstra
    return Kop(pemerintah=f"PEMERINTAH KABUPATEN {r.kabupaten.upper()}", instansi=f"KECAMATAN {r.kecamatan.upper()}")


def filename(data: LkjData, name: str) -> str:
    return f"{name}-{data.renstra.kecamatan.lower()}-{data.tahun}"


def besaran(value: Nilai | None, indikator: IndikatorData) -> Besaran | None:
    """A value printed with the indicator's unit; None (printed "-") when nothing was entered."""
    if value is None or value.is_empty:
        return None
    return Besaran(value, indikator.satuan)


def target_akhir(indikator: IndikatorData, tahun: Sequence[int]) -> Nilai:
    """The end-of-Renstra target (computations.akhir_periode), keeping the label of the year it
    comes from when it is that year's value (70 (B-))."""
    value = akhir_periode([indikator.target_of(t).nilai for t in tahun], indikator.aturan)
    if value is None:
        return Nilai()
    for t in reversed(tahun):
        typed = indikator.target_of(t)
        if typed.nilai == value:
            return Nilai(value, typed.label)
    return Nilai(value)


def grouped(items: Iterable[KinerjaItem]) -> list[tuple[str, list[KinerjaItem]]]:
    """Items split into a "Tujuan" and a "Sasaran Strategis" block, in order."""
    blocks: dict[str, list[KinerjaItem]] = {}
    for item in items:
        blocks.setdefault(item.level, []).append(item)
    return [(LEVEL_LABEL[level], rows) for level, rows in blocks.items()]


def numbered_items(data: LkjData) -> list[tuple[str, KinerjaItem]]:
    """Rows of the performance tables: tujuan rows unnumbered, sasaran rows by their number, as
    the LKj prints them (Tabel 3.2, 3.3)."""
    return [("" if item.level == "tujuan" else str(item.nomor), item) for item in data.items()]


def stacked(kind: str, ncols: int, shared: dict[int, object], per_row: list[dict[int, object]],
            level: int = 0) -> list[Row]:
    """One Row per indicator of a node; the cells in `shared` (name, budget …) are printed once
    and merged over the stack, as the documents do."""
    per_row = per_row or [{}]
    span = len(per_row)
    rows = []
    for k, cells_k in enumerate(per_row):
        cells: list = [""] * ncols
        for i, value in shared.items():
            cells[i] = value if k == 0 else COVERED
        for i, value in cells_k.items():
            cells[i] = value
        rowspan = {i: span for i in shared} if (k == 0 and span > 1) else {}
        rows.append(Row(kind, tuple(cells), level=level, rowspan=rowspan))
    return rows


def only_last_signed(reports: list[Report]) -> list[Report]:
    """A document of several tables carries its signature once, after the last one."""
    from dataclasses import replace

    return [replace(r, penandatangan=None, counter_signatory=None) for r in reports[:-1]] + reports[-1:]
