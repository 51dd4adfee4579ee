"""Rows of the triwulan realisasi page: cumulative realisasi, capaian and penyerapan up to the
triwulan. Pure: from RealisasiTriwulanData to plain rows, no database."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from kecamatan.core.computations import capaian, jumlah, penyerapan, realisasi_kumulatif
from kecamatan.core.formatting import Nilai
from kecamatan.realisasi.data import AnggaranRealisasi, IndikatorRealisasi, RealisasiTriwulanData


@dataclass(frozen=True)
class BarisIndikator:
    data: IndikatorRealisasi
    nilai: Nilai  # this triwulan's own report
    keterangan: str
    kumulatif_sebelum: Decimal | None  # up to the previous triwulan
    kumulatif: Decimal | None  # up to and including this triwulan
    capaian: Decimal | None  # against the year's target, in percent


@dataclass(frozen=True)
class KelompokIndikator:
    level: str
    kode: str
    nama: str
    baris: tuple[BarisIndikator, ...]


@dataclass(frozen=True)
class BarisAnggaran:
    data: AnggaranRealisasi
    jumlah: Decimal | None  # this triwulan's Rp
    kumulatif_sebelum: Decimal
    kumulatif: Decimal
    penyerapan: Decimal | None


@dataclass(frozen=True)
class HalamanRealisasi:
    tahun: int
    triwulan: int
    kelompok: tuple[KelompokIndikator, ...]
    anggaran: tuple[BarisAnggaran, ...]
    total_pagu: Decimal
    total_kumulatif: Decimal
    total_penyerapan: Decimal | None
    belum_diisi: int  # indicators without a report this triwulan


def _baris_indikator(ind: IndikatorRealisasi, triwulan: int) -> BarisIndikator:
    values = [n.nilai for n in ind.per_triwulan]
    kumulatif = realisasi_kumulatif(values, ind.aturan)
    sebelum = kumulatif[triwulan - 2] if triwulan > 1 else None
    sampai = kumulatif[triwulan - 1]
    return BarisIndikator(
        data=ind, nilai=ind.per_triwulan[triwulan - 1], keterangan=ind.keterangan[triwulan - 1],
        kumulatif_sebelum=sebelum, kumulatif=sampai,
        capaian=capaian(ind.target.nilai, sampai, polaritas=ind.polaritas),
    )


def _baris_anggaran(sub: AnggaranRealisasi, triwulan: int) -> BarisAnggaran:
    sebelum = jumlah(sub.per_triwulan[: triwulan - 1])
    sampai = jumlah(sub.per_triwulan[:triwulan])
    return BarisAnggaran(
        data=sub, jumlah=sub.per_triwulan[triwulan - 1], kumulatif_sebelum=sebelum, kumulatif=sampai,
        penyerapan=penyerapan(sub.pagu, sampai),
    )


def build_realisasi(data: RealisasiTriwulanData) -> HalamanRealisasi:
    tw = data.triwulan
    kelompok = tuple(
        KelompokIndikator(g.level, g.kode, g.nama, tuple(_baris_indikator(i, tw) for i in g.indikator))
        for g in data.pemilik
        if g.indikator
    )
    anggaran = tuple(_baris_anggaran(s, tw) for s in data.anggaran)
    total_pagu = jumlah(a.data.pagu for a in anggaran)
    total_kumulatif = jumlah(a.kumulatif for a in anggaran)
    belum = sum(1 for g in kelompok for b in g.baris if b.nilai.is_empty)
    return HalamanRealisasi(
        tahun=data.tahun, triwulan=tw, kelompok=kelompok, anggaran=anggaran, total_pagu=total_pagu,
        total_kumulatif=total_kumulatif, total_penyerapan=penyerapan(total_pagu, total_kumulatif), belum_diisi=belum,
    )
