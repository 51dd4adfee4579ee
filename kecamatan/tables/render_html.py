"""HTML rendering of a Report: the table partial shared by the screen page and the PDF."""

from __future__ import annotations

from dataclasses import dataclass

from django.template.loader import render_to_string

from kecamatan.tables.base import COVERED, KODE, NOMOR, NUMERIC_KINDS, Besaran, Report, format_cell
from kecamatan.tables.lebar import Cetak


@dataclass(frozen=True)
class HtmlCell:
    text: str
    css: str
    rowspan: int = 1
    fill: str = ""  # background colour RRGGBB
    link: str = ""  # drill-down URL (screen only)


@dataclass(frozen=True)
class HtmlRow:
    kind: str
    level: int
    cells: tuple[HtmlCell, ...]
    band: str = ""  # text of a full-width band row


def table_context(report: Report, *, links: bool = False, cetak: Cetak | None = None) -> dict:
    """Everything the `reports/_table.html` partial prints, already formatted. `links`: make the
    cells that carry a URL clickable (screen pages; the PDF prints plain text). `cetak`: the print's
    widths (mm) and font size from the content (`tables.lebar`); else the columns' weights in %."""
    rows = []
    for row in report.rows:
        if row.kind == "band":
            rows.append(HtmlRow(row.kind, row.level, (), band=row.text))
            continue
        cells = []
        for col in report.columns:
            value = row.cells.get(col.key)
            if value is COVERED:
                continue
            css = "angka" if col.kind in NUMERIC_KINDS else {NOMOR: "nomor", KODE: "kode"}.get(col.kind, "teks")
            if col.key == report.name_column:
                css += f" nama tingkat-{row.level}"
            if isinstance(value, Besaran):
                css += " besaran"  # "9 Lembaga Kemasyarakatan" may wrap; bare numbers never do
            cells.append(HtmlCell(format_cell(value, col.kind), css, row.span_of(col.key), row.fill.get(col.key, ""),
                                  row.links.get(col.key, "") if links else ""))
        rows.append(HtmlRow(row.kind, row.level, tuple(cells)))
    groups = report.header_groups()
    grouped = {i for label, start, span in groups for i in range(start, start + span) if report.columns[i].group}
    return {
        "report": report,
        "rows": rows,
        "groups": [
            # an ungrouped label spans the sub-label row, which exists only when some column is grouped
            {"label": label, "colspan": span, "rowspan": 1 if report.columns[start].group or not report.has_groups else 2}
            for label, start, span in groups
        ],
        "sub_labels": [c.label for i, c in enumerate(report.columns) if i in grouped],
        "ncols": len(report.columns),
        "numbered": any(c.number for c in report.columns),  # documents without a numbering row leave it out
        "widths": _widths(report, cetak.widths_mm if cetak else None),
        "font_pt": f"{cetak.font_pt:g}pt" if cetak else "",
    }


def _widths(report: Report, widths: tuple[float, ...] | None = None) -> list[str]:
    """Column widths in % of the table (padding included, as WeasyPrint's fixed layout reads them)."""
    widths = widths or tuple(c.width for c in report.columns)
    total = sum(widths) or 1
    return [f"{w / total * 100:.3f}%" for w in widths]


def render_table_html(report: Report, *, links: bool = False, cetak: Cetak | None = None) -> str:
    return render_to_string("reports/_table.html", table_context(report, links=links, cetak=cetak))


def render_charts(report: Report) -> list[str]:
    """The report's charts as inline SVG, the same markup on screen and in the PDF."""
    from kecamatan.tables.grafik import render_svg

    return [render_svg(chart) for chart in report.charts]
