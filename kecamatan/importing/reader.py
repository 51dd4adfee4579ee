"""Reads an uploaded .xlsx against the layout the template was made from: refuses what is not our
template for this kecamatan and document, checks each sheet's headings (a shifted column is named,
not guessed), identifies every row (its hidden ID, else its code and indicator text), reads every
input cell the Indonesian way, and compares three values per cell: at download (hidden sheet),
now (the layout) and in the file. Collects every error; pure apart from openpyxl."""

from __future__ import annotations

import io
import json
import warnings
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal

from openpyxl import load_workbook

from kecamatan.checks.jumlah import JumlahTertulis, column_index, parse_rumus
from kecamatan.checks.jumlah import jumlah_tertulis as compare_typed
from kecamatan.core import kode as kode_mod
from kecamatan.importing.base import (
    FIRST_DATA_ROW,
    FORMAT_VERSION,
    HEADER_ROW,
    ID,
    KODE,
    MAX_BYTES,
    MAX_ROWS,
    MAX_UNPACKED_BYTES,
    META_SHEET,
    SNAPSHOT_MARK,
    FileError,
    RowError,
    column_letter,
    normalize,
    ukuran_teks,
)
from kecamatan.importing.cells import CellError, Sel
from kecamatan.importing.layout import Identitas, Item, Layout, Proposed, Row, Rumus, Sheet
from kecamatan.importing.preview import Change, Conflict, Preview

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls (Excel 97-2003), also .doc


def check_size(n_bytes: int) -> None:
    if n_bytes > MAX_BYTES:
        raise FileError(f"Berkas terlalu besar ({ukuran_teks(n_bytes)}); paling besar {ukuran_teks(MAX_BYTES)}. "
                        "Unggah templat dari aplikasi ini saja, tanpa gambar atau lembar tambahan.")


def open_workbook(content: bytes):
    """The workbook, read-only; FileError with what to do when it is not a usable .xlsx."""
    check_size(len(content))
    if not content:
        raise FileError("Berkas kosong. Pilih berkas templat .xlsx yang sudah diisi.")
    if content.startswith(OLE_MAGIC):
        raise FileError("Berkas berformat Excel lama (.xls). Buka di Excel, pilih Simpan Sebagai → "
                        "'Excel Workbook (.xlsx)', lalu unggah berkas .xlsx itu.")
    not_xlsx = FileError("Berkas ini bukan berkas Excel .xlsx. Unggah templat .xlsx yang diunduh dari aplikasi "
                         "ini (bukan PDF, CSV atau foto).")
    buffer = io.BytesIO(content)
    if not zipfile.is_zipfile(buffer):
        raise not_xlsx
    try:
        with zipfile.ZipFile(buffer) as archive:
            names = set(archive.namelist())
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise not_xlsx from None
    if "xl/workbook.xml" not in names:
        raise not_xlsx
    if unpacked > MAX_UNPACKED_BYTES:
        raise FileError(f"Isi berkas terlalu besar ({ukuran_teks(unpacked)} setelah dibuka). Unggah templat dari "
                        "aplikasi ini saja.")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about data validation/extensions it skips
            return load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except Exception:  # openpyxl raises many kinds on a damaged file
        raise FileError("Berkas .xlsx rusak dan tidak dapat dibaca. Simpan ulang di Excel, atau unduh templat "
                        "baru.") from None


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def read_identitas(wb) -> tuple[Identitas, dict[str, tuple[str, ...]]]:
    """The file's identity and the input values at download, keyed by item."""
    if META_SHEET not in wb.sheetnames:
        raise FileError("Berkas ini bukan templat SAKIP Kecamatan (lembar identitas tidak ada). Unduh templat dari "
                        "halaman impor, isi sel kuningnya, lalu unggah berkas itu.")
    pairs: dict[str, object] = {}
    chunks: list[str] = []
    in_snapshot = False
    for values in wb[META_SHEET].iter_rows(min_row=2, max_col=2, values_only=True):
        if not values or values[0] is None:
            continue
        if in_snapshot:
            chunks.append(str(values[0]))
        elif _text(values[0]) == SNAPSHOT_MARK:
            in_snapshot = True
        else:
            pairs[_text(values[0])] = values[1] if len(values) > 1 else None
    identitas = Identitas.from_rows(pairs)
    try:
        loaded = json.loads("".join(chunks)) if chunks else {}
        snapshot = {str(k): tuple(str(p) for p in v) for k, v in loaded.items()}
    except (ValueError, TypeError, AttributeError):
        snapshot = {}  # a damaged memory of the download: every cell is compared with now only
    return identitas, snapshot


def check_identitas(found: Identitas, expected: Identitas) -> None:
    """Refuse a file made for another kecamatan, period, document or template format."""
    if found.kecamatan_id != expected.kecamatan_id:
        raise FileError(f"Templat ini milik Kecamatan {found.kecamatan}, bukan Kecamatan {expected.kecamatan}. "
                        f"Unduh templat Kecamatan {expected.kecamatan} dari halaman ini.")
    if found.periode_id != expected.periode_id:
        raise FileError(f"Templat ini untuk Renstra {found.periode}, bukan Renstra {expected.periode}.")
    if found.format != expected.format or found.dokumen != expected.dokumen:
        raise FileError(f"Templat ini untuk {found.judul}, bukan {expected.judul}. Unggah berkas itu di halaman "
                        f"impor {found.judul}, atau unduh templat {expected.judul} dari halaman ini.")
    if found.versi_format != FORMAT_VERSION:
        raise FileError(f"Templat ini memakai format lama (versi {found.versi_format}); format sekarang versi "
                        f"{FORMAT_VERSION}. Unduh templat baru, lalu salin isian Anda ke sana.")
    if found.versi > expected.versi:
        raise FileError(f"Templat ini menyebut {found.judul} versi {found.versi}, padahal versi sekarang "
                        f"{expected.versi}. Unduh templat baru.")


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
    text = _text(raw)
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
            wrong.append((i, column, _text(found)))
    if not wrong:
        return None
    i, column, found = wrong[0]
    more = f" (dan {len(wrong) - 1} kolom lain)" if len(wrong) > 1 else ""
    what = f"berisi '{found}'" if found else "kosong"
    return RowError(HEADER_ROW, column.heading,
                    f"judul kolom {column_letter(i + 1)} {what}, seharusnya '{column.heading}'{more}. Kolom tergeser "
                    "atau diubah: jangan menyisipkan, menghapus atau memindah kolom. Unduh templat baru bila perlu.",
                    sheet.name)


@dataclass
class Sums:
    """What a sheet says about its own totals: numbers typed where the template wrote a formula, and
    the values of the input cells those formulas add up (None: the cell could not be read)."""

    typed: list[tuple[str, str, int, Decimal]] = field(default_factory=list)  # (row ref, column key, baris, value)
    values: dict[tuple[str, str], Decimal | None] = field(default_factory=dict)


def read_sheet(ws, sheet: Sheet, *, stale: bool,
               sums: Sums | None = None) -> tuple[list[Proposed], list[RowError], int, set[str] | None]:
    """(values read, errors, data rows read, refs of the template rows found in the file, None when
    the headings are wrong and no row was read) of one sheet; `sums` collects the typed totals and
    the values they add up, for `jumlah_tertulis`."""
    sums = sums if sums is not None else Sums()
    errors: list[RowError] = []
    proposed: list[Proposed] = []
    ncols = len(sheet.columns)
    rows_iter = ws.iter_rows(min_row=HEADER_ROW, max_col=ncols)
    header = next(rows_iter, None)
    header_values = tuple(c.value for c in header) if header else ()
    heading_error = _check_headings(sheet, header_values)
    if heading_error:
        return [], [heading_error], 0, None

    keys = [c.key for c in sheet.columns]
    headings = {c.key: c.heading for c in sheet.columns}
    by_ref = {row.ref: row for row in sheet.rows}
    by_match = {row.match: row for row in sheet.rows if row.match}
    known_codes = {row.kode for row in sheet.rows if kode_mod.is_canonical(row.kode)}
    input_keys = {key for row in sheet.rows for item in row.items for key in item.columns}
    input_idx = sorted(keys.index(k) for k in input_keys)
    match_idx = [keys.index(k) for k in sheet.match_columns]
    id_idx, kode_idx = keys.index(ID), keys.index(KODE)
    seen: dict[str, int] = {}
    above: str | None = None
    n_rows = 0

    def error(baris: int, kolom: str, pesan: str) -> None:
        errors.append(RowError(baris, kolom, _sentence(pesan), sheet.name))

    for baris, cells in enumerate(rows_iter, start=HEADER_ROW + 1):
        if baris - FIRST_DATA_ROW >= MAX_ROWS:
            raise FileError(f"Lembar {sheet.name} berisi lebih dari {MAX_ROWS:,} baris.".replace(",", "."))
        values = [c.value for c in cells]
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
            continue
        n_rows += 1
        ref = _text(values[id_idx])
        row: Row | None = by_ref.get(ref) if ref else None
        if ref and row is None:
            if _already_gone(sheet, ref, cells, keys):
                continue
            if stale:
                error(baris, "ID", f"baris '{ref}' sudah tidak ada di data sekarang (dihapus orang lain sejak "
                                   "templat diunduh). Hapus baris ini dari berkas, atau unduh templat baru.")
            else:
                error(baris, "ID", f"ID baris '{ref}' tidak dikenal. Jangan mengubah kolom tersembunyi ID; "
                                   "unduh templat baru.")
            continue
        # the code, read in the context of the row above
        raw_kode = values[kode_idx]
        try:
            if row is not None:
                kode = resolve_kode(raw_kode, above, expected=row.kode) if row.kode else _text(raw_kode)
                if row.kode and kode != row.kode:
                    error(baris, headings[KODE], f"kode '{_text(raw_kode)}' tidak cocok dengan baris ini ({row.kode}). "
                                                 "Jangan memindah isi sel antarbaris; unduh templat baru bila "
                                                 "susunan Renstra berubah.")
                    continue
            elif _text(raw_kode):
                kode = resolve_kode(raw_kode, above, known=known_codes)
            else:
                kode = ""
        except kode_mod.KodeError as exc:
            error(baris, headings[KODE], str(exc))
            continue
        if kode_mod.is_canonical(kode):
            above = kode
        if row is None:
            typed = _typed(cells, input_idx)
            if not kode and not typed:
                continue  # a note or a blank row: nothing to read
            match = tuple(kode if k == KODE else normalize(values[i]) for k, i in zip(sheet.match_columns, match_idx))
            row = by_match.get(match)
            if row is None:
                if typed:
                    what = " dan ".join(headings[k] for k in sheet.match_columns)
                    shown = " / ".join(_text(values[i]) for i in match_idx)
                    error(baris, headings[KODE], f"baris tanpa ID dengan {what} '{shown}' tidak ada di data ini. "
                                                 f"{sheet.add_hint}, atau unduh templat baru.")
                continue
        if row.ref in seen:
            error(baris, "ID", f"baris ini sama dengan baris {seen[row.ref]} ({row.kode}); hapus salah satunya.")
            continue
        seen[row.ref] = baris
        for key, template_value in row.cells.items():
            if isinstance(template_value, Rumus) and key in keys:
                typed = _typed_number(cells[keys.index(key)])
                if typed is not None:
                    sums.typed.append((row.ref, key, baris, typed))
        if not row.items:
            if _typed(cells, input_idx):
                error(baris, "", f"baris {row.kode or row.ref} tidak untuk diisi; "
                                 + ("isi baris sub kegiatannya." if row.level in ("program", "kegiatan", "total")
                                    else "baris ini tidak mempunyai indikator."))
            continue
        for item in row.items:
            sels = [_sel(cells[keys.index(k)]) for k in item.columns]
            try:
                value = item.kind.read(sels)
            except CellError as exc:
                error(baris, headings[item.columns[exc.part]], exc.pesan)
                if len(item.columns) == 1:
                    sums.values[(row.ref, item.columns[0])] = None
                continue
            proposed.append(Proposed(sheet.name, baris, item, value))
            if len(item.columns) == 1 and (value is None or isinstance(value, Decimal)):
                sums.values[(row.ref, item.columns[0])] = value if value is not None else Decimal(0)
    return proposed, errors, n_rows, set(seen)


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


def _typed_number(cell) -> Decimal | None:
    """A number someone typed (not a formula, not text) in a cell."""
    value = cell.value
    if getattr(cell, "data_type", "") == "f" or isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        return None
    return Decimal(str(value))


def jumlah_tertulis(sheet: Sheet, sums: Sums) -> list[JumlahTertulis]:
    """Each total typed over a template formula that disagrees with the formula's own sum over the
    values in the same file (rows the file left out keep their current values)."""
    keys = [c.key for c in sheet.columns]
    by_ref = {row.ref: row for row in sheet.rows}
    current = {(row.ref, item.columns[0]): item.current for row in sheet.rows for item in row.items
               if len(item.columns) == 1}

    def value(ref: str, key: str, depth: int = 0) -> Decimal | None:
        row = by_ref.get(ref)
        formula = row.cells.get(key) if row is not None else None
        if isinstance(formula, Rumus) and depth < 10:
            total = Decimal(0)
            for letter, r in parse_rumus(formula):
                i, j = r - FIRST_DATA_ROW, column_index(letter) - 1
                if not (0 <= i < len(sheet.rows) and 0 <= j < len(keys)):
                    return None
                part = value(sheet.rows[i].ref, keys[j], depth + 1)
                if part is None:
                    return None
                total += part
            return total
        if (ref, key) in sums.values:
            return sums.values[(ref, key)]
        found = current.get((ref, key))
        return found if isinstance(found, Decimal) else Decimal(0)

    typed = [(sheet.name, baris, sheet.heading(key), _tempat(by_ref[ref]), (ref, key), number)
             for ref, key, baris, number in sums.typed]
    return compare_typed(typed, lambda cell: value(*cell))


def _tempat(row: Row) -> str:
    return "JUMLAH" if row.level == "total" else f"{row.kode} {row.cells.get('uraian', '')}".strip()


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


def _decode(item: Item, parts: tuple[str, ...] | None):
    if parts is None:
        return None, False
    try:
        return item.kind.decode(parts), True
    except Exception:  # a hand-edited hidden sheet: compare with the current value only
        return None, False


def diff(proposed: list[Proposed], snapshot: dict[str, tuple[str, ...]], preview: Preview) -> None:
    """Three values per cell: at download (O), now (C), in the file (U). U = C: nothing to do;
    U = O ≠ C: someone else changed it and the user did not: keep theirs; O = C ≠ U: the user's
    change; all three differ: a conflict, shown and not written."""
    for p in proposed:
        item, new = p.item, p.value
        current = item.current
        if new == current:
            preview.unchanged += 1
            continue
        original, known = _decode(item, snapshot.get(item.key))
        if known and new == original:
            preview.kept_theirs += 1
            continue
        if known and current != original:
            preview.conflicts.append(Conflict(p.lembar, p.baris, item.label, item.kind.show(original),
                                              item.kind.show(current), item.kind.show(new)))
            continue
        preview.changes.append(Change(p.lembar, p.baris, item.key, item.label, item.kind.show(current),
                                      item.kind.show(new), new))


def read_upload(content: bytes, layout: Layout) -> Preview:
    """Everything an upload would do against the layout (whose items hold the current values).
    Raises FileError when the file as a whole is refused; row errors are in `Preview.errors`."""
    wb = open_workbook(content)
    try:
        found, snapshot = read_identitas(wb)
        check_identitas(found, layout.identitas)
        preview = Preview(identitas=found, versi_sekarang=layout.identitas.versi)
        proposed: list[Proposed] = []
        seen: set[str] = set()
        read_sheets = []
        for sheet in layout.sheets:
            if sheet.name not in wb.sheetnames:
                preview.errors.append(RowError(None, "", f"Lembar '{sheet.name}' tidak ada di berkas. Jangan menghapus "
                                                         "atau mengganti nama lembar templat; unduh templat baru."))
                continue
            sums = Sums()
            got, errors, n_rows, refs = read_sheet(wb[sheet.name], sheet, stale=preview.stale, sums=sums)
            preview.jumlah_tertulis.extend(jumlah_tertulis(sheet, sums))
            proposed.extend(got)
            preview.errors.extend(errors)
            preview.rows_read += n_rows
            if refs is not None:
                seen |= refs
                read_sheets.append(sheet)
    finally:
        wb.close()
    if layout.reconcile is not None:
        reconciled = layout.reconcile(proposed, frozenset(seen))
        proposed = reconciled.proposed
        preview.errors.extend(reconciled.errors)
        seen |= reconciled.matched_refs
    preview.missing_rows = sum(1 for sheet in read_sheets for row in sheet.rows if row.items and row.ref not in seen)
    diff(proposed, snapshot, preview)
    return preview
