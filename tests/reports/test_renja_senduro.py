"""The Renja of Senduro 2024 (demo data from seed 001): the app's figures against the document's."""

import json
from decimal import Decimal as D

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from kecamatan.cetak.output import produce
from kecamatan.core.formatting import parse_number
from kecamatan.demo.common import FIXTURES
from kecamatan.demo.renja import iter_nodes
from kecamatan.models import Aktivitas, CatatanSumber, Pagu, Periode, RenjaSubKegiatan
from kecamatan.renja.selectors import renja_data
from kecamatan.renja.tables.common import resolve_notes
from kecamatan.renja.tables.renja import BUILDERS, build_renja_document
from kecamatan.renja.tables.tc31 import build_tc31
from kecamatan.renja.tables.tc33 import build_tc33
from kecamatan.tables.base import format_cell
from tests.reports.helpers import pdf_pages, xlsx_rows

FIXTURE = FIXTURES / "renja_senduro_2024.json"

# the database is set up only for modules that declare they use it; the data comes from `senduro` below
pytestmark = pytest.mark.django_db


def _col(report, number):
    """The key of the column the document numbers `number` ("8" for "8=(7/6)")."""
    return next(c.key for c in report.columns if c.number.split("=")[0] == number)


def _row(report, key):
    return next(r for r in report.rows if r.key == key)


def _rp(text):
    return D(0) if text.strip() == "-" else parse_number(text)


@pytest.fixture(scope="module")
def senduro(full_demo_snapshot, django_db_blocker, tmp_path_factory):
    """The demo loaded once per module; everything the tests read is taken out as plain data (the
    Renja snapshot is ORM-free), the PDF and Excel rendered once, then the database rolled back."""
    out = {}
    with django_db_blocker.unblock(), transaction.atomic():
        full_demo_snapshot.restore()  # muat_demo(), copied from the session's load
        periode = Periode.objects.get(kecamatan__nama="Senduro", tahun_mulai=2024)
        out["data"] = renja_data(periode.pk, 2024)
        out["later"] = [renja_data(periode.pk, tahun) for tahun in (2025, 2026)]
        out["rincian"] = RenjaSubKegiatan.objects.filter(dokumen__periode=periode).count()
        out["aktivitas_0001"] = sorted(Aktivitas.objects.filter(
            rincian__subkegiatan__nomenklatur__kode="7.01.01.2.01.0001", rincian__dokumen__periode=periode,
        ).values_list("jumlah", flat=True))
        out["pagu_renja"] = Pagu.objects.filter(subkegiatan__kegiatan__program__periode=periode,
                                                tahap=Pagu.Tahap.RENJA).count()
        out["catatan"] = CatatanSumber.objects.filter(dokumen__periode=periode).count()
        out["pdf"] = produce("renja", periode_id=periode.pk, tahun=2024, fmt="pdf").content
        out["tc29_pdf"] = produce("tc29", periode_id=periode.pk, tahun=2024, fmt="pdf").content
        out["xlsx"] = produce("renja", periode_id=periode.pk, tahun=2024, fmt="xlsx").content
        target = tmp_path_factory.mktemp("cetak") / "tc33.xlsx"
        call_command("cetak", "tc33", "--kecamatan", "senduro", "--tahun", "2024", "--format", "xlsx",
                     "--output", str(target))
        out["cetak"] = target.read_bytes()
        try:
            call_command("cetak", "tc29", "--kecamatan", "senduro", "--periode", "2024-2026", "--format", "html")
        except CommandError as exc:
            out["cetak_tanpa_tahun"] = str(exc)
        transaction.set_rollback(True)
    return out


def test_tc33_prints_the_documents_totals_computed_not_stored(senduro):
    report = build_tc33(senduro["data"])
    dana, maju = _col(report, "8"), _col(report, "12")
    for key in ("7", "7.01", "TOTAL PAGU"):
        row = _row(report, key)
        assert (row.cells[dana], row.cells[maju]) == (D("2080252824"), D("2621874277")), key
    assert _row(report, "7.01.01.2.01.0001").cells[dana] == D("9841000")
    # the seed's own sumber dana stay (DAU everywhere), none invented or left empty by the loader
    rincian = senduro["data"].rincian[2024].values()
    assert {r.sumber_dana for r in rincian} == {"DAU"}
    assert _row(report, "7.01.01.2.01.0001").cells[_col(report, "9")] == "DAU"
    assert senduro["aktivitas_0001"] == [D("4704500"), D("5136500")]
    # computed, not stored: no Pagu of tahap renja exists for any sub-kegiatan of this Renja
    assert senduro["pagu_renja"] == 0


def test_every_printed_dana_of_tc33_is_reproduced(senduro):
    """All 57 coded rows of T-C.33 (tables.md §3.5: the document's arithmetic is right)."""
    report = build_tc33(senduro["data"])
    dana, maju = _col(report, "8"), _col(report, "12")
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    checked = 0
    for _level, kode, item in iter_nodes(data):
        printed = item.get("renja", {}).get("dana_tercetak")
        if not printed:
            continue
        row = _row(report, kode)
        assert (row.cells[dana], row.cells[maju]) == (_rp(printed["2024"]), _rp(printed["2025"])), kode
        checked += 1
    assert checked == 57


def test_senduro_renja_membership_and_signatory(senduro):
    assert senduro["rincian"] == 36
    ttd = senduro["data"].penandatangan
    assert ttd.nama == "Drs. PUJANTO"
    assert ttd.nip == "19681114 199003 1 004"  # the 18-digit one of the two the seed prints
    assert ttd.tempat == "Senduro" and ttd.hanya_bulan


def test_tc31_needs_side_equals_tc33_and_ranwal_sums_are_computed(senduro):
    tc31 = build_tc31(senduro["data"])
    program = next(r for r in tc31.rows if r.cells["no"] == "1")
    assert program.cells["kebutuhan:dana"] == D("1860252824")  # T-C.33 col 8 of 7.01.01
    assert program.cells["ranwal:pagu"] == D("2360255415")  # printed 2.517.22.415 (J-8)
    administrasi_umum = next(r for r in tc31.rows if r.cells["ranwal:program"] == "Administrasi Umum Perangkat Daerah")
    assert administrasi_umum.cells["ranwal:pagu"] == D("79963170")
    assert administrasi_umum.cells["kebutuhan:dana"] == D("91572593")


def test_every_note_on_the_source_is_a_real_difference(senduro):
    """A note that quotes a printed figure must differ from what the app computes, and point at a
    cell that exists; a test that would pass with stale notes is worthless."""
    data = senduro["data"]
    assert senduro["catatan"] == len(data.catatan) > 40
    for name, build in BUILDERS.items():
        report = build(data)
        for note in resolve_notes(data.catatan_for(name), report):
            if not note.tempat:
                continue
            assert "tidak ada di tabel" not in note.dihitung, note
            assert note.tercetak.replace(" ", "").lower() != note.dihitung.replace(" ", "").lower(), note


def test_renja_pdf_has_the_figures_header_on_every_page_and_signature_at_the_end(senduro):
    pages = pdf_pages(senduro["pdf"])
    assert len(pages) > 10
    text = "\n".join(pages)
    for figure in ("2.080.252.824", "2.621.874.277", "9.841.000", "5.136.500", "4.704.500", "1.860.252.824"):
        assert figure in text, figure
    assert text.count("2.080.252.824") >= 4  # urusan, bidang, TOTAL PAGU of T-C.33, and Tabel 4.1
    for title in ("Tabel T-C.29", "Tabel T-C.30", "Tabel T-C.31", "Tabel T-C.32", "Tabel T-C.33", "Tabel 4.1",
                  "Catatan terhadap Dokumen Sumber"):
        assert title in text, title
    assert text.index("Tabel T-C.29") < text.index("Tabel T-C.31") < text.index("Tabel T-C.33") < text.index(
        "Program, Kegiatan dan Sub Kegiatan")
    assert "NIHIL" in text
    for i, page in enumerate(pages, start=1):
        assert f"Halaman {i} dari {len(pages)}" in page
        assert "PEMERINTAH KABUPATEN LUMAJANG" in page or " 1 2 3 " in " ".join(page.split()), f"page {i}"
        numbers = " ".join(page.split())
        assert any(row in numbers for row in ("1 2 3 4 5", "1 2 3 4 5 6 7")), f"page {i}: no numbered header"
    assert "NIP. 19681114 199003 1 004" in pages[-1] and "Drs. PUJANTO" in pages[-1]
    assert "Senduro, Juni 2023" in pages[-1]
    assert sum("NIP." in p for p in pages) == 1  # one signature, at the end


def test_a_table_printed_on_its_own_carries_the_renja_title_and_no_pdf_a_checker_remark(senduro):
    """Issue 16: T-C.29 alone says it is a table of the Renja 2024, under the kop, above its own
    title; neither it nor the whole Renja prints a checker remark or a placeholder."""
    first = " ".join(pdf_pages(senduro["tc29_pdf"])[0].split())
    judul = "RENCANA KERJA (RENJA) KECAMATAN SENDURO TAHUN 2024"
    assert f"PEMERINTAH KABUPATEN LUMAJANG KECAMATAN SENDURO {judul} Tabel T-C.29 Rekapitulasi Evaluasi" in first
    for pdf in (senduro["tc29_pdf"], senduro["pdf"]):
        text = "\n".join(pdf_pages(pdf))
        assert "Periksa:" not in text and "LOGO" not in text


def test_renja_xlsx_keeps_numbers_and_has_one_sheet_per_table(senduro):
    import io

    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(senduro["xlsx"]))
    assert wb.sheetnames == ["T-C.29", "T-C.30", "T-C.31", "T-C.32", "T-C.33", "Tabel 4.1", "Catatan"]
    rows = xlsx_rows(senduro["xlsx"], "T-C.33")
    urusan = next(r for r in rows if r[0] == "7")
    assert 2080252824 in urusan and 2621874277 in urusan
    sub = next(r for r in rows if r[0] == "7.01.01.2.01.0001")
    assert sub[8] == 9841000 and sub[7] == 2  # target kept as a number, shown with its unit
    ws = wb["T-C.33"]
    cell = next(c for row in ws.iter_rows() for c in row if c.value == 9841000)
    assert ws.cell(cell.row, cell.column - 1).number_format == 'General" Dokumen"'


def test_cetak_renja_tables_need_a_year(senduro):
    assert any("TOTAL PAGU" in r for r in xlsx_rows(senduro["cetak"]))
    assert "memerlukan tahun" in senduro["cetak_tanpa_tahun"]


def test_renja_document_builds_for_every_year_of_the_period(senduro):
    for data in senduro["later"]:  # no Renja yet: empty tables, no crash
        reports = build_renja_document(data)
        assert [r.code for r in reports][-1] == "Tabel 4.1"
        assert format_cell(reports[4].rows[-1].cells["dana:n"], "rupiah") == "-"
