"""Offices have poor internet: nothing the app serves loads anything from outside."""

import re
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
# a fetched resource: src/href attributes, CSS url() and @import with an absolute http(s) URL
FETCH = re.compile(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//|url\(\s*["']?\s*(?:https?:)?//|@import\s+["']?(?:https?:)?//""", re.I)


def _files():
    for folder in ("templates", "static"):
        for path in (ROOT / folder).rglob("*"):
            if path.is_file() and path.suffix in {".html", ".css", ".js", ".svg", ".txt"}:
                yield path


def test_there_are_files_to_check():
    assert len(list(_files())) > 5


@pytest.mark.parametrize("path", list(_files()), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_external_resource(path):
    text = path.read_text(encoding="utf-8", errors="replace")
    assert not FETCH.search(text), f"{path} loads something from the internet"


def test_the_check_would_catch_a_cdn():
    assert FETCH.search('<link href="https://cdn.jsdelivr.net/npm/bootstrap.css">')
    assert FETCH.search("background: url(//fonts.googleapis.com/x.woff)")
    assert not FETCH.search("xmlns='http://www.w3.org/2000/svg'")
