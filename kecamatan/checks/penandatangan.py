"""Checks of who signs: the NIP of every signing Camat, one person recorded under two spellings or
two NIPs, a signature dated outside the Camat's term, a submitted document nobody signs. Pure.

Within one document the signature cannot differ (a document has one signatory, printed once under
its last table); what can differ is the record behind it (RENJA J-12, LKJ L-25)."""

from __future__ import annotations

from collections import defaultdict

from kecamatan.checks.base import GALAT, PERINGATAN, Tautan, Temuan, aturan
from kecamatan.checks.data import CamatInfo, PeriksaData
from kecamatan.checks.teks import mirip, nama_orang
from kecamatan.core.formatting import format_tanggal
from kecamatan.core.validators import format_nip, nip_problem, normalize_nip

MIRIP_NAMA = 0.8


def _tautan_camat(data: PeriksaData, camat: CamatInfo) -> Tautan:
    return Tautan.to("kecamatan:renstra_camat_ubah", pk=data.periode_id, camat_pk=camat.id)


def _signed_by(data: PeriksaData) -> dict[int, list]:
    out = defaultdict(list)
    for ttd in data.tanda_tangan:
        if ttd.camat_id is not None:
            out[ttd.camat_id].append(ttd)
    return out


@aturan("nip-tidak-sah", "NIP penanda tangan tidak 18 angka atau tidak sah", kasus=("J-12",))
def nip_tidak_sah(data: PeriksaData):
    for camat_id, signatures in _signed_by(data).items():
        camat = data.camat.get(camat_id)
        problem = nip_problem(camat.nip) if camat else None
        if not problem:
            continue
        for ttd in signatures:
            yield Temuan("nip-tidak-sah", GALAT, ttd.dokumen,
                         f"{ttd.label} ditandatangani {camat.nama} dengan NIP {camat.nip}: {problem}",
                         f"Camat {camat.nama}", _tautan_camat(data, camat))


def _digit_difference(a: str, b: str) -> int:
    """Positions in which two NIPs differ; a missing digit (17 for 18) counts as one."""
    if len(a) == len(b):
        return sum(1 for x, y in zip(a, b) if x != y)
    if abs(len(a) - len(b)) == 1:
        long, short = (a, b) if len(a) > len(b) else (b, a)
        return 1 + min(sum(1 for x, y in zip(long[:i] + long[i + 1:], short) if x != y) for i in range(len(long)))
    return max(len(a), len(b))


def _pasangan(data: PeriksaData):
    """(a, b, tingkat, why) for every pair of Camat records that look like one person or one NIP."""
    camat = sorted(data.camat.values(), key=lambda c: c.id)
    for i, a in enumerate(camat):
        for b in camat[i + 1:]:
            nip_a, nip_b = normalize_nip(a.nip), normalize_nip(b.nip)
            nama_a, nama_b = nama_orang(a.nama), nama_orang(b.nama)
            if nip_a == nip_b and nama_a != nama_b:
                yield a, b, GALAT, f"NIP sama ({format_nip(nip_a)}) dengan nama berbeda"
            elif nama_a == nama_b and nip_a != nip_b:
                yield a, b, GALAT, f"nama sama dengan NIP berbeda ({format_nip(nip_a)} dan {format_nip(nip_b)})"
            elif mirip(nama_a, nama_b) >= MIRIP_NAMA and _digit_difference(nip_a, nip_b) <= 3:
                yield a, b, PERINGATAN, (f"nama mirip dan NIP hampir sama ({format_nip(nip_a)} dan "
                                         f"{format_nip(nip_b)}): kemungkinan salah ketik")


@aturan("penandatangan-ganda", "Satu penanda tangan tercatat dengan dua ejaan nama atau dua NIP",
        kasus=("J-12", "L-25"))
def penandatangan_ganda(data: PeriksaData):
    signed = _signed_by(data)
    for a, b, tingkat, why in _pasangan(data):
        for ttd in signed.get(a.id, []) + signed.get(b.id, []):
            yield Temuan("penandatangan-ganda", tingkat, ttd.dokumen,
                         f"Penanda tangan {ttd.label} tercatat dua kali: “{a.nama}” dan “{b.nama}” "
                         f"({why}). Satu orang satu data Camat; perbaiki ejaan atau NIP yang salah.",
                         f"Camat {a.nama} / {b.nama}",
                         _tautan_camat(data, a if ttd.camat_id == a.id else b))


@aturan("penandatangan-masa-jabatan", "Tanggal tanda tangan di luar masa jabatan Camat")
def penandatangan_masa_jabatan(data: PeriksaData):
    for ttd in data.tanda_tangan:
        camat = data.camat.get(ttd.camat_id) if ttd.camat_id else None
        if camat is None or ttd.tanggal is None:
            continue
        if (camat.mulai and ttd.tanggal < camat.mulai) or (camat.selesai and ttd.tanggal > camat.selesai):
            masa = f"{format_tanggal(camat.mulai) or '…'} s.d. {format_tanggal(camat.selesai) or 'sekarang'}"
            yield Temuan("penandatangan-masa-jabatan", PERINGATAN, ttd.dokumen,
                         f"{ttd.label} bertanggal {format_tanggal(ttd.tanggal)} ditandatangani {camat.nama}, yang "
                         f"menjabat {masa}. Periksa tanggal atau penanda tangannya.", f"Camat {camat.nama}",
                         ttd.tautan or _tautan_camat(data, camat))


@aturan("penandatangan-kosong", "Dokumen yang diajukan tanpa penanda tangan")
def penandatangan_kosong(data: PeriksaData):
    for info in data.dokumen.values():
        if info.kunci.startswith("realisasi") or info.camat_id is not None:
            continue
        if info.kunci not in ("renstra", data.kunci_renja, data.kunci_lkj):
            continue
        tautan = {
            data.kunci_renja: Tautan.to("kecamatan:renja_penandatangan", pk=data.periode_id, tahun=data.tahun),
            "renstra": Tautan.to("kecamatan:renstra_penandatangan", pk=data.periode_id),
        }.get(info.kunci)
        yield Temuan("penandatangan-kosong", PERINGATAN, info.kunci,
                     f"{info.judul} belum mempunyai penanda tangan: tabel tercetak tanpa blok tanda tangan Camat.",
                     info.judul, tautan)
