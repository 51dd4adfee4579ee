"""Small pure helpers the checks share for printing and comparing values in their messages."""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from kecamatan.core.formatting import Nilai, format_nilai, format_number, format_rupiah
from kecamatan.tables.base import Besaran


def teks(value: Nilai | None, satuan: str = "") -> str:
    """'84,31%', '12 Dokumen', '62 (B-)', 'N/A', '(kosong)'."""
    if value is None or value.is_empty:
        return "(kosong)"
    return str(Besaran(value, satuan)) if satuan else format_nilai(value)


def rp(value: Decimal | None) -> str:
    return f"Rp {format_rupiah(value)}" if value is not None else "(kosong)"


def angka(value: Decimal | None) -> str:
    return format_number(value) if value is not None else "(kosong)"


def sama(a: Nilai, b: Nilai) -> bool:
    """Equal as values: 83,3300 = 83,33; a label counts ('62 (B-)' ≠ '62')."""
    return a.nilai == b.nilai and a.label.strip().upper() == b.label.strip().upper()


def sama_dibulatkan(a: Nilai, b: Nilai) -> bool:
    """Equal once the more precise one is rounded or truncated to the other's decimals (84,31 and 84
    are the same target printed two ways; tables.md §0.7): a label must still be equal."""
    if sama(a, b):
        return True
    if a.nilai is None or b.nilai is None or a.label.strip().upper() != b.label.strip().upper():
        return False
    places = min(_places(a.nilai), _places(b.nilai))
    step = Decimal(1).scaleb(-places)
    coarse, fine = (a.nilai, b.nilai) if _places(a.nilai) <= _places(b.nilai) else (b.nilai, a.nilai)
    return coarse == fine.quantize(step, rounding=ROUND_HALF_UP) or coarse == fine.quantize(step, rounding=ROUND_DOWN)


def _places(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0
