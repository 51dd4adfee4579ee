"""Plain, ORM-free snapshot of one year of a kecamatan's performance: the Renstra cascade with
its targets, the year's Pagu of both stages (awal = renja, perubahan), realisasi anggaran,
triwulan realizations, the Perjanjian Kinerja versions, the criteria scale, earlier periods and
the comparison kecamatan. What `selectors_kinerja.lkj_data` returns and the IKU, PK and LKj
builders read; every derived number goes through `computations`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from kecamatan.core.computations import (
    SKALA_LUMAJANG,
    AturanAkhir,
    Polaritas,
    Predikat,
    capaian,
    penyerapan,
    predikat,
    realisasi_kumulatif,
    roll_up,
)
from kecamatan.core.formatting import Nilai, quantize
from kecamatan.renstra.data import TOTAL, IndikatorData, RenstraData
from kecamatan.tables.base import PenandatanganData

AWAL = "awal"
PERUBAHAN = "perubahan"

Triwulanan = tuple  # four Nilai | None: TW I … TW IV as reported


@dataclass(frozen=True)
class KinerjaItem:
    """One tujuan or sasaran indicator: a row of the LKj performance tables."""

    level: str  # tujuan | sasaran
    nomor: int  # the tujuan's or sasaran's urutan
    pernyataan: str  # the tujuan or sasaran itself
    owner_id: int
    indikator: IndikatorData


@dataclass(frozen=True)
class PKData:
    """One version (awal or perubahan) of a year's Perjanjian Kinerja."""

    versi: str
    penandatangan: PenandatanganData  # the Camat, pihak pertama
    pihak_kedua: PenandatanganData  # the Bupati, no NIP
    target: tuple[tuple[int, Nilai], ...] = ()  # (indikator id, target), in the PK's order
    program: tuple[tuple[int, str], ...] = ()  # (program id, keterangan), in the PK's order

    def target_of(self, indikator_id: int) -> Nilai | None:
        return dict(self.target).get(indikator_id)


@dataclass(frozen=True)
class PeriodeLalu:
    """An earlier Renstra of the same kecamatan, for the comparison with previous years."""

    label: str  # "2019-2023"
    tahun: tuple[int, ...]
    items: tuple[KinerjaItem, ...]
    realisasi: dict[tuple[int, int], Triwulanan] = field(default_factory=dict)  # (indikator id, tahun)


@dataclass(frozen=True)
class PembandingData:
    """The realisasi of another kecamatan for this kecamatan's indicators (Tabel 3.7)."""

    kecamatan: str
    nilai: dict[int, Nilai] = field(default_factory=dict)  # own indikator id -> their realisasi
    sumber: dict[int, str] = field(default_factory=dict)  # own indikator id -> where it came from


@dataclass(frozen=True)
class IkuData:
    tugas_pokok: str = ""
    fungsi: str = ""
    penandatangan: PenandatanganData | None = None


@dataclass(frozen=True)
class LkjData:
    renstra: RenstraData
    tahun: int
    pagu_awal: dict[int, Decimal] = field(default_factory=dict)  # sub-kegiatan id -> Pagu renja of the year
    pagu_perubahan: dict[int, Decimal] = field(default_factory=dict)  # sub-kegiatan id -> Pagu perubahan
    realisasi_anggaran: dict[int, Decimal] = field(default_factory=dict)  # sub-kegiatan id -> TW I-IV summed
    realisasi: dict[tuple[int, int], Triwulanan] = field(default_factory=dict)  # (indikator id, tahun)
    pk: dict[str, PKData] = field(default_factory=dict)  # awal / perubahan
    skala: tuple[Predikat, ...] = SKALA_LUMAJANG
    skala_asal: str = ""  # "Kabupaten Lumajang, berlaku mulai 2024", or "" for the built-in default
    penandatangan: PenandatanganData | None = None  # the LKj's signatory
    iku: IkuData | None = None
    periode_lalu: tuple[PeriodeLalu, ...] = ()
    pembanding: PembandingData | None = None
    catatan_anggaran: str = ""

    # --- rows -------------------------------------------------------------------------------

    def items(self) -> list[KinerjaItem]:
        """Tujuan indicators, then the IKU indicators of each sasaran (every sasaran indicator
        when none is marked IKU yet, so the tables are never silently empty)."""
        return kinerja_items(self.renstra)

    def sasaran_iku_marked(self) -> bool:
        return any(ind.iku for t in self.renstra.tujuan for s in t.sasaran for ind in s.indikator)

    # --- money ------------------------------------------------------------------------------

    @property
    def ada_perubahan(self) -> bool:
        """Whether the year had a budget revision. Once any perubahan Pagu exists, the perubahan
        stage is taken as complete: a sub-kegiatan without one has 0 after the revision."""
        return bool(self.pagu_perubahan) or PERUBAHAN in self.pk

    @property
    def pagu_akhir(self) -> dict[int, Decimal]:
        """The budget the year ended with: perubahan if there was one, else awal."""
        return self.pagu_perubahan if self.ada_perubahan else self.pagu_awal

    def rolled(self, amounts: dict[int, Decimal]) -> dict[object, Decimal]:
        """Sub-kegiatan amounts summed into kegiatan, program, sasaran ("sasaran", id), tujuan
        ("tujuan", id) and TOTAL; nothing above sub-kegiatan is ever stored."""
        tujuan_of = {s.id: t.id for t in self.renstra.tujuan for s in t.sasaran}
        parent_of: dict[object, object] = {TOTAL: None}
        for sasaran_id, tujuan_id in tujuan_of.items():
            parent_of[("sasaran", sasaran_id)] = ("tujuan", tujuan_id)
            parent_of[("tujuan", tujuan_id)] = TOTAL
        leaves: dict[object, dict[int, Decimal | None]] = {}
        for program in self.renstra.program:
            parent_of[program.key] = ("sasaran", program.sasaran_id) if program.sasaran_id in tujuan_of else TOTAL
            for kegiatan in program.children:
                parent_of[kegiatan.key] = program.key
                for sub in kegiatan.children:
                    parent_of[sub.key] = kegiatan.key
                    leaves[sub.key] = {0: amounts.get(sub.id)}
        totals = {key: per[0] for key, per in roll_up(leaves, parent_of).items()}
        for key in parent_of:
            totals.setdefault(key, Decimal(0))
        return totals

    def penyerapan_of(self, key) -> Decimal | None:
        """Realisasi / anggaran akhir × 100 of a node, sasaran, tujuan or TOTAL."""
        return penyerapan(self.rolled(self.pagu_akhir)[key], self.rolled(self.realisasi_anggaran)[key])

    # --- performance ------------------------------------------------------------------------

    def target_renstra(self, item: KinerjaItem, tahun: int | None = None) -> Nilai:
        return item.indikator.target_of(tahun or self.tahun)

    def target_pk(self, item: KinerjaItem, versi: str) -> Nilai | None:
        pk = self.pk.get(versi)
        return pk.target_of(item.indikator.id) if pk else None

    def target_kinerja(self, item: KinerjaItem) -> Nilai:
        """The target the year is measured against: the latest PK version's, else the Renstra's."""
        for versi in (PERUBAHAN, AWAL):
            target = self.target_pk(item, versi)
            if target is not None:
                return target
        return self.target_renstra(item)

    def triwulan(self, indikator: IndikatorData, tahun: int | None = None) -> Triwulanan:
        return self.realisasi.get((indikator.id, tahun or self.tahun), (None, None, None, None))

    def realisasi_tahunan(self, indikator: IndikatorData, tahun: int | None = None) -> Nilai:
        return realisasi_total(self.triwulan(indikator, tahun), indikator.aturan)


def kinerja_items(renstra: RenstraData, *, iku_only: bool = True) -> list[KinerjaItem]:
    marked = iku_only and any(ind.iku for t in renstra.tujuan for s in t.sasaran for ind in s.indikator)
    out: list[KinerjaItem] = []
    for tujuan in renstra.tujuan:
        out += [KinerjaItem("tujuan", tujuan.urutan, tujuan.uraian, tujuan.id, ind) for ind in tujuan.indikator]
    for tujuan in renstra.tujuan:
        for sasaran in tujuan.sasaran:
            out += [KinerjaItem("sasaran", sasaran.urutan, sasaran.uraian, sasaran.id, ind)
                    for ind in sasaran.indikator if ind.iku or not marked]
    return out


def realisasi_total(per_triwulan: Triwulanan, aturan: AturanAkhir) -> Nilai:
    """The year's (or year-to-date) realisasi from the quarters as reported: the latest value for
    percentages and indices, the sum for counts (computations.realisasi_kumulatif). A label
    typed with the latest value ("55,06 (C)") is kept; a quarter reported only as "N/A" counts
    as not reported."""
    numbers = [q.nilai if q is not None else None for q in per_triwulan]
    total = realisasi_kumulatif(numbers, aturan)[-1]
    if total is None:
        labels = [q.label for q in per_triwulan if q is not None and q.label]
        return Nilai(None, labels[-1]) if labels else Nilai()
    label = ""
    if aturan is AturanAkhir.NILAI_AKHIR:
        last = next(q for q in reversed(per_triwulan) if q is not None and q.nilai is not None)
        label = last.label
    return Nilai(total, label)


def capaian_of(target: Nilai | None, realisasi: Nilai | None, polaritas: Polaritas) -> Decimal | None:
    """Capaian in percent from the numeric parts (labels such as "B-" do not count)."""
    if target is None or realisasi is None:
        return None
    return capaian(target.nilai, realisasi.nilai, polaritas=polaritas)


def dua_desimal(value: Decimal | None) -> Decimal | None:
    """What the tables print (ROUND_HALF_UP, two decimals). Criteria and efisiensi are taken
    from these printed values so that every printed row checks by hand: 90,00 is "Tinggi"."""
    return None if value is None else quantize(value, 2)


def predikat_of(nilai_capaian: Decimal | None, skala) -> str | None:
    return predikat(dua_desimal(nilai_capaian), skala)


def normalize_uraian(text: str) -> str:
    """Indicator wording compared across kecamatan: case, spacing and punctuation ignored."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", (text or "").lower()).split())
