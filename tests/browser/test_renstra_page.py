import re

import pytest

from tests.browser.conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_operator_logs_in_and_opens_the_renstra(page, live_server, demo):
    login(page, live_server, "operator.randuagung")
    page.get_by_role("link", name="Lihat Renstra").click()
    page.wait_for_url(re.compile(r"/renstra/\d+/$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Renstra Kecamatan Randuagung 2024-2026"
    total = page.locator("#tabel-cascade tbody tr").first
    assert "Unsur Kewilayahan" in total.inner_text()
    assert "6.522.283.747" in total.inner_text()
    program = page.locator('#tabel-cascade tr[data-kode="7.01.01"]')
    assert "1.699.465.689" in program.inner_text()
    # the stylesheet is served locally: Bootstrap applied to the navbar
    bg = page.locator("nav.navbar").evaluate("el => getComputedStyle(el).backgroundColor")
    assert bg != "rgba(0, 0, 0, 0)"


def test_wrong_password_shows_indonesian_message(page, live_server, demo):
    login(page, live_server, "operator.randuagung", password="salah")
    assert "Nama pengguna atau kata sandi salah." in page.content()
