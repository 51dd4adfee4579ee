"""What a template is: sheets of columns and rows, each row's read-only cells and the items an
upload may change, the identity the hidden sheet carries, and the cross-row rule a layout may
add (`Layout.reconcile`). Built once from a selector's snapshot, it serves both ways: the
template writer prints it, the reader checks an upload against it. Each `Item` carries its
current value, so the diff needs no further query. Pure."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from kecamatan.core.rentang import Rentang
from kecamatan.importing.base import APP, FORMAT_VERSION, KODE, FileError, RowError, column_letter
from kecamatan.importing.kinds import Kind


class Rumus(str):
    """An Excel formula a template writes into a read-only cell ("=SUM(E6:E9)"); any other text
    beginning with "=" is written as text."""


@dataclass(frozen=True)
class Column:
    key: str
    heading: str
    width: float = 12
    kind: str = "teks"  # how read-only values print: teks | nilai | rupiah
    hidden: bool = False
    validation: str = ""  # a drop-down: "nilai" (N/A, -) or the name of a list in `Layout.lists`


@dataclass(frozen=True)
class Item:
    """One thing the upload may change, fed by `columns` of its row (in order of `kind.read`).
    A `locked` item's cells are written from the row's `cells` (e.g. a sum) and stay locked; the
    upload still reads them, so a value typed there after unprotecting the sheet is caught."""

    key: str  # "target:12:2025": the writers parse it
    kind: Kind
    columns: tuple[str, ...]
    label: str  # "Target 2025: Persentase …", for the diff and the audit trail
    current: object  # its value now
    locked: bool = False
    rentang: Rentang | None = None  # an indicator's value: the range it must fall in (core.rentang)
    peran: str = ""  # what the value is, in the range message: "Target 2025", "Realisasi TW I"


@dataclass(frozen=True)
class Row:
    ref: str  # "indikator:12", "subkegiatan:5", "program:3" (context only), "total"
    level: str  # tujuan | sasaran | program | kegiatan | subkegiatan | total
    kode: str  # what the Kode column shows: a canonical code, T1, S2, or ""
    cells: dict[str, object] = field(default_factory=dict)  # read-only cells (values or "=SUM(…)")
    items: tuple[Item, ...] = ()
    match: tuple[str, ...] = ()  # for rows pasted without their ID: (kode, indicator text)


@dataclass(frozen=True)
class Sheet:
    name: str
    title: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    notes: tuple[str, ...] = ()  # instructions, one line each above the header
    match_columns: tuple[str, ...] = (KODE,)  # which cells identify a row pasted without ID
    add_hint: str = "Tambahkan dulu lewat halaman Susun Renstra"  # where rows missing from the data are added
    # For a row whose ID is no longer in the data: a stand-in item to read it with. If the file
    # holds the stand-in's current value there (e.g. an emptied aktivitas that is already gone),
    # there is nothing to do; otherwise the row is an error as usual.
    gone: Callable[[str], Item | None] | None = None

    def letter(self, key: str) -> str:
        return column_letter(self.index(key) + 1)

    def index(self, key: str) -> int:
        for i, column in enumerate(self.columns):
            if column.key == key:
                return i
        raise KeyError(key)

    def heading(self, key: str) -> str:
        return self.columns[self.index(key)].heading


@dataclass(frozen=True)
class Identitas:
    """What the hidden sheet says about the file: whose, which document, which versions."""

    format: str  # renstra | realisasi (| renja …)
    kecamatan_id: int
    kecamatan: str
    periode_id: int
    periode: str
    dokumen: str  # the document key: renstra, realisasi-2024-1
    judul: str  # Renstra 2024-2026, Realisasi 2024 TW I
    versi: int  # the document's versi when the template was made
    versi_format: int = FORMAT_VERSION
    diunduh: str = ""  # ISO timestamp
    oleh: str = ""

    @property
    def diunduh_waktu(self) -> datetime.datetime | None:
        try:
            return datetime.datetime.fromisoformat(self.diunduh)
        except ValueError:
            return None

    FIELDS = ("format", "versi_format", "kecamatan_id", "kecamatan", "periode_id", "periode", "dokumen", "judul",
              "versi", "diunduh", "oleh")
    INTS = ("versi_format", "kecamatan_id", "periode_id", "versi")

    def rows(self) -> list[tuple[str, object]]:
        return [("aplikasi", APP)] + [(name, getattr(self, name)) for name in self.FIELDS]

    @classmethod
    def from_rows(cls, pairs: dict[str, object]) -> Identitas:
        if pairs.get("aplikasi") != APP:
            raise FileError("Berkas ini bukan templat SAKIP Kecamatan (lembar identitasnya tidak dikenali). "
                            "Unduh templat dari halaman impor, isi, lalu unggah berkas itu.")
        values = {}
        for name in cls.FIELDS:
            raw = pairs.get(name)
            if name in cls.INTS:
                try:
                    values[name] = int(raw)
                except (TypeError, ValueError):
                    raise FileError("Lembar identitas templat rusak (isinya diubah). Unduh templat baru.") from None
            else:
                values[name] = "" if raw is None else str(raw)
        return cls(**values)


@dataclass(frozen=True)
class Proposed:
    """A value read from the file for an item, at its place in the file."""

    lembar: str
    baris: int
    item: Item
    value: object


@dataclass(frozen=True)
class Reconciled:
    """What a layout's cross-row rules make of the values read: the values to compare (some may
    now address another item, e.g. a new row the data already holds), the errors, and the refs
    of rows the file holds under another ID."""

    proposed: list[Proposed]
    errors: list[RowError] = field(default_factory=list)
    matched_refs: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Layout:
    identitas: Identitas
    sheets: tuple[Sheet, ...]
    lists: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # rules across rows (e.g. a sub-kegiatan's dana against its aktivitas), given every value read
    # and the refs of the rows found in the file
    reconcile: Callable[[list[Proposed], frozenset[str]], Reconciled] | None = None

    def items(self):
        for sheet in self.sheets:
            for row in sheet.rows:
                yield from row.items
