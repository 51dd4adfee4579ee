"""PDFs that have not changed are not rendered again.

The key is the content itself: a hash of the print HTML (every figure, name and signature the
PDF shows), of the print stylesheet and of the WeasyPrint version. Building that HTML costs a few
milliseconds; laying it out costs seconds. Any change of data, layout or renderer gives a new
key, so a cached PDF can never be stale and nothing needs to be invalidated: not a save that
forgot to bump Dokumen.versi, not an admin edit, not a deploy that changed print.css.
Old entries simply age out of the cache (cache alias "pdf" when configured, else "default").
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import caches

from .base import Report
from .render_pdf import pdf_document, print_html

TIMEOUT = 7 * 24 * 3600


def store():
    """The cache holding rendered PDFs."""
    return caches["pdf" if "pdf" in settings.CACHES else "default"]


def pdf_key(html: str) -> str:
    import weasyprint

    digest = hashlib.sha256()
    digest.update(weasyprint.__version__.encode())
    with open(finders.find("kecamatan/print.css"), "rb") as fh:
        digest.update(fh.read())
    digest.update(html.encode("utf-8"))
    return f"pdf:{digest.hexdigest()}"


def render_pdf_cached(reports: Sequence[Report], *, title: str = "") -> tuple[bytes, bool]:
    """The PDF of `reports` and whether it came from the cache."""
    html = print_html(reports, title=title)
    key = pdf_key(html)
    cache = store()
    content = cache.get(key)
    if content is not None:
        return content, True
    content = pdf_document(html).write_pdf()
    cache.set(key, content, TIMEOUT)
    return content, False
