"""Reads an uploaded .xlsx against the layout the template was made from: the file and its
identity (`workbook`), each sheet's headings, rows and cells (`sheet`), the totals typed over the
template's formulas (`sums`), and the three values compared per cell: at download (hidden
sheet), now (the layout) and in the file. Collects every error; pure apart from openpyxl."""

from __future__ import annotations

from kecamatan.importing.base import RowError
from kecamatan.importing.layout import Item, Layout, Proposed
from kecamatan.importing.preview import Change, Conflict, Preview
from kecamatan.importing.sheet import read_sheet
from kecamatan.importing.sums import Sums, jumlah_tertulis
from kecamatan.importing.workbook import check_identitas, open_workbook, read_identitas


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
