"""An Excel upload waiting for its uploader's confirmation (kecamatan/importing/pending.py). In the
database, not on one machine's disk, so the preview and the confirmation may reach different app
servers. The uploader's session holds only the random token."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from kecamatan.models.wilayah import Periode


class ImporTertunda(models.Model):
    token = models.CharField("token", max_length=32, unique=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    periode = models.ForeignKey(Periode, on_delete=models.CASCADE, related_name="+")
    kunci = models.CharField("kunci dokumen", max_length=40)
    nama_file = models.CharField("nama berkas", max_length=120)
    ukuran = models.PositiveIntegerField("ukuran (bita)")
    isi = models.BinaryField("isi berkas")
    diunggah = models.DateTimeField("diunggah", db_index=True)

    class Meta:
        verbose_name = "impor tertunda"
        verbose_name_plural = "impor tertunda"

    def __str__(self) -> str:
        return f"{self.nama_file} ({self.kunci})"
