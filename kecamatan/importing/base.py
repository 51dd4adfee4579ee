"""The shared, pure part of the Excel import: what a template is (sheets, columns, rows and the
items an upload may change), how a cell is read from what people really type, and what an upload
amounts to (changes, conflicts, errors). No Django, no database.

A layout is built once from a selector's snapshot and serves both ways: the template writer prints
it, the reader checks an upload against it. Each `Item` carries its current value, so the diff
needs no further query.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from kecamatan.core import formatting
from kecamatan.core.formatting import Nilai

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
KOSONG = "(kosong)"

MAX_BYTES = 5 * 1024 * 1024  # refused before parsing; a 5,000-row triwulan is ~0,4 MB
MAX_UNPACKED_BYTES = 100 * 1024 * 1024  # an .xlsx is a zip: refuse "zip bombs" before opening
MAX_ROWS = 20_000


def ukuran_teks(n_bytes: int) -> str:
    return f"{formatting.format_number(Decimal(n_bytes) / (1024 * 1024), 1)} MB"


class FileError(Exception):
    """The whole file is refused (not an .xlsx, too big, another kecamatan or document …)."""

    def __init__(self, pesan: str):
        self.pesan = pesan
        super().__init__(pesan)


class CellError(ValueError):
    """A cell that cannot be read; `part` is the cell's index within its item."""

    def __init__(self, pesan: str, part: int = 0):
        self.pesan, self.part = pesan, part
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


# --- reading one cell --------------------------------------------------------------------------


@dataclass(frozen=True)
class Sel:
    """One cell as read from the file: its value (None, str, int, float, bool, datetime), its number
    format (84% typed in Excel is stored as 0.84 with a % format) and its type ('f' = formula)."""

    value: object = None
    number_format: str = "General"
    data_type: str = ""


def _percent_format(number_format: str) -> bool:
    """Excel scales a value by 100 only for an unquoted, unescaped % in its format."""
    bare = re.sub(r'"[^"]*"|\\.', "", number_format or "")
    return "%" in bare


EXCEL_ERRORS = {"#DIV/0!", "#N/A", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!"}


def _scalar(sel: Sel):
    value = sel.value
    if sel.data_type == "f" or (isinstance(value, str) and value.startswith("=") and sel.data_type in ("", "f")):
        raise CellError("berisi rumus; salin lalu tempel sebagai nilai saja (Paste Special → Values).")
    if sel.data_type == "e" or (isinstance(value, str) and value.strip().upper() in EXCEL_ERRORS):
        raise CellError(f"berisi galat Excel {value}; perbaiki rumus atau ketik nilainya.")
    if isinstance(value, bool):
        raise CellError("berisi TRUE/FALSE, bukan angka.")
    if isinstance(value, (datetime.date, datetime.time, datetime.timedelta)):
        raise CellError("berisi tanggal: Excel mengubah isian menjadi tanggal. Format sel sebagai teks lalu ketik lagi, "
                        "mis. 1.500.000 atau 84,5.")
    if isinstance(value, str):
        value = value.replace("\u00a0", " ").strip()
        return value or None
    return value


def _cell_decimal(value, number_format: str) -> Decimal:
    number = Decimal(str(value))  # float → its shortest repr, never binary noise
    return number * 100 if _percent_format(number_format) else number


def _fit(number: Decimal, places: int, max_digits: int) -> Decimal:
    """The number at the field's precision; refuses more decimals or digits than it holds."""
    step = Decimal(1).scaleb(-places)
    try:
        fitted = number.quantize(step, rounding=ROUND_HALF_UP)
    except InvalidOperation:
        raise CellError("angka terlalu besar.") from None
    if abs(fitted - number) > Decimal("1e-9"):
        raise CellError(f"paling banyak {places} angka di belakang koma.")
    if len(str(abs(fitted).to_integral_value(rounding=ROUND_HALF_UP))) > max_digits - places:
        raise CellError("angka terlalu besar.")
    return fitted


def read_nilai(sel: Sel, *, places: int = 4, max_digits: int = 18, label_max: int = 30) -> Nilai:
    """84,31 / 84% / 62 (B-) / N/A / - / a number cell; empty → Nilai()."""
    value = _scalar(sel)
    if value is None:
        return Nilai()
    if isinstance(value, (int, float, Decimal)):
        return Nilai(_fit(_cell_decimal(value, sel.number_format), places, max_digits))
    try:
        nilai = formatting.parse_nilai(str(value))
    except ValueError as exc:
        raise CellError(str(exc)) from None
    if len(nilai.label) > label_max:
        raise CellError(f"keterangan nilai paling banyak {label_max} huruf, contoh N/A atau B-.")
    if nilai.nilai is not None:
        nilai = Nilai(_fit(nilai.nilai, places, max_digits), nilai.label)
    return nilai


NULL_RUPIAH = {"-", "–", "—"}  # in Rp cells "-" means nothing: 0 (tables.md §0.4)


def read_rupiah(sel: Sel) -> Decimal | None:
    """1.500.000 / Rp 1.500.000 / 1.500.000,50 / - (= 0) / a number cell; empty → None."""
    value = _scalar(sel)
    if value is None:
        return None
    if isinstance(value, (int, float, Decimal)):
        if _percent_format(sel.number_format):
            raise CellError("berformat persen; isi Rupiah, contoh 1.500.000.")
        number = Decimal(str(value))
    elif str(value) in NULL_RUPIAH:
        return Decimal(0)
    else:
        try:
            number = formatting.parse_number(str(value))
        except ValueError as exc:
            raise CellError(str(exc)) from None
        if str(value).rstrip().endswith("%"):
            raise CellError(f"'{value}' berupa persen; isi Rupiah, contoh 1.500.000.")
    if number < 0:
        raise CellError("Rupiah tidak boleh negatif.")
    return _fit(number, 2, 18)


def read_teks(sel: Sel, *, max_length: int, required: str = "") -> str:
    """Free text; `required` is the message when it must not be empty."""
    value = _scalar(sel)
    if value is None:
        if required:
            raise CellError(required)
        return ""
    if isinstance(value, (int, float, Decimal)):
        value = formatting.format_number(Decimal(str(value)))
    text = str(value)
    if len(text) > max_length:
        raise CellError(f"paling banyak {max_length} huruf (berisi {len(text)}).")
    return text


# --- items: one thing an upload may change ----------------------------------------------------


def _excel_number(value: Decimal):
    """A Decimal as the template writes it: an int when whole, else the plain Decimal."""
    if value == value.to_integral_value():
        return int(value)
    return Decimal(f"{value.normalize():f}")


def _dec(text: str) -> Decimal | None:
    return Decimal(text) if text else None


def _plain(value: Decimal | None) -> str:
    return "" if value is None else f"{value.normalize():f}"


class Kind:
    """How an item's cells are read, shown, and remembered in the hidden sheet."""

    name = ""
    cells = 1

    def read(self, sels: Sequence[Sel]):
        raise NotImplementedError

    def to_cells(self, value) -> tuple:
        raise NotImplementedError

    def show(self, value) -> str:
        raise NotImplementedError

    def encode(self, value) -> tuple[str, ...]:
        raise NotImplementedError

    def decode(self, parts: Sequence[str]):
        raise NotImplementedError


def nilai_cell(value: Nilai):
    """What a template cell holds for a Nilai: a number, or the text people read ("62 (B-)", "N/A")."""
    if value.is_empty:
        return None
    if value.nilai is not None and not value.label:
        return _excel_number(value.nilai)
    return formatting.format_nilai(value)


class NilaiKind(Kind):
    """A target: a number, a labelled number (62 (B-)) or a label (N/A, -); empty removes it."""

    name = "nilai"

    def read(self, sels):
        return read_nilai(sels[0])

    def to_cells(self, value: Nilai):
        return (nilai_cell(value),)

    def show(self, value: Nilai) -> str:
        return KOSONG if value.is_empty else formatting.format_nilai(value)

    def encode(self, value: Nilai):
        return (_plain(value.nilai), value.label)

    def decode(self, parts):
        return Nilai(_dec(parts[0]), parts[1] if len(parts) > 1 else "")


class RupiahKind(Kind):
    """Rupiah; empty removes the amount, "-" is 0."""

    name = "rupiah"

    def read(self, sels):
        return read_rupiah(sels[0])

    def to_cells(self, value: Decimal | None):
        return (None if value is None else _excel_number(value),)

    def show(self, value: Decimal | None) -> str:
        return KOSONG if value is None else formatting.format_rupiah(value)

    def encode(self, value):
        return (_plain(value),)

    def decode(self, parts):
        return _dec(parts[0])


class SatuanKind(Kind):
    """The unit of an indicator: required text (chosen from the list, or typed)."""

    name = "satuan"

    def read(self, sels):
        return read_teks(sels[0], max_length=60, required="satuan wajib diisi, mis. Persen atau Dokumen.")

    def to_cells(self, value: str):
        return (value,)

    def show(self, value: str) -> str:
        return value or KOSONG

    def encode(self, value: str):
        return (value,)

    def decode(self, parts):
        return parts[0]


class TeksKind(Kind):
    """Free text, optional (e.g. the lokasi of a Renja row)."""

    name = "teks"

    def __init__(self, max_length: int = 200):
        self.max_length = max_length

    def read(self, sels):
        return read_teks(sels[0], max_length=self.max_length)

    def to_cells(self, value: str):
        return (value or None,)

    def show(self, value: str) -> str:
        return value or KOSONG

    def encode(self, value: str):
        return (value,)

    def decode(self, parts):
        return parts[0]


class PilihanKind(TeksKind):
    """One value of a fixed list (e.g. sumber dana: DAU, DAK …), matched regardless of case and
    spaces and stored as the list spells it. `aliases` are other spellings people type for a value
    ("Dana Alokasi Umum" → DAU); `required` is the message when it must not be empty (else empty
    is allowed). The column's drop-down shows the list."""

    name = "pilihan"

    def __init__(self, choices: Sequence[str], what: str, *, aliases: dict[str, str] | None = None,
                 required: str = ""):
        super().__init__(max_length=200)
        self.choices = {normalize(c): c for c in choices}
        self.accepted = {**{normalize(k): v for k, v in (aliases or {}).items()}, **self.choices}
        self.what = what
        self.required = required

    def read(self, sels):
        text = super().read(sels)
        if not text:
            if self.required:
                raise CellError(self.required)
            return ""
        if normalize(text) not in self.accepted:
            raise CellError(f"{self.what} '{text}' tidak ada di daftar. Pilih salah satu: "
                            f"{', '.join(self.choices.values())}.")
        return self.accepted[normalize(text)]


@dataclass(frozen=True)
class NilaiKeterangan:
    """A realisasi: the value and why it is not a number (required for N/A)."""

    nilai: Nilai = Nilai()
    keterangan: str = ""

    @property
    def is_empty(self) -> bool:
        return self.nilai.is_empty and not self.keterangan


class RealisasiKind(Kind):
    """Realisasi of a triwulan: value cell + keterangan cell; both empty removes it."""

    name = "realisasi"
    cells = 2

    def read(self, sels):
        nilai = read_nilai(sels[0])
        try:
            keterangan = read_teks(sels[1], max_length=2000)
        except CellError as exc:
            raise CellError(exc.pesan, part=1) from None
        if nilai.is_empty and keterangan:
            raise CellError("kosong padahal keterangan diisi: isi angka, atau N/A bila tidak ada angka.")
        if nilai.nilai is None and nilai.label and not keterangan:
            raise CellError(f"beri alasan mengapa realisasi '{nilai.label}'.", part=1)
        return NilaiKeterangan(nilai, keterangan)

    def to_cells(self, value: NilaiKeterangan):
        return (nilai_cell(value.nilai), value.keterangan or None)

    def show(self, value: NilaiKeterangan) -> str:
        if value.is_empty:
            return KOSONG
        text = formatting.format_nilai(value.nilai)
        return f"{text} — {value.keterangan}" if value.keterangan else text

    def encode(self, value: NilaiKeterangan):
        return (_plain(value.nilai.nilai), value.nilai.label, value.keterangan)

    def decode(self, parts):
        parts = list(parts) + ["", "", ""]
        return NilaiKeterangan(Nilai(_dec(parts[0]), parts[1]), parts[2])


NILAI = NilaiKind()
RUPIAH = RupiahKind()
SATUAN = SatuanKind()
REALISASI = RealisasiKind()


# --- layouts -----------------------------------------------------------------------------------


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


# --- what an upload amounts to ---------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    lembar: str
    baris: int
    key: str
    label: str
    dari: str
    ke: str
    value: object  # the new value, for the writers


@dataclass(frozen=True)
class Conflict:
    """A cell the file changes that someone else also changed since the template was made."""

    lembar: str
    baris: int
    label: str
    asal: str  # at download
    sekarang: str  # in the database now
    berkas: str  # in the file


@dataclass
class Preview:
    identitas: Identitas  # as the file says
    versi_sekarang: int
    changes: list[Change] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    unchanged: int = 0
    kept_theirs: int = 0  # cells the file leaves as downloaded while someone changed them since
    rows_read: int = 0
    missing_rows: int = 0  # rows of the template the file no longer has: their data stays as it is
    # totals typed over the template's formulas that disagree with the sum of the file's own values
    # (checks.jumlah.JumlahTertulis): findings, never written; the app sums by itself
    jumlah_tertulis: list = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def stale(self) -> bool:
        return self.identitas.versi != self.versi_sekarang

    def perubahan(self) -> list[dict]:
        """The change list a Riwayat row keeps."""
        return [{"item": c.label, "dari": c.dari, "ke": c.ke} for c in self.changes]


def column_letter(n: int) -> str:
    """1 → A, 27 → AA."""
    letters = ""
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def normalize(text: object) -> str:
    """For comparing headings and indicator texts: case, spaces and line breaks do not matter."""
    return re.sub(r"\s+", " ", str(text or "")).strip().casefold()
