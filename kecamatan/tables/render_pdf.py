"""PDF rendering (WeasyPrint) of one or more Reports as the office prints them: kop, title,
numbered header repeated on every page, "Halaman x dari y", the Camat's signature block.

Files are handed to WeasyPrint directly (stylesheet found through staticfiles finders), so a PDF
renders without HTTP, in tests too. One WeasyPrint call per document, never one per row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from urllib.parse import unquote, urlparse

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from kecamatan.tables.base import Report
from kecamatan.tables.lebar import Bagian, fit
from kecamatan.tables.render_html import render_charts, render_table_html


def print_html(reports: Sequence[Report], *, title: str = "") -> str:
    sections = [_section(bagian) for r in reports for bagian in fit(r)]
    return render_to_string("reports/print.html", {"sections": sections, "title": title or reports[0].title[-1]})


def _section(bagian: Bagian) -> dict:
    """One printed piece of a table (tables.lebar): widths and size from its content. A table too
    wide for its page continues on the next pages with its further columns: the kop and charts print
    with the first piece, notes and signature with the last."""
    report = bagian.report
    if bagian.parts > 1:
        first, last = bagian.part == 1, bagian.part == bagian.parts
        report = replace(
            report,
            kop=report.kop if first else None,
            title=report.title if first else (*report.title[:-1], f"{report.title[-1]} (lanjutan)"),
            penandatangan=report.penandatangan if last else None,
            counter_signatory=report.counter_signatory if last else None,
            notes=report.notes if last else (),
            charts=report.charts if first else (),
        )
    return {"report": report, "table": mark_safe(render_table_html(report, cetak=bagian.cetak)),
            "charts": [mark_safe(c) for c in render_charts(report)]}


PRINT_CSS = ("kecamatan/print.css",)


class FetchRefused(ValueError):
    pass


def _allowed_roots() -> list[Path]:
    roots = [Path(settings.BASE_DIR) / "static", *(Path(p) for p in getattr(settings, "STATICFILES_DIRS", ()))]
    if getattr(settings, "STATIC_ROOT", None):
        roots.append(Path(settings.STATIC_ROOT))
    return [r.resolve() for r in roots]


def _safe_fetcher():
    """What a PDF may load: data: URIs (the logo, charts) and the app's own static files. Never
    anything over the network, never other files, whatever a text or a template contains:
    WeasyPrint logs the refusal and leaves the resource out."""
    from weasyprint.urls import URLFetcher

    class SafeURLFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            parsed = urlparse(url)
            if parsed.scheme == "data":
                return super().fetch(url, headers)
            if parsed.scheme == "file":
                path = Path(unquote(parsed.path)).resolve()
                if any(path.is_relative_to(root) for root in _allowed_roots()):
                    return super().fetch(url, headers)
            raise FetchRefused(f"PDF tidak memuat sumber dari luar: {url[:80]}")

    return SafeURLFetcher(allowed_protocols=("data", "file"), allow_redirects=False)


def pdf_document(html: str, stylesheets: Sequence[str] = PRINT_CSS):
    """WeasyPrint's laid-out document of a print page (pages and boxes, before writing).
    `stylesheets` are static file names, applied in order."""
    from weasyprint import CSS, HTML  # imported lazily: heavy, and only needed when printing

    sheets = [CSS(filename=finders.find(name)) for name in stylesheets]
    return HTML(string=html, base_url=str(settings.BASE_DIR), url_fetcher=_safe_fetcher()).render(stylesheets=sheets)


def render_pdf(reports: Sequence[Report], *, title: str = "") -> bytes:
    return pdf_document(print_html(reports, title=title)).write_pdf()
