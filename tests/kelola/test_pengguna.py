"""The admin kabupaten's user pages: create (initial password typed or generated, shown once),
the compulsory first password change, edit with a fingerprint, deactivate, and the page a user
without a profile gets instead of an empty dashboard."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.http import HttpRequest
from django.test import Client
from django.urls import reverse

from kecamatan.kelola import selectors
from kecamatan.models import Peran, Profil
from tests.factories import KabupatenFactory, KecamatanFactory, user_with_role

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def admin_client():
    KabupatenFactory()
    admin = user_with_role("adm", Peran.ADMIN)
    admin.first_name = "Admin Lumajang"
    admin.save()
    client = Client()
    client.force_login(admin)
    return client


def _buat(client, **extra):
    kec = extra.pop("kecamatan", None)
    data = {"username": "op.klakah", "nama": "Siti Operator", "email": "siti@example.org", "peran": "operator",
            "kecamatan": kec.pk if kec else "", "sandi": "", **extra}
    return client.post(reverse("kecamatan:kelola_pengguna_tambah"), data)


def test_a_new_operator_must_change_the_generated_password_at_first_sign_in(admin_client):
    kec = KecamatanFactory(nama="Klakah")
    response = _buat(admin_client, kecamatan=kec)
    assert response.status_code == 200
    sandi = re.search(r'id="sandi-awal">([^<]+)<', response.content.decode()).group(1)
    assert len(sandi) == 12
    profil = Profil.objects.get(user__username="op.klakah")
    assert (profil.peran, profil.kecamatan, profil.wajib_ganti_sandi) == (Peran.OPERATOR, kec, True)
    assert sandi not in admin_client.get(reverse("kecamatan:kelola_pengguna")).content.decode()

    client = Client()
    response = client.post(reverse("login"), {"username": "op.klakah", "password": sandi})
    assert response["Location"] == reverse("password_change")
    assert client.get(reverse("kecamatan:beranda"))["Location"] == reverse("password_change")
    page = client.get(reverse("password_change"))
    assert "Kata sandi Anda dibuat oleh admin kabupaten" in page.content.decode()
    client.post(reverse("password_change"), {"old_password": sandi, "new_password1": "Kl4kah-pilihan-saya",
                                             "new_password2": "Kl4kah-pilihan-saya"})
    profil.refresh_from_db()
    assert profil.wajib_ganti_sandi is False
    assert client.get(reverse("kecamatan:beranda")).status_code == 200


def test_initial_password_typed_by_the_admin_is_checked_at_its_field(admin_client):
    kec = KecamatanFactory(nama="Klakah")
    response = _buat(admin_client, kecamatan=kec, sandi="12345")
    assert "terlalu pendek" in response.content.decode() or "terlalu umum" in response.content.decode()
    assert not User.objects.filter(username="op.klakah").exists()
    response = _buat(admin_client, kecamatan=kec, sandi="Rahasia-Klakah-2026")
    assert "Rahasia-Klakah-2026" in response.content.decode()
    assert User.objects.get(username="op.klakah").check_password("Rahasia-Klakah-2026")


def test_operator_and_camat_need_a_kecamatan_and_usernames_are_unique(admin_client):
    response = _buat(admin_client, peran="camat")
    assert "Pilih kecamatan operator atau Camat ini." in response.content.decode()
    _buat(admin_client, peran="verifikator", username="bappeda.baru", kecamatan=KecamatanFactory())
    assert Profil.objects.get(user__username="bappeda.baru").kecamatan is None  # not tied to one kecamatan
    response = _buat(admin_client, peran="verifikator", username="Bappeda.Baru")
    assert "Nama pengguna Bappeda.Baru sudah dipakai." in response.content.decode()


def test_edit_is_refused_when_someone_saved_the_user_meanwhile(admin_client):
    kec, lain = KecamatanFactory(nama="Klakah"), KecamatanFactory(nama="Ranuyoso")
    user = user_with_role("op.x", Peran.OPERATOR, kec)
    url = reverse("kecamatan:kelola_pengguna_ubah", args=[user.pk])
    loaded = selectors.sidik_pengguna(user)
    data = {"nama": "Baru", "email": "", "peran": "camat", "kecamatan": lain.pk, "sandi": "", "sidik": loaded}
    User.objects.filter(pk=user.pk).update(first_name="Diubah admin lain")
    response = admin_client.post(url, data)
    assert "sudah diubah orang lain" in response.content.decode()
    assert Profil.objects.get(user=user).peran == Peran.OPERATOR
    user.refresh_from_db()
    data["sidik"] = selectors.sidik_pengguna(user)
    assert admin_client.post(url, data).status_code == 302
    profil = Profil.objects.get(user=user)
    assert (profil.peran, profil.kecamatan, profil.user.first_name, profil.wajib_ganti_sandi) == (
        Peran.CAMAT, lain, "Baru", False)


def test_a_user_without_profile_is_given_one_from_the_edit_page(admin_client):
    user = User.objects.create_user("tanpa.profil", password="x-rahasia-123")
    response = admin_client.get(reverse("kecamatan:kelola_pengguna"))
    assert "belum ada profil" in response.content.decode()
    url = reverse("kecamatan:kelola_pengguna_ubah", args=[user.pk])
    assert "belum mempunyai profil" in admin_client.get(url).content.decode()
    admin_client.post(url, {"nama": "T", "email": "", "peran": "verifikator", "kecamatan": "", "sandi": "",
                            "sidik": selectors.sidik_pengguna(user)})
    assert Profil.objects.get(user=user).peran == Peran.VERIFIKATOR


def test_deactivate_and_reactivate_never_delete(admin_client):
    user = user_with_role("op.x", Peran.OPERATOR, KecamatanFactory())
    url = reverse("kecamatan:kelola_pengguna_aktif", args=[user.pk])
    admin_client.post(url, {"aktif": "0"})
    user.refresh_from_db()
    assert user.is_active is False
    assert Client().login(request=HttpRequest(), username="op.x", password="rahasia-uji-123") is False
    admin_client.post(url, {"aktif": "1"})
    user.refresh_from_db()
    assert user.is_active is True
    me = User.objects.get(username="adm")
    response = admin_client.post(reverse("kecamatan:kelola_pengguna_aktif", args=[me.pk]), {"aktif": "0"}, follow=True)
    assert "tidak dapat menonaktifkan akun Anda sendiri" in response.content.decode()
    me.refresh_from_db()
    assert me.is_active


def test_user_without_profile_is_told_what_is_missing_and_whom_to_ask():
    user_with_role("adm", Peran.ADMIN).__class__.objects.filter(username="adm").update(first_name="Budi Admin")
    user = User.objects.create_user("baru", password="x-rahasia-123")
    client = Client()
    client.force_login(user)
    text = client.get(reverse("kecamatan:beranda")).content.decode()
    assert "Akun Anda belum mempunyai profil" in text
    assert "Budi Admin" in text and "baru" in text


def test_password_reset_mails_an_indonesian_link(admin_client, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    user = user_with_role("op.x", Peran.OPERATOR, KecamatanFactory())
    user.email = "op@example.org"
    user.save()
    Profil.objects.filter(user=user).update(wajib_ganti_sandi=True)
    response = Client().post(reverse("password_reset"), {"email": "op@example.org"})
    assert response["Location"] == reverse("password_reset_done")
    (message,) = mail.outbox
    assert message.subject == "Atur ulang kata sandi SAKIP Kecamatan"
    link = re.search(r"http://testserver(/sandi/atur/\S+)", message.body).group(1)
    client = Client()
    form_url = client.get(link)["Location"]  # Django swaps the token for a session one
    response = client.post(form_url, {"new_password1": "Sandi-baru-op-2026", "new_password2": "Sandi-baru-op-2026"})
    assert response["Location"] == reverse("password_reset_complete")
    user.refresh_from_db()
    assert user.check_password("Sandi-baru-op-2026")
    assert Profil.objects.get(user=user).wajib_ganti_sandi is False
