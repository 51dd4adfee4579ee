"""The comparison pages printed: one PDF and one workbook of all four (rendered once each),
the download views, and `cetak perbandingan`."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import load_workbook

from kecamatan.acuan.services import HasilAcuan, muat_nomenklatur
from kecamatan.demo.kabupaten import kabupaten_sintetis
from kecamatan.models import Peran
from kecamatan.perbandingan.rules import WARNA_PREDIKAT
from tests.factories import user_with_role
from tests.reports.helpers import pdf_pages, xlsx_sheet

pytestmark = pytest.mark.django_db
ARGS = ["--kabupaten", "sintetis-001", "--tahun", "2025", "--triwulan", "4", "--kecamatan", "sintetis-001-002",
        "--tanggal", "2026-03-01"]


@pytest.fixture
def kabupaten(db):
    muat_nomenklatur(HasilAcuan())
    kabupaten_sintetis(1, per_kabupaten=3, sampai=datetime.date(2026, 3, 1))


def test_cetak_perbandingan_pdf_has_kop_date_header_and_page_numbers_on_every_page(kabupaten, tmp_path):
    out = tmp_path / "perbandingan.pdf"
    call_command("cetak", "perbandingan", *ARGS, "--format", "pdf", "--output", str(out), stdout=io.StringIO())
    pages = pdf_pages(out.read_bytes())
    n = len(pages)
    assert n >= 5
    for i, text in enumerate(pages, start=1):
        assert f"Halaman {i} dari {n}" in text
        assert "Keadaan data per 1 Maret 2026" in text  # running title: code and date on every page
    text = "\n".join(pages)
    assert text.count("PEMERINTAH KABUPATEN SINTETIS 001") == 5  # one kop per report
    assert "BADAN PERENCANAAN PEMBANGUNAN DAERAH" in text
    for title in ("Matriks Capaian Kinerja Antar-Kecamatan", "Penyerapan Anggaran dan Efisiensi per Kecamatan",
                  "Penyerapan Anggaran per Program", "Kelengkapan dan Ketepatan Waktu Dokumen Kecamatan",
                  "Tren Capaian Kinerja dan Penyerapan Anggaran Kecamatan Sintetis 001-002"):
        assert title in text
    # the SVG charts are drawn as vector text in the PDF, with the median line's label
    assert "Rata-rata capaian indikator per kecamatan" in text and "Median kabupaten:" in text
    assert "Penyerapan anggaran kumulatif" in text
    assert "Sintetis 001-001 (demo)" in text and "Median kabupaten" in text
    assert "15 hari setelah triwulan berakhir" in text


def test_cetak_perbandingan_xlsx_keeps_numbers_and_colours(kabupaten, tmp_path):
    out = tmp_path / "perbandingan.xlsx"
    call_command("cetak", "perbandingan", *ARGS, "--format", "xlsx", "--output", str(out), stdout=io.StringIO())
    content = out.read_bytes()
    ws = xlsx_sheet(content, "Perbandingan Capaian")
    assert ws["A1"].value == "PEMERINTAH KABUPATEN SINTETIS 001"
    assert any(row and "Keadaan data per 1 Maret 2026" in str(row[0]) for row in ws.iter_rows(values_only=True))
    header = next(r for r in ws.iter_rows() if r[0].value == "No")
    first = ws[header[0].row + 3]
    assert first[1].value == "Sintetis 001-001 (demo)"
    capaian = first[4]
    assert isinstance(capaian.value, (int, float)) and capaian.number_format == '0.00"%"'
    assert capaian.fill.fgColor.rgb[-6:] in WARNA_PREDIKAT.values()
    assert load_workbook(io.BytesIO(content)).sheetnames == [
        "Perbandingan Capaian", "Penyerapan Kecamatan", "Penyerapan Program", "Kelengkapan Dokumen", "Tren Kecamatan"]
    serap = xlsx_sheet(content, "Penyerapan Kecamatan")
    total = next(r for r in serap.iter_rows(values_only=True) if r[1] == "Kabupaten Sintetis 001")
    assert total[2] > total[3] > 0 and total[4] == pytest.approx(total[3] / total[2] * 100)


def test_download_views_send_the_same_reports(kabupaten, client):
    client.force_login(user_with_role("bappeda.uji", Peran.VERIFIKATOR))
    url = reverse("kecamatan:perbandingan_unduh", args=["kelengkapan", "xlsx"])
    response = client.get(url + "?kabupaten=sintetis-001&tahun=2025&triwulan=3")
    assert response.status_code == 200
    assert response["Content-Disposition"] == \
        'attachment; filename="perbandingan-kelengkapan-sintetis-001-2025-tw3.xlsx"'
    ws = xlsx_sheet(response.content)
    assert ws.title == "Kelengkapan Dokumen"


def test_cetak_refuses_what_it_cannot_print(kabupaten):
    with pytest.raises(CommandError, match="--tahun"):
        call_command("cetak", "perbandingan-matriks", "--kabupaten", "sintetis-001")
    with pytest.raises(CommandError, match="Kabupaten 'atlantis'"):
        call_command("cetak", "perbandingan", "--kabupaten", "atlantis", "--tahun", "2025")
    with pytest.raises(CommandError, match="Kecamatan 'atlantis'"):
        call_command("cetak", "perbandingan-tren", "--kabupaten", "sintetis-001", "--tahun", "2025",
                     "--kecamatan", "atlantis")
    with pytest.raises(CommandError, match="--kecamatan"):
        call_command("cetak", "tc27", "--periode", "2024-2026")
