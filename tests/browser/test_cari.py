"""The search box in a browser (issue 19): the operator of Senduro types a sub-kegiatan code in the
navbar, gets Senduro's row only, and the result opens the cascade page scrolled to that row. The
results page and the operator's Panduan are left in artifacts/cari/ for a person to look at."""

from pathlib import Path

import pytest
from django.conf import settings

from tests.browser.conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
ARTIFACTS = Path(settings.BASE_DIR) / "artifacts" / "cari"


def test_navbar_search_leads_to_the_row(browser, live_server, senduro):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(locale="id-ID", viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    login(page, live_server, "operator.senduro")
    box = page.get_by_role("searchbox", name="Cari kecamatan, indikator, kode atau nama program")
    box.fill("7.01.01.2.01.0001")
    box.press("Enter")
    page.wait_for_load_state()
    results = page.locator("#hasil-subkegiatan li")
    assert results.count() == 1
    assert "Kecamatan Senduro · Renstra 2024-2026 · Sub kegiatan" in results.inner_text()
    assert "Randuagung" not in page.locator("main").inner_text()
    page.screenshot(path=str(ARTIFACTS / "hasil.png"), full_page=True)

    results.get_by_role("link").click()
    page.wait_for_load_state()
    assert "/susun/#subkegiatan-" in page.url
    row = page.locator(f"#{page.url.split('#')[1]}")
    assert row.inner_text().startswith("7.01.01.2.01.0001")
    assert row.evaluate("e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }")

    page.get_by_role("link", name="Panduan", exact=True).click()
    page.wait_for_load_state()
    assert page.locator("#tab-peran .active").inner_text() == "Operator kecamatan (Anda)"
    page.screenshot(path=str(ARTIFACTS / "panduan-operator.png"), full_page=True)
    context.close()
