"""What "Salin dari Renstra" (and "Lengkapi dari Renstra") would add to the Renja of year n. Pure:
from a plain snapshot of the Renstra and of what the Renja already holds to the list of records
to create; `renja.salin` reads the snapshot and writes the plan, atomically.

The rule, which never overwrites and only fills what is missing:
- every sub-kegiatan of the Renstra that plans something for year n (a Pagu of tahap renstra above
  0, or a target of year n other than "-" = nothing planned) joins the Renja, with the kecamatan as
  lokasi and no sumber dana (the Renstra does not hold one: the checker lists it as missing);
- its dana of year n: Pagu(renja, n) = the Renstra's pagu of n, unless the Renja already has one or
  the sub-kegiatan is itemised into aktivitas (then its dana is their sum);
- its prakiraan maju: Pagu(prakiraan, n+1) = the Renstra's pagu of n+1 where the Renstra has one,
  unless the Renja already has one or its aktivitas carry their own prakiraan;
- targets: TargetRenja(renja, n) and TargetRenja(prakiraan, n+1) from the Renstra's targets of n
  and n+1, for every indicator of a node in the Renja (tujuan and sasaran: always), where the Renja
  has none yet.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from kecamatan.core.formatting import EMPTY, Nilai

RENJA, PRAKIRAAN = "renja", "prakiraan"


@dataclass(frozen=True)
class SubSalin:
    id: int
    kode: str
    pagu_n: Decimal | None = None  # the Renstra's indicative pagu of year n
    pagu_n1: Decimal | None = None  # … of year n+1
    in_renja: bool = False
    has_aktivitas: bool = False
    aktivitas_prakiraan: bool = False  # one of its aktivitas carries its own prakiraan n+1
    has_dana: bool = False  # the Renja already has Pagu(renja, n)
    has_prakiraan: bool = False  # … Pagu(prakiraan, n+1)


@dataclass(frozen=True)
class IndikatorSalin:
    id: int
    subs: frozenset[int] | None  # the sub-kegiatan below its owner; None for tujuan/sasaran (always in)
    target_n: Nilai = Nilai()
    target_n1: Nilai = Nilai()
    has_target_n: bool = False  # the Renja already has TargetRenja(renja, n)
    has_target_n1: bool = False  # … TargetRenja(prakiraan, n+1)
    subkegiatan_id: int | None = None  # set on a sub-kegiatan's own indicator
    uraian: str = ""


@dataclass(frozen=True)
class SalinData:
    tahun: int
    subs: tuple[SubSalin, ...] = ()
    indikator: tuple[IndikatorSalin, ...] = ()


@dataclass(frozen=True)
class RencanaSalin:
    rincian: tuple[int, ...] = ()  # sub-kegiatan ids joining the Renja
    pagu: tuple[tuple[int, int, str, Decimal], ...] = ()  # (sub id, tahun, tahap, jumlah)
    target: tuple[tuple[int, int, str, Nilai], ...] = ()  # (indikator id, tahun, tahap, value)

    def count(self, what: str) -> int:
        if what == "rincian":
            return len(self.rincian)
        if what in (RENJA, PRAKIRAAN):
            return sum(1 for p in self.pagu if p[2] == what)
        tahap = what.removeprefix("target-")
        return sum(1 for t in self.target if t[2] == tahap)

    @property
    def kosong(self) -> bool:
        return not (self.rincian or self.pagu or self.target)

    def ringkasan(self, tahun: int) -> list[str]:
        """The counts as sentences, for the confirmation and the summary."""
        return [
            f"{self.count('rincian')} sub kegiatan masuk Renja {tahun}",
            f"{self.count(RENJA)} kebutuhan dana {tahun}",
            f"{self.count(PRAKIRAAN)} prakiraan maju {tahun + 1}",
            f"{self.count('target-' + RENJA)} target {tahun}",
            f"{self.count('target-' + PRAKIRAAN)} target prakiraan maju {tahun + 1}",
        ]


def planned(value: Nilai) -> bool:
    """A Renstra target that plans something: a number or a label other than "-" (nothing planned)."""
    return value.nilai is not None or (bool(value.label) and value.label != EMPTY)


def rencana_salin(data: SalinData) -> RencanaSalin:
    n = data.tahun
    targets_n = {ind.id: ind.target_n for ind in data.indikator}
    ind_of_sub: dict[int, list[int]] = {}
    for ind in data.indikator:
        if ind.subkegiatan_id is not None:
            ind_of_sub.setdefault(ind.subkegiatan_id, []).append(ind.id)
    rincian, pagu = [], []
    members = set()
    for sub in data.subs:
        plans = (sub.pagu_n or 0) > 0 or any(planned(targets_n[i]) for i in ind_of_sub.get(sub.id, ()))
        if not sub.in_renja and not plans:
            continue
        members.add(sub.id)
        if not sub.in_renja:
            rincian.append(sub.id)
        if sub.pagu_n is not None and not (sub.has_dana or sub.has_aktivitas):
            pagu.append((sub.id, n, RENJA, sub.pagu_n))
        if sub.pagu_n1 is not None and not (sub.has_prakiraan or sub.aktivitas_prakiraan):
            pagu.append((sub.id, n + 1, PRAKIRAAN, sub.pagu_n1))
    target = []
    for ind in data.indikator:
        if not members or (ind.subs is not None and not ind.subs & members):
            continue
        if not ind.target_n.is_empty and not ind.has_target_n:
            target.append((ind.id, n, RENJA, ind.target_n))
        if not ind.target_n1.is_empty and not ind.has_target_n1:
            target.append((ind.id, n + 1, PRAKIRAAN, ind.target_n1))
    return RencanaSalin(tuple(rincian), tuple(pagu), tuple(target))
