"""A value that cannot be, typed in the triwulan grid in Chromium: −5 for a Persen indicator is refused
at its field, in Indonesian, and nothing is saved (issue 19 item 3)."""

import pytest

from kecamatan.models import Indikator, Realisasi, Riwayat
from tests.browser.conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_negative_persen_realisasi_is_refused_at_its_field(page, live_server, randuagung):
    ind = Indikator.objects.filter(periode=randuagung, satuan="Persen", boleh_lebih_100=False).order_by("pk").first()
    login(page, live_server, "operator.randuagung")
    page.goto(f"{live_server.url}/renstra/{randuagung.pk}/realisasi/2024/1/")
    row = page.locator(f'tr[data-indikator="{ind.pk}"]')
    row.locator('input[data-kolom="nilai"]').fill("-5")
    page.get_by_role("button", name="Simpan semua").click()
    page.wait_for_load_state()
    cell = row.locator("td.kolom-isian")
    assert cell.locator(".invalid-feedback").inner_text() == "Realisasi indikator bersatuan persen tidak boleh negatif."
    assert row.locator('input[data-kolom="nilai"]').input_value() == "-5"  # what was typed stays, to be fixed
    assert "table-danger" in row.get_attribute("class")
    assert not Realisasi.objects.filter(indikator__periode=randuagung, tahun=2024, triwulan=1).exists()
    assert not Riwayat.objects.filter(dokumen__periode=randuagung, aksi="ubah").exists()
