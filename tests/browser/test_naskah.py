import re

import pytest

from kecamatan.models import Narasi, Periode
from tests.browser.conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_operator_writes_a_section_of_the_lkj_and_sees_it_in_the_document(page, live_server, demo):
    periode = Periode.objects.get(kecamatan__nama="Jatiroto", tahun_mulai=2024)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    login(page, live_server, "operator.jatiroto")
    page.goto(f"{live_server.url}/renstra/{periode.pk}/")
    page.get_by_role("link", name="Naskah LKj (2024)").click()
    page.wait_for_url(re.compile(r"/naskah/lkj-2024/$"))
    preview = page.locator("#pratinjau")
    assert "LAPORAN KINERJA" in preview.inner_text() and "Tabel 3.9" in preview.inner_text()

    page.locator("#daftar-bagian").get_by_role("link", name="Inovasi").click()
    page.wait_for_url(re.compile(r"/bagian/inovasi/$"))
    text = page.get_by_label("Teks")
    assert "NGOBRAS KLAMBI" in text.input_value()  # what the office wrote, from the demo
    text.fill('Inovasi **SIMPEL** 2024.\n- satu\n- dua\n<script>alert("x")</script>')
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_url(re.compile(r"/naskah/lkj-2024/#n-inovasi$"))
    section = page.locator('[data-kunci="inovasi"]')
    assert section.locator("strong").inner_text() == "SIMPEL"
    assert section.locator("li").all_inner_texts() == ["satu", "dua"]
    assert '<script>alert("x")</script>' in section.inner_text()  # shown as text, never run
    assert dialogs == []
    assert Narasi.objects.get(dokumen__periode=periode, kunci="inovasi").teks.startswith("Inovasi **SIMPEL**")
    assert page.get_by_role("link", name="Unduh PDF").get_attribute("href").endswith("/naskah/lkj-2024/unduh.pdf")
