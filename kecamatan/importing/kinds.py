"""Items: one thing an upload may change, and how its kind reads it from its cells, writes it
into a template, shows it in the diff and remembers it in the hidden sheet (a target, Rupiah,
a satuan, free text, a choice of a list, a realisasi with its keterangan). Pure."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from kecamatan.core import formatting
from kecamatan.core.formatting import Nilai
from kecamatan.importing.base import normalize
from kecamatan.importing.cells import CellError, Sel, read_nilai, read_rupiah, read_teks

KOSONG = "(kosong)"


def excel_number(value: Decimal):
    """A Decimal as the template writes it: an int when whole, else the plain Decimal."""
    if value == value.to_integral_value():
        return int(value)
    return Decimal(f"{value.normalize():f}")


def decode_decimal(text: str) -> Decimal | None:
    """A Decimal as `encode_decimal` wrote it; "" is None."""
    return Decimal(text) if text else None


def encode_decimal(value: Decimal | None) -> str:
    """A Decimal for the hidden sheet: plain digits, no exponent; None is ""."""
    return "" if value is None else f"{value.normalize():f}"


class Kind:
    """How an item's cells are read, shown, and remembered in the hidden sheet."""

    name = ""
    cells = 1

    def read(self, sels: Sequence[Sel]):
        raise NotImplementedError

    def to_cells(self, value) -> tuple:
        raise NotImplementedError

    def show(self, value) -> str:
        raise NotImplementedError

    def encode(self, value) -> tuple[str, ...]:
        raise NotImplementedError

    def decode(self, parts: Sequence[str]):
        raise NotImplementedError


def nilai_cell(value: Nilai):
    """What a template cell holds for a Nilai: a number, or the text people read ("62 (B-)", "N/A")."""
    if value.is_empty:
        return None
    if value.nilai is not None and not value.label:
        return excel_number(value.nilai)
    return formatting.format_nilai(value)


class NilaiKind(Kind):
    """A target: a number, a labelled number (62 (B-)) or a label (N/A, -); empty removes it."""

    name = "nilai"

    def read(self, sels):
        return read_nilai(sels[0])

    def to_cells(self, value: Nilai):
        return (nilai_cell(value),)

    def show(self, value: Nilai) -> str:
        return KOSONG if value.is_empty else formatting.format_nilai(value)

    def encode(self, value: Nilai):
        return (encode_decimal(value.nilai), value.label)

    def decode(self, parts):
        return Nilai(decode_decimal(parts[0]), parts[1] if len(parts) > 1 else "")


class RupiahKind(Kind):
    """Rupiah; empty removes the amount, "-" is 0."""

    name = "rupiah"

    def read(self, sels):
        return read_rupiah(sels[0])

    def to_cells(self, value: Decimal | None):
        return (None if value is None else excel_number(value),)

    def show(self, value: Decimal | None) -> str:
        return KOSONG if value is None else formatting.format_rupiah(value)

    def encode(self, value):
        return (encode_decimal(value),)

    def decode(self, parts):
        return decode_decimal(parts[0])


class SatuanKind(Kind):
    """The unit of an indicator: required text (chosen from the list, or typed)."""

    name = "satuan"

    def read(self, sels):
        return read_teks(sels[0], max_length=60, required="satuan wajib diisi, mis. Persen atau Dokumen.")

    def to_cells(self, value: str):
        return (value,)

    def show(self, value: str) -> str:
        return value or KOSONG

    def encode(self, value: str):
        return (value,)

    def decode(self, parts):
        return parts[0]


class TeksKind(Kind):
    """Free text, optional (e.g. the lokasi of a Renja row)."""

    name = "teks"

    def __init__(self, max_length: int = 200):
        self.max_length = max_length

    def read(self, sels):
        return read_teks(sels[0], max_length=self.max_length)

    def to_cells(self, value: str):
        return (value or None,)

    def show(self, value: str) -> str:
        return value or KOSONG

    def encode(self, value: str):
        return (value,)

    def decode(self, parts):
        return parts[0]


class PilihanKind(TeksKind):
    """One value of a fixed list (e.g. sumber dana: DAU, DAK …), matched regardless of case and
    spaces and stored as the list spells it. `aliases` are other spellings people type for a value
    ("Dana Alokasi Umum" → DAU); `required` is the message when it must not be empty (else empty
    is allowed). The column's drop-down shows the list."""

    name = "pilihan"

    def __init__(self, choices: Sequence[str], what: str, *, aliases: dict[str, str] | None = None,
                 required: str = ""):
        super().__init__(max_length=200)
        self.choices = {normalize(c): c for c in choices}
        self.accepted = {**{normalize(k): v for k, v in (aliases or {}).items()}, **self.choices}
        self.what = what
        self.required = required

    def read(self, sels):
        text = super().read(sels)
        if not text:
            if self.required:
                raise CellError(self.required)
            return ""
        if normalize(text) not in self.accepted:
            raise CellError(f"{self.what} '{text}' tidak ada di daftar. Pilih salah satu: "
                            f"{', '.join(self.choices.values())}.")
        return self.accepted[normalize(text)]


@dataclass(frozen=True)
class NilaiKeterangan:
    """A realisasi: the value and why it is not a number (required for N/A)."""

    nilai: Nilai = Nilai()
    keterangan: str = ""

    @property
    def is_empty(self) -> bool:
        return self.nilai.is_empty and not self.keterangan


class RealisasiKind(Kind):
    """Realisasi of a triwulan: value cell + keterangan cell; both empty removes it."""

    name = "realisasi"
    cells = 2

    def read(self, sels):
        nilai = read_nilai(sels[0])
        try:
            keterangan = read_teks(sels[1], max_length=2000)
        except CellError as exc:
            raise CellError(exc.pesan, part=1) from None
        if nilai.is_empty and keterangan:
            raise CellError("kosong padahal keterangan diisi: isi angka, atau N/A bila tidak ada angka.")
        if nilai.nilai is None and nilai.label and not keterangan:
            raise CellError(f"beri alasan mengapa realisasi '{nilai.label}'.", part=1)
        return NilaiKeterangan(nilai, keterangan)

    def to_cells(self, value: NilaiKeterangan):
        return (nilai_cell(value.nilai), value.keterangan or None)

    def show(self, value: NilaiKeterangan) -> str:
        if value.is_empty:
            return KOSONG
        text = formatting.format_nilai(value.nilai)
        return f"{text} — {value.keterangan}" if value.keterangan else text

    def encode(self, value: NilaiKeterangan):
        return (encode_decimal(value.nilai.nilai), value.nilai.label, value.keterangan)

    def decode(self, parts):
        parts = list(parts) + ["", "", ""]
        return NilaiKeterangan(Nilai(decode_decimal(parts[0]), parts[1]), parts[2])


NILAI = NilaiKind()
RUPIAH = RupiahKind()
SATUAN = SatuanKind()
REALISASI = RealisasiKind()
