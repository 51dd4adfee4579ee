"""Writes a layout as an .xlsx template (openpyxl): pre-filled rows, input cells unlocked and
yellow, everything else locked (sheet protection without a password: it guards against slips, not
against intent; the upload is checked cell by cell anyway), drop-downs where a value comes from a
list, Excel sums for the roll-ups, and a very hidden sheet "Identitas" naming the kecamatan, the
document, the template format and the document's versi, followed by every input value as it was
at download (so an upload can tell the user's changes from other people's)."""

from __future__ import annotations

import io
import json
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation

from kecamatan.importing.base import (
    FIRST_DATA_ROW,
    HEADER_ROW,
    ID,
    LIST_SHEET,
    META_SHEET,
    SNAPSHOT_CHUNK,
    SNAPSHOT_MARK,
    column_letter,
)
from kecamatan.importing.layout import Layout, Row, Rumus, Sheet
from kecamatan.tables.xlsx_cell import put, write

RUPIAH_FORMAT = '#,##0;-#,##0;"-"'  # Excel shows the reader's own separators: 1.500.000 in Indonesian Excel
INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
HEADER_FILL = PatternFill("solid", fgColor="D9E2F3")
TOTAL_FILL = PatternFill("solid", fgColor="EDEDED")
THIN = Side(style="thin", color="A6A6A6")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
UNLOCKED = Protection(locked=False)
BOLD = Font(bold=True)
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
BOLD_LEVELS = {"tujuan", "program", "total"}


def _set(cell, value):
    """A value through the one guard of every workbook (`tables.xlsx_cell`): text stays text, only
    the layout's own sums (`Rumus`) are formulas; a whole Decimal is written as an integer."""
    if isinstance(value, Decimal) and value == value.to_integral_value():
        value = int(value)
    return put(cell, value, formula=isinstance(value, Rumus))


def _protect(ws) -> None:
    ws.protection.sheet = True
    ws.protection.formatColumns = False  # people may widen columns and rows
    ws.protection.formatRows = False


def _write_sheet(ws, sheet: Sheet, layout: Layout, list_ranges: dict[str, str]) -> None:
    ident = layout.identitas
    write(ws, 1, 2, sheet.title).font = Font(bold=True, size=12)
    write(ws, 2, 2, f"Kecamatan {ident.kecamatan} · {ident.judul} · versi dokumen {ident.versi} · "
                  f"templat dibuat {ident.diunduh[:16].replace('T', ' ')}{' oleh ' + ident.oleh if ident.oleh else ''}")
    _write_notes(ws, sheet)
    _write_header(ws, sheet)
    for r, row in enumerate(sheet.rows, start=FIRST_DATA_ROW):
        _write_row(ws, sheet, r, row)
    _write_validations(ws, sheet, list_ranges)
    first_free = next((i for i, c in enumerate(sheet.columns, start=1) if c.key == "uraian"), 3)
    ws.freeze_panes = ws.cell(FIRST_DATA_ROW, first_free)
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    _protect(ws)


def _write_header(ws, sheet: Sheet) -> None:
    for i, column in enumerate(sheet.columns, start=1):
        cell = write(ws, HEADER_ROW, i, column.heading)
        cell.font, cell.fill, cell.border = BOLD, HEADER_FILL, BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[column_letter(i)].width = column.width
        ws.column_dimensions[column_letter(i)].hidden = column.hidden
    ws.row_dimensions[HEADER_ROW].height = 32


def _write_row(ws, sheet: Sheet, r: int, row: Row) -> None:
    """One data row: its hidden ID, input cells unlocked and yellow, read-only cells as they are."""
    inputs = {}
    for item in row.items:
        if not item.locked:
            inputs.update(zip(item.columns, item.kind.to_cells(item.current)))
    bold = row.level in BOLD_LEVELS
    for c, column in enumerate(sheet.columns, start=1):
        key = column.key
        cell = ws.cell(r, c)
        cell.border = BORDER
        if key == ID:
            _set(cell, row.ref)
            continue
        if key in inputs:
            _set(cell, inputs[key])
            cell.protection, cell.fill = UNLOCKED, INPUT_FILL
        elif key in row.cells:
            _set(cell, row.cells[key])
        if column.kind == "rupiah":
            cell.number_format = RUPIAH_FORMAT
            cell.alignment = TOP
        elif column.kind == "nilai":
            cell.alignment = TOP
        else:
            cell.alignment = WRAP_TOP
        if bold:
            cell.font = BOLD
        if row.level == "total":
            cell.fill = TOTAL_FILL


def _write_validations(ws, sheet: Sheet, list_ranges: dict[str, str]) -> None:
    """The drop-downs: N/A and - for values, the named lists (satuan, sumber dana) elsewhere."""
    last = FIRST_DATA_ROW + max(len(sheet.rows), 1) - 1
    for i, column in enumerate(sheet.columns, start=1):
        if not column.validation:
            continue
        letter = column_letter(i)
        if column.validation == "nilai":
            dv = DataValidation(type="list", formula1='"N/A,-"', allow_blank=True, showErrorMessage=False,
                                promptTitle="Isian", prompt="Angka (84,5 atau 1.500), 62 (B-), atau pilih N/A / -.",
                                showInputMessage=True)
        else:
            dv = DataValidation(type="list", formula1=list_ranges[column.validation], allow_blank=True,
                                showErrorMessage=True, errorStyle="warning", errorTitle="Tidak ada di daftar",
                                error="Nilai ini tidak ada di daftar. Pilih Yes untuk tetap memakainya.")
        dv.add(f"{letter}{FIRST_DATA_ROW}:{letter}{last}")
        ws.add_data_validation(dv)


def _write_notes(ws, sheet: Sheet) -> None:
    """The instructions above the header: one line per note, wrapped across the visible columns."""
    if not sheet.notes:
        return
    cell = write(ws, 3, 2, "\n".join(sheet.notes))
    cell.font, cell.alignment = Font(italic=True), WRAP_TOP
    shown = [c for c in sheet.columns[1:] if not c.hidden]
    last = len(sheet.columns)
    if last > 2:
        ws.merge_cells(start_row=3, start_column=2, end_row=3, end_column=last)
    chars_per_line = max(sum(c.width for c in shown) * 1.1, 40)
    lines = sum(max(1, -(-len(note) // int(chars_per_line))) for note in sheet.notes)
    ws.row_dimensions[3].height = 15 * lines + 2


def _write_lists(wb, layout: Layout) -> dict[str, str]:
    if not layout.lists:
        return {}
    ws = wb.create_sheet(LIST_SHEET)
    ranges = {}
    for c, (name, values) in enumerate(layout.lists.items(), start=1):
        write(ws, 1, c, name)
        for r, value in enumerate(values, start=2):
            _set(ws.cell(r, c), value)
        letter = column_letter(c)
        ranges[name] = f"'{LIST_SHEET}'!${letter}$2:${letter}${max(len(values), 1) + 1}"
    ws.sheet_state = "hidden"
    _protect(ws)
    return ranges


def _write_identitas(wb, layout: Layout) -> None:
    ws = wb.create_sheet(META_SHEET)
    write(ws, 1, 1, "Identitas templat SAKIP Kecamatan: jangan diubah.")
    r = 2
    for key, value in layout.identitas.rows():
        _set(ws.cell(r, 1), key)
        _set(ws.cell(r, 2), value)
        r += 1
    _set(ws.cell(r, 1), SNAPSHOT_MARK)
    snapshot = json.dumps({item.key: item.kind.encode(item.current) for item in layout.items()},
                          ensure_ascii=False, separators=(",", ":"))
    for start in range(0, len(snapshot), SNAPSHOT_CHUNK):  # one JSON text over as many cells as it needs
        r += 1
        _set(ws.cell(r, 1), snapshot[start:start + SNAPSHOT_CHUNK])
    ws.sheet_state = "veryHidden"
    _protect(ws)


def write_template(layout: Layout) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    sheets = [wb.create_sheet(sheet.name) for sheet in layout.sheets]
    list_ranges = _write_lists(wb, layout)
    for ws, sheet in zip(sheets, layout.sheets):
        _write_sheet(ws, sheet, layout, list_ranges)
    _write_identitas(wb, layout)
    wb.active = 0
    wb.security = WorkbookProtection(lockStructure=True)  # sheets cannot be renamed, removed or unhidden
    wb.calculation.fullCalcOnLoad = True  # the sums show their values when the file is opened
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
