"""What a Renstra reports about the years before it (BAB II): T-C.23, the indicators of the
previous Renstra with their yearly target and realisasi, and T-C.24, the anggaran and realisasi
of the previous programs per year.

These rows belong to the Renstra that prints them (its Periode) but describe earlier years, with
indicators and programs of earlier nomenclatures, so they are not Indikator/Program rows of the
cascade. One record per indicator (or program) per year: a year printed twice in the document
cannot be counted twice here (tables.md §9 R-1).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models

from kecamatan.core.computations import Polaritas
from kecamatan.core.formatting import Nilai, berlaku_label
from kecamatan.models.kinerja import RP_DIGITS, VALUE_DIGITS, Indikator
from kecamatan.models.wilayah import Periode


class _Berlaku(models.Model):
    """The years a row was in force: the band ("2019 - 2020", "2021 - 2023") it is printed in."""

    berlaku_mulai = models.PositiveSmallIntegerField("berlaku sejak tahun")
    berlaku_sampai = models.PositiveSmallIntegerField("berlaku sampai tahun")

    class Meta:
        abstract = True

    @property
    def berlaku_label(self) -> str:
        return berlaku_label(self.berlaku_mulai, self.berlaku_sampai)

    def clean(self) -> None:
        if self.berlaku_mulai and self.berlaku_sampai and self.berlaku_sampai < self.berlaku_mulai:
            raise ValidationError({"berlaku_sampai": "Tahun akhir berlaku tidak boleh sebelum tahun awalnya."})
        if self.periode_id and self.berlaku_sampai and self.berlaku_sampai >= self.periode.tahun_mulai:
            raise ValidationError(
                {"berlaku_sampai": f"Data tahun lalu harus sebelum periode Renstra {self.periode.label}."}
            )

    def check_tahun(self, tahun: int | None) -> None:
        if tahun and self.berlaku_mulai and not (self.berlaku_mulai <= tahun <= self.berlaku_sampai):
            raise ValidationError({"tahun": f"Tahun {tahun} di luar masa berlaku {self.berlaku_label}."})


class IndikatorLalu(_Berlaku):
    """An indicator of an earlier Renstra, as T-C.23 prints it (one row of one band)."""

    class Tingkat(models.TextChoices):
        TUJUAN = "tujuan", "Tujuan"
        SASARAN = "sasaran", "Sasaran"
        PROGRAM = "program", "Program"

    NUMBERED = (Tingkat.TUJUAN, Tingkat.SASARAN)

    periode = models.ForeignKey(Periode, on_delete=models.CASCADE, related_name="indikator_lalu",
                                verbose_name="periode Renstra")
    urutan = models.PositiveSmallIntegerField("nomor urut", default=1)
    tingkat = models.CharField("tingkat", max_length=10, choices=Tingkat.choices, default=Tingkat.PROGRAM,
                               help_text="Indikator tujuan dan sasaran diberi nomor pada T-C.23; indikator program tidak.")
    uraian = models.TextField("indikator kinerja")
    satuan = models.CharField("satuan", max_length=60, blank=True)
    polaritas = models.CharField(
        "polaritas", max_length=10, choices=[(p.value, p.value.capitalize()) for p in Polaritas],
        default=Polaritas.POSITIF.value,
    )
    target_nspk = models.DecimalField("target NSPK", null=True, blank=True, **VALUE_DIGITS)
    target_nspk_label = models.CharField("keterangan target NSPK", max_length=30, blank=True, default="N/A")
    target_ikk = models.DecimalField("target IKK", null=True, blank=True, **VALUE_DIGITS)
    target_ikk_label = models.CharField("keterangan target IKK", max_length=30, blank=True, default="N/A")
    target_lainnya = models.DecimalField("target indikator lainnya", null=True, blank=True, **VALUE_DIGITS)
    target_lainnya_label = models.CharField("keterangan target indikator lainnya", max_length=30, blank=True)
    indikator = models.ForeignKey(
        Indikator, on_delete=models.SET_NULL, null=True, blank=True, related_name="indikator_lalu",
        verbose_name="diteruskan sebagai indikator",
        help_text="Indikator Renstra ini yang melanjutkan indikator lama; realisasinya pada tahun kondisi awal "
                  "menjadi kondisi awal indikator itu (T-C.27 kolom 17, T-C.28 kolom 6).",
    )

    class Meta:
        verbose_name = "indikator kinerja tahun lalu (T-C.23)"
        verbose_name_plural = "indikator kinerja tahun lalu (T-C.23)"
        ordering = ["periode", "berlaku_mulai", "urutan", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["periode", "berlaku_mulai", "urutan"], name="indikator_lalu_urutan_unik"),
        ]

    def __str__(self) -> str:
        return f"{self.uraian} ({self.berlaku_label})"

    @property
    def nspk(self) -> Nilai:
        return Nilai(self.target_nspk, self.target_nspk_label)

    @property
    def ikk(self) -> Nilai:
        return Nilai(self.target_ikk, self.target_ikk_label)

    @property
    def lainnya(self) -> Nilai:
        return Nilai(self.target_lainnya, self.target_lainnya_label)

    def clean(self) -> None:
        super().clean()
        if self.indikator_id and self.periode_id and self.indikator.periode_id != self.periode_id:
            raise ValidationError({"indikator": "Pilih indikator dari periode Renstra yang sama."})


class TargetRealisasiNilai:
    """Target and realisasi of a year as Nilai (value or label: "62 (B-)", "N/A"), for the models
    that store each as a decimal beside its label."""

    @property
    def target_nilai(self) -> Nilai:
        return Nilai(self.target, self.target_label)

    @property
    def realisasi_nilai(self) -> Nilai:
        return Nilai(self.realisasi, self.realisasi_label)


class CapaianLalu(TargetRealisasiNilai, models.Model):
    """Target and realisasi of an earlier indicator in one year (T-C.23 columns 6-15)."""

    indikator_lalu = models.ForeignKey(IndikatorLalu, on_delete=models.CASCADE, related_name="capaian",
                                       verbose_name="indikator")
    tahun = models.PositiveSmallIntegerField("tahun")
    target = models.DecimalField("target", null=True, blank=True, **VALUE_DIGITS)
    target_label = models.CharField("keterangan target", max_length=30, blank=True)
    realisasi = models.DecimalField("realisasi", null=True, blank=True, **VALUE_DIGITS)
    realisasi_label = models.CharField("keterangan realisasi", max_length=30, blank=True)

    class Meta:
        verbose_name = "capaian tahun lalu"
        verbose_name_plural = "capaian tahun lalu"
        ordering = ["indikator_lalu", "tahun"]
        constraints = [models.UniqueConstraint(fields=["indikator_lalu", "tahun"], name="capaian_lalu_unik")]

    def __str__(self) -> str:
        return f"{self.indikator_lalu.uraian} {self.tahun}"

    def clean(self) -> None:
        if self.indikator_lalu_id:
            self.indikator_lalu.check_tahun(self.tahun)


class ProgramLalu(_Berlaku):
    """A program of earlier years as T-C.24 prints it; its money is in AnggaranLalu, per year."""

    periode = models.ForeignKey(Periode, on_delete=models.CASCADE, related_name="program_lalu",
                                verbose_name="periode Renstra")
    urutan = models.PositiveSmallIntegerField("nomor urut", default=1)
    uraian = models.CharField("program", max_length=400)

    class Meta:
        verbose_name = "program tahun lalu (T-C.24)"
        verbose_name_plural = "program tahun lalu (T-C.24)"
        ordering = ["periode", "berlaku_mulai", "urutan", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["periode", "berlaku_mulai", "urutan"], name="program_lalu_urutan_unik"),
        ]

    def __str__(self) -> str:
        return f"{self.uraian} ({self.berlaku_label})"


class AnggaranLalu(models.Model):
    """Anggaran and realisasi of an earlier program in one year: exactly one record per program
    per year, so a total can never count a year twice."""

    program_lalu = models.ForeignKey(ProgramLalu, on_delete=models.CASCADE, related_name="anggaran",
                                     verbose_name="program")
    tahun = models.PositiveSmallIntegerField("tahun")
    anggaran = models.DecimalField("anggaran (Rp)", null=True, blank=True, validators=[MinValueValidator(0)],
                                   help_text="Kosongkan bila tidak ada data; isi 0 bila tidak dianggarkan.",
                                   **RP_DIGITS)
    realisasi = models.DecimalField("realisasi (Rp)", null=True, blank=True, validators=[MinValueValidator(0)],
                                    **RP_DIGITS)

    class Meta:
        verbose_name = "anggaran tahun lalu"
        verbose_name_plural = "anggaran tahun lalu"
        ordering = ["program_lalu", "tahun"]
        constraints = [
            models.UniqueConstraint(fields=["program_lalu", "tahun"], name="anggaran_lalu_unik"),
            models.CheckConstraint(condition=models.Q(anggaran__gte=0) | models.Q(anggaran__isnull=True),
                                   name="anggaran_lalu_tidak_negatif"),
            models.CheckConstraint(condition=models.Q(realisasi__gte=0) | models.Q(realisasi__isnull=True),
                                   name="realisasi_lalu_tidak_negatif"),
        ]

    def __str__(self) -> str:
        return f"{self.program_lalu.uraian} {self.tahun}"

    def clean(self) -> None:
        if self.program_lalu_id:
            self.program_lalu.check_tahun(self.tahun)


class RiwayatCapaian(TargetRealisasiNilai, models.Model):
    """What an indicator of this Renstra (tujuan, sasaran, program, kegiatan) targeted and reached in
    a year its own Target and triwulan reports do not cover: the years before the period (taken from
    the previous Renstra, typed or imported), and a year n-1 of a Renja whose realisasi is still an
    estimate. Read where a table needs such a year (T-C.29 column 5 and 7, T-C.30 in years relative to
    the Renja): a Target of the period and a triwulan report of the year win over this record."""

    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="riwayat_capaian",
                                  verbose_name="indikator")
    tahun = models.PositiveSmallIntegerField("tahun")
    target = models.DecimalField("target", null=True, blank=True, **VALUE_DIGITS)
    target_label = models.CharField("keterangan target", max_length=30, blank=True, help_text="Mis. B- atau N/A")
    realisasi = models.DecimalField("realisasi", null=True, blank=True, **VALUE_DIGITS)
    realisasi_label = models.CharField("keterangan realisasi", max_length=30, blank=True,
                                       help_text="Mis. B- atau N/A")
    perkiraan = models.BooleanField("realisasi masih perkiraan", default=False,
                                    help_text="Dicetak bertanda * dengan catatan 'perkiraan realisasi'.")

    class Meta:
        verbose_name = "riwayat capaian sebelum periode"
        verbose_name_plural = "riwayat capaian sebelum periode"
        ordering = ["indikator", "tahun"]
        constraints = [models.UniqueConstraint(fields=["indikator", "tahun"], name="riwayat_capaian_unik")]

    def __str__(self) -> str:
        return f"{self.indikator} {self.tahun}: {self.target_nilai} / {self.realisasi_nilai}"

    def clean(self) -> None:
        if not self.indikator_id or not self.tahun:
            return
        periode = self.indikator.periode
        if self.tahun >= periode.tahun_selesai:
            raise ValidationError({"tahun": f"Tahun {self.tahun}: riwayat capaian hanya untuk tahun sebelum "
                                            f"{periode.tahun_selesai} (tahun n-1 suatu Renja)."})
        if self.perkiraan and self.realisasi is None and not self.realisasi_label:
            raise ValidationError({"perkiraan": "Tanda perkiraan hanya untuk realisasi yang diisi."})
