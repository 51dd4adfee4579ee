"""A print running in the background (kecamatan/cetak/latar.py): who asked for it, what it prints
(the registry name, year and options, enough to build it again), the task that renders it and where
its PDF waits (the key in the PDF cache). The progress page reads it; the file itself is never
stored here."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from kecamatan.models.wilayah import Periode


class Cetakan(models.Model):
    class Status(models.TextChoices):
        ANTRE = "antre", "Dalam antrean"
        DICETAK = "dicetak", "Sedang dicetak"
        SIAP = "siap", "Siap diunduh"
        GAGAL = "gagal", "Gagal"

    diminta_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cetakan",
                                     verbose_name="diminta oleh")
    periode = models.ForeignKey(Periode, on_delete=models.CASCADE, related_name="cetakan", verbose_name="Renstra")
    nama = models.CharField("nama cetakan", max_length=40, help_text="Nama di daftar cetak: tc27, dokumen-lkj …")
    judul = models.CharField("judul", max_length=200)
    tahun = models.PositiveSmallIntegerField("tahun", null=True, blank=True)
    opsi = models.JSONField("opsi", default=dict, blank=True)
    task_id = models.CharField("id tugas", max_length=64, blank=True)
    status = models.CharField("status", max_length=8, choices=Status.choices, default=Status.ANTRE)
    pesan = models.TextField("pesan", blank=True)
    nama_berkas = models.CharField("nama berkas", max_length=200, blank=True)
    kunci_pdf = models.CharField("kunci cache PDF", max_length=80, blank=True)
    dibuat = models.DateTimeField("dibuat", auto_now_add=True)
    selesai = models.DateTimeField("selesai", null=True, blank=True)

    class Meta:
        verbose_name = "cetakan"
        verbose_name_plural = "cetakan"
        ordering = ["-dibuat"]

    def __str__(self) -> str:
        return f"{self.judul} ({self.get_status_display()})"

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.SIAP, self.Status.GAGAL)
