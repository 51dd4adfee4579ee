"""Checks of what was filled in, whatever the figures say: realisasi missing from a triwulan that is
submitted or past its deadline, and stored values outside their indicator's range (`core.rentang`:
a negative count, persen or Rupiah, a persen above 100 where the indicator does not allow it), typed
before the forms refused them or loaded from elsewhere. Pure.

"Tanpa temuan" therefore means complete as well as consistent: a triwulan that should be reported
and is not is a finding, not silence."""

from __future__ import annotations

from collections.abc import Iterator

from kecamatan.checks.base import GALAT, PERINGATAN, Tautan, Temuan, aturan
from kecamatan.checks.data import (
    TW_ROMAWI,
    PeriksaData,
    tautan_indikator,
    tautan_pk,
    tautan_realisasi,
    tautan_target_renja,
)
from kecamatan.checks.nilai import teks
from kecamatan.core.formatting import Nilai, format_tanggal
from kecamatan.renja.data import PRAKIRAAN, RENJA
from kecamatan.renstra.data import IndikatorData

DIAJUKAN = {"diajukan": "diajukan", "diverifikasi": "diverifikasi"}  # document statuses that claim completeness
CONTOH = 3  # indicators named in a finding about many


def _contoh(names: list[str]) -> str:
    shown = ", ".join(f"“{n}”" for n in names[:CONTOH])
    return shown + (f" dan {len(names) - CONTOH} lainnya" if len(names) > CONTOH else "")


@aturan("realisasi-belum-diisi", "Realisasi triwulan yang sudah diajukan atau lewat tenggat belum lengkap")
def realisasi_belum_diisi(data: PeriksaData):
    """Per triwulan of the year that is submitted (diajukan/diverifikasi: galat, the document claims it
    is complete) or whose deadline has passed (peringatan: it is late), the number of indicators
    without a realisasi (a value, or a label such as N/A with its reason)."""
    semua = [ind for ind, _ in data.indikator()]
    if not semua:
        return
    for tw in (1, 2, 3, 4):
        info = data.dokumen.get(data.kunci_realisasi(tw))
        status = DIAJUKAN.get(info.status) if info is not None else None
        batas = data.tenggat_realisasi.get(tw)
        lewat = batas is not None and data.hari_ini is not None and data.hari_ini > batas
        if status is None and not lewat:
            continue
        kosong = [ind.uraian for ind in semua if tw not in data.realisasi_tw(ind.id)]
        if not kosong:
            continue
        judul = f"Realisasi {data.tahun} TW {TW_ROMAWI[tw]}"
        jumlah = f"{len(kosong)} dari {len(semua)} indikator belum diisi ({_contoh(kosong)})"
        if status is not None:
            pesan, tingkat = f"{judul} sudah {status}, tetapi {jumlah}.", GALAT
        else:
            pesan, tingkat = f"Tenggat {judul} ({format_tanggal(batas)}) sudah lewat, tetapi {jumlah}.", PERINGATAN
        yield Temuan("realisasi-belum-diisi", tingkat, data.kunci_realisasi(tw),
                     pesan + " Isi angkanya, atau N/A dengan alasannya bila tidak ada angka.",
                     f"{len(kosong)} indikator", tautan_realisasi(data, tw))


def _nilai_tersimpan(data: PeriksaData, ind: IndikatorData) -> Iterator[tuple[str, str, Nilai, Tautan]]:
    """(document, what, value, where to fix it) of every stored value of an indicator the check covers."""
    yield "renstra", "Kondisi awal", ind.kondisi_awal, tautan_indikator(ind)
    for tahun, value in sorted(ind.target.items()):
        yield "renstra", f"Target Renstra {tahun}", value, tautan_indikator(ind)
    if data.ada_renja:
        for tahun, tahap in ((data.tahun, RENJA), (data.tahun + 1, PRAKIRAAN)):
            yield (data.kunci_renja, f"Target Renja {tahun}", data.renja.target_renja_of(ind.id, tahun, tahap),
                   tautan_target_renja(data))
    for versi, value in data.target_pk(ind.id).items():
        yield data.kunci_lkj, f"Target Perjanjian Kinerja {versi} {data.tahun}", value, tautan_pk(data, versi)
    for tw, value in data.realisasi_tw(ind.id).items():
        yield (data.kunci_realisasi(tw), f"Realisasi {data.tahun} TW {TW_ROMAWI[tw]}", value,
               tautan_realisasi(data, tw))


@aturan("nilai-di-luar-rentang", "Nilai tersimpan di luar rentang satuannya (negatif, atau persen di atas 100)")
def nilai_di_luar_rentang(data: PeriksaData):
    for ind, lokasi in data.indikator():
        rentang = ind.rentang
        for dokumen, apa, value, tautan in _nilai_tersimpan(data, ind):
            masalah = rentang.masalah(value, apa)
            if masalah:
                yield Temuan("nilai-di-luar-rentang", GALAT, dokumen,
                             f"“{ind.uraian}”: {masalah} Tercatat {teks(value, ind.satuan)}.",
                             lokasi.label(), tautan)
