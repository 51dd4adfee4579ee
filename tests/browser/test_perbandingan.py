"""A Bappeda reviewer's morning: open the matrix of every kecamatan, sort by capaian, drill into
the best kecamatan's own triwulan table and its document timeline."""

import re
from decimal import Decimal

import pytest

from tests.browser.conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MATRIKS = 'table[data-kode="Perbandingan Capaian"] tbody tr.baris-kecamatan'


def _persen(text: str) -> Decimal | None:
    text = text.strip()
    return None if text == "-" else Decimal(text.rstrip("%").replace(".", "").replace(",", "."))


def test_reviewer_sorts_the_matrix_by_capaian_and_drills_into_a_kecamatan(page, live_server, full_demo):
    login(page, live_server, "bappeda")
    page.get_by_role("link", name="Perbandingan kecamatan").click()
    page.wait_for_url(re.compile(r"/perbandingan/"))
    page.select_option("#pilih-tahun", "2025")
    page.select_option("#pilih-triwulan", "4")
    page.get_by_role("button", name="Tampilkan").click()
    page.wait_for_url(re.compile(r"tahun=2025&triwulan=4"))
    rows = page.locator(MATRIKS)
    assert rows.count() == 21
    assert page.locator("#grafik-capaian rect").count() >= 15  # the bar chart, drawn server-side
    assert page.locator("#tanda-demo").is_visible()

    page.locator("#urutan").get_by_role("link", name="Rata-rata capaian tertinggi").click()
    page.wait_for_url(re.compile(r"urut=capaian&arah=turun"))
    assert "tahun=2025" in page.url  # the filters stay while sorting
    means = [_persen(t) for t in page.locator(f"{MATRIKS} td:nth-child(12)").all_inner_texts()]
    present = [m for m in means if m is not None]
    assert len(present) >= 15 and present == sorted(present, reverse=True)
    assert means[: len(present)] == present  # kecamatan without a figure come last
    best = rows.first.locator("td").nth(1).inner_text().removesuffix(" (demo)")

    # drill down: the best kecamatan's capaian cell opens its own triwulan page at that indicator
    rows.first.locator("td").nth(10).get_by_role("link").click()
    page.wait_for_url(re.compile(r"/renstra/\d+/realisasi/2025/4/#indikator-\d+"))
    assert page.get_by_role("heading", level=1).inner_text() == "Realisasi Triwulan IV Tahun 2025"
    assert f"Kecamatan {best}" in page.locator("main").inner_text()
    anchor = page.url.rsplit("#", 1)[1]
    assert page.locator(f"tr#{anchor}").inner_text().startswith("Persentase hasil fasilitasi")
    assert page.locator("#tanda-demo").is_visible()

    # and, from the matrix, its document timeline
    page.go_back()
    page.wait_for_url(re.compile(r"urut=capaian"))
    page.locator(MATRIKS).first.locator("td").nth(13).get_by_role("link").click()
    page.wait_for_url(re.compile(r"/dokumen/realisasi-2025-4/$"))
    assert page.get_by_role("heading", level=1).inner_text() == f"Realisasi 2025 TW IV · Kecamatan {best}"
    assert page.locator("#timeline li[data-aksi='ajukan']").count() >= 1
