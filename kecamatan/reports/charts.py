"""Server-side SVG charts for the whole documents (LKj, Renja, Renstra): horizontal bars
(capaian per indicator, penyerapan per program, dana per program) and lines (capaian over the
years). Pure functions from plain values to SVG text: no Django, no JavaScript, no fonts or
files fetched, so the same text prints in WeasyPrint and shows in the browser.

The figures are the ones the tables print: callers pass the Decimals of the built Report
cells, and every value label goes through `formatting`, like a table cell. Coordinates are
computed in Decimal and written with one decimal. Every text is XML-escaped.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from ..formatting import EMPTY, format_number

PALETTE = ("#2e7d32", "#1565c0", "#ef6c00", "#6a1b9a", "#c62828", "#00838f", "#5d4037", "#455a64")
FONT = 'font-family="DejaVu Sans, sans-serif"'
WIDTH = Decimal(640)
ZERO = Decimal(0)


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[Decimal | None, ...]


def _n(value: Decimal) -> str:
    """A coordinate: one decimal, no exponent."""
    return f"{value.quantize(Decimal('0.1')):f}"


def _esc(text: str) -> str:
    return html.escape(str(text), quote=True)


def value_label(value: Decimal | None, unit: str = "%", places: int = 2) -> str:
    if value is None:
        return EMPTY
    return format_number(value, places) + unit


NICE_STEPS = tuple(Decimal(s) for s in ("1", "1.2", "1.5", "2", "2.5", "3", "4", "5", "6", "8"))


def nice_max(value: Decimal) -> Decimal:
    """The axis end: the smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k at or above
    `value` (at least 1): 105,89 → 120, 1.860.252.824 → 2.000.000.000."""
    if value <= 0:
        return Decimal(1)
    exponent = value.adjusted()
    for k in (exponent - 1, exponent, exponent + 1):
        for step in NICE_STEPS:
            candidate = step.scaleb(k)
            if candidate >= value:
                return candidate.normalize()
    return value  # pragma: no cover - the loop always finds one


def _ticks(top: Decimal, count: int = 4) -> list[Decimal]:
    step = top / count
    return [step * i for i in range(count + 1)]


def _wrap(text: str, width: int, lines: int) -> list[str]:
    out = textwrap.wrap(text or "", width=width, break_long_words=True) or [""]
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1][: max(width - 1, 1)].rstrip() + "…"
    return out


def _legend(series: Sequence[Series], x: Decimal, y: Decimal, numbered: bool = False) -> tuple[list[str], Decimal]:
    parts = []
    for k, s in enumerate(series):
        color = PALETTE[k % len(PALETTE)]
        parts.append(f'<rect x="{_n(x)}" y="{_n(y - 8)}" width="10" height="8" fill="{color}"/>')
        label = f"{k + 1}. {s.name}" if numbered else s.name
        for j, line in enumerate(_wrap(label, 95, 2)):
            parts.append(f'<text x="{_n(x + 14)}" y="{_n(y + j * 10)}" font-size="8">{_esc(line)}</text>')
        y += Decimal(10) * len(_wrap(label, 95, 2)) + 4
    return parts, y


def bar_chart(categories: Sequence[str], series: Sequence[Series], *, title: str = "", unit: str = "%",
              reference: Decimal | None = None, reference_label: str = "", places: int = 2) -> str:
    """Horizontal bars, one group per category, one bar per series; `reference` draws a dashed
    vertical line (e.g. 100 for a capaian of 100%). A missing value is shown as "-" without a
    bar; a negative one as a bar of length 0 with its value."""
    label_w, plot_x0 = Decimal(200), Decimal(210)
    plot_x1 = WIDTH - 60
    bar_h, gap = Decimal(11), Decimal(3)
    values = [v for s in series for v in s.values if v is not None]
    top = nice_max(max([*values, reference or ZERO, ZERO]))
    scale = (plot_x1 - plot_x0) / top
    y = Decimal(26) if title else Decimal(10)
    rows: list[str] = []
    for i, name in enumerate(categories):
        lines = _wrap(name, 38, 3)
        group_h = max(bar_h * len(series) + gap * (len(series) - 1), Decimal(10) * len(lines)) + 10
        label_y = y + (group_h - 10 * len(lines)) / 2 + 7
        for j, line in enumerate(lines):
            rows.append(f'<text x="{_n(label_w)}" y="{_n(label_y + j * 10)}" font-size="8" '
                        f'text-anchor="end">{_esc(line)}</text>')
        bar_y = y + (group_h - (bar_h * len(series) + gap * (len(series) - 1))) / 2
        for k, s in enumerate(series):
            value = s.values[i] if i < len(s.values) else None
            color = PALETTE[k % len(PALETTE)]
            length = max(value, ZERO) * scale if value is not None else ZERO
            if value is not None:
                rows.append(f'<rect x="{_n(plot_x0)}" y="{_n(bar_y)}" width="{_n(length)}" height="{_n(bar_h)}" '
                            f'fill="{color}"><title>{_esc(s.name)}: {_esc(value_label(value, unit, places))}</title></rect>')
            rows.append(f'<text x="{_n(plot_x0 + length + 3)}" y="{_n(bar_y + bar_h - 2)}" font-size="8">'
                        f'{_esc(value_label(value, unit, places))}</text>')
            bar_y += bar_h + gap
        y += group_h
    plot_top = Decimal(26) if title else Decimal(10)
    axis = [f'<line x1="{_n(plot_x0)}" y1="{_n(plot_top)}" x2="{_n(plot_x0)}" y2="{_n(y)}" stroke="#000" stroke-width="0.6"/>']
    for tick in _ticks(top):
        x = plot_x0 + tick * scale
        axis.append(f'<line x1="{_n(x)}" y1="{_n(y)}" x2="{_n(x)}" y2="{_n(y + 3)}" stroke="#000" stroke-width="0.6"/>')
        axis.append(f'<text x="{_n(x)}" y="{_n(y + 12)}" font-size="7" text-anchor="middle">'
                    f'{_esc(value_label(tick, unit, 0 if tick == tick.to_integral_value() else 1))}</text>')
        axis.append(f'<line x1="{_n(x)}" y1="{_n(plot_top)}" x2="{_n(x)}" y2="{_n(y)}" stroke="#ddd" stroke-width="0.4"/>')
    if reference is not None:
        x = plot_x0 + reference * scale
        axis.append(f'<line x1="{_n(x)}" y1="{_n(plot_top - 4)}" x2="{_n(x)}" y2="{_n(y)}" stroke="#c62828" '
                    f'stroke-width="0.8" stroke-dasharray="3,2"/>')
        if reference_label:
            axis.append(f'<text x="{_n(x)}" y="{_n(plot_top - 6)}" font-size="7" text-anchor="middle" '
                        f'fill="#c62828">{_esc(reference_label)}</text>')
    height = y + 20
    legend: list[str] = []
    if len(series) > 1:
        legend, height = _legend(series, plot_x0, height + 4)
    head = [f'<text x="{_n(WIDTH / 2)}" y="14" font-size="10" font-weight="bold" text-anchor="middle">{_esc(title)}</text>'] if title else []
    return _svg(height + 6, title, head + axis + rows + legend)


def line_chart(categories: Sequence[str], series: Sequence[Series], *, title: str = "", unit: str = "%",
               reference: Decimal | None = None, places: int = 2) -> str:
    """One line per series over the categories (years), each point labelled with its value; a
    missing value breaks the line. The series are numbered and named in a legend below."""
    plot_x0, plot_x1 = Decimal(50), WIDTH - 20
    plot_top = Decimal(28) if title else Decimal(12)
    plot_bottom = plot_top + 180
    values = [v for s in series for v in s.values if v is not None]
    top = nice_max(max([*values, reference or ZERO, ZERO]))
    n = max(len(categories), 1)
    step = (plot_x1 - plot_x0) / n

    def xy(i: int, value: Decimal) -> tuple[Decimal, Decimal]:
        return plot_x0 + step * i + step / 2, plot_bottom - max(value, ZERO) / top * (plot_bottom - plot_top)

    parts = [f'<line x1="{_n(plot_x0)}" y1="{_n(plot_top)}" x2="{_n(plot_x0)}" y2="{_n(plot_bottom)}" stroke="#000" stroke-width="0.6"/>',
             f'<line x1="{_n(plot_x0)}" y1="{_n(plot_bottom)}" x2="{_n(plot_x1)}" y2="{_n(plot_bottom)}" stroke="#000" stroke-width="0.6"/>']
    for tick in _ticks(top):
        y = plot_bottom - tick / top * (plot_bottom - plot_top)
        parts.append(f'<line x1="{_n(plot_x0)}" y1="{_n(y)}" x2="{_n(plot_x1)}" y2="{_n(y)}" stroke="#ddd" stroke-width="0.4"/>')
        parts.append(f'<text x="{_n(plot_x0 - 4)}" y="{_n(y + 3)}" font-size="7" text-anchor="end">'
                     f'{_esc(value_label(tick, unit, 0 if tick == tick.to_integral_value() else 1))}</text>')
    for i, name in enumerate(categories):
        parts.append(f'<text x="{_n(plot_x0 + step * i + step / 2)}" y="{_n(plot_bottom + 12)}" font-size="8" '
                     f'text-anchor="middle">{_esc(name)}</text>')
    if reference is not None:
        y = plot_bottom - reference / top * (plot_bottom - plot_top)
        parts.append(f'<line x1="{_n(plot_x0)}" y1="{_n(y)}" x2="{_n(plot_x1)}" y2="{_n(y)}" stroke="#c62828" '
                     f'stroke-width="0.8" stroke-dasharray="3,2"/>')
    for k, s in enumerate(series):
        color = PALETTE[k % len(PALETTE)]
        run: list[str] = []
        for i, value in enumerate(s.values[: len(categories)]):
            if value is None:
                if len(run) > 1:
                    parts.append(f'<polyline points="{" ".join(run)}" fill="none" stroke="{color}" stroke-width="1.4"/>')
                run = []
                continue
            x, y = xy(i, value)
            run.append(f"{_n(x)},{_n(y)}")
            parts.append(f'<circle cx="{_n(x)}" cy="{_n(y)}" r="2.4" fill="{color}"/>')
            parts.append(f'<text x="{_n(x + 4)}" y="{_n(y - 4 - 9 * k)}" font-size="7" fill="{color}">'
                         f'{k + 1}: {_esc(value_label(value, unit, places))}</text>')
        if len(run) > 1:
            parts.append(f'<polyline points="{" ".join(run)}" fill="none" stroke="{color}" stroke-width="1.4"/>')
    legend, height = _legend(series, plot_x0, plot_bottom + 30, numbered=True)
    head = [f'<text x="{_n(WIDTH / 2)}" y="14" font-size="10" font-weight="bold" text-anchor="middle">{_esc(title)}</text>'] if title else []
    return _svg(height + 4, title, head + parts + legend)


def _svg(height: Decimal, title: str, parts: list[str]) -> str:
    label = f"<title>{_esc(title)}</title>" if title else ""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_n(WIDTH)} {_n(height)}" '
            f'class="grafik" role="img" {FONT}>{label}{"".join(parts)}</svg>')
