"""Reads one sheet of an upload against its layout: checks the headings (a shifted column is
named, not guessed), identifies every row (its hidden ID, else its code and indicator text, the
code read in the context of the row above the way the documents break it), and reads every input
cell of the row's items. Collects every error in the sheet's own row numbers and headings. Pure
apart from the openpyxl cells it is given."""

from __future__ import annotations

from decimal import Decimal

from kecamatan.core import kode as kode_mod
from kecamatan.importing.base import (
    FIRST_DATA_ROW,
    HEADER_ROW,
    ID,
    KODE,
    MAX_ROWS,
    FileError,
    RowError,
    cell_text,
    column_letter,
    normalize,
)
from kecamatan.importing.cells import CellError, Sel
from kecamatan.importing.kinds import SATUAN
from kecamatan.importing.layout import Item, Proposed, Row, Rumus, Sheet
from kecamatan.importing.sums import Sums, typed_number
from kecamatan.importing.workbook import read_rows


def _ancestor(kode: str | None, level: str) -> str | None:
    """The code of `kode` or of its parent at `level` (7.01.01.2.01.0001 → kegiatan 7.01.01.2.01)."""
    while kode:
        if kode_mod.level_of(kode) == level:
            return kode
        kode = kode_mod.parent_of(kode)
    return None


PARENT_LEVEL = {kode_mod.KEGIATAN: kode_mod.PROGRAM, kode_mod.SUBKEGIATAN: kode_mod.KEGIATAN}


def resolve_kode(raw, above: str | None, *, expected: str | None = None,
                 known: set[str] | frozenset = frozenset()) -> str:
    """The canonical code of a Kode cell, read with `parse_kode` in the context of the row above
    (the broken forms of the documents: "7.01.01.2 01.1", "205" under its program …). With an
    expected code (the row's ID says which row it is) the context is the row above's ancestor at
    the expected parent level; without one (a row pasted without ID), a code that reads two ways is
    refused unless exactly one reading exists in the Renstra. Raises KodeError."""
    text = cell_text(raw)
    if expected is not None and not kode_mod.is_canonical(expected):
        return text.upper().replace(" ", "")  # T1, S2: tujuan and sasaran
    if expected is not None:
        parent_level = PARENT_LEVEL.get(kode_mod.level_of(expected))
        context = _ancestor(above, parent_level) if parent_level and above else None
        return kode_mod.parse_kode(text, context=context)
    if text.upper().replace(" ", "")[:1] in ("T", "S"):
        return text.upper().replace(" ", "")
    try:
        return kode_mod.parse_kode(text)
    except kode_mod.KodeError as first_error:
        readings = set()
        for level in (kode_mod.KEGIATAN, kode_mod.PROGRAM):
            context = _ancestor(above, level) if above else None
            if context:
                try:
                    readings.add(kode_mod.parse_kode(text, context=context))
                except kode_mod.KodeError:
                    pass
        in_renstra = readings & set(known)
        if len(in_renstra) == 1:
            return in_renstra.pop()
        if len(readings) == 1 and not known:
            return readings.pop()
        raise first_error


def _check_headings(sheet: Sheet, header: tuple) -> RowError | None:
    wrong = []
    for i, column in enumerate(sheet.columns):
        found = header[i] if i < len(header) else None
        if normalize(found) != normalize(column.heading):
            wrong.append((i, column, cell_text(found)))
    if not wrong:
        return None
    i, column, found = wrong[0]
    more = f" (dan {len(wrong) - 1} kolom lain)" if len(wrong) > 1 else ""
    what = f"berisi '{found}'" if found else "kosong"
    return RowError(HEADER_ROW, column.heading,
                    f"judul kolom {column_letter(i + 1)} {what}, seharusnya '{column.heading}'{more}. Kolom tergeser "
                    "atau diubah: jangan menyisipkan, menghapus atau memindah kolom. Unduh templat baru bila perlu.",
                    sheet.name)


def read_sheet(ws, sheet: Sheet, *, stale: bool,
               sums: Sums | None = None) -> tuple[list[Proposed], list[RowError], int, set[str] | None]:
    """(values read, errors, data rows read, refs of the template rows found in the file, None when
    the headings are wrong and no row was read) of one sheet; `sums` collects the typed totals and
    the values they add up, for `jumlah_tertulis`."""
    rows_iter = read_rows(ws, min_row=HEADER_ROW, max_col=len(sheet.columns))
    header = next(rows_iter, None)
    heading_error = _check_headings(sheet, tuple(c.value for c in header) if header else ())
    if heading_error:
        return [], [heading_error], 0, None
    reader = _SheetReader(sheet, stale=stale, sums=sums if sums is not None else Sums())
    for baris, cells in enumerate(rows_iter, start=HEADER_ROW + 1):
        if baris - FIRST_DATA_ROW >= MAX_ROWS:
            raise FileError(f"Lembar {sheet.name} berisi lebih dari {MAX_ROWS:,} baris.".replace(",", "."))
        reader.read_row(baris, cells)
    return reader.proposed, reader.errors, reader.n_rows, set(reader.seen)


class _SheetReader:
    """The rows of one sheet, read in order: the code of each row is read in the context of the
    row above, and a row may appear only once."""

    def __init__(self, sheet: Sheet, *, stale: bool, sums: Sums):
        self.sheet, self.stale, self.sums = sheet, stale, sums
        self.errors: list[RowError] = []
        self.proposed: list[Proposed] = []
        self.keys = [c.key for c in sheet.columns]
        self.headings = {c.key: c.heading for c in sheet.columns}
        self.by_ref = {row.ref: row for row in sheet.rows}
        self.by_match = {row.match: row for row in sheet.rows if row.match}
        self.known_codes = {row.kode for row in sheet.rows if kode_mod.is_canonical(row.kode)}
        input_keys = {key for row in sheet.rows for item in row.items for key in item.columns}
        self.input_idx = sorted(self.keys.index(k) for k in input_keys)
        self.match_idx = [self.keys.index(k) for k in sheet.match_columns]
        self.id_idx, self.kode_idx = self.keys.index(ID), self.keys.index(KODE)
        self.seen: dict[str, int] = {}
        self.above: str | None = None
        self.n_rows = 0

    def error(self, baris: int, kolom: str, pesan: str) -> None:
        self.errors.append(RowError(baris, kolom, _sentence(pesan), self.sheet.name))

    def read_row(self, baris: int, cells) -> None:
        values = [c.value for c in cells]
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
            return
        self.n_rows += 1
        row = self._row_of(baris, cells, values)
        if row is None:
            return
        if row.ref in self.seen:
            self.error(baris, "ID", f"baris ini sama dengan baris {self.seen[row.ref]} ({row.kode}); "
                                    "hapus salah satunya.")
            return
        self.seen[row.ref] = baris
        for key, template_value in row.cells.items():
            if isinstance(template_value, Rumus) and key in self.keys:
                typed = typed_number(cells[self.keys.index(key)])
                if typed is not None:
                    self.sums.typed.append((row.ref, key, baris, typed))
        if not row.items:
            if _typed(cells, self.input_idx):
                self.error(baris, "", f"baris {row.kode or row.ref} tidak untuk diisi; "
                                      + ("isi baris sub kegiatannya." if row.level in ("program", "kegiatan", "total")
                                         else "baris ini tidak mempunyai indikator."))
            return
        self._read_items(row, baris, cells)

    def _row_of(self, baris: int, cells, values: list) -> Row | None:
        """The template row this file row is: by its ID, else by its code and indicator text;
        None (with an error where one is due) for a row to skip."""
        ref = cell_text(values[self.id_idx])
        row: Row | None = self.by_ref.get(ref) if ref else None
        if ref and row is None:
            if not _already_gone(self.sheet, ref, cells, self.keys):
                self._unknown_id(baris, ref)
            return None
        kode = self._kode(baris, values[self.kode_idx], row)
        if kode is None:
            return None
        if kode_mod.is_canonical(kode):
            self.above = kode
        if row is not None:
            return row
        return self._matched(baris, cells, values, kode)

    def _unknown_id(self, baris: int, ref: str) -> None:
        if self.stale:
            self.error(baris, "ID", f"baris '{ref}' sudah tidak ada di data sekarang (dihapus orang lain sejak "
                                    "templat diunduh). Hapus baris ini dari berkas, atau unduh templat baru.")
        else:
            self.error(baris, "ID", f"ID baris '{ref}' tidak dikenal. Jangan mengubah kolom tersembunyi ID; "
                                    "unduh templat baru.")

    def _kode(self, baris: int, raw_kode, row: Row | None) -> str | None:
        """The row's code, read in the context of the row above; None after an error."""
        heading = self.headings[KODE]
        try:
            if row is not None:
                kode = resolve_kode(raw_kode, self.above, expected=row.kode) if row.kode else cell_text(raw_kode)
                if row.kode and kode != row.kode:
                    self.error(baris, heading, f"kode '{cell_text(raw_kode)}' tidak cocok dengan baris ini "
                                               f"({row.kode}). Jangan memindah isi sel antarbaris; unduh templat baru "
                                               "bila susunan Renstra berubah.")
                    return None
                return kode
            if cell_text(raw_kode):
                return resolve_kode(raw_kode, self.above, known=self.known_codes)
            return ""
        except kode_mod.KodeError as exc:
            self.error(baris, heading, str(exc))
            return None

    def _matched(self, baris: int, cells, values: list, kode: str) -> Row | None:
        """A row pasted without its ID, found by its match columns (code, indicator text)."""
        typed = _typed(cells, self.input_idx)
        if not kode and not typed:
            return None  # a note or a blank row: nothing to read
        sheet = self.sheet
        match = tuple(kode if k == KODE else normalize(values[i]) for k, i in zip(sheet.match_columns, self.match_idx))
        row = self.by_match.get(match)
        if row is None and typed:
            what = " dan ".join(self.headings[k] for k in sheet.match_columns)
            shown = " / ".join(cell_text(values[i]) for i in self.match_idx)
            self.error(baris, self.headings[KODE], f"baris tanpa ID dengan {what} '{shown}' tidak ada di data ini. "
                                                   f"{sheet.add_hint}, atau unduh templat baru.")
        return row

    def _read_items(self, row: Row, baris: int, cells) -> None:
        satuan = None  # a satuan changed in this row: its targets are checked against the new one
        for item in row.items:
            sels = [_sel(cells[self.keys.index(k)]) for k in item.columns]
            try:
                value = item.kind.read(sels)
                if item.kind is SATUAN:
                    satuan = value
                _check_rentang(item, value, satuan)
            except CellError as exc:
                self.error(baris, self.headings[item.columns[exc.part]], exc.pesan)
                if len(item.columns) == 1:
                    self.sums.values[(row.ref, item.columns[0])] = None
                continue
            self.proposed.append(Proposed(self.sheet.name, baris, item, value))
            if len(item.columns) == 1 and (value is None or isinstance(value, Decimal)):
                self.sums.values[(row.ref, item.columns[0])] = value if value is not None else Decimal(0)


def _check_rentang(item: Item, value, satuan: str | None) -> None:
    """A value outside its indicator's range (core.rentang): a CellError on the item's first cell."""
    if item.rentang is None:
        return
    rentang = item.rentang.dengan_satuan(satuan) if satuan is not None else item.rentang
    masalah = rentang.masalah(getattr(value, "nilai", value), item.peran or "Nilai")
    if masalah:
        raise CellError(masalah)


def _already_gone(sheet: Sheet, ref: str, cells, keys: list[str]) -> bool:
    """A row no longer in the data that the file empties too (e.g. an aktivitas deleted by an
    earlier upload of the same file): nothing to do."""
    stand_in = sheet.gone(ref) if sheet.gone else None
    if stand_in is None:
        return False
    try:
        return stand_in.kind.read([_sel(cells[keys.index(k)]) for k in stand_in.columns]) == stand_in.current
    except CellError:
        return False


def _sel(cell) -> Sel:
    return Sel(cell.value, getattr(cell, "number_format", None) or "General", getattr(cell, "data_type", None) or "")


def _typed(cells, idxs) -> bool:
    """Whether someone typed a value into one of these cells (a formula the template wrote is not)."""
    for i in idxs:
        value = cells[i].value
        if value is None or (isinstance(value, str) and (not value.strip() or value.startswith("="))):
            continue
        if getattr(cells[i], "data_type", "") == "f":
            continue
        return True
    return False


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] if text and text[0].islower() and not text.startswith("'") else text
