"""Ajukan asks for confirmation (issue 19), in Chromium with JavaScript switched off: the Camat
presses Ajukan on the triwulan page, reads the confirmation with the checker's counts, confirms, the
document is Diajukan; Bappeda has not opened it, so the Camat withdraws it (again after a
confirmation) and it is a Draf again. Screenshots of the confirmation and of the submitted page are
left in artifacts/alur/ for a person to look at."""

from decimal import Decimal as D
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model

from kecamatan.core.formatting import Nilai
from kecamatan.models import Dokumen, HasilPeriksa, Indikator
from kecamatan.realisasi import services as realisasi_services
from tests.browser.conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
ARTIFACTS = Path(settings.BASE_DIR) / "artifacts" / "alur"


def test_camat_confirms_ajukan_with_the_counts_then_withdraws(browser, live_server, randuagung):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    operator = get_user_model().objects.get(username="operator.randuagung")
    realisasi_services.save_realisasi_triwulan(
        periode=randuagung, tahun=2024, triwulan=1, versi=0, anggaran={}, by=operator,
        indikator={i.pk: (Nilai(D(1)), "") for i in Indikator.objects.filter(periode=randuagung)},
    )
    context = browser.new_context(locale="id-ID", java_script_enabled=False, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    login(page, live_server, "camat.randuagung")
    url = f"{live_server.url}/renstra/{randuagung.pk}/realisasi/2024/1/"
    page.goto(url)
    status = page.locator("h1 + p [data-status]")

    page.get_by_role("button", name="Ajukan ke Bappeda").click()
    page.wait_for_load_state()
    konfirmasi = page.locator("#konfirmasi")
    assert konfirmasi.locator("h1").inner_text() == "Ajukan Realisasi 2024 TW I Kecamatan Randuagung ke Bappeda?"
    stored = HasilPeriksa.objects.get(periode=randuagung, tahun=2024).per_dokumen["realisasi-2024-1"]
    counts = page.locator("#konfirmasi-periksa .lencana-periksa")
    assert (counts.get_attribute("data-galat"), counts.get_attribute("data-peringatan")) == (
        str(stored["galat"]), str(stored["peringatan"]))
    assert f"{stored['galat']} galat, {stored['peringatan']} peringatan" in page.locator("#konfirmasi-periksa").inner_text()
    assert "versi 1" in page.locator("#konfirmasi-dokumen").inner_text()
    assert Dokumen.objects.get(periode=randuagung, jenis="realisasi", tahun=2024, triwulan=1).status == "draft"
    page.screenshot(path=str(ARTIFACTS / "konfirmasi-ajukan.png"), full_page=True)
    if stored["galat"]:
        page.get_by_label("Saya sudah membaca", exact=False).check()
    page.get_by_role("button", name="Ya, ajukan ke Bappeda").click()
    page.wait_for_load_state()
    assert page.url == url
    assert status.get_attribute("data-status") == "diajukan"
    assert "diajukan ke Bappeda" in page.locator(".alert-success").inner_text()
    assert "Bappeda belum membukanya" in page.locator("#menunggu-bappeda").inner_text()
    page.screenshot(path=str(ARTIFACTS / "diajukan-camat.png"))

    page.get_by_role("button", name="Tarik pengajuan").click()
    page.wait_for_load_state()
    assert page.locator("#konfirmasi h1").inner_text() == "Tarik pengajuan Realisasi 2024 TW I Kecamatan Randuagung?"
    page.get_by_role("button", name="Ya, tarik pengajuan").click()
    page.wait_for_load_state()
    assert status.get_attribute("data-status") == "draft"
    steps = page.locator("#timeline > li").evaluate_all("items => items.map(i => i.dataset.aksi)")
    assert steps[-2:] == ["ajukan", "tarik"]
    assert page.get_by_role("button", name="Ajukan ke Bappeda").is_visible()
    context.close()
