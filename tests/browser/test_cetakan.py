"""Issue 17: "Unduh PDF" of a whole document no longer lays it out inside the request. The click
opens the progress page (queued), a real `db_worker` process prints it, the page refreshes itself
to "Siap diunduh", and the download is the document's PDF."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from playwright.sync_api import expect

from kecamatan.models import Cetakan, Peran
from tests.browser.conftest import login
from tests.factories import PeriodeFactory, build_cascade, user_with_role
from tests.reports.helpers import pdf_pages

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _worker(pdf_cache: Path) -> subprocess.Popen:
    """`manage.py db_worker --batch`: the queued prints, then exit; on the live server's database."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.browser.settings_worker",
           "SAKIP_WORKER_DB_NAME": connection.settings_dict["NAME"], "SAKIP_WORKER_PDF_CACHE": str(pdf_cache)}
    return subprocess.Popen([sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay", "--no-reload",
                             "--interval", "0.2", "-v", "0"], cwd=settings.BASE_DIR, env=env)


def test_unduh_pdf_of_a_whole_document_shows_progress_then_the_file(page, live_server, settings, tmp_path):
    cache = tmp_path / "pdf"
    settings.CACHES = {**settings.CACHES, "pdf": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                                                  "LOCATION": str(cache)}}
    periode = PeriodeFactory()  # a small Renstra: the document prints in a few pages
    build_cascade(periode, n_sub=1)
    user_with_role("operator.kecil", Peran.OPERATOR, periode.kecamatan)
    login(page, live_server, "operator.kecil", "rahasia-uji-123")
    page.goto(f"{live_server.url}/renstra/{periode.pk}/naskah/renstra/")
    page.get_by_role("link", name="Unduh PDF").click()
    page.wait_for_url(re.compile(r"/cetakan/\d+/$"))
    expect(page.locator("#cetakan")).to_contain_text("dalam antrean")
    cetakan = Cetakan.objects.get()

    worker = _worker(cache)
    try:
        assert worker.wait(timeout=180) == 0
    finally:
        worker.kill()
    link = page.get_by_role("link", name="Siap diunduh")
    expect(link).to_be_visible(timeout=10_000)  # the page refreshed itself
    with page.expect_download() as download:
        link.click()
    content = Path(download.value.path()).read_bytes()
    assert content.startswith(b"%PDF") and download.value.suggested_filename == Cetakan.objects.get().nama_berkas
    assert " ".join(cetakan.judul.split()) in " ".join(" ".join(pdf_pages(content)).split())
