"""Reads for the Renstra tables beyond the cascade (T-C.23, T-C.24, T-C.26, kondisi awal, the
whole Renstra). Each selector runs a fixed number of queries whatever the number of rows."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import F

from kecamatan.core.computations import Polaritas
from kecamatan.core.formatting import Nilai
from kecamatan.dokumen.selectors import kantor_of, penandatangan_of
from kecamatan.models import (
    AnggaranLalu,
    ArahKebijakan,
    CapaianLalu,
    Dokumen,
    IndikatorLalu,
    Periode,
    ProgramLalu,
    Sasaran,
    Strategi,
    Tujuan,
)
from kecamatan.renstra.data_tabel import (
    ArahKebijakanData,
    IndikatorLaluData,
    KondisiAwalTercatat,
    ProgramLaluData,
    RenstraLengkap,
    RiwayatData,
    SasaranStrategiData,
    StrategiArahData,
    StrategiData,
    TujuanStrategiData,
)
from kecamatan.renstra.selectors import renstra_data

TAHUN_RIWAYAT = 5  # T-C.23/T-C.24 report the five years before the period (annex: "Tahun ke-1 … 5")


def _periode_and_penandatangan(periode_id: int):
    periode = Periode.objects.select_related("kecamatan__kabupaten").get(pk=periode_id)
    dokumen = Dokumen.objects.filter(periode=periode, jenis=Dokumen.Jenis.RENSTRA).select_related("camat").first()
    return periode, penandatangan_of(dokumen, periode.kecamatan.nama)


def riwayat_data(periode_id: int) -> RiwayatData:
    """T-C.23 and T-C.24 of one Renstra: 6 queries."""
    periode, penandatangan = _periode_and_penandatangan(periode_id)
    indikator = list(IndikatorLalu.objects.filter(periode=periode).order_by("berlaku_mulai", "urutan", "pk"))
    target: dict[int, dict[int, Nilai]] = defaultdict(dict)
    realisasi: dict[int, dict[int, Nilai]] = defaultdict(dict)
    years: set[int] = set()
    for c in CapaianLalu.objects.filter(indikator_lalu__periode=periode):
        target[c.indikator_lalu_id][c.tahun] = c.target_nilai
        realisasi[c.indikator_lalu_id][c.tahun] = c.realisasi_nilai
        years.add(c.tahun)
    program = list(ProgramLalu.objects.filter(periode=periode).order_by("berlaku_mulai", "urutan", "pk"))
    anggaran: dict[int, dict[int, object]] = defaultdict(dict)
    realisasi_rp: dict[int, dict[int, object]] = defaultdict(dict)
    for a in AnggaranLalu.objects.filter(program_lalu__periode=periode):
        anggaran[a.program_lalu_id][a.tahun] = a.anggaran
        realisasi_rp[a.program_lalu_id][a.tahun] = a.realisasi
        years.add(a.tahun)
    for row in (*indikator, *program):
        years.update((row.berlaku_mulai, row.berlaku_sampai))
    first = min([periode.tahun_mulai - TAHUN_RIWAYAT, *years])
    return RiwayatData(
        periode_id=periode.pk,
        kecamatan=periode.kecamatan.nama,
        kabupaten=periode.kecamatan.kabupaten.nama,
        tahun=tuple(range(first, periode.tahun_mulai)),
        indikator=tuple(
            IndikatorLaluData(
                id=i.pk, uraian=i.uraian, mulai=i.berlaku_mulai, sampai=i.berlaku_sampai,
                bernomor=i.tingkat in IndikatorLalu.NUMBERED, polaritas=Polaritas(i.polaritas),
                nspk=i.nspk, ikk=i.ikk, lainnya=i.lainnya,
                target=dict(target.get(i.pk, {})), realisasi=dict(realisasi.get(i.pk, {})),
            )
            for i in indikator
        ),
        program=tuple(
            ProgramLaluData(
                id=p.pk, uraian=p.uraian, mulai=p.berlaku_mulai, sampai=p.berlaku_sampai,
                anggaran=dict(anggaran.get(p.pk, {})), realisasi=dict(realisasi_rp.get(p.pk, {})),
            )
            for p in program
        ),
        penandatangan=penandatangan,
        kantor=kantor_of(periode.kecamatan),
        tahun_renstra=tuple(periode.tahun_list),
    )


def strategi_data(periode_id: int) -> StrategiArahData:
    """T-C.26 of one Renstra: 7 queries."""
    periode, penandatangan = _periode_and_penandatangan(periode_id)
    tujuan = list(Tujuan.objects.filter(periode=periode).order_by("urutan", "pk"))
    sasaran = list(Sasaran.objects.filter(tujuan__periode=periode).order_by("tujuan__urutan", "urutan", "pk"))
    strategi: dict[int, list[StrategiData]] = defaultdict(list)
    for s in Strategi.objects.filter(sasaran__tujuan__periode=periode).order_by("urutan", "pk"):
        strategi[s.sasaran_id].append(StrategiData(id=s.pk, uraian=s.uraian))
    links: dict[int, list[int]] = defaultdict(list)
    for arah_id, strategi_id in (
        ArahKebijakan.strategi.through.objects.filter(arahkebijakan__sasaran__tujuan__periode=periode)
        .order_by("strategi__urutan", "strategi_id")
        .values_list("arahkebijakan_id", "strategi_id")
    ):
        links[arah_id].append(strategi_id)
    arah: dict[int, list[ArahKebijakanData]] = defaultdict(list)
    for a in ArahKebijakan.objects.filter(sasaran__tujuan__periode=periode).order_by("urutan", "pk"):
        arah[a.sasaran_id].append(ArahKebijakanData(id=a.pk, uraian=a.uraian, strategi_ids=tuple(links.get(a.pk, ()))))
    sasaran_by: dict[int, list[SasaranStrategiData]] = defaultdict(list)
    for s in sasaran:
        sasaran_by[s.tujuan_id].append(
            SasaranStrategiData(id=s.pk, uraian=s.uraian, strategi=tuple(strategi.get(s.pk, ())),
                                arah_kebijakan=tuple(arah.get(s.pk, ())))
        )
    return StrategiArahData(
        periode_id=periode.pk,
        kecamatan=periode.kecamatan.nama,
        kabupaten=periode.kecamatan.kabupaten.nama,
        tahun=tuple(periode.tahun_list),
        tujuan=tuple(TujuanStrategiData(id=t.pk, uraian=t.uraian, sasaran=tuple(sasaran_by.get(t.pk, ())))
                     for t in tujuan),
        penandatangan=penandatangan,
        kantor=kantor_of(periode.kecamatan),
    )


def kondisi_awal_tercatat(periode_id: int) -> dict[int, KondisiAwalTercatat]:
    """For every indicator of the Renstra that continues a T-C.23 indicator: the realisasi T-C.23
    records for the baseline year (tahun kondisi awal). 1 query."""
    out: dict[int, KondisiAwalTercatat] = {}
    rows = (
        CapaianLalu.objects.filter(
            indikator_lalu__periode_id=periode_id,
            indikator_lalu__indikator__isnull=False,
            tahun=F("indikator_lalu__periode__tahun_kondisi_awal"),
        )
        .values_list("indikator_lalu__indikator_id", "tahun", "realisasi", "realisasi_label", "indikator_lalu__uraian")
        .order_by("indikator_lalu__berlaku_mulai", "indikator_lalu__urutan")
    )
    for indikator_id, tahun, nilai, label, uraian in rows:
        out[indikator_id] = KondisiAwalTercatat(tahun=tahun, realisasi=Nilai(nilai, label), uraian_lalu=uraian)
    return out


def renstra_lengkap(periode_id: int) -> RenstraLengkap:
    """Everything the Renstra document prints: 10 + 6 + 7 + 1 = 24 queries."""
    return RenstraLengkap(
        renstra=renstra_data(periode_id),
        riwayat=riwayat_data(periode_id),
        strategi=strategi_data(periode_id),
        kondisi_awal=kondisi_awal_tercatat(periode_id),
    )
