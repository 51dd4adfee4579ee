"""Reads of the Renstra entry pages; each a fixed number of queries whatever the number of rows."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from kecamatan.core import access
from kecamatan.dokumen.selectors import dokumen_for
from kecamatan.models import ArahKebijakan, Camat, Dokumen, Periode, Sasaran, Strategi
from kecamatan.renstra.grid import Grid
from kecamatan.renstra.selectors_tabel import TAHUN_RIWAYAT


@dataclass(frozen=True)
class Page:
    """A Renstra entry page: its period, the Renstra document (unsaved draft before the first save)
    and whether the user may change it now."""

    periode: Periode
    dokumen: Dokumen
    can_edit: bool

    @property
    def editable(self) -> bool:
        return self.can_edit and not self.dokumen.is_locked


def page_for(user, pk: int) -> Page:
    """404 outside the user's kecamatan. 2 queries (the period, the document)."""
    periode = access.get_periode_for(user, pk)
    return Page(periode, dokumen_for(periode, "renstra"), access.can_edit(user, periode))


@dataclass(frozen=True)
class GridData:
    rows: list  # IndikatorLalu / ProgramLalu, in print order
    cells: dict  # (row id, tahun) → CapaianLalu / AnggaranLalu
    tahun: tuple[int, ...]  # the years shown: five before the period, more if a row began earlier


def grid_data(periode: Periode, grid: Grid) -> GridData:
    """The rows of T-C.23 or T-C.24 with their yearly cells: 2 queries."""
    rows = list(grid.row_model.objects.filter(periode=periode).order_by("berlaku_mulai", "urutan", "pk"))
    cells = {(getattr(c, f"{grid.fk}_id"), c.tahun): c
             for c in grid.year_model.objects.filter(**{f"{grid.fk}__periode": periode})}
    first = min([periode.tahun_mulai - TAHUN_RIWAYAT, *(r.berlaku_mulai for r in rows), *(t for _, t in cells)])
    return GridData(rows, cells, tuple(range(first, periode.tahun_mulai)))


@dataclass(frozen=True)
class SasaranIsian:
    sasaran: Sasaran
    strategi: list
    arah: list  # ArahKebijakan, each with `strategi_ids`


def strategi_isian(periode: Periode) -> list[SasaranIsian]:
    """Every sasaran of the period with its strategi and arah kebijakan (T-C.26): 4 queries."""
    sasaran = list(Sasaran.objects.filter(tujuan__periode=periode).select_related("tujuan")
                   .order_by("tujuan__urutan", "tujuan__pk", "urutan", "pk"))
    strategi = defaultdict(list)
    for s in Strategi.objects.filter(sasaran__tujuan__periode=periode).order_by("urutan", "pk"):
        strategi[s.sasaran_id].append(s)
    links = defaultdict(list)
    for arah_id, strategi_id in ArahKebijakan.strategi.through.objects.filter(
        arahkebijakan__sasaran__tujuan__periode=periode
    ).values_list("arahkebijakan_id", "strategi_id"):
        links[arah_id].append(strategi_id)
    arah = defaultdict(list)
    for a in ArahKebijakan.objects.filter(sasaran__tujuan__periode=periode).order_by("urutan", "pk"):
        a.strategi_ids = links.get(a.pk, [])
        arah[a.sasaran_id].append(a)
    return [SasaranIsian(s, strategi.get(s.pk, []), arah.get(s.pk, [])) for s in sasaran]


def camat_list(periode: Periode) -> list[Camat]:
    """The kecamatan's Camat records, latest first, each with the documents it signs: 2 queries."""
    camat = list(Camat.objects.filter(kecamatan_id=periode.kecamatan_id).order_by("-mulai", "-pk"))
    signs = defaultdict(list)
    for d in Dokumen.objects.filter(camat__in=camat).select_related("periode"):
        signs[d.camat_id].append(d)
    for c in camat:
        c.dokumen_ttd = signs.get(c.pk, [])
    return camat
