"""Rows of the Renstra overview page: the cascade with targets, rolled-up pagu and the
akhir-periode column. Pure: from RenstraData to plain rows, no database."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from kecamatan.core.computations import jumlah
from kecamatan.core.formatting import Nilai
from kecamatan.renstra.data import TOTAL, IndikatorData, NodeData, RenstraData


@dataclass(frozen=True)
class IndikatorRow:
    uraian: str
    satuan: str
    kondisi_awal: Nilai
    target: tuple[Nilai, ...]  # one per year
    target_akhir: Decimal | None
    iku: bool = False


@dataclass(frozen=True)
class TahunCell:
    tahun: int
    target: tuple[Nilai, ...]  # one per indicator of the row
    pagu: Decimal


@dataclass(frozen=True)
class CascadeRow:
    level: str  # total | program | kegiatan | subkegiatan
    kode: str
    nama: str
    indikator: tuple[IndikatorRow, ...]
    pagu: tuple[Decimal, ...]  # one per year
    pagu_akhir: Decimal
    tahun: tuple[int, ...] = ()

    @property
    def per_tahun(self) -> tuple[TahunCell, ...]:
        return tuple(
            TahunCell(t, tuple(ind.target[i] for ind in self.indikator), self.pagu[i])
            for i, t in enumerate(self.tahun)
        )


def _indikator_rows(items: tuple[IndikatorData, ...], tahun: tuple[int, ...]) -> tuple[IndikatorRow, ...]:
    return tuple(
        IndikatorRow(
            uraian=i.uraian, satuan=i.satuan, kondisi_awal=i.kondisi_awal,
            target=tuple(i.target_of(t) for t in tahun), target_akhir=i.target_akhir(tahun), iku=i.iku,
        )
        for i in items
    )


def build_cascade_rows(data: RenstraData) -> list[CascadeRow]:
    pagu = data.rolled_up_pagu()

    def row(level: str, kode: str, nama: str, key, indikator=()) -> CascadeRow:
        per_year = tuple(pagu[key][t] for t in data.tahun)
        return CascadeRow(level, kode, nama, _indikator_rows(indikator, data.tahun), per_year, jumlah(per_year), data.tahun)

    rows = [row("total", "", "Unsur Kewilayahan", TOTAL)]
    node: NodeData
    for node in data.nodes():
        rows.append(row(node.level, node.kode, node.nama, node.key, node.indikator))
    return rows
