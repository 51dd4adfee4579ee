"""factory_boy factories: valid defaults, SubFactory up the cascade, Sequence for codes."""

from decimal import Decimal

import factory
from django.contrib.auth import get_user_model

from kecamatan import models as m


class KabupatenFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Kabupaten
        django_get_or_create = ("slug",)

    nama = "Lumajang"
    provinsi = "Jawa Timur"
    slug = "lumajang"


class KecamatanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Kecamatan

    kabupaten = factory.SubFactory(KabupatenFactory)
    nama = factory.Sequence(lambda n: f"Uji{n}")
    slug = factory.LazyAttribute(lambda o: o.nama.lower())


class CamatFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Camat

    kecamatan = factory.SubFactory(KecamatanFactory)
    nama = "Drs. CAMAT UJI"
    nip = "196509051990031009"


class PeriodeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Periode

    kecamatan = factory.SubFactory(KecamatanFactory)
    tahun_mulai = 2024
    tahun_selesai = 2026
    tahun_kondisi_awal = 2022


def nomenklatur(kode: str, nama: str = "") -> m.Nomenklatur:
    """The catalog row for a canonical code, creating it and its parents when missing."""
    from kecamatan.core import kode as kode_mod

    parent_kode = kode_mod.parent_of(kode)
    parent = nomenklatur(parent_kode) if parent_kode else None
    obj, _ = m.Nomenklatur.objects.get_or_create(
        kode=kode, defaults={"level": kode_mod.level_of(kode), "nama": nama or f"Nomenklatur {kode}", "parent": parent}
    )
    return obj


class ProgramFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Program

    periode = factory.SubFactory(PeriodeFactory)
    nomenklatur = factory.Sequence(lambda n: nomenklatur(f"7.01.{n % 99 + 1:02d}"))


class KegiatanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Kegiatan

    program = factory.SubFactory(ProgramFactory)
    nomenklatur = factory.LazyAttributeSequence(lambda o, n: nomenklatur(f"{o.program.nomenklatur.kode}.2.{n % 99 + 1:02d}"))


class SubKegiatanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.SubKegiatan

    kegiatan = factory.SubFactory(KegiatanFactory)
    nomenklatur = factory.LazyAttributeSequence(
        lambda o, n: nomenklatur(f"{o.kegiatan.nomenklatur.kode}.{n % 9999 + 1:04d}")
    )


class IndikatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Indikator

    uraian = factory.Sequence(lambda n: f"Jumlah dokumen uji {n}")
    satuan = "Dokumen"


class PaguFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Pagu

    subkegiatan = factory.SubFactory(SubKegiatanFactory)
    tahun = 2024
    jumlah = Decimal("1000000")


def user_with_role(username: str, peran: str, kecamatan=None, kabupaten=None):
    """A user with a profile; Bappeda and admin belong to `kabupaten`, else to the first one (the
    tests' Lumajang), kecamatan staff to their kecamatan's."""
    user = get_user_model().objects.create_user(username=username, password="rahasia-uji-123")
    if kecamatan is None and kabupaten is None:
        kabupaten = m.Kabupaten.objects.order_by("pk").first()
    m.Profil.objects.create(user=user, peran=peran, kecamatan=kecamatan, kabupaten=kabupaten)
    return user


def build_cascade(periode: m.Periode, *, n_sub: int, tahun=(2024, 2025, 2026)) -> None:
    """A program with one kegiatan holding `n_sub` sub-kegiatan, each with an indicator,
    targets and pagu per year."""
    program = ProgramFactory(periode=periode)
    IndikatorFactory(periode=periode, program=program, satuan="Persen")
    kegiatan = KegiatanFactory(program=program)
    IndikatorFactory(periode=periode, kegiatan=kegiatan, satuan="Persen")
    for _ in range(n_sub):
        sub = SubKegiatanFactory(kegiatan=kegiatan)
        ind = IndikatorFactory(periode=periode, subkegiatan=sub)
        for t in tahun:
            m.Target.objects.create(indikator=ind, tahun=t, nilai=Decimal(2))
            m.Pagu.objects.create(subkegiatan=sub, tahun=t, jumlah=Decimal(1000))


def build_renja(periode: m.Periode, *, n_sub: int, tahun: int = 2024) -> m.Dokumen:
    """A Renja of `tahun` over a cascade of `n_sub` sub-kegiatan (see build_cascade): every
    sub-kegiatan funded with two aktivitas and a prakiraan maju, Renja targets of n, n+1 and the
    T-C.29 history, a T-C.31 row each, a tujuan and sasaran indicator for T-C.30, one proposal."""
    build_cascade(periode, n_sub=n_sub)
    camat = CamatFactory(kecamatan=periode.kecamatan)
    dokumen = m.Dokumen.objects.create(periode=periode, jenis=m.Dokumen.Jenis.RENJA, tahun=tahun, camat=camat,
                                       ttd_tempat=periode.kecamatan.nama)
    tujuan = m.Tujuan.objects.create(periode=periode, urutan=1, uraian="Tujuan uji")
    sasaran = m.Sasaran.objects.create(tujuan=tujuan, urutan=1, uraian="Sasaran uji")
    for owner in ({"tujuan": tujuan}, {"sasaran": sasaran}):
        ind = IndikatorFactory(periode=periode, satuan="Persen", **owner)
        m.Target.objects.create(indikator=ind, tahun=tahun, nilai=Decimal(80))
        m.AnalisisKinerjaPelayanan.objects.create(dokumen=dokumen, indikator=ind, spm_label="N/A", ikk_label="N/A")
    urutan = 0
    for sub in m.SubKegiatan.objects.filter(kegiatan__program__periode=periode).select_related("kegiatan"):
        rincian = m.RenjaSubKegiatan.objects.create(dokumen=dokumen, subkegiatan=sub, lokasi="Kec. Uji")
        for i in (1, 2):
            m.Aktivitas.objects.create(rincian=rincian, urutan=i, uraian=f"Aktivitas {i}", skala_prioritas=i,
                                       jumlah=Decimal(500))
        m.Pagu.objects.create(subkegiatan=sub, tahun=tahun + 1, tahap=m.Pagu.Tahap.PRAKIRAAN, jumlah=Decimal(1200))
        for ind in sub.indikator.all():
            m.TargetRenja.objects.create(indikator=ind, tahun=tahun, nilai=Decimal(2))
            m.TargetRenja.objects.create(indikator=ind, tahun=tahun + 1, tahap=m.TahapTarget.PRAKIRAAN, nilai=Decimal(3))
            m.TargetRenja.objects.create(indikator=ind, tahun=tahun - 2, nilai=Decimal(2))
            m.TargetRenja.objects.create(indikator=ind, tahun=tahun - 1, nilai=Decimal(2))
            m.Realisasi.objects.create(indikator=ind, tahun=tahun - 2, triwulan=4, nilai=Decimal(2))
        urutan += 1
        m.ReviewRanwal.objects.create(dokumen=dokumen, urutan=urutan, tingkat="subkegiatan", subkegiatan=sub,
                                      ranwal_nama=sub.nama, ranwal_pagu=Decimal(900))
    m.UsulanPemangku.objects.create(dokumen=dokumen, program="Program usulan", kegiatan="Kegiatan usulan")
    m.CatatanSumber.objects.create(dokumen=dokumen, tabel="tc33", uraian="Catatan uji.")
    return dokumen


# Renstra tables beyond the cascade (issue 5)


class IndikatorLaluFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.IndikatorLalu

    periode = factory.SubFactory(PeriodeFactory)
    berlaku_mulai = 2022
    berlaku_sampai = 2023
    urutan = factory.Sequence(lambda n: n + 1)
    uraian = factory.Sequence(lambda n: f"Persentase uji {n}")
    satuan = "Persen"


class ProgramLaluFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.ProgramLalu

    periode = factory.SubFactory(PeriodeFactory)
    berlaku_mulai = 2021
    berlaku_sampai = 2023
    urutan = factory.Sequence(lambda n: n + 1)
    uraian = factory.Sequence(lambda n: f"PROGRAM UJI {n}")


def build_riwayat(periode: m.Periode, *, n: int) -> None:
    """`n` T-C.23 indicators with target and realisasi for 2022-2023, and `n` T-C.24 programs with
    anggaran and realisasi for 2021-2023."""
    for k in range(n):
        ind = IndikatorLaluFactory(periode=periode, tingkat="sasaran" if k == 0 else "program")
        for tahun in (2022, 2023):
            m.CapaianLalu.objects.create(indikator_lalu=ind, tahun=tahun, target=Decimal(90), realisasi=Decimal(85))
        program = ProgramLaluFactory(periode=periode)
        for tahun in (2021, 2022, 2023):
            m.AnggaranLalu.objects.create(program_lalu=program, tahun=tahun, anggaran=Decimal(1000),
                                          realisasi=Decimal(900))


def build_strategi(periode: m.Periode, *, n: int) -> None:
    """A tujuan with one sasaran holding `n` strategi and `n` arah kebijakan, each linked."""
    tujuan = m.Tujuan.objects.create(periode=periode, urutan=1, uraian="Tujuan uji")
    sasaran = m.Sasaran.objects.create(tujuan=tujuan, urutan=1, uraian="Sasaran uji")
    for k in range(1, n + 1):
        strategi = m.Strategi.objects.create(sasaran=sasaran, urutan=k, uraian=f"Strategi {k}")
        arah = m.ArahKebijakan.objects.create(sasaran=sasaran, urutan=k, uraian=f"Arah kebijakan {k}")
        arah.strategi.add(strategi)
