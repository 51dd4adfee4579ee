"""`manage.py bench_tc27`: times of T-C.27 beside the raw-SQL lower bound."""

import io
import re

import pytest
from django.core.management import call_command

from tests.factories import PeriodeFactory, build_cascade

pytestmark = pytest.mark.django_db


def test_bench_tc27_prints_times_beside_the_raw_sql_bound():
    periode = PeriodeFactory()
    build_cascade(periode, n_sub=3)
    out = io.StringIO()
    call_command("bench_tc27", "--kecamatan", periode.kecamatan.slug, "--periode", "2024-2026", "--ulang", "1",
                 stdout=out)
    text = out.getvalue()
    assert "3 sub kegiatan" in text
    # the lower bound reads the same rows: periode, program, kegiatan, 3 sub, 5 indikator, 9 target, 9 pagu
    assert "SQL mentah (11 kueri, 29 baris)" in text
    for step in ("SQL mentah", "selector ORM (11 kueri)", "render PDF (WeasyPrint)", "PDF: ambil + bangun + render",
                 "PDF lewat cache, pertama (tidak kena)", "PDF lewat cache, berikutnya (kena)"):
        assert step in text, step
    assert text.count("×") >= 11


def test_benchmark_perbandingan_agrees_with_the_raw_sql_cell_by_cell(demo):
    """The raw aggregate SQL is the benchmark's yardstick and a second computation of the same
    figures: every matrix cell and every kecamatan's pagu and realisasi must agree with the page's
    (Senduro's Renja 2024 is itemised into aktivitas; Jatiroto has no pagu for 2025)."""
    for tahun in ("2024", "2025"):
        out = io.StringIO()
        call_command("benchmark_perbandingan", "--sqlite", "--ulang", "1", "--tahun", tahun, stdout=out)
        rows = [line.split() for line in out.getvalue().splitlines() if line.startswith("Lumajang ")]
        assert [r[1] for r in rows] == ["matriks", "penyerapan"]
        for r in rows:
            same, total = map(int, r[-1].split("/"))
            assert total >= 20 and same == total, (tahun, r)


def test_ukur_cache_times_the_database_cache_beside_the_file_and_memory_caches():
    out = io.StringIO()
    call_command("ukur_cache", "--ulang", "2", "--mb", "0.1", stdout=out)
    lines = out.getvalue().splitlines()
    assert "nilai besar 104.857 bita" in lines[0]
    assert lines[1].split() == ["set", "besar", "get", "besar", "set", "kecil", "get", "kecil", "get", "tidak", "ada"]
    assert [line.split()[0] for line in lines[2:]] == ["database", "berkas", "memori"]
    for line in lines[2:]:  # five medians in ms, "0,84"
        assert all(re.fullmatch(r"\d+,\d\d", cell) for cell in line.split()[-5:]), line
