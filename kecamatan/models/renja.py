"""What a Renja of year n holds beyond the Renstra (tables.md §3): which sub-kegiatan it funds
and where (lokasi, sumber dana, catatan penting), the breakdown into aktivitas, the Renja targets
of year n and the prakiraan maju of n+1, the review of the Ranwal RKPD (T-C.31), the stakeholders'
proposals (T-C.32), the service analysis (T-C.30), and notes on the source document.

Money stays in `Pagu` (per sub-kegiatan, year, tahap):
- tahap `renja`, year n: the kebutuhan dana of a sub-kegiatan that has no aktivitas;
- tahap `prakiraan`, year n+1: the prakiraan maju of the Renja of year n, of a sub-kegiatan whose
  aktivitas carry no amount of their own for n+1.
When a sub-kegiatan has aktivitas in the Renja of year n, their dana are the only record of its
money for year n: no `Pagu(renja, n)` row exists beside them (the services delete it), and the
sub-kegiatan's dana is their sum, computed (`renja.data.RenjaData.dana`). Likewise for n+1: when
at least one of its aktivitas has its own `prakiraan`, the sub-kegiatan's prakiraan maju is the sum
of those amounts (`RenjaData.prakiraan`) and no `Pagu(prakiraan, n+1)` row is kept beside them (the
services and the import delete it; should one exist anyway, the itemised sum wins and the
consistency checker flags the stored row). Everything above the sub-kegiatan is rolled up, never
stored.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models

from kecamatan.core import kode as kode_mod
from kecamatan.models.cascade import Kegiatan, Program, SubKegiatan
from kecamatan.models.dokumen import Dokumen
from kecamatan.models.kinerja import RP_DIGITS, VALUE_DIGITS, Indikator, NilaiFields


class SumberDana(models.TextChoices):
    DAU = "DAU", "DAU (Dana Alokasi Umum)"
    DAK = "DAK", "DAK (Dana Alokasi Khusus)"
    DBHCHT = "DBHCHT", "DBHCHT (Dana Bagi Hasil Cukai Hasil Tembakau)"
    DBH = "DBH", "DBH (Dana Bagi Hasil lainnya)"
    DID = "DID", "DID (Dana Insentif Daerah)"
    PAD = "PAD", "PAD (Pendapatan Asli Daerah)"
    BK = "BK", "Bantuan Keuangan Provinsi"
    LAIN = "LAIN", "Lainnya"


class TahapTarget(models.TextChoices):
    RENJA = "renja", "Target Renja"
    PRAKIRAAN = "prakiraan", "Prakiraan maju (Renja tahun sebelumnya)"


def _check_renja(dokumen: Dokumen | None) -> None:
    if dokumen is not None and dokumen.jenis != Dokumen.Jenis.RENJA:
        raise ValidationError({"dokumen": "Pilih dokumen Renja."})


def _periode_id_of(node) -> int:
    if isinstance(node, Program):
        return node.periode_id
    if isinstance(node, Kegiatan):
        return node.program.periode_id
    return node.kegiatan.program.periode_id


class TargetRenja(NilaiFields):
    """The Renja's own target of an indicator (it may revise the Renstra's `Target`): tahap renja
    for the Renja's year (also the past years n-2 and n-1 that T-C.29 evaluates), tahap prakiraan
    for the year after (prakiraan maju)."""

    PERAN = "Target Renja"

    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="target_renja",
                                  verbose_name="indikator")
    tahun = models.PositiveSmallIntegerField("tahun")
    tahap = models.CharField("tahap", max_length=10, choices=TahapTarget.choices, default=TahapTarget.RENJA)

    class Meta:
        verbose_name = "target Renja"
        verbose_name_plural = "target Renja"
        ordering = ["indikator", "tahun", "tahap"]
        constraints = [models.UniqueConstraint(fields=["indikator", "tahun", "tahap"], name="target_renja_unik")]

    def __str__(self) -> str:
        return f"{self.indikator} {self.tahun} ({self.get_tahap_display()}): {self.as_nilai}"

    def clean(self) -> None:
        super().clean()
        if self.indikator_id and self.tahun:
            periode = self.indikator.periode
            # T-C.29 evaluates the two Renja years before the period's first; prakiraan reaches one past its last
            if not (periode.tahun_mulai - 2 <= self.tahun <= periode.tahun_selesai + 1):
                raise ValidationError(
                    {"tahun": f"Tahun {self.tahun} di luar jangkauan Renja periode {periode.label} "
                              f"({periode.tahun_mulai - 2}–{periode.tahun_selesai + 1})."}
                )


class RenjaSubKegiatan(models.Model):
    """A sub-kegiatan funded in the Renja of one year: lokasi, sumber dana, catatan penting (T-C.33).
    Its existence is what puts the sub-kegiatan (and its kegiatan and program) in that Renja."""

    dokumen = models.ForeignKey(Dokumen, on_delete=models.CASCADE, related_name="rincian_renja",
                                verbose_name="dokumen Renja", limit_choices_to={"jenis": Dokumen.Jenis.RENJA})
    subkegiatan = models.ForeignKey(SubKegiatan, on_delete=models.CASCADE, related_name="rincian_renja",
                                    verbose_name="sub kegiatan")
    lokasi = models.CharField("lokasi", max_length=200, blank=True)
    sumber_dana = models.CharField("sumber dana", max_length=10, choices=SumberDana.choices, blank=True, default="",
                                   help_text="Boleh kosong bila belum diketahui; pemeriksa dan laporan kelengkapan "
                                             "mencatatnya sebagai belum diisi.")
    catatan = models.TextField("catatan penting", blank=True)

    class Meta:
        verbose_name = "rincian Renja sub kegiatan"
        verbose_name_plural = "rincian Renja sub kegiatan"
        ordering = ["dokumen", "subkegiatan__nomenklatur__kode"]
        constraints = [models.UniqueConstraint(fields=["dokumen", "subkegiatan"], name="rincian_renja_unik")]

    def __str__(self) -> str:
        return f"{self.subkegiatan} (Renja {self.dokumen.tahun})"

    def clean(self) -> None:
        _check_renja(self.dokumen if self.dokumen_id else None)
        if self.dokumen_id and self.subkegiatan_id and _periode_id_of(self.subkegiatan) != self.dokumen.periode_id:
            raise ValidationError({"subkegiatan": "Sub kegiatan harus dari Renstra yang sama dengan Renja ini."})


class Aktivitas(models.Model):
    """One activity of a sub-kegiatan in the Renja of a year, with its priority and dana."""

    rincian = models.ForeignKey(RenjaSubKegiatan, on_delete=models.CASCADE, related_name="aktivitas",
                                verbose_name="sub kegiatan Renja")
    urutan = models.PositiveSmallIntegerField("nomor urut", default=1)
    uraian = models.CharField("aktivitas", max_length=300)
    skala_prioritas = models.PositiveSmallIntegerField("skala prioritas", null=True, blank=True,
                                                       validators=[MinValueValidator(1)],
                                                       help_text="1 = paling utama; boleh dikosongkan.")
    volume = models.DecimalField("volume", null=True, blank=True, **VALUE_DIGITS)
    satuan = models.CharField("satuan volume", max_length=60, blank=True)
    jumlah = models.DecimalField("dana (Rp)", validators=[MinValueValidator(0)], **RP_DIGITS)
    prakiraan = models.DecimalField("prakiraan maju n+1 (Rp)", null=True, blank=True, validators=[MinValueValidator(0)],
                                    **RP_DIGITS, help_text="Dana aktivitas ini pada tahun berikutnya; boleh kosong.")
    catatan = models.CharField("catatan", max_length=300, blank=True)

    class Meta:
        verbose_name = "aktivitas"
        verbose_name_plural = "aktivitas"
        ordering = ["rincian", "urutan", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(jumlah__gte=0), name="aktivitas_tidak_negatif"),
            models.CheckConstraint(condition=models.Q(prakiraan__isnull=True) | models.Q(prakiraan__gte=0),
                                   name="aktivitas_prakiraan_tidak_negatif"),
        ]

    def __str__(self) -> str:
        return self.uraian


class ReviewRanwal(models.Model):
    """One row of T-C.31: the Ranwal RKPD's row (as Bappeda gave it) beside the kecamatan's own
    analysis of needs, which is a program, kegiatan or sub-kegiatan of the Renja (its name, target and
    dana are read from the Renja, so the two tables cannot disagree), unless the review typed its own
    target or dana (Bappeda's desk figures for the Rancangan Awal, which may differ from the final
    Renja; the checker says where). Either side may be absent."""

    class Tingkat(models.TextChoices):
        PROGRAM = kode_mod.PROGRAM, "Program"
        KEGIATAN = kode_mod.KEGIATAN, "Kegiatan"
        SUBKEGIATAN = kode_mod.SUBKEGIATAN, "Sub Kegiatan"

    dokumen = models.ForeignKey(Dokumen, on_delete=models.CASCADE, related_name="review_ranwal",
                                verbose_name="dokumen Renja", limit_choices_to={"jenis": Dokumen.Jenis.RENJA})
    urutan = models.PositiveSmallIntegerField("nomor urut")
    tingkat = models.CharField("tingkat", max_length=12, choices=Tingkat.choices)
    ranwal_nama = models.CharField("program/kegiatan (Ranwal)", max_length=400, blank=True)
    ranwal_lokasi = models.CharField("lokasi (Ranwal)", max_length=200, blank=True)
    ranwal_indikator = models.TextField("indikator kinerja (Ranwal)", blank=True)
    ranwal_target = models.DecimalField("target capaian (Ranwal)", null=True, blank=True, **VALUE_DIGITS)
    ranwal_target_label = models.CharField("keterangan target (Ranwal)", max_length=30, blank=True,
                                           help_text="Mis. N/A")
    ranwal_satuan = models.CharField("satuan target (Ranwal)", max_length=60, blank=True)
    ranwal_pagu = models.DecimalField("pagu indikatif (Rp)", null=True, blank=True,
                                      validators=[MinValueValidator(0)], **RP_DIGITS,
                                      help_text="Hanya pada baris sub kegiatan; program dan kegiatan dijumlahkan.")
    program = models.ForeignKey(Program, on_delete=models.CASCADE, null=True, blank=True, related_name="+",
                                verbose_name="program (hasil analisis kebutuhan)")
    kegiatan = models.ForeignKey(Kegiatan, on_delete=models.CASCADE, null=True, blank=True, related_name="+",
                                 verbose_name="kegiatan (hasil analisis kebutuhan)")
    subkegiatan = models.ForeignKey(SubKegiatan, on_delete=models.CASCADE, null=True, blank=True, related_name="+",
                                    verbose_name="sub kegiatan (hasil analisis kebutuhan)")
    # the needs side as Bappeda's desk review gave it; empty: the Renja's own target and dana print
    kebutuhan_target = models.DecimalField("target capaian (hasil analisis kebutuhan)", null=True, blank=True,
                                           **VALUE_DIGITS)
    kebutuhan_target_label = models.CharField("keterangan target (hasil analisis kebutuhan)", max_length=30,
                                              blank=True, help_text="Mis. N/A")
    kebutuhan_dana = models.DecimalField("kebutuhan dana (Rp, hasil analisis kebutuhan)", null=True, blank=True,
                                         validators=[MinValueValidator(0)], **RP_DIGITS,
                                         help_text="Kosongkan untuk memakai dana Renja.")
    catatan = models.TextField("catatan penting", blank=True)

    class Meta:
        verbose_name = "baris review Ranwal RKPD"
        verbose_name_plural = "review Ranwal RKPD"
        ordering = ["dokumen", "urutan"]
        constraints = [
            models.UniqueConstraint(fields=["dokumen", "urutan"], name="review_ranwal_urutan_unik"),
            models.CheckConstraint(
                name="review_ranwal_satu_node",
                condition=(
                    models.Q(kegiatan__isnull=True, subkegiatan__isnull=True)
                    | models.Q(program__isnull=True, subkegiatan__isnull=True)
                    | models.Q(program__isnull=True, kegiatan__isnull=True)
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.urutan}. {self.ranwal_nama or self.node}"

    @property
    def node(self):
        return self.program or self.kegiatan or self.subkegiatan

    def clean(self) -> None:
        _check_renja(self.dokumen if self.dokumen_id else None)
        linked = [name for name in ("program", "kegiatan", "subkegiatan") if getattr(self, f"{name}_id")]
        if len(linked) > 1:
            raise ValidationError("Hasil analisis kebutuhan menunjuk satu program, kegiatan atau sub kegiatan saja.")
        if linked and linked[0] != self.tingkat:
            raise ValidationError({linked[0]: f"Tingkat baris ini {self.get_tingkat_display()}; pilih yang setingkat."})
        if not linked and not self.ranwal_nama.strip():
            raise ValidationError("Isi salah satu sisi: program/kegiatan Ranwal RKPD atau hasil analisis kebutuhan.")
        if self.ranwal_pagu is not None and self.tingkat != self.Tingkat.SUBKEGIATAN:
            raise ValidationError(
                {"ranwal_pagu": "Pagu indikatif diisi pada baris sub kegiatan; program dan kegiatan dijumlahkan."}
            )
        typed = self.kebutuhan_dana is not None or self.kebutuhan_target is not None or self.kebutuhan_target_label
        if typed and not linked:
            raise ValidationError({"kebutuhan_dana": "Target dan dana hasil analisis kebutuhan diisi pada baris yang "
                                                     "menunjuk program, kegiatan atau sub kegiatan Renja."})
        node = self.node
        if node is not None and self.dokumen_id and _periode_id_of(node) != self.dokumen.periode_id:
            raise ValidationError("Hasil analisis kebutuhan harus dari Renstra yang sama dengan Renja ini.")


class UsulanPemangku(models.Model):
    """One program/kegiatan proposed by stakeholders (T-C.32); none at all prints NIHIL."""

    dokumen = models.ForeignKey(Dokumen, on_delete=models.CASCADE, related_name="usulan_pemangku",
                                verbose_name="dokumen Renja", limit_choices_to={"jenis": Dokumen.Jenis.RENJA})
    urutan = models.PositiveSmallIntegerField("nomor urut", default=1)
    program = models.CharField("program", max_length=400)
    kegiatan = models.CharField("kegiatan", max_length=400, blank=True)
    subkegiatan = models.CharField("sub kegiatan/aktivitas", max_length=400, blank=True)
    lokasi = models.CharField("lokasi", max_length=200, blank=True)
    indikator = models.TextField("indikator kinerja", blank=True)
    volume = models.DecimalField("besaran/volume", null=True, blank=True, **VALUE_DIGITS)
    satuan = models.CharField("satuan volume", max_length=60, blank=True)
    catatan = models.TextField("catatan", blank=True)
    pengusul = models.CharField("pengusul", max_length=200, blank=True, help_text="Mis. Musrenbang Desa X, DPRD.")

    class Meta:
        verbose_name = "usulan pemangku kepentingan"
        verbose_name_plural = "usulan pemangku kepentingan"
        ordering = ["dokumen", "urutan", "pk"]

    def __str__(self) -> str:
        return f"{self.program} {self.kegiatan}".strip()

    def clean(self) -> None:
        _check_renja(self.dokumen if self.dokumen_id else None)


class AnalisisKinerjaPelayanan(models.Model):
    """What T-C.30 prints beside a tujuan/sasaran indicator's Renstra targets in a Renja:
    its SPM/standar nasional and IKK values and the catatan analisis."""

    dokumen = models.ForeignKey(Dokumen, on_delete=models.CASCADE, related_name="analisis_kinerja",
                                verbose_name="dokumen Renja", limit_choices_to={"jenis": Dokumen.Jenis.RENJA})
    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="+", verbose_name="indikator")
    spm = models.DecimalField("SPM/standar nasional", null=True, blank=True, **VALUE_DIGITS)
    spm_label = models.CharField("keterangan SPM", max_length=30, blank=True, help_text="Mis. N/A")
    ikk = models.DecimalField("IKK", null=True, blank=True, **VALUE_DIGITS)
    ikk_label = models.CharField("keterangan IKK", max_length=30, blank=True, help_text="Mis. N/A")
    catatan = models.TextField("catatan analisis", blank=True)

    class Meta:
        verbose_name = "analisis kinerja pelayanan"
        verbose_name_plural = "analisis kinerja pelayanan"
        ordering = ["dokumen", "indikator"]
        constraints = [models.UniqueConstraint(fields=["dokumen", "indikator"], name="analisis_kinerja_unik")]

    def __str__(self) -> str:
        return f"{self.indikator} ({self.dokumen})"

    def clean(self) -> None:
        _check_renja(self.dokumen if self.dokumen_id else None)
        if self.indikator_id and not (self.indikator.tujuan_id or self.indikator.sasaran_id):
            raise ValidationError({"indikator": "T-C.30 memuat indikator tujuan dan sasaran saja."})
        if self.indikator_id and self.dokumen_id and self.indikator.periode_id != self.dokumen.periode_id:
            raise ValidationError({"indikator": "Indikator harus dari Renstra yang sama dengan Renja ini."})


class CatatanSumber(models.Model):
    """A place where the source document (e.g. an imported paper Renja) prints a figure the app
    computes differently, or a row it could not take over; printed under the table it concerns.
    Only the printed figure is kept: the computed one is read from the table when printing."""

    TABEL_CHOICES = [
        ("tc29", "T-C.29"), ("tc30", "T-C.30"), ("tc31", "T-C.31"), ("tc32", "T-C.32"), ("tc33", "T-C.33"),
        ("renja41", "Tabel 4.1"),
    ]

    dokumen = models.ForeignKey(Dokumen, on_delete=models.CASCADE, related_name="catatan_sumber",
                                verbose_name="dokumen")
    tabel = models.CharField("tabel", max_length=10, choices=TABEL_CHOICES)
    urutan = models.PositiveSmallIntegerField("nomor urut", default=1)
    baris_sumber = models.CharField("baris dokumen sumber", max_length=30, blank=True, help_text="Mis. 247 atau 216-218")
    kunci = models.CharField("baris tabel", max_length=40, blank=True,
                             help_text="Kode baris (mis. 7.01.02) atau nomor urut baris T-C.31; kosong bila bukan satu sel.")
    kolom = models.CharField("kolom", max_length=10, blank=True, help_text="Nomor kolom tercetak, mis. 11")
    tercetak = models.CharField("tercetak di sumber", max_length=100, blank=True)
    uraian = models.TextField("uraian", blank=True)

    class Meta:
        verbose_name = "catatan dokumen sumber"
        verbose_name_plural = "catatan dokumen sumber"
        ordering = ["dokumen", "tabel", "urutan", "pk"]

    def __str__(self) -> str:
        return f"{self.get_tabel_display()} baris {self.baris_sumber}"

    def clean(self) -> None:
        if bool(self.kunci) != bool(self.kolom):
            raise ValidationError("Isi baris tabel dan kolom bersama-sama, atau kosongkan keduanya.")
        if not self.kolom and not self.uraian.strip():
            raise ValidationError({"uraian": "Catatan tanpa sel tabel harus berisi uraian."})
