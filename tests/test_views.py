"""Pages of the foundation: login, beranda, the Renstra page, scoping by kecamatan."""

import pytest
from django.http import HttpRequest
from django.urls import reverse

from kecamatan.models import Peran
from tests.factories import KecamatanFactory, PeriodeFactory, build_cascade, user_with_role

pytestmark = pytest.mark.django_db


def test_pages_need_login(client, randuagung):
    for url in (reverse("kecamatan:beranda"), reverse("kecamatan:renstra_detail", args=[randuagung.pk])):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


def test_login_page_is_indonesian(client, db):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert "Masuk ke SAKIP Kecamatan" in response.content.decode()
    assert 'lang="id"' in response.content.decode()


@pytest.mark.sqlite
def test_renstra_page_prints_computed_totals_in_indonesian_format(client, randuagung):
    client.login(request=HttpRequest(), username="operator.randuagung", password="demo-sakip-2024")
    response = client.get(reverse("kecamatan:renstra_detail", args=[randuagung.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    for figure in ("1.916.486.189", "2.351.113.139", "2.254.684.419", "6.522.283.747", "1.699.465.689"):
        assert figure in html
    assert "62 (B-)" in html and "84,31" in html
    assert "19650905 199003 1 009" in html


def test_kecamatan_user_gets_404_for_another_kecamatan(client, randuagung):
    other = KecamatanFactory(nama="Lain")
    user_with_role("operator.lain", Peran.OPERATOR, other)
    client.login(request=HttpRequest(), username="operator.lain", password="rahasia-uji-123")
    response = client.get(reverse("kecamatan:renstra_detail", args=[randuagung.pk]))
    assert response.status_code == 404
    beranda = client.get(reverse("kecamatan:beranda")).content.decode()
    assert "Randuagung" not in beranda


def test_bappeda_sees_every_kecamatan(client, randuagung):
    client.login(request=HttpRequest(), username="bappeda", password="demo-sakip-2024")
    assert "Randuagung" in client.get(reverse("kecamatan:beranda")).content.decode()
    assert client.get(reverse("kecamatan:renstra_detail", args=[randuagung.pk])).status_code == 200


@pytest.mark.parametrize("n_sub", [1, 60])
def test_renstra_page_query_count_is_fixed(client, django_assert_num_queries, n_sub):
    periode = PeriodeFactory()
    build_cascade(periode, n_sub=n_sub)
    user = user_with_role("uji", Peran.OPERATOR, periode.kecamatan)
    client.force_login(user)
    url = reverse("kecamatan:renstra_detail", args=[periode.pk])
    # session + user + profil + periode check + 10 for the cascade
    with django_assert_num_queries(14):
        assert client.get(url).status_code == 200
