"""Indicators at every level of the cascade, their yearly targets and triwulan realizations,
and the money: pagu per year per budget stage and realisasi anggaran per triwulan."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from kecamatan.core.computations import AturanAkhir, Polaritas, default_aturan_akhir
from kecamatan.core.formatting import Nilai
from kecamatan.core.rentang import Rentang, rentang_indikator
from kecamatan.models.cascade import Kegiatan, Program, Sasaran, SubKegiatan, Tujuan
from kecamatan.models.wilayah import Periode

VALUE_DIGITS = {"max_digits": 18, "decimal_places": 4}
RP_DIGITS = {"max_digits": 18, "decimal_places": 2}

OWNER_FIELDS = ("tujuan", "sasaran", "program", "kegiatan", "subkegiatan")


class NilaiFields(models.Model):
    """A Decimal that may be absent, plus a label: 62 (B-), N/A, -, NIHIL (tables.md §0.3-0.4)."""

    nilai = models.DecimalField("nilai", null=True, blank=True, **VALUE_DIGITS)
    label = models.CharField("keterangan nilai", max_length=30, blank=True, help_text="Mis. B- pada 62 (B-), atau N/A")

    PERAN = "Nilai"  # what the value is, in the range messages: "Target", "Realisasi"

    class Meta:
        abstract = True

    @property
    def as_nilai(self) -> Nilai:
        return Nilai(self.nilai, self.label)

    def set_nilai(self, value: Nilai) -> None:
        self.nilai, self.label = value.nilai, value.label

    def clean(self) -> None:
        if self.nilai is None and not self.label:
            raise ValidationError({"nilai": "Isi angka, atau keterangan seperti N/A bila tidak ada angka."})
        indikator = self._indikator_loaded()
        if indikator is not None:
            masalah = indikator.rentang.masalah(self.nilai, self.PERAN)
            if masalah:
                raise ValidationError({"nilai": masalah}, code="rentang")

    def _indikator_loaded(self):
        """The indicator the value belongs to (every subclass has one), or None when not set yet."""
        if getattr(self, "indikator_id", None) is None and "indikator" not in self._state.fields_cache:
            return None
        return self.indikator


class Indikator(models.Model):
    """A performance indicator of a tujuan, sasaran, program, kegiatan or sub-kegiatan."""

    periode = models.ForeignKey(Periode, on_delete=models.CASCADE, related_name="indikator", verbose_name="periode")
    tujuan = models.ForeignKey(Tujuan, on_delete=models.CASCADE, null=True, blank=True, related_name="indikator")
    sasaran = models.ForeignKey(Sasaran, on_delete=models.CASCADE, null=True, blank=True, related_name="indikator")
    program = models.ForeignKey(Program, on_delete=models.CASCADE, null=True, blank=True, related_name="indikator")
    kegiatan = models.ForeignKey(Kegiatan, on_delete=models.CASCADE, null=True, blank=True, related_name="indikator")
    subkegiatan = models.ForeignKey(
        SubKegiatan, on_delete=models.CASCADE, null=True, blank=True, related_name="indikator", verbose_name="sub kegiatan"
    )
    urutan = models.PositiveSmallIntegerField("nomor urut", default=1)
    uraian = models.TextField("indikator")
    satuan = models.CharField("satuan", max_length=60)
    formula = models.TextField("formulasi penghitungan", blank=True)
    penjelasan = models.TextField("penjelasan / definisi operasional", blank=True)
    polaritas = models.CharField(
        "polaritas", max_length=10, choices=[(p.value, p.value.capitalize()) for p in Polaritas],
        default=Polaritas.POSITIF.value,
        help_text="Negatif bila realisasi yang lebih rendah berarti kinerja lebih baik.",
    )
    aturan_akhir = models.CharField(
        "nilai akhir periode", max_length=12,
        choices=[
            (AturanAkhir.JUMLAH.value, "Jumlah seluruh tahun"),
            (AturanAkhir.NILAI_AKHIR.value, "Nilai tahun terakhir"),
            (AturanAkhir.RATA_RATA.value, "Rata-rata tahun"),
        ],
        blank=True,
        help_text="Kosongkan untuk memakai bawaan dari satuan (persen/angka: tahun terakhir; jumlah: dijumlah).",
    )
    kondisi_awal = models.DecimalField("kondisi awal", null=True, blank=True, **VALUE_DIGITS)
    kondisi_awal_label = models.CharField("keterangan kondisi awal", max_length=30, blank=True)
    boleh_lebih_100 = models.BooleanField(
        "nilai persen boleh di atas 100", default=False,
        help_text="Hanya untuk satuan persen. Centang bila target atau realisasinya memang dapat melebihi 100, "
                  "mis. persentase realisasi PAD terhadap target (105%). Tanpa centang, nilai di atas 100 ditolak.",
    )
    iku = models.BooleanField("indikator kinerja utama (IKU)", default=False)
    sumber_data = models.CharField("sumber data", max_length=200, blank=True)
    penanggung_jawab = models.CharField("penanggung jawab", max_length=200, blank=True)

    class Meta:
        verbose_name = "indikator"
        verbose_name_plural = "indikator"
        ordering = ["periode", "urutan", "pk"]
        constraints = [
            models.CheckConstraint(
                name="indikator_satu_pemilik",
                condition=(
                    models.Q(tujuan__isnull=False, sasaran__isnull=True, program__isnull=True, kegiatan__isnull=True, subkegiatan__isnull=True)
                    | models.Q(tujuan__isnull=True, sasaran__isnull=False, program__isnull=True, kegiatan__isnull=True, subkegiatan__isnull=True)
                    | models.Q(tujuan__isnull=True, sasaran__isnull=True, program__isnull=False, kegiatan__isnull=True, subkegiatan__isnull=True)
                    | models.Q(tujuan__isnull=True, sasaran__isnull=True, program__isnull=True, kegiatan__isnull=False, subkegiatan__isnull=True)
                    | models.Q(tujuan__isnull=True, sasaran__isnull=True, program__isnull=True, kegiatan__isnull=True, subkegiatan__isnull=False)
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.uraian

    @property
    def owner(self):
        for name in OWNER_FIELDS:
            if getattr(self, f"{name}_id"):
                return getattr(self, name)
        return None

    @property
    def level(self) -> str:
        for name in OWNER_FIELDS:
            if getattr(self, f"{name}_id"):
                return name
        return ""

    @property
    def aturan(self) -> AturanAkhir:
        return AturanAkhir(self.aturan_akhir) if self.aturan_akhir else default_aturan_akhir(self.satuan)

    @property
    def polaritas_enum(self) -> Polaritas:
        return Polaritas(self.polaritas)

    @property
    def kondisi_awal_nilai(self) -> Nilai:
        return Nilai(self.kondisi_awal, self.kondisi_awal_label)

    @property
    def rentang(self) -> Rentang:
        """The values its targets, realisasi and kondisi awal may take (core.rentang)."""
        return rentang_indikator(self.satuan, boleh_lebih_100=self.boleh_lebih_100)

    def owner_periode_id(self) -> int | None:
        owner = self.owner
        if owner is None:
            return None
        if isinstance(owner, Tujuan):
            return owner.periode_id
        if isinstance(owner, Sasaran):
            return owner.tujuan.periode_id
        if isinstance(owner, Program):
            return owner.periode_id
        if isinstance(owner, Kegiatan):
            return owner.program.periode_id
        return owner.kegiatan.program.periode_id

    def clean(self) -> None:
        owners = [name for name in OWNER_FIELDS if getattr(self, f"{name}_id")]
        if len(owners) != 1:
            raise ValidationError("Indikator harus milik tepat satu tujuan, sasaran, program, kegiatan atau sub kegiatan.")
        if self.periode_id and self.owner_periode_id() != self.periode_id:
            raise ValidationError("Indikator harus berada pada periode Renstra yang sama dengan pemiliknya.")

    def save(self, *args, **kwargs):
        if not self.periode_id:
            self.periode_id = self.owner_periode_id()
        super().save(*args, **kwargs)


class Triwulan(models.IntegerChoices):
    I = 1, "TW I"
    II = 2, "TW II"
    III = 3, "TW III"
    IV = 4, "TW IV"


class Target(NilaiFields):
    PERAN = "Target"

    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="target", verbose_name="indikator")
    tahun = models.PositiveSmallIntegerField("tahun")

    history = HistoricalRecords(verbose_name="riwayat target")

    class Meta:
        verbose_name = "target"
        verbose_name_plural = "target"
        ordering = ["indikator", "tahun"]
        constraints = [models.UniqueConstraint(fields=["indikator", "tahun"], name="target_unik")]

    def __str__(self) -> str:
        return f"{self.indikator} {self.tahun}: {self.as_nilai}"

    def clean(self) -> None:
        super().clean()
        if self.indikator_id and self.tahun:
            periode = self.indikator.periode
            if not (periode.tahun_mulai <= self.tahun <= periode.tahun_selesai):
                raise ValidationError({"tahun": f"Tahun {self.tahun} di luar periode Renstra {periode.label}."})


class Realisasi(NilaiFields):
    """What an indicator reached in one triwulan of one year (as reported that quarter)."""

    PERAN = "Realisasi"

    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="realisasi", verbose_name="indikator")
    tahun = models.PositiveSmallIntegerField("tahun")
    triwulan = models.PositiveSmallIntegerField("triwulan", choices=Triwulan.choices)
    keterangan = models.TextField("keterangan", blank=True, help_text="Wajib bila nilai tidak berupa angka (mis. alasan N/A).")

    history = HistoricalRecords(verbose_name="riwayat realisasi")

    class Meta:
        verbose_name = "realisasi"
        verbose_name_plural = "realisasi"
        ordering = ["indikator", "tahun", "triwulan"]
        constraints = [models.UniqueConstraint(fields=["indikator", "tahun", "triwulan"], name="realisasi_unik")]

    def __str__(self) -> str:
        return f"{self.indikator} {self.tahun} TW {self.triwulan}: {self.as_nilai}"

    def clean(self) -> None:
        super().clean()
        if self.nilai is None and self.label and not self.keterangan.strip():
            raise ValidationError({"keterangan": f"Beri alasan mengapa realisasi '{self.label}'."})


class Pagu(models.Model):
    """Budget of a sub-kegiatan for a year at one budget stage; higher levels are rolled up.

    Renja (models/renja.py): a sub-kegiatan with Aktivitas in the Renja of year n has no renja Pagu
    for n; its dana is the sum of the aktivitas. Read Renja money through `renja.selectors`.
    """

    class Tahap(models.TextChoices):
        RENSTRA = "renstra", "Renstra (indikatif)"
        RANCANGAN = "rancangan", "Renja rancangan"
        RENJA = "renja", "Renja/DPA final"
        PERUBAHAN = "perubahan", "Perubahan"
        PRAKIRAAN = "prakiraan", "Prakiraan maju (Renja tahun sebelumnya)"

    subkegiatan = models.ForeignKey(SubKegiatan, on_delete=models.CASCADE, related_name="pagu", verbose_name="sub kegiatan")
    tahun = models.PositiveSmallIntegerField("tahun")
    tahap = models.CharField("tahap", max_length=12, choices=Tahap.choices, default=Tahap.RENSTRA)
    jumlah = models.DecimalField("jumlah (Rp)", validators=[MinValueValidator(0)], **RP_DIGITS)

    history = HistoricalRecords(verbose_name="riwayat pagu")

    class Meta:
        verbose_name = "pagu"
        verbose_name_plural = "pagu"
        ordering = ["subkegiatan", "tahun", "tahap"]
        constraints = [
            models.UniqueConstraint(fields=["subkegiatan", "tahun", "tahap"], name="pagu_unik"),
            models.CheckConstraint(condition=models.Q(jumlah__gte=0), name="pagu_tidak_negatif"),
        ]

    def __str__(self) -> str:
        return f"{self.subkegiatan.kode} {self.tahun} {self.get_tahap_display()}"


class RealisasiAnggaran(models.Model):
    """Rupiah spent by a sub-kegiatan in one triwulan (the quarter's own amount, not cumulative)."""

    subkegiatan = models.ForeignKey(
        SubKegiatan, on_delete=models.CASCADE, related_name="realisasi_anggaran", verbose_name="sub kegiatan"
    )
    tahun = models.PositiveSmallIntegerField("tahun")
    triwulan = models.PositiveSmallIntegerField("triwulan", choices=Triwulan.choices,
                                                validators=[MinValueValidator(1), MaxValueValidator(4)])
    jumlah = models.DecimalField("realisasi (Rp)", validators=[MinValueValidator(0)], **RP_DIGITS)

    history = HistoricalRecords(verbose_name="riwayat realisasi anggaran")

    class Meta:
        verbose_name = "realisasi anggaran"
        verbose_name_plural = "realisasi anggaran"
        ordering = ["subkegiatan", "tahun", "triwulan"]
        constraints = [
            models.UniqueConstraint(fields=["subkegiatan", "tahun", "triwulan"], name="realisasi_anggaran_unik"),
            models.CheckConstraint(condition=models.Q(jumlah__gte=0), name="realisasi_anggaran_tidak_negatif"),
        ]

    def __str__(self) -> str:
        return f"{self.subkegiatan.kode} {self.tahun} TW {self.triwulan}"
