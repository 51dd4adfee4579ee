import re

import pytest

from kecamatan.models import Periode
from tests.browser.conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_operator_compares_the_lkj_with_another_kecamatan(page, live_server, demo):
    periode = Periode.objects.get(kecamatan__nama="Jatiroto", tahun_mulai=2024)
    login(page, live_server, "operator.jatiroto")
    page.goto(f"{live_server.url}/renstra/{periode.pk}/")
    page.get_by_role("link", name="LKj Tabel 3.7 Perbandingan dengan Kecamatan Lain").click()
    page.wait_for_url(re.compile(r"/tabel/lkj37/"))
    table = page.locator("table.tabel-resmi")
    assert "Kecamatan Yosowilangun" in table.inner_text()  # the LKj's own choice
    page.get_by_label("Kecamatan pembanding").select_option("randuagung")
    page.wait_for_url(re.compile(r"pembanding=randuagung"))
    assert "Kecamatan Randuagung" in page.locator("table.tabel-resmi").inner_text()
    assert "pembanding=randuagung" in page.get_by_role("link", name="Unduh PDF").get_attribute("href")
    page.get_by_label("Tahun").select_option("2024")
    page.wait_for_load_state()
    assert "Kecamatan Randuagung" in page.locator("table.tabel-resmi").inner_text()  # the choice survives
