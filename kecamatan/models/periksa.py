"""The last consistency check of a kecamatan-year, kept so that dashboards and document lists show
its counts in one query for every kecamatan. `sidik` is the version of each document checked
("renstra:4|renja-2024:7|…"): when a document is saved its versi changes, the fingerprint no longer
matches, and the counts are shown as outdated until the next check (the check page, a submission,
or `manage.py periksa`)."""

from __future__ import annotations

from django.db import models

from kecamatan.models.wilayah import Periode


class HasilPeriksa(models.Model):
    periode = models.ForeignKey(Periode, on_delete=models.CASCADE, related_name="hasil_periksa",
                                verbose_name="periode Renstra")
    tahun = models.PositiveSmallIntegerField("tahun")
    sidik = models.CharField("versi dokumen yang diperiksa", max_length=300)
    galat = models.PositiveIntegerField("galat", default=0)
    peringatan = models.PositiveIntegerField("peringatan", default=0)
    per_dokumen = models.JSONField("jumlah per dokumen", default=dict, blank=True,
                                   help_text="{kunci dokumen: {galat, peringatan}}")
    diperiksa = models.DateTimeField("diperiksa pada", auto_now=True)

    class Meta:
        verbose_name = "hasil pemeriksaan konsistensi"
        verbose_name_plural = "hasil pemeriksaan konsistensi"
        ordering = ["periode", "tahun"]
        constraints = [models.UniqueConstraint(fields=["periode", "tahun"], name="hasil_periksa_unik")]

    def __str__(self) -> str:
        return f"Pemeriksaan {self.periode.kecamatan.nama} {self.tahun}: {self.galat} galat, {self.peringatan} peringatan"
