"""The dashboard says, per role, what to do next."""

import datetime
from decimal import Decimal as D

import pytest
from django.urls import reverse

from kecamatan.beranda import selectors as beranda_selectors
from kecamatan.models import Dokumen, Indikator, Peran, Periode, Realisasi
from tests.factories import KecamatanFactory, PeriodeFactory, build_cascade, user_with_role

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2024, 8, 20)  # TW III of 2024


@pytest.fixture
def periode():
    periode = PeriodeFactory()
    build_cascade(periode, n_sub=10)  # 12 indicators
    return periode


def texts(dasbor):
    return [t.teks for t in dasbor.tugas]


def test_operator_sees_unfilled_triwulan_with_counts(periode):
    ind = list(Indikator.objects.filter(periode=periode))
    for i in ind:
        Realisasi.objects.create(indikator=i, tahun=2024, triwulan=1, nilai=D(1))
    for i in ind[:2]:
        Realisasi.objects.create(indikator=i, tahun=2024, triwulan=2, nilai=D(1))
    dasbor = beranda_selectors.dasbor(Periode.objects.all(), peran=Peran.OPERATOR, today=TODAY)
    assert texts(dasbor) == [
        "Realisasi TW II 2024 belum diisi: 10 indikator",
        "Realisasi TW III 2024 belum diisi: 12 indikator",
        "Realisasi 2024 TW I sudah lengkap: menunggu diajukan Camat.",
    ]
    years = dict(dasbor.periode[0].triwulan)
    assert [c.belum_diisi for c in years[2024]] == [0, 10, 12]  # nothing after today's triwulan
    assert 2025 not in years


def test_camat_is_told_to_submit_and_to_fix_returns(periode):
    for i in Indikator.objects.filter(periode=periode):
        Realisasi.objects.create(indikator=i, tahun=2024, triwulan=1, nilai=D(1))
    doc = Dokumen.objects.create(periode=periode, jenis="renja", tahun=2024, status="dikembalikan")
    doc.riwayat.create(aksi="kembalikan", catatan="Pagu Renja belum sesuai DPA")
    dasbor = beranda_selectors.dasbor(Periode.objects.all(), peran=Peran.CAMAT, today=TODAY)
    assert dasbor.tugas[0].teks == "Renja 2024 dikembalikan Bappeda: perbaiki lalu ajukan lagi."
    assert dasbor.tugas[0].catatan == "Pagu Renja belum sesuai DPA"
    assert "Realisasi 2024 TW I sudah lengkap: ajukan ke Bappeda." in texts(dasbor)


def test_bappeda_sees_what_waits_for_verification(periode):
    Dokumen.objects.create(periode=periode, jenis="realisasi", tahun=2024, triwulan=1, status="diajukan")
    dasbor = beranda_selectors.dasbor(Periode.objects.all(), peran=Peran.VERIFIKATOR, today=TODAY)
    # one line leading to the work list (tests/test_antrian.py), not one per document
    assert texts(dasbor) == ["1 dokumen menunggu verifikasi: buka daftar kerja (yang terlama di atas)."]
    assert dasbor.tugas[0].url == reverse("kecamatan:antrian")


@pytest.mark.parametrize("n_periode", [1, 5])
def test_dashboard_query_count_is_fixed(client, django_assert_num_queries, n_periode):
    for _ in range(n_periode):
        build_cascade(PeriodeFactory(), n_sub=2)
    client.force_login(user_with_role("bappeda", Peran.VERIFIKATOR))
    # session, user, profil, periods, indicator counts, realisasi counts, documents, stored consistency
    # counts (issue 11) (+1 for the notes of returned documents, skipped when none is returned), the
    # kabupaten and the work list's five longest waiting with their count (issue 19)
    with django_assert_num_queries(10):
        response = client.get(reverse("kecamatan:beranda"))
    assert response.content.decode().count('class="card mb-3 periode"') == n_periode


def test_pages_per_role(client, periode):
    client.force_login(user_with_role("op", Peran.OPERATOR, periode.kecamatan))
    html = client.get(reverse("kecamatan:beranda")).content.decode()
    assert "Yang perlu dikerjakan" in html and "belum diisi: 12 indikator" in html
    KecamatanFactory(nama="Tanpa")
    client.force_login(user_with_role("adm", Peran.ADMIN))
    html = client.get(reverse("kecamatan:beranda")).content.decode()
    assert "Admin kabupaten" in html
    assert "Belum mempunyai Renstra: 1 kecamatan (Tanpa)" in html
