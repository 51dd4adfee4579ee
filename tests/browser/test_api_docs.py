"""The API's docs page (issue 20) in Chromium: swagger-ui from the app's own static files draws every
path of the OpenAPI document, and the page fetches nothing from outside the app."""

import pytest

pytestmark = [pytest.mark.browser]


def test_api_docs_page_loads_from_the_app_alone(page, live_server):
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(f"{live_server.url}/api/docs")
    page.locator(".swagger-ui .info .title").filter(has_text="API SAKIP Kecamatan").wait_for()
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert any(p.endswith("/api/periode/{pk}/tabel/{name}/") for p in paths)
    assert any(p.endswith("/api/periode/{pk}/realisasi/{tahun}/{triwulan}/") for p in paths)
    assert page.locator(".btn.authorize").count() == 1  # the Bearer token can be entered
    outside = [u for u in requested if not u.startswith(live_server.url) and not u.startswith("data:")]
    assert not outside, outside
