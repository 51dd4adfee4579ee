"""A download's file name comes from the kecamatan's name, which the admin kabupaten types: a quote,
a line break or a letter outside ASCII in it must never break the Content-Disposition header (a
line break made Django refuse the header: HTTP 500) nor let the name end the header early."""

import pytest
from django.urls import reverse

from kecamatan.models import Peran
from tests.factories import PeriodeFactory, build_cascade, user_with_role

pytestmark = pytest.mark.django_db

NAMA = 'Sumber "Baru"\r\nSét-Cookie: x'


@pytest.mark.parametrize("url", [
    lambda p: reverse("kecamatan:tabel_unduh", args=[p.pk, "tc27", "xlsx"]),
    lambda p: reverse("kecamatan:naskah_unduh", args=[p.pk, "renstra", "html"]),
], ids=["tabel-xlsx", "naskah-html"])
def test_a_name_with_a_quote_and_a_line_break_stays_one_header(client, url):
    periode = PeriodeFactory(kecamatan__nama=NAMA)
    build_cascade(periode, n_sub=1)
    client.force_login(user_with_role("op.nama", Peran.OPERATOR, periode.kecamatan))
    response = client.get(url(periode))
    assert response.status_code == 200
    header = response["Content-Disposition"]
    assert header.startswith("attachment; filename*=utf-8''") and "\r" not in header and "\n" not in header
    assert '"' not in header and "%22baru%22%0d%0as%c3%a9t-cookie" in header.lower()
    assert "Set-Cookie" not in response
