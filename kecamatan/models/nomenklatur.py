"""The national nomenclature of unsur kewilayahan (urusan 7, bidang 7.01): the catalog that
every program, kegiatan and sub-kegiatan of a Renstra points to."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models

from kecamatan.core import kode as kode_mod
from kecamatan.core.validators import validate_kode


class NomenklaturQuerySet(models.QuerySet):
    def programs(self):
        return self.filter(level=kode_mod.PROGRAM)

    def kegiatan(self):
        return self.filter(level=kode_mod.KEGIATAN)

    def subkegiatan(self):
        return self.filter(level=kode_mod.SUBKEGIATAN)


class Nomenklatur(models.Model):
    class Level(models.TextChoices):
        PROGRAM = kode_mod.PROGRAM, "Program"
        KEGIATAN = kode_mod.KEGIATAN, "Kegiatan"
        SUBKEGIATAN = kode_mod.SUBKEGIATAN, "Sub Kegiatan"

    kode = models.CharField("kode", max_length=20, unique=True, validators=[validate_kode])
    level = models.CharField("tingkat", max_length=12, choices=Level.choices)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children", verbose_name="induk"
    )
    nama = models.CharField("nama", max_length=400)
    kinerja = models.TextField("kinerja (keluaran)", blank=True)
    indikator = models.TextField("indikator", blank=True)
    satuan = models.CharField("satuan", max_length=60, blank=True)
    aktif = models.BooleanField("aktif", default=True, help_text="Kode nonaktif tidak dapat dipilih untuk isian baru.")
    sumber = models.CharField("sumber", max_length=300, blank=True,
                              help_text="Peraturan atau salinan yang memuat kode ini, mis. Kepmendagri 900.1.15.5-3406/2024.")
    versi = models.PositiveIntegerField("versi", default=0, editable=False)  # optimistic lock of the catalog page

    objects = NomenklaturQuerySet.as_manager()

    class Meta:
        verbose_name = "nomenklatur"
        verbose_name_plural = "nomenklatur"
        ordering = ["kode"]  # canonical codes are zero-padded: text order is code order

    def __str__(self) -> str:
        return f"{self.kode} {self.nama}"

    def clean(self) -> None:
        if not kode_mod.is_canonical(self.kode or ""):
            return  # the field validator reports it
        expected_level = kode_mod.level_of(self.kode)
        if self.level and self.level != expected_level:
            raise ValidationError({"level": f"Kode {self.kode} adalah kode {kode_mod.LEVEL_LABELS[expected_level]}."})
        parent_kode = kode_mod.parent_of(self.kode)
        if parent_kode and (self.parent is None or self.parent.kode != parent_kode):
            raise ValidationError({"parent": f"Induk kode {self.kode} harus {parent_kode}."})
        if parent_kode is None and self.parent_id:
            raise ValidationError({"parent": "Program tidak mempunyai induk."})

    def save(self, *args, **kwargs):
        if kode_mod.is_canonical(self.kode or "") and not self.level:
            self.level = kode_mod.level_of(self.kode)
        super().save(*args, **kwargs)
