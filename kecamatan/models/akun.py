"""Who a user is in the app: role and, for kecamatan staff, their kecamatan."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from kecamatan.models.wilayah import Kabupaten, Kecamatan


class Peran(models.TextChoices):
    OPERATOR = "operator", "Operator kecamatan"
    CAMAT = "camat", "Camat"
    VERIFIKATOR = "verifikator", "Verifikator Bappeda"
    ADMIN = "admin", "Admin kabupaten"


KECAMATAN_ROLES = {Peran.OPERATOR, Peran.CAMAT}


class Profil(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profil")
    peran = models.CharField("peran", max_length=12, choices=Peran.choices)
    kecamatan = models.ForeignKey(
        Kecamatan, on_delete=models.PROTECT, null=True, blank=True, related_name="pengguna", verbose_name="kecamatan"
    )
    kabupaten = models.ForeignKey(
        Kabupaten, on_delete=models.PROTECT, null=True, blank=True, related_name="pengguna", verbose_name="kabupaten",
        help_text="Kabupaten yang dilihat dan dikerjakan pengguna; operator dan Camat: kabupaten kecamatannya.",
    )
    wajib_ganti_sandi = models.BooleanField(
        "wajib ganti kata sandi", default=False,
        help_text="Kata sandi dibuat admin kabupaten: pengguna harus menggantinya saat masuk berikutnya.",
    )

    class Meta:
        verbose_name = "profil pengguna"
        verbose_name_plural = "profil pengguna"
        constraints = [
            models.CheckConstraint(
                name="profil_kecamatan_sesuai_peran",
                condition=(
                    models.Q(peran__in=[Peran.OPERATOR, Peran.CAMAT], kecamatan__isnull=False)
                    | models.Q(peran__in=[Peran.VERIFIKATOR, Peran.ADMIN], kecamatan__isnull=True)
                ),
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_peran_display()})"

    def save(self, *args, **kwargs) -> None:
        # kecamatan staff belong to their kecamatan's kabupaten: one column for access.py to filter on
        if self.kecamatan_id is not None:
            self.kabupaten_id = Kecamatan.objects.values_list("kabupaten_id", flat=True).get(pk=self.kecamatan_id)
            if kwargs.get("update_fields") is not None and "kecamatan" in kwargs["update_fields"]:
                kwargs["update_fields"] = {*kwargs["update_fields"], "kabupaten"}
        super().save(*args, **kwargs)

    def clean(self) -> None:
        if self.peran not in KECAMATAN_ROLES and not self.kabupaten_id:
            raise ValidationError({"kabupaten": "Verifikator dan admin kabupaten harus terhubung ke satu kabupaten."})
        if self.peran in KECAMATAN_ROLES and not self.kecamatan_id:
            raise ValidationError({"kecamatan": "Operator dan Camat harus terhubung ke satu kecamatan."})
        if self.peran not in KECAMATAN_ROLES and self.kecamatan_id:
            raise ValidationError({"kecamatan": "Verifikator dan admin kabupaten tidak terikat ke satu kecamatan."})
