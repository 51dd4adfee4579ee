"""Strategi and arah kebijakan of a sasaran (Renstra BAB V, T-C.26).

Two ordered lists under a sasaran, with an optional many-to-many link from an arah kebijakan to
the strategi it serves. Documents print the link as merged cells that often do not survive
copying (tables.md §2.6, lines 930-933), so a Renstra may hold both lists without links; T-C.26
then prints them side by side, as typed.
"""

from __future__ import annotations

from django.db import models

from kecamatan.models.cascade import Sasaran


class Strategi(models.Model):
    sasaran = models.ForeignKey(Sasaran, on_delete=models.CASCADE, related_name="strategi", verbose_name="sasaran")
    urutan = models.PositiveSmallIntegerField("nomor urut", default=1)
    uraian = models.TextField("strategi")

    class Meta:
        verbose_name = "strategi"
        verbose_name_plural = "strategi"
        ordering = ["sasaran", "urutan", "pk"]
        constraints = [models.UniqueConstraint(fields=["sasaran", "urutan"], name="strategi_urutan_unik")]

    def __str__(self) -> str:
        return self.uraian


class ArahKebijakan(models.Model):
    sasaran = models.ForeignKey(Sasaran, on_delete=models.CASCADE, related_name="arah_kebijakan",
                                verbose_name="sasaran")
    urutan = models.PositiveSmallIntegerField("nomor urut", default=1)
    uraian = models.TextField("arah kebijakan")
    strategi = models.ManyToManyField(
        Strategi, blank=True, related_name="arah_kebijakan", verbose_name="untuk strategi",
        help_text="Boleh dikosongkan bila keterkaitannya belum jelas; pilih strategi dari sasaran yang sama.",
    )

    class Meta:
        verbose_name = "arah kebijakan"
        verbose_name_plural = "arah kebijakan"
        ordering = ["sasaran", "urutan", "pk"]
        constraints = [models.UniqueConstraint(fields=["sasaran", "urutan"], name="arah_kebijakan_urutan_unik")]

    def __str__(self) -> str:
        return self.uraian
