"""Which layout of an official table a kabupaten prints (kecamatan.tables.layout): Bappeda chooses
one for all its kecamatan. A submitted or verified document keeps the layouts it was printed with
(`Dokumen.tata_letak`), so a later choice never changes a signed print."""

from __future__ import annotations

from django.db import models

from kecamatan.models.wilayah import Kabupaten


class PilihanTataLetak(models.Model):
    kabupaten = models.ForeignKey(Kabupaten, on_delete=models.CASCADE, related_name="tata_letak",
                                  verbose_name="kabupaten")
    tabel = models.CharField("tabel", max_length=20, help_text="Nama tabel di daftar cetak, mis. tc29.")
    tata_letak = models.CharField("tata letak", max_length=40, help_text="Nama tata letak, mis. lampiran.")
    diubah = models.DateTimeField("diubah", auto_now=True)

    class Meta:
        verbose_name = "pilihan tata letak"
        verbose_name_plural = "pilihan tata letak"
        ordering = ["kabupaten", "tabel"]
        constraints = [models.UniqueConstraint(fields=["kabupaten", "tabel"], name="tata_letak_unik")]

    def __str__(self) -> str:
        return f"{self.tabel}: {self.tata_letak} ({self.kabupaten})"
