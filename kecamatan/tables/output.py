"""What a rendered table or document is on its way out (bytes, content type, file name), and the one
function that renders any list of Reports as PDF, Excel or printable HTML."""

from __future__ import annotations

from dataclasses import dataclass

from kecamatan.tables.pdf_cache import render_pdf_cached
from kecamatan.tables.render_pdf import print_html
from kecamatan.tables.render_xlsx import render_xlsx

FORMATS = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@dataclass(frozen=True)
class Output:
    content: bytes
    content_type: str
    filename: str
    cache_hit: bool | None = None  # a PDF: whether it came from the shared cache; None for other formats


def render_reports(reports, *, fmt: str, base: str) -> Output:
    """Any list of Reports as one download: a PDF, a workbook (a sheet each) or printable HTML."""
    if fmt not in FORMATS:
        raise ValueError(f"Format '{fmt}' tidak dikenal. Pilihan: html, pdf, xlsx.")
    hit = None
    if fmt == "pdf":
        content, hit = render_pdf_cached(reports)  # unchanged PDFs are not laid out again
    elif fmt == "xlsx":
        content = render_xlsx(reports)
    else:
        content = print_html(reports).encode("utf-8")
    return Output(content, FORMATS[fmt], f"{base}.{fmt}", hit)
