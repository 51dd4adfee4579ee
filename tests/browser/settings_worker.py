"""Settings of the `db_worker` process that tests/browser/test_cetakan.py starts: the suite's settings
pointed at the live server's test database (SAKIP_WORKER_DB_NAME) and at the PDF cache folder the
live server reads too (SAKIP_WORKER_PDF_CACHE)."""

import os

from sakip.settings_dev import *  # noqa: F403
from sakip.settings_dev import CACHES, DATABASES

DATABASES = {**DATABASES, "default": {**DATABASES["default"], "NAME": os.environ["SAKIP_WORKER_DB_NAME"]}}
CACHES = {**CACHES, "pdf": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                            "LOCATION": os.environ["SAKIP_WORKER_PDF_CACHE"]}}
