"""Reference data without accounts (issue 17): `muat_acuan` on a fresh database gives the 21
kecamatan of Lumajang, the catalog and the Tabel 3.1 scale and no user; a second run changes
nothing, never what the admin edited; production's first admin comes from `createsuperuser`.
`muat_demo` says it is for the demo and refuses a database where people already work."""

import csv
import io
import json
import re
import shutil
from decimal import Decimal as D

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.urls import reverse

from kecamatan.acuan import services as acuan
from kecamatan.demo.common import LoadReport
from kecamatan.katalog.services import KATALOG_CSV
from kecamatan.kelola import selectors as kelola_selectors
from kecamatan.kelola.services import simpan_skala
from kecamatan.models import Kabupaten, Kecamatan, Nomenklatur, SkalaKriteria
from tests.test_demo import LUMAJANG

pytestmark = pytest.mark.django_db
User = get_user_model()


def _run(name: str, *args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command(name, *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def _rows():
    """Every row of every model, auth's included, as values: to compare before/after a run."""
    models = [*apps.get_app_config("kecamatan").get_models(), *apps.get_app_config("auth").get_models()]
    return {m.__name__: sorted(map(repr, m.objects.values_list())) for m in models}


def test_fresh_database_gets_kecamatan_catalog_scale_and_no_user():
    out, err = _run("muat_acuan")
    kab = Kabupaten.objects.get()
    assert (kab.slug, kab.nama, kab.provinsi, kab.demo) == ("lumajang", "Lumajang", "Jawa Timur", False)
    assert kab.bappeda == "Badan Perencanaan Pembangunan Daerah" and kab.alamat_bappeda == ""  # as the demo has them
    assert set(Kecamatan.objects.filter(kabupaten=kab).values_list("nama", flat=True)) == LUMAJANG
    randuagung = Kecamatan.objects.get(nama="Randuagung")
    assert (randuagung.slug, randuagung.alamat, randuagung.telepon) == (
        "randuagung", "Jalan Raya Randuagung No.82", "(0334) 323313")
    assert Kecamatan.objects.get(nama="Jatiroto").jumlah_desa == 6
    with KATALOG_CSV.open(encoding="utf-8", newline="") as fh:
        kode = {row["kode"] for row in csv.DictReader(fh)}
    assert set(Nomenklatur.objects.values_list("kode", flat=True)) == kode and len(kode) == 116
    assert sorted((s.batas_bawah, s.kriteria) for s in SkalaKriteria.objects.filter(kabupaten=kab, berlaku_mulai=2024)
                  .exclude(batas_bawah=None)) == [(D(50), "Rendah"), (D(65), "Sedang"), (D(75), "Tinggi"),
                                                  (D(90), "Sangat Tinggi")]
    assert SkalaKriteria.objects.get(batas_bawah=None).kriteria == "Sangat Rendah"
    assert User.objects.count() == 0
    assert "Data acuan Kabupaten Lumajang dimuat: 1 kabupaten, 21 kecamatan," in out
    assert "116 nomenklatur" in out and "5 skala kriteria" in out
    assert "Tidak ada akun yang dibuat" in out and "createsuperuser" in out and err == ""


def test_second_run_changes_nothing_and_keeps_what_the_admin_edited(client, monkeypatch):
    _run("muat_acuan")
    # production's first admin, as the README says: createsuperuser, then the Kelola pages
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "Kop-Surat-Lumajang-2025")
    call_command("createsuperuser", interactive=False, username="kepala.bidang", email="kb@lumajangkab.go.id",
                 stdout=io.StringIO())
    admin = User.objects.get()
    client.force_login(admin)
    assert client.get(reverse("kecamatan:kelola")).status_code == 200
    kab = Kabupaten.objects.get()
    # what an admin typed or changed: kop lines (one emptied kop field is filled again, see README), the
    # kabupaten's kop, a catalog name, the scale as a whole
    Kecamatan.objects.filter(nama="Randuagung").update(alamat="Jl. Raya Randuagung 82", telepon="0334 111")
    Kecamatan.objects.filter(nama="Jatiroto").update(jumlah_desa=7)
    Kabupaten.objects.filter(pk=kab.pk).update(bappeda="Bappelitbangda", alamat_bappeda="Jl. Alun-alun Utara 3")
    Nomenklatur.objects.filter(kode="7.01.01").update(nama="PROGRAM PENUNJANG (diubah admin)")
    simpan_skala(by=admin, kabupaten=kab, sidik=kelola_selectors.sidik_skala(kab), rows=[
        {"berlaku_mulai": 2025, "batas_bawah": D(85), "kriteria": "Baik"},
        {"berlaku_mulai": 2025, "batas_bawah": None, "kriteria": "Kurang"}])
    before = _rows()
    out, _ = _run("muat_acuan")
    assert _rows() == before
    assert "Data acuan Kabupaten Lumajang sudah lengkap; tidak ada yang diubah." in out
    assert "createsuperuser" not in out  # there is an admin now


def test_a_load_that_fails_writes_nothing(tmp_path, monkeypatch):
    """Atomic: a scale file of another kabupaten is refused after the kecamatan and catalog were
    written, and none of them stays."""
    shutil.copy(acuan.berkas_wilayah("lumajang"), tmp_path / "wilayah_lumajang.json")
    skala = json.loads(acuan.berkas_skala("lumajang").read_text(encoding="utf-8"))
    (tmp_path / "skala_kriteria_lumajang.json").write_text(json.dumps({**skala, "kabupaten": "jember"}))
    monkeypatch.setattr(acuan, "FIXTURES", tmp_path)
    with pytest.raises(CommandError, match="skala kabupaten 'jember', bukan 'lumajang'"):
        _run("muat_acuan")
    assert not Kabupaten.objects.exists() and not Nomenklatur.objects.exists()


def test_a_kabupaten_not_in_the_countrys_wilayah_is_refused(settings):
    settings.SAKIP_KABUPATEN = "atlantis"  # any real one loads: tests/test_wilayah_indonesia.py
    with pytest.raises(CommandError, match=r"Kabupaten/kota 'atlantis' tidak dikenal: tidak ada dalam daftar wilayah"):
        _run("muat_acuan")
    assert not Kabupaten.objects.exists()


def test_muat_acuan_after_the_demo_finds_it_complete_and_names_the_open_demo_accounts(demo):
    """muat_demo loads its reference data through the same loader: nothing is missing afterwards."""
    before = _rows()
    out, err = _run("muat_acuan")
    assert _rows() == before and "sudah lengkap" in out
    assert "PERINGATAN: akun demo admin, bappeda, camat.randuagung," in err and "kata sandi publik" in err
    User.objects.filter(username="bappeda").update(is_active=False)
    admin = User.objects.get(username="admin")
    admin.set_password("bukan-sandi-demo-lagi")
    admin.save()
    _, err = _run("muat_acuan")
    assert "akun demo camat.randuagung, operator.jatiroto," in err and "admin" not in err and "bappeda" not in err


@pytest.fixture
def stub_muat_demo(monkeypatch):
    """The calls the muat_demo command makes to the loader (tests/test_demo.py runs the loader
    itself, twice); it answers with a report holding one login."""
    from kecamatan.management.commands import muat_demo as command

    calls = []
    report = LoadReport(users=[("admin", "demo-sakip-2024", "Admin kabupaten")])
    monkeypatch.setattr(command, "muat_demo", lambda **kw: calls.append(kw) or report)
    return calls


def test_muat_demo_on_the_demo_warns_and_prints_the_logins(demo, stub_muat_demo):
    """The test settings run with DEBUG off, like production: a database holding only the demo's
    accounts is not refused."""
    out, err = _run("muat_demo", "--tanpa-demo-kabupaten")
    assert stub_muat_demo == [{"kabupaten_demo": False}]
    assert "PERINGATAN: muat_demo hanya untuk demo" in err and "jangan pernah menjalankannya pada basis data produksi" in err
    assert "`manage.py muat_acuan` lalu `manage.py createsuperuser`" in err
    assert "Data demo sudah lengkap; tidak ada yang diubah." in out
    assert re.search(r"^  admin +demo-sakip-2024 +Admin kabupaten$", out, re.MULTILINE)


def test_muat_demo_refuses_a_database_with_other_accounts_when_debug_is_off(stub_muat_demo):
    User.objects.create_user("kepala.bidang")
    User.objects.create_user("admin")
    with pytest.raises(CommandError, match=r"akun yang bukan akun demo \(kepala.bidang\): tampaknya basis data produksi"):
        _run("muat_demo")
    assert stub_muat_demo == []


def test_muat_demo_with_debug_on_is_not_refused(settings, stub_muat_demo):
    """run.sh (DEBUG=1): a developer who added accounts on the demo's pages can run it again."""
    settings.DEBUG = True
    User.objects.create_user("pengguna.baru")
    out, err = _run("muat_demo")
    assert stub_muat_demo == [{"kabupaten_demo": True}] and "PERINGATAN" in err and "tidak ada yang diubah" in out
