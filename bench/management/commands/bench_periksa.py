"""`python manage.py bench_periksa [--kabupaten lumajang|35.08] [--ulang 3]`: how long the consistency
check of the whole kabupaten (left out: the installation's only real kabupaten) takes — every
kecamatan-year of every Renstra — split into fetching the snapshot (a fixed number of
queries per kecamatan-year) and running the checks (pure), with the query count. The best of
`--ulang` runs counts (the least disturbed by other work on the machine). Nothing is stored."""

from __future__ import annotations

import time
from decimal import Decimal

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kecamatan.checks.run import jalankan
from kecamatan.checks.selectors import periksa_data
from kecamatan.core.formatting import format_number
from kecamatan.core.wilayah import KabupatenTidakJelas, kabupaten_dari
from kecamatan.models import Periode


def _ms(seconds: float) -> str:
    return format_number(Decimal(f"{seconds * 1000:.1f}"), 1) + " ms"


class Command(BaseCommand):
    help = "Ukur waktu pemeriksaan konsistensi seluruh kabupaten (semua kecamatan dan tahun)."

    def add_arguments(self, parser):
        parser.add_argument("--kabupaten", help="slug atau kode wilayah kabupaten (boleh dikosongkan bila hanya ada "
                                                "satu kabupaten)")
        parser.add_argument("--ulang", type=int, default=3, help="jumlah ulangan (waktu terbaik dipakai)")

    def handle(self, *args, kabupaten, ulang, **options):
        try:
            kab = kabupaten_dari(kabupaten)
        except KabupatenTidakJelas as exc:
            raise CommandError(str(exc)) from None
        periodes = Periode.objects.filter(kecamatan__kabupaten=kab).select_related("kecamatan")
        runs = [(p, t) for p in periodes.order_by("kecamatan__nama", "tahun_mulai") for t in p.tahun_list]
        if not runs:
            raise CommandError(f"Belum ada Renstra di Kabupaten {kab.nama} (jalankan muat_demo?).")
        best: dict[tuple[int, int], tuple[float, float]] = {}
        counts: dict[tuple[int, int], tuple[int, int, int]] = {}
        for _ in range(max(1, ulang)):
            for periode, tahun in runs:
                with CaptureQueriesContext(connection) as queries:
                    start = time.perf_counter()
                    data = periksa_data(periode.pk, tahun)
                    fetched = time.perf_counter()
                hasil = jalankan(data)
                done = time.perf_counter()
                key = (periode.pk, tahun)
                t_fetch, t_check = fetched - start, done - fetched
                if key not in best or t_fetch + t_check < sum(best[key]):
                    best[key] = (t_fetch, t_check)
                counts[key] = (len(queries), hasil.galat, hasil.peringatan)
        kecamatan = {p.kecamatan_id for p, _ in runs}
        self.stdout.write(f"Pemeriksaan konsistensi Kabupaten {kab.nama}: {len(kecamatan)} kecamatan, "
                          f"{len(runs)} kecamatan-tahun; "
                          f"waktu terbaik dari {max(1, ulang)} kali")
        self.stdout.write(f"{'kecamatan-tahun':<28}{'kueri':>7}{'ambil':>12}{'periksa':>12}{'galat':>8}"
                          f"{'peringatan':>12}")
        for periode, tahun in runs:
            key = (periode.pk, tahun)
            n, galat, peringatan = counts[key]
            t_fetch, t_check = best[key]
            self.stdout.write(f"{periode.kecamatan.nama + ' ' + str(tahun):<28}{n:>7}{_ms(t_fetch):>12}"
                              f"{_ms(t_check):>12}{galat:>8}{peringatan:>12}")
        total_fetch = sum(f for f, _ in best.values())
        total_check = sum(c for _, c in best.values())
        total_queries = sum(n for n, _, _ in counts.values())
        self.stdout.write(f"Seluruh kabupaten: {total_queries} kueri, ambil {_ms(total_fetch)}, periksa "
                          f"{_ms(total_check)}, jumlah {_ms(total_fetch + total_check)}")
