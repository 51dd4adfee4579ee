"""Documents a kecamatan submits (Renstra, Renja of a year, realization of a triwulan, LKj of a
year), their workflow status, who signs them, and the history of what was done to them."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from kecamatan.core import kunci
from kecamatan.core.kunci import judul_dokumen, kunci_dokumen
from kecamatan.core.validators import format_nip
from kecamatan.models.wilayah import Camat, Periode


class Dokumen(models.Model):
    class Jenis(models.TextChoices):
        RENSTRA = kunci.RENSTRA, kunci.JENIS_LABEL[kunci.RENSTRA]
        RENJA = kunci.RENJA, kunci.JENIS_LABEL[kunci.RENJA]
        REALISASI = kunci.REALISASI, kunci.JENIS_LABEL[kunci.REALISASI]
        LKJ = kunci.LKJ, kunci.JENIS_LABEL[kunci.LKJ]

    class Status(models.TextChoices):
        DRAFT = "draft", "Draf"
        DIAJUKAN = "diajukan", "Diajukan"
        DIVERIFIKASI = "diverifikasi", "Diverifikasi"
        DIKEMBALIKAN = "dikembalikan", "Dikembalikan"

    LOCKED = (Status.DIAJUKAN, Status.DIVERIFIKASI)

    periode = models.ForeignKey(Periode, on_delete=models.CASCADE, related_name="dokumen", verbose_name="periode Renstra")
    jenis = models.CharField("jenis", max_length=10, choices=Jenis.choices)
    tahun = models.PositiveSmallIntegerField("tahun", null=True, blank=True)
    triwulan = models.PositiveSmallIntegerField("triwulan", null=True, blank=True)
    status = models.CharField("status", max_length=12, choices=Status.choices, default=Status.DRAFT)
    versi = models.PositiveIntegerField("versi", default=1, help_text="Naik setiap kali isi dokumen disimpan.")
    camat = models.ForeignKey(
        Camat, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="penanda tangan"
    )
    ttd_tempat = models.CharField("tempat penandatanganan", max_length=60, blank=True)
    ttd_tanggal = models.DateField("tanggal penandatanganan", null=True, blank=True)
    ttd_hanya_bulan = models.BooleanField(
        "cetak bulan dan tahun saja", default=False, help_text="Dokumen sering ditandatangani 'Mei 2023' tanpa tanggal."
    )
    tata_letak = models.JSONField(
        "tata letak tabel", null=True, blank=True,
        help_text="Tata letak tiap tabel yang melekat pada dokumen ({tabel: nama}): ditetapkan saat diajukan, dilepas saat dikembalikan.",
    )
    dibuka_bappeda = models.DateTimeField(
        "dibuka Bappeda", null=True, blank=True,
        help_text="Kapan verifikator Bappeda pertama kali membuka pengajuan terakhir; sesudah itu Camat tidak dapat "
                  "menariknya lagi. Dikosongkan setiap kali dokumen diajukan.",
    )

    class Meta:
        verbose_name = "dokumen"
        verbose_name_plural = "dokumen"
        ordering = ["periode", "jenis", "tahun", "triwulan"]
        constraints = [
            models.UniqueConstraint(fields=["periode", "jenis"], condition=models.Q(jenis="renstra"),
                                    name="dokumen_renstra_unik"),
            models.UniqueConstraint(fields=["periode", "jenis", "tahun"], condition=models.Q(jenis__in=["renja", "lkj"]),
                                    name="dokumen_tahunan_unik"),
            models.UniqueConstraint(fields=["periode", "tahun", "triwulan"], condition=models.Q(jenis="realisasi"),
                                    name="dokumen_triwulan_unik"),
        ]

    def __str__(self) -> str:
        return f"{self.judul} {self.periode.kecamatan.nama}"

    @property
    def judul(self) -> str:
        """The document's name without the kecamatan: "Realisasi 2024 TW I", "Renja 2025"."""
        return judul_dokumen(self.jenis, self.tahun, self.triwulan, self.periode.label if self.periode_id else "")

    @property
    def kunci(self) -> str:
        """The document's key inside its period, used in URLs: renstra, renja-2025, realisasi-2024-1."""
        return kunci_dokumen(self.jenis, self.tahun, self.triwulan)

    @property
    def is_locked(self) -> bool:
        return self.status in self.LOCKED

    @property
    def nip_cetak(self) -> str:
        return format_nip(self.camat.nip) if self.camat_id else ""

    def clean(self) -> None:
        if self.jenis == self.Jenis.RENSTRA and (self.tahun or self.triwulan):
            raise ValidationError("Dokumen Renstra tidak mempunyai tahun atau triwulan.")
        if self.jenis in (self.Jenis.RENJA, self.Jenis.LKJ, self.Jenis.REALISASI) and not self.tahun:
            raise ValidationError({"tahun": "Isi tahun dokumen."})
        if self.jenis == self.Jenis.REALISASI and self.triwulan not in (1, 2, 3, 4):
            raise ValidationError({"triwulan": "Triwulan harus 1 sampai 4."})
        if self.jenis != self.Jenis.REALISASI and self.triwulan:
            raise ValidationError({"triwulan": "Hanya dokumen realisasi yang mempunyai triwulan."})
        if self.tahun and self.periode_id and not (
            self.periode.tahun_mulai <= self.tahun <= self.periode.tahun_selesai
        ):
            raise ValidationError({"tahun": f"Tahun {self.tahun} di luar periode Renstra {self.periode.label}."})
        if self.camat_id and self.periode_id and self.camat.kecamatan_id != self.periode.kecamatan_id:
            raise ValidationError({"camat": "Penanda tangan harus Camat dari kecamatan yang sama."})


class Riwayat(models.Model):
    """One thing someone did to a document: created, submitted, withdrawn, verified, returned, reopened."""

    class Aksi(models.TextChoices):
        BUAT = "buat", "Dibuat"
        AJUKAN = "ajukan", "Diajukan"
        VERIFIKASI = "verifikasi", "Diverifikasi"
        KEMBALIKAN = "kembalikan", "Dikembalikan"
        BUKA_KEMBALI = "buka_kembali", "Dibuka kembali"
        TARIK = "tarik", "Pengajuan ditarik"
        UBAH = "ubah", "Diubah"
        IMPOR = "impor", "Diimpor"

    dokumen = models.ForeignKey(Dokumen, on_delete=models.CASCADE, related_name="riwayat", verbose_name="dokumen")
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="+", verbose_name="oleh")
    aksi = models.CharField("aksi", max_length=14, choices=Aksi.choices)
    dari_status = models.CharField("dari status", max_length=12, blank=True)
    ke_status = models.CharField("ke status", max_length=12, blank=True)
    catatan = models.TextField("catatan", blank=True)
    waktu = models.DateTimeField("waktu", auto_now_add=True)
    versi = models.PositiveIntegerField("versi dokumen", null=True, blank=True,
                                        help_text="Versi dokumen sesudah tindakan ini.")
    perubahan = models.JSONField(
        "perubahan", default=list, blank=True,
        help_text="Untuk penyimpanan: daftar {item, dari, ke} yang diubah, ditampilkan bila terjadi bentrok.",
    )

    class Meta:
        verbose_name = "riwayat dokumen"
        verbose_name_plural = "riwayat dokumen"
        ordering = ["dokumen", "waktu", "pk"]

    def __str__(self) -> str:
        return f"{self.dokumen}: {self.get_aksi_display()}"


class CatatanItem(models.Model):
    """Bappeda's note on one row (an indicator or a sub-kegiatan) when it returns a document."""

    riwayat = models.ForeignKey(Riwayat, on_delete=models.CASCADE, related_name="catatan_item", verbose_name="riwayat")
    indikator = models.ForeignKey("Indikator", on_delete=models.CASCADE, null=True, blank=True, related_name="+",
                                  verbose_name="indikator")
    subkegiatan = models.ForeignKey("SubKegiatan", on_delete=models.CASCADE, null=True, blank=True, related_name="+",
                                    verbose_name="sub kegiatan")
    catatan = models.TextField("catatan")

    class Meta:
        verbose_name = "catatan per baris"
        verbose_name_plural = "catatan per baris"
        ordering = ["riwayat", "pk"]
        constraints = [
            models.CheckConstraint(
                name="catatan_item_satu_baris",
                condition=(
                    models.Q(indikator__isnull=False, subkegiatan__isnull=True)
                    | models.Q(indikator__isnull=True, subkegiatan__isnull=False)
                ),
            )
        ]

    def __str__(self) -> str:
        return self.catatan
