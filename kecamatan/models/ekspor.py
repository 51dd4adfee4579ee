"""A bulk export of one kabupaten-year (kecamatan/ekspor/latar.py): who asked for it, which kabupaten
and year, the background task that writes the ZIP of CSV files and where the ZIP waits (a key in
the file cache). The progress page reads it; the file itself is never stored here."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from kecamatan.models.wilayah import Kabupaten


class Ekspor(models.Model):
    class Status(models.TextChoices):
        ANTRE = "antre", "Dalam antrean"
        DIBUAT = "dibuat", "Sedang dibuat"
        SIAP = "siap", "Siap diunduh"
        GAGAL = "gagal", "Gagal"

    diminta_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ekspor",
                                     verbose_name="diminta oleh")
    kabupaten = models.ForeignKey(Kabupaten, on_delete=models.CASCADE, related_name="ekspor", verbose_name="kabupaten")
    tahun = models.PositiveSmallIntegerField("tahun")
    task_id = models.CharField("id tugas", max_length=64, blank=True)
    status = models.CharField("status", max_length=8, choices=Status.choices, default=Status.ANTRE)
    pesan = models.TextField("pesan", blank=True)
    nama_berkas = models.CharField("nama berkas", max_length=200, blank=True)
    kunci_berkas = models.CharField("kunci cache berkas", max_length=80, blank=True)
    ukuran = models.PositiveIntegerField("ukuran (bita)", null=True, blank=True)
    dibuat = models.DateTimeField("dibuat", auto_now_add=True)
    selesai = models.DateTimeField("selesai", null=True, blank=True)

    class Meta:
        verbose_name = "ekspor data"
        verbose_name_plural = "ekspor data"
        ordering = ["-dibuat", "-pk"]

    def __str__(self) -> str:
        return f"Ekspor {self.kabupaten.nama} {self.tahun} ({self.get_status_display()})"

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.SIAP, self.Status.GAGAL)
