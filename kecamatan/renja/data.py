"""Plain, ORM-free snapshot of the Renja of one year: what `renja.selectors.renja_data` returns and
the Renja builders (T-C.29 … T-C.33, Tabel 4.1) read. No Django.

The cascade is the Renstra's (`RenstraData`, whose `NodeData.pagu` holds the Pagu of tahap renja for
every year); the rest is keyed by ids. The few rules every Renja table shares live here, in pure
functions: a sub-kegiatan's dana (Σ aktivitas when it has aktivitas, else its renja Pagu), which
nodes are in the Renja, the roll-up aktivitas → sub-kegiatan → kegiatan → program → bidang → urusan,
and an indicator's realisasi for a whole year.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal

from kecamatan.core import kode as kode_mod
from kecamatan.core.computations import ZERO, realisasi_kumulatif, roll_up
from kecamatan.core.formatting import Nilai
from kecamatan.renstra.data import TOTAL, IndikatorData, NodeData, RenstraData
from kecamatan.tables.base import PenandatanganData

RENJA = "renja"
PRAKIRAAN = "prakiraan"

URUSAN_NAMA = {"7": "Unsur Kewilayahan"}
BIDANG_NAMA = {"7.01": "Kecamatan"}


@dataclass(frozen=True)
class AktivitasData:
    urutan: int
    uraian: str
    jumlah: Decimal
    skala_prioritas: int | None = None
    volume: Decimal | None = None
    satuan: str = ""
    catatan: str = ""
    id: int = 0  # the Aktivitas row (the Excel template addresses it); 0 in hand-made test data
    prakiraan: Decimal | None = None  # its own amount for n+1 (prakiraan maju), when itemised


@dataclass(frozen=True)
class RincianData:
    """A sub-kegiatan in the Renja of one year."""

    subkegiatan_id: int
    lokasi: str = ""
    sumber_dana: str = ""
    catatan: str = ""
    aktivitas: tuple[AktivitasData, ...] = ()


@dataclass(frozen=True)
class RanwalData:
    """A row of T-C.31: the Ranwal RKPD side as typed; the needs side is a node of the Renja."""

    id: int
    urutan: int
    tingkat: str  # program | kegiatan | subkegiatan
    nama: str = ""
    lokasi: str = ""
    indikator: str = ""
    target: Nilai = Nilai()
    satuan: str = ""
    pagu: Decimal | None = None
    node_key: tuple[str, int] | None = None
    catatan: str = ""
    kebutuhan_target: Nilai = Nilai()  # typed needs side (Bappeda's desk review); empty: the Renja's
    kebutuhan_dana: Decimal | None = None


@dataclass(frozen=True)
class RiwayatData:
    """An indicator's year outside its Target and triwulan reports (before the period, or an n-1
    still estimated): the target and realisasi as typed, and whether the realisasi is an estimate."""

    target: Nilai = Nilai()
    realisasi: Nilai = Nilai()
    perkiraan: bool = False


@dataclass(frozen=True)
class UsulanData:
    urutan: int
    program: str
    kegiatan: str = ""
    lokasi: str = ""
    indikator: str = ""
    volume: Decimal | None = None
    satuan: str = ""
    subkegiatan: str = ""  # sub kegiatan or aktivitas
    catatan: str = ""


@dataclass(frozen=True)
class AnalisisData:
    spm: Nilai = Nilai()
    ikk: Nilai = Nilai()
    catatan: str = ""


@dataclass(frozen=True)
class CatatanData:
    """A note on the source document; `kunci` + `kolom` point at the cell whose computed value the
    note quotes (read from the built table, never stored)."""

    tabel: str
    baris_sumber: str = ""
    kunci: str = ""
    kolom: str = ""
    tercetak: str = ""
    uraian: str = ""


@dataclass(frozen=True)
class RenjaData:
    renstra: RenstraData
    tahun: int
    status: str = ""  # the Renja document's status label; "" when it was not started
    rincian: dict[int, dict[int, RincianData]] = field(default_factory=dict)  # year -> sub id -> rincian
    pagu_prakiraan: dict[int, dict[int, Decimal]] = field(default_factory=dict)  # sub id -> year -> Rp
    pagu_perubahan: dict[int, dict[int, Decimal]] = field(default_factory=dict)  # sub id -> year -> Rp
    realisasi_anggaran: dict[int, dict[int, Decimal]] = field(default_factory=dict)  # sub id -> year -> Σ TW
    target_renja: dict[int, dict[tuple[str, int], Nilai]] = field(default_factory=dict)  # ind -> (tahap, year)
    realisasi: dict[int, dict[int, dict[int, Nilai]]] = field(default_factory=dict)  # ind -> year -> TW -> value
    riwayat: dict[int, dict[int, RiwayatData]] = field(default_factory=dict)  # ind -> year: history typed
    ranwal: tuple[RanwalData, ...] = ()
    usulan: tuple[UsulanData, ...] = ()
    analisis: dict[int, AnalisisData] = field(default_factory=dict)  # tujuan/sasaran indicator id
    catatan: tuple[CatatanData, ...] = ()
    penandatangan: PenandatanganData | None = None
    tata_letak: Mapping[str, str] = field(default_factory=dict)  # table -> layout name (kecamatan.tables.layout)

    # -- who is in the Renja ------------------------------------------------------------------
    @property
    def kecamatan(self) -> str:
        return self.renstra.kecamatan

    @property
    def kabupaten(self) -> str:
        return self.renstra.kabupaten

    def rincian_of(self, sub_id: int, tahun: int | None = None) -> RincianData | None:
        return self.rincian.get(self.tahun if tahun is None else tahun, {}).get(sub_id)

    def program_renja(self) -> tuple[NodeData, ...]:
        """The cascade pruned to the sub-kegiatan of this Renja and their kegiatan and programs."""
        members = self.rincian.get(self.tahun, {})
        programs = []
        for program in self.renstra.program:
            kegiatan = []
            for keg in program.children:
                subs = tuple(s for s in keg.children if s.id in members)
                if subs:
                    kegiatan.append(replace(keg, children=subs))
            if kegiatan:
                programs.append(replace(program, children=tuple(kegiatan)))
        return tuple(programs)

    # -- money --------------------------------------------------------------------------------
    def dana(self, sub: NodeData, tahun: int | None = None) -> Decimal | None:
        """Kebutuhan dana of a sub-kegiatan in the Renja of a year: the sum of its aktivitas when it
        has any (one source of truth), else its renja Pagu; None when neither exists."""
        tahun = self.tahun if tahun is None else tahun
        rincian = self.rincian_of(sub.id, tahun)
        if rincian is not None and rincian.aktivitas:
            return sum((a.jumlah for a in rincian.aktivitas), ZERO)
        return sub.pagu.get(tahun)

    def prakiraan(self, sub: NodeData) -> Decimal | None:
        """Prakiraan maju of year n+1 set in this Renja: the sum of its aktivitas' own n+1 amounts
        when at least one has one (itemised; it wins over a stored Pagu), else its prakiraan Pagu."""
        itemised = prakiraan_aktivitas(self.rincian_of(sub.id))
        if itemised is not None:
            return itemised
        return self.pagu_prakiraan.get(sub.id, {}).get(self.tahun + 1)

    def pagu_prakiraan_of(self, sub: NodeData) -> Decimal | None:
        """The stored Pagu(prakiraan, n+1) row, whatever the aktivitas say (for the checker)."""
        return self.pagu_prakiraan.get(sub.id, {}).get(self.tahun + 1)

    def anggaran_final(self, sub: NodeData, tahun: int) -> Decimal | None:
        """The budget a year ended with: its perubahan if there was one, else its Renja dana."""
        perubahan = self.pagu_perubahan.get(sub.id, {}).get(tahun)
        return perubahan if perubahan is not None else self.dana(sub, tahun)

    def rolled_up_dana(self, programs: tuple[NodeData, ...] | None = None) -> dict[object, dict[str, Decimal]]:
        """Dana of year n ("n") and prakiraan maju n+1 ("n+1") of every node of the Renja, of its
        bidang ("bidang", "7.01") and urusan ("urusan", "7") and of the whole Renja (TOTAL),
        summed up from the sub-kegiatan; never stored."""
        programs = self.program_renja() if programs is None else programs
        parent_of: dict[object, object] = {TOTAL: None}
        leaves: dict[object, dict[str, Decimal | None]] = {}
        for program in programs:
            urusan = ("urusan", kode_mod.urusan_of(program.kode))
            bidang = ("bidang", kode_mod.bidang_of(program.kode))
            parent_of[urusan] = TOTAL
            parent_of[bidang] = urusan
            parent_of[program.key] = bidang
            for kegiatan in program.children:
                parent_of[kegiatan.key] = program.key
                for sub in kegiatan.children:
                    parent_of[sub.key] = kegiatan.key
                    leaves[sub.key] = {"n": self.dana(sub), "n+1": self.prakiraan(sub)}
        totals = roll_up(leaves, parent_of)
        zero = {"n": ZERO, "n+1": ZERO}
        for key in parent_of:
            totals.setdefault(key, dict(zero))
        return totals

    # -- performance --------------------------------------------------------------------------
    def target_renja_of(self, indikator_id: int, tahun: int, tahap: str = RENJA) -> Nilai:
        return self.target_renja.get(indikator_id, {}).get((tahap, tahun), Nilai())

    def riwayat_of(self, indikator_id: int, tahun: int) -> RiwayatData:
        return self.riwayat.get(indikator_id, {}).get(tahun, RiwayatData())

    def target_tahun(self, ind: IndikatorData, tahun: int) -> Nilai:
        """The Renstra target of a year: the period's own Target, else the history typed for that
        year (a year before the period, from the previous Renstra)."""
        target = ind.target_of(tahun)
        return target if not target.is_empty else self.riwayat_of(ind.id, tahun).target

    def realisasi_dicatat(self, ind: IndikatorData, tahun: int) -> tuple[Nilai, bool]:
        """(realisasi of the year, is it an estimate): the triwulan reports when there are any
        (final), else the history typed for that year with its estimate flag."""
        reported = self.realisasi_tahunan(ind, tahun, riwayat=False)
        if not reported.is_empty:
            return reported, False
        typed = self.riwayat_of(ind.id, tahun)
        return typed.realisasi, typed.perkiraan and not typed.realisasi.is_empty

    def tahun_realisasi(self, indikator_id: int) -> list[int]:
        """Every year with a report or a typed history realisasi, ascending."""
        typed = {t for t, r in self.riwayat.get(indikator_id, {}).items() if not r.realisasi.is_empty}
        return sorted(set(self.realisasi.get(indikator_id, {})) | typed)

    def realisasi_tahunan(self, ind: IndikatorData, tahun: int, riwayat: bool = True) -> Nilai:
        """What an indicator reached over a whole year, from its triwulan reports (counts add up,
        levels keep the latest, as `computations.realisasi_kumulatif`); a label such as N/A when
        only labels were reported; with no report, the history typed for that year (`riwayat`);
        empty when there is none."""
        per_tw = self.realisasi.get(ind.id, {}).get(tahun, {})
        if not per_tw:
            return self.riwayat_of(ind.id, tahun).realisasi if riwayat else Nilai()
        values = [per_tw.get(tw, Nilai()).nilai for tw in (1, 2, 3, 4)]
        if any(v is not None for v in values):
            return Nilai(realisasi_kumulatif(values, ind.aturan)[-1])
        labels = [per_tw[tw].label for tw in sorted(per_tw) if per_tw[tw].label]
        return Nilai(None, labels[-1]) if labels else Nilai()

    def realisasi_anggaran_tahun(self, sub_id: int, tahun: int) -> Decimal | None:
        return self.realisasi_anggaran.get(sub_id, {}).get(tahun)

    def catatan_for(self, tabel: str) -> tuple[CatatanData, ...]:
        return tuple(c for c in self.catatan if c.tabel == tabel)


def prakiraan_aktivitas(rincian: RincianData | None) -> Decimal | None:
    """Σ of the aktivitas' own n+1 amounts; None when none of them has one (not itemised for n+1)."""
    amounts = [a.prakiraan for a in (rincian.aktivitas if rincian else ()) if a.prakiraan is not None]
    return sum(amounts, ZERO) if amounts else None


def node_label(key: object) -> tuple[str, str]:
    """Kode and name of an urusan or bidang roll-up key."""
    level, kode = key  # type: ignore[misc]
    names = URUSAN_NAMA if level == "urusan" else BIDANG_NAMA
    return kode, names.get(kode, f"{'Urusan' if level == 'urusan' else 'Bidang Urusan'} {kode}")
