"""Deadlines on the kecamatan's dashboard (operator and Camat): each document the kecamatan must
submit to Bappeda (Renja, realisasi of each triwulan, LKj) that is not submitted yet and whose
deadline has passed ("terlambat N hari") or comes within `DEKAT_HARI` days.

The documents, the kabupaten's deadlines and the lateness are those of the completeness page
(`perbandingan`: `dokumen_tahun`, `aturan_tenggat`, `hari_terlambat`, the first submission of
`dokumen_info`), so both pages always agree."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import QuerySet
from django.urls import reverse

from kecamatan.core.kunci import REALISASI, judul_dokumen, kunci_dokumen
from kecamatan.models import Periode
from kecamatan.perbandingan.rules import hari_terlambat
from kecamatan.perbandingan.selectors import aturan_tenggat, dokumen_info
from kecamatan.perbandingan.tables.kelengkapan import dokumen_tahun

DEKAT_HARI = 45  # a deadline this close is shown before it passes: the next triwulan's at least


@dataclass(frozen=True)
class Tenggat:
    """A document still to be submitted, with its deadline."""

    kunci: str  # renja-2025, realisasi-2025-3, lkj-2025
    judul: str  # "Realisasi 2025 TW III"
    kecamatan: str
    url: str
    batas: datetime.date
    hari_terlambat: int | None  # the deadline has passed: days since
    sisa_hari: int  # days left (negative when late)

    @property
    def terlambat(self) -> bool:
        return self.hari_terlambat is not None


def tenggat_kecamatan(periode_qs: QuerySet[Periode], *, today: datetime.date) -> tuple[Tenggat, ...]:
    """The documents of the periods not yet submitted whose deadline is near (the nearest first),
    then those whose deadline has passed (the latest missed first, the oldest at the end): 2 queries
    (periods, documents with their first submission)."""
    periodes = list(periode_qs.select_related("kecamatan__kabupaten"))
    years = sorted({t for p in periodes for t in p.tahun_list})
    docs = {(d.kecamatan_id, d.jenis, d.tahun, d.triwulan): d
            for d in dokumen_info([p.pk for p in periodes], years)} if periodes else {}
    out = []
    for p in periodes:
        aturan = aturan_tenggat(p.kecamatan.kabupaten)
        for jenis, tahun, tw in (e for t in p.tahun_list for e in dokumen_tahun(t)):
            batas = aturan.tenggat(jenis, tahun, tw)
            d = docs.get((p.kecamatan_id, jenis, tahun, tw))
            if batas is None or (d is not None and d.diajukan is not None):
                continue  # submitted (on time or late): nothing is due any more
            late = hari_terlambat(batas, None, today)
            if late is None and (batas - today).days > DEKAT_HARI:
                continue
            kunci = kunci_dokumen(jenis, tahun, tw)
            url = (reverse("kecamatan:realisasi", args=(p.pk, tahun, tw)) if jenis == REALISASI
                   else reverse("kecamatan:dokumen", args=(p.pk, kunci)))
            out.append(Tenggat(kunci, judul_dokumen(jenis, tahun, tw), p.kecamatan.nama, url, batas, late,
                               (batas - today).days))
    out.sort(key=lambda t: (t.terlambat, t.sisa_hari if not t.terlambat else -t.sisa_hari, t.kecamatan))
    return tuple(out)
