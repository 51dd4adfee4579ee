"""The text people write for a whole document (Renstra, Renja of a year, LKj of a year): one row
per narrative section (kata pengantar, latar belakang, analisis …), and one per drafted
paragraph they chose to edit or replace. It belongs to the document (`Dokumen`), so it locks
with it: a submitted or verified document's narrative is read-only (services check it)."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from kecamatan.core.markup import MAX_LENGTH
from kecamatan.models.dokumen import Dokumen

DRAF_PREFIX = "draf:"  # kunci of the user's version of a drafted paragraph: "draf:capaian:12"


class Narasi(models.Model):
    dokumen = models.ForeignKey(Dokumen, on_delete=models.CASCADE, related_name="narasi", verbose_name="dokumen")
    kunci = models.CharField(
        "bagian", max_length=80,
        help_text="Kunci bagian naskah, mis. kata-pengantar, bab1.latar-belakang, draf:capaian:12.",
    )
    teks = models.TextField(
        "teks", blank=True,
        help_text="Teks sederhana: satu baris satu paragraf; '- ' atau '1. ' untuk daftar; **tebal**; "
                  "baris diawali '|' untuk tabel.",
    )
    draf_dasar = models.TextField(
        "draf dasar", blank=True,
        help_text="Untuk teks yang menggantikan draf otomatis: draf pada saat teks ini disimpan, "
                  "agar terlihat bila angka di baliknya kemudian berubah.",
    )
    diubah_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                    related_name="+", verbose_name="diubah oleh")
    diubah_pada = models.DateTimeField("diubah pada", auto_now=True)
    history = HistoricalRecords(verbose_name="riwayat narasi")

    class Meta:
        verbose_name = "narasi dokumen"
        verbose_name_plural = "narasi dokumen"
        ordering = ["dokumen", "kunci"]
        constraints = [models.UniqueConstraint(fields=["dokumen", "kunci"], name="narasi_bagian_unik")]

    def __str__(self) -> str:
        return f"{self.dokumen}: {self.kunci}"

    @property
    def is_draf(self) -> bool:
        return self.kunci.startswith(DRAF_PREFIX)

    def clean(self) -> None:
        if len(self.teks or "") > MAX_LENGTH:
            raise ValidationError({"teks": f"Teks terlalu panjang ({len(self.teks):,} karakter; paling banyak "
                                           f"{MAX_LENGTH:,}).".replace(",", ".")})
        if self.dokumen_id and self.dokumen.jenis == Dokumen.Jenis.REALISASI:
            raise ValidationError("Realisasi triwulan tidak mempunyai naskah.")
