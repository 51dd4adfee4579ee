"""How the cells of a Renja template row are read: an aktivitas over seven cells (uraian, skala
prioritas, volume, satuan, dana, catatan, prakiraan n+1; emptying uraian and dana deletes it), a sub-kegiatan's
kebutuhan dana that is the SUM of its aktivitas, sumber dana by code or as people write it. Pure."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from kecamatan.core import formatting
from kecamatan.importing.cells import CellError, Sel, fit, read_rupiah, read_teks, scalar
from kecamatan.importing.kinds import (
    KOSONG,
    Kind,
    PilihanKind,
    RupiahKind,
    TeksKind,
    decode_decimal,
    encode_decimal,
    excel_number,
)
from kecamatan.renja.data import AktivitasData

AKTIVITAS_COLUMNS = ("aktivitas", "prioritas", "volume", "satuan_volume", "dana", "catatan", "dana1")


def _is_formula(sel: Sel) -> bool:
    value = sel.value
    return sel.data_type == "f" or (isinstance(value, str) and value.startswith("=") and sel.data_type in ("", "f"))


class DanaDihitungKind(RupiahKind):
    """Kebutuhan dana of a sub-kegiatan that has aktivitas: the template's SUM formula reads as
    "no amount typed" (None); a typed amount is read as usual, and refused by the layout's rule."""

    name = "dana-dihitung"

    def read(self, sels):
        return None if _is_formula(sels[0]) else read_rupiah(sels[0])


def read_prioritas(sel: Sel) -> int | None:
    value = scalar(sel)
    if value is None:
        return None
    wrong = CellError("skala prioritas berupa bilangan bulat 1, 2, 3 … (1 = paling utama), atau kosong.")
    try:
        number = Decimal(str(value)) if isinstance(value, (int, float, Decimal)) else formatting.parse_number(str(value))
    except ValueError:
        raise wrong from None
    if number != number.to_integral_value() or number < 1 or number > 999:
        raise wrong
    return int(number)


def read_angka(sel: Sel) -> Decimal | None:
    """A plain number (a volume: 12, 1.500, 2,5); empty or "-" → None."""
    value = scalar(sel)
    if value is None or (isinstance(value, str) and value in formatting.NULL_RUPIAH):
        return None
    if isinstance(value, (int, float, Decimal)):
        number = Decimal(str(value))
    else:
        try:
            number = formatting.parse_number(str(value))
        except ValueError as exc:
            raise CellError(str(exc)) from None
    if number < 0:
        raise CellError("volume tidak boleh negatif.")
    return fit(number, 4, 18)


@dataclass(frozen=True)
class AktivitasIsian:
    """An aktivitas as the sheet holds it; no uraian and no dana = no aktivitas (deleted/unused)."""

    uraian: str = ""
    skala_prioritas: int | None = None
    volume: Decimal | None = None
    satuan: str = ""
    jumlah: Decimal | None = None
    catatan: str = ""
    prakiraan: Decimal | None = None  # its own prakiraan maju n+1, optional

    @property
    def is_empty(self) -> bool:
        return not self.uraian and self.jumlah is None

    @classmethod
    def of(cls, a: AktivitasData) -> AktivitasIsian:
        return cls(a.uraian, a.skala_prioritas, a.volume, a.satuan, a.jumlah, a.catatan, a.prakiraan)


class AktivitasKind(Kind):
    """One aktivitas over seven cells: uraian, skala prioritas, volume, satuan, dana, catatan and
    its prakiraan maju n+1 (optional)."""

    name = "aktivitas"
    cells = 7

    def read(self, sels) -> AktivitasIsian:
        def part(i, read):
            try:
                return read(sels[i])
            except CellError as exc:
                raise CellError(exc.pesan, part=i) from None

        uraian = part(0, lambda s: read_teks(s, max_length=300))
        jumlah = part(4, read_rupiah)
        prakiraan = part(6, read_rupiah) if len(sels) > 6 else None
        if not uraian and jumlah is None:
            if prakiraan is not None:
                raise CellError("prakiraan maju diisi pada baris tanpa aktivitas: isi uraian dan dananya, atau "
                                "kosongkan prakiraannya.", part=6)
            return AktivitasIsian()
        if not uraian:
            raise CellError("uraian aktivitas kosong padahal dananya diisi: isi uraiannya, atau kosongkan juga "
                            "dananya untuk menghapus aktivitas ini.", part=0)
        prioritas = part(1, read_prioritas)
        volume = part(2, read_angka)
        satuan = part(3, lambda s: read_teks(s, max_length=60))
        if jumlah is None:
            raise CellError("dana aktivitas wajib diisi, contoh 1.500.000 (- berarti 0). Untuk menghapus aktivitas "
                            "ini, kosongkan juga uraiannya.", part=4)
        catatan = part(5, lambda s: read_teks(s, max_length=300))
        return AktivitasIsian(uraian, prioritas, volume, satuan, jumlah, catatan, prakiraan)

    def to_cells(self, value: AktivitasIsian):
        if value.is_empty:
            return (None,) * self.cells
        return (value.uraian, value.skala_prioritas, None if value.volume is None else excel_number(value.volume),
                value.satuan or None, excel_number(value.jumlah), value.catatan or None,
                None if value.prakiraan is None else excel_number(value.prakiraan))

    def show(self, value: AktivitasIsian) -> str:
        if value.is_empty:
            return KOSONG
        parts = [value.uraian]
        if value.skala_prioritas:
            parts.append(f"prioritas {value.skala_prioritas}")
        if value.volume is not None:
            parts.append(f"{formatting.format_number(value.volume)} {value.satuan}".strip())
        parts.append(f"Rp {formatting.format_rupiah(value.jumlah)}")
        if value.prakiraan is not None:
            parts.append(f"prakiraan Rp {formatting.format_rupiah(value.prakiraan)}")
        if value.catatan:
            parts.append(value.catatan)
        return " · ".join(parts)

    def encode(self, value: AktivitasIsian):
        return (value.uraian, str(value.skala_prioritas or ""), encode_decimal(value.volume), value.satuan,
                encode_decimal(value.jumlah), value.catatan, encode_decimal(value.prakiraan))

    def decode(self, parts):
        parts = list(parts) + [""] * 7
        return AktivitasIsian(parts[0], int(parts[1]) if parts[1] else None, decode_decimal(parts[2]), parts[3],
                              decode_decimal(parts[4]), parts[5], decode_decimal(parts[6]))


AKTIVITAS = AktivitasKind()
DANA_DIHITUNG = DanaDihitungKind()
LOKASI = TeksKind(max_length=200)
CATATAN = TeksKind(max_length=2000)


def sumber_dana_kind(choices: Sequence[tuple[str, str]]) -> PilihanKind:
    """Sumber dana by its code (DAU) or as people write it ("Dana Alokasi Umum", the full label);
    optional: empty or "-" leaves it unknown (the checker and the completeness report list it)."""
    aliases = dict.fromkeys(formatting.NULL_RUPIAH, "")
    for code, label in choices:
        aliases[label] = code
        if "(" in label and label.endswith(")"):
            aliases[label[label.index("(") + 1:-1]] = code
    return PilihanKind([code for code, _ in choices], "Sumber dana", aliases=aliases)
