"""Excel rendering (openpyxl) of one or more Reports, one sheet each: the same merged header
and numbering, numbers as numbers (Decimal, so reviewers can sum them) with Indonesian-readable
formats, frozen header, fitting column widths, print set-up (landscape, repeated header rows,
fit to width) and the signature block."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from kecamatan.core import formatting
from kecamatan.tables.base import (
    ANGKA,
    COVERED,
    NILAI,
    PERSEN,
    PERSEN_BULAT,
    RASIO,
    RUPIAH,
    Besaran,
    Column,
    Report,
    Row,
    format_cell,
)
from kecamatan.tables.xlsx_cell import put, write

NUMBER_FORMATS = {
    RUPIAH: '#,##0;-#,##0;"-"',  # reader's own separators (1.916.486.189 in Indonesian Excel); 0 as "-"
    PERSEN: '0.00"%"',  # the value is 98.13, not 0.9813, as the documents print it
    PERSEN_BULAT: '0"%"',  # the exact value stays in the cell; shown whole as the layout prints it
    ANGKA: "#,##0.####",
    NILAI: "#,##0.####",
    RASIO: "0.00",
}
BOLD_KINDS = {"total", "subtotal", "program", "band"}
THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="E8E8E8")
TOTAL_FILL = PatternFill("solid", fgColor="F0F0F0")


def _sheet_title(report: Report, used: set[str]) -> str:
    base = re.sub(r"[\[\]:*?/\\]", "", report.code)[:28] or "Tabel"
    title, n = base, 2
    while title in used:
        title, n = f"{base} ({n})", n + 1
    used.add(title)
    return title


def _excel_value(value, kind: str):
    """Numbers stay numbers; labelled or missing values become the text the PDF prints."""
    if value is COVERED:
        return None
    if isinstance(value, Besaran):
        if value.nilai.nilai is not None and not value.nilai.label:
            return value.nilai.nilai
        return str(value)
    if isinstance(value, formatting.Nilai):
        if value.nilai is not None and not value.label:
            return value.nilai
        return formatting.format_nilai(value) if not value.is_empty else "-"
    if isinstance(value, (Decimal, int)) and not isinstance(value, bool):
        return value
    if value is None:
        return "-" if kind in NUMBER_FORMATS else None
    return format_cell(value, kind)


def _besaran_format(value: Besaran) -> str:
    """The number as typed, with its unit shown by the cell format ("87,72%", "2 Dokumen")."""
    suffix = value.unit_suffix.replace('"', "")
    return f'General"{suffix}"' if suffix else "General"


def _signature_lines(p) -> list[str]:
    place = f"{p.tempat}, " if p.tempat else ""
    lines = [place + formatting.format_tanggal(p.tanggal, p.hanya_bulan)]
    lines += [f"{p.sebutan},", p.jabatan] if p.sebutan else [f"{p.jabatan},"]
    lines += ["", "", p.nama]
    if p.pangkat:
        lines.append(p.pangkat)
    if p.nip:
        lines.append(f"NIP. {p.nip}")
    return lines


def _merged_line(ws, r: int, text: str, font: Font, ncols: int) -> None:
    write(ws, r, 1, text).font = font
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncols)
    ws.cell(r, 1).alignment = Alignment(horizontal="center")


def _write_heading(ws, report: Report, ncols: int) -> int:
    """Kop (with the office's address lines), the document's title when the table prints on its
    own, title lines, intro and caption, each merged across the table; returns the first free row."""
    r = 1
    kop = report.kop
    if kop:
        lines = [(kop.pemerintah, Font(bold=True, size=12)), (kop.instansi, Font(bold=True, size=12)),
                 *((line, Font(size=10)) for line in kop.alamat)]
        for line, font in lines:
            if line:
                _merged_line(ws, r, line, font, ncols)
                r += 1
        r += 1
        if kop.dokumen:
            _merged_line(ws, r, kop.dokumen, Font(bold=True, size=11), ncols)
            r += 1
    for line in report.title:
        _merged_line(ws, r, line, Font(bold=True, size=11), ncols)
        r += 1
    r += 1
    for label, text in report.intro:
        write(ws, r, 1, f"{label} : {text}" if label else text).alignment = Alignment(wrap_text=True, vertical="top")
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncols)
        ws.row_dimensions[r].height = 15 * (1 + text.count("\n") + len(text) // 160)
        r += 1
    if report.caption:
        write(ws, r, 1, report.caption).font = Font(bold=True, size=11)
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncols)
        ws.cell(r, 1).alignment = Alignment(horizontal="center")
        r += 2
    elif report.intro:
        r += 1
    return r


def _write_header(ws, report: Report, r: int, ncols: int) -> int:
    """Group, label and numbering rows from row `r`; returns the numbering row."""
    header_top = r
    two_rows = report.has_groups
    for label, start, span in report.header_groups():
        col = start + 1
        write(ws, r, col, label)
        grouped = bool(report.columns[start].group)
        if span > 1 or (two_rows and not grouped):
            ws.merge_cells(start_row=r, start_column=col, end_row=r + (0 if grouped or not two_rows else 1),
                           end_column=col + span - 1)
    if two_rows:
        r += 1
        for i, column in enumerate(report.columns):
            if column.group:
                write(ws, r, i + 1, column.label)
    r += 1
    for i, column in enumerate(report.columns):
        write(ws, r, i + 1, column.number)
    header_bottom = r
    for row_cells in ws.iter_rows(min_row=header_top, max_row=header_bottom, max_col=ncols):
        for cell in row_cells:
            cell.font = Font(bold=cell.row != header_bottom, italic=cell.row == header_bottom)
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            cell.fill = HEADER_FILL
            cell.border = BORDER
    return header_bottom


def _write_cell(ws, report: Report, row: Row, r: int, i: int, column: Column) -> None:
    """One data cell, by its column's key: value, number format, alignment, fill and merge."""
    value = row.cells.get(column.key)
    cell = ws.cell(r, i + 1)
    cell.border = BORDER
    if value is COVERED:
        return
    put(cell, _excel_value(value, column.kind))
    if isinstance(value, Besaran):
        cell.number_format = _besaran_format(value)
        cell.alignment = Alignment(horizontal="right", vertical="top")
    elif column.kind in NUMBER_FORMATS:
        cell.number_format = NUMBER_FORMATS[column.kind]
        cell.alignment = Alignment(horizontal="right", vertical="top")
    else:
        indent = row.level if column.key == report.name_column else 0
        cell.alignment = Alignment(wrap_text=True, vertical="top", indent=indent)
    if row.kind in BOLD_KINDS:
        cell.font = Font(bold=True)
    if row.kind == "total":
        cell.fill = TOTAL_FILL
    if column.key in row.fill:
        cell.fill = PatternFill("solid", fgColor=row.fill[column.key])
    span = row.span_of(column.key)
    if span > 1:
        ws.merge_cells(start_row=r, start_column=i + 1, end_row=r + span - 1, end_column=i + 1)


def _write_rows(ws, report: Report, r: int, ncols: int) -> int:
    """The data rows from row `r` (a band row across the width); returns the first free row."""
    for row in report.rows:
        if row.kind == "band":
            write(ws, r, 1, row.text).font = Font(bold=True)
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncols)
            for c in range(1, ncols + 1):
                ws.cell(r, c).border = BORDER
        else:
            for i, column in enumerate(report.columns):
                _write_cell(ws, report, row, r, i, column)
        r += 1
    return r


def _write_footer(ws, report: Report, r: int, ncols: int) -> None:
    """Notes under the table, then the signature block(s)."""
    for note in report.notes:
        r += 1
        write(ws, r, 1, note).font = Font(italic=True, size=9)
    if report.penandatangan:
        r += 2
        blocks = [(report.penandatangan, max(1, ncols - 3), ncols)]
        if report.counter_signatory:  # two parties side by side: left half and right half
            mid = max(1, ncols // 2)
            blocks = [(report.counter_signatory, 1, mid), (report.penandatangan, min(ncols, mid + 1), ncols)]
        for p, first, last in blocks:
            for i, line in enumerate(_signature_lines(p)):
                cell = write(ws, r + i, first, line)
                cell.alignment = Alignment(horizontal="center")
                if last > first:
                    ws.merge_cells(start_row=r + i, start_column=first, end_row=r + i, end_column=last)
                if line == p.nama:
                    cell.font = Font(bold=True, underline="single")


def write_report(ws, report: Report) -> None:
    ncols = len(report.columns)
    header_top = _write_heading(ws, report, ncols)
    header_bottom = _write_header(ws, report, header_top, ncols)
    first_data = header_bottom + 1
    _write_footer(ws, report, _write_rows(ws, report, first_data, ncols), ncols)
    for i, column in enumerate(report.columns):
        ws.column_dimensions[get_column_letter(i + 1)].width = max(5, min(60, column.width * 1.4))
    ws.freeze_panes = ws.cell(first_data, 1)
    ws.print_title_rows = f"{header_top}:{header_bottom}"
    ws.page_setup.orientation = report.orientation
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.oddFooter.right.text = "Halaman &P dari &N"


def render_xlsx(reports: Sequence[Report]) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    used: set[str] = set()
    for report in reports:
        write_report(wb.create_sheet(_sheet_title(report, used)), report)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
