"""The consistency check in a browser: the Camat opens the Renstra's document page, reads its galat,
is stopped on the confirmation page when submitting without ticking that they were read, ticks and
submits; Bappeda finds the counts on its dashboard and opens the check page. Screenshots of both
pages are left in artifacts/periksa/ for a person to look at."""

from pathlib import Path

import pytest
from django.conf import settings

from kecamatan.models import Dokumen, HasilPeriksa
from tests.browser.conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
ARTIFACTS = Path(settings.BASE_DIR) / "artifacts" / "periksa"


def test_camat_submits_with_confirmation_and_bappeda_sees_the_counts(browser, live_server, randuagung):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(locale="id-ID", viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    login(page, live_server, "camat.randuagung")
    page.goto(f"{live_server.url}/renstra/{randuagung.pk}/dokumen/renstra/")
    panel = page.locator("#pemeriksaan")
    assert panel.locator("h2 [data-galat]").first.get_attribute("data-galat") == "12"
    assert "Indikator tanpa target pada tahun periode Renstra" in panel.inner_text()
    page.screenshot(path=str(ARTIFACTS / "dokumen-renstra.png"), full_page=True)

    page.get_by_role("button", name="Ajukan ke Bappeda").click()  # answers with the confirmation page
    page.wait_for_load_state()
    assert page.locator("#konfirmasi-periksa [data-galat]").first.get_attribute("data-galat") == "12"
    page.get_by_role("button", name="Ya, ajukan ke Bappeda").click()
    page.wait_for_load_state()
    assert "belum diajukan: pemeriksaan konsistensi masih menemukan 12 galat" in page.locator(".alert-warning").inner_text()
    assert Dokumen.objects.get(periode=randuagung, jenis="renstra").status == "draft"
    page.get_by_label("Saya sudah membaca 12 galat", exact=False).check()
    page.get_by_role("button", name="Ya, ajukan ke Bappeda").click()
    page.wait_for_load_state()
    assert Dokumen.objects.get(periode=randuagung, jenis="renstra").status == "diajukan"
    assert "Diajukan dengan 12 galat dan 11 peringatan pemeriksaan konsistensi." in page.locator("#timeline").inner_text()
    context.close()

    context = browser.new_context(locale="id-ID", viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    login(page, live_server, "bappeda")
    table = page.locator("#periksa-kabupaten")
    row = table.locator(f'tr[data-periode="{randuagung.pk}"]')
    stored = HasilPeriksa.objects.get(periode=randuagung, tahun=2024)
    assert row.locator("[data-galat]").first.get_attribute("data-galat") == str(stored.galat)
    assert "belum diperiksa" in row.inner_text()  # 2025 and 2026 were not checked yet
    page.screenshot(path=str(ARTIFACTS / "beranda-bappeda.png"), full_page=True)
    row.get_by_role("link").first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Pemeriksaan konsistensi · Kecamatan Randuagung 2024"
    assert page.locator(".dokumen-periksa").count() == 7
    page.screenshot(path=str(ARTIFACTS / "periksa-randuagung-2024.png"), full_page=True)
    context.close()
