"""Every Renja page and table runs a fixed number of SQL queries, at 1 sub-kegiatan and at 50."""

import pytest
from django.urls import reverse

from kecamatan.models import Peran, SubKegiatan
from kecamatan.renja.selectors import renja_data
from tests.factories import PeriodeFactory, build_renja, user_with_role

pytestmark = pytest.mark.django_db

# session + user + profil + periode (access) + Renja document, then each page's own
PAGES = {
    "renja_detail": 28,  # + 22 for the whole Renja (renja_data) and the select of sub-kegiatan to add
    "renja_target": 7,
    "renja_evaluasi": 9,
    "renja_analisis": 7,
    "renja_ranwal": 16,  # + the Renstra cascade for the select of the needs side
    "renja_usulan": 6,
    "renja_penandatangan": 6,
    "renja_rincian": 11,
}
# session + user + profil + periode + 22 for renja_data
TABLES = {name: 26 for name in ("tc29", "tc30", "tc31", "tc32", "tc33", "renja41", "renja")}


@pytest.fixture(params=[1, 50], ids=["1-sub", "50-sub"])
def renja(request, client):
    periode = PeriodeFactory()
    dokumen = build_renja(periode, n_sub=request.param)
    client.force_login(user_with_role("operator.uji", Peran.OPERATOR, periode.kecamatan))
    return periode, dokumen, request.param


@pytest.mark.parametrize("name", sorted(PAGES))
def test_renja_page_query_count_is_fixed(client, django_assert_num_queries, renja, name):
    periode, dokumen, n_sub = renja
    args = [periode.pk, dokumen.tahun]
    if name == "renja_rincian":
        args.append(SubKegiatan.objects.filter(kegiatan__program__periode=periode).first().pk)
    with django_assert_num_queries(PAGES[name]):
        response = client.get(reverse(f"kecamatan:{name}", args=args))
    assert response.status_code == 200
    if name == "renja_detail":
        assert response.content.decode().count('class="baris-subkegiatan"') == n_sub


@pytest.mark.parametrize("name", sorted(TABLES))
def test_renja_table_query_count_is_fixed(client, django_assert_num_queries, renja, name):
    periode, dokumen, n_sub = renja
    with django_assert_num_queries(TABLES[name]):
        response = client.get(reverse("kecamatan:tabel", args=[periode.pk, name]) + f"?tahun={dokumen.tahun}")
    assert response.status_code == 200
    if name == "tc33":
        assert response.content.decode().count('class="baris-subkegiatan"') == n_sub


def test_renja_data_query_count_is_fixed(django_assert_num_queries, renja):
    periode, dokumen, n_sub = renja
    with django_assert_num_queries(22):
        data = renja_data(periode.pk, dokumen.tahun)
    assert len(data.rincian[dokumen.tahun]) == n_sub
