"""The API's typed shapes (pydantic, through django-ninja). Money and values are decimal strings:
exact, never floats; a value with a label (62 (B-), N/A) is {nilai, label}."""

from __future__ import annotations

from typing import Any

from ninja import Field, Schema


class Galat(Schema):
    detail: str


class GalatBaris(Schema):
    detail: str
    baris: dict[str, list[str]]  # "indikator:12" / "subkegiatan:7" → Indonesian messages


class KabupatenOut(Schema):
    id: int
    nama: str
    kode: str | None
    provinsi: str
    slug: str


class KecamatanOut(Schema):
    id: int
    nama: str
    slug: str
    kode: str | None
    kabupaten_id: int
    kabupaten: str

    @staticmethod
    def resolve_kabupaten(obj) -> str:
        return obj.kabupaten.nama


class PeriodeOut(Schema):
    id: int
    kecamatan_id: int
    kecamatan: str
    kabupaten: str
    tahun_mulai: int
    tahun_selesai: int
    label: str

    @staticmethod
    def resolve_kecamatan(obj) -> str:
        return obj.kecamatan.nama

    @staticmethod
    def resolve_kabupaten(obj) -> str:
        return obj.kecamatan.kabupaten.nama


class NilaiOut(Schema):
    nilai: str | None
    label: str


class TargetOut(NilaiOut):
    tahun: int


class RealisasiOut(NilaiOut):
    tahun: int
    triwulan: int
    keterangan: str


class IndikatorOut(Schema):
    id: int
    level: str  # tujuan | sasaran | program | kegiatan | subkegiatan
    pemilik_id: int
    urutan: int
    uraian: str
    satuan: str
    iku: bool
    kondisi_awal: NilaiOut
    target: list[TargetOut]
    realisasi: list[RealisasiOut]


class PaguOut(Schema):
    tahun: int
    tahap: str
    jumlah: str


class RealisasiRpOut(Schema):
    tahun: int
    triwulan: int
    jumlah: str


class SubKegiatanOut(Schema):
    id: int
    kode: str
    nama: str
    kegiatan_id: int
    kegiatan_kode: str
    program_id: int
    program_kode: str
    pagu: list[PaguOut]
    realisasi: list[RealisasiRpOut]


class SimpulOut(Schema):
    """One row of the cascade: its parent, code (program and below) and own indicator ids."""

    id: int
    induk_id: int | None
    kode: str
    uraian: str
    indikator: list[int]


class CascadeOut(Schema):
    tujuan: list[SimpulOut]
    sasaran: list[SimpulOut]
    program: list[SimpulOut]
    kegiatan: list[SimpulOut]
    subkegiatan: list[SimpulOut]


class DokumenOut(Schema):
    kunci: str
    jenis: str
    tahun: int | None
    triwulan: int | None
    judul: str
    status: str
    status_label: str
    versi: int


class RiwayatOut(Schema):
    waktu: str
    aksi: str
    aksi_label: str
    oleh: str | None
    dari_status: str
    ke_status: str
    versi: int | None
    catatan: str
    perubahan: Any


class DokumenDetailOut(DokumenOut):
    riwayat: list[RiwayatOut]


class TabelInfoOut(Schema):
    name: str
    label: str
    dokumen: str
    needs_tahun: bool
    options: dict[str, list[str]]  # option name → allowed values (a table's `params`, e.g. tata_letak)


class TabelOut(Schema):
    name: str
    label: str
    periode_id: int
    tahun: int | None
    options: dict[str, str]
    tata_letak: str | None  # the layout this table printed in (None: a table with one layout)
    reports: list[dict[str, Any]]


class RealisasiIndikatorIn(Schema):
    """The quarter's value of one indicator, as the API prints it: nilai a decimal string ("84.31")
    or null, label for a value with a label (62 (B-): nilai "62", label "B-"; N/A: nilai null,
    label "N/A", with a keterangan). All empty removes the row."""

    indikator_id: int
    nilai: str | None = None
    label: str = ""
    keterangan: str = ""


class RealisasiRpIn(Schema):
    subkegiatan_id: int
    jumlah: str | None = None  # a decimal string ("1250000" or "1250000.50"); null removes the row


class RealisasiTriwulanIn(Schema):
    versi: int
    indikator: list[RealisasiIndikatorIn] = Field(default_factory=list)
    anggaran: list[RealisasiRpIn] = Field(default_factory=list)


class RealisasiIndikatorOut(Schema):
    indikator_id: int
    uraian: str
    satuan: str
    nilai: str | None
    label: str
    keterangan: str


class RealisasiRpItemOut(Schema):
    subkegiatan_id: int
    kode: str
    nama: str
    jumlah: str | None


class RealisasiTriwulanOut(Schema):
    kunci: str
    status: str
    versi: int
    indikator: list[RealisasiIndikatorOut]
    anggaran: list[RealisasiRpItemOut]
