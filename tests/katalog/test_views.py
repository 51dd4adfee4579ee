"""The catalog page of the admin kabupaten, through the client: list and search, add with the
error at the field, edit with a version, deactivate, delete only what nobody uses."""

import pytest
from django.urls import reverse

from kecamatan.models import Nomenklatur, Peran
from tests.factories import ProgramFactory, nomenklatur, user_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(user_with_role("adm", Peran.ADMIN))
    return client


def test_the_page_lists_the_tree_and_searches(admin_client):
    nomenklatur("7.01.03.2.06.0003", "Peningkatan Ketahanan Pangan Keluarga")
    nomenklatur("7.01.01.2.01.0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah")
    html = admin_client.get(reverse("kecamatan:katalog")).content.decode()
    assert html.index('id="kode-7.01.01"') < html.index('id="kode-7.01.01.2.01.0001"') < html.index('id="kode-7.01.03"')
    assert "6 kode." in html
    found = admin_client.get(reverse("kecamatan:katalog"), {"q": "pangan"}).content.decode()
    assert "1 kode cocok." in found and 'id="kode-7.01.03.2.06"' in found and "7.01.01.2.01" not in found


def test_add_a_code_the_regulation_adds_later(admin_client):
    nomenklatur("7.01.03.2.06", "Pemberdayaan dan Kesejahteraan Keluarga Tingkat Kecamatan dan Kelurahan")
    url = reverse("kecamatan:katalog_tambah")
    assert 'value="7.01.03.2.06."' in admin_client.get(url, {"induk": "7.01.03.2.06"}).content.decode()
    response = admin_client.post(url, {"kode": "7.01.03.2.06.0 1", "nama": "Sub kegiatan baru", "satuan": "Laporan",
                                       "sumber": "Kepmendagri 900.1.15.5-3406/2024"})
    assert response.status_code == 302
    node = Nomenklatur.objects.get(kode="7.01.03.2.06.0001")
    assert (node.level, node.parent.kode, node.satuan) == ("subkegiatan", "7.01.03.2.06", "Laporan")


def test_a_code_without_its_parent_is_refused_at_the_field(admin_client):
    response = admin_client.post(reverse("kecamatan:katalog_tambah"), {"kode": "7.01.03.2.05", "nama": "Kegiatan"})
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == ["kode"] and "program 7.01.03, belum ada di katalog" in errors["kode"][0]
    assert not Nomenklatur.objects.filter(kode="7.01.03.2.05").exists()


def test_edit_keeps_the_code_and_refuses_a_stale_page(admin_client):
    node = nomenklatur("7.01.01.2.06.0005", "Penyediaan Barang Cetak dan Penggandaan")
    url = reverse("kecamatan:katalog_ubah", args=[node.pk])
    data = {"nama": "Penyediaan Barang Cetakan dan Penggandaan", "satuan": "Paket", "versi": 0}
    assert admin_client.post(url, data).status_code == 302
    node.refresh_from_db()
    assert (node.kode, node.nama, node.satuan, node.versi) == ("7.01.01.2.06.0005", data["nama"], "Paket", 1)
    stale = admin_client.post(url, {**data, "nama": "Lain"})
    assert stale.status_code == 200 and "TIDAK disimpan" in stale.content.decode()


def test_a_code_in_use_is_deactivated_and_cannot_be_deleted(admin_client):
    node = ProgramFactory().nomenklatur
    back = reverse("kecamatan:katalog")
    response = admin_client.post(reverse("kecamatan:katalog_hapus", args=[node.pk]), follow=True)
    assert "tidak dapat dihapus" in response.content.decode() and Nomenklatur.objects.filter(pk=node.pk).exists()
    response = admin_client.post(reverse("kecamatan:katalog_aktif", args=[node.pk]), {"versi": 0, "next": back})
    assert response["Location"] == back
    node.refresh_from_db()
    assert not node.aktif
    page = admin_client.get(back, {"status": "nonaktif"}).content.decode()
    assert f'id="kode-{node.kode}"' in page and "aktifkan" in page


def test_an_unused_code_is_deleted(admin_client):
    node = nomenklatur("7.01.01.2.09.0011")
    admin_client.post(reverse("kecamatan:katalog_hapus", args=[node.pk]))
    assert not Nomenklatur.objects.filter(kode="7.01.01.2.09.0011").exists()


@pytest.mark.parametrize("peran", [Peran.OPERATOR, Peran.VERIFIKATOR])
def test_others_do_not_see_the_page(client, peran):
    from tests.factories import KecamatanFactory

    kecamatan = KecamatanFactory() if peran == Peran.OPERATOR else None
    client.force_login(user_with_role("x", peran, kecamatan))
    assert client.get(reverse("kecamatan:katalog")).status_code == 404
