"""Bappeda's work list in a browser (issue 19): a document the Camat of Randuagung has just
submitted is the newest of two dozen and so lands at the bottom of the list; Bappeda finds it at the
top by filter and by search, opens it and sees every row's values beside its note field. Screenshots of
the list at 1280 and 390 px and of the notes are left in artifacts/antrian/ for a person to look at."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model

from kecamatan.models import Dokumen
from kecamatan.workflow import services as workflow_services
from tests.browser.conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
ARTIFACTS = Path(settings.BASE_DIR) / "artifacts" / "antrian"


def open_as(browser, live_server, username, width):
    context = browser.new_context(locale="id-ID", viewport={"width": width, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    login(page, live_server, username)
    return context, page


def test_bappeda_finds_a_just_submitted_document_by_filter_and_search(browser, live_server, full_demo):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    randuagung = Dokumen.objects.get(periode__kecamatan__nama="Randuagung", periode__tahun_mulai=2024,
                                     jenis="renstra").periode
    waiting = Dokumen.objects.filter(status="diajukan").count()
    workflow_services.ajukan_dokumen(periode=randuagung, kunci="renstra", konfirmasi_galat=True,
                                     by=get_user_model().objects.get(username="camat.randuagung"))
    assert waiting >= 20

    context, page = open_as(browser, live_server, "bappeda", 1280)
    assert f"{waiting + 1} dokumen menunggu verifikasi" in page.locator("#daftar-kerja").inner_text()
    assert "Randuagung" not in page.locator("#daftar-kerja ul").inner_text()  # the five oldest
    page.screenshot(path=str(ARTIFACTS / "beranda-bappeda-1280.png"))
    page.locator("#link-antrian").click()
    page.wait_for_url(re.compile(r"/antrian/$"))
    rows = page.locator("#tabel-antrian tbody tr")
    assert rows.count() == min(waiting + 1, 25)
    if waiting < 25:  # the newest is at the bottom of the oldest-first list
        assert "Randuagung" in rows.last.inner_text() and "diajukan hari ini" in rows.last.inner_text()
    waits = [int(m.group(1).replace(".", "")) if (m := re.search(r"menunggu ([\d.]+) hari", t)) else 0
             for t in page.locator("#tabel-antrian td.menunggu").all_inner_texts()]
    assert waits == sorted(waits, reverse=True) and waits[0] > waits[-1]  # waiting longest on top
    page.screenshot(path=str(ARTIFACTS / "antrian-1280.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollHeight") < 2500

    # by filter: the kecamatan and the kind of document
    page.select_option("#id_kecamatan", label="Randuagung")
    page.select_option("#id_jenis", label="Renstra")
    page.get_by_role("button", name="Terapkan").click()
    page.wait_for_url(re.compile(r"kecamatan=\d+"))
    first = rows.first
    assert "Renstra 2024-2026" in first.inner_text() and "Randuagung" in first.inner_text()
    assert "diajukan hari ini" in first.locator("td.menunggu").inner_text()

    # by search, from the unfiltered list
    page.get_by_role("link", name="Hapus saringan").click()
    page.get_by_label("Cari", exact=True).fill("randuagung renstra")
    page.get_by_label("Cari", exact=True).press("Enter")
    page.wait_for_url(re.compile(r"q=randuagung"))
    assert rows.count() == 1 and "diajukan hari ini" in rows.first.inner_text()
    page.screenshot(path=str(ARTIFACTS / "antrian-cari-1280.png"), full_page=True)

    # the document: every row's values beside a wide note field
    rows.first.get_by_role("link").click()
    page.wait_for_url(re.compile(r"/dokumen/renstra/$"))
    page.locator("#catatan-per-baris summary").click()
    table = page.locator("#tabel-catatan-indikator")
    assert "Target 2026" in table.locator("thead").inner_text()
    row = table.locator("tbody tr[data-indikator]").first
    assert row.locator("td.angka").count() == 5  # kondisi awal, three targets, akhir periode
    assert row.locator("textarea").bounding_box()["width"] >= 250
    page.locator("#panel-kembalikan").screenshot(path=str(ARTIFACTS / "catatan-per-baris-1280.png"))
    context.close()

    # a phone: the list fits its width, the waiting time still beside each document
    context, page = open_as(browser, live_server, "bappeda", 390)
    page.goto(f"{live_server.url}/antrian/")
    page.screenshot(path=str(ARTIFACTS / "antrian-390.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    cell = page.locator("#tabel-antrian tbody tr").first.locator("td.menunggu").bounding_box()
    assert cell["x"] + cell["width"] <= 390  # no sideways scrolling to see how long it waited
    context.close()
