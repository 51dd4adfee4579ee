"""`manage.py periksa` (findings in Indonesian, grouped, counted; exit 1 on galat) and
`manage.py bench_periksa` (the time of the whole kabupaten)."""

import io

import pytest
from django.core.management import CommandError, call_command

from kecamatan import models as m
from tests.checks.test_selectors import build_tahun
from tests.factories import PeriodeFactory, build_cascade

pytestmark = pytest.mark.django_db


def run(*args) -> tuple[str, int]:
    out = io.StringIO()
    try:
        call_command("periksa", *args, stdout=out)
    except SystemExit as exc:
        return out.getvalue(), exc.code
    return out.getvalue(), 0


def test_prints_findings_grouped_and_fails_on_galat():
    periode = PeriodeFactory()
    build_tahun(periode, n_sub=1)
    text, code = run("--kecamatan", periode.kecamatan.slug, "--tahun", "2024")
    assert code == 1
    lines = text.splitlines()
    assert lines[0].startswith(f"Kecamatan {periode.kecamatan.nama} 2024 (Renstra 2024-2026): ")
    assert "  Renstra 2024-2026: " in text and "    [indikator-tanpa-target] Indikator tanpa target pada tahun " \
                                                "periode Renstra: " in text
    assert "      - GALAT: " in text
    assert lines[-1].startswith("Jumlah: 1 kecamatan-tahun, ")
    assert m.HasilPeriksa.objects.filter(periode=periode, tahun=2024).exists()  # the dashboard sees it


def test_summary_only_one_document_and_a_clean_run_exits_zero():
    periode = PeriodeFactory()
    build_cascade(periode, n_sub=1)
    text, code = run("--kecamatan", periode.kecamatan.nama, "--tahun", "2025", "--dokumen", "lkj-2025", "--ringkas")
    assert code == 0
    assert text.splitlines() == [f"Kecamatan {periode.kecamatan.nama} 2025 (Renstra 2024-2026): 0 galat, 0 peringatan",
                                 "Jumlah: 1 kecamatan-tahun, 0 galat, 0 peringatan."]


def test_every_year_of_every_kecamatan_without_arguments():
    for _ in range(2):
        build_cascade(PeriodeFactory(), n_sub=1)
    text, _ = run("--ringkas")
    assert "Jumlah: 6 kecamatan-tahun" in text


def test_unknown_kecamatan_or_year():
    PeriodeFactory()
    with pytest.raises(CommandError, match="tidak dikenal: atlantis"):
        run("--kecamatan", "atlantis")
    with pytest.raises(CommandError, match="Tidak ada Renstra yang mencakup tahun itu"):
        run("--tahun", "2040")


def test_bench_reports_the_time_of_the_whole_kabupaten():
    for _ in range(2):
        build_cascade(PeriodeFactory(), n_sub=2)
    out = io.StringIO()
    call_command("bench_periksa", "--ulang", "1", stdout=out)
    text = out.getvalue()
    assert text.startswith("Pemeriksaan konsistensi Kabupaten Lumajang: 2 kecamatan, 6 kecamatan-tahun; waktu terbaik dari 1 kali")
    assert text.count("      40") == 6  # the same query count for every kecamatan-year
    assert "Seluruh kabupaten: 240 kueri, ambil " in text  # 6 × 40 and text.rstrip().endswith("ms")
