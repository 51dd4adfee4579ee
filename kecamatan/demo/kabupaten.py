"""Demo data for a whole kabupaten: every kecamatan without a Renstra gets a plausible, generated
one (`manage.py demo_kabupaten`), so the Bappeda comparison has something to compare.

What each generated kecamatan gets, deterministic for a seed and an "as of" date:
- a Renstra 2024-2026 marked `Periode.demo`: Randuagung's tujuan, sasaran and IKU with the same
  wording (so they match across kecamatan), all six programs of the catalog with Randuagung's
  program and kegiatan indicators, most kegiatan and a random subset of their sub-kegiatan with
  the catalog's indicator and satuan; targets per year; pagu per sub-kegiatan for the Renstra,
  Renja and (for past years) Perubahan stages;
- for every triwulan that has ended by the "as of" date: realisasi per indicator and realisasi
  anggaran per sub-kegiatan, and the Realisasi document with its timeline (entered, submitted,
  returned, verified) dated around the deadline (`perbandingan.tenggat`); Renja and LKj documents;
- in each Renja document (one a year) what the office enters, so T-C.33 and the checker see a full
  Renja: every sub-kegiatan planned for the year (lokasi, sumber dana DAU) with its dana (its Pagu
  of tahap renja, no aktivitas) and prakiraan maju n+1 (Pagu prakiraan), and the Renja targets of
  every indicator for n and, as prakiraan maju, n+1, taken over from the Renstra.
Kecamatan differ by a profile: tertib (on time, absorbs 90-99%), lambat (submits late, some
triwulan not yet submitted), lemah (entries missing, drafts left, absorbs 40-70%).

Real data always wins: a kecamatan that has any Renstra period (real or generated) is skipped,
so running it again creates nothing. Everything is written with bulk_create, level by level for
a batch of kecamatan at a time (fast enough for a thousand kecamatan). Bulk writes keep no audit
history (django-simple-history) and name no user: the timelines say "data demo".

The steps, one module each: `kabupaten_template` (Randuagung's wording, the catalog),
`kabupaten_plan` (one kecamatan's plan), `kabupaten_timeline` (its documents' history and
realisasi), `kabupaten_write` (the bulk writes).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db import connection, transaction

from kecamatan.demo.kabupaten_plan import plan_kecamatan
from kecamatan.demo.kabupaten_template import load_katalog, load_template
from kecamatan.demo.kabupaten_write import HasilDemo, write_plans
from kecamatan.models import (
    Dokumen,
    Indikator,
    Kabupaten,
    Kecamatan,
    Kegiatan,
    Pagu,
    Periode,
    Program,
    Realisasi,
    RealisasiAnggaran,
    RenjaSubKegiatan,
    Riwayat,
    SubKegiatan,
    Target,
    TargetRenja,
)

DEMO_SAMPAI = datetime.date(2026, 11, 15)  # the generated history ends here: deterministic, whatever today is
BATCH = 50  # kecamatan per round of bulk inserts


def bangun_demo(kecamatan: Iterable[Kecamatan], *, seed: int = 1, sampai: datetime.date = DEMO_SAMPAI,
                hasil: HasilDemo | None = None) -> HasilDemo:
    """Generate a Renstra with its history for each kecamatan given that has no Renstra yet."""
    hasil = hasil or HasilDemo()
    kecamatan = list(kecamatan)
    taken = set(Periode.objects.filter(kecamatan__in=kecamatan).values_list("kecamatan_id", flat=True))
    todo = [k for k in kecamatan if k.pk not in taken]
    if not todo:
        return hasil
    template = load_template()
    katalog = load_katalog()
    for start in range(0, len(todo), BATCH):
        batch = todo[start:start + BATCH]
        plans = [plan_kecamatan(k, template, katalog, seed, sampai) for k in batch]
        with transaction.atomic():
            write_plans(plans, template, sampai, hasil)
        hasil.kecamatan.extend(k.nama for k in batch)
    refresh_planner_statistics()
    return hasil


def refresh_planner_statistics() -> None:
    """After a bulk load, let PostgreSQL's planner see the new row counts (ANALYZE). Without it a
    fresh database (a new installation, the test database) still believes the tables are empty and
    plans the comparison's aggregate joins as nested loops: minutes instead of milliseconds.
    ANALYZE may run inside a transaction and then sees the rows written in it."""
    if connection.vendor != "postgresql":
        return
    tables = [m._meta.db_table for m in (Periode, Program, Kegiatan, SubKegiatan, Indikator, Target, Pagu,
                                        Dokumen, Realisasi, RealisasiAnggaran, Riwayat, RenjaSubKegiatan,
                                        TargetRenja)]
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f'ANALYZE "{table}"')


def demo_kabupaten(kabupaten: Kabupaten, *, seed: int = 1, sampai: datetime.date = DEMO_SAMPAI) -> HasilDemo:
    """Every kecamatan of the kabupaten without a Renstra gets a generated one."""
    return bangun_demo(Kecamatan.objects.filter(kabupaten=kabupaten).select_related("kabupaten").order_by("nama"),
                       seed=seed, sampai=sampai)


def kabupaten_sintetis(n: int, *, per_kabupaten: int = 21, seed: int = 1, sampai: datetime.date = DEMO_SAMPAI,
                       mulai: int = 1) -> HasilDemo:
    """N synthetic kabupaten (`sintetis-001` …) of `per_kabupaten` kecamatan each, all generated:
    data sets for benchmarks and query-count tests. Idempotent like the rest."""
    hasil = HasilDemo()
    for i in range(mulai, mulai + n):
        kab, created = Kabupaten.objects.get_or_create(
            slug=f"sintetis-{i:03d}", defaults={"nama": f"Sintetis {i:03d}", "provinsi": "Provinsi Uji", "demo": True}
        )
        hasil.add("kabupaten", int(created))
        existing = set(Kecamatan.objects.filter(kabupaten=kab).values_list("slug", flat=True))
        new = [Kecamatan(kabupaten=kab, nama=f"Sintetis {i:03d}-{j:03d}", slug=f"sintetis-{i:03d}-{j:03d}")
               for j in range(1, per_kabupaten + 1) if f"sintetis-{i:03d}-{j:03d}" not in existing]
        Kecamatan.objects.bulk_create(new)
        hasil.add("kecamatan", len(new))
        bangun_demo(Kecamatan.objects.filter(kabupaten=kab).select_related("kabupaten").order_by("nama"), seed=seed,
                    sampai=sampai, hasil=hasil)
    return hasil
