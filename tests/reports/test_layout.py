"""The layout checker used by the PDF tests finds what it claims to find."""

from decimal import Decimal as D
from unittest import mock

from kecamatan.tables.base import RUPIAH, TEXT, Column, Report, Row
from kecamatan.tables.render_pdf import pdf_document, print_html
from tests.reports.layout import layout_problems, weights_only


def _report(rp_width: float) -> Report:
    columns = (Column("uraian", "Uraian", kind=TEXT, number="1", width=240),
               Column("anggaran", "Anggaran", kind=RUPIAH, number="2", width=rp_width))
    return Report(code="UJI", title=("Uji",), columns=columns,
                  rows=(Row("total", {"uraian": "Jumlah", "anggaran": D("1916486189")}),))


def test_a_number_wider_than_its_column_and_a_split_header_are_reported():
    with mock.patch("kecamatan.tables.render_pdf.fit", weights_only):  # the column as its weight says
        problems = layout_problems(pdf_document(print_html([_report(8)])))
    assert any("'1.916.486.189' keluar dari selnya" in p for p in problems)
    assert any("judul kolom terpenggal" in p and "Angg" in p for p in problems)
    assert any("melewati tepi kanan" in p for p in problems)


def test_a_wide_enough_column_is_clean():
    with mock.patch("kecamatan.tables.render_pdf.fit", weights_only):
        assert layout_problems(pdf_document(print_html([_report(25)]))) == []


def test_the_print_widens_a_column_its_content_needs():
    """The same too-narrow weight, printed as the app prints (tables.lebar): the Rp column gets
    what its bold figure and its header word need."""
    assert layout_problems(pdf_document(print_html([_report(8)]))) == []
