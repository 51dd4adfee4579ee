"""The plain snapshot the checks read: one kecamatan-year (the Renstra period covering the year,
its Renja, triwulan realizations, LKj, PK and IKU sheet), built by `checks.selectors.periksa_data`
in a fixed number of queries. Frozen dataclasses over the report snapshots the tables already use
(`RenjaData`, `LkjData`, `RiwayatData`), plus what only the checker needs: the documents and who
signed them, the Camat of the kecamatan, the catalog names, Rp per triwulan. No Django."""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from kecamatan.checks.base import Lokasi, Tautan
from kecamatan.core.formatting import Nilai
from kecamatan.lkj.data import AWAL, PERUBAHAN, LkjData
from kecamatan.renja.data import RenjaData
from kecamatan.renstra.data import IndikatorData, NodeData, RenstraData
from kecamatan.renstra.data_tabel import KondisiAwalTercatat, RiwayatData

TW_ROMAWI = {1: "I", 2: "II", 3: "III", 4: "IV"}


@dataclass(frozen=True)
class DokumenInfo:
    """A saved workflow document of the period."""

    kunci: str
    judul: str
    status: str
    versi: int
    camat_id: int | None = None
    tempat: str = ""
    tanggal: datetime.date | None = None


@dataclass(frozen=True)
class CamatInfo:
    id: int
    nama: str
    nip: str  # as stored (digits)
    mulai: datetime.date | None = None
    selesai: datetime.date | None = None


@dataclass(frozen=True)
class TandaTangan:
    """One signature under a document of the kecamatan-year: the Renstra, Renja, LKj, a PK version
    or the IKU sheet."""

    dokumen: str  # the workflow document the finding belongs to (a PK and the IKU sheet: the LKj)
    label: str  # "Renja 2024", "Perjanjian Kinerja awal 2024", "IKU 2025"
    camat_id: int | None
    tanggal: datetime.date | None = None
    tautan: Tautan | None = None


@dataclass(frozen=True)
class PeriksaData:
    periode_id: int
    kecamatan: str
    kecamatan_id: int
    tahun: int  # the year checked (Renja, realisasi, LKj of this year)
    renja: RenjaData  # .renstra: the cascade with targets, sub-kegiatan pagu of tahap renja
    lkj: LkjData  # the year's Pagu awal/perubahan, realisasi anggaran, PK, IKU sheet
    jumlah_desa: int | None = None
    pagu_renstra: Mapping[int, Mapping[int, Decimal]] = field(default_factory=dict)  # sub → year → Rp (renstra)
    rp_triwulan: Mapping[int, Mapping[int, Decimal]] = field(default_factory=dict)  # sub → TW → Rp of the year
    riwayat: RiwayatData | None = None  # T-C.23 / T-C.24
    kondisi_awal: Mapping[int, KondisiAwalTercatat] = field(default_factory=dict)
    dokumen: Mapping[str, DokumenInfo] = field(default_factory=dict)  # saved documents by key
    camat: Mapping[int, CamatInfo] = field(default_factory=dict)  # every Camat of the kecamatan
    tanda_tangan: tuple[TandaTangan, ...] = ()
    katalog: Mapping[str, str] = field(default_factory=dict)  # nomenclature code → catalog name
    iku_ditetapkan: bool = False  # a PenetapanIKU exists for the year
    pk_id: Mapping[str, int] = field(default_factory=dict)  # PK version (awal/perubahan) → its id
    faktor_lonjakan: Decimal = Decimal(2)  # a target more than this many times last year's is worth a look
    hari_ini: datetime.date | None = None  # the day of the check; None: no deadline has passed
    tenggat_realisasi: Mapping[int, datetime.date] = field(default_factory=dict)  # TW → the kabupaten's deadline

    # --- the documents of the kecamatan-year ----------------------------------------------------

    @property
    def kunci_renja(self) -> str:
        return f"renja-{self.tahun}"

    @property
    def kunci_lkj(self) -> str:
        return f"lkj-{self.tahun}"

    def kunci_realisasi(self, triwulan: int) -> str:
        return f"realisasi-{self.tahun}-{triwulan}"

    @property
    def ada_renja(self) -> bool:
        """The Renja of the year was started (a document) or funds any sub-kegiatan."""
        return self.ada_dokumen(self.kunci_renja) or bool(self.renja.rincian.get(self.tahun))

    def target_pk(self, indikator_id: int) -> dict[str, Nilai]:
        """The PK targets of an indicator by version (awal, perubahan) that have one."""
        out = {}
        for versi in (AWAL, PERUBAHAN):
            pk = self.lkj.pk.get(versi)
            value = pk.target_of(indikator_id) if pk else None
            if value is not None:
                out[versi] = value
        return out

    def realisasi_tw(self, indikator_id: int) -> dict[int, Nilai]:
        """What each triwulan of the year reported for an indicator (only those reported)."""
        return dict(sorted(self.renja.realisasi.get(indikator_id, {}).get(self.tahun, {}).items()))

    @property
    def renstra(self) -> RenstraData:
        return self.renja.renstra

    @property
    def tahun_periode(self) -> tuple[int, ...]:
        return self.renstra.tahun

    def ada_dokumen(self, kunci: str) -> bool:
        return kunci in self.dokumen

    # --- walking the cascade ------------------------------------------------------------------

    def indikator(self) -> Iterator[tuple[IndikatorData, Lokasi]]:
        """Every indicator of the Renstra with its owner, in document order."""
        for tujuan in self.renstra.tujuan:
            for ind in tujuan.indikator:
                yield ind, Lokasi("tujuan", f"T{tujuan.urutan}", tujuan.uraian, tujuan.id)
            for sasaran in tujuan.sasaran:
                for ind in sasaran.indikator:
                    yield ind, Lokasi("sasaran", f"S{sasaran.urutan}", sasaran.uraian, sasaran.id)
        for node in self.renstra.nodes():
            for ind in node.indikator:
                yield ind, Lokasi(node.level, node.kode, node.nama, node.id)

    def nodes(self) -> Iterator[NodeData]:
        return self.renstra.nodes()

    def subkegiatan(self) -> Iterator[NodeData]:
        return (n for n in self.renstra.nodes() if n.level == "subkegiatan")


def tautan_indikator(ind: IndikatorData) -> Tautan:
    return Tautan.to("kecamatan:indikator_ubah", pk=ind.id)


NODE_URL = {"program": "kecamatan:program_ubah", "kegiatan": "kecamatan:kegiatan_ubah",
            "subkegiatan": "kecamatan:subkegiatan_ubah"}


def tautan_node(node: NodeData) -> Tautan:
    return Tautan.to(NODE_URL[node.level], pk=node.id)


def tautan_target_renja(data: PeriksaData) -> Tautan:
    return Tautan.to("kecamatan:renja_target", pk=data.periode_id, tahun=data.tahun)


def tautan_realisasi(data: PeriksaData, triwulan: int) -> Tautan:
    return Tautan.to("kecamatan:realisasi", pk=data.periode_id, tahun=data.tahun, triwulan=triwulan)


def tautan_pk(data: PeriksaData, versi: str) -> Tautan:
    """The PK page of that version; for a perubahan not made yet it offers to copy the awal."""
    return Tautan.to("kecamatan:lkj_pk", pk=data.periode_id, tahun=data.tahun, versi=versi)

