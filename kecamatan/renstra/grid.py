"""What the T-C.23 and T-C.24 grids are made of: one row per indicator (program) of the years
before the period, one group of cells per year. One spec per table; the form, the selector and
the save are shared by both."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from kecamatan.core.fields import NilaiField, RupiahField
from kecamatan.core.formatting import Nilai, format_nilai, format_rupiah
from kecamatan.models import AnggaranLalu, CapaianLalu, IndikatorLalu, ProgramLalu
from kecamatan.models.kinerja import VALUE_DIGITS


@dataclass(frozen=True)
class Grid:
    kode: str  # "T-C.23"
    slug: str  # the table's name in `cetak` and on the table pages
    judul: str
    row_model: type
    year_model: type
    fk: str  # the year model's foreign key to the row model
    row_fields: tuple[str, ...]  # typed once per row
    values: tuple[tuple[str, str], ...]  # (year model field, column label), typed per year
    nilai: bool  # cells hold a Nilai (value or label, "N/A") rather than Rp
    item: str  # "Indikator", "Program"

    def get(self, cell, name: str):
        if self.nilai:
            return Nilai(getattr(cell, name), getattr(cell, f"{name}_label"))
        return getattr(cell, name)

    def set(self, cell, name: str, value) -> None:
        if self.nilai:
            setattr(cell, name, value.nilai)
            setattr(cell, f"{name}_label", value.label)
        else:
            setattr(cell, name, value)

    def is_empty(self, value) -> bool:
        return value.is_empty if self.nilai else value is None

    def text(self, value) -> str:
        if self.is_empty(value):
            return "-"
        return format_nilai(value) if self.nilai else format_rupiah(value)

    def cell_text(self, cell) -> str:
        return " / ".join(self.text(self.get(cell, name)) for name, _ in self.values)

    def field(self, label: str):
        if self.nilai:
            return NilaiField(label=label, max_digits=VALUE_DIGITS["max_digits"],
                              decimal_places=VALUE_DIGITS["decimal_places"])
        return RupiahField(label=label, required=False, min_value=Decimal(0),
                           min_value_message=f"{label} tidak boleh negatif.")


TC23 = Grid(
    "T-C.23", "tc23", "Pencapaian Kinerja Pelayanan tahun-tahun sebelum periode", IndikatorLalu, CapaianLalu,
    "indikator_lalu", ("urutan", "tingkat", "uraian", "satuan", "berlaku_mulai", "berlaku_sampai"),
    (("target", "Target"), ("realisasi", "Realisasi")), True, "Indikator",
)
TC24 = Grid(
    "T-C.24", "tc24", "Anggaran dan Realisasi Pendanaan tahun-tahun sebelum periode", ProgramLalu, AnggaranLalu,
    "program_lalu", ("urutan", "uraian", "berlaku_mulai", "berlaku_sampai"),
    (("anggaran", "Anggaran"), ("realisasi", "Realisasi")), False, "Program",
)
GRIDS = {g.slug: g for g in (TC23, TC24)}
