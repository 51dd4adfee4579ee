"""PDFs that have not changed are not rendered again.

The key is the content itself: a hash of the print HTML (every figure, name and signature the
PDF shows), of the print stylesheet and of the WeasyPrint version. Building that HTML costs a few
milliseconds; laying it out costs seconds. Any change of data, layout or renderer gives a new
key, so a cached PDF can never be stale and nothing needs to be invalidated: not a save that
forgot to bump Dokumen.versi, not an admin edit, not a deploy that changed print.css.
Old entries simply age out of the cache (cache alias "pdf" when configured, else "default").
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import logging
from collections.abc import Sequence

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import caches

from kecamatan.tables.base import Report
from kecamatan.tables.render_pdf import PRINT_CSS, pdf_document, print_html

TIMEOUT = 7 * 24 * 3600
HEADER = "X-Sakip-Pdf-Cache"  # "hit" or "miss" on a table's PDF download
logger = logging.getLogger(__name__)


def store():
    """The cache holding rendered PDFs."""
    return caches["pdf" if "pdf" in settings.CACHES else "default"]


@functools.cache
def weasyprint_version() -> str:
    """From the installed package's metadata: a cache hit never imports WeasyPrint (seconds on a
    fresh worker). Fixed for the life of the process."""
    return importlib.metadata.version("weasyprint")


def pdf_key(html: str, stylesheets: Sequence[str] = PRINT_CSS) -> str:
    digest = hashlib.sha256()
    digest.update(weasyprint_version().encode())
    for name in stylesheets:
        with open(finders.find(name), "rb") as fh:
            digest.update(fh.read())
    digest.update(html.encode("utf-8"))
    return f"pdf:{digest.hexdigest()}"


def cached_pdf(html: str, stylesheets: Sequence[str] = PRINT_CSS) -> tuple[bytes, bool]:
    """The PDF of a print page and whether it came from the cache (any page: tables or a whole
    document with its own stylesheets)."""
    key = pdf_key(html, stylesheets)
    cache = store()
    content = cache.get(key)
    if content is not None:
        logger.info("PDF dari cache %s (%d bita)", key, len(content))
        return content, True
    content = pdf_document(html, stylesheets).write_pdf()
    cache.set(key, content, TIMEOUT)
    logger.info("PDF dirender dan disimpan di cache %s (%d bita)", key, len(content))
    return content, False


def render_pdf_cached(reports: Sequence[Report], *, title: str = "") -> tuple[bytes, bool]:
    """The PDF of `reports` and whether it came from the cache."""
    return cached_pdf(print_html(reports, title=title))
