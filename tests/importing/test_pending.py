"""Uploads waiting for confirmation live in the database (any app server answers the preview or the
confirmation); the session holds only the token; another user's or another session's token gives
nothing; what waited longer than a day is gone."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from kecamatan.importing import pending
from kecamatan.models import ImporTertunda, Peran
from tests.factories import user_with_role
from tests.importing.helpers import operator

pytestmark = pytest.mark.django_db
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _upload(client, periode) -> tuple[str, str]:
    """Upload the document's own template; the page URL and the session key."""
    args = [periode.pk, "renstra"]
    content = client.get(reverse("kecamatan:impor_templat", args=args)).content
    page_url = reverse("kecamatan:impor", args=args)
    client.post(page_url, {"berkas": SimpleUploadedFile("isian.xlsx", content, content_type=XLSX)})
    return page_url, f"impor:{periode.pk}:renstra"


def _save(client, periode):
    return client.post(reverse("kecamatan:impor_simpan", args=[periode.pk, "renstra"]), {"versi": "0"})


def test_the_file_is_a_row_and_the_session_keeps_only_its_token(kecil):
    client = _client(operator(kecil))
    page_url, key = _upload(client, kecil)
    row = ImporTertunda.objects.get()
    assert client.session[key] == row.token and len(row.token) == 32
    assert (row.user, row.periode, row.kunci, row.nama_file) == (operator(kecil), kecil, "renstra", "isian.xlsx")
    assert bytes(row.isi)[:2] == b"PK" and row.ukuran == len(bytes(row.isi))
    assert "Pratinjau: isian.xlsx" in client.get(page_url).content.decode()


def test_another_session_of_the_same_user_sees_nothing(kecil):
    first = _client(operator(kecil))
    page_url, _ = _upload(first, kecil)
    second = _client(operator(kecil))
    assert "Pratinjau:" not in second.get(page_url).content.decode()
    _save(second, kecil)
    assert "Tidak ada berkas yang menunggu disimpan" in second.get(page_url).content.decode()
    assert ImporTertunda.objects.count() == 1 and "Pratinjau: isian.xlsx" in first.get(page_url).content.decode()


def test_another_users_session_holding_the_token_gets_nothing(kecil):
    owner = _client(operator(kecil))
    page_url, key = _upload(owner, kecil)
    token = owner.session[key]
    thief = _client(user_with_role("operator.dua", Peran.OPERATOR, kecil.kecamatan))  # may edit the same Renstra
    session = thief.session
    session[key] = token
    session.save()
    html = thief.get(page_url).content.decode()
    assert 'id="form-unggah"' in html and "Pratinjau:" not in html
    _save(thief, kecil)
    assert "Tidak ada berkas yang menunggu disimpan" in thief.get(page_url).content.decode()
    assert ImporTertunda.objects.filter(token=token).exists()  # the owner's upload is untouched


def test_a_day_old_upload_is_gone_and_purged_at_the_next_upload(kecil):
    client = _client(operator(kecil))
    page_url, key = _upload(client, kecil)
    ImporTertunda.objects.update(diunggah=timezone.now() - datetime.timedelta(days=1, minutes=1))
    assert "Pratinjau:" not in client.get(page_url).content.decode()  # counts as gone at once
    assert key not in client.session
    old = ImporTertunda.objects.get().token
    _upload(client, kecil)
    assert list(ImporTertunda.objects.values_list("token", flat=True)) != [old]
    assert ImporTertunda.objects.count() == 1 and pending.purge_old() == 0


def test_a_second_upload_replaces_the_first(kecil):
    client = _client(operator(kecil))
    _, key = _upload(client, kecil)
    first = client.session[key]
    _upload(client, kecil)
    assert ImporTertunda.objects.get().token == client.session[key] != first
