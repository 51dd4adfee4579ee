"""The parts of the Renstra and the LKj year that used to sit in the admin, typed in the browser by
the kecamatan's operator: a T-C.24 anggaran and a PK perubahan target, then read back in the
official table."""

import re
from decimal import Decimal

import pytest

from kecamatan.models import AnggaranLalu, Periode, PerjanjianKinerja, TargetPK
from tests.browser.conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_operator_types_a_tc24_anggaran_and_the_table_computes_its_rasio(page, live_server, demo):
    periode = Periode.objects.get(kecamatan__nama="Randuagung", tahun_mulai=2024)
    cell = AnggaranLalu.objects.filter(program_lalu__periode=periode, realisasi__gt=0).order_by("tahun", "pk").first()
    login(page, live_server, "operator.randuagung")
    page.goto(f"{live_server.url}/renstra/{periode.pk}/susun/")
    page.get_by_role("link", name="T-C.24 anggaran tahun lalu").click()
    page.wait_for_url(re.compile(r"/tc24/$"))
    anggaran = (cell.realisasi * 4).quantize(Decimal(1))  # so that its rasio reads 0,25
    typed = "Rp " + f"{anggaran:,.0f}".replace(",", ".")
    page.locator(f'input[name="anggaran_{cell.program_lalu_id}_{cell.tahun}"]').fill(typed)
    page.get_by_role("button", name="Simpan T-C.24").click()
    page.wait_for_load_state()
    assert page.get_by_role("alert").filter(has_text="T-C.24 disimpan").count() == 1
    cell.refresh_from_db()
    assert cell.anggaran == anggaran
    page.get_by_role("link", name="Lihat tabel T-C.24").click()
    page.wait_for_url(re.compile(r"/tabel/tc24/"))
    row = page.locator("table.tabel-resmi tr").filter(has_text=cell.program_lalu.uraian[:40]).first.inner_text()
    assert typed[3:] in row and "0,25" in row  # the rasio is computed from the typed anggaran, never typed


def test_operator_sets_a_pk_perubahan_target_in_indonesian_notation(page, live_server, demo):
    periode = Periode.objects.get(kecamatan__nama="Jatiroto", tahun_mulai=2024)
    pk = PerjanjianKinerja.objects.get(periode=periode, tahun=2024, versi="perubahan")
    target = TargetPK.objects.filter(perjanjian=pk).order_by("urutan").first()
    login(page, live_server, "operator.jatiroto")
    page.goto(f"{live_server.url}/renstra/{periode.pk}/")
    page.get_by_role("link", name="Isian LKj 2024").click()
    page.get_by_role("link", name="PK perubahan").click()
    page.wait_for_url(re.compile(r"/lkj/2024/pk/perubahan/$"))
    page.locator(f'input[name="target_{target.indikator_id}"]').fill("90,5")
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_load_state()
    assert page.get_by_role("alert").filter(has_text="Perubahan Perjanjian Kinerja 2024 disimpan").count() == 1
    target.refresh_from_db()
    assert target.nilai == Decimal("90.5")
    assert page.locator(f'input[name="target_{target.indikator_id}"]').input_value() == "90,5"
