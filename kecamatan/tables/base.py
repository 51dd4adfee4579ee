"""The shape every official table takes between its builder and its renderers.

A builder (one module per table, e.g. `tc27.py`) turns plain data into a `Report`: columns with
their official numbering and header groups, and rows of plain values. The HTML, PDF and Excel
renderers print the same `Report`, so the three can never disagree; they format but never
compute. No Django and no database here.

Cells are found by column key, never by position: a column has a `key` ("kode", "rp:2025")
unique in its Report, and a row's `cells` maps keys to values. Builders, renderers, readers
(naskah drafts, checks) and tests all say `row.cells["rp:2025"]`, so adding or moving a column
moves nothing else. The official numbering printed under the header ("11", "8=(7/6)") is the
column's `number`: data of the layout, set by the builder (`numbered` numbers a list).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal

from kecamatan.core import formatting
from kecamatan.core.formatting import sebutan_kabupaten

# Column kinds: how a cell is printed (HTML/PDF) and typed (Excel number_format)
TEXT = "text"
KODE = "kode"
RUPIAH = "rupiah"  # whole rupiah: 1.916.486.189
PERSEN = "persen"  # computed percentage: 98,13%
PERSEN_BULAT = "persen-bulat"  # computed percentage in whole percent, rounded half-up: 110%
ANGKA = "angka"  # a number as exact as entered: 84,31
NILAI = "nilai"  # a Nilai: 62 (B-), N/A
RASIO = "rasio"  # a fraction printed with two decimals: 0,86
NOMOR = "nomor"  # row numbers, centred

NUMERIC_KINDS = {RUPIAH, PERSEN, PERSEN_BULAT, ANGKA, NILAI, RASIO}


class _Covered:
    """Marks a cell covered by a rowspan from a row above (rendered as nothing)."""

    def __repr__(self) -> str:
        return "COVERED"


COVERED = _Covered()


@dataclass(frozen=True)
class Besaran:
    """A value with its unit, for tables that have no Satuan column (Renja T-C.29/T-C.33, LKj, IKU):
    "87,72%", "2 Dokumen", "61,5 (B-)", "N/A". Excel keeps the number and shows the unit through
    the cell's number format, so the value still sums."""

    nilai: formatting.Nilai
    satuan: str = ""

    @property
    def is_percent(self) -> bool:
        return self.satuan.strip().lower() in PERSEN_SATUAN

    @property
    def unit_suffix(self) -> str:
        """What follows the number: "%", " Dokumen", or nothing for indices and scores."""
        key = self.satuan.strip().lower()
        if key in PERSEN_SATUAN:
            return formatting.PERCENT_SUFFIX
        if key in TANPA_SATUAN:
            return ""
        return f" {self.satuan.strip()}"

    def __str__(self) -> str:
        value = self.nilai
        if value.is_empty:
            return formatting.EMPTY
        if value.nilai is None:
            return value.label
        text = formatting.format_number(value.nilai) + self.unit_suffix
        return f"{text} ({value.label})" if value.label else text

    def text(self) -> str:
        return str(self)


PERSEN_SATUAN = {"persen", "%"}
TANPA_SATUAN = {"", "angka", "indeks", "nilai", "rasio", "predikat", "skor"}


@dataclass(frozen=True)
class Column:
    key: str  # how builders, renderers, readers and tests find the cell: "kode", "rp:2025"; unique in a Report
    label: str  # "Target", "Rp", "Indikator"
    group: str = ""  # spanning header above `label`; equal adjacent groups are merged
    kind: str = TEXT
    number: str = ""  # the official numbering printed under the header: "11", "(1)", "8=(7/6)"
    width: float = 10  # relative width (≈ characters); drives PDF col widths and Excel widths


def numbered(columns: Iterable[Column], first: int = 1) -> tuple[Column, ...]:
    """Copies of `columns` numbered consecutively from `first` ("1", "2", …), for layouts whose
    numbering row is just the column count."""
    return tuple(replace(col, number=str(first + i)) for i, col in enumerate(columns))


@dataclass(frozen=True)
class Row:
    """One printed row. `kind` styles it (total, program, kegiatan, subkegiatan, band, …);
    `cells` maps a column key to its value: str, Decimal, None ("-"), Nilai, Besaran, or COVERED;
    a key not present prints like None.
    `rowspan` maps a column key to the number of rows its cell spans (≥ 2).
    A `band` row prints `text` across the whole width (e.g. "TUJUAN", "NIHIL") and has no cells.
    `key` optionally names the row (e.g. its code) so notes can point at its cells.
    `fill` maps a column key to a background colour "RRGGBB" (screen, PDF and Excel alike);
    `links` maps a column key to a URL, shown as a link on screen only (drill-down)."""

    kind: str
    cells: Mapping[str, object] = field(default_factory=dict)
    level: int = 0  # indentation of the name column
    rowspan: Mapping[str, int] = field(default_factory=dict)
    key: str = ""
    fill: Mapping[str, str] = field(default_factory=dict)
    links: Mapping[str, str] = field(default_factory=dict)
    text: str = ""  # a band row's text

    def span_of(self, key: str) -> int:
        return self.rowspan.get(key, 1)

    def used_keys(self) -> set[str]:
        """Every column key this row refers to (cells, rowspan, fill, links)."""
        return {*self.cells, *self.rowspan, *self.fill, *self.links}


@dataclass(frozen=True)
class PenandatanganData:
    nama: str
    jabatan: str  # "Camat Randuagung"
    nip: str  # print form "19650905 199003 1 009"
    pangkat: str = ""
    tempat: str = ""
    tanggal: datetime.date | None = None
    hanya_bulan: bool = False
    sebutan: str = ""  # a role line above the jabatan, e.g. "Pihak Pertama" in a Perjanjian Kinerja


@dataclass(frozen=True)
class Kantor:
    """An office's contact details as its kop prints them (a kecamatan's alamat, telepon, e-mail
    and kode pos); empty fields print nothing."""

    alamat: str = ""  # "Jalan Gajah Mada No. 02"
    telepon: str = ""  # "(0334) 321 465"
    email: str = ""
    kode_pos: str = ""  # "67355"

    def lines(self, tempat: str) -> tuple[str, ...]:
        """The kop's address lines as the offices print them: "Jalan Gajah Mada No. 02 Telp. (0334)
        321 465", "JATIROTO 67355", "Email: …". A line with nothing to show is left out (no bare
        "Telp."); the place line prints only with a kode pos."""
        first = " ".join(part for part in (self.alamat.strip(), f"Telp. {self.telepon.strip()}"
                                           if self.telepon.strip() else "") if part)
        place = f"{tempat.upper()} {self.kode_pos.strip()}" if self.kode_pos.strip() else ""
        email = f"Email: {self.email.strip()}" if self.email.strip() else ""
        return tuple(line for line in (first, place, email) if line)


@dataclass(frozen=True)
class Kop:
    """Letterhead printed at the top of an official table, and the title of the document the
    table belongs to, printed under it when the table prints on its own. A whole document
    (naskah) prints its tables without kop, so without that title too."""

    pemerintah: str  # "PEMERINTAH KABUPATEN LUMAJANG"
    instansi: str  # "KECAMATAN RANDUAGUNG"
    alamat: tuple[str, ...] = ()  # the office's address lines, see Kantor.lines
    dokumen: str = ""  # "RENCANA KERJA (RENJA) KECAMATAN SENDURO TAHUN 2024"


def kop_kecamatan(kabupaten: str, kecamatan: str, kantor: Kantor, dokumen: str = "") -> Kop:
    """The kop of a kecamatan office: government, office, address lines, and the document's title."""
    return Kop(pemerintah=f"PEMERINTAH {sebutan_kabupaten(kabupaten).upper()}",
               instansi=f"KECAMATAN {kecamatan.upper()}", alamat=kantor.lines(kecamatan), dokumen=dokumen)


@dataclass(frozen=True)
class Report:
    code: str  # "T-C.27"
    title: tuple[str, ...]  # title lines exactly as the document prints them
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    kop: Kop | None = None
    penandatangan: PenandatanganData | None = None
    orientation: str = "landscape"  # landscape | portrait
    page_size: str = "A4"  # A4 | F4
    name_column: str | None = None  # key of the column that is indented by Row.level
    notes: tuple[str, ...] = ()  # printed under the table (sources, definitions, demo marks)
    # checker remarks ("Periksa: …"): shown on screen above the table, never in a print (PDF,
    # Excel, printable HTML); the checks pages report the same findings
    periksa: tuple[str, ...] = ()
    filename: str = ""  # base name for downloads: "tc27-randuagung-2024-2026"
    # Optional parts, for documents that are more than a table (IKU sheet, Perjanjian Kinerja):
    intro: tuple[tuple[str, str], ...] = ()  # (label, text) lines before the table; label "" = a paragraph
    caption: str = ""  # a heading right above the table ("INDIKATOR KINERJA UTAMA")
    counter_signatory: PenandatanganData | None = None  # a second party signing on the left (PK)
    continues: bool = False  # print on the same page as the previous Report, without kop
    split_rows: bool = False  # let a long row break across pages (header repeated) instead of moving whole
    charts: tuple = ()  # reports.grafik charts drawn above the table on screen and in the PDF
    # a print too wide for its page continues its further columns on the next pages (tables.lebar),
    # repeating these columns; () repeats the first column and the name column
    repeat_columns: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        keys = self.keys
        if len(set(keys)) != len(keys):
            twice = sorted({k for k in keys if keys.count(k) > 1})
            raise ValueError(f"{self.code}: column key(s) used twice: {', '.join(twice)}")
        known = set(keys)
        if self.name_column is not None and self.name_column not in known:
            raise ValueError(f"{self.code}: name_column {self.name_column!r} is not a column key")
        for row in self.rows:
            if not isinstance(row.cells, Mapping):
                raise TypeError(f"{self.code}: row {row.key or row.kind!r} cells must map column keys to values")
            if row.kind == "band":
                if row.cells:
                    raise ValueError(f"{self.code}: a band row prints `text`, not cells")
                continue
            unknown = row.used_keys() - known
            if unknown:
                raise ValueError(f"{self.code}: row {row.key or row.kind!r} has no column for key(s) "
                                 f"{', '.join(map(repr, sorted(unknown)))}")

    @property
    def keys(self) -> tuple[str, ...]:
        """Column keys in print order."""
        return tuple(c.key for c in self.columns)

    def column(self, key: str) -> Column:
        for col in self.columns:
            if col.key == key:
                return col
        raise KeyError(f"{self.code}: no column {key!r}")

    def index(self, key: str) -> int:
        """Print position of a column (0-based): for renderers that place cells on a grid."""
        return self.keys.index(key)

    @property
    def has_groups(self) -> bool:
        return any(c.group for c in self.columns)

    def header_groups(self) -> list[tuple[str, int, int]]:
        """Top header row as (label, first column index, colspan); a column without a group
        appears with its own label and spans both header rows (colspan 1, group "")."""
        out: list[tuple[str, int, int]] = []
        for i, col in enumerate(self.columns):
            if col.group and out and out[-1][0] == col.group and self.columns[out[-1][1]].group == col.group:
                label, start, span = out[-1]
                out[-1] = (label, start, span + 1)
            else:
                out.append((col.group or col.label, i, 1))
        return out


def format_cell(value, kind: str) -> str:
    """Text of a cell for HTML and PDF."""
    if value is COVERED:
        return ""
    if value is None:
        return formatting.EMPTY if kind in NUMERIC_KINDS else ""
    if isinstance(value, Besaran):
        return str(value)
    if isinstance(value, formatting.Nilai):
        return formatting.format_nilai(value)
    if isinstance(value, str):
        return value
    if isinstance(value, datetime.date):
        return formatting.format_tanggal(value)
    if isinstance(value, (Decimal, int)):
        if kind == RUPIAH:
            # the documents print a zero budget as "-" (tables.md §0.4)
            return formatting.EMPTY if value == 0 else formatting.format_rupiah(value)
        if kind == PERSEN:
            return formatting.format_persen(Decimal(value))
        if kind == PERSEN_BULAT:
            return formatting.format_persen(Decimal(value), 0)
        if kind == RASIO:
            return formatting.format_number(Decimal(value), 2)
        return formatting.format_number(Decimal(value))
    return str(value)
