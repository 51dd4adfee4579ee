"""PDF rendering (WeasyPrint) of one or more Reports as the office prints them: kop, title,
numbered header repeated on every page, "Halaman x dari y", the Camat's signature block.

Files are handed to WeasyPrint directly (stylesheet found through staticfiles finders), so a PDF
renders without HTTP, in tests too. One WeasyPrint call per document, never one per row.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from .base import Report
from .render_html import render_charts, render_table_html


def print_html(reports: Sequence[Report], *, title: str = "") -> str:
    sections = [
        {"report": r, "table": mark_safe(render_table_html(r)), "charts": [mark_safe(c) for c in render_charts(r)]}
        for r in reports
    ]
    return render_to_string("reports/print.html", {"sections": sections, "title": title or reports[0].title[-1]})


def pdf_document(html: str):
    """WeasyPrint's laid-out document of a print page (pages and boxes, before writing)."""
    from weasyprint import CSS, HTML  # imported lazily: heavy, and only needed when printing

    stylesheet = CSS(filename=finders.find("kecamatan/print.css"))
    return HTML(string=html, base_url=str(settings.BASE_DIR)).render(stylesheets=[stylesheet])


def render_pdf(reports: Sequence[Report], *, title: str = "") -> bytes:
    return pdf_document(print_html(reports, title=title)).write_pdf()
