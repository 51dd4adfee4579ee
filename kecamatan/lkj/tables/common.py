"""What the IKU, PK and LKj builders share: kop, row numbering, cells with units, stacked rows
for a row with several indicators. Pure: no database."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from kecamatan.core.computations import akhir_periode
from kecamatan.core.formatting import Nilai
from kecamatan.lkj.data import KinerjaItem, LkjData
from kecamatan.renstra.data import IndikatorData
from kecamatan.tables.base import COVERED, Besaran, Column, Kop, Report, Row, kop_kecamatan

LEVEL_LABEL = {"tujuan": "Tujuan", "sasaran": "Sasaran Strategis"}


def kop(data: LkjData, *, lkj: bool = True) -> Kop:
    """Letterhead with the office's address; a table of the LKj printed on its own carries the
    LKj's title too, the IKU and the Perjanjian Kinerja (documents of their own) do not."""
    r = data.renstra
    judul = f"LAPORAN KINERJA KECAMATAN {r.kecamatan.upper()} TAHUN {data.tahun}" if lkj else ""
    return kop_kecamatan(r.kabupaten, r.kecamatan, r.kantor, judul)


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


def stacked(kind: str, columns: Sequence[Column], shared: Mapping[str, object],
            per_row: list[Mapping[str, object]], level: int = 0) -> list[Row]:
    """One Row per indicator of a node; the cells in `shared` (name, budget …, by column key) are
    printed once and merged over the stack, as the documents do. Cells not given print empty."""
    per_row = per_row or [{}]
    span = len(per_row)
    rows = []
    for k, cells_k in enumerate(per_row):
        cells = blank(columns)
        cells.update(shared if k == 0 else dict.fromkeys(shared, COVERED))
        cells.update(cells_k)
        rowspan = dict.fromkeys(shared, span) if (k == 0 and span > 1) else {}
        rows.append(Row(kind, cells, level=level, rowspan=rowspan))
    return rows


def blank(columns: Iterable[Column]) -> dict[str, object]:
    """A row with an empty text in every column, to be filled by key (a printed "", not "-")."""
    return dict.fromkeys((c.key for c in columns), "")


def only_last_signed(reports: list[Report]) -> list[Report]:
    """A document of several tables carries its signature once, after the last one."""
    from dataclasses import replace

    return [replace(r, penandatangan=None, counter_signatory=None) for r in reports[:-1]] + reports[-1:]
