"""Reading back what renderers produce: PDF text per page (pypdf), XLSX cells (openpyxl)."""

import io

from openpyxl import load_workbook
from pypdf import PdfReader


def pdf_pages(content: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(content)).pages]


def xlsx_rows(content: bytes, sheet: str | None = None) -> list[tuple]:
    wb = load_workbook(io.BytesIO(content))
    ws = wb[sheet] if sheet else wb.worksheets[0]
    return [tuple(row) for row in ws.iter_rows(values_only=True)]


def xlsx_sheet(content: bytes, sheet: str | None = None):
    wb = load_workbook(io.BytesIO(content))
    return wb[sheet] if sheet else wb.worksheets[0]
