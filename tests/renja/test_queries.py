"""Every Renja page and table runs a fixed number of SQL queries, at 1 sub-kegiatan and at 50."""

import pytest
from django.db import transaction
from django.urls import reverse

from kecamatan.models import Peran, SubKegiatan
from kecamatan.renja.selectors import renja_data
from tests.factories import PeriodeFactory, build_renja, user_with_role

pytestmark = pytest.mark.django_db

# session + user + profil + periode (access) + Renja document, then each page's own
PAGES = {
    "renja_detail": 29,  # + 23 for the whole Renja (renja_data) and the select of sub-kegiatan to add
    "renja_target": 7,
    "renja_evaluasi": 9,
    "renja_analisis": 7,
    "renja_ranwal": 16,  # + the Renstra cascade for the select of the needs side
    "renja_usulan": 6,
    "renja_penandatangan": 6,
    "renja_rincian": 11,
}
# session + user + profil + periode + 23 for renja_data
TABLES = {name: 27 for name in ("tc29", "tc30", "tc31", "tc32", "tc33", "renja41", "renja")}


@pytest.fixture(scope="module", params=[1, 50], ids=["1-sub", "50-sub"])
def renja_world(request, django_db_setup, django_db_blocker):
    """Each size built once for the module (at 50 sub-kegiatan a build costs seconds, and 32 tests
    only read it), in a transaction rolled back afterwards; each test runs in a savepoint inside it
    (pytest-django's `db`), like demo_once."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            periode = PeriodeFactory()
            dokumen = build_renja(periode, n_sub=request.param)
            user = user_with_role("operator.uji", Peran.OPERATOR, periode.kecamatan)
            yield periode, dokumen, user, request.param
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def renja(renja_world, client):
    periode, dokumen, user, n_sub = renja_world
    client.force_login(user)
    return periode, dokumen, n_sub


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
    with django_assert_num_queries(23):
        data = renja_data(periode.pk, dokumen.tahun)
    assert len(data.rincian[dokumen.tahun]) == n_sub
