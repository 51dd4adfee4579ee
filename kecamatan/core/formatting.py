"""Numbers in Indonesian notation, both ways, and labelled values ("62 (B-)", "N/A").

Pure Python, no Django: forms, importers, templates and report renderers all use these,
so a number is read and printed the same way everywhere.

- `parse_number("1.500.000,50")` → Decimal("1500000.50"); also "Rp 1.500.000", "84%",
  "(13,71)", and the English-grouped "1,916,486,189" the seeds print. Ambiguous or malformed
  input ("1.5", "2.517.22.415") raises ValueError with an Indonesian message.
- `format_number(Decimal("1234567.891"), 2)` → "1.234.567,89" (ROUND_HALF_UP).
- `Nilai` is a value that may not be a plain number: `nilai` (Decimal or None) plus `label`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

PERCENT_SUFFIX = "%"  # "96,35%", no space, as most source documents write it
EMPTY = "-"
BELUM_DIISI = "belum diisi"  # on screens, a value nobody entered; official prints leave it empty (tables.md §0.4)

# Labels that stand for "no number here" (tables.md §0.4)
NA = "N/A"
NIHIL = "NIHIL"
NULL_RUPIAH = {"-", "–", "—"}  # in Rp cells and fields "-" means nothing: 0 (tables.md §0.4)
NULL_LABELS = {"N/A": NA, "NA": NA, "-": EMPTY, "–": EMPTY, "—": EMPTY, "NIHIL": NIHIL}

_THOUSANDS_DOT = re.compile(r"^\d{1,3}(\.\d{3})+$")
_THOUSANDS_COMMA = re.compile(r"^\d{1,3}(,\d{3})+$")
_PLAIN = re.compile(r"^\d+$")

EXAMPLE = "Contoh: 1.500.000,50 atau 84,31"


def _parse_unsigned(text: str, original: str) -> Decimal:
    if _PLAIN.match(text):
        return Decimal(text)
    has_dot, has_comma = "." in text, "," in text
    if has_dot and has_comma:
        # The separator that comes last is the decimal one; the other must group by three.
        decimal_sep = "," if text.rfind(",") > text.rfind(".") else "."
        thousands_sep = "." if decimal_sep == "," else ","
        whole, _, frac = text.rpartition(decimal_sep)
        grouping = _THOUSANDS_DOT if thousands_sep == "." else _THOUSANDS_COMMA
        if not grouping.match(whole) or not _PLAIN.match(frac):
            raise ValueError(f"'{original}' bukan angka yang sah. {EXAMPLE}")
        if len(frac) == 3:
            # "10.000,000", "3,375.000": three digits after the last separator could be thousands
            raise ValueError(f"'{original}' bukan angka yang sah: pemisah ribuan dan desimal bercampur. {EXAMPLE}")
        return Decimal(whole.replace(thousands_sep, "") + "." + frac)
    if has_dot:
        if _THOUSANDS_DOT.match(text):
            return Decimal(text.replace(".", ""))
        if text.count(".") == 1 and re.match(r"^\d+\.\d+$", text):
            raise ValueError(
                f"'{original}' meragukan: titik adalah pemisah ribuan. Untuk desimal gunakan koma, "
                f"contoh {text.replace('.', ',')}."
            )
        raise ValueError(f"'{original}' bukan angka yang sah: pemisah ribuan harus per tiga angka. {EXAMPLE}")
    # only commas
    if text.count(",") == 1 and re.match(r"^\d+,\d+$", text):
        return Decimal(text.replace(",", "."))
    if _THOUSANDS_COMMA.match(text):
        return Decimal(text.replace(",", ""))
    raise ValueError(f"'{original}' bukan angka yang sah. {EXAMPLE}")


def parse_number(value: str | int | Decimal) -> Decimal:
    """Read a number typed or printed the Indonesian way. Raises ValueError (Indonesian)."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        raise TypeError("float is not accepted; pass a string or Decimal")
    original = str(value)
    text = original.strip()
    text = re.sub(r"^rp\.?", "", text, flags=re.IGNORECASE).strip()
    if text.endswith("%"):
        text = text[:-1].strip()
    negative = False
    if text.startswith("(") and text.endswith(")"):
        negative, text = True, text[1:-1].strip()
    elif text.startswith("-") or text.startswith("−"):
        negative, text = True, text[1:].strip()
    text = text.replace(" ", "").replace("\u00a0", "")
    if not text:
        raise ValueError(f"'{original}' bukan angka. {EXAMPLE}")
    if re.search(r"[^\d.,]", text):
        raise ValueError(f"'{original}' bukan angka. {EXAMPLE}")
    try:
        number = _parse_unsigned(text, original.strip())
    except InvalidOperation:  # pragma: no cover - regexes admit only digits
        raise ValueError(f"'{original}' bukan angka. {EXAMPLE}") from None
    return -number if negative else number


def quantize(value: Decimal, places: int) -> Decimal:
    """Round half up to `places` decimals: the only rounding rule of the app."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def format_number(value: Decimal | int | None, places: int | None = None) -> str:
    """Indonesian notation. `places=None` prints the value as exact as it is, without
    trailing zeros (78 → "78", 84.3100 → "84,31"); an int fixes the decimals."""
    if value is None:
        return EMPTY
    value = Decimal(value)
    if places is None:
        value = value.normalize()
        if value == value.to_integral_value():
            value = value.quantize(Decimal(1))
    else:
        value = quantize(value, places)
    sign = "-" if value < 0 else ""
    text = f"{abs(value):f}"
    whole, _, frac = text.partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    out = ".".join(groups)
    if frac:
        out += "," + frac
    return sign + out


def format_rupiah(value: Decimal | int | None) -> str:
    """Whole rupiah unless there are cents: 1.916.486.189 / 1.500.000,50."""
    if value is None:
        return EMPTY
    value = Decimal(value)
    if value == value.to_integral_value():
        return format_number(value, 0)
    return format_number(value, 2)


def format_persen(value: Decimal | None, places: int = 2) -> str:
    """Computed percentages: "98,13%"."""
    if value is None:
        return EMPTY
    return format_number(value, places) + PERCENT_SUFFIX


@dataclass(frozen=True)
class Nilai:
    """A measured value that may carry a label: 62 (B-) → Nilai(62, "B-"); N/A → Nilai(None, "N/A").

    Sums and capaian read `nilai` only; printing shows both parts.
    """

    nilai: Decimal | None = None
    label: str = ""

    @property
    def is_empty(self) -> bool:
        return self.nilai is None and not self.label

    def __str__(self) -> str:
        return format_nilai(self)


def belum_diisi(value) -> bool:
    """Nothing entered (None, "", an empty Nilai), as opposed to a "-" or "N/A" someone typed."""
    if isinstance(value, Nilai):
        return value.is_empty
    return value is None or value == ""


def parse_nilai(text: str | None) -> Nilai:
    """'62 (B-)', '62(B-)', '60.5 (B-)' is refused as ambiguous, 'N/A', '-', '10 unsur', '84%'."""
    if text is None:
        return Nilai()
    raw = str(text).strip()
    if not raw:
        return Nilai()
    upper = raw.upper()
    if upper in NULL_LABELS:
        return Nilai(None, NULL_LABELS[upper])
    # "- keluarga": nothing planned, with the unit typed after it
    if re.match(r"^[-–—]\s+\D+$", raw):
        return Nilai(None, EMPTY)
    match = re.match(r"^(?P<num>[-(]?[\d.,\s]*\d[\d.,]*\)?\s*%?)\s*(?:\((?P<paren>[^)]*)\)|(?P<word>[^\d(].*))?$", raw)
    if not match:
        raise ValueError(f"'{raw}' bukan nilai yang dikenali. Contoh: 84,31 atau 62 (B-) atau N/A")
    number = parse_number(match.group("num"))
    label = (match.group("paren") or match.group("word") or "").strip()
    return Nilai(number, label)


def format_nilai(value: Nilai | None, places: int | None = None) -> str:
    if value is None or value.is_empty:
        return EMPTY
    if value.nilai is None:
        return value.label
    number = format_number(value.nilai, places)
    return f"{number} ({value.label})" if value.label else number


BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
         "Oktober", "November", "Desember")


def format_tanggal(value, hanya_bulan: bool = False) -> str:
    """'15 Januari 2025', or 'Mei 2023' when the document is dated by month only."""
    if value is None:
        return ""
    if hanya_bulan:
        return f"{BULAN[value.month - 1]} {value.year}"
    return f"{value.day} {BULAN[value.month - 1]} {value.year}"


def berlaku_label(mulai: int, sampai: int) -> str:
    """Band label as the documents print it: "2019 - 2020", "2021"."""
    return str(mulai) if mulai == sampai else f"{mulai} - {sampai}"


def sebutan_kabupaten(nama: str) -> str:
    """"Kabupaten Lumajang", or "Kota Malang" for a kota (stored with its word: acuan/indonesia.py)."""
    return nama if nama.startswith("Kota ") else f"Kabupaten {nama}"
