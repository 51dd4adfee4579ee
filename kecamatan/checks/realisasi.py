"""Checks over time within a year's triwulan realizations: a triwulan filled while the one before
is empty, a cumulative-to-date percentage that goes down, Rp spent beyond the year's pagu. Pure.

Not checked because the app computes them: the year's realisasi (the latest triwulan for levels,
the sum for counts: `lkj_data.realisasi_total`), capaian, penyerapan (LKj Tabel 3.2 L-19's
"TW IV 94,44 but total 100" cannot arise)."""

from __future__ import annotations

from collections import defaultdict

from kecamatan.checks.base import GALAT, PERINGATAN, Temuan, aturan
from kecamatan.checks.data import TW_ROMAWI, PeriksaData, tautan_realisasi
from kecamatan.checks.nilai import rp, teks
from kecamatan.core.computations import ZERO, AturanAkhir, Polaritas


def _tw_list(tws) -> str:
    names = [f"TW {TW_ROMAWI[t]}" for t in tws]
    return ", ".join(names[:-1]) + (" dan " if len(names) > 1 else "") + names[-1]


@aturan("realisasi-lompat-triwulan", "Realisasi triwulan diisi sebelum triwulan sebelumnya")
def realisasi_lompat_triwulan(data: PeriksaData):
    """A figure in TW IV alone is how the app keeps a yearly value (T-C.29's past years, an index
    measured once a year, realisasi anggaran known per year only): not a skipped triwulan."""
    for ind, lokasi in data.indikator():
        reported = data.realisasi_tw(ind.id)
        if not reported:
            continue
        last = max(reported)
        kosong = [t for t in range(1, last) if t not in reported]
        if kosong and set(reported) != {4}:  # TW IV alone: a yearly figure (an annual index, a past year)
            yield Temuan("realisasi-lompat-triwulan", GALAT, data.kunci_realisasi(last),
                         f"Realisasi TW {TW_ROMAWI[last]} {data.tahun} “{ind.uraian}” "
                         f"sudah diisi, tetapi {_tw_list(kosong)} masih kosong. Isi triwulan sebelumnya (angka, atau "
                         "N/A/- dengan alasannya) agar realisasi kumulatif dan LKj benar.", lokasi.label(),
                         tautan_realisasi(data, kosong[0]))
    # Rp: one finding per triwulan, counting the sub-kegiatan (a quarter without spending is typed "-")
    lompat: dict[int, list[str]] = defaultdict(list)
    for sub in data.subkegiatan():
        per_tw = data.rp_triwulan.get(sub.id, {})
        if not per_tw:
            continue
        last = max(per_tw)
        if set(per_tw) != {4} and any(t not in per_tw for t in range(1, last)):
            lompat[last].append(sub.kode)
    for tw, codes in sorted(lompat.items()):
        contoh = ", ".join(codes[:3]) + (" …" if len(codes) > 3 else "")
        yield Temuan("realisasi-lompat-triwulan", PERINGATAN, data.kunci_realisasi(tw),
                     f"{len(codes)} sub kegiatan mempunyai realisasi Rp TW {TW_ROMAWI[tw]} {data.tahun} tetapi "
                     f"triwulan sebelumnya kosong ({contoh}). Isi - (nol) pada triwulan tanpa belanja, atau pindahkan "
                     "belanja ke triwulan terjadinya.", f"{len(codes)} sub kegiatan", tautan_realisasi(data, tw))


@aturan("realisasi-kumulatif-turun", "Realisasi kumulatif (persen/indeks) turun dari triwulan sebelumnya",
        kasus=("L-19",))
def realisasi_kumulatif_turun(data: PeriksaData):
    for ind, lokasi in data.indikator():
        if ind.aturan is not AturanAkhir.NILAI_AKHIR or ind.polaritas is not Polaritas.POSITIF:
            continue
        reported = [(t, v) for t, v in data.realisasi_tw(ind.id).items() if v.nilai is not None]
        for (t_a, a), (t_b, b) in zip(reported, reported[1:]):
            if b.nilai < a.nilai:
                yield Temuan("realisasi-kumulatif-turun", PERINGATAN, data.kunci_realisasi(t_b),
                             f"Realisasi “{ind.uraian}” dilaporkan kumulatif s.d. triwulan, tetapi TW "
                             f"{TW_ROMAWI[t_b]} ({teks(b, ind.satuan)}) lebih rendah dari TW {TW_ROMAWI[t_a]} "
                             f"({teks(a, ind.satuan)}). Periksa salah ketik.", lokasi.label(),
                             tautan_realisasi(data, t_b))


@aturan("realisasi-anggaran-lebih-pagu", "Realisasi Rp melebihi pagu sub kegiatan")
def realisasi_anggaran_lebih_pagu(data: PeriksaData):
    for sub in data.subkegiatan():
        per_tw = data.rp_triwulan.get(sub.id, {})
        if not per_tw:
            continue
        pagu = data.renja.anggaran_final(sub, data.tahun)
        if pagu is None:  # as the triwulan page: the latest stage there is, down to the Renstra's
            pagu = data.pagu_renstra.get(sub.id, {}).get(data.tahun)
        total = ZERO
        for tw in sorted(per_tw):
            total += per_tw[tw]
            if pagu is not None and total > pagu:
                yield Temuan("realisasi-anggaran-lebih-pagu", GALAT, data.kunci_realisasi(tw),
                             f"Realisasi Rp {sub.kode} s.d. TW {TW_ROMAWI[tw]} {data.tahun} {rp(total)} melebihi "
                             f"pagunya {rp(pagu)} (penyerapan di atas 100%).", f"{sub.kode} {sub.nama}",
                             tautan_realisasi(data, tw))
                break
            if pagu is None and total > 0:
                yield Temuan("realisasi-anggaran-lebih-pagu", GALAT, data.kunci_realisasi(tw),
                             f"Sub kegiatan {sub.kode} mempunyai realisasi Rp {data.tahun} {rp(total)} tanpa pagu "
                             "tahun itu.", f"{sub.kode} {sub.nama}", tautan_realisasi(data, tw))
                break
