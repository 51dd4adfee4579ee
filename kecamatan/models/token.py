"""Personal access tokens of the API (issue 20): a user's key for other systems, stored hashed.

The token itself is shown once, when it is made; only its SHA-256 is kept (a token is 32 random
bytes, so a fast hash is enough: nothing to guess from). A revoked or expired token is refused."""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

AWALAN = "sakip_"  # every token starts so: easy to recognise in a leaked file or a secret scanner


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class TokenApi(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="token_api",
                             verbose_name="pengguna")
    nama = models.CharField("nama", max_length=80, help_text="Untuk apa token ini, mis. \"e-Monev kecamatan\".")
    hash = models.CharField("hash token", max_length=64, unique=True, editable=False)
    awalan = models.CharField("awal token", max_length=12, editable=False, help_text="Untuk mengenali token.")
    dibuat = models.DateTimeField("dibuat", default=timezone.now, editable=False)
    kedaluwarsa = models.DateTimeField("kedaluwarsa")
    dicabut = models.DateTimeField("dicabut", null=True, blank=True)
    terakhir_dipakai = models.DateTimeField("terakhir dipakai", null=True, blank=True)

    class Meta:
        verbose_name = "token API"
        verbose_name_plural = "token API"
        ordering = ["-dibuat", "-pk"]

    def __str__(self) -> str:
        return f"{self.nama} ({self.awalan}…)"

    @classmethod
    def buat_rahasia(cls) -> str:
        return AWALAN + secrets.token_urlsafe(32)

    def berlaku(self, now=None) -> bool:
        now = now or timezone.now()
        return self.dicabut is None and self.kedaluwarsa > now
