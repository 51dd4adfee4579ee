"""The Renstra editor in a browser: a program picked from the catalog through the search box, an
indicator with its target grid typed the Indonesian way, shown back the same way."""

from decimal import Decimal as D

import pytest

from kecamatan.models import Indikator, Peran, Program
from tests.browser.conftest import login
from tests.factories import PeriodeFactory, nomenklatur, user_with_role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_program_from_catalog_search_and_indicator_target_grid(page, live_server):
    periode = PeriodeFactory()
    for kode, nama in [("7.01.01", "PROGRAM PENUNJANG URUSAN"), ("7.01.02", "PROGRAM PENYELENGGARAAN PEMERINTAHAN"),
                       ("7.01.03", "PROGRAM PEMBERDAYAAN MASYARAKAT DESA")]:
        nomenklatur(kode, nama)
    user_with_role("op.uji", Peran.OPERATOR, periode.kecamatan)
    login(page, live_server, "op.uji", password="rahasia-uji-123")
    page.goto(f"{live_server.url}/renstra/{periode.pk}/susun/")
    page.get_by_role("link", name="+ Program").click()

    search = page.get_by_label("Cari di nomenklatur")
    search.fill("pemberdayaan desa")
    visible = page.locator("select[data-cari] option:not([hidden])").all_inner_texts()
    assert [t for t in visible if t.startswith("7.01")] == ["7.01.03 PROGRAM PEMBERDAYAAN MASYARAKAT DESA"]
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_load_state()
    assert "Program ditambahkan." in page.content()
    program = Program.objects.get()
    assert program.nomenklatur.kode == "7.01.03"

    page.locator('[data-kode="7.01.03"] >> text="+ indikator"').first.click()
    page.get_by_label("Indikator*").fill("Jumlah desa yang dibina")
    page.get_by_label("Satuan*").fill("Desa")  # a count: 1.500,25 is allowed (a Persen would stop at 100)
    page.get_by_label("Kondisi awal").fill("62,5")
    page.get_by_label("Target 2024").fill("70")
    page.get_by_label("Target 2025").fill("1.500,25")
    page.get_by_label("Target 2026").fill("1.5")  # ambiguous: refused at its cell, nothing saved
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_load_state()
    assert "meragukan" in page.locator("#grid-target").inner_text()
    assert page.get_by_label("Target 2025").input_value() == "1.500,25"
    assert not Indikator.objects.exists()
    page.get_by_label("Target 2026").fill("N/A")
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_load_state()
    ind = Indikator.objects.get()
    assert {t.tahun: (t.nilai, t.label) for t in ind.target.all()} == {
        2024: (D(70), ""), 2025: (D("1500.25"), ""), 2026: (None, "N/A")}
    assert "2025 1.500,25" in page.locator(f'[data-indikator="{ind.pk}"]').inner_text()
