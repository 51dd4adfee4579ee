"""Headless Chromium (Debian's package) driven by Playwright's sync API against live_server."""

import os
import shutil

import pytest

# Playwright runs an event loop in this thread; Django's ORM refuses async contexts otherwise.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("SAKIP_CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def live_server(request, django_db_setup):
    """pytest-django's live server, but serving the collected (hashed) static files from
    STATIC_ROOT as production does, instead of looking names up in the source folders. After the
    test database (django_db_setup): stopped before it is dropped, its connections closed."""
    from django.test.testcases import _StaticFilesHandler
    from pytest_django.live_server_helper import LiveServer

    server = LiveServer("localhost", start=False)
    server.thread.static_handler = _StaticFilesHandler
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: run the README's test command, which installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-background-networking", "--disable-gpu", "--disable-dev-shm-usage",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="id-ID")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def login(page, live_server, username, password="demo-sakip-2024"):
    page.goto(f"{live_server.url}/masuk/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(password)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_load_state()


def fill_all(fields, text: str) -> int:
    """Types `text` into every field the locator `fields` matches in one round trip (a Playwright
    fill per field costs one each, with its waits: 150 of them in a grid), firing the input and
    change events that fill fires. For bulk filler around the fields a test types into one by one;
    the grids' fields have no script of their own (static/kecamatan/app.js). How many it filled."""
    return fields.evaluate_all(
        """(fields, text) => fields.map(field => {
            field.value = text;
            field.dispatchEvent(new Event("input", {bubbles: true}));
            field.dispatchEvent(new Event("change", {bubbles: true}));
        }).length""",
        text,
    )
