"""Column widths from the content (tables.lebar), without rendering a PDF: needs, sharing the page,
the smaller size, and the continuation of a table too wide for its page."""

from __future__ import annotations

import datetime
from decimal import Decimal as D

from kecamatan.tables import lebar
from kecamatan.tables.base import RUPIAH, TEXT, Column, PenandatanganData, Report, Row
from kecamatan.tables.render_pdf import print_html

NIP = "19650905 199003 1 009"


def _wide(years: int) -> Report:
    """A name column and a bold Rp total per year: 10^11 needs ≈ 20 mm a column at 6 pt."""
    columns = (Column("no", "No", number="1", width=3), Column("nama", "Uraian", kind=TEXT, number="2", width=30),
               *(Column(f"rp:{t}", "Rp", group=str(2020 + t), kind=RUPIAH, number=str(t + 3), width=18)
                 for t in range(years)))
    cells = {"no": "1", "nama": "Jumlah", **{f"rp:{t}": D("99998429061") for t in range(years)}}
    ttd = PenandatanganData(nama="ISKANDAR", jabatan="Camat Uji", nip=NIP, tempat="Uji",
                            tanggal=datetime.date(2026, 1, 5))
    return Report(code="UJI", title=("Tabel Uji", "Kecamatan Uji"), columns=columns, rows=(Row("total", cells),),
                  name_column="nama", penandatangan=ttd, notes=("Sumber: uji",))


def test_rp_columns_get_their_bold_figure_at_the_printed_size():
    need = dict(zip(_wide(3).keys, lebar.needs_mm(_wide(3), 6.0)))
    figure = lebar.text_width_pt("99.998.429.061", 6.0, bold=True) * lebar.PT_TO_MM
    assert figure + 1.5 < need["rp:0"] < figure + 3  # the figure, padding and a little slack
    assert need["rp:0"] > lebar.needs_mm(_wide(3), 5.0)[2]  # smaller at a smaller size


def test_widths_share_the_page_and_respect_every_need():
    needs = [10.0, 30.0, 5.0]
    widths = lebar.distribute([1, 1, 8], needs, 100.0, caps=[None, None, 6.0])
    assert abs(sum(widths) - 100) < 1e-6 and all(w >= n for w, n in zip(widths, needs))
    assert widths[2] == 6.0  # a number column gets no more than its cap; the rest goes to text


def test_a_table_prints_at_the_largest_size_that_fits():
    assert [(b.cetak.font_pt, b.parts) for b in lebar.fit(_wide(10))] == [(6.0, 1)]
    assert [(b.cetak.font_pt, b.parts) for b in lebar.fit(_wide(13))] == [(5.5, 1)]
    assert [(b.cetak.font_pt, b.parts) for b in lebar.fit(_wide(15))] == [(5.0, 1)]
    (one,) = lebar.fit(_wide(10))
    assert abs(sum(one.cetak.widths_mm) - 277) < 1e-6


def test_a_table_too_wide_continues_with_its_further_columns():
    parts = lebar.fit(_wide(24))
    assert [b.cetak.font_pt for b in lebar.fit(_wide(25))] == [5.5, 5.5]  # every piece at one size
    assert len(parts) == 2 and all(abs(sum(b.cetak.widths_mm) - 277) < 1e-6 for b in parts)
    assert parts[1].report.keys[:2] == ("no", "nama")  # the row's names repeat
    years = [[k for k in b.report.keys if k.startswith("rp:")] for b in parts]
    assert years[0] + years[1] == [f"rp:{t}" for t in range(24)] and abs(len(years[0]) - len(years[1])) <= 2
    html = print_html([_wide(24)])
    assert html.count(NIP) == 1 and html.index(NIP) > html.index("Kecamatan Uji (lanjutan)")
    assert html.count("Sumber: uji") == 1 and html.count('style="font-size:') == 2
