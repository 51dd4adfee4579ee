"""Small pieces shared by the Renstra table builders (T-C.23 … T-C.28): the kop, the title line
naming the kecamatan, and a row buffer that merges cells downwards. Pure, no Django."""

from __future__ import annotations

from dataclasses import dataclass, field

from kecamatan.tables.base import COVERED, Kop, Row


def kop_of(data) -> Kop:
    """Letterhead from any snapshot with `kabupaten` and `kecamatan` names."""
    return Kop(pemerintah=f"PEMERINTAH KABUPATEN {data.kabupaten.upper()}", instansi=f"KECAMATAN {data.kecamatan.upper()}")


def wilayah(data) -> str:
    return f"Kecamatan {data.kecamatan} Kabupaten {data.kabupaten}"


def rencana_daerah(tahun: tuple[int, ...]) -> str:
    """The kabupaten plan a Renstra follows: a short transition period (e.g. 2024-2026) follows
    the RPD (Inmendagri 52/2022), a full five-year one the RPJMD."""
    return "RPD" if len(tahun) < 5 else "RPJMD"


def filename(code: str, data, tahun: tuple[int, ...]) -> str:
    return f"{code}-{data.kecamatan.lower()}-{tahun[0]}-{tahun[-1]}"


@dataclass
class _Draft:
    kind: str
    cells: list
    level: int = 0
    rowspan: dict[int, int] = field(default_factory=dict)


class RowBuffer:
    """Collects rows, then merges cells downwards (rowspan) and freezes them into Rows."""

    def __init__(self, ncols: int) -> None:
        self.ncols = ncols
        self._rows: list[_Draft] = []

    def __len__(self) -> int:
        return len(self._rows)

    def add(self, kind: str, cells: list, level: int = 0) -> int:
        if len(cells) != self.ncols:
            raise ValueError(f"row has {len(cells)} cells for {self.ncols} columns")
        self._rows.append(_Draft(kind, list(cells), level))
        return len(self._rows) - 1

    def band(self, text: str) -> int:
        self._rows.append(_Draft("band", [text]))
        return len(self._rows) - 1

    def merge(self, first: int, column: int, span: int) -> None:
        """Let the cell of row `first` in `column` cover the `span - 1` rows below it."""
        if span <= 1:
            return
        if first + span > len(self._rows) or any(r.kind == "band" for r in self._rows[first:first + span]):
            raise ValueError("a merged cell cannot cross a band row or the end of the table")
        self._rows[first].rowspan[column] = span
        for row in self._rows[first + 1:first + span]:
            row.cells[column] = COVERED

    def rows(self) -> tuple[Row, ...]:
        return tuple(Row(r.kind, tuple(r.cells), level=r.level, rowspan=dict(r.rowspan)) for r in self._rows)
