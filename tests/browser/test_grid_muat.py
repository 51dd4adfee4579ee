"""The operator's triwulan grid in Chromium (issue 19, items 4 and 7): the error summary's link takes
the operator to the field; at 390 px an input stands beside its indicator's name, also when the grid
is scrolled sideways; a 13-digit Rupiah is whole in its box. One page load per case: the session
cookie is set directly, no sign-in page. SAKIP_SCREENSHOTS=<folder> keeps a screenshot of each case."""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client

from kecamatan.models import Indikator, SubKegiatan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = os.environ.get("SAKIP_SCREENSHOTS")


@pytest.fixture
def open_grid(browser, live_server, randuagung):
    """Opens the operator's TW I 2024 grid of Randuagung in a window `width` px wide, signed in by cookie."""
    contexts = []

    def open_(width: int, height: int = 800):
        client = Client()
        client.force_login(get_user_model().objects.get(username="operator.randuagung"))
        context = browser.new_context(locale="id-ID", viewport={"width": width, "height": height})
        contexts.append(context)
        context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "url": live_server.url,
                              "value": client.cookies[settings.SESSION_COOKIE_NAME].value}])
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.goto(f"{live_server.url}/renstra/{randuagung.pk}/realisasi/2024/1/")
        return page

    yield open_
    for context in contexts:
        context.close()


def shot(page, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=False)


def inside_viewport(page, box) -> bool:
    size = page.viewport_size
    return (box is not None and box["x"] >= 0 and box["y"] >= 0 and box["x"] + box["width"] <= size["width"]
            and box["y"] + box["height"] <= size["height"])


def test_error_summary_link_focuses_its_field(open_grid, randuagung):
    indikator = list(Indikator.objects.filter(periode=randuagung, subkegiatan__isnull=False).order_by("pk"))
    first, far = indikator[0], indikator[-1]
    page = open_grid(1280)
    page.locator(f"#id_nilai_{first.pk}").fill("1.5")
    page.locator(f"#id_nilai_{far.pk}").fill("dua")
    page.get_by_role("button", name="Simpan semua").click()
    page.wait_for_load_state()
    summary = page.locator("#ringkasan-galat")
    assert summary.locator("h2").inner_text() == "2 isian perlu diperbaiki"
    # on load: the first field with an error has the focus and is on screen
    assert page.evaluate("document.activeElement.id") == f"id_nilai_{first.pk}"
    # the summary's second link: the far field, focused and scrolled into view (clear of the sticky header)
    page.evaluate("window.scrollTo({top: 0, behavior: 'instant'})")
    shot(page, "galat-ringkasan-1280")
    link = summary.get_by_role("link", name=f"Realisasi: {far.uraian}")
    assert link.get_attribute("href") == f"#id_nilai_{far.pk}"
    link.click()
    assert page.evaluate("document.activeElement.id") == f"id_nilai_{far.pk}"
    field = page.locator(f"#id_nilai_{far.pk}")
    assert inside_viewport(page, field.bounding_box())
    header = page.locator("#tabel-indikator thead").bounding_box()
    assert field.bounding_box()["y"] >= header["y"] + header["height"]  # not under the sticky header
    assert field.input_value() == "dua"
    shot(page, "galat-1280")


def test_phone_shows_the_input_beside_the_indicator_name(open_grid, randuagung):
    ind = Indikator.objects.filter(periode=randuagung, subkegiatan__isnull=False).order_by("pk").first()
    page = open_grid(390, 844)
    row = page.locator(f"#indikator-{ind.pk}")
    row.scroll_into_view_if_needed()
    name, field = row.locator("td.kolom-nama"), row.locator(f"#id_nilai_{ind.pk}")
    assert ind.uraian[:20] in name.inner_text()
    assert inside_viewport(page, name.bounding_box()) and inside_viewport(page, field.bounding_box())
    name_box, field_box = name.bounding_box(), field.bounding_box()
    assert name_box["x"] + name_box["width"] <= field_box["x"] + 1  # side by side, the name first
    shot(page, "grid-390")
    # scrolled sideways to the last columns: the name stays, at the left edge
    page.locator("#tabel-indikator").locator("xpath=..").evaluate("el => { el.scrollLeft = el.scrollWidth; }")
    assert inside_viewport(page, name.bounding_box()) and name.bounding_box()["x"] <= name_box["x"] + 1
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")  # the page does not
    shot(page, "grid-390-geser")


def test_thirteen_digit_rupiah_is_whole_in_its_input(open_grid, randuagung):
    sub = SubKegiatan.objects.filter(kegiatan__program__periode=randuagung).order_by("pk").first()
    page = open_grid(1280)
    field = page.locator(f"#id_rp_{sub.pk}")
    assert field.get_attribute("inputmode") == "decimal" and field.get_attribute("data-isian") == "rupiah"
    field.fill("1.267.300.839.000")
    assert field.evaluate("el => el.scrollWidth <= el.clientWidth"), field.evaluate("el => [el.scrollWidth, el.clientWidth]")
    shot(page, "grid-1280")
    page.locator("#anggaran").evaluate("el => el.scrollIntoView({behavior: 'instant'})")
    shot(page, "grid-1280-anggaran")
