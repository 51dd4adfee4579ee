"""The ground every part of the Excel import stands on: where a template puts things (the hidden
sheets, the header row, the ID and Kode columns), the limits an upload must keep, the errors
(`FileError` for the whole file, `RowError(baris, kolom, pesan)` in the sheet's own row numbers
and headings) and the text helpers. Pure: no Django, no database. Above it: `cells` (reading one
cell), `kinds` (items), `layout` (what a template is), `preview` (what an upload amounts to).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from kecamatan.core import formatting

APP = "sakip-kecamatan"
FORMAT_VERSION = 1  # bump when a layout changes in a way older files cannot be read
META_SHEET = "Identitas"  # very hidden: which kecamatan, document, versions; the values at download
LIST_SHEET = "Daftar"  # hidden: the lists behind the drop-downs (satuan …)
SNAPSHOT_MARK = "asal"  # the row in META_SHEET after which the values at download follow (JSON)
SNAPSHOT_CHUNK = 30_000  # characters per cell (Excel holds at most 32,767)
HEADER_ROW = 4
FIRST_DATA_ROW = 5
ID = "id"  # key of the hidden first column holding each row's reference
KODE = "kode"

MAX_BYTES = 5 * 1024 * 1024  # refused before parsing; a 5,000-row triwulan is ~0,4 MB
MAX_UNPACKED_BYTES = 100 * 1024 * 1024  # an .xlsx is a zip: refuse "zip bombs" before opening
MAX_RATIO = 200  # a part unpacking to over 1 MB at more than 200× its packed size is a bomb (a real sheet: ~5-30×)
RATIO_FROM_BYTES = 1024 * 1024
RUSAK = ("Berkas .xlsx rusak dan tidak dapat dibaca. Buka berkas itu di Excel lalu simpan ulang sebagai 'Excel "
         "Workbook (.xlsx)', atau unduh templat baru, isi, lalu unggah lagi.")
MAX_ROWS = 20_000


def ukuran_teks(n_bytes: int) -> str:
    return f"{formatting.format_number(Decimal(n_bytes) / (1024 * 1024), 1)} MB"


class FileError(Exception):
    """The whole file is refused (not an .xlsx, too big, another kecamatan or document …)."""

    def __init__(self, pesan: str):
        self.pesan = pesan
        super().__init__(pesan)


@dataclass(frozen=True)
class RowError:
    """An error at a place in the uploaded file, in the sheet's own row numbers and headings."""

    baris: int | None
    kolom: str
    pesan: str
    lembar: str = ""

    def __str__(self) -> str:
        where = []
        if self.baris is not None:
            where.append(f"Baris {self.baris}")
        if self.kolom:
            where.append(f"kolom {self.kolom}")
        text = ", ".join(where)
        text = f"{text}: {self.pesan}" if text else self.pesan
        return f"Lembar {self.lembar} · {text}" if self.lembar else text


def column_letter(n: int) -> str:
    """1 → A, 27 → AA."""
    letters = ""
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def cell_text(value) -> str:
    """A cell's value as text, for IDs, codes and messages: "" when empty, 12.0 → "12"."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def normalize(text: object) -> str:
    """For comparing headings and indicator texts: case, spaces and line breaks do not matter."""
    return re.sub(r"\s+", " ", str(text or "")).strip().casefold()
