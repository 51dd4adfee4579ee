"""Plain, ORM-free snapshots for the Renstra tables beyond the cascade: the years before the
period (T-C.23, T-C.24), strategi and arah kebijakan (T-C.26), the kondisi awal recorded in
T-C.23 (for T-C.27 and T-C.28), and the whole Renstra for `cetak renstra`.

Frozen dataclasses: selectors fill them, builders read them; no Django here.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from kecamatan.core import formatting
from kecamatan.core.computations import Polaritas
from kecamatan.core.formatting import Nilai
from kecamatan.renstra.data import IndikatorData, NodeData, RenstraData, SasaranData, TujuanData
from kecamatan.tables.base import Kantor, PenandatanganData

NA = Nilai(None, formatting.NA)


@dataclass(frozen=True)
class IndikatorLaluData:
    """One T-C.23 row: an indicator of an earlier Renstra, in force from `mulai` to `sampai`."""

    id: int
    uraian: str
    mulai: int
    sampai: int
    bernomor: bool = False  # tujuan/sasaran indicators are numbered, program indicators are not
    polaritas: Polaritas = Polaritas.POSITIF
    nspk: Nilai = NA
    ikk: Nilai = NA
    lainnya: Nilai = Nilai()
    target: dict[int, Nilai] = field(default_factory=dict)
    realisasi: dict[int, Nilai] = field(default_factory=dict)

    def berlaku(self, tahun: int) -> bool:
        return self.mulai <= tahun <= self.sampai


@dataclass(frozen=True)
class ProgramLaluData:
    """One T-C.24 row: a program of earlier years with anggaran and realisasi per year."""

    id: int
    uraian: str
    mulai: int
    sampai: int
    anggaran: dict[int, Decimal | None] = field(default_factory=dict)
    realisasi: dict[int, Decimal | None] = field(default_factory=dict)


@dataclass(frozen=True)
class RiwayatData:
    """What a Renstra reports about the years before it (BAB II)."""

    periode_id: int
    kecamatan: str
    kabupaten: str
    tahun: tuple[int, ...]  # the years reported, e.g. 2019 … 2023
    indikator: tuple[IndikatorLaluData, ...] = ()
    program: tuple[ProgramLaluData, ...] = ()
    penandatangan: PenandatanganData | None = None
    kantor: Kantor = Kantor()  # the kecamatan office's address for the kop
    tahun_renstra: tuple[int, ...] = ()  # the years of the Renstra that reports them, e.g. 2024 … 2026


@dataclass(frozen=True)
class StrategiData:
    id: int
    uraian: str


@dataclass(frozen=True)
class ArahKebijakanData:
    id: int
    uraian: str
    strategi_ids: tuple[int, ...] = ()  # the strategi it serves; empty when not linked


@dataclass(frozen=True)
class SasaranStrategiData:
    id: int
    uraian: str
    strategi: tuple[StrategiData, ...] = ()
    arah_kebijakan: tuple[ArahKebijakanData, ...] = ()


@dataclass(frozen=True)
class TujuanStrategiData:
    id: int
    uraian: str
    sasaran: tuple[SasaranStrategiData, ...] = ()


@dataclass(frozen=True)
class StrategiArahData:
    """T-C.26: tujuan → sasaran → strategi and arah kebijakan."""

    periode_id: int
    kecamatan: str
    kabupaten: str
    tahun: tuple[int, ...]
    tujuan: tuple[TujuanStrategiData, ...] = ()
    penandatangan: PenandatanganData | None = None
    kantor: Kantor = Kantor()  # the kecamatan office's address for the kop


@dataclass(frozen=True)
class KondisiAwalTercatat:
    """The realisasi that T-C.23 records for the baseline year of an indicator this Renstra
    continues: it is that indicator's kondisi awal (tables.md §7)."""

    tahun: int
    realisasi: Nilai
    uraian_lalu: str = ""


@dataclass(frozen=True)
class RenstraLengkap:
    """Everything `cetak renstra` prints, fetched once."""

    renstra: RenstraData
    riwayat: RiwayatData
    strategi: StrategiArahData
    kondisi_awal: Mapping[int, KondisiAwalTercatat] = field(default_factory=dict)


def apply_kondisi_awal(
    data: RenstraData, tercatat: Mapping[int, KondisiAwalTercatat]
) -> tuple[RenstraData, dict[int, str]]:
    """The Renstra with each continued indicator's kondisi awal taken from T-C.23, and a note per
    indicator whose own (typed) kondisi awal said something else, keyed by indicator id."""
    if not tercatat:
        return data, {}
    notes: dict[int, str] = {}

    def fix(ind: IndikatorData) -> IndikatorData:
        found = tercatat.get(ind.id)
        if found is None or found.realisasi.is_empty:
            return ind
        typed = ind.kondisi_awal
        if not typed.is_empty and (typed.nilai, typed.label) != (found.realisasi.nilai, found.realisasi.label):
            notes[ind.id] = (
                f"Kondisi awal \u201c{ind.uraian}\u201d dicetak {formatting.format_nilai(found.realisasi)}: realisasi "
                f"{found.tahun} menurut T-C.23; isian kondisi awal indikator ini "
                f"{formatting.format_nilai(typed)}."
            )
        return dataclasses.replace(ind, kondisi_awal=found.realisasi)

    def fix_all(items: tuple[IndikatorData, ...]) -> tuple[IndikatorData, ...]:
        return tuple(fix(i) for i in items)

    def fix_node(node: NodeData) -> NodeData:
        return dataclasses.replace(
            node, indikator=fix_all(node.indikator), children=tuple(fix_node(c) for c in node.children)
        )

    def fix_sasaran(s: SasaranData) -> SasaranData:
        return dataclasses.replace(s, indikator=fix_all(s.indikator))

    def fix_tujuan(t: TujuanData) -> TujuanData:
        return dataclasses.replace(t, indikator=fix_all(t.indikator), sasaran=tuple(fix_sasaran(s) for s in t.sasaran))

    fixed = dataclasses.replace(
        data, tujuan=tuple(fix_tujuan(t) for t in data.tujuan), program=tuple(fix_node(p) for p in data.program)
    )
    return fixed, notes
