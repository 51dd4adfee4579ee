"""Plain, ORM-free snapshots of a Renstra period: what selectors return and builders read.

Frozen dataclasses, so report builders and their tests never touch the database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from kecamatan.core.computations import AturanAkhir, Polaritas, akhir_periode, roll_up
from kecamatan.core.formatting import Nilai
from kecamatan.core.rentang import Rentang, rentang_indikator
from kecamatan.tables.base import Kantor, PenandatanganData

TOTAL = "total"  # key of the grand total in rolled-up pagu


@dataclass(frozen=True)
class IndikatorData:
    id: int
    uraian: str
    satuan: str
    formula: str = ""
    penjelasan: str = ""
    polaritas: Polaritas = Polaritas.POSITIF
    aturan: AturanAkhir = AturanAkhir.JUMLAH
    kondisi_awal: Nilai = Nilai()
    iku: bool = False
    sumber_data: str = ""
    penanggung_jawab: str = ""
    target: dict[int, Nilai] = field(default_factory=dict)
    boleh_lebih_100: bool = False  # a percentage that may exceed 100 (Indikator.boleh_lebih_100)

    @property
    def rentang(self) -> Rentang:
        return rentang_indikator(self.satuan, boleh_lebih_100=self.boleh_lebih_100)

    def target_of(self, tahun: int) -> Nilai:
        return self.target.get(tahun, Nilai())

    def target_akhir(self, tahun_list: list[int] | tuple[int, ...]) -> Decimal | None:
        return akhir_periode([self.target_of(t).nilai for t in tahun_list], self.aturan)


@dataclass(frozen=True)
class NodeData:
    """A program, kegiatan or sub-kegiatan row of the cascade."""

    id: int
    level: str  # program | kegiatan | subkegiatan
    kode: str
    nama: str
    rumusan_sasaran: str = ""
    unit_kerja: str = ""
    indikator: tuple[IndikatorData, ...] = ()
    children: tuple["NodeData", ...] = ()
    pagu: dict[int, Decimal] = field(default_factory=dict)  # entered on sub-kegiatan only
    sasaran_id: int | None = None  # programs: the sasaran they support

    @property
    def key(self) -> tuple[str, int]:
        return (self.level, self.id)

    def walk(self):
        """This node, then every descendant, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class SasaranData:
    id: int
    urutan: int
    uraian: str
    indikator: tuple[IndikatorData, ...] = ()


@dataclass(frozen=True)
class TujuanData:
    id: int
    urutan: int
    uraian: str
    indikator: tuple[IndikatorData, ...] = ()
    sasaran: tuple[SasaranData, ...] = ()


@dataclass(frozen=True)
class RenstraData:
    periode_id: int
    kecamatan: str
    kabupaten: str
    provinsi: str
    tahun: tuple[int, ...]
    tahun_kondisi_awal: int
    tujuan: tuple[TujuanData, ...] = ()
    program: tuple[NodeData, ...] = ()
    penandatangan: PenandatanganData | None = None
    kantor: Kantor = Kantor()  # the kecamatan office's address for the kop

    def nodes(self):
        for program in self.program:
            yield from program.walk()

    def rolled_up_pagu(self) -> dict[object, dict[int, Decimal]]:
        """Pagu of every node and of the whole Renstra (key TOTAL), summed up from the
        sub-kegiatan, per year; never stored."""
        parent_of: dict[object, object] = {}
        leaves: dict[object, dict[int, Decimal]] = {}
        for program in self.program:
            parent_of[program.key] = TOTAL
            for kegiatan in program.children:
                parent_of[kegiatan.key] = program.key
                for sub in kegiatan.children:
                    parent_of[sub.key] = kegiatan.key
                    leaves[sub.key] = {t: sub.pagu.get(t) for t in self.tahun}
        parent_of[TOTAL] = None
        totals = roll_up(leaves, parent_of)
        zero = {t: Decimal(0) for t in self.tahun}
        for node in list(self.nodes()):
            totals.setdefault(node.key, dict(zero))
        totals.setdefault(TOTAL, dict(zero))
        return totals


