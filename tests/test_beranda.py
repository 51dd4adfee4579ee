"""The dashboard says, per role, what to do next."""

import datetime
import re
from decimal import Decimal as D

import pytest
from django.urls import reverse

from kecamatan.beranda import selectors as beranda_selectors
from kecamatan.beranda.tenggat import tenggat_kecamatan
from kecamatan.models import Dokumen, Indikator, Peran, Periode, Realisasi
from kecamatan.perbandingan.data import Pilihan
from kecamatan.perbandingan.selectors import kelengkapan_data
from kecamatan.perbandingan.tables.kelengkapan import build_kelengkapan
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
        "Realisasi 2024 TW I sudah lengkap: beri tahu Camat, karena hanya Camat yang dapat mengajukannya ke Bappeda.",
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
    assert dasbor.tugas[0].teks == "Renja 2024 dikembalikan Bappeda: perbaiki sesuai catatan, simpan, lalu ajukan lagi."
    assert dasbor.tugas[0].catatan == "Pagu Renja belum sesuai DPA"
    assert "Realisasi 2024 TW I sudah lengkap: ajukan ke Bappeda." in texts(dasbor)


def test_operator_is_told_what_the_operator_does_and_what_the_camat_does(periode):
    """The operator has no Ajukan button: the dashboard never tells them to submit."""
    for i in Indikator.objects.filter(periode=periode):
        Realisasi.objects.create(indikator=i, tahun=2024, triwulan=1, nilai=D(1))
    Dokumen.objects.create(periode=periode, jenis="renja", tahun=2024, status="dikembalikan")
    Dokumen.objects.create(periode=periode, jenis="realisasi", tahun=2024, triwulan=2, status="dikembalikan")
    lines = texts(beranda_selectors.dasbor(Periode.objects.all(), peran=Peran.OPERATOR, today=TODAY))
    assert "Renja 2024 dikembalikan Bappeda: perbaiki sesuai catatan lalu simpan; sesudah itu Camat mengajukannya lagi." in lines
    assert ("Realisasi 2024 TW II dikembalikan Bappeda: perbaiki sesuai catatan lalu simpan; sesudah itu Camat "
            "mengajukannya lagi.") in lines
    assert "Realisasi 2024 TW I sudah lengkap: beri tahu Camat, karena hanya Camat yang dapat mengajukannya ke Bappeda." in lines
    assert not [t for t in lines if "ajukan lagi" in t or ": ajukan" in t]


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
    # counts (issue 11) (+1 for the notes of returned documents, skipped when none is returned) and
    # the work list's five longest waiting with their count (issue 19); the kabupaten comes with the
    # profil (issue 21)
    with django_assert_num_queries(9):
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


# deadlines (issue 19): what the completeness page calls late, the kecamatan sees on its dashboard

DEADLINE_DAY = datetime.date(2024, 9, 20)


def test_deadlines_not_submitted_are_listed_with_the_days_late(periode, django_assert_num_queries):
    kabupaten = periode.kecamatan.kabupaten
    kabupaten.tenggat_realisasi_hari = 30  # the kabupaten's own rule: TW I due 30 April, TW III 30 Oktober
    kabupaten.save()
    tw2 = Dokumen.objects.create(periode=periode, jenis="realisasi", tahun=2024, triwulan=2, status="dikembalikan")
    tw2.riwayat.create(aksi="ajukan")  # submitted on time (then returned): nothing is due any more
    tw2.riwayat.update(waktu=datetime.datetime(2024, 7, 20, 9, tzinfo=datetime.UTC))
    with django_assert_num_queries(2):
        tenggat = tenggat_kecamatan(Periode.objects.all(), today=DEADLINE_DAY)
    assert [(t.kunci, t.batas, t.hari_terlambat, t.sisa_hari) for t in tenggat] == [
        ("realisasi-2024-3", datetime.date(2024, 10, 30), None, 40),  # near: shown before it passes
        ("renja-2025", datetime.date(2024, 6, 30), 82, -82),  # the latest missed first
        ("realisasi-2024-1", datetime.date(2024, 4, 30), 143, -143),
        ("renja-2024", datetime.date(2023, 6, 30), 448, -448),
    ]  # TW IV, Renja 2026 and LKj 2024 are more than 45 days away
    assert tenggat[1].url == reverse("kecamatan:dokumen", args=(periode.pk, "renja-2025"))
    assert tenggat[2].url == reverse("kecamatan:realisasi", args=(periode.pk, 2024, 1))
    # the completeness page says the same of the same documents
    report = build_kelengkapan(kelengkapan_data(kabupaten, Pilihan(tahun=2024, triwulan=3, hari_ini=DEADLINE_DAY)))
    row = next(r for r in report.rows if r.kind == "kecamatan")
    assert "TERLAMBAT 143 hari" in row.cells["realisasi-2024-1"]
    assert "TERLAMBAT" not in row.cells["realisasi-2024-2"] and "TERLAMBAT" not in row.cells["realisasi-2024-3"]


def test_operator_and_camat_see_the_deadlines_bappeda_does_not(client, periode):
    for username, peran in (("op", Peran.OPERATOR), ("camat", Peran.CAMAT)):
        client.force_login(user_with_role(username, peran, periode.kecamatan))
        html = client.get(reverse("kecamatan:beranda")).content.decode()
        assert 'id="tenggat"' in html and "Tenggat pengajuan ke Bappeda" in html
        assert re.search(r'<strong class="text-danger">terlambat \d+ hari</strong>', html)  # the period is past
    client.force_login(user_with_role("bappeda", Peran.VERIFIKATOR))
    assert 'id="tenggat"' not in client.get(reverse("kecamatan:beranda")).content.decode()
