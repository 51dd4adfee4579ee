"""A Renstra table on screen: reached from the Renstra page; the numbered header stays in view
while the rows scroll, and a wide table scrolls sideways inside its frame."""

import re

import pytest

from tests.browser.conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_table_header_stays_visible_while_scrolling(page, live_server, demo):
    page.set_viewport_size({"width": 1280, "height": 720})
    login(page, live_server, "operator.randuagung")
    page.get_by_role("link", name="Lihat Renstra").click()
    page.get_by_role("link", name="T-C.27 Rencana Program, Kegiatan, dan Pendanaan").click()
    page.wait_for_url(re.compile(r"/tabel/tc27/$"))
    frame = page.locator(".tabel-gulir")
    numbers = page.locator("tr.nomor-kolom th").first
    labels = page.locator("table.tabel-resmi thead tr").nth(1).locator("th").first
    frame.evaluate("el => { el.scrollTop = 2000; }")
    frame_top = frame.bounding_box()["y"]
    label_box, number_box = labels.bounding_box(), numbers.bounding_box()
    assert frame.evaluate("el => el.scrollTop") > 1000
    # the header rows are still at the top of the frame, in order, not on top of each other
    assert frame_top - 1 <= label_box["y"] < number_box["y"] < frame_top + 150
    assert label_box["y"] + label_box["height"] <= number_box["y"] + 1
    assert numbers.inner_text() == "11" and labels.inner_text() == "Target"
    # wider than the screen: it scrolls sideways inside the frame, the page itself does not
    assert frame.evaluate("el => el.scrollWidth > el.clientWidth")
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
