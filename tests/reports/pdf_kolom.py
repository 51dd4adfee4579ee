"""Where every word of a PDF lies against the table's ruling lines: the check that no text leaves
its cell, read from the PDF itself (poppler's pdftotext -bbox-layout for the words, the content
stream for the lines WeasyPrint draws as cell borders).

WeasyPrint 70 writes each page under two transforms (flip, then CSS px → pt) and draws every cell
border as its own path `x1 y1 m x2 y2 l S`; a vertical one (x1 = x2) is a column's ruling line over
the height of its cell. A word belongs to the cell whose left and right lines enclose its centre at
its height; it is outside when it starts before the left line or ends after the right one.
"""

from __future__ import annotations

import io
import re
import subprocess
from dataclasses import dataclass
from html.parser import HTMLParser

from pypdf import PdfReader

EPSILON = 0.4  # pt: a glyph's side bearing may touch the line, half a line width
PX = 0.75  # CSS px → pt
_SEGMENT = re.compile(rb"([-\d.]+) ([-\d.]+) m\n([-\d.]+) ([-\d.]+) l\nS")
_TRANSFORMS = (b"1 0 0 -1 0 ", b"0.75 0 0 0.75 0 0 cm")


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def mid_y(self) -> float:
        return (self.y0 + self.y1) / 2


@dataclass(frozen=True)
class Ruling:
    x: float
    y0: float
    y1: float


class _Words(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.pages: list[list[Word]] = []
        self._box: dict | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "page":
            self.pages.append([])
        elif tag == "word":
            self._box = {k: float(v) for k, v in attrs if k in ("xmin", "ymin", "xmax", "ymax")}

    def handle_data(self, data):
        if self._box is not None:
            b = self._box
            self.pages[-1].append(Word(data, b["xmin"], b["ymin"], b["xmax"], b["ymax"]))

    def handle_endtag(self, tag):
        if tag == "word":
            self._box = None


def words(content: bytes) -> list[list[Word]]:
    """Words of every page, in pt from the page's top-left corner."""
    out = subprocess.run(["pdftotext", "-bbox-layout", "-", "-"], input=content, capture_output=True,
                         check=True).stdout.decode("utf-8")
    parser = _Words()
    parser.feed(out)
    return parser.pages


def rulings(content: bytes) -> list[list[Ruling]]:
    """Vertical lines of every page, in pt from the top-left corner."""
    pages = []
    for page in PdfReader(io.BytesIO(content)).pages:
        stream = page.get_contents().get_data()
        assert all(t in stream for t in _TRANSFORMS) and stream.count(b" cm\n") == 2, "WeasyPrint's two transforms"
        lines = []
        for m in _SEGMENT.finditer(stream):
            x1, y1, x2, y2 = (float(v) for v in m.groups())
            if abs(x1 - x2) < 0.01 and abs(y1 - y2) > 0.01:
                lines.append(Ruling(x1 * PX, min(y1, y2) * PX, max(y1, y2) * PX))
        pages.append(lines)
    return pages


def words_outside_cells(content: bytes) -> tuple[list[str], int]:
    """Every word of a table that crosses a ruling line of its cell, as readable messages, and the
    number of table words checked (a check that saw no table checks nothing)."""
    problems, checked = [], 0
    for number, (page_words, lines) in enumerate(zip(words(content), rulings(content)), start=1):
        for w in page_words:
            centre = (w.x0 + w.x1) / 2
            across = [r.x for r in lines if r.y0 - EPSILON <= w.mid_y <= r.y1 + EPSILON]
            left = [x for x in across if x <= centre]
            right = [x for x in across if x >= centre]
            if not left or not right:
                continue  # not in a table: kop, titles, signature
            checked += 1
            if w.x0 < max(left) - EPSILON or w.x1 > min(right) + EPSILON:
                problems.append(f"halaman {number}: '{w.text}' ({w.x0:.1f}–{w.x1:.1f} pt) keluar dari sel "
                                f"{max(left):.1f}–{min(right):.1f} pt")
    return problems, checked


def header_words(content: bytes, first_number: str, second_number: str) -> list[list[Word]]:
    """Words of the table header of every page: those between the ruling lines above the
    numbering row (found as the line holding the first two column numbers)."""
    out = []
    for page_words, lines in zip(words(content), rulings(content)):
        row = [w for w in page_words if w.text == first_number]
        tops = [a.y0 for a in row for b in page_words if b.text == second_number and abs(a.y0 - b.y0) < 0.5]
        if not tops or not lines:
            out.append([])
            continue
        table_top = min(r.y0 for r in lines)
        out.append([w for w in page_words if table_top <= w.mid_y < min(tops)])
    return out
