"""Reads of the nomenclature catalog: the tree program → kegiatan → sub-kegiatan as the catalog
page lists it, filtered, with how many Renstra rows use each code (two queries in all)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q

from kecamatan.core import kode as kode_mod
from kecamatan.models import Kegiatan, Nomenklatur, Program, SubKegiatan

STATUS = {"aktif": Q(aktif=True), "nonaktif": Q(aktif=False), "semua": Q()}


@dataclass(frozen=True)
class Baris:
    node: Nomenklatur
    dipakai: int  # Renstra rows (program, kegiatan or sub-kegiatan) that point to this code
    cocok: bool  # matches the search itself (False: shown as the parent of a match)

    @property
    def kedalaman(self) -> int:
        return {kode_mod.PROGRAM: 0, kode_mod.KEGIATAN: 1, kode_mod.SUBKEGIATAN: 2}[self.node.level]

    @property
    def dapat_dihapus(self) -> bool:
        return not self.dipakai


def dipakai(ids: Iterable[int]) -> dict[int, int]:
    """Renstra rows per nomenclature id (program, kegiatan and sub-kegiatan rows of every period)."""
    ids = list(ids)
    counts: Counter[int] = Counter()
    for model in (Program, Kegiatan, SubKegiatan):
        counts.update(model.objects.filter(nomenklatur_id__in=ids).values_list("nomenklatur_id", flat=True))
    return dict(counts)


def daftar(*, q: str = "", tingkat: str = "", status: str = "semua") -> list[Baris]:
    """The catalog in code order. A search (code or words of the name, kinerja, indikator, sumber)
    keeps each match together with its program and kegiatan, so a sub-kegiatan is never shown
    without the rows it belongs to."""
    rows = list(Nomenklatur.objects.filter(STATUS.get(status, Q())).order_by("kode"))
    rows.sort(key=lambda n: kode_mod.sort_key(n.kode))
    cocok = {n.kode for n in rows if _matches(n, q) and (not tingkat or n.level == tingkat)}
    shown = set(cocok)
    for kode in cocok:
        parent = kode_mod.parent_of(kode)
        while parent:
            shown.add(parent)
            parent = kode_mod.parent_of(parent)
    rows = [n for n in rows if n.kode in shown]
    counts = dipakai(n.pk for n in rows)
    return [Baris(n, counts.get(n.pk, 0), n.kode in cocok) for n in rows]


def _matches(node: Nomenklatur, q: str) -> bool:
    q = q.strip()
    if not q:
        return True
    try:  # a code typed in any printed form finds the code and everything below it
        kode = kode_mod.parse_kode(q)
    except kode_mod.KodeError:
        kode = None
    if kode and (node.kode == kode or node.kode.startswith(kode + ".")):
        return True
    text = " ".join([node.kode, node.nama, node.kinerja, node.indikator, node.sumber]).lower()
    return all(word in text for word in q.lower().split())
