"""Bappeda's work list: the documents the kecamatan of one kabupaten submitted, the one waiting
longest on top, with the date each was submitted and how long it has waited; filtered, searched
and paginated in a fixed number of queries whatever the number of documents."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import (
    Case,
    CharField,
    Count,
    F,
    Max,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
    Window,
)
from django.db.models.functions import Cast, Coalesce, Concat
from django.urls import reverse
from django.utils import timezone

from kecamatan.core.formatting import format_number
from kecamatan.core.kunci import JENIS_LABEL, TW_ROMAWI, judul_dokumen, kunci_dokumen
from kecamatan.models import Dokumen, Kabupaten, Kecamatan, Periode, Riwayat

PER_HALAMAN = 25
SEMUA = "semua"  # the status filter's "every status"
_PID, _KUNCI = 987654321, "__kunci__"  # placeholders of the one reversed document URL


@dataclass(frozen=True)
class Saringan:
    """What the list is narrowed to; the default is what waits for Bappeda."""

    status: str = Dokumen.Status.DIAJUKAN  # a Dokumen.Status, or SEMUA
    kecamatan: int | None = None
    jenis: str = ""
    tahun: int | None = None
    q: str = ""


@dataclass(frozen=True)
class BarisAntrian:
    id: int
    judul: str  # "Realisasi 2024 TW I"
    jenis: str
    kecamatan: str
    periode_label: str
    status: str
    status_label: str
    diajukan: datetime.datetime | None  # the latest submission (Riwayat ajukan)
    sejak: datetime.datetime | None  # since when the document has its present status
    menunggu_hari: int | None  # days since the submission, while it waits (status Diajukan)
    url: str  # the document's page: its checks, timeline and Bappeda's actions

    @property
    def menunggu(self) -> str:
        if self.menunggu_hari is None:
            return ""
        return "diajukan hari ini" if self.menunggu_hari <= 0 else f"menunggu {format_number(self.menunggu_hari)} hari"


@dataclass(frozen=True)
class Pilihan:
    """The choices of the filters, from the kabupaten's kecamatan and Renstra years."""

    kecamatan: tuple[tuple[int, str], ...]
    tahun: tuple[int, ...]


@dataclass(frozen=True)
class HalamanAntrian:
    page: Page
    baris: tuple[BarisAntrian, ...]

    @property
    def jumlah(self) -> int:
        return self.page.paginator.count

    @property
    def nomor_halaman(self) -> list:
        """Page numbers around the current one and at both ends, "…" between."""
        return list(self.page.paginator.get_elided_page_range(self.page.number, on_each_side=2, on_ends=1))


def pilihan(kabupaten: Kabupaten) -> Pilihan:
    """2 queries."""
    kecamatan = tuple(Kecamatan.objects.filter(kabupaten=kabupaten).order_by("nama").values_list("pk", "nama"))
    span = Periode.objects.filter(kecamatan__kabupaten=kabupaten).aggregate(a=Min("tahun_mulai"), b=Max("tahun_selesai"))
    tahun = tuple(range(span["a"], span["b"] + 1)) if span["a"] else ()
    return Pilihan(kecamatan, tahun)


def antrian_qs(kabupaten: Kabupaten, saringan: Saringan = Saringan()) -> QuerySet[Dokumen]:
    """The kabupaten's submitted documents (ever submitted, or Diajukan) as the filter narrows
    them, each annotated with its latest submission (`diajukan`) and the time it took its present
    status (`sejak`), oldest submission first; one SQL query when evaluated."""
    ajukan = Riwayat.objects.filter(dokumen=OuterRef("pk"), aksi=Riwayat.Aksi.AJUKAN).order_by("-waktu", "-pk")
    berubah = (Riwayat.objects.filter(dokumen=OuterRef("pk"), ke_status=OuterRef("status"))
               .exclude(dari_status=F("ke_status")).order_by("-waktu", "-pk"))
    qs = (Dokumen.objects.filter(periode__kecamatan__kabupaten=kabupaten)
          .annotate(diajukan=Subquery(ajukan.values("waktu")[:1]), sejak=Subquery(berubah.values("waktu")[:1]))
          .filter(Q(status=Dokumen.Status.DIAJUKAN) | Q(diajukan__isnull=False))
          .select_related("periode__kecamatan"))
    if saringan.status and saringan.status != SEMUA:
        qs = qs.filter(status=saringan.status)
    if saringan.kecamatan:
        qs = qs.filter(periode__kecamatan_id=saringan.kecamatan)
    if saringan.jenis:
        qs = qs.filter(jenis=saringan.jenis)
    if saringan.tahun:  # a Renstra document belongs to every year of its period
        qs = qs.filter(Q(tahun=saringan.tahun) | Q(tahun__isnull=True, periode__tahun_mulai__lte=saringan.tahun,
                                                   periode__tahun_selesai__gte=saringan.tahun))
    words = saringan.q.split()
    if words:
        qs = qs.annotate(teks_cari=_teks_cari())
        for word in words:
            qs = qs.filter(teks_cari__icontains=word)
    return qs.order_by(F("diajukan").asc(nulls_last=True), "periode__kecamatan__nama", "pk")


def _teks_cari():
    """What a search matches, as the list prints it: "Realisasi triwulan 2024 TW I Kecamatan
    Senduro Renstra 2024-2026"."""
    return Concat(
        Case(*[When(jenis=j, then=Value(label)) for j, label in JENIS_LABEL.items()], default=Value("")),
        Value(" "), Coalesce(Cast("tahun", CharField()), Value("")), Value(" "),
        Case(*[When(triwulan=t, then=Value(f"TW {r}")) for t, r in TW_ROMAWI.items()], default=Value("")),
        Value(" Kecamatan "), F("periode__kecamatan__nama"), Value(" Renstra "),
        Cast("periode__tahun_mulai", CharField()), Value("-"), Cast("periode__tahun_selesai", CharField()),
        output_field=CharField(),
    )


def antrian(kabupaten: Kabupaten, saringan: Saringan, *, today: datetime.date, halaman=None,
            per_halaman: int = PER_HALAMAN) -> HalamanAntrian:
    """One page of the work list: 2 queries (the count and the page's rows)."""
    page = Paginator(antrian_qs(kabupaten, saringan), per_halaman).get_page(halaman)
    url = _dokumen_url()
    return HalamanAntrian(page, tuple(_baris(d, today, url) for d in page.object_list))


def teratas(kabupaten: Kabupaten, *, today: datetime.date, n: int = 5) -> tuple[int, tuple[BarisAntrian, ...]]:
    """The dashboard's excerpt: how many documents wait for verification, and the n waiting
    longest (1 query: the count rides along as a window)."""
    rows = list(antrian_qs(kabupaten).annotate(jumlah=Window(Count("pk")))[:n])
    url = _dokumen_url()
    return (rows[0].jumlah if rows else 0), tuple(_baris(d, today, url) for d in rows)


def _dokumen_url():
    """The document page's URL for (periode id, kunci): reversed once, not per row."""
    pola = reverse("kecamatan:dokumen", args=[_PID, _KUNCI])
    return lambda pid, kunci: pola.replace(str(_PID), str(pid), 1).replace(_KUNCI, kunci, 1)


def _baris(d: Dokumen, today: datetime.date, url) -> BarisAntrian:
    kunci = kunci_dokumen(d.jenis, d.tahun, d.triwulan)
    menunggu = None
    if d.status == Dokumen.Status.DIAJUKAN and d.diajukan is not None:
        menunggu = (today - timezone.localtime(d.diajukan).date()).days
    return BarisAntrian(
        id=d.pk, judul=judul_dokumen(d.jenis, d.tahun, d.triwulan, d.periode.label), jenis=d.jenis,
        kecamatan=d.periode.kecamatan.nama, periode_label=d.periode.label, status=d.status,
        status_label=d.get_status_display(), diajukan=d.diajukan, sejak=d.sejak, menunggu_hari=menunggu,
        url=url(d.periode_id, kunci),
    )
