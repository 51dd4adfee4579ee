"""What the Renja builders share: the kop, the kecamatan line of the titles, merging the lokasi and
sumber dana of a parent from its sub-kegiatan, and the closing note on the source document (each
entry quoting the value the table itself computed for the cell it points at, found through
`Row.key`). Pure."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kecamatan.core.formatting import sebutan_kabupaten
from kecamatan.renja.data import CatatanData, RenjaData
from kecamatan.tables.base import COVERED, NOMOR, TEXT, Column, Kop, Report, Row, format_cell, kop_kecamatan, numbered


def kop_of(data: RenjaData) -> Kop:
    """Letterhead with the office's address, and the Renja's title for a table printed on its own."""
    return kop_kecamatan(data.kabupaten, data.kecamatan, data.renstra.kantor,
                         f"RENCANA KERJA (RENJA) KECAMATAN {data.kecamatan.upper()} TAHUN {data.tahun}")


def wilayah_line(data: RenjaData) -> str:
    return f"Kecamatan {data.kecamatan} {sebutan_kabupaten(data.kabupaten)}"


def filename(code: str, data: RenjaData) -> str:
    return f"{code}-{data.kecamatan.lower()}-{data.tahun}"


def blank(columns: Iterable[Column]) -> dict[str, object]:
    """A row with an empty text in every column, to be filled by key (a printed "", not "-")."""
    return dict.fromkeys((c.key for c in columns), "")


def distinct(values: Iterable[str], sep: str) -> str:
    """The distinct non-empty values in first-seen order, joined: a parent's lokasi or sumber dana."""
    seen: list[str] = []
    for value in values:
        value = (value or "").strip()
        if value and value not in seen:
            seen.append(value)
    return sep.join(seen)


def column_number(column: Column) -> str:
    """'8=(7/6)' → '8': the number people cite a column by."""
    return column.number.split("=")[0].strip()


@dataclass(frozen=True)
class ResolvedNote:
    """A note on the source document with the table's own value for the cell it points at."""

    tabel: str  # the report's code, "T-C.29"
    baris_sumber: str
    tempat: str = ""  # "7.01.02 kolom 11"; "" for a note on no single cell
    tercetak: str = ""
    dihitung: str = ""
    uraian: str = ""


# where a row keyed by its order has its name: the report's name column, else T-C.32's program,
# else (T-C.31 rows with no Ranwal side) the program of the needs analysis
NAME_KEYS = ("program", "kebutuhan:program")


def _row_label(report: Report, row: Row) -> str:
    """How a note names a row: its code, or (rows keyed by their order) its name."""
    if not row.key.isdigit():
        return row.key
    candidates = [report.name_column or NAME_KEYS[0], NAME_KEYS[1]]
    for key in candidates:
        value = row.cells.get(key)
        if isinstance(value, str) and value.strip():
            return f"'{value.strip()}'"
    return f"baris {row.key}"


def resolve_notes(catatan: Sequence[CatatanData], report: Report) -> tuple[ResolvedNote, ...]:
    by_number = {column_number(c): c for c in report.columns}
    rows = {row.key: row for row in report.rows if row.key}
    out = []
    for note in catatan:
        if not note.kolom:
            out.append(ResolvedNote(report.code, note.baris_sumber, uraian=note.uraian))
            continue
        col, row = by_number.get(note.kolom), rows.get(note.kunci)
        if col is None or row is None:
            tempat, computed = f"{note.kunci} kolom {note.kolom}", "(baris/kolom tidak ada di tabel ini)"
        else:
            value = row.cells.get(col.key)
            computed = "" if value is COVERED else format_cell(value, col.kind)
            computed = (computed or "(kosong)").replace("\n", "; ")
            tempat = f"{_row_label(report, row)} kolom {note.kolom}"
        out.append(ResolvedNote(report.code, note.baris_sumber, tempat, note.tercetak, computed, note.uraian))
    return tuple(out)


def build_catatan(data: RenjaData, notes: Sequence[ResolvedNote]) -> Report:
    """The closing note of the whole Renja: every place where the source document prints a figure
    the app computes differently, or a row it did not take over, as a table of its own (so its
    header repeats on every page like the others)."""
    columns = numbered((
        Column("no", "No", kind=NOMOR, width=3),
        Column("tabel", "Tabel", width=6),
        Column("baris-sumber", "Baris Dokumen Sumber", width=7),
        Column("tempat", "Baris dan Kolom Tabel", width=22),
        Column("tercetak", "Tercetak di Dokumen Sumber", kind=TEXT, width=11),
        Column("dihitung", "Dihitung Aplikasi", kind=TEXT, width=11),
        Column("uraian", "Uraian", width=40),
    ))
    rows = tuple(
        Row("catatan", {"no": str(i), "tabel": n.tabel, "baris-sumber": n.baris_sumber, "tempat": n.tempat,
                        "tercetak": n.tercetak, "dihitung": n.dihitung, "uraian": n.uraian}, key=str(i))
        for i, n in enumerate(notes, start=1)
    )
    return Report(
        code="Catatan",
        title=("Catatan terhadap Dokumen Sumber", f"Renja {wilayah_line(data)} Tahun {data.tahun}"),
        columns=columns,
        rows=rows,
        kop=kop_of(data),
        penandatangan=data.penandatangan,
        orientation="landscape",
        name_column=None,
        filename=filename("catatan-renja", data),
    )
