"""The Renstra tables on screen: reachable from the Renstra page, a fixed number of queries
whatever the size, and PDFs cached by content."""

import pytest
from django.http import HttpRequest
from django.urls import reverse

from kecamatan.cetak.registry import get_table
from kecamatan.models import Peran, Target
from kecamatan.tables import pdf_cache
from tests.factories import PeriodeFactory, build_cascade, build_riwayat, build_strategi, user_with_role

pytestmark = pytest.mark.django_db

# session, user, profil, periode (4) + the table's selector
QUERIES = {
    "tc23": 4 + 6,  # periode, dokumen, indikator lalu, capaian, program lalu, anggaran
    "tc24": 4 + 6,
    "tc25": 4 + 10,  # renstra_data
    "cascading": 4 + 10,
    "tc26": 4 + 7,  # periode, dokumen, tujuan, sasaran, strategi, links, arah kebijakan
    "tc27": 4 + 10 + 1,  # renstra_data + kondisi awal recorded in T-C.23
    "tc28": 4 + 10 + 1,
    "renstra": 4 + 10 + 6 + 7 + 1,
}


@pytest.mark.parametrize("name", list(QUERIES))
@pytest.mark.parametrize("n", [1, 50])
def test_table_page_query_count_is_fixed(client, django_assert_num_queries, name, n):
    periode = PeriodeFactory()
    build_strategi(periode, n=n)
    build_cascade(periode, n_sub=n)
    build_riwayat(periode, n=n)
    client.force_login(user_with_role("uji", Peran.OPERATOR, periode.kecamatan))
    with django_assert_num_queries(QUERIES[name]):
        response = client.get(reverse("kecamatan:tabel", args=[periode.pk, name]))
    assert response.status_code == 200
    html = response.content.decode()
    if name in ("cascading", "tc27", "renstra"):
        assert html.count('class="baris-subkegiatan"') == n * (2 if name == "renstra" else 1)
    if name in ("tc23", "tc24"):
        assert html.count("PROGRAM UJI" if name == "tc24" else "Persentase uji") == n


def test_renstra_page_links_every_table(client, randuagung):
    client.login(request=HttpRequest(), username="operator.randuagung", password="demo-sakip-2024")
    html = client.get(reverse("kecamatan:renstra_detail", args=[randuagung.pk])).content.decode()
    for name in QUERIES:
        assert reverse("kecamatan:tabel", args=[randuagung.pk, name]) in html


def test_renstra_document_page_puts_each_title_above_its_table(client, randuagung):
    client.login(request=HttpRequest(), username="operator.randuagung", password="demo-sakip-2024")
    html = client.get(reverse("kecamatan:tabel", args=[randuagung.pk, "renstra"])).content.decode()
    positions = [html.index(f'data-kode="{code}"') for code in
                 ("T-C.23", "T-C.24", "T-C.25", "Tabel 4.2", "T-C.26", "T-C.27", "T-C.28")]
    assert positions == sorted(positions)
    # the T-C.24 title sits between the T-C.23 and T-C.24 tables
    assert positions[0] < html.index("Anggaran dan Realisasi Pendanaan Pelayanan Perangkat Daerah") < positions[1]


def test_download_of_another_kecamatan_is_404(client, randuagung):
    other = PeriodeFactory()
    client.force_login(user_with_role("lain", Peran.OPERATOR, other.kecamatan))
    for name in ("tc23", "renstra"):
        assert client.get(reverse("kecamatan:tabel", args=[randuagung.pk, name])).status_code == 404
        assert client.get(reverse("kecamatan:tabel_unduh", args=[randuagung.pk, name, "xlsx"])).status_code == 404


def test_unchanged_pdf_comes_from_the_cache_and_a_change_renders_again():
    periode = PeriodeFactory()
    build_cascade(periode, n_sub=2)
    pdf_cache.store().clear()
    reports = get_table("tc25").build(periode.pk, None)
    first, hit = pdf_cache.render_pdf_cached(reports)
    assert not hit and first.startswith(b"%PDF")
    again, hit = pdf_cache.render_pdf_cached(get_table("tc25").build(periode.pk, None))
    assert hit and again == first
    target = Target.objects.filter(indikator__periode=periode).first()
    target.nilai += 1
    target.save()
    changed, hit = pdf_cache.render_pdf_cached(get_table("cascading").build(periode.pk, None))
    assert not hit
    _, hit = pdf_cache.render_pdf_cached(get_table("tc27").build(periode.pk, None))
    assert not hit  # a new figure, a new key: nothing stale can be served


def test_pdf_download_says_whether_it_came_from_the_shared_cache(client):
    """The response header any proxy log (and the two-server test) can read; Excel has none."""
    periode = PeriodeFactory()
    build_cascade(periode, n_sub=1)
    client.force_login(user_with_role("op", Peran.OPERATOR, periode.kecamatan))
    pdf_cache.store().clear()
    url = reverse("kecamatan:tabel_unduh", args=[periode.pk, "tc25", "pdf"])
    first, again = client.get(url), client.get(url)
    assert (first[pdf_cache.HEADER], again[pdf_cache.HEADER]) == ("miss", "hit")
    assert first.content == again.content and first.content.startswith(b"%PDF")
    xlsx = client.get(reverse("kecamatan:tabel_unduh", args=[periode.pk, "tc25", "xlsx"]))
    assert xlsx.status_code == 200 and pdf_cache.HEADER not in xlsx
