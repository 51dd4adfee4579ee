"""Reads. Each selector returns everything its caller will touch in a fixed number of queries."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from kecamatan.core.formatting import Nilai, format_nilai, format_rupiah
from kecamatan.core.kunci import TW_ROMAWI, parse_kunci
from kecamatan.models import (
    CatatanItem,
    Dokumen,
    Indikator,
    Kecamatan,
    Pagu,
    Periode,
    Realisasi,
    RealisasiAnggaran,
    Riwayat,
    SubKegiatan,
    Target,
)
from kecamatan.tables.base import Kantor, PenandatanganData


def periode_list() -> QuerySet[Periode]:
    return Periode.objects.select_related("kecamatan__kabupaten").order_by("kecamatan__nama", "-tahun_mulai")


def penandatangan_of(dokumen: Dokumen | None, kecamatan_nama: str) -> PenandatanganData | None:
    """The signature block of a document (its Camat, place and date), or None if unsigned."""
    if dokumen is None or dokumen.camat is None:
        return None
    camat = dokumen.camat
    return PenandatanganData(
        nama=camat.nama, jabatan=f"Camat {kecamatan_nama}", nip=camat.nip_cetak, pangkat=camat.pangkat_golongan,
        tempat=dokumen.ttd_tempat, tanggal=dokumen.ttd_tanggal, hanya_bulan=dokumen.ttd_hanya_bulan,
    )


def kantor_of(kecamatan: Kecamatan) -> Kantor:
    """The office's address lines for the kop of its prints (no query: the Kecamatan is at hand)."""
    return Kantor(alamat=kecamatan.alamat, telepon=kecamatan.telepon, email=kecamatan.email,
                  kode_pos=kecamatan.kode_pos)


# --- workflow documents ------------------------------------------------------------------------


def expected_dokumen(periode: Periode) -> list[tuple[str, int | None, int | None]]:
    """Every document a period has, in order: Renstra, then per year Renja, TW I-IV, LKj."""
    out: list[tuple[str, int | None, int | None]] = [(Dokumen.Jenis.RENSTRA, None, None)]
    for tahun in periode.tahun_list:
        out.append((Dokumen.Jenis.RENJA, tahun, None))
        out.extend((Dokumen.Jenis.REALISASI, tahun, tw) for tw in (1, 2, 3, 4))
        out.append((Dokumen.Jenis.LKJ, tahun, None))
    return out


def dokumen_for(periode: Periode, kunci: str) -> Dokumen | None:
    """The document of a period by key; an unsaved draft (versi 0) until someone first saves it.
    None if the key names no document of this period."""
    parsed = parse_kunci(kunci)
    if parsed is None or parsed not in set(expected_dokumen(periode)):
        return None
    jenis, tahun, triwulan = parsed
    found = (
        Dokumen.objects.filter(periode=periode, jenis=jenis, tahun=tahun, triwulan=triwulan)
        .select_related("periode__kecamatan", "camat").first()
    )
    return found or Dokumen(periode=periode, jenis=jenis, tahun=tahun, triwulan=triwulan, versi=0)


def dokumen_periode(periode: Periode) -> list[Dokumen]:
    """Every document of the period (saved or not yet), with its status: 1 query."""
    saved = {
        (d.jenis, d.tahun, d.triwulan): d
        for d in Dokumen.objects.filter(periode=periode)
    }
    out = []
    for key in expected_dokumen(periode):
        doc = saved.get(key) or Dokumen(periode=periode, jenis=key[0], tahun=key[1], triwulan=key[2], versi=0)
        doc.periode = periode
        out.append(doc)
    return out


def riwayat_dokumen(dokumen: Dokumen) -> list[Riwayat]:
    """The timeline of a document, oldest first, with who acted and the notes per row: 2 queries."""
    if dokumen.pk is None:
        return []
    return list(
        Riwayat.objects.filter(dokumen=dokumen).select_related("oleh")
        .prefetch_related(Prefetch("catatan_item", CatatanItem.objects.select_related("indikator", "subkegiatan__nomenklatur")))
        .order_by("waktu", "pk")
    )


def catatan_terakhir(riwayat: list[Riwayat]) -> Riwayat | None:
    """The return (kembalikan) that the current draft answers, if the document was returned and
    not yet resubmitted."""
    for r in reversed(riwayat):
        if r.aksi == Riwayat.Aksi.KEMBALIKAN:
            return r
        if r.aksi in (Riwayat.Aksi.AJUKAN, Riwayat.Aksi.VERIFIKASI, Riwayat.Aksi.BUKA_KEMBALI):
            return None
    return None


def perubahan_terakhir(dokumen: Dokumen) -> Riwayat | None:
    """The last save of the document's content (who, when, which versi), for a confirmation: 1 query
    (none for a document never saved)."""
    if dokumen.pk is None:
        return None
    return (Riwayat.objects.filter(dokumen=dokumen, aksi__in=(Riwayat.Aksi.UBAH, Riwayat.Aksi.IMPOR))
            .select_related("oleh").order_by("-waktu", "-pk").first())


# --- the triwulan realisasi page ----------------------------------------------------------------


# --- dashboard ------------------------------------------------------------------------------------


# --- audit history ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Perubahan:
    """One change to one record: who, when, which record, from what to what."""

    waktu: datetime.datetime
    oleh: str
    rekaman: str  # "Target 2025", "Realisasi 2024 TW I"
    jenis: str  # Dibuat | Diubah | Dihapus
    dari: str
    ke: str
    alasan: str = ""


HISTORY_TYPE = {"+": "Dibuat", "~": "Diubah", "-": "Dihapus"}


def _diffs(records, describe, show) -> list[Perubahan]:
    """Changes from consecutive historical rows of each record (pure apart from the rows given)."""
    out = []
    previous: dict[int, object] = {}
    for h in sorted(records, key=lambda h: (h.history_date, h.history_id)):
        before = previous.get(h.id)
        dari = show(before) if before is not None and h.history_type != "+" else "-"
        ke = "-" if h.history_type == "-" else show(h)
        if h.history_type == "-":
            dari = show(h)
        previous[h.id] = h
        if h.history_type == "~" and dari == ke:
            continue
        out.append(Perubahan(
            waktu=h.history_date, oleh=h.history_user.username if h.history_user else "sistem (data awal)",
            rekaman=describe(h), jenis=HISTORY_TYPE.get(h.history_type, h.history_type), dari=dari, ke=ke,
            alasan=h.history_change_reason or "",
        ))
    out.sort(key=lambda c: c.waktu, reverse=True)
    return out


def _show_nilai(h) -> str:
    text = format_nilai(Nilai(h.nilai, h.label))
    keterangan = getattr(h, "keterangan", "")
    return f"{text} — {keterangan}" if keterangan else text


def riwayat_indikator(indikator: Indikator) -> list[Perubahan]:
    """Every change to the targets and realisasi of an indicator, deleted rows included: 2 queries."""
    targets = Target.history.filter(indikator_id=indikator.pk).select_related("history_user")
    realisasi = Realisasi.history.filter(indikator_id=indikator.pk).select_related("history_user")
    return sorted(
        _diffs(targets, lambda h: f"Target {h.tahun}", _show_nilai)
        + _diffs(realisasi, lambda h: f"Realisasi {h.tahun} TW {TW_ROMAWI.get(h.triwulan, h.triwulan)}", _show_nilai),
        key=lambda c: c.waktu, reverse=True,
    )


def riwayat_subkegiatan(subkegiatan: SubKegiatan) -> list[Perubahan]:
    """Every change to the pagu and realisasi anggaran of a sub-kegiatan: 2 queries."""
    pagu = Pagu.history.filter(subkegiatan_id=subkegiatan.pk).select_related("history_user")
    rp = RealisasiAnggaran.history.filter(subkegiatan_id=subkegiatan.pk).select_related("history_user")
    return sorted(
        _diffs(pagu, lambda h: f"Pagu {h.tahun} ({Pagu.Tahap(h.tahap).label})", lambda h: format_rupiah(h.jumlah))
        + _diffs(rp, lambda h: f"Realisasi Rp {h.tahun} TW {TW_ROMAWI.get(h.triwulan, h.triwulan)}",
                 lambda h: format_rupiah(h.jumlah)),
        key=lambda c: c.waktu, reverse=True,
    )


# --- the cascade editor ---------------------------------------------------------------------------


