"""The Renja template's rule across rows: a sub-kegiatan's kebutuhan dana is the sum of its
aktivitas when it has any, so a dana typed beside them is an error at its cell; and a free row
refilled by the same upload again addresses the aktivitas it created. Applied after every
value is read (`Layout.reconcile`). Pure."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from kecamatan.core import formatting
from kecamatan.importing.base import RowError, normalize
from kecamatan.importing.layout import Item, Proposed, Reconciled
from kecamatan.importing.renja_kinds import AKTIVITAS, AKTIVITAS_COLUMNS, AktivitasIsian


@dataclass(frozen=True)
class SubAktivitas:
    """A sub-kegiatan's cells in the rule: its dana item, whether the template locked it (it has
    aktivitas), its aktivitas rows and its free rows."""

    dana_key: str
    dana_locked: bool
    existing: tuple[tuple[Item, str], ...]  # (item, row ref)
    free: tuple[Item, ...]
    prakiraan_key: str = ""  # its prakiraan maju n+1, the sum of the aktivitas' own when any has one
    prakiraan_locked: bool = False


@dataclass(frozen=True)
class DanaRule:
    """After reading: per sub-kegiatan, which aktivitas it will have (rows kept, emptied, added in
    free rows, and rows the file no longer holds, which stay); a kebutuhan dana typed beside them is
    an error at its cell (unless it is exactly their sum where the template had the SUM, e.g. the
    sheet was saved as values). A filled free row whose uraian matches an aktivitas the data has
    and the file does not (created by an earlier upload of this file) addresses that aktivitas."""

    heading: str
    subs: tuple[SubAktivitas, ...] = field(default_factory=tuple)
    heading_prakiraan: str = ""

    def __call__(self, proposed: list[Proposed], seen: frozenset[str]) -> Reconciled:
        by_key = {p.item.key: p for p in proposed}
        replaced: dict[str, Proposed | None] = {}
        errors: list[RowError] = []
        matched: set[str] = set()
        for sub in self.subs:
            values: list[AktivitasIsian] = []
            unseen: list[tuple[Item, str]] = []
            for item, ref in sub.existing:
                if ref not in seen:
                    unseen.append((item, ref))
                    continue
                p = by_key.get(item.key)
                value = item.current if p is None else p.value  # None: unreadable, its error is listed
                if not value.is_empty:
                    values.append(value)
            for item in sub.free:
                p = by_key.get(item.key)
                if p is None or p.value.is_empty:
                    continue
                twin = next(((u, r) for u, r in unseen if normalize(u.current.uraian) == normalize(p.value.uraian)),
                            None)
                if twin is not None:
                    unseen.remove(twin)
                    matched.add(twin[1])
                    replaced[item.key] = Proposed(p.lembar, p.baris, twin[0], p.value)
                values.append(p.value)
            values += [u.current for u, _ in unseen]
            if values:
                self._one_source(by_key.get(sub.dana_key), [v.jumlah for v in values], sub.dana_locked,
                                 replaced, errors, len(values), prakiraan=False)
            itemised = [v.prakiraan for v in values if v.prakiraan is not None]
            if itemised and sub.prakiraan_key:
                self._one_source(by_key.get(sub.prakiraan_key), itemised, sub.prakiraan_locked,
                                 replaced, errors, len(itemised), prakiraan=True)
        out = []
        for p in proposed:
            if p.item.key not in replaced:
                out.append(p)
            elif replaced[p.item.key] is not None:
                out.append(replaced[p.item.key])
        return Reconciled(out, errors, frozenset(matched))

    def _one_source(self, typed: Proposed | None, amounts: list, locked: bool, replaced: dict, errors: list,
                    count: int, *, prakiraan: bool) -> None:
        """A sub-kegiatan amount that is the sum of its aktivitas' amounts: typed beside them it is
        an error at its cell, unless it is exactly their sum where the template had the SUM."""
        if typed is None or typed.value is None:
            return
        total = sum(amounts, Decimal(0))
        if locked and typed.value == total:
            replaced[typed.item.key] = Proposed(typed.lembar, typed.baris, typed.item, None)
            return
        replaced[typed.item.key] = None
        if prakiraan:
            pesan = (f"{count} aktivitas sub kegiatan ini mempunyai prakiraan maju sendiri (jumlah "
                     f"{formatting.format_rupiah(total)}): prakiraan maju sub kegiatan adalah jumlahnya, tidak "
                     "diketik. Kosongkan sel ini; atau kosongkan prakiraan maju semua aktivitasnya.")
            heading = self.heading_prakiraan
        else:
            pesan = (f"Sub kegiatan ini dirinci per aktivitas ({count} aktivitas, jumlah "
                     f"{formatting.format_rupiah(total)}): kebutuhan dananya adalah jumlah dana aktivitas, tidak "
                     "diketik. Kosongkan sel ini; atau, bila dananya tidak dirinci, hapus semua aktivitasnya "
                     "(kosongkan uraian dan dananya).")
            heading = self.heading
        errors.append(RowError(typed.baris, heading, pesan, typed.lembar))


def gone(ref: str) -> Item | None:
    """An aktivitas row (or free row) whose record is no longer there: read it as an aktivitas."""
    if ref.startswith(("aktivitas:", "aktivitas-baru:")):
        return Item("-", AKTIVITAS, AKTIVITAS_COLUMNS, "", AktivitasIsian())
    return None
