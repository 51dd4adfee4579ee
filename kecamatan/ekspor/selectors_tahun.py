"""The year's rows of a kabupaten-year export: pagu per stage, realisasi per triwulan (values and
Rp), documents with their status and timeline. A fixed number of queries (pagu 3, the rest 1 each).

Pagu as the kecamatan's own tables read it: a sub-kegiatan itemised into aktivitas in the Renja of
year N has no stored Pagu of tahap renja for N, its dana is the sum of the aktivitas; likewise its
prakiraan maju of N+1 when some aktivitas carry their own (models/renja.py). Those sums are written
as rows of their tahap with sumber "aktivitas"; a stored row of the same tahap beside them is left
out (the itemised sum wins, as in T-C.33)."""

from __future__ import annotations

from collections.abc import Iterator

from django.db.models import Count, Exists, F, Max, Min, OuterRef, Q, Sum

from kecamatan.core.kunci import kunci_dokumen
from kecamatan.ekspor.selectors import CHUNK, Lingkup, q
from kecamatan.models import Aktivitas, Dokumen, Pagu, Realisasi, RealisasiAnggaran, Riwayat

SUB = "subkegiatan__kegiatan__program__periode__"
URUT_TAHAP = {tahap: i for i, tahap in enumerate(Pagu.Tahap.values)}


def _tahun_pagu(lk: Lingkup) -> Q:
    """The budget of year N at every stage, and the prakiraan maju of N+1 set by the Renja of N."""
    return Q(tahun=lk.tahun) | Q(tahun=lk.tahun + 1, tahap=Pagu.Tahap.PRAKIRAAN)


def pagu_rows(lk: Lingkup) -> Iterator[tuple]:
    """3 queries; the rows of the year are few (sub-kegiatan × stages), sorted here."""
    rows: list[tuple] = []
    renja = Aktivitas.objects.filter(rincian__subkegiatan_id=OuterRef("subkegiatan_id"),
                                     rincian__dokumen__jenis=Dokumen.Jenis.RENJA)
    stored = (Pagu.objects.filter(_tahun_pagu(lk), subkegiatan__kegiatan__program__periode_id__in=lk.periode_ids)
              .annotate(dana_aktivitas=Exists(renja.filter(rincian__dokumen__tahun=OuterRef("tahun"))),
                        maju_aktivitas=Exists(renja.filter(rincian__dokumen__tahun=OuterRef("tahun") - 1,
                                                           prakiraan__isnull=False)))
              .exclude(tahap=Pagu.Tahap.RENJA, dana_aktivitas=True)
              .exclude(tahap=Pagu.Tahap.PRAKIRAAN, maju_aktivitas=True))
    for kode, nama, sub_id, kode_sub, tahun, tahap, jumlah in stored.values_list(
            f"{SUB}kecamatan__kode", f"{SUB}kecamatan__nama", "subkegiatan_id", "subkegiatan__nomenklatur__kode",
            "tahun", "tahap", "jumlah").order_by():
        rows.append((kode, nama, sub_id, kode_sub, tahun, tahap, jumlah, "pagu"))
    akt = Aktivitas.objects.filter(rincian__dokumen__jenis=Dokumen.Jenis.RENJA,
                                   rincian__subkegiatan__kegiatan__program__periode_id__in=lk.periode_ids)
    head = (f"rincian__{SUB}kecamatan__kode", f"rincian__{SUB}kecamatan__nama", "rincian__subkegiatan_id",
            "rincian__subkegiatan__nomenklatur__kode", "rincian__dokumen__tahun")
    for kode, nama, sub_id, kode_sub, tahun, total in (akt.filter(rincian__dokumen__tahun=lk.tahun)
                                                        .values_list(*head).annotate(total=Sum("jumlah")).order_by()):
        rows.append((kode, nama, sub_id, kode_sub, tahun, Pagu.Tahap.RENJA.value, total, "aktivitas"))
    for kode, nama, sub_id, kode_sub, tahun, total in (
        akt.filter(rincian__dokumen__tahun__in=[lk.tahun - 1, lk.tahun], prakiraan__isnull=False)
        .values_list(*head).annotate(total=Sum("prakiraan")).order_by()
    ):
        rows.append((kode, nama, sub_id, kode_sub, tahun + 1, Pagu.Tahap.PRAKIRAAN.value, total, "aktivitas"))
    rows.sort(key=lambda r: (r[1], r[3], r[2], r[4], URUT_TAHAP[r[5]]))
    return iter(rows)


def realisasi_rows(lk: Lingkup) -> Iterator[tuple]:
    return q(Realisasi, "indikator__periode__", Q(indikator__periode_id__in=lk.periode_ids, tahun=lk.tahun),
             ("indikator_id", "tahun", "triwulan", "nilai", "label", "keterangan"),
             ("indikator__urutan", "indikator_id", "triwulan"))


def realisasi_anggaran_rows(lk: Lingkup) -> Iterator[tuple]:
    return q(RealisasiAnggaran, SUB, Q(subkegiatan__kegiatan__program__periode_id__in=lk.periode_ids, tahun=lk.tahun),
             ("subkegiatan_id", "subkegiatan__nomenklatur__kode", "tahun", "triwulan", "jumlah"),
             ("subkegiatan__nomenklatur__kode", "subkegiatan_id", "triwulan"))


def _dokumen_where(lk: Lingkup, prefix: str = "") -> Q:
    """The Renstra of each kecamatan and its documents of the year (Renja, Realisasi TW I-IV, LKj)."""
    return Q(**{f"{prefix}periode_id__in": lk.periode_ids}) & (
        Q(**{f"{prefix}jenis": Dokumen.Jenis.RENSTRA}) | Q(**{f"{prefix}tahun": lk.tahun}))


def dokumen_rows(lk: Lingkup) -> Iterator[tuple]:
    """Each document with the dates of its timeline, aggregated in SQL: 1 query."""
    def aksi(name: str) -> Q:
        return Q(riwayat__aksi=name)

    rows = (Dokumen.objects.filter(_dokumen_where(lk))
            .annotate(dibuat=Min("riwayat__waktu"), diajukan_pertama=Min("riwayat__waktu", filter=aksi("ajukan")),
                      diajukan_terakhir=Max("riwayat__waktu", filter=aksi("ajukan")),
                      dikembalikan=Count("riwayat", filter=aksi("kembalikan")),
                      diverifikasi=Max("riwayat__waktu", filter=aksi("verifikasi")))
            .order_by("periode__kecamatan__nama", F("tahun").asc(nulls_first=True), "jenis", "triwulan")
            .values_list("periode__kecamatan__kode", "periode__kecamatan__nama", "pk", "jenis", "tahun", "triwulan",
                         "status", "versi", "dibuat", "diajukan_pertama", "diajukan_terakhir", "dikembalikan",
                         "diverifikasi", "dibuka_bappeda"))
    for kode, nama, pk, jenis, tahun, tw, *rest in rows.iterator(chunk_size=CHUNK):
        yield (kode, nama, pk, kunci_dokumen(jenis, tahun, tw), jenis, tahun, tw, *rest)


def riwayat_rows(lk: Lingkup) -> Iterator[tuple]:
    """Every step of each document's timeline (saves too), oldest first: 1 query, streamed."""
    rows = (Riwayat.objects.filter(_dokumen_where(lk, "dokumen__"))
            .order_by("dokumen__periode__kecamatan__nama", "dokumen_id", "waktu", "pk")
            .values_list("dokumen__periode__kecamatan__kode", "dokumen__periode__kecamatan__nama", "dokumen_id",
                         "dokumen__jenis", "dokumen__tahun", "dokumen__triwulan", "waktu", "aksi", "dari_status",
                         "ke_status", "versi", "oleh__username", "oleh__first_name", "oleh__last_name", "catatan"))
    for kode, nama, dok, jenis, tahun, tw, waktu, aksi, dari, ke, versi, user, first, last, catatan in rows.iterator(
            chunk_size=CHUNK):
        yield (kode, nama, dok, kunci_dokumen(jenis, tahun, tw), waktu, aksi, dari, ke, versi, user,
               " ".join(part for part in (first, last) if part), catatan)


