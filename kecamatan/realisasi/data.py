"""Plain, ORM-free snapshot of one triwulan's realisasi: what `realisasi.selectors` returns and the
page's builder reads."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from kecamatan.core.computations import AturanAkhir, Polaritas
from kecamatan.core.formatting import Nilai
from kecamatan.core.rentang import Rentang, rentang_indikator


@dataclass(frozen=True)
class IndikatorRealisasi:
    """One indicator on the triwulan page: its target for the year and what each TW reported."""

    id: int
    uraian: str
    satuan: str
    polaritas: Polaritas
    aturan: AturanAkhir
    target: Nilai
    per_triwulan: tuple[Nilai, Nilai, Nilai, Nilai]
    keterangan: tuple[str, str, str, str]
    catatan: str = ""  # Bappeda's note from the latest return
    boleh_lebih_100: bool = False

    @property
    def rentang(self) -> Rentang:
        return rentang_indikator(self.satuan, boleh_lebih_100=self.boleh_lebih_100)


@dataclass(frozen=True)
class PemilikRealisasi:
    """A tujuan, sasaran, program, kegiatan or sub-kegiatan heading the indicators below it."""

    level: str
    kode: str
    nama: str
    indikator: tuple[IndikatorRealisasi, ...]


@dataclass(frozen=True)
class AnggaranRealisasi:
    """One sub-kegiatan's money on the triwulan page: pagu of the year and Rp per TW."""

    id: int
    kode: str
    nama: str
    pagu: Decimal | None
    tahap_pagu: str
    per_triwulan: tuple[Decimal | None, Decimal | None, Decimal | None, Decimal | None]
    catatan: str = ""


@dataclass(frozen=True)
class RealisasiTriwulanData:
    periode_id: int
    kecamatan: str
    tahun: int
    triwulan: int
    pemilik: tuple[PemilikRealisasi, ...]
    anggaran: tuple[AnggaranRealisasi, ...]

    def indikator(self):
        for group in self.pemilik:
            yield from group.indikator
