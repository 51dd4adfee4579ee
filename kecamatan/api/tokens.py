"""Making and revoking a user's own API tokens: the token is returned once and only its hash stays."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.http import Http404
from django.utils import timezone

from kecamatan.models import TokenApi
from kecamatan.models.token import hash_token

MASA_BERLAKU = {  # form value → (label, days)
    "30": ("30 hari", 30),
    "90": ("90 hari", 90),
    "180": ("6 bulan", 180),
    "365": ("1 tahun", 365),
}


def token_milik(user) -> list[TokenApi]:
    return list(TokenApi.objects.filter(user=user).order_by("-dibuat", "-pk"))


@transaction.atomic
def buat_token(user, nama: str, hari: int) -> tuple[TokenApi, str]:
    rahasia = TokenApi.buat_rahasia()
    token = TokenApi.objects.create(user=user, nama=nama.strip(), hash=hash_token(rahasia), awalan=rahasia[:10],
                                    kedaluwarsa=timezone.now() + datetime.timedelta(days=hari))
    return token, rahasia


@transaction.atomic
def cabut_token(user, pk: int) -> TokenApi:
    """Revoke one's own token (another user's id is a 404); revoking twice keeps the first time."""
    token = TokenApi.objects.select_for_update().filter(user=user, pk=pk).first()
    if token is None:
        raise Http404("Token tidak ditemukan.")
    if token.dicabut is None:
        token.dicabut = timezone.now()
        token.save(update_fields=["dicabut"])
    return token
