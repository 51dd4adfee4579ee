"""The planning cascade of a Renstra period: Tujuan → Sasaran → Program → Kegiatan → SubKegiatan.

Programs, kegiatan and sub-kegiatan point to the nomenclature catalog for their code; their
name is stored on the row (defaulting from the catalog) because documents of different
years print different names for the same code (tables.md §0.5 rule 3).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models

from kecamatan.core import kode as kode_mod
from kecamatan.models.nomenklatur import Nomenklatur
from kecamatan.models.wilayah import Periode


class Tujuan(models.Model):
    periode = models.ForeignKey(Periode, on_delete=models.CASCADE, related_name="tujuan", verbose_name="periode")
    urutan = models.PositiveSmallIntegerField("nomor urut", default=1)
    uraian = models.TextField("tujuan")

    class Meta:
        verbose_name = "tujuan"
        verbose_name_plural = "tujuan"
        ordering = ["periode", "urutan", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["periode", "urutan"], name="tujuan_urutan_unik",
                violation_error_message="Nomor urut ini sudah dipakai tujuan lain dalam Renstra ini.",
            ),
        ]

    def __str__(self) -> str:
        return self.uraian


class Sasaran(models.Model):
    tujuan = models.ForeignKey(Tujuan, on_delete=models.CASCADE, related_name="sasaran", verbose_name="tujuan")
    urutan = models.PositiveSmallIntegerField("nomor urut", default=1)
    uraian = models.TextField("sasaran")

    class Meta:
        verbose_name = "sasaran"
        verbose_name_plural = "sasaran"
        ordering = ["tujuan__urutan", "urutan", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["tujuan", "urutan"], name="sasaran_urutan_unik",
                violation_error_message="Nomor urut ini sudah dipakai sasaran lain pada tujuan ini.",
            ),
        ]

    def __str__(self) -> str:
        return self.uraian


class _CascadeNode(models.Model):
    """Fields shared by program, kegiatan and sub-kegiatan rows."""

    nomenklatur = models.ForeignKey(Nomenklatur, on_delete=models.PROTECT, related_name="+", verbose_name="kode")
    nama = models.CharField("nama", max_length=400, blank=True, help_text="Kosongkan untuk memakai nama nomenklatur.")
    rumusan_sasaran = models.TextField(
        "sasaran program/kegiatan/sub kegiatan", blank=True, help_text="Hasil yang hendak dicapai baris ini."
    )
    unit_kerja = models.CharField("unit kerja", max_length=150, blank=True)

    expected_level: str = ""

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.kode} {self.nama}"

    @property
    def kode(self) -> str:
        return self.nomenklatur.kode

    def clean(self) -> None:
        if self.nomenklatur_id and self.nomenklatur.level != self.expected_level:
            raise ValidationError(
                {"nomenklatur": f"Pilih kode {kode_mod.LEVEL_LABELS[self.expected_level]}, bukan {self.nomenklatur.kode}."}
            )

    def save(self, *args, **kwargs):
        if not self.nama and self.nomenklatur_id:
            self.nama = self.nomenklatur.nama
        super().save(*args, **kwargs)


class Program(_CascadeNode):
    periode = models.ForeignKey(Periode, on_delete=models.CASCADE, related_name="program", verbose_name="periode")
    sasaran = models.ForeignKey(
        Sasaran, on_delete=models.SET_NULL, null=True, blank=True, related_name="program",
        verbose_name="mendukung sasaran",
    )

    expected_level = kode_mod.PROGRAM

    class Meta:
        verbose_name = "program"
        verbose_name_plural = "program"
        ordering = ["nomenklatur__kode"]
        constraints = [
            models.UniqueConstraint(
                fields=["periode", "nomenklatur"], name="program_kode_unik",
                violation_error_message="Program dengan kode ini sudah ada dalam Renstra ini.",
            ),
        ]

    def clean(self) -> None:
        super().clean()
        if self.sasaran_id and self.periode_id and self.sasaran.tujuan.periode_id != self.periode_id:
            raise ValidationError({"sasaran": "Sasaran harus dari periode Renstra yang sama."})


class Kegiatan(_CascadeNode):
    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="kegiatan", verbose_name="program")

    expected_level = kode_mod.KEGIATAN

    class Meta:
        verbose_name = "kegiatan"
        verbose_name_plural = "kegiatan"
        ordering = ["nomenklatur__kode"]
        constraints = [
            models.UniqueConstraint(
                fields=["program", "nomenklatur"], name="kegiatan_kode_unik",
                violation_error_message="Kegiatan dengan kode ini sudah ada pada program ini.",
            ),
        ]

    def clean(self) -> None:
        super().clean()
        if self.nomenklatur_id and self.program_id and self.nomenklatur.parent_id != self.program.nomenklatur_id:
            raise ValidationError(
                {"nomenklatur": f"Kegiatan {self.nomenklatur.kode} bukan bagian dari program {self.program.kode}."}
            )


class SubKegiatan(_CascadeNode):
    kegiatan = models.ForeignKey(Kegiatan, on_delete=models.CASCADE, related_name="subkegiatan", verbose_name="kegiatan")

    expected_level = kode_mod.SUBKEGIATAN

    class Meta:
        verbose_name = "sub kegiatan"
        verbose_name_plural = "sub kegiatan"
        ordering = ["nomenklatur__kode"]
        constraints = [
            models.UniqueConstraint(
                fields=["kegiatan", "nomenklatur"], name="subkegiatan_kode_unik",
                violation_error_message="Sub kegiatan dengan kode ini sudah ada pada kegiatan ini.",
            ),
        ]

    def clean(self) -> None:
        super().clean()
        if self.nomenklatur_id and self.kegiatan_id and self.nomenklatur.parent_id != self.kegiatan.nomenklatur_id:
            raise ValidationError(
                {"nomenklatur": f"Sub kegiatan {self.nomenklatur.kode} bukan bagian dari kegiatan {self.kegiatan.kode}."}
            )
