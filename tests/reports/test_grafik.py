"""SVG charts: valid SVG, the values printed the way the tables print them, every text escaped,
nothing fetched."""

import xml.etree.ElementTree as ET
from decimal import Decimal as D

import pytest

from kecamatan.tables.grafik import (
    Batang,
    GrafikBatang,
    Kotak,
    Series,
    bar_chart,
    line_chart,
    nice_max,
    place_labels,
    render_svg,
    text_width,
    value_label,
)

SVG = "{http://www.w3.org/2000/svg}"


def texts(svg: str) -> list[str]:
    return ["".join(t.itertext()) for t in ET.fromstring(svg).iter(f"{SVG}text")]


@pytest.mark.parametrize("value, top", [(D("105.89"), D(120)), (D(100), D(100)), (D("0.4"), D("0.4")),
                                        (D("1860252824"), D("2000000000")), (D(0), D(1))])
def test_axis_ends_on_a_round_number(value, top):
    assert nice_max(value) == top


def test_bar_chart_labels_values_like_the_tables_and_draws_the_reference():
    svg = bar_chart(["Indeks Pelayanan Publik", "Persentase desa"], [Series("Capaian", (D("89.5256"), None))],
                    title="Capaian Kinerja", reference=D(100), reference_label="100%")
    labels = texts(svg)
    assert "89,53%" in labels and "-" in labels  # two decimals, half up; a missing value is "-"
    assert "Capaian Kinerja" in labels and "100%" in labels
    root = ET.fromstring(svg)
    assert len(root.findall(f"{SVG}rect")) == 1  # no bar for the missing value
    assert any(line.get("stroke-dasharray") for line in root.iter(f"{SVG}line"))  # the 100% line
    assert "http" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_money_bars_and_a_legend_for_several_series():
    svg = bar_chart(["Program A"], [Series("2024", (D("1699465689"),)), Series("2025", (D(0),))], unit="", places=0)
    labels = texts(svg)
    assert "1.699.465.689" in labels and "0" in labels
    assert "2024" in labels and "2025" in labels  # legend


def test_every_text_is_escaped():
    evil = '<script>alert(1)</script> & "x"'
    svg = bar_chart([evil], [Series(evil, (D(1),))], title=evil) + line_chart(["2024"], [Series(evil, (D(1),))])
    assert "<script>" not in svg
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;" in svg
    for part in svg.split("</svg>")[:-1]:
        ET.fromstring(part + "</svg>")  # still well-formed


def test_long_labels_wrap_and_are_cut_with_an_ellipsis():
    name = "Rata - Rata Persentase Desa yang menyusun dokumen administrasi pemerintahan desa tepat waktu " * 3
    labels = texts(bar_chart([name], [Series("x", (D(1),))]))
    assert sum(1 for t in labels if t and t in name or t.endswith("…")) >= 3
    assert any(t.endswith("…") for t in labels)


def test_line_chart_breaks_at_a_missing_year_and_numbers_its_series():
    svg = line_chart(["2021", "2022", "2023", "2024"],
                     [Series("Indikator satu", (D(90), D(88), None, D(100))), Series("Indikator dua", (D(80),) * 4)],
                     reference=D(100))
    root = ET.fromstring(svg)
    polylines = root.findall(f"{SVG}polyline")
    assert len(polylines) == 2  # series 1: only 2021-2022 is a line (2024 stands alone); series 2: one line
    labels = texts(svg)
    assert "1: 90,00%" in labels and "2: 80,00%" in labels
    assert "1. Indikator satu" in labels and "2. Indikator dua" in labels
    assert len(root.findall(f"{SVG}circle")) == 7


def test_value_label():
    assert value_label(None) == "-"
    assert value_label(D("98.125")) == "98,13%"
    assert value_label(D("1500000"), "", 0) == "1.500.000"


@pytest.mark.parametrize("value, ticks", [(D(140), ["0%", "25%", "50%", "75%", "100%", "125%", "150%"]),
                                          (D(50), ["0%", "25%", "50%", "75%", "100%"]),  # percent: 100 at least
                                          (D(110), ["0%", "20%", "40%", "60%", "80%", "100%", "120%"])])
def test_ticks_are_round_steps_up_to_the_axis_end(value, ticks):
    labels = texts(bar_chart(["A"], [Series("x", (value,))]))
    assert [t for t in labels if t.endswith("%") and t != value_label(value)] == ticks


# labels that never overlap (issue 19): placement is a pure function, tested on close values

def _boxes(kotak, spots, height):
    return [(k.x, k.x + k.width, y - height, y) for k, y in zip(kotak, spots) if y is not None]


def _touch(a, b):
    return a[0] < b[1] and b[0] < a[1] and a[2] < b[3] and b[2] < a[3]


def test_close_labels_are_moved_apart_or_left_out():
    h = D(8)
    # three labels at one point (values a hair apart): same x, baselines 1 px apart
    kotak = [Kotak(D(100), D(100) + i, D(40)) for i in range(3)]
    spots = place_labels(kotak, h, top=D(0), bottom=D(200))
    assert spots[0] == D(100)  # the first keeps its place
    boxes = _boxes(kotak, spots, h)
    assert len(boxes) == 3 and not any(_touch(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
    # no room above or below (a band one label high): the others are left out, never drawn over
    spots = place_labels(kotak, h, top=D(92), bottom=D(100))
    assert spots == [D(100), None, None]
    # labels far apart keep their places
    far = [Kotak(D(10), D(50), D(30)), Kotak(D(200), D(52), D(30))]
    assert place_labels(far, h, top=D(0), bottom=D(200)) == [D(50), D(52)]


def test_line_chart_labels_of_close_values_do_not_overlap():
    # 5 points apart = 9 px on this axis: the old fixed offset of 9 px per series put them on one line
    values = [(D("65.89"), D("70.10")), (D("60.89"), D("65.10")), (D("55.89"), D("60.10"))]
    svg = line_chart(["2024 TW I", "2024 TW II"], [Series("Kecamatan", values[0]), Series("Median", values[1]),
                                                   Series("Lain", values[2])])
    root = ET.fromstring(svg)
    labels = [(D(t.get("x")), D(t.get("y")), "".join(t.itertext())) for t in root.iter(f"{SVG}text")
              if ": " in "".join(t.itertext())]
    assert {text for *_, text in labels} >= {"1: 65,89%", "1: 70,10%"}  # two decimals, like the tables
    boxes = [(x, x + text_width(text, 7), y - 8, y) for x, y, text in labels]
    assert not any(_touch(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:])


def test_column_chart_labels_print_like_the_table():
    svg = render_svg(GrafikBatang("Capaian", (Batang("Alfa", D("65.8946")), Batang("Beta", None)), acuan=D("61.145")))
    labels = texts(svg)
    assert "65,89%" in labels and "65,9" not in labels
    assert "- - Median kabupaten: 61,15%" in labels
