"""Where and when: Kabupaten, Kecamatan, the Camat who signs, and the Renstra period."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models

from kecamatan.core.validators import format_nip, validate_logo, validate_nip


BULAN_CHOICES = [(i, nama) for i, nama in enumerate(
    ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
     "November", "Desember"), start=1)]
_HARI_BULAN = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # in a leap year


def _tanggal_field(label: str, default: int, help_text: str = "") -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(label, default=default, help_text=help_text,
                                            validators=[MinValueValidator(1), MaxValueValidator(31)])


KODE_KABUPATEN = RegexValidator(r"^\d{2}\.\d{2}$", "Kode wilayah kabupaten/kota berbentuk 35.08 (provinsi.kabupaten).")
KODE_KECAMATAN = RegexValidator(r"^\d{2}\.\d{2}\.\d{2}$", "Kode wilayah kecamatan berbentuk 35.08.01.")


class Kabupaten(models.Model):
    nama = models.CharField("nama", max_length=100, unique=True)
    kode = models.CharField(
        "kode wilayah", max_length=5, unique=True, null=True, blank=True, validators=[KODE_KABUPATEN],
        help_text="Kode Kemendagri, mis. 35.08 untuk Kabupaten Lumajang; kosong untuk kabupaten sintetis.",
    )
    provinsi = models.CharField("provinsi", max_length=100)
    slug = models.SlugField("slug", max_length=100, unique=True)
    bappeda = models.CharField(
        "nama Bappeda (kop)", max_length=150, default="Badan Perencanaan Pembangunan Daerah",
        help_text="Dicetak pada kop laporan perbandingan antar-kecamatan.",
    )
    alamat_bappeda = models.CharField("alamat Bappeda (kop)", max_length=200, blank=True)
    demo = models.BooleanField(
        "kabupaten sintetis", default=False,
        help_text="Dibangkitkan oleh demo_kabupaten --kabupaten N untuk uji beban; bukan kabupaten asli.",
    )
    logo = models.ImageField(
        "logo", upload_to="logo/", blank=True, validators=[validate_logo],
        help_text="PNG atau JPEG, paling besar 1 MB; dicetak di sampul Renstra, Renja dan LKj.",
    )
    # the deadlines of the kecamatan's documents (perbandingan.rules.AturanTenggat), used by the
    # completeness and timeliness report
    tenggat_realisasi_hari = models.PositiveSmallIntegerField(
        "tenggat realisasi: hari setelah triwulan berakhir", default=15,
        validators=[MaxValueValidator(90, "Paling lama 90 hari setelah triwulan berakhir.")],
        help_text="Mis. 15: realisasi TW I paling lambat 15 April, TW IV 15 Januari tahun berikutnya.",
    )
    tenggat_renja_tanggal = _tanggal_field("tenggat Renja tahun N: tanggal", 30)
    tenggat_renja_bulan = models.PositiveSmallIntegerField(
        "tenggat Renja tahun N: bulan (tahun N-1)", choices=BULAN_CHOICES, default=6,
        help_text="Renja tahun N diajukan paling lambat pada tanggal ini tahun N-1, mis. 30 Juni.")
    tenggat_lkj_tanggal = _tanggal_field(
        "tenggat LKj tahun N: tanggal", 29,
        "29 Februari berarti akhir Februari (28 Februari bila bukan tahun kabisat).")
    tenggat_lkj_bulan = models.PositiveSmallIntegerField(
        "tenggat LKj tahun N: bulan (tahun N+1)", choices=BULAN_CHOICES, default=2,
        help_text="LKj tahun N diajukan paling lambat pada tanggal ini tahun N+1, mis. akhir Februari.")

    class Meta:
        verbose_name = "kabupaten"
        verbose_name_plural = "kabupaten"
        ordering = ["nama"]

    def __str__(self) -> str:
        # a kota is stored with its word ("Kota Malang", acuan/indonesia.py), a kabupaten by its bare name
        return self.nama if self.nama.startswith("Kota ") else f"Kabupaten {self.nama}"

    def clean(self) -> None:
        """The deadlines are real dates: the Renja's in every year (29 Februari refused: year N-1
        is not always a leap year), the LKj's in some year (29 Februari = the end of February)."""
        errors = {}
        for dokumen, kabisat in (("renja", False), ("lkj", True)):
            tanggal, bulan = getattr(self, f"tenggat_{dokumen}_tanggal"), getattr(self, f"tenggat_{dokumen}_bulan")
            if not (tanggal and bulan and 1 <= tanggal <= 31 and 1 <= bulan <= 12):
                continue
            last = _HARI_BULAN[bulan - 1] - (bulan == 2 and not kabisat)
            if tanggal > last:
                nama = BULAN_CHOICES[bulan - 1][1]
                errors[f"tenggat_{dokumen}_tanggal"] = (
                    "Tanggal 29 Februari tidak ada setiap tahun; pilih 28 Februari." if bulan == 2 and tanggal == 29
                    else f"Tanggal {tanggal} {nama} tidak ada; {nama} paling banyak {last} hari.")
        if errors:
            raise ValidationError(errors)


class Kecamatan(models.Model):
    kabupaten = models.ForeignKey(Kabupaten, on_delete=models.PROTECT, related_name="kecamatan", verbose_name="kabupaten")
    nama = models.CharField("nama", max_length=100)
    slug = models.SlugField("slug", max_length=100)
    kode = models.CharField(
        "kode wilayah", max_length=8, unique=True, null=True, blank=True, validators=[KODE_KECAMATAN],
        help_text="Kode Kemendagri, mis. 35.08.01; diawali kode kabupatennya.",
    )
    jumlah_desa = models.PositiveSmallIntegerField(
        "jumlah desa/kelurahan", null=True, blank=True,
        help_text="Penyebut indikator persentase desa; kosongkan bila belum diketahui.",
    )
    alamat = models.CharField("alamat kantor", max_length=200, blank=True,
                              help_text="Dicetak pada kop, mis. Jalan Raya Randuagung No.82")
    telepon = models.CharField("telepon", max_length=60, blank=True, help_text="Contoh: (0334) 323313")
    email = models.EmailField("e-mail", blank=True)
    kode_pos = models.CharField("kode pos", max_length=5, blank=True,
                                validators=[RegexValidator(r"^\d{5}$", "Kode pos terdiri atas 5 angka.")])

    class Meta:
        verbose_name = "kecamatan"
        verbose_name_plural = "kecamatan"
        ordering = ["kabupaten__nama", "nama"]
        constraints = [
            models.UniqueConstraint(fields=["kabupaten", "nama"], name="kecamatan_nama_unik"),
            models.UniqueConstraint(fields=["kabupaten", "slug"], name="kecamatan_slug_unik"),
        ]

    def __str__(self) -> str:
        return f"Kecamatan {self.nama}"


class Camat(models.Model):
    """The head of a kecamatan for a time; signs the kecamatan's documents."""

    kecamatan = models.ForeignKey(Kecamatan, on_delete=models.PROTECT, related_name="camat", verbose_name="kecamatan")
    nama = models.CharField("nama (dengan gelar)", max_length=150)
    pangkat = models.CharField("pangkat", max_length=60, blank=True, help_text="Contoh: Pembina Tk. I")
    golongan = models.CharField("golongan", max_length=10, blank=True, help_text="Contoh: IV/b")
    nip = models.CharField("NIP", max_length=30, validators=[validate_nip], help_text="18 angka, contoh 19650905 199003 1 009")
    mulai = models.DateField("menjabat sejak", null=True, blank=True)
    selesai = models.DateField("menjabat sampai", null=True, blank=True)

    class Meta:
        verbose_name = "camat"
        verbose_name_plural = "camat"
        ordering = ["kecamatan__nama", "-mulai"]

    def __str__(self) -> str:
        return f"{self.nama} (Camat {self.kecamatan.nama})"

    @property
    def nip_cetak(self) -> str:
        return format_nip(self.nip)

    @property
    def pangkat_golongan(self) -> str:
        if self.pangkat and self.golongan:
            return f"{self.pangkat} ({self.golongan})"
        return self.pangkat or self.golongan


class Periode(models.Model):
    """The Renstra of one kecamatan for one planning period (e.g. 2024-2026)."""

    kecamatan = models.ForeignKey(Kecamatan, on_delete=models.PROTECT, related_name="periode", verbose_name="kecamatan")
    tahun_mulai = models.PositiveSmallIntegerField("tahun awal")
    tahun_selesai = models.PositiveSmallIntegerField("tahun akhir")
    tahun_kondisi_awal = models.PositiveSmallIntegerField(
        "tahun kondisi awal", help_text="Tahun capaian awal perencanaan (baseline), mis. 2022 untuk Renstra 2024-2026."
    )
    demo = models.BooleanField(
        "data demo", default=False,
        help_text="Renstra, target, pagu dan realisasi dibangkitkan oleh demo_kabupaten; bukan dokumen asli kecamatan.",
    )

    class Meta:
        verbose_name = "periode Renstra"
        verbose_name_plural = "periode Renstra"
        ordering = ["kecamatan__nama", "-tahun_mulai"]
        constraints = [
            models.UniqueConstraint(fields=["kecamatan", "tahun_mulai"], name="periode_unik"),
            models.CheckConstraint(condition=models.Q(tahun_selesai__gte=models.F("tahun_mulai")), name="periode_urut"),
        ]

    def __str__(self) -> str:
        return f"Renstra {self.kecamatan.nama} {self.label}"

    @property
    def label(self) -> str:
        return f"{self.tahun_mulai}-{self.tahun_selesai}"

    @property
    def tahun_list(self) -> list[int]:
        return list(range(self.tahun_mulai, self.tahun_selesai + 1))

    def clean(self) -> None:
        if self.tahun_mulai and self.tahun_selesai:
            if self.tahun_selesai < self.tahun_mulai:
                raise ValidationError({"tahun_selesai": "Tahun akhir tidak boleh sebelum tahun awal."})
            if self.tahun_selesai - self.tahun_mulai > 9:
                raise ValidationError({"tahun_selesai": "Periode Renstra paling lama 10 tahun."})
        if self.tahun_kondisi_awal and self.tahun_mulai and self.tahun_kondisi_awal >= self.tahun_mulai:
            raise ValidationError({"tahun_kondisi_awal": "Tahun kondisi awal harus sebelum tahun awal periode."})
