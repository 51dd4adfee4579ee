"""Bappeda's work list (issue 19): the document waiting longest on top, with its submission date and
waiting time, filters, search and pages, only the kabupaten's documents, in a fixed number of queries."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from kecamatan.beranda import antrian
from kecamatan.models import Dokumen, Kabupaten, Peran, Riwayat
from tests.factories import KabupatenFactory, KecamatanFactory, PeriodeFactory, user_with_role

pytestmark = pytest.mark.django_db

NOW = timezone.now()
TODAY = timezone.localdate(NOW)


def submitted(periode, jenis, tahun=None, tw=None, *, days_ago=0, status=Dokumen.Status.DIAJUKAN) -> Dokumen:
    """A document submitted `days_ago` days ago (and, for another status, acted upon since)."""
    d = Dokumen.objects.create(periode=periode, jenis=jenis, tahun=tahun, triwulan=tw, status=status)
    r = Riwayat.objects.create(dokumen=d, aksi=Riwayat.Aksi.AJUKAN, dari_status="draft", ke_status="diajukan")
    Riwayat.objects.filter(pk=r.pk).update(waktu=NOW - datetime.timedelta(days=days_ago))
    if status == Dokumen.Status.DIKEMBALIKAN:
        r = Riwayat.objects.create(dokumen=d, aksi=Riwayat.Aksi.KEMBALIKAN, dari_status="diajukan",
                                   ke_status="dikembalikan", catatan="Perbaiki")
        Riwayat.objects.filter(pk=r.pk).update(waktu=NOW - datetime.timedelta(days=max(days_ago - 1, 0)))
    return d


def kab() -> Kabupaten:
    return KabupatenFactory()


def rows(saringan=None, **kw):
    return antrian.antrian(kab(), saringan or antrian.Saringan(), today=TODAY, **kw)


def titles(halaman):
    return [f"{b.judul} {b.kecamatan}" for b in halaman.baris]


@pytest.fixture
def tiga():
    """Three kecamatan, documents submitted 1, 9 and 20 days ago, one returned, one never submitted."""
    a = PeriodeFactory(kecamatan=KecamatanFactory(nama="Arjasa"))
    b = PeriodeFactory(kecamatan=KecamatanFactory(nama="Besuk"))
    c = PeriodeFactory(kecamatan=KecamatanFactory(nama="Candipuro"))
    submitted(a, "realisasi", 2025, 2, days_ago=1)
    submitted(b, "renja", 2025, days_ago=9)
    submitted(c, "realisasi", 2024, 4, days_ago=20)
    submitted(c, "lkj", 2024, days_ago=30, status=Dokumen.Status.DIKEMBALIKAN)
    Dokumen.objects.create(periode=a, jenis="renja", tahun=2024)  # a draft never submitted: not Bappeda's work
    return a, b, c


def test_waiting_longest_first_with_date_and_waiting_time(tiga):
    halaman = rows()
    assert titles(halaman) == ["Realisasi 2024 TW IV Candipuro", "Renja 2025 Besuk", "Realisasi 2025 TW II Arjasa"]
    assert [b.menunggu for b in halaman.baris] == ["menunggu 20 hari", "menunggu 9 hari", "menunggu 1 hari"]
    assert timezone.localtime(halaman.baris[0].diajukan).date() == TODAY - datetime.timedelta(days=20)
    assert halaman.jumlah == 3


def test_the_latest_submission_counts_after_a_return(tiga):
    _, _, c = tiga
    lkj = Dokumen.objects.get(periode=c, jenis="lkj")
    lkj.status = Dokumen.Status.DIAJUKAN
    lkj.save()
    Riwayat.objects.create(dokumen=lkj, aksi=Riwayat.Aksi.AJUKAN, dari_status="draft", ke_status="diajukan")
    halaman = rows()
    assert titles(halaman)[-1] == "LKj 2024 Candipuro"  # submitted again today: the newest, not 30 days old
    assert halaman.baris[-1].menunggu == "diajukan hari ini"


def test_each_filter(tiga):
    _, _, c = tiga
    S = antrian.Saringan
    assert titles(rows(S(status="dikembalikan"))) == ["LKj 2024 Candipuro"]
    returned = rows(S(status="dikembalikan")).baris[0]
    assert returned.menunggu == "" and timezone.localtime(returned.sejak).date() == TODAY - datetime.timedelta(days=29)
    assert len(rows(S(status=antrian.SEMUA)).baris) == 4
    assert titles(rows(S(kecamatan=c.kecamatan_id))) == ["Realisasi 2024 TW IV Candipuro"]
    assert titles(rows(S(jenis="renja"))) == ["Renja 2025 Besuk"]
    assert titles(rows(S(tahun=2025))) == ["Renja 2025 Besuk", "Realisasi 2025 TW II Arjasa"]
    assert titles(rows(S(status=antrian.SEMUA, tahun=2024, jenis="lkj"))) == ["LKj 2024 Candipuro"]


@pytest.mark.sqlite  # the search text is built in SQL (Concat, Cast, Case): run.sh's SQLite too
def test_search_matches_kecamatan_kind_year_and_triwulan(tiga):
    S = antrian.Saringan
    assert titles(rows(S(q="besuk"))) == ["Renja 2025 Besuk"]
    assert titles(rows(S(q="realisasi 2025"))) == ["Realisasi 2025 TW II Arjasa"]
    assert titles(rows(S(q="TW IV candi"))) == ["Realisasi 2024 TW IV Candipuro"]
    assert titles(rows(S(q="Sumbersuko"))) == []


def test_a_renstra_document_belongs_to_every_year_of_its_period():
    p = PeriodeFactory(kecamatan=KecamatanFactory(nama="Pasirian"))
    submitted(p, "renstra", days_ago=3)
    assert titles(rows(antrian.Saringan(tahun=2025))) == ["Renstra 2024-2026 Pasirian"]
    assert titles(rows(antrian.Saringan(tahun=2027))) == []
    assert titles(rows(antrian.Saringan(q="renstra 2024-2026"))) == ["Renstra 2024-2026 Pasirian"]


def test_only_the_kabupaten_of_the_installation(tiga):
    lain = KecamatanFactory(nama="Dringu", kabupaten=KabupatenFactory(nama="Probolinggo", slug="probolinggo"))
    submitted(PeriodeFactory(kecamatan=lain), "renja", 2024, days_ago=50)
    assert "Renja 2024 Dringu" not in titles(rows())
    assert [n for _, n in antrian.pilihan(kab()).kecamatan] == ["Arjasa", "Besuk", "Candipuro"]


def test_pages_of_25_and_a_url_per_row_without_reversing_each():
    periodes = [PeriodeFactory() for _ in range(3)]
    for i, p in enumerate(periodes):
        for tahun in (2024, 2025, 2026):
            for tw in (1, 2, 3, 4):
                submitted(p, "realisasi", tahun, tw, days_ago=100 - i * 12 - (tahun - 2024) * 4 - tw)
    first, last = rows(), rows(halaman=2)
    assert (first.jumlah, len(first.baris), len(last.baris)) == (36, 25, 11)
    assert first.baris[0].menunggu == "menunggu 99 hari" and last.baris[-1].menunggu == "menunggu 64 hari"
    assert rows(halaman="x").page.number == 1 and rows(halaman=99).page.number == 2
    p = periodes[0]
    assert first.baris[0].url == reverse("kecamatan:dokumen", args=[p.pk, "realisasi-2024-1"])


@pytest.fixture
def bappeda(client):
    client.force_login(user_with_role("bappeda", Peran.VERIFIKATOR, kabupaten=kab()))  # Lumajang's
    return client


def test_the_page_filters_searches_and_links(bappeda, tiga):
    a = tiga[0]
    html = bappeda.get(reverse("kecamatan:antrian")).content.decode()
    assert "3 dokumen</strong> · menunggu verifikasi" in html
    assert html.index("Realisasi 2024 TW IV") < html.index("Renja 2025") < html.index("Realisasi 2025 TW II")
    assert "menunggu 20 hari" in html
    html = bappeda.get(reverse("kecamatan:antrian"), {"q": "arjasa", "jenis": "realisasi"}).content.decode()
    assert "1 dokumen</strong>" in html and "Realisasi 2025 TW II" in html
    assert f'href="{reverse("kecamatan:dokumen", args=[a.pk, "realisasi-2025-2"])}"' in html
    html = bappeda.get(reverse("kecamatan:antrian"), {"kecamatan": "abc", "status": "dikembalikan"}).content.decode()
    assert "saringan ini diabaikan" in html and "LKj 2024" in html and "dikembalikan ke kecamatan" in html


def test_the_page_keeps_the_filters_across_pages(bappeda):
    p = PeriodeFactory(kecamatan=KecamatanFactory(nama="Klakah"))
    for tahun in (2024, 2025, 2026):
        for tw in (1, 2, 3, 4):
            submitted(p, "realisasi", tahun, tw, days_ago=40 - (tahun - 2024) * 4 - tw)
    html = bappeda.get(reverse("kecamatan:antrian"), {"q": "klakah"}).content.decode()
    assert "halaman" not in html.split('id="jumlah-antrian"')[1].split("</p>")[0]  # 12 rows: one page
    for i in range(20):
        submitted(PeriodeFactory(), "renja", 2024, days_ago=i)
    html = bappeda.get(reverse("kecamatan:antrian"), {"status": "diajukan"}).content.decode()
    assert "halaman 1 dari 2" in html and "?status=diajukan&amp;halaman=2" in html


@pytest.mark.parametrize("n_periode", [1, 15])
def test_query_count_does_not_grow_with_the_documents(bappeda, django_assert_max_num_queries, n_periode):
    for i in range(n_periode):
        p = PeriodeFactory()
        for tahun in (2024, 2025):
            submitted(p, "renja", tahun, days_ago=i + tahun - 2020)
            submitted(p, "realisasi", tahun, 1, days_ago=i + tahun - 2020)
    # session, user, profil, kabupaten, kecamatan choices, years, count, page rows
    with django_assert_max_num_queries(8):
        response = bappeda.get(reverse("kecamatan:antrian"), {"q": "renja", "status": "semua"})
    assert response.content.decode().count("data-dokumen=") == min(2 * n_periode, 25)


@pytest.mark.sqlite  # the count rides along as a window function
@pytest.mark.parametrize("n_periode", [1, 8])
def test_dashboard_shows_the_five_waiting_longest(bappeda, django_assert_max_num_queries, n_periode):
    for i in range(n_periode):
        submitted(PeriodeFactory(kecamatan=KecamatanFactory(nama=f"Kec{i:02d}")), "renja", 2025, days_ago=10 + i)
    with django_assert_max_num_queries(10):
        html = bappeda.get(reverse("kecamatan:beranda")).content.decode()
    section = html.split('id="daftar-kerja"')[1].split("</section>")[0]
    assert f"{n_periode} dokumen menunggu verifikasi" in section
    assert section.count("data-dokumen=") == min(n_periode, 5)
    assert f"Kec{n_periode - 1:02d}" in section.split("data-dokumen=")[1]  # the oldest first
    assert f"{n_periode} dokumen menunggu verifikasi: buka daftar kerja" in html  # the one task line


def test_kecamatan_staff_do_not_see_the_list(client, tiga):
    client.force_login(user_with_role("op", Peran.OPERATOR, tiga[0].kecamatan))
    assert client.get(reverse("kecamatan:antrian")).status_code == 404
    client.force_login(user_with_role("adm", Peran.ADMIN))
    assert "3 dokumen" in client.get(reverse("kecamatan:antrian")).content.decode()
