import re

import pytest

from tests.browser.conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_operator_edits_an_aktivitas_and_the_renja_total_follows(page, live_server, demo):
    login(page, live_server, "operator.senduro")
    page.get_by_role("link", name="Lihat Renstra").click()
    page.get_by_role("link", name="Renja 2024").click()
    page.wait_for_url(re.compile(r"/renja/2024/$"))
    total = page.locator("#tabel-renja tbody tr").first
    assert "2.080.252.824" in total.inner_text() and "2.621.874.277" in total.inner_text()
    row = page.locator('#tabel-renja tr[data-kode="7.01.01.2.01.0001"]')
    assert "9.841.000" in row.inner_text()
    row.get_by_role("link", name="Ubah").click()
    dana = page.get_by_label("Kebutuhan dana 2024 (Rp)")
    assert dana.is_disabled()  # the dana comes from the aktivitas
    assert page.locator("#dana-aktivitas").inner_text() == "9.841.000"
    page.locator('input[name="aktivitas-1-jumlah"]').fill("4.704.501")
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_url(re.compile(r"/renja/2024/#subkegiatan-\d+$"))  # back at the row just saved
    assert "Rincian 7.01.01.2.01.0001 disimpan." in page.content()
    assert "2.080.252.825" in page.locator("#tabel-renja tbody tr").first.inner_text()
    assert "9.841.001" in page.locator('#tabel-renja tr[data-kode="7.01.01.2.01.0001"]').inner_text()
