"""manage.py ukur_cache [--ulang 20] [--mb 1]: get and set of a PDF-sized value (random bytes, as
incompressible as a PDF's streams) and of small keys, on Django's database cache (this database:
PostgreSQL when DATABASE_URL says so), the file cache and the in-process memory cache. The database
cache is the one several app servers can share; the others are what a single server had before.
The database cache runs in a throwaway table, dropped afterwards; the file cache in a temp folder."""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable

from django.core.cache.backends.db import DatabaseCache
from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.management.base import BaseCommand
from django.core.management.commands.createcachetable import Command as CreateCacheTable
from django.db import DEFAULT_DB_ALIAS, connection

TABLE = "ukur_cache_sementara"


def _ms(fn: Callable[[], object], n: int) -> float:
    """Median milliseconds of `n` calls."""
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def measure(cache, big: bytes, n: int) -> dict[str, float]:
    keys = [f"kecil:{i}" for i in range(n)]
    small = "x" * 200
    out = {
        "set besar": _ms(lambda: cache.set("besar", big, 3600), n),
        "get besar": _ms(lambda: cache.get("besar"), n),
    }
    assert cache.get("besar") == big
    it = iter(keys)
    out["set kecil"] = _ms(lambda: cache.set(next(it), small, 3600), n)
    it = iter(keys)
    out["get kecil"] = _ms(lambda: cache.get(next(it)), n)
    out["get tidak ada"] = _ms(lambda: cache.get("tidak-ada"), n)
    return out


class Command(BaseCommand):
    help = "Mengukur get/set cache: database (bersama) vs berkas vs memori proses."

    def add_arguments(self, parser):
        parser.add_argument("--ulang", type=int, default=20)
        parser.add_argument("--mb", type=float, default=1.0, help="ukuran nilai besar (MB), seperti sebuah PDF")

    def handle(self, *args, ulang: int, mb: float, **opts):
        big = os.urandom(int(mb * 1024 * 1024))
        results = {}
        creator = CreateCacheTable()
        creator.verbosity = 0
        creator.create_table(DEFAULT_DB_ALIAS, TABLE, dry_run=False)
        try:
            results[f"database ({connection.vendor})"] = measure(DatabaseCache(TABLE, {}), big, ulang)
        finally:
            with connection.cursor() as cursor:
                cursor.execute(f"DROP TABLE {connection.ops.quote_name(TABLE)}")
        with tempfile.TemporaryDirectory() as folder:
            results["berkas"] = measure(FileBasedCache(folder, {}), big, ulang)
        results["memori proses"] = measure(LocMemCache("ukur-cache", {}), big, ulang)
        steps = list(next(iter(results.values())))
        besar = f"{len(big):,}".replace(",", ".")
        self.stdout.write(f"Median ms dari {ulang} ulangan; nilai besar {besar} bita, kecil 200 karakter")
        self.stdout.write(f"{'':22}" + "".join(f"{s:>15}" for s in steps))
        for name, row in results.items():
            self.stdout.write(f"{name:22}" + "".join(f"{row[s]:>15.2f}".replace(".", ",") for s in steps))
