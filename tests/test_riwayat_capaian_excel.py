"""Riwayat capaian sebelum periode from Excel: the page's grid downloaded as a workbook, filled and
uploaded back (round trip into the grid and T-C.30), a bad cell refused at its row and column with
nothing saved, a file of an older Renstra version refused, text that looks like a formula kept text."""

import io
import zipfile
from decimal import Decimal as D

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from kecamatan.models import Peran, RiwayatCapaian
from kecamatan.renja.selectors import renja_data
from kecamatan.renja.tables.tc30 import build_tc30
from kecamatan.tables.base import format_cell
from tests.factories import user_with_role
from tests.test_isian import page_data
from tests.test_riwayat_capaian import ipp, url, versi

pytestmark = pytest.mark.django_db


@pytest.fixture
def operator(client, senduro):
    client.force_login(user_with_role("op.senduro", Peran.OPERATOR, senduro.kecamatan))
    return client


def download(client, periode, tahun=None) -> bytes:
    address = reverse("kecamatan:renstra_riwayat_capaian_unduh", args=[periode.pk])
    response = client.get(f"{address}?tahun={tahun}" if tahun else address)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return response.content


def fill(content: bytes, indikator_id: int, values: dict[str, object]) -> bytes:
    """The workbook with `values` ({"Target 2022": "58 (C)"}) typed into the indicator's row."""
    wb = load_workbook(io.BytesIO(content))
    ws = wb["Riwayat capaian"]
    headers = {cell.value: cell.column for cell in ws[1]}
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(row=r, column=1).value == indikator_id)
    for header, value in values.items():
        ws.cell(row=row, column=headers[header]).value = value
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def upload(client, periode, content: bytes, tahun=None) -> list[str]:
    berkas = SimpleUploadedFile("riwayat.xlsx", content)
    address = reverse("kecamatan:renstra_riwayat_capaian_unggah", args=[periode.pk])
    response = client.post(f"{address}?tahun={tahun}" if tahun else address, {"berkas": berkas}, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == url(periode, tahun)
    return [str(m) for m in response.context["messages"]]


def test_round_trip_into_the_grid_and_t_c30(operator, senduro):
    ind = ipp(senduro)
    before = versi(senduro)
    page = operator.get(url(senduro)).content.decode()
    assert reverse("kecamatan:renstra_riwayat_capaian_unduh", args=[senduro.pk]) in page
    assert reverse("kecamatan:renstra_riwayat_capaian_unggah", args=[senduro.pk]) in page
    content = download(operator, senduro)
    wb = load_workbook(io.BytesIO(content))
    ws = wb["Riwayat capaian"]
    assert [c.value for c in ws[1]][:8] == ["ID", "Pemilik", "Indikator", "Satuan", "Target 2021", "Realisasi 2021",
                                            "Perkiraan 2021", "Target 2022"]
    assert ws.column_dimensions["A"].hidden and wb["identitas"].sheet_state == "hidden"

    filled = fill(content, ind.pk, {"Target 2022": "58 (C)", "Realisasi 2022": 59.5})  # text and an Excel number
    assert upload(operator, senduro, filled) == ["Riwayat capaian sebelum periode diimpor dari riwayat.xlsx."]
    cell = RiwayatCapaian.objects.get(indikator=ind)
    assert (cell.tahun, cell.target, cell.target_label, cell.realisasi, cell.perkiraan) == (2022, D(58), "C",
                                                                                           D("59.5"), False)
    assert versi(senduro) == before + 1
    data = page_data(operator, url(senduro))
    assert (data[f"target_{ind.pk}_2022"], data[f"realisasi_{ind.pk}_2022"]) == ("58 (C)", "59,5")

    row = build_tc30(renja_data(senduro.pk, 2024, {"tc30": "lampiran"})).rows[0]
    assert row.cells["indikator"] == "Indeks Pelayanan Publik"
    assert format_cell(row.cells["target:n-2"], "nilai") == "58 (C)"
    assert format_cell(row.cells["realisasi:n-2"], "nilai") == "59,5"

    # the new download carries what was saved; "-" over it removes it again
    again = download(operator, senduro)
    ws = load_workbook(io.BytesIO(again))["Riwayat capaian"]
    headers = {c.value: c.column for c in ws[1]}
    row_no = next(r for r in range(2, ws.max_row + 1) if ws.cell(row=r, column=1).value == ind.pk)
    assert ws.cell(row=row_no, column=headers["Target 2022"]).value == "58 (C)"
    upload(operator, senduro, fill(again, ind.pk, {"Target 2022": "-", "Realisasi 2022": None}))
    assert not RiwayatCapaian.objects.filter(indikator=ind).exists()


def test_a_bad_cell_is_refused_at_its_row_and_column_and_nothing_is_saved(operator, senduro):
    ind = ipp(senduro)
    before = versi(senduro)
    content = download(operator, senduro)
    ws = load_workbook(io.BytesIO(content))["Riwayat capaian"]
    headers = {c.value: c.column for c in ws[1]}
    row_no = next(r for r in range(2, ws.max_row + 1) if ws.cell(row=r, column=1).value == ind.pk)
    filled = fill(content, ind.pk, {"Target 2022": "58", "Realisasi 2022": "enam puluh", "Perkiraan 2023": "Ya"})
    messages = upload(operator, senduro, filled)
    assert messages[0].startswith("Unggahan ditolak, tidak ada yang disimpan")
    kolom = get_column_letter(headers["Realisasi 2022"])
    assert any(m.startswith(f"Baris {row_no}, kolom {kolom} (Realisasi 2022): ") for m in messages), messages
    kolom = get_column_letter(headers["Realisasi 2023"])
    assert f"Baris {row_no}, kolom {kolom} (Realisasi 2023): Isi realisasi yang masih perkiraan, atau hapus " \
           "tanda perkiraan." in messages
    assert not RiwayatCapaian.objects.filter(indikator__periode=senduro).exists()
    assert versi(senduro) == before


def test_a_file_of_an_older_version_is_refused(operator, senduro):
    ind = ipp(senduro)
    old = download(operator, senduro)
    upload(operator, senduro, fill(old, ind.pk, {"Target 2021": "57"}))  # someone saves after the download
    saved = versi(senduro)
    messages = upload(operator, senduro, fill(old, ind.pk, {"Target 2022": "58"}))
    assert len(messages) == 1 and f"versi {saved - 1}, padahal versi sekarang {saved}" in messages[0]
    assert "Tidak ada yang disimpan" in messages[0]
    assert list(RiwayatCapaian.objects.filter(indikator=ind).values_list("tahun", "target")) == [(2021, D(57))]
    assert versi(senduro) == saved


def test_text_that_looks_like_a_formula_stays_text(operator, senduro):
    ind = ipp(senduro)
    ind.uraian = "=SUM(A1:A9)"
    ind.save(update_fields=["uraian"])
    content = download(operator, senduro)
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml and "<f " not in sheet_xml
    ws = load_workbook(io.BytesIO(content))["Riwayat capaian"]
    row_no = next(r for r in range(2, ws.max_row + 1) if ws.cell(row=r, column=1).value == ind.pk)
    assert (ws.cell(row=row_no, column=3).value, ws.cell(row=row_no, column=3).data_type) == ("=SUM(A1:A9)", "s")
    # uploaded back unchanged it is read as text, not refused as a formula; a typed formula is refused
    assert upload(operator, senduro, content) == ["Riwayat capaian sebelum periode diimpor dari riwayat.xlsx."]
    messages = upload(operator, senduro, fill(content, ind.pk, {"Target 2022": "=1+1"}))
    assert any("(Target 2022): berisi rumus" in m for m in messages), messages
    assert not RiwayatCapaian.objects.filter(indikator=ind).exists()


def test_readers_download_but_do_not_upload(client, senduro):
    client.force_login(user_with_role("verif.excel", Peran.VERIFIKATOR))
    content = download(client, senduro)
    page = client.get(url(senduro)).content.decode()
    assert reverse("kecamatan:renstra_riwayat_capaian_unggah", args=[senduro.pk]) not in page
    response = client.post(reverse("kecamatan:renstra_riwayat_capaian_unggah", args=[senduro.pk]),
                           {"berkas": SimpleUploadedFile("r.xlsx", content)})
    assert response.status_code == 403


def test_a_row_copied_twice_is_refused(operator, senduro):
    ind = ipp(senduro)
    wb = load_workbook(io.BytesIO(download(operator, senduro)))
    ws = wb["Riwayat capaian"]
    row = [c.value for c in next(r for r in ws.iter_rows(min_row=2) if r[0].value == ind.pk)]
    row[4] = "57"
    ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    messages = upload(operator, senduro, out.getvalue())
    assert f"Baris {ws.max_row}: ID indikator {ind.pk} muncul dua kali" in messages[1], messages
    assert not RiwayatCapaian.objects.filter(indikator=ind).exists()


def test_the_n_1_of_a_renja_in_the_period_takes_an_estimated_realisasi_only(operator, senduro):
    ind = ipp(senduro)
    content = download(operator, senduro, 2025)
    headers = [c.value for c in load_workbook(io.BytesIO(content))["Riwayat capaian"][1]]
    assert headers[-2:] == ["Realisasi 2024", "Perkiraan 2024"] and "Target 2024" not in headers
    messages = upload(operator, senduro, fill(content, ind.pk, {"Realisasi 2024": "61", "Perkiraan 2024": "Ya"}), 2025)
    assert messages == ["Riwayat capaian sebelum periode diimpor dari riwayat.xlsx."]
    cell = RiwayatCapaian.objects.get(indikator=ind)
    assert (cell.tahun, cell.target, cell.realisasi, cell.perkiraan) == (2024, None, D(61), True)
