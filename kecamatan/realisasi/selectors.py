"""Reads of the triwulan realisasi page: every indicator and sub-kegiatan of one triwulan, with the
values so far, in a fixed number of queries."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from kecamatan.core.computations import Polaritas
from kecamatan.core.formatting import Nilai
from kecamatan.models import (
    Indikator,
    Kegiatan,
    Pagu,
    Periode,
    Program,
    Realisasi,
    RealisasiAnggaran,
    Riwayat,
    Sasaran,
    SubKegiatan,
    Target,
    Tujuan,
)
from kecamatan.realisasi.data import AnggaranRealisasi, IndikatorRealisasi, PemilikRealisasi, RealisasiTriwulanData
from kecamatan.renstra.selectors import TAHAP_TERAKHIR, dana_aktivitas


def realisasi_triwulan_data(periode: Periode, tahun: int, triwulan: int, *,
                            catatan: Riwayat | None = None) -> RealisasiTriwulanData:
    """Every indicator of the period with its target and the four TW of the year, every sub-kegiatan
    with its latest pagu and Rp per TW: 11 queries whatever the size. `catatan`: the return whose
    notes per row to attach (from `riwayat_dokumen`, already fetched)."""
    tujuan = list(Tujuan.objects.filter(periode=periode).order_by("urutan", "pk"))
    sasaran = list(Sasaran.objects.filter(tujuan__periode=periode).order_by("tujuan__urutan", "urutan", "pk"))
    programs = list(Program.objects.filter(periode=periode).select_related("nomenklatur").order_by("nomenklatur__kode"))
    kegiatan = list(Kegiatan.objects.filter(program__periode=periode).select_related("nomenklatur")
                    .order_by("nomenklatur__kode"))
    subs = list(SubKegiatan.objects.filter(kegiatan__program__periode=periode).select_related("nomenklatur")
                .order_by("nomenklatur__kode"))
    notes_ind, notes_sub = _catatan_per_baris(catatan)
    by_owner = _indikator_per_pemilik(periode, tahun, notes_ind)
    pagu, rp = _pagu_dan_realisasi(periode, tahun)

    def group(level: str, pk: int, kode: str, nama: str) -> PemilikRealisasi:
        return PemilikRealisasi(level, kode, nama, tuple(by_owner.get((level, pk), ())))

    groups: list[PemilikRealisasi] = []
    for t in tujuan:
        groups.append(group("tujuan", t.pk, f"T{t.urutan}", t.uraian))
        groups.extend(group("sasaran", s.pk, f"S{s.urutan}", s.uraian) for s in sasaran if s.tujuan_id == t.pk)
    subs_by: dict[int, list[SubKegiatan]] = defaultdict(list)
    for s in subs:
        subs_by[s.kegiatan_id].append(s)
    keg_by: dict[int, list[Kegiatan]] = defaultdict(list)
    for k in kegiatan:
        keg_by[k.program_id].append(k)
    anggaran: list[AnggaranRealisasi] = []
    for p in programs:
        groups.append(group("program", p.pk, p.nomenklatur.kode, p.nama))
        for k in keg_by.get(p.pk, ()):
            groups.append(group("kegiatan", k.pk, k.nomenklatur.kode, k.nama))
            for s in subs_by.get(k.pk, ()):
                groups.append(group("subkegiatan", s.pk, s.nomenklatur.kode, s.nama))
                anggaran.append(_anggaran(s, pagu.get(s.pk, {}), rp.get(s.pk, {}), notes_sub.get(s.pk, "")))
    return RealisasiTriwulanData(
        periode_id=periode.pk, kecamatan=periode.kecamatan.nama, tahun=tahun, triwulan=triwulan,
        pemilik=tuple(groups), anggaran=tuple(anggaran),
    )


def _catatan_per_baris(catatan: Riwayat | None) -> tuple[dict[int, str], dict[int, str]]:
    """Bappeda's notes of a return, per indicator and per sub-kegiatan."""
    notes_ind: dict[int, str] = {}
    notes_sub: dict[int, str] = {}
    if catatan is not None:
        for item in catatan.catatan_item.all():
            if item.indikator_id:
                notes_ind[item.indikator_id] = item.catatan
            else:
                notes_sub[item.subkegiatan_id] = item.catatan
    return notes_ind, notes_sub


def _indikator_per_pemilik(periode: Periode, tahun: int,
                           notes_ind: dict[int, str]) -> dict[tuple[str, int], list[IndikatorRealisasi]]:
    """Every indicator with its target and its four TW of the year, by (owner level, owner id)."""
    indikator = list(Indikator.objects.filter(periode=periode).order_by("urutan", "pk"))
    target = {t.indikator_id: Nilai(t.nilai, t.label)
              for t in Target.objects.filter(indikator__periode=periode, tahun=tahun)}
    realisasi: dict[int, dict[int, Realisasi]] = defaultdict(dict)
    for r in Realisasi.objects.filter(indikator__periode=periode, tahun=tahun):
        realisasi[r.indikator_id][r.triwulan] = r
    by_owner: dict[tuple[str, int], list[IndikatorRealisasi]] = defaultdict(list)
    for ind in indikator:
        per_tw = realisasi.get(ind.pk, {})
        by_owner[(ind.level, getattr(ind, f"{ind.level}_id"))].append(IndikatorRealisasi(
            id=ind.pk, uraian=ind.uraian, satuan=ind.satuan, polaritas=Polaritas(ind.polaritas), aturan=ind.aturan,
            target=target.get(ind.pk, Nilai()),
            per_triwulan=tuple(Nilai(per_tw[t].nilai, per_tw[t].label) if t in per_tw else Nilai()
                               for t in (1, 2, 3, 4)),
            keterangan=tuple(per_tw[t].keterangan if t in per_tw else "" for t in (1, 2, 3, 4)),
            catatan=notes_ind.get(ind.pk, ""), boleh_lebih_100=ind.boleh_lebih_100,
        ))
    return by_owner


def _pagu_dan_realisasi(periode: Periode,
                        tahun: int) -> tuple[dict[int, dict[str, Decimal]], dict[int, dict[int, Decimal]]]:
    """Per sub-kegiatan: the pagu of the year per tahap (the Renja's the sum of its aktivitas when
    itemised), and the realisasi anggaran per TW."""
    pagu: dict[int, dict[str, Decimal]] = defaultdict(dict)
    for p in Pagu.objects.filter(subkegiatan__kegiatan__program__periode=periode, tahun=tahun):
        pagu[p.subkegiatan_id][p.tahap] = p.jumlah
    for (sub_id, _), total in dana_aktivitas(periode_id=periode.pk, tahun=tahun).items():
        pagu[sub_id][Pagu.Tahap.RENJA] = total  # a Renja itemised into aktivitas
    rp: dict[int, dict[int, Decimal]] = defaultdict(dict)
    for r in RealisasiAnggaran.objects.filter(subkegiatan__kegiatan__program__periode=periode, tahun=tahun):
        rp[r.subkegiatan_id][r.triwulan] = r.jumlah
    return pagu, rp


def _anggaran(s: SubKegiatan, stages: dict[str, Decimal], per_tw: dict[int, Decimal],
              catatan: str) -> AnggaranRealisasi:
    """A sub-kegiatan's row of the budget table: its latest pagu (and which tahap) and Rp per TW."""
    tahap = next((t for t in TAHAP_TERAKHIR if t in stages), "")
    return AnggaranRealisasi(
        id=s.pk, kode=s.nomenklatur.kode, nama=s.nama, pagu=stages.get(tahap) if tahap else None,
        tahap_pagu=Pagu.Tahap(tahap).label if tahap else "",
        per_triwulan=tuple(per_tw.get(t) for t in (1, 2, 3, 4)), catatan=catatan,
    )
