"""What a kecamatan signs and reports about one year's performance, beyond the Renstra cascade:
the IKU sheet it issues (penetapan IKU), its Perjanjian Kinerja (awal and perubahan, with target
and program rows), the kabupaten's criteria scale for capaian (LKj Tabel 3.1), the settings of
its LKj (which kecamatan to compare with, notes) and comparison values typed in for a kecamatan
that has no data in the app.

Money never lives here: a PK's program budgets are the rolled-up sub-kegiatan Pagu of the
matching stage (renja for awal, perubahan for perubahan), so the PK and the LKj tables cannot
disagree.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models

from kecamatan.models.cascade import Program
from kecamatan.models.kinerja import Indikator, NilaiFields, Pagu
from kecamatan.models.wilayah import Camat, Kabupaten, Kecamatan, Periode


def _check_tahun(periode: Periode, tahun: int | None) -> None:
    if tahun and not (periode.tahun_mulai <= tahun <= periode.tahun_selesai):
        raise ValidationError({"tahun": f"Tahun {tahun} di luar periode Renstra {periode.label}."})


def _check_camat(periode: Periode, camat: Camat | None) -> None:
    if camat is not None and camat.kecamatan_id != periode.kecamatan_id:
        raise ValidationError({"camat": "Penanda tangan harus Camat dari kecamatan yang sama."})


class SkalaKriteria(models.Model):
    """One band of a kabupaten's scale for capaian (LKj Tabel 3.1): a capaian above
    `batas_bawah` (exclusive) gets `kriteria`; the lowest band has no lower bound."""

    kabupaten = models.ForeignKey(Kabupaten, on_delete=models.CASCADE, related_name="skala_kriteria",
                                  verbose_name="kabupaten")
    berlaku_mulai = models.PositiveSmallIntegerField("berlaku mulai tahun")
    batas_bawah = models.DecimalField(
        "batas bawah capaian (%)", max_digits=7, decimal_places=2, null=True, blank=True,
        help_text="Capaian di atas angka ini (tidak termasuk) mendapat kriteria ini. Kosongkan untuk kriteria terendah.",
    )
    kriteria = models.CharField("kriteria capaian kinerja", max_length=60)

    class Meta:
        verbose_name = "skala kriteria capaian"
        verbose_name_plural = "skala kriteria capaian"
        ordering = ["kabupaten", "-berlaku_mulai", models.F("batas_bawah").desc(nulls_last=True)]
        constraints = [
            models.UniqueConstraint(fields=["kabupaten", "berlaku_mulai", "batas_bawah"], name="skala_batas_unik"),
            models.UniqueConstraint(fields=["kabupaten", "berlaku_mulai"], condition=models.Q(batas_bawah__isnull=True),
                                    name="skala_satu_terendah"),
        ]

    def __str__(self) -> str:
        batas = "terendah" if self.batas_bawah is None else f"> {self.batas_bawah}"
        return f"{self.kabupaten.nama} {self.berlaku_mulai}: {batas} {self.kriteria}"


class PenetapanIKU(models.Model):
    """The IKU sheet a kecamatan issues for one year: who signs it, where and when, and the
    office's tugas pokok and fungsi printed above the table. The rows are the IKU indicators
    of the Renstra with that year's target."""

    periode = models.ForeignKey(Periode, on_delete=models.CASCADE, related_name="penetapan_iku",
                                verbose_name="periode Renstra")
    tahun = models.PositiveSmallIntegerField("tahun target")
    camat = models.ForeignKey(Camat, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                              verbose_name="penanda tangan")
    ttd_tempat = models.CharField("tempat penandatanganan", max_length=60, blank=True)
    ttd_tanggal = models.DateField("tanggal penandatanganan", null=True, blank=True)
    tugas_pokok = models.TextField("tugas pokok", blank=True)
    fungsi = models.TextField("fungsi", blank=True, help_text="Satu fungsi per baris, mis. 'a. menyelenggarakan …'.")

    class Meta:
        verbose_name = "penetapan IKU"
        verbose_name_plural = "penetapan IKU"
        ordering = ["periode", "tahun"]
        constraints = [models.UniqueConstraint(fields=["periode", "tahun"], name="penetapan_iku_unik")]

    def __str__(self) -> str:
        return f"IKU {self.periode.kecamatan.nama} {self.tahun}"

    def clean(self) -> None:
        if self.periode_id:
            _check_tahun(self.periode, self.tahun)
            _check_camat(self.periode, self.camat)


class PerjanjianKinerja(models.Model):
    """A Perjanjian Kinerja of a year: the awal (murni) one, and possibly a perubahan that is
    stored beside it (the awal is kept, both are printed side by side)."""

    class Versi(models.TextChoices):
        AWAL = "awal", "Awal (murni)"
        PERUBAHAN = "perubahan", "Perubahan"

    # the Pagu stage whose rolled-up program budgets each version prints
    TAHAP_PAGU = {Versi.AWAL: Pagu.Tahap.RENJA, Versi.PERUBAHAN: Pagu.Tahap.PERUBAHAN}

    periode = models.ForeignKey(Periode, on_delete=models.CASCADE, related_name="perjanjian_kinerja",
                                verbose_name="periode Renstra")
    tahun = models.PositiveSmallIntegerField("tahun")
    versi = models.CharField("versi", max_length=10, choices=Versi.choices, default=Versi.AWAL)
    camat = models.ForeignKey(Camat, on_delete=models.PROTECT, related_name="+", verbose_name="pihak pertama (Camat)")
    pihak_kedua_nama = models.CharField("nama pihak kedua", max_length=150, help_text="Mis. INDAH WAHYUNI, S.H., M.Si.")
    pihak_kedua_jabatan = models.CharField("jabatan pihak kedua", max_length=100, default="Bupati Lumajang",
                                           help_text="Mis. Bupati Lumajang atau Pj. Bupati Lumajang.")
    ttd_tempat = models.CharField("tempat penandatanganan", max_length=60, blank=True)
    ttd_tanggal = models.DateField("tanggal penandatanganan", null=True, blank=True)

    class Meta:
        verbose_name = "perjanjian kinerja"
        verbose_name_plural = "perjanjian kinerja"
        ordering = ["periode", "tahun", "versi"]
        constraints = [models.UniqueConstraint(fields=["periode", "tahun", "versi"], name="perjanjian_kinerja_unik")]

    def __str__(self) -> str:
        awalan = "Perubahan Perjanjian Kinerja" if self.versi == self.Versi.PERUBAHAN else "Perjanjian Kinerja"
        return f"{awalan} {self.periode.kecamatan.nama} {self.tahun}"

    @property
    def tahap_pagu(self) -> str:
        return self.TAHAP_PAGU[self.Versi(self.versi)]

    def clean(self) -> None:
        if not self.periode_id:
            return
        _check_tahun(self.periode, self.tahun)
        _check_camat(self.periode, self.camat if self.camat_id else None)
        if self.versi == self.Versi.PERUBAHAN and self.tahun:
            awal = PerjanjianKinerja.objects.filter(periode=self.periode, tahun=self.tahun, versi=self.Versi.AWAL)
            if not awal.exists():
                raise ValidationError({"versi": f"Buat dulu Perjanjian Kinerja awal tahun {self.tahun}; "
                                                "perubahan disimpan di samping versi awal."})


class TargetPK(NilaiFields):
    """A target the Camat commits to in a PK: one tujuan or sasaran indicator."""

    PERAN = "Target Perjanjian Kinerja"

    perjanjian = models.ForeignKey(PerjanjianKinerja, on_delete=models.CASCADE, related_name="target",
                                   verbose_name="perjanjian kinerja")
    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="target_pk", verbose_name="indikator")
    urutan = models.PositiveSmallIntegerField("nomor urut", default=1)

    class Meta:
        verbose_name = "target perjanjian kinerja"
        verbose_name_plural = "target perjanjian kinerja"
        ordering = ["perjanjian", "urutan", "pk"]
        constraints = [models.UniqueConstraint(fields=["perjanjian", "indikator"], name="target_pk_unik")]

    def __str__(self) -> str:
        return f"{self.perjanjian}: {self.indikator} {self.as_nilai}"

    def clean(self) -> None:
        super().clean()
        if self.perjanjian_id and self.indikator_id:
            if self.indikator.periode_id != self.perjanjian.periode_id:
                raise ValidationError({"indikator": "Indikator harus dari Renstra yang sama dengan perjanjian kinerja."})
            if self.indikator.level not in ("tujuan", "sasaran"):
                raise ValidationError({"indikator": "Perjanjian kinerja memuat indikator tujuan atau sasaran strategis."})


class ProgramPK(models.Model):
    """A program listed in a PK's lampiran; its anggaran is computed from sub-kegiatan Pagu."""

    perjanjian = models.ForeignKey(PerjanjianKinerja, on_delete=models.CASCADE, related_name="program",
                                   verbose_name="perjanjian kinerja")
    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="+", verbose_name="program")
    urutan = models.PositiveSmallIntegerField("nomor urut", default=1)
    keterangan = models.CharField("keterangan", max_length=100, blank=True, help_text="Mis. Sumber DAU.")

    class Meta:
        verbose_name = "program perjanjian kinerja"
        verbose_name_plural = "program perjanjian kinerja"
        ordering = ["perjanjian", "urutan", "pk"]
        constraints = [models.UniqueConstraint(fields=["perjanjian", "program"], name="program_pk_unik")]

    def __str__(self) -> str:
        return f"{self.perjanjian}: {self.program}"

    def clean(self) -> None:
        if self.perjanjian_id and self.program_id and self.program.periode_id != self.perjanjian.periode_id:
            raise ValidationError({"program": "Program harus dari Renstra yang sama dengan perjanjian kinerja."})


class PengaturanLKj(models.Model):
    """Choices of one year's LKj that are not performance data: the kecamatan it compares
    itself with by default (Tabel 3.7) and a note printed under the budget table (Tabel 3.9)."""

    periode = models.ForeignKey(Periode, on_delete=models.CASCADE, related_name="pengaturan_lkj",
                                verbose_name="periode Renstra")
    tahun = models.PositiveSmallIntegerField("tahun")
    kecamatan_pembanding = models.ForeignKey(
        Kecamatan, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name="kecamatan pembanding", help_text="Bawaan Tabel 3.7; pengguna dapat memilih kecamatan lain.",
    )
    catatan_anggaran = models.TextField(
        "catatan realisasi anggaran", blank=True,
        help_text="Dicetak di bawah Tabel 3.9, mis. asal data realisasi per sub kegiatan.",
    )

    class Meta:
        verbose_name = "pengaturan LKj"
        verbose_name_plural = "pengaturan LKj"
        ordering = ["periode", "tahun"]
        constraints = [models.UniqueConstraint(fields=["periode", "tahun"], name="pengaturan_lkj_unik")]

    def __str__(self) -> str:
        return f"Pengaturan LKj {self.periode.kecamatan.nama} {self.tahun}"

    def clean(self) -> None:
        if not self.periode_id:
            return
        _check_tahun(self.periode, self.tahun)
        pembanding = self.kecamatan_pembanding if self.kecamatan_pembanding_id else None
        if pembanding is not None:
            if pembanding.pk == self.periode.kecamatan_id:
                raise ValidationError({"kecamatan_pembanding": "Pilih kecamatan lain sebagai pembanding."})
            if pembanding.kabupaten_id != self.periode.kecamatan.kabupaten_id:
                raise ValidationError({"kecamatan_pembanding": "Kecamatan pembanding harus dari kabupaten yang sama."})


class NilaiPembanding(NilaiFields):
    """A realisasi of another kecamatan, typed in by this one for its comparison table, used
    only while that kecamatan has no realisasi of its own in the app for the indicator."""

    PERAN = "Nilai pembanding"

    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="nilai_pembanding",
                                  verbose_name="indikator (milik kecamatan ini)")
    tahun = models.PositiveSmallIntegerField("tahun")
    kecamatan = models.ForeignKey(Kecamatan, on_delete=models.CASCADE, related_name="+",
                                  verbose_name="kecamatan pembanding")
    sumber = models.CharField("sumber", max_length=200, blank=True, help_text="Dari mana angka ini diambil.")

    class Meta:
        verbose_name = "nilai pembanding"
        verbose_name_plural = "nilai pembanding"
        ordering = ["indikator", "tahun", "kecamatan"]
        constraints = [models.UniqueConstraint(fields=["indikator", "tahun", "kecamatan"], name="nilai_pembanding_unik")]

    def __str__(self) -> str:
        return f"{self.indikator} {self.tahun}, Kecamatan {self.kecamatan.nama}: {self.as_nilai}"

    def clean(self) -> None:
        super().clean()
        if self.indikator_id and self.kecamatan_id and self.indikator.periode.kecamatan_id == self.kecamatan_id:
            raise ValidationError({"kecamatan": "Nilai pembanding harus dari kecamatan lain."})
