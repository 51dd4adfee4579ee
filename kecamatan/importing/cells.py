"""Reading one cell of an uploaded sheet the way people really fill it: numbers typed as text
("1.500.000,50", "84%", "62 (B-)", "N/A") or as Excel numbers (84% stored as 0.84 with a percent
format), refusing formulas, Excel errors, dates and more digits than a field holds. Pure."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from kecamatan.core import formatting
from kecamatan.core.formatting import Nilai


class CellError(ValueError):
    """A cell that cannot be read; `part` is the cell's index within its item."""

    def __init__(self, pesan: str, part: int = 0):
        self.pesan, self.part = pesan, part
        super().__init__(pesan)


@dataclass(frozen=True)
class Sel:
    """One cell as read from the file: its value (None, str, int, float, bool, datetime), its number
    format (84% typed in Excel is stored as 0.84 with a % format) and its type ('f' = formula)."""

    value: object = None
    number_format: str = "General"
    data_type: str = ""


def _percent_format(number_format: str) -> bool:
    """Excel scales a value by 100 only for an unquoted, unescaped % in its format."""
    bare = re.sub(r'"[^"]*"|\\.', "", number_format or "")
    return "%" in bare


EXCEL_ERRORS = {"#DIV/0!", "#N/A", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!"}


def scalar(sel: Sel):
    """The cell's value, stripped; None when empty. Refuses what is not a typed value."""
    value = sel.value
    if sel.data_type == "f" or (isinstance(value, str) and value.startswith("=") and sel.data_type in ("", "f")):
        raise CellError("berisi rumus; salin lalu tempel sebagai nilai saja (Paste Special → Values).")
    if sel.data_type == "e" or (isinstance(value, str) and value.strip().upper() in EXCEL_ERRORS):
        raise CellError(f"berisi galat Excel {value}; perbaiki rumus atau ketik nilainya.")
    if isinstance(value, bool):
        raise CellError("berisi TRUE/FALSE, bukan angka.")
    if isinstance(value, (datetime.date, datetime.time, datetime.timedelta)):
        raise CellError("berisi tanggal: Excel mengubah isian menjadi tanggal. Format sel sebagai teks lalu ketik lagi, "
                        "mis. 1.500.000 atau 84,5.")
    if isinstance(value, str):
        value = value.replace("\u00a0", " ").strip()
        return value or None
    return value


def _cell_decimal(value, number_format: str) -> Decimal:
    number = Decimal(str(value))  # float → its shortest repr, never binary noise
    return number * 100 if _percent_format(number_format) else number


def fit(number: Decimal, places: int, max_digits: int) -> Decimal:
    """The number at the field's precision; refuses more decimals or digits than it holds."""
    step = Decimal(1).scaleb(-places)
    try:
        fitted = number.quantize(step, rounding=ROUND_HALF_UP)
    except InvalidOperation:
        raise CellError("angka terlalu besar.") from None
    if abs(fitted - number) > Decimal("1e-9"):
        raise CellError(f"paling banyak {places} angka di belakang koma.")
    if len(str(abs(fitted).to_integral_value(rounding=ROUND_HALF_UP))) > max_digits - places:
        raise CellError("angka terlalu besar.")
    return fitted


def read_nilai(sel: Sel, *, places: int = 4, max_digits: int = 18, label_max: int = 30) -> Nilai:
    """84,31 / 84% / 62 (B-) / N/A / - / a number cell; empty → Nilai()."""
    value = scalar(sel)
    if value is None:
        return Nilai()
    if isinstance(value, (int, float, Decimal)):
        return Nilai(fit(_cell_decimal(value, sel.number_format), places, max_digits))
    try:
        nilai = formatting.parse_nilai(str(value))
    except ValueError as exc:
        raise CellError(str(exc)) from None
    if len(nilai.label) > label_max:
        raise CellError(f"keterangan nilai paling banyak {label_max} huruf, contoh N/A atau B-.")
    if nilai.nilai is not None:
        nilai = Nilai(fit(nilai.nilai, places, max_digits), nilai.label)
    return nilai


NULL_RUPIAH = formatting.NULL_RUPIAH  # in Rp cells "-" means nothing: 0 (tables.md §0.4)


def read_rupiah(sel: Sel) -> Decimal | None:
    """1.500.000 / Rp 1.500.000 / 1.500.000,50 / - (= 0) / a number cell; empty → None."""
    value = scalar(sel)
    if value is None:
        return None
    if isinstance(value, (int, float, Decimal)):
        if _percent_format(sel.number_format):
            raise CellError("berformat persen; isi Rupiah, contoh 1.500.000.")
        number = Decimal(str(value))
    elif str(value) in NULL_RUPIAH:
        return Decimal(0)
    else:
        try:
            number = formatting.parse_number(str(value))
        except ValueError as exc:
            raise CellError(str(exc)) from None
        if str(value).rstrip().endswith("%"):
            raise CellError(f"'{value}' berupa persen; isi Rupiah, contoh 1.500.000.")
    if number < 0:
        raise CellError("Rupiah tidak boleh negatif.")
    return fit(number, 2, 18)


def read_teks(sel: Sel, *, max_length: int, required: str = "") -> str:
    """Free text; `required` is the message when it must not be empty."""
    value = scalar(sel)
    if value is None:
        if required:
            raise CellError(required)
        return ""
    if isinstance(value, (int, float, Decimal)):
        value = formatting.format_number(Decimal(str(value)))
    text = str(value)
    if len(text) > max_length:
        raise CellError(f"paling banyak {max_length} huruf (berisi {len(text)}).")
    return text
