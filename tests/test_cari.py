"""The search box (issue 19): kecamatan, indicators, programs/kegiatan/sub-kegiatan by code or name,
only within what the user may see, in a fixed number of queries."""

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kecamatan.cari import selectors
from kecamatan.core import access

pytestmark = pytest.mark.django_db


def akun(username: str) -> User:
    return User.objects.get(username=username)


def grup(hasil, kunci):
    return next(g for g in hasil.grup if g.kunci == kunci)


def kecamatan_in(hasil, kunci) -> set[str]:
    return {item.konteks[0] for item in grup(hasil, kunci).items}


@pytest.mark.sqlite  # icontains, startswith and the window count on run.sh's database too
def test_operator_finds_nothing_of_another_kecamatan_bappeda_finds_both(demo):
    senduro, bappeda = akun("operator.senduro"), akun("bappeda")
    assert selectors.cari(senduro, "Randuagung").total == 0
    assert kecamatan_in(selectors.cari(bappeda, "randuagung"), "kecamatan") == {"Kabupaten Lumajang"}
    assert [i.judul for i in grup(selectors.cari(bappeda, "RANDUAGUNG"), "kecamatan").items] == ["Kecamatan Randuagung"]

    for q, kunci in (("indeks pelayanan publik", "indikator"), ("7.01.01.2.01.0001", "subkegiatan"),
                     ("penunjang urusan", "program")):
        assert kecamatan_in(selectors.cari(senduro, q), kunci) == {"Kecamatan Senduro"}, q
        assert {"Kecamatan Senduro", "Kecamatan Randuagung"} <= kecamatan_in(selectors.cari(bappeda, q), kunci), q


def test_operator_page_shows_no_trace_of_another_kecamatan(demo, client):
    client.force_login(akun("operator.senduro"))
    page = client.get(reverse("kecamatan:cari"), {"q": "indeks pelayanan publik"}).content.decode()
    assert "Kecamatan Senduro" in page
    assert "Randuagung" not in page and "Jatiroto" not in page
    page = client.get(reverse("kecamatan:cari"), {"q": "Randuagung"}).content.decode()
    assert "Tidak ada hasil untuk <strong>Randuagung</strong>" in page


@pytest.mark.sqlite  # icontains, startswith and the window count on run.sh's database too
def test_code_prefix_finds_the_program_and_everything_below_it(demo):
    hasil = selectors.cari(akun("bappeda"), "7.01.01")
    assert {i.kode for i in grup(hasil, "program").items} == {"7.01.01"}
    for kunci in ("kegiatan", "subkegiatan"):
        kode = {i.kode for i in grup(hasil, kunci).items}
        assert kode and all(k.startswith("7.01.01.2.") for k in kode), kunci
    assert not any(i.kode.startswith("7.01.02") for g in hasil.grup for i in g.items)

    whole = selectors.cari(akun("operator.senduro"), "7.01.01.2.01.0001")
    assert [(i.kode, i.konteks[:1]) for i in grup(whole, "subkegiatan").items] == [
        ("7.01.01.2.01.0001", ("Kecamatan Senduro",))]
    assert grup(whole, "program").total == grup(whole, "kegiatan").total == 0


def test_each_result_links_to_its_row_on_the_cascade_page(demo, client):
    client.force_login(akun("operator.senduro"))
    hasil = selectors.cari(akun("operator.senduro"), "7.01.01.2.01")
    for kunci in ("kegiatan", "subkegiatan"):
        item = grup(hasil, kunci).items[0]
        path, anchor = item.url.split("#")
        assert path.endswith("/susun/") and anchor.startswith(f"{kunci}-")
        assert f'id="{anchor}"' in client.get(path).content.decode()
    ind = grup(selectors.cari(akun("operator.senduro"), "indeks pelayanan"), "indikator").items[0]
    path, anchor = ind.url.split("#")
    assert f'id="{anchor}"' in client.get(path).content.decode()
    assert ind.konteks[1] == "Renstra 2024-2026" and ind.konteks[2].startswith("Indikator ")


def test_many_results_are_capped_with_the_rest_counted(demo):
    sub = grup(selectors.cari(akun("bappeda"), "7.01"), "subkegiatan")
    assert len(sub.items) == selectors.BATAS < sub.total
    assert sub.lainnya == sub.total - selectors.BATAS


def queries(user, q) -> int:
    with CaptureQueriesContext(connection) as ctx:
        selectors.cari(user, q)
    return len(ctx.captured_queries)


@pytest.mark.sqlite  # icontains, startswith and the window count on run.sh's database too
def test_query_count_does_not_grow_with_the_results(demo, client):
    bappeda = akun("bappeda")
    access.profil_of(bappeda)  # once per request, cached on the user
    few, many = "7.01.01.2.01.0001", "7.01"
    assert queries(bappeda, few) == queries(bappeda, many) == 5  # one per group
    assert queries(bappeda, "Senduro") == queries(bappeda, "an") == 6  # + the kecamatan's periods
    assert grup(selectors.cari(bappeda, "an"), "kecamatan").total > 3
    assert queries(bappeda, "a") == queries(bappeda, "") == 0  # too short: not even looked up

    client.force_login(bappeda)
    counts = []
    for q in (few, many):
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("kecamatan:cari"), {"q": q}).status_code == 200
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1]


def test_navbar_has_the_search_box_and_the_guide(demo, client):
    client.force_login(akun("operator.randuagung"))
    page = client.get(reverse("kecamatan:beranda")).content.decode()
    assert f'action="{reverse("kecamatan:cari")}"' in page and 'name="q"' in page
    assert f'href="{reverse("kecamatan:panduan")}"' in page
    assert 'id="tautan-panduan"' in page  # and from the dashboard itself
