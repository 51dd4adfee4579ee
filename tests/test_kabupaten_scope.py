"""Two kabupaten in one installation (issue 21): Bappeda and admin see and act on their own
kabupaten only, whatever the setting SAKIP_KABUPATEN says; a superuser without a profile reads
every kabupaten; a Bappeda profile without kabupaten reads nothing. The URL × role table of
tests/test_authorization.py proves the 404s on every URL; here: what the lists show."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from kecamatan.core import access
from kecamatan.models import Dokumen, Kecamatan, Peran, Periode, Profil, Riwayat
from kecamatan.workflow import services as workflow_services
from tests.factories import KabupatenFactory, KecamatanFactory, PeriodeFactory, user_with_role

pytestmark = pytest.mark.django_db
User = get_user_model()


def _diajukan(periode) -> Dokumen:
    dokumen = Dokumen.objects.create(periode=periode, jenis=Dokumen.Jenis.RENJA, tahun=2025,
                                     status=Dokumen.Status.DIAJUKAN)
    Riwayat.objects.create(dokumen=dokumen, aksi=Riwayat.Aksi.AJUKAN, dari_status="draft", ke_status="diajukan")
    return dokumen


@pytest.fixture
def dua(settings):
    """Lumajang (A) and Banyuwangi (B), each with two kecamatan (one with a Renstra and a submitted
    Renja), a verifikator and an admin. The setting names A, as an installation of A would."""
    settings.SAKIP_KABUPATEN = "lumajang"
    out = {}
    for key, nama, slug, kode, kec_names in (("a", "Lumajang", "lumajang", "35.08", ("Klakah", "Tekung")),
                                             ("b", "Banyuwangi", "banyuwangi", "35.10", ("Giri", "Glagah"))):
        kabupaten = KabupatenFactory(nama=nama, slug=slug, kode=kode)
        kec = [KecamatanFactory(kabupaten=kabupaten, nama=n) for n in kec_names]
        periode = PeriodeFactory(kecamatan=kec[0], tahun_mulai=2025, tahun_selesai=2029)
        out[key] = {"kabupaten": kabupaten, "kecamatan": kec, "periode": periode, "renja": _diajukan(periode),
                    "verifikator": user_with_role(f"bappeda.{key}", Peran.VERIFIKATOR, kabupaten=kabupaten),
                    "admin": user_with_role(f"adm.{key}", Peran.ADMIN, kabupaten=kabupaten),
                    "operator": user_with_role(f"op.{key}", Peran.OPERATOR, kec[0])}
    return out


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_dashboards_and_work_list_of_b_list_nothing_of_a(dua):
    b = dua["b"]
    for role in ("verifikator", "admin"):
        client = _client(b[role])
        beranda = client.get(reverse("kecamatan:beranda")).content.decode()
        antrian = client.get(reverse("kecamatan:antrian"), {"status": "semua"}).content.decode()
        for html in (beranda, antrian):
            assert "Giri" in html and "Klakah" not in html, role
        assert "1 dokumen menunggu verifikasi" in beranda
        assert antrian.count("data-dokumen=") == 1
    # the admin's "belum mempunyai Renstra": B's kecamatan without one, none of A's
    tanpa = _client(b["admin"]).get(reverse("kecamatan:beranda")).context["tanpa_renstra"]
    assert tanpa == ["Glagah"]


def test_the_comparison_of_a_b_verifikator_shows_b(dua):
    client = _client(dua["b"]["verifikator"])
    for name in ("kecamatan:perbandingan", "kecamatan:perbandingan_kelengkapan"):
        response = client.get(reverse(name), {"tahun": 2025, "triwulan": 1})
        assert response.status_code == 200
        assert response.context["kabupaten"] == dua["b"]["kabupaten"]  # not the setting's Lumajang
        html = response.content.decode()
        assert "Giri" in html and "Klakah" not in html and "Tekung" not in html
    assert client.get(reverse("kecamatan:perbandingan"), {"kabupaten": "35.10"}).status_code == 200
    assert client.get(reverse("kecamatan:perbandingan"), {"kabupaten": "lumajang"}).status_code == 404
    unduh = client.get(reverse("kecamatan:perbandingan_unduh", args=["matriks", "xlsx"]), {"tahun": 2025})
    assert unduh.status_code == 200 and "banyuwangi" in unduh["Content-Disposition"]


def test_a_superuser_without_profile_reads_every_kabupaten(dua):
    root = User.objects.create_superuser("root", "root@example.org", "rahasia-uji-123")
    client = _client(root)
    assert client.get(reverse("kecamatan:perbandingan"), {"kabupaten": "banyuwangi", "tahun": 2025}).context[
        "kabupaten"] == dua["b"]["kabupaten"]
    assert client.get(reverse("kecamatan:antrian"), {"kabupaten": "lumajang"}).context["kabupaten"] == \
        dua["a"]["kabupaten"]
    assert set(access.visible_periode(root, Periode.objects.all())) == {dua["a"]["periode"], dua["b"]["periode"]}
    for key in ("a", "b"):
        assert client.get(reverse("kecamatan:renstra_detail", args=[dua[key]["periode"].pk])).status_code == 200


def test_a_bappeda_profile_without_kabupaten_sees_nothing(dua):
    user = User.objects.create_user("bappeda.lepas", password="rahasia-uji-123")
    Profil.objects.create(user=user, peran=Peran.VERIFIKATOR)  # as an old profile 0014 could not place
    assert not access.visible_periode(user, Periode.objects.all()).exists()
    assert not access.visible_kecamatan(user, Kecamatan.objects.all()).exists()
    client = _client(user)
    for name in ("kecamatan:antrian", "kecamatan:perbandingan", "kecamatan:tata_letak"):
        assert client.get(reverse(name)).status_code == 404, name
    assert client.get(reverse("kecamatan:renstra_detail", args=[dua["a"]["periode"].pk])).status_code == 404
    assert "Klakah" not in client.get(reverse("kecamatan:cari"), {"q": "klakah"}).content.decode()


def test_kelola_of_admin_b_holds_only_b(dua):
    a, b = dua["a"], dua["b"]
    client = _client(b["admin"])
    html = client.get(reverse("kecamatan:kelola_pengguna")).content.decode()
    assert "bappeda.b" in html and "op.b" in html
    assert "bappeda.a" not in html and "adm.a" not in html and "op.a" not in html
    index = client.get(reverse("kecamatan:kelola")).content.decode()
    assert "Glagah" in index and "Klakah" not in index
    assert client.get(reverse("kecamatan:kelola_pengguna_ubah", args=[a["verifikator"].pk])).status_code == 404
    assert client.get(reverse("kecamatan:kelola_kecamatan", args=[a["kecamatan"][1].pk])).status_code == 404
    form = client.get(reverse("kecamatan:kelola_pengguna_tambah")).context["form"]
    assert set(form.fields["kecamatan"].queryset) == set(b["kecamatan"])
    response = client.post(reverse("kecamatan:kelola_pengguna_tambah"), {
        "username": "bappeda.b2", "nama": "Verifikator Baru", "email": "", "peran": "verifikator",
        "kecamatan": "", "sandi": ""})
    assert response.status_code == 200
    assert Profil.objects.get(user__username="bappeda.b2").kabupaten == b["kabupaten"]
    # an operator for a kecamatan of A is refused at the field
    response = client.post(reverse("kecamatan:kelola_pengguna_tambah"), {
        "username": "op.nyasar", "nama": "Operator", "email": "", "peran": "operator",
        "kecamatan": a["kecamatan"][1].pk, "sandi": ""})
    assert "kecamatan" in response.context["form"].errors and not User.objects.filter(username="op.nyasar").exists()


def test_the_locks_of_another_kabupaten_are_not_listed_nor_opened(dua, settings):
    for username in ("op.a", "op.b", "siapa.ini"):
        AccessAttempt.objects.create(username=username, ip_address="10.0.0.1", user_agent="uji",
                                     failures_since_start=settings.AXES_FAILURE_LIMIT)
    client = _client(dua["b"]["admin"])
    daftar = [d["kunci"].username for d in client.get(reverse("kecamatan:kelola_terkunci")).context["daftar"]]
    assert sorted(daftar) == ["op.b", "siapa.ini"]
    response = client.post(reverse("kecamatan:kelola_buka_kunci"), {"username": "op.a", "sidik": "x"})
    assert response.status_code == 404 and AccessAttempt.objects.filter(username="op.a").exists()


def test_a_b_verifikator_cannot_verify_an_a_document(dua):
    a, b = dua["a"], dua["b"]
    kunci = "renja-2025"
    assert access.can_verify(a["verifikator"], a["renja"]) and not access.can_verify(b["verifikator"], a["renja"])
    with pytest.raises(PermissionDenied):
        workflow_services.verifikasi_dokumen(periode=a["periode"], kunci=kunci, by=b["verifikator"])
    client = _client(b["verifikator"])
    for name in ("kecamatan:verifikasi", "kecamatan:kembalikan", "kecamatan:buka_kembali"):
        assert client.post(reverse(name, args=[a["periode"].pk, kunci]), {"catatan": "x", "alasan": "x"}
                           ).status_code == 404, name
    assert client.get(reverse("kecamatan:dokumen", args=[a["periode"].pk, kunci])).status_code == 404
    a["renja"].refresh_from_db()
    assert a["renja"].status == Dokumen.Status.DIAJUKAN and a["renja"].dibuka_bappeda is None
    # its own kabupaten's document: verified
    workflow_services.verifikasi_dokumen(periode=b["periode"], kunci=kunci, by=b["verifikator"])
    b["renja"].refresh_from_db()
    assert b["renja"].status == Dokumen.Status.DIVERIFIKASI


def test_search_and_layouts_keep_to_the_kabupaten(dua):
    client = _client(dua["b"]["verifikator"])
    assert "Klakah" not in client.get(reverse("kecamatan:cari"), {"q": "klakah"}).content.decode()
    assert "Giri" in client.get(reverse("kecamatan:cari"), {"q": "giri"}).content.decode()
    assert client.get(reverse("kecamatan:tata_letak")).context["kabupaten"] == dua["b"]["kabupaten"]


def test_the_technical_admin_switches_kabupaten_and_makes_its_first_admin(dua):
    """A kabupaten just loaded by `muat_acuan` has nobody: the superuser without a profile (made by
    createsuperuser) picks it on Kelola and creates its admin kabupaten there, with no Django admin."""
    root = User.objects.create_superuser("root", "root@example.org", "rahasia-uji-123")
    client, b = _client(root), dua["b"]
    index = client.get(reverse("kecamatan:kelola"))
    assert index.context["kabupaten"] == dua["a"]["kabupaten"]  # the first real one until chosen
    assert 'id="pilih-kabupaten"' in index.content.decode()
    client.post(reverse("kecamatan:kelola_pilih_kabupaten"), {"kabupaten": b["kabupaten"].pk})
    html = client.get(reverse("kecamatan:kelola")).content.decode()
    assert "Kelola Kabupaten Banyuwangi" in html and "Glagah" in html and "Tekung" not in html
    assert client.get(reverse("kecamatan:antrian")).context["kabupaten"] == b["kabupaten"]
    client.post(reverse("kecamatan:kelola_pengguna_tambah"), {
        "username": "admin.banyuwangi", "nama": "Admin Banyuwangi", "email": "", "peran": "admin",
        "kecamatan": "", "sandi": ""})
    assert Profil.objects.get(user__username="admin.banyuwangi").kabupaten == b["kabupaten"]
    # an admin kabupaten (with a profile) cannot switch: the choice is the technical admin's
    response = _client(b["admin"]).post(reverse("kecamatan:kelola_pilih_kabupaten"), {"kabupaten": dua["a"]["kabupaten"].pk})
    assert response.status_code == 404
