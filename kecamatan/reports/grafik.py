"""Charts of the comparison pages as plain data, and their rendering to inline SVG.

The same SVG markup goes into the screen page and into the PDF (WeasyPrint draws inline SVG), so
the browser and the printout cannot differ, and no JavaScript or external file is involved.
Builders fill `GrafikBatang` / `GrafikGaris` with Decimals; `render_svg` only draws them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from xml.sax.saxutils import escape, quoteattr

from .. import formatting

FONT = '"DejaVu Sans", sans-serif'
BIRU = "2F6DB5"
ABU = "6C757D"
WIDTH = 1000


@dataclass(frozen=True)
class Batang:
    label: str
    nilai: Decimal | None
    warna: str = BIRU  # RRGGBB


@dataclass(frozen=True)
class GrafikBatang:
    """Vertical bars, one per category, with an optional reference line (the kabupaten median)."""

    judul: str
    batang: tuple[Batang, ...]
    acuan: Decimal | None = None
    label_acuan: str = "Median kabupaten"
    satuan: str = "%"
    id: str = ""


@dataclass(frozen=True)
class Seri:
    nama: str
    nilai: tuple[Decimal | None, ...]  # one per category; None leaves a gap
    warna: str = BIRU
    putus: bool = False  # dashed line (the median)


@dataclass(frozen=True)
class GrafikGaris:
    """Lines over ordered categories (2024 TW I, 2024 TW II, …)."""

    judul: str
    kategori: tuple[str, ...]
    seri: tuple[Seri, ...]
    satuan: str = "%"
    id: str = ""


def _num(value: Decimal | float, places: int = 1) -> str:
    return formatting.format_number(Decimal(str(value)), places)


def _skala(values: list[Decimal]) -> tuple[Decimal, Decimal]:
    """Top of the y axis and the grid step: at least 100 (percent), rounded up to a nice step."""
    top = max([Decimal(100), *values]) if values else Decimal(100)
    for step in (Decimal(10), Decimal(20), Decimal(25), Decimal(50), Decimal(100), Decimal(250), Decimal(500)):
        if top / step <= 8:
            break
    else:
        step = Decimal(10) ** max(0, len(str(int(top))) - 1)
    return Decimal(math.ceil(top / step)) * step, step


def _text(x: float, y: float, text: str, *, size: int = 11, anchor: str = "middle", extra: str = "") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
            f'font-family={quoteattr(FONT)}{extra}>{escape(text)}</text>')


def _frame(chart_id: str, judul: str, height: float, body: list[str]) -> str:
    ident = f' id="{escape(chart_id)}"' if chart_id else ""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg"{ident} class="grafik-svg" role="img" '
        f'aria-label={quoteattr(judul)} viewBox="0 0 {WIDTH} {height:.0f}" width="{WIDTH}" height="{height:.0f}">'
        f"<title>{escape(judul)}</title>"
        + _text(WIDTH / 2, 18, judul, size=14, extra=' font-weight="bold"')
        + "".join(body)
        + "</svg>"
    )


def _y_axis(left: float, right: float, top: float, bottom: float, maks: Decimal, step: Decimal,
            satuan: str) -> list[str]:
    out = []
    tick = Decimal(0)
    while tick <= maks:
        y = bottom - float(tick / maks) * (bottom - top)
        out.append(f'<line x1="{left:.1f}" y1="{y:.1f}" x2="{right:.1f}" y2="{y:.1f}" stroke="#dee2e6" '
                   f'stroke-width="1"/>')
        out.append(_text(left - 6, y + 4, f"{_num(tick, 0)}{satuan}", size=10, anchor="end"))
        tick += step
    out.append(f'<line x1="{left:.1f}" y1="{bottom:.1f}" x2="{right:.1f}" y2="{bottom:.1f}" stroke="#333" '
               f'stroke-width="1"/>')
    return out


def _bars(chart: GrafikBatang) -> str:
    n = max(1, len(chart.batang))
    longest = max((len(b.label) for b in chart.batang), default=4)
    label_space = min(170.0, 14 + longest * 6.2 * 0.72)
    left, right, top = 62.0, WIDTH - 16.0, 52.0
    plot_height = 260.0
    bottom = top + plot_height
    height = bottom + label_space + 8
    values = [b.nilai for b in chart.batang if b.nilai is not None]
    if chart.acuan is not None:
        values.append(chart.acuan)
    maks, step = _skala(values)
    body = _y_axis(left, right, top, bottom, maks, step, chart.satuan)
    band = (right - left) / n
    width = band * 0.72
    show_values = n <= 40
    for i, b in enumerate(chart.batang):
        cx = left + band * (i + 0.5)
        if b.nilai is not None:
            h = float(max(Decimal(0), b.nilai) / maks) * plot_height
            body.append(
                f'<rect x="{cx - width / 2:.1f}" y="{bottom - h:.1f}" width="{width:.1f}" height="{h:.1f}" '
                f'fill="#{b.warna}" stroke="#555" stroke-width="0.5"><title>{escape(b.label)}: '
                f'{escape(_num(b.nilai, 2))}{escape(chart.satuan)}</title></rect>'
            )
            if show_values:
                body.append(_text(cx, bottom - h - 3, _num(b.nilai, 1), size=9))
        elif show_values:
            body.append(_text(cx, bottom - 3, "-", size=9, extra=f' fill="#{ABU}"'))
        if n <= 80:
            body.append(_text(cx + 3, bottom + 10, b.label, size=10 if n <= 40 else 7, anchor="end",
                              extra=f' transform="rotate(-45 {cx + 3:.1f} {bottom + 10:.1f})"'))
    if chart.acuan is not None:
        y = bottom - float(chart.acuan / maks) * plot_height
        body.append(f'<line x1="{left:.1f}" y1="{y:.1f}" x2="{right:.1f}" y2="{y:.1f}" stroke="#C0392B" '
                    f'stroke-width="1.5" stroke-dasharray="6 4"/>')
        body.append(_text(right, top - 8, f"- - {chart.label_acuan}: {_num(chart.acuan, 2)}{chart.satuan}",
                          size=10, anchor="end", extra=' fill="#C0392B"'))
    return _frame(chart.id, chart.judul, height, body)


def _lines(chart: GrafikGaris) -> str:
    n = max(1, len(chart.kategori))
    left, right, top = 62.0, WIDTH - 16.0, 58.0
    plot_height = 240.0
    bottom = top + plot_height
    height = bottom + 80
    values = [v for s in chart.seri for v in s.nilai if v is not None]
    maks, step = _skala(values)
    body = _y_axis(left, right, top, bottom, maks, step, chart.satuan)
    band = (right - left) / n

    def x_of(i: int) -> float:
        return left + band * (i + 0.5)

    def y_of(v: Decimal) -> float:
        return bottom - float(max(Decimal(0), v) / maks) * plot_height

    for i, label in enumerate(chart.kategori):
        body.append(_text(x_of(i) + 3, bottom + 12, label, size=10, anchor="end",
                          extra=f' transform="rotate(-35 {x_of(i) + 3:.1f} {bottom + 12:.1f})"'))
    for k, seri in enumerate(chart.seri):
        dash = ' stroke-dasharray="7 5"' if seri.putus else ""
        segment: list[str] = []
        segments: list[list[str]] = []
        for i, v in enumerate(seri.nilai):
            if v is None:
                if segment:
                    segments.append(segment)
                segment = []
                continue
            segment.append(f"{x_of(i):.1f},{y_of(v):.1f}")
        if segment:
            segments.append(segment)
        for points in segments:
            if len(points) > 1:
                body.append(f'<polyline points="{" ".join(points)}" fill="none" stroke="#{seri.warna}" '
                            f'stroke-width="2.2"{dash}/>')
        for i, v in enumerate(seri.nilai):
            if v is not None:
                body.append(f'<circle cx="{x_of(i):.1f}" cy="{y_of(v):.1f}" r="3.5" fill="#{seri.warna}">'
                            f"<title>{escape(seri.nama)} {escape(chart.kategori[i])}: {escape(_num(v, 2))}"
                            f"{escape(chart.satuan)}</title></circle>")
        # legend, top left, one entry per series
        lx = left + 10 + k * 300
        body.append(f'<line x1="{lx:.1f}" y1="38" x2="{lx + 28:.1f}" y2="38" stroke="#{seri.warna}" '
                    f'stroke-width="2.5"{dash}/>')
        body.append(_text(lx + 34, 42, seri.nama, size=11, anchor="start"))
    return _frame(chart.id, chart.judul, height, body)


def render_svg(chart: GrafikBatang | GrafikGaris) -> str:
    if isinstance(chart, GrafikBatang):
        return _bars(chart)
    return _lines(chart)
