"""Small pieces shared by the Renstra table builders (T-C.23 … T-C.28): the kop, the title line
naming the kecamatan, and a row buffer that merges cells downwards. Pure, no Django."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from kecamatan.core.formatting import sebutan_kabupaten
from kecamatan.tables.base import COVERED, Column, Kop, Row, kop_kecamatan


def kop_of(data, tahun: tuple[int, ...] | None = None) -> Kop:
    """Letterhead from any snapshot with `kabupaten`, `kecamatan` and `kantor`, with the Renstra's
    title for a table printed on its own; `tahun` the Renstra's years (default `data.tahun`)."""
    tahun = data.tahun if tahun is None else tahun
    judul = f"RENCANA STRATEGIS (RENSTRA) KECAMATAN {data.kecamatan.upper()}"
    if tahun:
        judul += f" TAHUN {tahun[0]}-{tahun[-1]}"
    return kop_kecamatan(data.kabupaten, data.kecamatan, data.kantor, judul)


def wilayah(data) -> str:
    return f"Kecamatan {data.kecamatan} {sebutan_kabupaten(data.kabupaten)}"


def rencana_daerah(tahun: tuple[int, ...]) -> str:
    """The kabupaten plan a Renstra follows: a short transition period (e.g. 2024-2026) follows
    the RPD (Inmendagri 52/2022), a full five-year one the RPJMD."""
    return "RPD" if len(tahun) < 5 else "RPJMD"


def filename(code: str, data, tahun: tuple[int, ...]) -> str:
    return f"{code}-{data.kecamatan.lower()}-{tahun[0]}-{tahun[-1]}"


@dataclass
class _Draft:
    kind: str
    cells: dict[str, object] = field(default_factory=dict)
    level: int = 0
    rowspan: dict[str, int] = field(default_factory=dict)
    text: str = ""


class RowBuffer:
    """Collects rows (cells by column key), then merges cells downwards (rowspan) and freezes
    them into Rows."""

    def __init__(self, columns: Sequence[Column]) -> None:
        self.keys = tuple(c.key for c in columns)
        self._rows: list[_Draft] = []

    def __len__(self) -> int:
        return len(self._rows)

    def add(self, kind: str, cells: Mapping[str, object], level: int = 0) -> int:
        unknown = set(cells) - set(self.keys)
        if unknown:
            raise ValueError(f"no column for key(s) {', '.join(sorted(unknown))}")
        self._rows.append(_Draft(kind, dict(cells), level))
        return len(self._rows) - 1

    def band(self, text: str) -> int:
        self._rows.append(_Draft("band", text=text))
        return len(self._rows) - 1

    def merge(self, first: int, key: str, span: int) -> None:
        """Let the cell of row `first` in column `key` cover the `span - 1` rows below it."""
        if span <= 1:
            return
        if first + span > len(self._rows) or any(r.kind == "band" for r in self._rows[first:first + span]):
            raise ValueError("a merged cell cannot cross a band row or the end of the table")
        self._rows[first].rowspan[key] = span
        for row in self._rows[first + 1:first + span]:
            row.cells[key] = COVERED

    def rows(self) -> tuple[Row, ...]:
        return tuple(Row(r.kind, dict(r.cells), level=r.level, rowspan=dict(r.rowspan), text=r.text)
                     for r in self._rows)
