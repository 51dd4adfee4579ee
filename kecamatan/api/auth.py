"""Who calls the API: a personal access token (`Authorization: Bearer sakip_…`), or, for reading
only, the signed-in browser session (the docs page's "Try it out"). Either way the request then
acts as that user, so `core.access` applies exactly as on the pages.

A write takes a token only: a browser never sends a Bearer header on its own, so a write needs
no CSRF token, and a signed-in page cannot be tricked into writing through the API."""

from __future__ import annotations

import datetime

from django.utils import timezone
from ninja.security import HttpBearer, SessionAuth

from kecamatan.models import TokenApi
from kecamatan.models.token import hash_token

CATAT_PAKAI_SETIAP = datetime.timedelta(minutes=1)  # "last used" is written at most once a minute per token


class TokenBearer(HttpBearer):
    """A token that exists, is not revoked and has not expired; else 401."""

    openapi_description = "Token API pribadi, dibuat di halaman Token API (Authorization: Bearer sakip_…)."

    def authenticate(self, request, token: str):
        found = TokenApi.objects.select_related("user").filter(hash=hash_token(token)).first()
        now = timezone.now()
        if found is None or not found.berlaku(now) or not found.user.is_active:
            return None
        if found.terakhir_dipakai is None or now - found.terakhir_dipakai >= CATAT_PAKAI_SETIAP:
            TokenApi.objects.filter(pk=found.pk).update(terakhir_dipakai=now)
        request.user = found.user
        request.token_api = found
        return found.user


class Sesi(SessionAuth):
    """The signed-in session, for reads (GET is never CSRF-checked)."""

    openapi_description = "Sesi masuk di peramban (hanya untuk membaca)."


token = TokenBearer()
BACA = [token, Sesi()]
TULIS = [token]
