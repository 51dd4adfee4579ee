"""Checks of the Renstra's history tables, the years before the period: T-C.23 (indicators, their
targets and realizations) and T-C.24 (programs, their budgets and realizations): missing years,
a program recorded twice, realisasi without or above its anggaran, and percentages written as
fractions (there and in the triwulan realizations). Pure."""

from __future__ import annotations

from collections import defaultdict

from kecamatan.checks.base import GALAT, PERINGATAN, Tautan, Temuan, aturan
from kecamatan.checks.data import TW_ROMAWI, PeriksaData, tautan_realisasi
from kecamatan.checks.nilai import angka, rp, teks
from kecamatan.checks.renstra import RENSTRA, tahun_list
from kecamatan.checks.teks import is_persen, normal
from kecamatan.core.formatting import Nilai


def _tautan_lalu(tabel: str, data: PeriksaData) -> Tautan:
    """The T-C.23 or T-C.24 grid of the Renstra, where every row of the history is typed."""
    return Tautan.to(f"kecamatan:renstra_{tabel}", pk=data.periode_id)


@aturan("riwayat-tahun-hilang", "Tahun yang hilang pada T-C.23/T-C.24")
def riwayat_tahun_hilang(data: PeriksaData):
    riwayat = data.riwayat
    if riwayat is None or not (riwayat.indikator or riwayat.program):
        return
    for ind in riwayat.indikator:
        hilang = [t for t in range(ind.mulai, ind.sampai + 1)
                  if ind.target.get(t, Nilai()).is_empty and ind.realisasi.get(t, Nilai()).is_empty]
        if hilang:
            yield Temuan("riwayat-tahun-hilang", PERINGATAN, RENSTRA,
                         f"T-C.23: indikator “{ind.uraian}” berlaku {ind.mulai}-{ind.sampai} tetapi tidak "
                         f"mempunyai target maupun realisasi {tahun_list(hilang)}.", ind.uraian,
                         _tautan_lalu("tc23", data))
    for program in riwayat.program:
        hilang = [t for t in range(program.mulai, program.sampai + 1)
                  if program.anggaran.get(t) is None and program.realisasi.get(t) is None]
        if hilang:
            yield Temuan("riwayat-tahun-hilang", PERINGATAN, RENSTRA,
                         f"T-C.24: program “{program.uraian}” berlaku {program.mulai}-{program.sampai} "
                         f"tetapi tidak mempunyai anggaran maupun realisasi {tahun_list(hilang)}. Isi 0 bila "
                         "memang tidak dianggarkan.", program.uraian, _tautan_lalu("tc24", data))
    covered = {t for row in (*riwayat.indikator, *riwayat.program) for t in range(row.mulai, row.sampai + 1)}
    tanpa = [t for t in riwayat.tahun if t not in covered]
    if tanpa:
        yield Temuan("riwayat-tahun-hilang", PERINGATAN, RENSTRA,
                     f"T-C.23/T-C.24 tidak memuat tahun {tahun_list(tanpa)}: tidak ada indikator atau program yang "
                     f"berlaku pada tahun itu, padahal tabel melaporkan {riwayat.tahun[0]}-{riwayat.tahun[-1]}.",
                     "T-C.23/T-C.24")


@aturan("tc24-program-ganda", "Program T-C.24 tercatat dua kali untuk tahun yang sama dengan angka berbeda",
        kasus=("R-2",))
def tc24_program_ganda(data: PeriksaData):
    if data.riwayat is None:
        return
    by_name = defaultdict(list)
    for program in data.riwayat.program:
        by_name[normal(program.uraian)].append(program)
    for programs in by_name.values():
        for i, a in enumerate(programs):
            for b in programs[i + 1:]:
                for tahun in range(max(a.mulai, b.mulai), min(a.sampai, b.sampai) + 1):
                    beda = [(apa, x, y) for apa, x, y in (
                        ("anggaran", a.anggaran.get(tahun), b.anggaran.get(tahun)),
                        ("realisasi", a.realisasi.get(tahun), b.realisasi.get(tahun)),
                    ) if (x or 0) != (y or 0)]
                    if beda:
                        daftar = "; ".join(f"{apa} {rp(x)} dan {rp(y)}" for apa, x, y in beda)
                        yield Temuan("tc24-program-ganda", GALAT, RENSTRA,
                                     f"T-C.24: program “{a.uraian}” tercatat dua kali untuk {tahun} "
                                     f"dengan angka berbeda ({daftar}). Satu program satu angka per tahun; "
                                     "hapus salah satu.", a.uraian, _tautan_lalu("tc24", data))


@aturan("tc24-realisasi-anggaran", "Realisasi T-C.24 tanpa anggaran atau melebihi anggaran", kasus=("R-2",))
def tc24_realisasi_anggaran(data: PeriksaData):
    if data.riwayat is None:
        return
    for program in data.riwayat.program:
        for tahun in range(program.mulai, program.sampai + 1):
            anggaran, realisasi = program.anggaran.get(tahun), program.realisasi.get(tahun)
            if not realisasi:
                continue
            if not anggaran:
                yield Temuan("tc24-realisasi-anggaran", GALAT, RENSTRA,
                             f"T-C.24: program “{program.uraian}” {tahun} mempunyai realisasi "
                             f"{rp(realisasi)} tanpa anggaran.", program.uraian,
                             _tautan_lalu("tc24", data))
            elif realisasi > anggaran:
                yield Temuan("tc24-realisasi-anggaran", PERINGATAN, RENSTRA,
                             f"T-C.24: realisasi program “{program.uraian}” {tahun} ({rp(realisasi)}) melebihi "
                             f"anggarannya ({rp(anggaran)}).", program.uraian, _tautan_lalu("tc24", data))


def pecahan(target: Nilai, realisasi: Nilai) -> bool:
    """A realisasi of a percentage written as a fraction: 0,83 against a target of 94,44."""
    return (realisasi.nilai is not None and target.nilai is not None and 0 < realisasi.nilai <= 1
            and target.nilai >= 10)


@aturan("realisasi-pecahan", "Realisasi persen ditulis sebagai pecahan", kasus=("R-6",))
def realisasi_pecahan(data: PeriksaData):
    yield from _tc23_pecahan(data)
    for ind, lokasi in data.indikator():
        if not is_persen(ind.satuan):
            continue
        target = ind.target_of(data.tahun)
        for tw, value in data.realisasi_tw(ind.id).items():
            if pecahan(target, value):
                yield Temuan("realisasi-pecahan", PERINGATAN, data.kunci_realisasi(tw),
                             f"Realisasi TW {TW_ROMAWI[tw]} “{ind.uraian}” ditulis {teks(value)} terhadap "
                             f"target {teks(target, ind.satuan)}: tampaknya pecahan ({angka(value.nilai * 100)}%), "
                             "bukan persen.", lokasi.label(), tautan_realisasi(data, tw))


def _tc23_pecahan(data: PeriksaData):
    if data.riwayat is None:
        return
    for ind in data.riwayat.indikator:
        tahun = [t for t in sorted(ind.realisasi) if pecahan(ind.target.get(t, Nilai()), ind.realisasi[t])]
        if tahun:
            contoh = ind.realisasi[tahun[0]]
            yield Temuan("realisasi-pecahan", PERINGATAN, RENSTRA,
                         f"T-C.23: realisasi “{ind.uraian}” {tahun_list(tahun)} ditulis "
                         f"{teks(contoh)} terhadap target {teks(ind.target.get(tahun[0]))}: tampaknya pecahan "
                         f"({teks(contoh)} = {angka(contoh.nilai * 100)}%), bukan persen. Rasio yang dihitung "
                         "menjadi salah.", ind.uraian, _tautan_lalu("tc23", data))
