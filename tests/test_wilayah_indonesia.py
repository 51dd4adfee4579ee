"""The country's wilayah as reference data (issue 21, item 2): fixtures/wilayah_indonesia.csv holds
every provinsi, kabupaten/kota and kecamatan with its kode wilayah; `muat_acuan --kabupaten KODE`
loads one kabupaten with all its kecamatan, idempotently, filling the codes of rows the demo made
before there were codes; the admin kabupaten sees the codes on the Kelola pages."""

import io
import json
from collections import Counter

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from kecamatan.acuan.indonesia import kabupaten_wilayah, semua_wilayah
from kecamatan.acuan.services import berkas_wilayah
from kecamatan.models import Kabupaten, Kecamatan
from tests.factories import user_with_role
from tests.test_acuan import _rows
from tests.test_demo import LUMAJANG


def _run(*args) -> str:
    out = io.StringIO()
    call_command("muat_acuan", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_the_file_holds_the_country_and_every_code_sits_under_its_parent():
    rows = semua_wilayah()
    kodes = [kode for kode, _ in rows]
    assert len(kodes) == len(set(kodes)) and kodes == sorted(kodes, key=lambda k: [int(p) for p in k.split(".")])
    level = Counter(kode.count(".") for kode in kodes)
    # Kepmendagri 300.2.2-2430/2025: 38 provinsi, 416 kabupaten + 98 kota, 7.285 kecamatan
    assert (level[0], level[1], level[2]) == (38, 514, 7285) and set(level) == {0, 1, 2}
    parents = set(kodes)
    assert all(kode.rsplit(".", 1)[0] in parents for kode in kodes if "." in kode)
    per_provinsi = Counter(kode[:2] for kode in kodes if kode.count(".") == 1)
    kec_per_kab = Counter(kode[:5] for kode in kodes if kode.count(".") == 2)
    assert set(per_provinsi) == {k for k in kodes if "." not in k}
    assert min(per_provinsi.values()) == 4  # Papua Selatan
    assert set(kec_per_kab) == {k for k in kodes if k.count(".") == 1} and 2 <= min(kec_per_kab.values())
    names = dict(rows)
    assert (names["35"], per_provinsi["35"], sum(n for k, n in kec_per_kab.items() if k[:2] == "35")) == (
        "Jawa Timur", 38, 666)
    assert all(names[k].startswith(("Kabupaten ", "Kota ")) for k in kec_per_kab)
    kota = [k for k in kec_per_kab if names[k].startswith("Kota ")]
    assert len(kota) == 98 and all(int(k[3:]) >= 71 for k in kota)


def test_lumajangs_kecamatan_in_the_file_are_those_of_its_fixture_and_the_seeds():
    lumajang = kabupaten_wilayah("35.08")
    fixture = json.loads(berkas_wilayah("lumajang").read_text(encoding="utf-8"))
    assert (lumajang.nama, lumajang.provinsi, lumajang.slug) == ("Lumajang", "Jawa Timur", "lumajang")
    assert {nama for _, nama in lumajang.kecamatan} == set(fixture["kecamatan"]) == LUMAJANG
    assert dict(lumajang.kecamatan)["35.08.12"] == "Senduro"


@pytest.mark.parametrize("ref, kode, nama, slug", [
    ("35.10", "35.10", "Banyuwangi", "banyuwangi"), ("3510", "35.10", "Banyuwangi", "banyuwangi"),
    ("Banyuwangi", "35.10", "Banyuwangi", "banyuwangi"), ("malang", "35.07", "Malang", "malang"),
    ("Kota Malang", "35.73", "Kota Malang", "kota-malang"), ("kota-malang", "35.73", "Kota Malang", "kota-malang"),
    ("31.01", "31.01", "Administrasi Kepulauan Seribu", "administrasi-kepulauan-seribu"),
])
def test_a_kabupaten_is_found_by_kode_or_slug_and_a_kota_keeps_its_word(ref, kode, nama, slug):
    wilayah = kabupaten_wilayah(ref)
    assert (wilayah.kode, wilayah.nama, wilayah.slug) == (kode, nama, slug)
    assert all(k.startswith(kode + ".") for k, _ in wilayah.kecamatan)


@pytest.mark.django_db
def test_banyuwangi_is_loaded_with_its_25_kecamatan_and_a_second_run_changes_nothing():
    out = _run("--kabupaten", "35.10")
    kab = Kabupaten.objects.get()
    assert (kab.kode, kab.nama, kab.provinsi, kab.slug, str(kab)) == (
        "35.10", "Banyuwangi", "Jawa Timur", "banyuwangi", "Kabupaten Banyuwangi")
    kecamatan = list(kab.kecamatan.order_by("kode"))
    assert len(kecamatan) == 25 and all(k.kode.startswith("35.10.") for k in kecamatan)
    giri = Kecamatan.objects.get(kabupaten=kab, slug="giri")
    assert (giri.nama, giri.kode) == ("Giri", "35.10.17")
    assert "Data acuan Kabupaten Banyuwangi dimuat: 1 kabupaten, 25 kecamatan," in out
    assert "Kode wilayah 35.10, Provinsi Jawa Timur: 25 kecamatan." in out
    before = _rows()
    assert "sudah lengkap; tidak ada yang diubah" in _run("--kabupaten", "banyuwangi")
    assert _rows() == before


@pytest.mark.django_db
def test_lumajang_and_banyuwangi_live_side_by_side():
    _run()  # settings.SAKIP_KABUPATEN: lumajang, as run.sh and muat_demo
    _run("--kabupaten", "35.10")
    assert dict(Kabupaten.objects.values_list("kode", "nama")) == {"35.08": "Lumajang", "35.10": "Banyuwangi"}
    assert Kecamatan.objects.filter(kabupaten__kode="35.08", kode__startswith="35.08.").count() == 21
    assert Kecamatan.objects.get(kode="35.08.17").jumlah_desa == 6  # Jatiroto, from wilayah_lumajang.json


@pytest.mark.django_db
def test_the_demo_has_the_codes_and_older_demo_rows_get_theirs_without_duplicates(demo):
    senduro = Kecamatan.objects.get(nama="Senduro")
    assert (senduro.kode, senduro.kabupaten.kode) == ("35.08.12", "35.08")  # muat_demo fills them
    # a database loaded before the codes existed
    Kecamatan.objects.update(kode=None)
    Kabupaten.objects.update(kode=None)
    pks = dict(Kecamatan.objects.values_list("nama", "pk"))
    out = _run("--kabupaten", "35.08")
    assert "Data acuan Kabupaten Lumajang dimuat: 1 kode wilayah kabupaten, 21 kode wilayah kecamatan.\n" in out
    assert dict(Kecamatan.objects.values_list("nama", "pk")) == pks and Kabupaten.objects.count() == 1
    assert dict(Kecamatan.objects.values_list("kode", "nama")) == dict(kabupaten_wilayah("35.08").kecamatan)
    assert Kabupaten.objects.get().kode == "35.08"
    before = _rows()
    assert "sudah lengkap" in _run("--kabupaten", "lumajang")
    assert _rows() == before


@pytest.mark.django_db
@pytest.mark.parametrize("ref, message", [
    ("99.99", "'99.99' tidak dikenal: tidak ada dalam daftar wilayah Kepmendagri Nomor 300.2.2-2430 Tahun 2025."),
    ("35", "itu kode provinsi; kode kabupaten/kota berbentuk 35.08"),
    ("35.08.12", "itu kode kecamatan"),
    ("malan", "Mungkin: pemalang (33.27), malang (35.07), kota-malang (35.73)."),
])
def test_a_bad_kode_says_how_to_find_one_and_writes_nothing(ref, message):
    with pytest.raises(CommandError) as exc:
        _run("--kabupaten", ref)
    assert message in str(exc.value)
    assert "cari kodenya dengan `grep -i NAMA fixtures/wilayah_indonesia.csv`" in str(exc.value)
    assert not Kabupaten.objects.exists()


@pytest.mark.django_db
def test_the_admin_kabupaten_sees_the_kode_wilayah():
    _run("--kabupaten", "35.08")
    client = Client()
    client.force_login(user_with_role("adm", "admin"))
    index = client.get(reverse("kecamatan:kelola")).content.decode()
    assert "Provinsi Jawa Timur · kode wilayah 35.08" in index
    assert '<tr data-kecamatan="Senduro"><td class="small text-nowrap">35.08.12</td>' in index
    kabupaten = client.get(reverse("kecamatan:kelola_kabupaten")).content.decode()
    assert "Kode wilayah 35.08 · Provinsi Jawa Timur" in kabupaten
    senduro = Kecamatan.objects.get(kode="35.08.12")
    page = client.get(reverse("kecamatan:kelola_kecamatan", args=[senduro.pk])).content.decode()
    assert "Kode wilayah 35.08.12" in page
