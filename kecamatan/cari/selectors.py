"""The search box: kecamatan by name, indicators by wording, programs, kegiatan and sub-kegiatan by
code (whole or prefix, "7.01.01") or name, within what the user may see (core.access).

One query per group whatever the number of matches: each group reads at most `BATAS` rows and
the number of all its matches in the same query (a window count), so "lebih banyak" costs
nothing; the kecamatan group adds one query for the Renstra periods it links to. Only
`icontains`/`startswith` and a window count: the same on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import dataclass
from functools import reduce
from operator import and_

from django.db.models import Count, Prefetch, Q, QuerySet, Window
from django.urls import reverse

from kecamatan.core import access
from kecamatan.core.kode import PEMILIK_LABELS
from kecamatan.models import Indikator, Kecamatan, Kegiatan, Periode, Program, SubKegiatan

BATAS = 20  # rows shown per group
MIN_PANJANG = 2  # shorter queries find too much to be useful
MAKS_KATA = 6  # words of a query taken into account

LEVEL_INDIKATOR = PEMILIK_LABELS


@dataclass(frozen=True)
class Tautan:
    teks: str
    url: str


@dataclass(frozen=True)
class Item:
    judul: str
    url: str
    kode: str = ""
    konteks: tuple[str, ...] = ()  # kecamatan, Renstra period, level, owner …
    tautan: tuple[Tautan, ...] = ()  # further links (a kecamatan's other periods)


@dataclass(frozen=True)
class Grup:
    kunci: str
    judul: str
    items: tuple[Item, ...]
    total: int  # all matches in scope; more than len(items) means "lebih banyak"

    @property
    def lainnya(self) -> int:
        return self.total - len(self.items)


@dataclass(frozen=True)
class Hasil:
    q: str
    grup: tuple[Grup, ...] = ()
    terlalu_pendek: bool = False

    @property
    def total(self) -> int:
        return sum(g.total for g in self.grup)


def normalise(q: str | None) -> str:
    return " ".join((q or "").split())[:100]


def cari(user, q: str | None) -> Hasil:
    """What the user may see matching q, in groups; no query at all for an empty or short q."""
    q = normalise(q)
    if len(q) < MIN_PANJANG:
        return Hasil(q, terlalu_pendek=bool(q))
    words = q.split()[:MAKS_KATA]
    periode = access.visible_periode(user, Periode.objects.all())
    return Hasil(q, (
        _kecamatan(user, words, periode),
        _indikator(words, periode),
        _node("program", "Program", Program.objects.filter(periode__in=periode), q, words, "periode"),
        _node("kegiatan", "Kegiatan", Kegiatan.objects.filter(program__periode__in=periode), q, words,
              "program__periode"),
        _node("subkegiatan", "Sub kegiatan", SubKegiatan.objects.filter(kegiatan__program__periode__in=periode),
              q, words, "kegiatan__program__periode"),
    ))


def _all_words(field: str, words: list[str]) -> Q:
    return reduce(and_, (Q(**{f"{field}__icontains": w}) for w in words))


def _page(qs: QuerySet) -> tuple[list, int]:
    """At most BATAS rows and the count of all matches, in one query."""
    rows = list(qs.annotate(n_cocok=Window(Count("pk")))[:BATAS])
    return rows, (rows[0].n_cocok if rows else 0)


def _susun(periode_id: int, anchor: str) -> str:
    return f"{reverse('kecamatan:renstra_susun', args=(periode_id,))}#{anchor}"


def _visible_kecamatan(user) -> QuerySet[Kecamatan]:
    return access.visible_kecamatan(user, Kecamatan.objects.all())


def _kecamatan(user, words: list[str], periode: QuerySet[Periode]) -> Grup:
    qs = (_visible_kecamatan(user).filter(_all_words("nama", words)).select_related("kabupaten")
          .prefetch_related(Prefetch("periode", queryset=periode.order_by("-tahun_mulai"), to_attr="renstra"))
          .order_by("nama", "kabupaten__nama"))
    rows, total = _page(qs)
    items = []
    for k in rows:
        links = tuple(Tautan(f"Renstra {p.label}", reverse("kecamatan:renstra_detail", args=(p.pk,)))
                      for p in k.renstra)
        url = links[0].url if links else ""
        konteks = (f"Kabupaten {k.kabupaten.nama}",) if links else (f"Kabupaten {k.kabupaten.nama}", "belum ada Renstra")
        items.append(Item(f"Kecamatan {k.nama}", url, konteks=konteks, tautan=links))
    return Grup("kecamatan", "Kecamatan", tuple(items), total)


def _indikator(words: list[str], periode: QuerySet[Periode]) -> Grup:
    qs = (Indikator.objects.filter(periode__in=periode).filter(_all_words("uraian", words))
          .select_related("periode__kecamatan", "tujuan", "sasaran", "program__nomenklatur",
                          "kegiatan__nomenklatur", "subkegiatan__nomenklatur")
          .order_by("periode__kecamatan__nama", "-periode__tahun_mulai", "urutan", "pk"))
    rows, total = _page(qs)
    items = []
    for ind in rows:
        owner = ind.owner
        pemilik = f"{owner.kode} {owner.nama}" if hasattr(owner, "nomenklatur") else str(owner)
        items.append(Item(
            ind.uraian, _susun(ind.periode_id, f"indikator-{ind.pk}"),
            konteks=(f"Kecamatan {ind.periode.kecamatan.nama}", f"Renstra {ind.periode.label}",
                     f"Indikator {LEVEL_INDIKATOR[ind.level].lower()}: {_pendek(pemilik)}", f"satuan {ind.satuan}"),
        ))
    return Grup("indikator", "Indikator", tuple(items), total)


def _node(level: str, judul: str, qs: QuerySet, q: str, words: list[str], periode_path: str) -> Grup:
    """Programs, kegiatan or sub-kegiatan whose code starts with q or whose name holds every word."""
    qs = (qs.filter(Q(nomenklatur__kode__startswith=q) | _all_words("nama", words))
          .select_related(f"{periode_path}__kecamatan", "nomenklatur")
          .order_by(f"{periode_path}__kecamatan__nama", f"-{periode_path}__tahun_mulai", "nomenklatur__kode"))
    rows, total = _page(qs)
    items = []
    for node in rows:
        p = reduce(getattr, periode_path.split("__"), node)
        items.append(Item(node.nama, _susun(p.pk, f"{level}-{node.pk}"), kode=node.kode,
                          konteks=(f"Kecamatan {p.kecamatan.nama}", f"Renstra {p.label}", judul)))
    return Grup(level, judul, tuple(items), total)


def _pendek(teks: str, n: int = 80) -> str:
    return teks if len(teks) <= n else teks[: n - 1].rstrip() + "…"
