"""Server-side SVG charts: the comparison pages' charts (`GrafikBatang`, `GrafikGaris`, drawn by
`render_svg`) and the whole documents' charts (`bar_chart`, `line_chart`, called with the Decimals
of the built Report cells). Pure functions from plain values to SVG text: no Django, no JavaScript,
no fonts or files fetched, so the same text prints in WeasyPrint and shows in the browser.

Every value label goes through `formatting`, like a table cell. Coordinates are computed in
Decimal and written with one decimal. Every text is XML-escaped.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from kecamatan.core.formatting import EMPTY, format_number

PALETTE = ("#2e7d32", "#1565c0", "#ef6c00", "#6a1b9a", "#c62828", "#00838f", "#5d4037", "#455a64")
RED, GREY = "#c62828", "#6c757d"
WIDTH = Decimal(640)
ZERO, HUNDRED = Decimal(0), Decimal(100)


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[Decimal | None, ...]  # one per category; None leaves a gap
    color: str = ""  # "#RRGGBB"; empty: the palette's colour for its position
    dashed: bool = False  # e.g. the kabupaten median


@dataclass(frozen=True)
class Batang:
    label: str
    nilai: Decimal | None
    warna: str = "2F6DB5"  # RRGGBB


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
class GrafikGaris:
    """Lines over ordered categories (2024 TW I, 2024 TW II, …)."""

    judul: str
    kategori: tuple[str, ...]
    seri: tuple[Series, ...]
    satuan: str = "%"
    id: str = ""


def render_svg(chart: GrafikBatang | GrafikGaris) -> str:
    if isinstance(chart, GrafikBatang):
        return _columns(chart)
    return line_chart(chart.kategori, chart.seri, title=chart.judul, unit=chart.satuan, chart_id=chart.id)


# primitives: numbers, scale, text, frame, legend


def value_label(value: Decimal | None, unit: str = "%", places: int = 2) -> str:
    if value is None:
        return EMPTY
    return format_number(value, places) + unit


def text_width(text: str, size: int) -> Decimal:
    """Estimated width of a text in DejaVu Sans (digits and most letters are about 0,62 em wide)."""
    return Decimal(len(text)) * Decimal(size) * Decimal("0.62")


@dataclass(frozen=True)
class Kotak:
    """A value label to place: its anchor (left x, preferred baseline y) and its width."""

    x: Decimal
    y: Decimal
    width: Decimal


def place_labels(labels: Sequence[Kotak], height: Decimal, *, top: Decimal, bottom: Decimal) -> list[Decimal | None]:
    """The baseline of each label, in the order given (the first ones keep their place): its
    preferred one, else one line higher or lower, two lines …; None (left out, the point's tooltip
    still tells it) when every place within [top, bottom] would touch a label already placed. Two
    labels touch when their boxes (x … x + width, baseline - height … baseline) overlap."""
    placed: list[tuple[Decimal, Decimal, Decimal, Decimal]] = []
    out: list[Decimal | None] = []
    for label in labels:
        choice = None
        for shift in (0, -1, 1, -2, 2, -3, 3):
            y = label.y + height * shift
            if y - height < top or y > bottom:
                continue
            box = (label.x, label.x + label.width, y - height, y)
            if not any(box[0] < b[1] and b[0] < box[1] and box[2] < b[3] and b[2] < box[3] for b in placed):
                choice = y
                placed.append(box)
                break
        out.append(choice)
    return out


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


def _top(values: Iterable[Decimal | None], reference: Decimal | None, unit: str) -> Decimal:
    """The axis end for the values and the reference; a percent axis reaches 100 at least."""
    present = [v for v in values if v is not None]
    return nice_max(max([*present, reference or ZERO, HUNDRED if unit == "%" else ZERO]))


def _ticks(top: Decimal) -> list[Decimal]:
    """0 to `top` in 4, 5 or 6 steps, whichever step is a round 1, 2, 2,5 or 5 × 10^k."""
    count = next((c for c in (4, 5, 6) if (top / c).scaleb(-(top / c).adjusted()) in (1, 2, Decimal("2.5"), 5)), 4)
    return [top / count * i for i in range(count + 1)]


def _tick_label(tick: Decimal, unit: str) -> str:
    return value_label(tick, unit, 0 if tick == tick.to_integral_value() else 1)


def _n(value: Decimal) -> str:
    """A coordinate: one decimal, no exponent."""
    return f"{value.quantize(Decimal('0.1')):f}"


def _esc(text: str) -> str:
    return html.escape(str(text), quote=True)


def _text(x: Decimal, y: Decimal, text: str, size: int = 8, anchor: str = "start", extra: str = "") -> str:
    align = f' text-anchor="{anchor}"' if anchor != "start" else ""
    return f'<text x="{_n(x)}" y="{_n(y)}" font-size="{size}"{align}{extra}>{_esc(text)}</text>'


def _line(x1: Decimal, y1: Decimal, x2: Decimal, y2: Decimal, stroke: str = "#000", width: str = "0.6",
          extra: str = "") -> str:
    return (f'<line x1="{_n(x1)}" y1="{_n(y1)}" x2="{_n(x2)}" y2="{_n(y2)}" stroke="{stroke}" '
            f'stroke-width="{width}"{extra}/>')


def _reference(x1: Decimal, y1: Decimal, x2: Decimal, y2: Decimal) -> str:
    return _line(x1, y1, x2, y2, RED, "0.8", ' stroke-dasharray="3,2"')


def _color(series: Series, k: int) -> str:
    return series.color or PALETTE[k % len(PALETTE)]


def _dash(series: Series) -> str:
    return  ' stroke-dasharray="7 5"' if series.dashed else ""


def _wrap(text: str, width: int, lines: int) -> list[str]:
    out = textwrap.wrap(text or "", width=width, break_long_words=True) or [""]
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1][: max(width - 1, 1)].rstrip() + "…"
    return out


def _legend(series: Sequence[Series], x: Decimal, y: Decimal, numbered: bool = False) -> tuple[list[str], Decimal]:
    parts = []
    for k, s in enumerate(series):
        parts.append(_line(x, y - 3, x + 19, y - 3, _color(s, k), "2" if s.dashed else "4", _dash(s)))
        lines = _wrap(f"{k + 1}. {s.name}" if numbered else s.name, 95, 2)
        parts += [_text(x + 23, y + j * 10, line) for j, line in enumerate(lines)]
        y += Decimal(10) * len(lines) + 4
    return parts, y


def _frame(height: Decimal, title: str, parts: list[str], chart_id: str = "") -> str:
    ident = f' id="{_esc(chart_id)}"' if chart_id else ""
    label = f' aria-label="{_esc(title)}"' if title else ""
    head = f"<title>{_esc(title)}</title>" + _text(WIDTH / 2, Decimal(14), title, 10, "middle",
                                                    ' font-weight="bold"') if title else ""
    return (f'<svg xmlns="http://www.w3.org/2000/svg"{ident} viewBox="0 0 {_n(WIDTH)} {_n(height)}" '
            f'width="{_n(WIDTH)}" height="{_n(height)}" class="grafik" role="img"{label} '
            f'font-family="DejaVu Sans, sans-serif">{head}{"".join(parts)}</svg>')


def _value_axis(x0: Decimal, x1: Decimal, plot_top: Decimal, plot_bottom: Decimal, top: Decimal,
                unit: str) -> list[str]:
    """The vertical value axis of columns and lines: grid, tick labels, the axis and the base line."""
    parts = []
    for tick in _ticks(top):
        y = plot_bottom - tick / top * (plot_bottom - plot_top)
        parts += [_line(x0, y, x1, y, "#ddd", "0.4"), _text(x0 - 4, y + 3, _tick_label(tick, unit), 7, "end")]
    return parts + [_line(x0, plot_top, x0, plot_bottom), _line(x0, plot_bottom, x1, plot_bottom)]


# the charts


def _columns(chart: GrafikBatang) -> str:
    """Vertical bars of the comparison pages; bar colours from the caller, the reference dashed."""
    n = max(1, len(chart.batang))
    x0, x1, plot_top, plot_bottom = Decimal(40), WIDTH - 10, Decimal(40), Decimal(210)
    top = _top((b.nilai for b in chart.batang), chart.acuan, chart.satuan)
    parts = _value_axis(x0, x1, plot_top, plot_bottom, top, chart.satuan)
    band = (x1 - x0) / n
    for i, b in enumerate(chart.batang):
        cx = x0 + band * i + band / 2
        h = max(b.nilai, ZERO) / top * (plot_bottom - plot_top) if b.nilai is not None else ZERO
        if b.nilai is not None:
            parts.append(f'<rect x="{_n(cx - band * Decimal("0.36"))}" y="{_n(plot_bottom - h)}" '
                         f'width="{_n(band * Decimal("0.72"))}" height="{_n(h)}" fill="#{b.warna}" stroke="#555" '
                         f'stroke-width="0.3"><title>{_esc(b.label)}: {_esc(value_label(b.nilai, chart.satuan))}'
                         f'</title></rect>')
        label = value_label(b.nilai, chart.satuan)  # as the table prints it: 65,89%
        if text_width(label, 6) < band:  # a label wider than its bar would touch its neighbours: tooltip only
            parts.append(_text(cx, plot_bottom - h - 2, label, 6, "middle",
                               "" if b.nilai is not None else f' fill="{GREY}"'))
        if n <= 80:
            parts.append(_text(cx + 2, plot_bottom + 7, b.label, 7 if n <= 40 else 5, "end",
                               f' transform="rotate(-45 {_n(cx + 2)} {_n(plot_bottom + 7)})"'))
    if chart.acuan is not None:
        y = plot_bottom - chart.acuan / top * (plot_bottom - plot_top)
        parts.append(_reference(x0, y, x1, y))
        parts.append(_text(x1, plot_top - 6, f"- - {chart.label_acuan}: {value_label(chart.acuan, chart.satuan)}",
                           7, "end", f' fill="{RED}"'))
    longest = max((len(b.label) for b in chart.batang), default=4)
    return _frame(plot_bottom + min(110, 10 + 3 * longest) + 6, chart.judul, parts, chart.id)


def bar_chart(categories: Sequence[str], series: Sequence[Series], *, title: str = "", unit: str = "%",
              reference: Decimal | None = None, reference_label: str = "", places: int = 2) -> str:
    """Horizontal bars, one group per category, one bar per series; `reference` draws a dashed
    vertical line (e.g. 100 for a capaian of 100%). A missing value is shown as "-" without a
    bar; a negative one as a bar of length 0 with its value."""
    label_w, plot_x0 = Decimal(200), Decimal(210)
    plot_x1 = WIDTH - 60
    bar_h, gap = Decimal(11), Decimal(3)
    top = _top((v for s in series for v in s.values), reference, unit)
    scale = (plot_x1 - plot_x0) / top
    y = plot_top = Decimal(26) if title else Decimal(10)
    rows: list[str] = []
    bars_h = bar_h * len(series) + gap * (len(series) - 1)
    for i, name in enumerate(categories):
        lines = _wrap(name, 38, 3)
        group_h = max(bars_h, Decimal(10) * len(lines)) + 10
        label_y = y + (group_h - 10 * len(lines)) / 2 + 7
        rows += [_text(label_w, label_y + j * 10, line, anchor="end") for j, line in enumerate(lines)]
        bar_y = y + (group_h - bars_h) / 2
        for k, s in enumerate(series):
            value = s.values[i] if i < len(s.values) else None
            length = max(value, ZERO) * scale if value is not None else ZERO
            if value is not None:
                rows.append(f'<rect x="{_n(plot_x0)}" y="{_n(bar_y)}" width="{_n(length)}" height="{_n(bar_h)}" '
                            f'fill="{_color(s, k)}"><title>{_esc(s.name)}: '
                            f'{_esc(value_label(value, unit, places))}</title></rect>')
            rows.append(_text(plot_x0 + length + 3, bar_y + bar_h - 2, value_label(value, unit, places)))
            bar_y += bar_h + gap
        y += group_h
    axis = [_line(plot_x0, plot_top, plot_x0, y)]
    for tick in _ticks(top):
        x = plot_x0 + tick * scale
        axis += [_line(x, y, x, y + 3), _text(x, y + 12, _tick_label(tick, unit), 7, "middle"),
                 _line(x, plot_top, x, y, "#ddd", "0.4")]
    if reference is not None:
        x = plot_x0 + reference * scale
        axis.append(_reference(x, plot_top - 4, x, y))
        if reference_label:
            axis.append(_text(x, plot_top - 6, reference_label, 7, "middle", f' fill="{RED}"'))
    legend, height = _legend(series, plot_x0, y + 24) if len(series) > 1 else ([], y + 20)
    return _frame(height + 6, title, axis + rows + legend)


def line_chart(categories: Sequence[str], series: Sequence[Series], *, title: str = "", unit: str = "%",
               reference: Decimal | None = None, places: int = 2, chart_id: str = "") -> str:
    """One line per series over the categories (years, triwulan), each point labelled with its
    value; a missing value breaks the line. The series are numbered and named in a legend below."""
    plot_x0, plot_x1 = Decimal(50), WIDTH - 20
    plot_top = Decimal(28) if title else Decimal(12)
    plot_bottom = plot_top + 180
    top = _top((v for s in series for v in s.values), reference, unit)
    n = max(len(categories), 1)
    step = (plot_x1 - plot_x0) / n

    def xy(i: int, value: Decimal) -> tuple[Decimal, Decimal]:
        return plot_x0 + step * i + step / 2, plot_bottom - max(value, ZERO) / top * (plot_bottom - plot_top)

    parts = _value_axis(plot_x0, plot_x1, plot_top, plot_bottom, top, unit)
    longest = max((len(name) for name in categories), default=0)
    rotate = longest * 5 > step  # labels that would touch are turned
    for i, name in enumerate(categories):
        x = plot_x0 + step * i + step / 2
        turn = f' transform="rotate(-35 {_n(x)} {_n(plot_bottom + 12)})"' if rotate else ""
        parts.append(_text(x, plot_bottom + 12, name, 8, "end" if rotate else "middle", turn))
    if reference is not None:
        y = plot_bottom - reference / top * (plot_bottom - plot_top)
        parts.append(_reference(plot_x0, y, plot_x1, y))
    labels: list[tuple[str, str, Kotak]] = []  # (text, colour, where it would like to stand)
    for k, s in enumerate(series):
        color, runs = _color(s, k), [[]]
        for i, value in enumerate(s.values[: len(categories)]):
            if value is None:
                runs.append([])
                continue
            x, y = xy(i, value)
            runs[-1].append(f"{_n(x)},{_n(y)}")
            label = value_label(value, unit, places)
            parts.append(f'<circle cx="{_n(x)}" cy="{_n(y)}" r="2.4" fill="{color}"><title>{_esc(s.name)} '
                         f'{_esc(categories[i])}: {_esc(label)}</title></circle>')
            text = f"{k + 1}: {label}"
            labels.append((text, color, Kotak(x + 4, y - 4, text_width(text, 7))))
        parts += [f'<polyline points="{" ".join(run)}" fill="none" stroke="{color}" stroke-width="1.4"{_dash(s)}/>'
                  for run in runs if len(run) > 1]
    # close values would print their labels over each other: each moves a line up or down, or is left out
    spots = place_labels([box for *_, box in labels], Decimal(8), top=plot_top - 12, bottom=plot_bottom)
    parts += [_text(box.x, y, text, 7, extra=f' fill="{color}"')
              for (text, color, box), y in zip(labels, spots) if y is not None]
    legend, height = _legend(series, plot_x0, plot_bottom + 30 + (longest * 3 if rotate else 0), numbered=True)
    return _frame(height + 4, title, parts + legend, chart_id)
