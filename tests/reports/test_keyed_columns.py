"""Keyed columns (tables/base.py): a cell is found by its column's key, a key no column has is
caught when the Report is built, and a key a row leaves out prints like None everywhere."""

from decimal import Decimal as D

import pytest

from kecamatan.tables.base import COVERED, RUPIAH, Column, Report, Row, numbered
from kecamatan.tables.render_html import render_table_html
from kecamatan.tables.render_xlsx import render_xlsx
from tests.reports.helpers import xlsx_rows

COLUMNS = numbered((Column("uraian", "Uraian"), Column("rp:2025", "Rp", group="2025", kind=RUPIAH),
                    Column("rp:2026", "Rp", group="2026", kind=RUPIAH)), first=11)


def report(*rows: Row, **kwargs) -> Report:
    return Report(code="UJI", title=("Uji",), columns=COLUMNS, rows=rows, **kwargs)


def test_numbered_sets_consecutive_numbers_and_keeps_the_rest():
    assert [c.number for c in COLUMNS] == ["11", "12", "13"]
    assert COLUMNS[1] == Column("rp:2025", "Rp", group="2025", kind=RUPIAH, number="12")


def test_column_keys_and_lookup():
    r = report()
    assert r.keys == ("uraian", "rp:2025", "rp:2026")
    assert r.column("rp:2026").group == "2026" and r.index("rp:2026") == 2
    with pytest.raises(KeyError, match="UJI.*'rp:2027'"):
        r.column("rp:2027")


@pytest.mark.parametrize("row", [
    Row("x", {"uraian": "a", "rp:2024": D(1)}),
    Row("x", {"uraian": "a"}, rowspan={"rp2025": 2}),
    Row("x", {"uraian": "a"}, fill={"Uraian": "FFFFFF"}),
    Row("x", {"uraian": "a"}, links={"rp": "/x"}),
])
def test_a_key_no_column_has_names_the_report_and_the_key(row):
    with pytest.raises(ValueError, match=r"UJI: row .* no column for key") as raised:
        report(row)
    (unknown,) = row.used_keys() - {c.key for c in COLUMNS}
    assert repr(unknown) in str(raised.value)


def test_duplicate_keys_positional_cells_band_cells_and_a_wrong_name_column_are_refused():
    with pytest.raises(ValueError, match="used twice: uraian"):
        Report(code="UJI", title=(), columns=(*COLUMNS, Column("uraian", "Lagi")), rows=())
    with pytest.raises(TypeError, match="must map column keys"):
        report(Row("x", ("a", D(1), D(2))))
    with pytest.raises(ValueError, match="band row prints `text`"):
        report(Row("band", {"uraian": "TUJUAN"}))
    with pytest.raises(ValueError, match="name_column 'nama'"):
        report(name_column="nama")


def test_renderers_print_by_key_and_a_missing_key_like_none():
    r = report(Row("band", text="TUJUAN"),
               Row("program", {"rp:2026": D(5000), "uraian": "Program A", "rp:2025": D(0)}, rowspan={"uraian": 2},
                   fill={"rp:2026": "FFEEAA"}),
               Row("program", {"uraian": COVERED, "rp:2025": D(7)}),  # rp:2026 left out
               name_column="uraian")
    html = render_table_html(r)
    assert '<td colspan="3">TUJUAN</td>' in html
    assert 'rowspan="2"' in html and "Program A" in html and "background-color: #FFEEAA" in html
    first = html.index("Program A")
    assert html.index("5.000", first) > first  # the cell keyed rp:2026 prints in its own column, after rp:2025
    assert html.count(">-<") == 2  # zero rupiah and the missing rp:2026 both print "-"
    rows = xlsx_rows(render_xlsx([r]))
    body = rows[rows.index(("11", "12", "13")) + 1:]
    assert body[0][0] == "TUJUAN"
    assert body[1] == ("Program A", 0, 5000)
    assert body[2] == (None, 7, "-")


def test_text_columns_print_a_missing_key_empty():
    html = render_table_html(report(Row("x", {"rp:2025": D(1)})))
    assert '<td class="teks"></td>' in html
