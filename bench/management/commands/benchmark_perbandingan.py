"""`python manage.py benchmark_perbandingan [--kabupaten lumajang|35.08] [--sintetis 50] [--ulang 7]`:
time the matrix and absorption pages of one kabupaten (the whole request: selector, builder,
template; and the selector alone, "data") beside the raw aggregate SQL that computes the same
figures, and print the ratios; first on the data as it is (Lumajang: 21 kecamatan), then, with
--sintetis N (also spelt --kabupaten-sintetis N), after adding N synthetic kabupaten of 21
kecamatan each (≥ 1.000 kecamatan for N ≥ 48), for that kabupaten and for one synthetic kabupaten.
--kabupaten may be left out where the installation holds one real kabupaten.

Meant for PostgreSQL (`bash scripts/benchmark.sh` starts a throwaway cluster); it refuses SQLite
unless --sqlite is given. It also checks that the raw SQL and the pages agree on every figure."""

from __future__ import annotations

import datetime
import statistics
import time
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kecamatan.core.formatting import format_number
from kecamatan.core.wilayah import KabupatenTidakJelas, kabupaten_dari
from kecamatan.demo.kabupaten import demo_kabupaten, kabupaten_sintetis
from kecamatan.models import (
    Aktivitas,
    Dokumen,
    Indikator,
    Kabupaten,
    Kecamatan,
    Kegiatan,
    Pagu,
    Peran,
    Periode,
    Profil,
    Program,
    Realisasi,
    RealisasiAnggaran,
    RenjaSubKegiatan,
    SubKegiatan,
    Target,
)
from kecamatan.perbandingan.data import Pilihan
from kecamatan.perbandingan.selectors import matriks_data, penyerapan_data
from kecamatan.perbandingan.tables.common import kolom_indikator
from kecamatan.perbandingan.tables.matriks import baris_matriks
from kecamatan.perbandingan.tables.penyerapan import baris_penyerapan

T = {m.__name__: m._meta.db_table for m in (Indikator, Periode, Kecamatan, Target, Realisasi, Pagu, SubKegiatan,
                                             Kegiatan, Program, RealisasiAnggaran, Aktivitas, RenjaSubKegiatan, Dokumen)}
ZERO = Decimal(0)

# Per kecamatan × IKU: target, the latest value reported up to the triwulan, capaian.
SQL_MATRIKS = f"""
SELECT k.id, i.id, t.nilai, r.nilai, r.nilai * 100 / NULLIF(t.nilai, 0)
FROM {T['Indikator']} i
JOIN {T['Periode']} p ON p.id = i.periode_id AND p.tahun_mulai <= %s AND p.tahun_selesai >= %s
JOIN {T['Kecamatan']} k ON k.id = p.kecamatan_id
LEFT JOIN {T['Target']} t ON t.indikator_id = i.id AND t.tahun = %s
LEFT JOIN {T['Realisasi']} r ON r.indikator_id = i.id AND r.tahun = %s AND r.triwulan = (
    SELECT MAX(r2.triwulan) FROM {T['Realisasi']} r2
    WHERE r2.indikator_id = i.id AND r2.tahun = %s AND r2.triwulan <= %s AND r2.nilai IS NOT NULL)
WHERE k.kabupaten_id = %s AND (i.tujuan_id IS NOT NULL OR i.sasaran_id IS NOT NULL OR i.iku)
"""

# Per kecamatan: Σ pagu of each sub-kegiatan's latest stage (a Renja itemised into aktivitas counts
# their sum as its renja stage; a prakiraan maju is no stage of its year), Σ realisasi anggaran up to
# the triwulan.
SQL_PENYERAPAN = f"""
WITH sub AS (
  SELECT s.id AS sid, k.id AS kid FROM {T['SubKegiatan']} s
  JOIN {T['Kegiatan']} g ON g.id = s.kegiatan_id JOIN {T['Program']} pr ON pr.id = g.program_id
  JOIN {T['Periode']} p ON p.id = pr.periode_id JOIN {T['Kecamatan']} k ON k.id = p.kecamatan_id
  WHERE k.kabupaten_id = %s AND p.tahun_mulai <= %s AND p.tahun_selesai >= %s
), stage AS (
  SELECT pg.subkegiatan_id AS sid, pg.jumlah,
    CASE pg.tahap WHEN 'perubahan' THEN 4 WHEN 'renja' THEN 3 WHEN 'rancangan' THEN 2 ELSE 1 END AS rank
  FROM {T['Pagu']} pg JOIN sub ON sub.sid = pg.subkegiatan_id WHERE pg.tahun = %s AND pg.tahap <> 'prakiraan'
  UNION ALL
  SELECT rs.subkegiatan_id, SUM(a.jumlah), 3 FROM {T['Aktivitas']} a
  JOIN {T['RenjaSubKegiatan']} rs ON rs.id = a.rincian_id JOIN {T['Dokumen']} d ON d.id = rs.dokumen_id
  JOIN sub ON sub.sid = rs.subkegiatan_id WHERE d.jenis = 'renja' AND d.tahun = %s GROUP BY rs.subkegiatan_id
), ranked AS (
  SELECT sid, jumlah, ROW_NUMBER() OVER (PARTITION BY sid ORDER BY rank DESC) AS rn FROM stage
), pagu AS (
  SELECT sub.kid, SUM(ranked.jumlah) AS pagu FROM ranked JOIN sub ON sub.sid = ranked.sid WHERE rn = 1
  GROUP BY sub.kid
), rp AS (
  SELECT sub.kid, SUM(ra.jumlah) AS rp FROM {T['RealisasiAnggaran']} ra JOIN sub ON sub.sid = ra.subkegiatan_id
  WHERE ra.tahun = %s AND ra.triwulan <= %s GROUP BY sub.kid
)
SELECT pagu.kid, pagu.pagu, COALESCE(rp.rp, 0), COALESCE(rp.rp, 0) * 100 / NULLIF(pagu.pagu, 0)
FROM pagu LEFT JOIN rp ON rp.kid = pagu.kid
"""


def _median_ms(fn, runs: int) -> float:
    fn()  # warm-up: connection, caches, query plans
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _raw(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


class Command(BaseCommand):
    help = "Ukur waktu halaman matriks dan penyerapan satu kabupaten dibanding SQL agregat mentah."

    def add_arguments(self, parser):
        parser.add_argument("--kabupaten", help="slug atau kode wilayah kabupaten yang diukur (boleh dikosongkan "
                                                "bila hanya ada satu kabupaten)")
        parser.add_argument("--sintetis", "--kabupaten-sintetis", dest="n_sintetis", type=int, default=0, metavar="N",
                            help="sesudah pengukuran pertama, tambah N kabupaten sintetis (21 kecamatan) lalu ukur lagi")
        parser.add_argument("--ulang", type=int, default=7, help="jumlah pengulangan (median)")
        parser.add_argument("--tahun", type=int, default=2025)
        parser.add_argument("--triwulan", type=int, default=4, choices=[1, 2, 3, 4])
        parser.add_argument("--sqlite", action="store_true", help="izinkan SQLite (angka tidak mewakili produksi)")

    def handle(self, *args, kabupaten: str | None, n_sintetis: int, ulang: int, tahun: int, triwulan: int,
               sqlite: bool, **opts):
        if connection.vendor != "postgresql" and not sqlite:
            raise CommandError("Benchmark ini untuk PostgreSQL: jalankan `bash scripts/benchmark.sh`, atau set "
                               "DATABASE_URL (tambahkan --sqlite untuk tetap memakai SQLite).")
        if not kabupaten and not Kabupaten.objects.exists():
            raise CommandError("Data demo belum dimuat: jalankan dulu `python manage.py muat_demo`.")
        try:
            kab = kabupaten_dari(kabupaten)
        except KabupatenTidakJelas as exc:
            raise CommandError(str(exc)) from None
        demo_kabupaten(kab)
        self._analyze()
        self.pilihan = Pilihan(tahun, triwulan, datetime.date(tahun + 1, 3, 1))
        self.client = Client()
        self.ulang = ulang
        self.stdout.write(f"Basis data: {connection.vendor} {self._version()}; median dari {ulang} kali; "
                          f"tahun {tahun} s.d. TW {triwulan}.")
        self._header()
        self._measure(kab)
        if n_sintetis:
            start = time.perf_counter()
            kabupaten_sintetis(n_sintetis, per_kabupaten=21)
            self._analyze()
            self.stdout.write(f"(+ {n_sintetis} kabupaten sintetis dibangun dalam {time.perf_counter() - start:.0f} "
                              "detik)")
            self._header()
            self._measure(kab)
            self._measure(Kabupaten.objects.filter(demo=True).order_by("slug")[n_sintetis // 2])

    def _analyze(self):
        """Fresh planner statistics after bulk loads, as autovacuum gives a live server."""
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")

    def _bappeda(self, kabupaten):
        """A verifikator of the kabupaten measured: Bappeda reads its own kabupaten only."""
        user, created = get_user_model().objects.get_or_create(username=f"benchmark.bappeda.{kabupaten.slug}")
        if created:
            Profil.objects.create(user=user, peran=Peran.VERIFIKATOR, kabupaten=kabupaten)
        return user

    def _version(self) -> str:
        return ".".join(str(x) for x in divmod(connection.pg_version, 10000)) if connection.vendor == "postgresql" \
            else ""

    def _header(self):
        n_kab, n_kec = Kabupaten.objects.count(), Kecamatan.objects.filter(periode__isnull=False).distinct().count()
        rows = Realisasi.objects.count() + RealisasiAnggaran.objects.count() + Pagu.objects.count()
        self.stdout.write("")
        self.stdout.write(f"Isi basis data: {n_kab} kabupaten, {n_kec} kecamatan dengan Renstra, "
                          f"{format_number(rows, 0)} baris realisasi, realisasi anggaran dan pagu")
        self.stdout.write(f"{'kabupaten':<16}{'halaman':<12}{'kec.':>5}{'query':>7}{'halaman ms':>12}{'data ms':>10}"
                          f"{'SQL ms':>9}{'hlm/SQL':>9}{'data/SQL':>10}  angka sama")

    def _measure(self, kabupaten):
        p, kab_id = self.pilihan, kabupaten.pk
        self.client.force_login(self._bappeda(kabupaten))
        n_kec = Periode.objects.filter(kecamatan__kabupaten=kabupaten).count()
        for halaman, url_name, selector, sql, params in (
            ("matriks", "kecamatan:perbandingan", matriks_data, SQL_MATRIKS,
             [p.tahun, p.tahun, p.tahun, p.tahun, p.tahun, p.triwulan, kab_id]),
            ("penyerapan", "kecamatan:perbandingan_penyerapan", penyerapan_data, SQL_PENYERAPAN,
             [kab_id, p.tahun, p.tahun, p.tahun, p.tahun, p.tahun, p.triwulan]),
        ):
            url = f"{reverse(url_name)}?kabupaten={kabupaten.slug}&tahun={p.tahun}&triwulan={p.triwulan}"

            def page(url=url):
                response = self.client.get(url)
                assert response.status_code == 200, response.status_code

            with CaptureQueriesContext(connection) as queries:
                page()
            n_queries = len(queries)  # now: the next request clears the log
            page_ms = _median_ms(page, self.ulang)
            data_ms = _median_ms(lambda selector=selector: selector(kabupaten, p), self.ulang)
            raw_ms = _median_ms(lambda sql=sql, params=params: _raw(sql, params), self.ulang)
            agree = self._agree(halaman, kabupaten, _raw(sql, params))
            self.stdout.write(f"{kabupaten.nama:<16}{halaman:<12}{n_kec:>5}{n_queries:>7}{page_ms:>12.1f}"
                              f"{data_ms:>10.1f}{raw_ms:>9.1f}{page_ms / raw_ms:>9.1f}{data_ms / raw_ms:>10.1f}  {agree}")

    def _agree(self, halaman: str, kabupaten, rows: list[tuple]) -> str:
        """Compare the raw SQL's figures with the page's, cell by cell (IKU of level satuan)."""
        if halaman == "matriks":
            data = matriks_data(kabupaten, self.pilihan)
            kolom, _ = kolom_indikator(data)
            page = {(r.kecamatan.id, s.indikator.id): s.capaian for r in baris_matriks(data, kolom) for s in r.sel if s}
            raw = {(k, i): (None if c is None else Decimal(str(c))) for k, i, _, _, c in rows}
        else:
            page = {r.kecamatan.id: (r.pagu, r.realisasi) for r in baris_penyerapan(penyerapan_data(kabupaten,
                                                                                                    self.pilihan))
                    if r.kecamatan.periode_id}
            raw = {k: (Decimal(str(pg)), Decimal(str(rp))) for k, pg, rp, _ in rows}
            raw = {k: raw.get(k, (ZERO, ZERO)) for k in page}  # no pagu at all: the page shows 0
        keys = set(page) & set(raw)
        same = sum(1 for key in keys if _close(page[key], raw[key]))
        return f"{same}/{len(page)}"


def _close(a, b) -> bool:
    if isinstance(a, tuple):
        return all(_close(x, y) for x, y in zip(a, b))
    if a is None or b is None:
        return a is None and b is None
    return abs(Decimal(a) - Decimal(b)) < Decimal("0.0001")
