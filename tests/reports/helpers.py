"""Reading back what renderers produce: PDF text per page (pdftotext, else pypdf), XLSX cells
(openpyxl)."""

import io
import shutil
import subprocess

from openpyxl import load_workbook
from pypdf import PdfReader


def pdf_pages(content: bytes) -> list[str]:
    """Text of every page, in the order WeasyPrint drew it. poppler's pdftotext -raw keeps that
    content-stream order as pypdf does and gives the same text (pypdf sometimes glues two cells:
    "KerjaTarget"), 15 times faster: pypdf spent half a second a page parsing content streams,
    minutes over the suite. The test command installs poppler-utils; without it, pypdf."""
    pages = PdfReader(io.BytesIO(content)).pages
    if shutil.which("pdftotext"):
        out = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", "-", "-"], input=content, capture_output=True,
                             check=True).stdout.decode("utf-8")
        texts = out.split("\f")
        assert len(texts) == len(pages) + 1 and texts[-1] == "", "pdftotext: one form feed after each page"
        return texts[:-1]
    return [page.extract_text() or "" for page in pages]


def xlsx_rows(content: bytes, sheet: str | None = None) -> list[tuple]:
    wb = load_workbook(io.BytesIO(content))
    ws = wb[sheet] if sheet else wb.worksheets[0]
    return [tuple(row) for row in ws.iter_rows(values_only=True)]


def xlsx_sheet(content: bytes, sheet: str | None = None):
    wb = load_workbook(io.BytesIO(content))
    return wb[sheet] if sheet else wb.worksheets[0]
