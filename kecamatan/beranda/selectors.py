"""Reads of the dashboard: what each role has to do next, per Renstra period and document."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, QuerySet
from django.urls import reverse

from kecamatan.checks.selectors import hasil_tersimpan, lencana_tahun
from kecamatan.core import access
from kecamatan.core.kunci import TW_ROMAWI
from kecamatan.models import Dokumen, Indikator, Kecamatan, Peran, Periode, Realisasi, Riwayat


@dataclass(frozen=True)
class Tugas:
    """One line of "what to do next" on the dashboard."""

    teks: str
    url: str
    tingkat: str = "warning"  # bootstrap colour: danger (returned), warning (to fill), info (to submit/verify)
    catatan: str = ""


@dataclass(frozen=True)
class SelTriwulan:
    kunci: str
    tahun: int
    triwulan: int
    status: str
    status_label: str
    belum_diisi: int


@dataclass(frozen=True)
class RingkasanPeriode:
    periode: Periode
    n_indikator: int
    triwulan: tuple[tuple[int, tuple[SelTriwulan, ...]], ...]  # per year: the TW cells up to today
    dokumen: tuple[Dokumen, ...]  # Renstra, Renja, LKj
    periksa: tuple[tuple[int, object], ...] = ()  # per year: the stored consistency counts (Lencana) or None


@dataclass(frozen=True)
class Dasbor:
    tugas: tuple[Tugas, ...]
    periode: tuple[RingkasanPeriode, ...]
    menunggu: tuple[Dokumen, ...] = ()  # Bappeda: submitted documents of every kecamatan


def triwulan_of(day: datetime.date) -> int:
    return (day.month - 1) // 3 + 1


def dasbor(periode_qs: QuerySet[Periode], *, peran: str | None, today: datetime.date) -> Dasbor:
    """What each role should do next, over the periods the user sees, with the stored consistency
    counts of every kecamatan-year: 5 queries (6 when a document was returned)."""
    periodes = list(periode_qs.select_related("kecamatan__kabupaten"))
    isian = _isian([p.pk for p in periodes])
    tersimpan = hasil_tersimpan(periodes)
    kecamatan_role = peran in (Peran.OPERATOR, Peran.CAMAT)
    tugas: list[Tugas] = []
    ringkasan: list[RingkasanPeriode] = []
    menunggu: list[Dokumen] = []
    for p in periodes:
        years = _triwulan(p, isian, today, peran, tugas if kecamatan_role else None)
        others = [isian.doc(p, Dokumen.Jenis.RENSTRA)] + [
            isian.doc(p, jenis, tahun) for tahun in p.tahun_list for jenis in (Dokumen.Jenis.RENJA, Dokumen.Jenis.LKJ)
        ]
        for d in others:
            if kecamatan_role and d.status == Dokumen.Status.DIKEMBALIKAN:
                tugas.append(Tugas(teks_dikembalikan(d.judul, peran),
                                   reverse("kecamatan:dokumen", args=(p.pk, d.kunci)), "danger",
                                   isian.last_note.get(d.pk, "")))
        menunggu.extend(d for (pid, *_), d in isian.docs.items() if pid == p.pk and d.status == Dokumen.Status.DIAJUKAN)
        lencana = lencana_tahun(p, [d for (pid, *_), d in isian.docs.items() if pid == p.pk], tersimpan)
        ringkasan.append(RingkasanPeriode(p, isian.n_ind.get(p.pk, 0), years, tuple(others),
                                          tuple((t, lencana.get(t)) for t in p.tahun_list)))
    if peran == Peran.VERIFIKATOR and menunggu:  # one line, not one per document: the work list has them
        tugas.append(Tugas(f"{len(menunggu)} dokumen menunggu verifikasi: buka daftar kerja (yang terlama di atas).",
                           reverse("kecamatan:antrian"), "info"))
    order = {"danger": 0, "warning": 1, "info": 2}
    tugas.sort(key=lambda t: order[t.tingkat])
    return Dasbor(tuple(tugas), tuple(ringkasan), tuple(menunggu))


@dataclass(frozen=True)
class _Isian:
    """What the periods hold: indicators, realisasi entered per triwulan, documents, and the last
    note of each returned document."""

    n_ind: dict[int, int]  # periode id → indicators
    filled: dict[tuple[int, int, int], int]  # (periode id, tahun, triwulan) → realisasi entered
    docs: dict[tuple, Dokumen]  # (periode id, jenis, tahun, triwulan) → document
    last_note: dict[int, str]  # returned document id → Bappeda's note

    def doc(self, p: Periode, jenis: str, tahun: int | None = None, tw: int | None = None) -> Dokumen:
        """The document, or an unsaved draft standing for one not started yet."""
        d = self.docs.get((p.pk, jenis, tahun, tw))
        if d is None:
            d = Dokumen(periode=p, jenis=jenis, tahun=tahun, triwulan=tw, versi=0)
        return d


def _isian(ids: list[int]) -> _Isian:
    n_ind = dict(Indikator.objects.filter(periode__in=ids).values_list("periode").annotate(n=Count("pk")))
    filled = {
        (row["indikator__periode"], row["tahun"], row["triwulan"]): row["n"]
        for row in Realisasi.objects.filter(indikator__periode__in=ids)
        .values("indikator__periode", "tahun", "triwulan").annotate(n=Count("pk"))
    }
    docs = {(d.periode_id, d.jenis, d.tahun, d.triwulan): d
            for d in Dokumen.objects.filter(periode__in=ids).select_related("periode__kecamatan")}
    returned_ids = [d.pk for d in docs.values() if d.status == Dokumen.Status.DIKEMBALIKAN]
    last_note: dict[int, str] = {}
    for r in Riwayat.objects.filter(dokumen__in=returned_ids, aksi=Riwayat.Aksi.KEMBALIKAN).order_by("waktu", "pk"):
        last_note[r.dokumen_id] = r.catatan
    return _Isian(n_ind, filled, docs, last_note)


def teks_dikembalikan(judul: str, peran: str | None) -> str:
    """A returned document on the dashboard: what this role does, and what the Camat does."""
    if peran == Peran.CAMAT:
        return f"{judul} dikembalikan Bappeda: perbaiki sesuai catatan, simpan, lalu ajukan lagi."
    return (f"{judul} dikembalikan Bappeda: perbaiki sesuai catatan lalu simpan; sesudah itu Camat "
            "mengajukannya lagi.")


def _triwulan(p: Periode, isian: _Isian, today: datetime.date, peran: str | None,
              tugas: list[Tugas] | None) -> tuple[tuple[int, tuple[SelTriwulan, ...]], ...]:
    """Per year up to today, the triwulan cells of a period; the kecamatan's tasks on them go to
    `tugas` (None for Bappeda and admin, who do not fill them)."""
    years = []
    for tahun in p.tahun_list:
        if tahun > today.year:
            break
        last_tw = 4 if tahun < today.year else triwulan_of(today)
        cells = []
        for tw in range(1, last_tw + 1):
            d = isian.doc(p, Dokumen.Jenis.REALISASI, tahun, tw)
            kosong = isian.n_ind.get(p.pk, 0) - isian.filled.get((p.pk, tahun, tw), 0)
            cells.append(SelTriwulan(d.kunci, tahun, tw, d.status, d.get_status_display(), kosong))
            if tugas is None:
                continue
            url = reverse("kecamatan:realisasi", args=(p.pk, tahun, tw))
            if d.status == Dokumen.Status.DIKEMBALIKAN:
                tugas.append(Tugas(teks_dikembalikan(d.judul, peran), url, "danger", isian.last_note.get(d.pk, "")))
            elif d.status == Dokumen.Status.DRAFT and kosong:
                tugas.append(Tugas(f"Realisasi TW {TW_ROMAWI[tw]} {tahun} belum diisi: {kosong} indikator", url))
            elif d.status == Dokumen.Status.DRAFT:
                teks = (f"{d.judul} sudah lengkap: ajukan ke Bappeda." if peran == Peran.CAMAT
                        else f"{d.judul} sudah lengkap: beri tahu Camat, karena hanya Camat yang dapat "
                             "mengajukannya ke Bappeda.")
                tugas.append(Tugas(teks, url, "info"))
        years.append((tahun, tuple(cells)))
    return tuple(years)


def kecamatan_tanpa_renstra(user) -> list[str]:
    """Admin's dashboard: the kecamatan of the admin's kabupaten that have no real Renstra period
    yet; those with only a generated one (demo_kabupaten) are named as such (1 query)."""
    rows = (access.visible_kecamatan(user, Kecamatan.objects.all()).exclude(periode__demo=False)
            .annotate(n_demo=Count("periode")).order_by("nama").values_list("nama", "n_demo"))
    return [f"{nama} (hanya data demo)" if n_demo else nama for nama, n_demo in rows]
