"""Reading a whole document back from its PDF: the page label printed in each footer, the lines of
the daftar isi / daftar tabel with the page numbers they print, where a heading really lands, and
the bookmarks."""

from __future__ import annotations

import io
import re
import shutil
import subprocess

from pypdf import PdfReader

# the leader may shrink to one dot when the label fills the line ("… Yosowilangun . 25")
_ENTRY = re.compile(r"^(?P<label>.*?)(?:\s\.+|\.{2,})\s*(?P<page>[ivxlc]+|\d+)$")
ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def roman_to_int(text: str) -> int:
    total, last = 0, 0
    for ch in reversed(text):
        value = ROMAN[ch]
        total += -value if value < last else value
        last = max(last, value)
    return total


def flat(text: str) -> str:
    """Whitespace collapsed (a line may wrap after a slash: "Peningkatan/ Penurunan"); soft hyphens
    of the layout removed."""
    text = " ".join(text.replace("\u2010\n", "").replace("\u00ad", "").split())
    return re.sub(r"/ ", "/", text)


def page_texts(content: bytes, reader: PdfReader) -> list[str]:
    """Text of every page: poppler's pdftotext in layout mode (ten times faster than pypdf on a
    50-page document, and the footer is the page's last line; the test command installs
    poppler-utils), else pypdf."""
    if shutil.which("pdftotext"):
        out = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", "-", "-"], input=content, capture_output=True,
                             check=True).stdout.decode("utf-8")
        pages = out.split("\f")
        return pages[: len(reader.pages)]
    return [page.extract_text() or "" for page in reader.pages]


class PdfBook:
    def __init__(self, content: bytes):
        self.reader = PdfReader(io.BytesIO(content))
        self.pages = page_texts(content, self.reader)
        self.flat = [flat(t) for t in self.pages]

    def footer(self, index: int) -> str:
        """The page number printed at the foot (the last line WeasyPrint writes)."""
        lines = [line.strip() for line in self.pages[index].splitlines() if line.strip()]
        return lines[-1] if lines else ""

    @property
    def first_arabic(self) -> int:
        return next(i for i in range(len(self.pages)) if self.footer(i) == "1")

    def index_of_label(self, label: str) -> int:
        """Physical page index of a printed page number: i, ii … from the cover, 1, 2 … from BAB I."""
        if label.isdigit():
            return self.first_arabic + int(label) - 1
        return roman_to_int(label) - 1

    def list_entries(self, title: str, next_titles: tuple[str, ...]) -> list[tuple[str, str]]:
        """(label, page number) of each line of a list (DAFTAR ISI …) as printed, across its pages;
        a label wrapped over two lines is joined."""
        start = next(i for i, t in enumerate(self.pages) if t.lstrip().startswith(title))
        out: list[tuple[str, str]] = []
        pending = ""
        for i in range(start, len(self.pages)):
            text = self.pages[i]
            if i > start and (any(text.lstrip().startswith(t) for t in next_titles) or self.footer(i).isdigit()):
                break  # the next list, or the body (numbered 1, 2, 3 …)
            lines = [line for line in text.splitlines() if line.strip()]
            for line in lines[:-1]:  # the last line is the footer
                line = " ".join(line.split())
                if not line or line in (title, "Halaman"):
                    continue
                match = _ENTRY.match(line)
                if match:
                    out.append((flat(f"{pending} {match['label']}"), match["page"]))
                    pending = ""
                else:
                    pending = f"{pending} {line}".strip()
        return out

    def page_of(self, text: str, start: int = 0) -> int | None:
        """First page at or after `start` whose text holds `text` (whitespace ignored)."""
        wanted = flat(text)
        return next((i for i in range(start, len(self.pages)) if wanted in self.flat[i]), None)

    def outline(self) -> list[tuple[str, int]]:
        out: list[tuple[str, int]] = []

        def walk(items):
            for item in items:
                if isinstance(item, list):
                    walk(item)
                else:
                    out.append((flat(item.title), self.reader.get_destination_page_number(item)))

        walk(self.reader.outline)
        return out

    def is_landscape(self, index: int) -> bool:
        box = self.reader.pages[index].mediabox
        return box.width > box.height
