"""What the Renja builders share: the kop, the kecamatan line of the titles, merging the lokasi and
sumber dana of a parent from its sub-kegiatan, and the notes on the source document printed under a
table (each quoting the value the table itself computed). Pure."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .base import COVERED, Column, Kop, Row, format_cell
from .renja_data import CatatanData, RenjaData


def kop_of(data: RenjaData) -> Kop:
    return Kop(pemerintah=f"PEMERINTAH KABUPATEN {data.kabupaten.upper()}", instansi=f"KECAMATAN {data.kecamatan.upper()}")


def wilayah_line(data: RenjaData) -> str:
    return f"Kecamatan {data.kecamatan} Kabupaten {data.kabupaten}"


def filename(code: str, data: RenjaData) -> str:
    return f"{code}-{data.kecamatan.lower()}-{data.tahun}"


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


def resolve_notes(catatan: Sequence[CatatanData], columns: Sequence[Column], rows: Sequence[Row],
                  keys: dict[str, int], labels: dict[str, str] | None = None) -> tuple[str, ...]:
    """Printed lines for the notes of a table. A note on a cell quotes the table's own computed value
    for that cell, so it can never disagree with the table. `labels` names rows whose key is not
    meaningful to a reader (T-C.31 rows are keyed by their order)."""
    if not catatan:
        return ()
    by_number = {column_number(c): i for i, c in enumerate(columns)}
    lines = ["Catatan terhadap dokumen sumber:"]
    for note in catatan:
        place = f"Baris {note.baris_sumber} dokumen sumber" if note.baris_sumber else "Dokumen sumber"
        if note.kolom:
            col, row = by_number.get(note.kolom), keys.get(note.kunci)
            if col is None or row is None:
                computed = "(baris/kolom tidak ada di tabel ini)"
            else:
                value = rows[row].cells[col]
                computed = "" if value is COVERED else format_cell(value, columns[col].kind) or "(kosong)"
                computed = computed.replace("\n", "; ")
            row_name = (labels or {}).get(note.kunci, note.kunci)
            text = f"{place}, {row_name} kolom {note.kolom}: tercetak {note.tercetak or '(kosong)'}, dihitung {computed}."
            if note.uraian:
                text += f" {note.uraian}"
        else:
            text = f"{place}: {note.uraian}"
        lines.append(f"{len(lines)}. {text}")
    return tuple(lines)
