"""Login protection (issue 17): django-axes with our two limits (sakip/settings.py, kecamatan/kelola/
kunci.py): 5 failures of one username from one address lock that username at that address, 20 from
all addresses together lock it everywhere; the lockout page is Indonesian and refuses the right
password too; the admin kabupaten unlocks; a PBKDF2 hash becomes Argon2 at the next sign-in."""

import re

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.test import Client, override_settings
from django.urls import reverse

from kecamatan.models import Peran
from sakip import settings as project_settings
from tests.factories import KabupatenFactory, KecamatanFactory, user_with_role

pytestmark = pytest.mark.django_db
User = get_user_model()
SANDI = "rahasia-uji-123"  # tests.factories.user_with_role
KANTOR = "203.0.113.7"  # the public address of a kecamatan office, shared by its staff behind NAT


@pytest.fixture
def kantor():
    kecamatan = KecamatanFactory(nama="Klakah")
    return {"op": user_with_role("op.klakah", Peran.OPERATOR, kecamatan),
            "camat": user_with_role("camat.klakah", Peran.CAMAT, kecamatan)}


def _masuk(username, password, alamat=KANTOR, client=None):
    client = client or Client(REMOTE_ADDR=alamat)
    return client.post(reverse("login"), {"username": username, "password": password})


def _signed_in(response) -> bool:
    return response.status_code == 302 and "_auth_user_id" in response.client.session


def _kunci(username, kali, alamat=KANTOR):
    return [_masuk(username, "salah-salah", alamat).status_code for _ in range(kali)]


def test_thirty_wrong_passwords_then_the_right_one_is_refused_with_the_indonesian_lockout_page(kantor):
    codes = _kunci("op.klakah", 30)
    assert codes == [200] * 4 + [429] * 26  # the 5th failure already shows the lockout page
    response = _masuk("op.klakah", SANDI)
    assert response.status_code == 429 and not _signed_in(response)
    html = response.content.decode()
    notice = re.search(r'<div class="alert alert-danger" id="terkunci".*?</div>', html, re.S).group(0)
    text = " ".join(re.sub(r"<[^>]+>", " ", notice).split())
    assert "Akun op.klakah dikunci sementara karena kata sandi salah 5 kali" in text
    assert "kata sandi yang benar pun ditolak" in text
    assert re.search(r"Coba lagi setelah pukul \d\d\.\d\d \(30 menit setelah percobaan terakhir\)", text)
    assert "minta admin kabupaten membuka kuncinya" in text
    assert 'value="op.klakah"' in html  # the form again, the username kept
    assert "Nama pengguna atau kata sandi salah" not in html
    # attempts during the lock are not counted, so the lock ends when the page said
    assert AccessAttempt.objects.get(username="op.klakah").failures_since_start == 5
    # the Django admin's login is refused the same way, never a 500 or an English page
    admin = Client(REMOTE_ADDR=KANTOR).post(reverse("admin:login"), {"username": "op.klakah", "password": SANDI})
    assert admin.status_code == 429 and "dikunci sementara" in admin.content.decode()


def test_one_users_failures_lock_neither_the_office_nor_the_user_elsewhere(kantor):
    _kunci("op.klakah", 5)
    assert _masuk("op.klakah", SANDI).status_code == 429
    assert _signed_in(_masuk("camat.klakah", SANDI))  # a colleague behind the same NAT
    assert _signed_in(_masuk("op.klakah", SANDI, alamat="198.51.100.20"))  # the same user from home


def test_twenty_failures_from_many_addresses_lock_the_username_everywhere(kantor):
    codes = [c for i in range(5) for c in _kunci("camat.klakah", 4, alamat=f"192.0.2.{i + 1}")]
    assert codes == [200] * 19 + [429]  # no address reached 5; the username reached 20
    response = _masuk("camat.klakah", SANDI, alamat="198.51.100.99")
    assert response.status_code == 429 and not _signed_in(response)
    assert "salah 20 kali (dari berbagai tempat)" in " ".join(response.content.decode().split())
    assert _signed_in(_masuk("op.klakah", SANDI, alamat="192.0.2.1"))  # other users are not concerned


@pytest.fixture
def admin_client():
    KabupatenFactory()
    client = Client()
    client.force_login(user_with_role("adm", Peran.ADMIN))
    return client


def _row(html: str, username: str) -> str:
    return re.search(rf'<tr data-username="{re.escape(username)}">.*?</tr>', html, re.S).group(0)


def test_the_admin_kabupaten_unlocks_and_the_right_password_works_again(kantor, admin_client):
    _kunci("op.klakah", 5)
    _kunci("penebak", 5, alamat="192.0.2.50")  # a name that is nobody's
    daftar = admin_client.get(reverse("kecamatan:kelola_pengguna")).content.decode()
    assert reverse("kecamatan:kelola_terkunci") in daftar and '<span class="badge text-bg-danger">2</span>' in daftar
    html = admin_client.get(reverse("kecamatan:kelola_terkunci")).content.decode()
    row = " ".join(re.sub(r"<[^>]+>", " ", _row(html, "op.klakah")).split())
    assert row.startswith("op.klakah ") and f"{KANTOR} (5×)" in row and "Buka kunci" in row
    assert "bukan pengguna" in _row(html, "penebak")
    sidik = re.search(r'name="sidik" value="([^"]+)"', _row(html, "op.klakah")).group(1)

    response = admin_client.post(reverse("kecamatan:kelola_buka_kunci"), {"username": "op.klakah", "sidik": sidik},
                                 follow=True)
    assert "Kunci akun op.klakah dibuka" in response.content.decode()
    assert 'data-username="op.klakah"' not in response.content.decode()
    assert 'data-username="penebak"' in response.content.decode()
    assert _signed_in(_masuk("op.klakah", SANDI))
    # the page was already stale: unlocking again is harmless
    again = admin_client.post(reverse("kecamatan:kelola_buka_kunci"), {"username": "op.klakah", "sidik": sidik},
                              follow=True)
    assert "Akun op.klakah sudah tidak terkunci" in again.content.decode()


def test_a_failure_after_the_page_was_loaded_keeps_the_lock(kantor, admin_client):
    _kunci("op.klakah", 5)
    html = admin_client.get(reverse("kecamatan:kelola_terkunci")).content.decode()
    sidik = re.search(r'name="sidik" value="([^"]+)"', _row(html, "op.klakah")).group(1)
    _kunci("op.klakah", 1, alamat="192.0.2.77")  # someone is still guessing, from elsewhere
    response = admin_client.post(reverse("kecamatan:kelola_buka_kunci"), {"username": "op.klakah", "sidik": sidik},
                                 follow=True)
    assert "Kunci akun op.klakah TIDAK dibuka" in response.content.decode()
    assert _masuk("op.klakah", SANDI).status_code == 429


def test_an_operator_cannot_reach_the_unlock_page(kantor):
    KabupatenFactory()
    _kunci("camat.klakah", 5)
    client = Client()
    client.force_login(kantor["op"])
    assert client.get(reverse("kecamatan:kelola_terkunci")).status_code == 404
    response = client.post(reverse("kecamatan:kelola_buka_kunci"), {"username": "camat.klakah", "sidik": "x"})
    assert response.status_code == 404
    assert AccessAttempt.objects.filter(username="camat.klakah").exists()


def test_a_pbkdf2_password_is_rewritten_as_argon2_at_the_next_sign_in(kantor):
    """The suite hashes with MD5 (tests/conftest.py); here the project's own hashers."""
    with override_settings(PASSWORD_HASHERS=project_settings.PASSWORD_HASHERS):
        user = kantor["op"]
        user.password = make_password(SANDI, hasher="pbkdf2_sha256")
        user.save(update_fields=["password"])
        assert _signed_in(_masuk("op.klakah", SANDI))
        user.refresh_from_db()
        assert user.password.startswith("argon2$argon2id$")
        assert _signed_in(_masuk("op.klakah", SANDI))  # and the new hash is accepted


def test_behind_nginx_the_address_is_the_one_nginx_appended(kantor, settings):
    """SAKIP_PROXY_COUNT=1: every request comes from nginx (127.0.0.1); the office is the address
    nginx appended to X-Forwarded-For, whatever the client wrote before it."""
    settings.SAKIP_PROXY_COUNT = 1
    for palsu in ("10.9.9.1", "10.9.9.2", "10.9.9.3", "10.9.9.4", "10.9.9.5"):  # a forged address each time
        Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=f"{palsu}, {KANTOR}").post(
            reverse("login"), {"username": "op.klakah", "password": "salah-salah"})
    assert AccessAttempt.objects.get(username="op.klakah").ip_address == KANTOR
    lewat_nginx = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=KANTOR)
    assert _masuk("op.klakah", SANDI, client=lewat_nginx).status_code == 429
    rumah = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.20")
    assert _signed_in(_masuk("op.klakah", SANDI, client=rumah))
