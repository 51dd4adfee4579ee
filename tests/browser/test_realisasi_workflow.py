"""The whole triwulan in a browser: the operator types realisasi the Indonesian way and sees
capaian; the Camat submits; Bappeda returns it with a note; the operator sees the note, fixes
and the Camat resubmits; Bappeda verifies; after that the page is read-only for everyone."""

import re
from decimal import Decimal as D

import pytest

from kecamatan.models import Indikator, Riwayat, SubKegiatan, Target
from tests.browser.conftest import fill_all, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def open_as(browser, live_server, username):
    context = browser.new_context(locale="id-ID")
    page = context.new_page()
    page.set_default_timeout(15_000)
    login(page, live_server, username)
    return page


def status_of(page):
    return page.locator("h1 + p [data-status]").get_attribute("data-status")


def confirm(page, button, yes):
    """Press a workflow button (None: already pressed), then "Ya, …" on its confirmation page."""
    if button:
        page.get_by_role("button", name=button).click()
        page.wait_for_load_state()
    page.locator("#form-konfirmasi").get_by_role("button", name=yes).click()
    page.wait_for_load_state()


def test_triwulan_cycle_from_entry_to_verification(browser, live_server, randuagung):
    # an indicator with a plain numeric target for 2024, and a sub-kegiatan with pagu
    target = (Target.objects.filter(indikator__periode=randuagung, tahun=2024, nilai__gt=0, label="")
              .select_related("indikator").order_by("indikator__subkegiatan", "indikator__pk").last())
    ind = target.indikator
    sub = SubKegiatan.objects.filter(kegiatan__program__periode=randuagung, pagu__tahun=2024).order_by("pk").first()
    pagu = sub.pagu.get(tahun=2024, tahap="renstra").jumlah
    url = f"{live_server.url}/renstra/{randuagung.pk}/realisasi/2024/1/"

    # 1. the operator: the dashboard says what to do, then the page
    operator = open_as(browser, live_server, "operator.randuagung")
    n = Indikator.objects.filter(periode=randuagung).count()
    assert f"Realisasi TW I 2024 belum diisi: {n} indikator" in operator.locator("#tugas").inner_text()
    operator.locator("#tugas a", has_text="Realisasi TW I 2024").click()
    operator.wait_for_url(url)
    assert status_of(operator) == "draft"

    # keyboard grid: Enter moves to the same column on the next row
    first = operator.locator('#tabel-indikator input[data-kolom="nilai"]').first
    first.focus()
    first.press("Enter")
    second_name = operator.locator('#tabel-indikator input[data-kolom="nilai"]').nth(1).get_attribute("name")
    assert operator.evaluate("document.activeElement.name") == second_name

    # fill every indicator (N/A with a reason), ours with an Indonesian number; an ambiguous one first
    assert fill_all(operator.locator('#tabel-indikator input[data-kolom="nilai"]'), "N/A") == n
    assert fill_all(operator.locator('#tabel-indikator input[data-kolom="keterangan"]'),
                    "Belum diukur pada triwulan ini") == n
    row = operator.locator(f'tr[data-indikator="{ind.pk}"]')
    row.locator('input[data-kolom="nilai"]').fill("1.5")
    operator.locator(f'tr[data-subkegiatan="{sub.pk}"] input[data-kolom="rp"]').fill("Rp 1.500.000")
    operator.get_by_role("button", name="Simpan semua").click()
    operator.wait_for_load_state()
    assert "meragukan" in row.inner_text()  # the error sits at its row
    assert row.locator('input[data-kolom="nilai"]').input_value() == "1.5"  # what was typed stays
    assert operator.locator(f'tr[data-subkegiatan="{sub.pk}"] input[data-kolom="rp"]').input_value() == "Rp 1.500.000"
    assert not Riwayat.objects.filter(aksi="ubah").exists()  # nothing saved

    typed = target.nilai * D("0.845")
    typed_text = f"{typed.normalize():f}".replace(".", ",")
    row.locator('input[data-kolom="nilai"]').fill(typed_text)
    row.locator('input[data-kolom="keterangan"]').fill("")
    operator.get_by_role("button", name="Simpan semua").click()
    operator.wait_for_load_state()
    assert "disimpan" in operator.locator(".alert-success").inner_text()
    assert row.locator("td.capaian").inner_text() == "84,50%"
    penyerapan = (D(1500000) / pagu * 100).quantize(D("0.01"))
    expected = f"{penyerapan:f}".replace(".", ",") + "%"
    assert operator.locator(f'tr[data-subkegiatan="{sub.pk}"] td.penyerapan').inner_text() == expected

    # 2. the Camat submits (after the confirmation page: tests/browser/test_ajukan_konfirmasi.py)
    camat = open_as(browser, live_server, "camat.randuagung")
    camat.goto(url)
    confirm(camat, "Ajukan ke Bappeda", "Ya, ajukan ke Bappeda")
    assert status_of(camat) == "diajukan"
    assert camat.locator('input[data-kolom="nilai"]').count() == 0

    # 3. Bappeda returns it with a note on the row and a general note
    bappeda = open_as(browser, live_server, "bappeda")
    bappeda.goto(url)
    bappeda.locator(f'tr[data-indikator="{ind.pk}"] input[name="catatan_i_{ind.pk}"]').fill("Lampirkan bukti dukung")
    bappeda.locator("#form-kembalikan textarea[name=catatan]").fill("Realisasi TW I perlu diperiksa lagi")
    bappeda.get_by_role("button", name="Kembalikan dengan catatan").click()
    bappeda.wait_for_load_state()
    assert "Lampirkan bukti dukung" in bappeda.locator("#konfirmasi-catatan").inner_text()
    confirm(bappeda, None, "Ya, kembalikan dengan catatan")
    assert status_of(bappeda) == "dikembalikan"

    # 4. the operator sees the notes, fixes, saves; the Camat resubmits
    operator.goto(url)
    assert "Realisasi TW I perlu diperiksa lagi" in operator.locator("#catatan-bappeda").inner_text()
    assert "Catatan Bappeda: Lampirkan bukti dukung" in row.inner_text()
    row.locator('input[data-kolom="nilai"]').fill(f"{target.nilai.normalize():f}".replace(".", ","))
    row.locator('input[data-kolom="keterangan"]').fill("Bukti dukung: laporan kegiatan TW I")
    operator.get_by_role("button", name="Simpan semua").click()
    operator.wait_for_load_state()
    assert status_of(operator) == "draft"
    assert row.locator("td.capaian").inner_text() == "100,00%"
    camat.goto(url)
    confirm(camat, "Ajukan ke Bappeda", "Ya, ajukan ke Bappeda")
    assert status_of(camat) == "diajukan"

    # 5. Bappeda verifies; the page is then read-only, also for the operator
    bappeda.goto(url)
    confirm(bappeda, "Verifikasi", "Ya, verifikasi")
    assert status_of(bappeda) == "diverifikasi"
    assert bappeda.get_by_role("button", name="Buka kembali").is_visible()
    operator.goto(url)
    assert "hanya dapat dibaca" in operator.locator("#terkunci").inner_text()
    assert operator.locator("input.isian").count() == 0
    assert operator.get_by_role("button", name="Simpan semua").count() == 0
    steps = operator.locator("#timeline > li").evaluate_all("items => items.map(i => i.dataset.aksi)")
    assert steps == ["buat", "ubah", "ajukan", "kembalikan", "ubah", "ajukan", "verifikasi"]
    assert re.search(r"Dikembalikan.*bappeda", operator.locator("#timeline").inner_text(), re.S)
