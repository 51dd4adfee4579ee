"""Column widths of a printed table from its content, so that any Renstra length prints cleanly.

A builder's `Column.width` is a relative weight, tuned for its usual period (three years). A five-
or six-year period adds columns, and a kecamatan's Rp can reach 10^11: fixed percentages then make
bold Rp totals cross into the next column and header words break mid-word. Here every column gets
at least what its content needs at the printed size, measured with the PDF's font (DejaVu Sans):
- a cell that never wraps (Rp and other numbers, codes): its longest line, bold in bold rows;
- a header: its longest word, bold (a header word never breaks);
- a text column: its longest word up to `HYPHEN_CHARS` characters (a longer word hyphenates), and,
  when it holds sentences, room for `TEXT_FLOOR_CHARS` characters a line.
What is left of the page goes to the columns by their weights (a column whose share is below its
need gets its need, the rest share the remainder). When the needs exceed the page at 6 pt, the table
prints at 5,5 or 5 pt; beyond that its columns continue on further pages (`Bagian`), each repeating
the columns that name a row (`Report.repeat_columns`). Pure: no Django; the font files are read once.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from pathlib import Path

from kecamatan.tables.base import KODE, NUMERIC_KINDS, TEXT, Besaran, Report, format_cell

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))
FONT_FILES = {False: "DejaVuSans.ttf", True: "DejaVuSans-Bold.ttf"}
APPROX_EM = {False: 0.6, True: 0.68}  # mean advance of DejaVu Sans when its file is missing

SIZES = (6.0, 5.5, 5.0)  # pt, largest first; print.css sets 6 pt
PT_TO_MM = 25.4 / 72
PADDING_PT = 4.5  # td/th padding 2 pt each side and the 0,5 pt collapsed border (print.css)
LEVEL_INDENT_PT = {1: 4, 2: 10, 3: 16}  # the name column's extra left padding per level (print.css)
SLACK = 1.03  # kerning and rounding: a measured width is never the last tenth of a millimetre
BOLD_ROWS = {"total", "subtotal", "program"}  # tr.baris-* printed bold (print.css)
HYPHEN_CHARS = 10  # a longer word of a text cell may hyphenate
TEXT_FLOOR_CHARS = 12  # characters a line of a text column that holds sentences
SENTENCE_CHARS = 24  # a text column holds sentences when a cell is longer than this
MEAN_CHAR_EM = 0.55
CAP = 1.2  # a column that never wraps (numbers, codes) gets at most this much more than it needs
# content width (mm) of the print.css pages: A4 297 × 210, F4 330 × 215; margins 10 mm left and right
PAGE_WIDTH_MM = {("landscape", "A4"): 277.0, ("portrait", "A4"): 190.0,
                 ("landscape", "F4"): 310.0, ("portrait", "F4"): 195.0}
_BREAK = re.compile(r"(?<=[/-])(?=\w)|\s+")  # a line may break at spaces and after "/" or "-"


@functools.cache
def _advances(bold: bool) -> tuple[dict[int, float], float] | None:
    """{code point: advance in em} of DejaVu Sans (bold), or None when the font file is missing."""
    for folder in FONT_DIRS:
        path = folder / FONT_FILES[bold]
        if path.exists():
            from fontTools.ttLib import TTFont  # WeasyPrint's own dependency

            font = TTFont(str(path), lazy=True)
            per_em = font["head"].unitsPerEm
            hmtx = font["hmtx"]
            widths = {cp: hmtx[name][0] / per_em for cp, name in font.getBestCmap().items()}
            return widths, hmtx[".notdef"][0] / per_em
    return None


def text_width_pt(text: str, size: float, bold: bool = False) -> float:
    """Width of `text` on one line in DejaVu Sans at `size` pt."""
    metrics = _advances(bold)
    if metrics is None:
        return len(text) * APPROX_EM[bold] * size
    widths, missing = metrics
    return sum(widths.get(ord(ch), missing) for ch in text) * size


def words(text: str) -> list[str]:
    """The pieces a line of `text` can break into: at spaces, and after "/" or "-" inside words."""
    return [w for w in _BREAK.split(text) if w]


@dataclass(frozen=True)
class Cetak:
    """How one table prints: its column widths (mm, in column order) and font size (pt)."""

    widths_mm: tuple[float, ...]
    font_pt: float


@dataclass(frozen=True)
class Bagian:
    """One printed piece of a table: the whole table, or its columns up to a page's width
    (`part` 1, 2 … of `parts`)."""

    report: Report
    cetak: Cetak
    part: int = 1
    parts: int = 1


def _column_texts(report: Report) -> dict[str, list[tuple[str, bool, bool]]]:
    """(text, bold, is a Besaran) of every cell by column key."""
    out: dict[str, list[tuple[str, bool, bool]]] = {c.key: [] for c in report.columns}
    for row in report.rows:
        if row.kind == "band":
            continue
        bold = row.kind in BOLD_ROWS
        for col in report.columns:
            value = row.cells.get(col.key)
            text = format_cell(value, col.kind)
            if text:
                out[col.key].append((text, bold, isinstance(value, Besaran)))
    return out


def _cell_need(col, texts, size: float, name_column: str | None, levels: int) -> float:
    """pt a column's cells need at `size`, padding left out."""
    nowrap = col.kind == KODE or col.kind in NUMERIC_KINDS
    need = 0.0
    for text, bold, besaran in texts:
        for line in text.split("\n"):
            if nowrap and not besaran:
                need = max(need, text_width_pt(line, size, bold) * SLACK)
                continue
            longest = max((text_width_pt(w, size, bold) for w in words(line)), default=0.0)
            cap = HYPHEN_CHARS * MEAN_CHAR_EM * size * (1.15 if bold else 1)
            need = max(need, min(longest * SLACK, cap))
    if col.kind == TEXT and any(len(t) > SENTENCE_CHARS for t, _, _ in texts):
        need = max(need, TEXT_FLOOR_CHARS * MEAN_CHAR_EM * size)
    if col.key == name_column:
        need += LEVEL_INDENT_PT.get(levels, 0)
    return need


def _header_need(text: str, size: float, bold: bool = True) -> float:
    return max((text_width_pt(w, size, bold) for w in words(text)), default=0.0) * SLACK


def needs_mm(report: Report, size: float, texts=None) -> list[float]:
    """The least width (mm) of each column at `size` pt: content, header words, padding."""
    texts = _column_texts(report) if texts is None else texts
    levels = max((r.level for r in report.rows if r.kind != "band"), default=0)
    need = []
    for col in report.columns:
        pt = max(_cell_need(col, texts[col.key], size, report.name_column, levels),
                 _header_need(col.label, size),
                 _header_need(col.number, size, bold=False))
        need.append((pt + PADDING_PT) * PT_TO_MM)
    for label, start, span in report.header_groups():  # a group's longest word over its columns
        if span > 1:
            short = (_header_need(label, size) + PADDING_PT) * PT_TO_MM - sum(need[start:start + span])
            for i in range(start, start + span):
                need[i] += max(short, 0) / span
    return need


def distribute(weights: list[float], needs: list[float], total: float,
               caps: list[float | None] | None = None) -> list[float]:
    """`total` shared by `weights`, every column at least its need (sum(needs) ≤ total); a column
    with a cap (one that never wraps) gives what it gets beyond it to the columns without one."""
    weights = [max(w, 0.1) for w in weights]
    widths: list[float | None] = [None] * len(weights)
    while True:
        free = [i for i, w in enumerate(widths) if w is None]
        left = total - sum(w for w in widths if w is not None)
        weight = sum(weights[i] for i in free)
        short = [i for i in free if left * weights[i] / weight < needs[i]]
        if not short:
            for i in free:
                widths[i] = left * weights[i] / weight
            break
        for i in short:
            widths[i] = needs[i]
    out = [float(w) for w in widths]
    caps = caps or [None] * len(out)
    open_ = [i for i, cap in enumerate(caps) if cap is None]
    surplus = sum(max(out[i] - cap, 0) for i, cap in enumerate(caps) if cap is not None)
    if open_ and surplus > 0:
        weight = sum(weights[i] for i in open_)
        for i, cap in enumerate(caps):
            out[i] = out[i] + surplus * weights[i] / weight if cap is None else min(out[i], cap)
    return out


def fit(report: Report, page_mm: float | None = None, sizes: tuple[float, ...] = SIZES) -> list[Bagian]:
    """How `report` prints: at the largest of `sizes` its columns fit the page (`page_mm` wide,
    else its orientation's print.css page), else split by columns at the smallest."""
    page_mm = page_mm or PAGE_WIDTH_MM.get((report.orientation, report.page_size), PAGE_WIDTH_MM[("landscape", "A4")])
    texts = _column_texts(report)
    cetak = _fitting(report, page_mm, texts, sizes)
    if cetak is not None:
        return [Bagian(report, cetak)]
    pieces = [_piece(report, keys) for keys in _split(report, page_mm, texts, sizes[-1])]
    fits = [_fitting(p, page_mm, None, sizes) for p in pieces]
    size = min(f.font_pt if f else sizes[-1] for f in fits)  # every piece at one size
    return [Bagian(p, _fitting(p, page_mm, None, (size,)) or _squeezed(p, page_mm, size), i, len(pieces))
            for i, p in enumerate(pieces, start=1)]


def _fitting(report: Report, page_mm: float, texts, sizes: tuple[float, ...] = SIZES) -> Cetak | None:
    """Widths at the first of `sizes` at which the columns' needs fit the page, else None."""
    texts = _column_texts(report) if texts is None else texts
    for size in sizes:
        need = needs_mm(report, size, texts)
        if sum(need) <= page_mm:
            caps = [n * CAP if c.kind == KODE or c.kind in NUMERIC_KINDS else None for c, n in zip(report.columns, need)]
            return Cetak(tuple(distribute([c.width for c in report.columns], need, page_mm, caps)), size)
    return None


def _squeezed(report: Report, page_mm: float, size: float) -> Cetak:
    """A piece too wide even alone (one column wider than the page): shrunk to the page."""
    need = needs_mm(report, size)
    scale = page_mm / sum(need)
    return Cetak(tuple(n * scale for n in need), size)


def _blocks(report: Report) -> list[list[str]]:
    """Columns that print together: a header group's columns, or one ungrouped column."""
    out: list[list[str]] = []
    for label, start, span in report.header_groups():
        out.append([c.key for c in report.columns[start:start + span]])
    return out


def _split(report: Report, page_mm: float, texts, size: float) -> list[list[str]]:
    """Column keys of each page-wide piece at the smallest size, filled in order, then evened out
    (the last columns of a piece move to the next while that one stays narrower); a later piece
    repeats `Report.repeat_columns` (else the first column and the name column)."""
    need = dict(zip(report.keys, needs_mm(report, size, texts)))
    repeat = [k for k in dict.fromkeys(report.repeat_columns or (report.keys[0], report.name_column)) if k in need]
    pieces: list[list[list[str]]] = [[]]
    for block in _blocks(report):
        if pieces[-1] and _width(need, pieces[-1] + [block], repeat, len(pieces) > 1) > page_mm \
                and any(k not in repeat for b in pieces[-1] for k in b):
            pieces.append([])
        pieces[-1].append(block)
    for i in range(len(pieces) - 1, 0, -1):
        while len(pieces[i - 1]) > 1 and not set(pieces[i - 1][-1]) & set(repeat):
            block = pieces[i - 1][-1]
            moved = sum(need[k] for k in block)
            after = _width(need, [block] + pieces[i], repeat, True)
            if after > page_mm or after > _width(need, pieces[i - 1], repeat, i > 1) - moved:
                break
            pieces[i].insert(0, pieces[i - 1].pop())
    order = {k: n for n, k in enumerate(report.keys)}
    return [sorted({*(repeat if i else ()), *(k for b in p for k in b)}, key=order.__getitem__)
            for i, p in enumerate(pieces)]


def _width(need: dict[str, float], blocks: list[list[str]], repeat: list[str], continued: bool) -> float:
    keys = {k for b in blocks for k in b} | (set(repeat) if continued else set())
    return sum(need[k] for k in keys)


def _piece(report: Report, keys: list[str]) -> Report:
    """The report with these columns only (numbers and labels kept)."""
    keep = set(keys)
    columns = tuple(c for c in report.columns if c.key in keep)
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
    return replace(report, columns=columns, rows=rows,
                   name_column=report.name_column if report.name_column in keep else None)
