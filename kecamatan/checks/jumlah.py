"""Typed totals: figures a sheet or a document carries itself where the app computes them (a sum the
template writes as an Excel formula but someone overwrote with a number; a percentage or total a
paper document printed), compared with what the app computes. Each disagreement is a finding:
this is how the seeds' arithmetic errors are caught when their documents come in. Pure.

- `evaluate_rumus` reads the template's own formulas (=SUM(E7:E9), =E6+E9) to know which cells a
  total adds up, so a typed total is compared with the sum of the values in the same file.
- `banding_tercetak` compares a printed figure ("110%", "1.771.564.845", "95.33%") with the value
  the table builds for the same cell, accepting the printed value when it is the computed one
  rounded or truncated to the printed decimals (tables.md §0.7).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation

from kecamatan.checks.base import GALAT, PERINGATAN, Temuan
from kecamatan.checks.teks import normal
from kecamatan.core.formatting import Nilai, format_rupiah, parse_nilai
from kecamatan.tables.base import Besaran

_CELL = re.compile(r"^\$?([A-Z]{1,3})\$?(\d+)$")


def column_index(letters: str) -> int:
    """A → 1, AA → 27."""
    n = 0
    for ch in letters:
        n = n * 26 + (ord(ch) - 64)
    return n


def column_letters(n: int) -> str:
    letters = ""
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _cells(ref: str) -> list[tuple[str, int]]:
    if ":" in ref:
        a, b = ref.split(":", 1)
        ma, mb = _CELL.match(a.strip()), _CELL.match(b.strip())
        if not ma or not mb:
            raise ValueError(ref)
        c1, c2 = sorted((column_index(ma[1]), column_index(mb[1])))
        r1, r2 = sorted((int(ma[2]), int(mb[2])))
        return [(column_letters(c), r) for c in range(c1, c2 + 1) for r in range(r1, r2 + 1)]
    match = _CELL.match(ref.strip())
    if not match:
        raise ValueError(ref)
    return [(match[1], int(match[2]))]


def parse_rumus(rumus: str) -> list[tuple[str, int]]:
    """The cells a template formula adds up: '=SUM(E7:E9)' → E7, E8, E9; '=E6+E9' → E6, E9; '=0' → none.
    Only sums are written by the templates; anything else raises ValueError."""
    text = rumus.strip().lstrip("=").replace(" ", "").upper()
    if text in ("", "0"):
        return []
    out: list[tuple[str, int]] = []
    for part in text.split("+"):
        match = re.fullmatch(r"SUM\((.+)\)", part)
        if match:
            for ref in match[1].split(","):
                out += _cells(ref)
        elif re.fullmatch(r"\d+", part) and int(part) == 0:
            continue
        else:
            out += _cells(part)
    return out


@dataclass(frozen=True)
class JumlahTertulis:
    """A number typed where the template computes a sum, and that sum from the same file."""

    lembar: str
    baris: int
    kolom: str  # the column's heading
    tempat: str  # the row: "7.01.01 Program …" or "JUMLAH"
    tertulis: Decimal
    dihitung: Decimal | None  # None: a cell it adds up could not be read (its error is listed)

    @property
    def cocok(self) -> bool:
        return self.dihitung is not None and self.dihitung == self.tertulis

    @property
    def selisih(self) -> Decimal | None:
        return None if self.dihitung is None else self.tertulis - self.dihitung

    def temuan(self, dokumen: str) -> Temuan:
        dihitung = "tidak dapat dihitung (ada sel yang galat)" if self.dihitung is None else (
            f"{format_rupiah(self.dihitung)} menurut isian rinciannya di berkas ini (selisih "
            f"{format_rupiah(self.selisih)})")
        return Temuan("jumlah-tertulis", GALAT, dokumen,
                      f"Lembar {self.lembar} baris {self.baris}, kolom {self.kolom}: jumlah diketik "
                      f"{format_rupiah(self.tertulis)}, padahal {dihitung}. Aplikasi menjumlahkan sendiri; "
                      "kembalikan rumusnya atau kosongkan sel itu.", self.tempat)


def jumlah_tertulis(typed: list[tuple[str, int, str, str, str, Decimal]], evaluate) -> list[JumlahTertulis]:
    """For every typed total (lembar, baris, kolom heading, tempat, cell key, value): the sum the
    template's formula for that cell gives over the file's values (`evaluate(cell key)` → Decimal or
    None); only the disagreements."""
    out = []
    for lembar, baris, kolom, tempat, key, value in typed:
        computed = evaluate(key)
        found = JumlahTertulis(lembar, baris, kolom, tempat, value, computed)
        if not found.cocok:
            out.append(found)
    return out


# --- figures printed in a document brought in from outside ----------------------------------------


def baca_tercetak(text: str) -> Nilai | None:
    """A printed figure as the seeds print them: '110%', '1.771.564.845', '13 orang/ 12 bulan', and the
    English decimal point of a printed document ('95.33%'); '(kosong)' / '' → an empty Nilai; None when
    it is not a readable number at all ('2.517.22.415')."""
    raw = (text or "").strip()
    if raw in ("", "(kosong)"):
        return Nilai()
    try:
        return parse_nilai(raw)
    except ValueError:
        pass
    match = re.fullmatch(r"(\d+)\.(\d{1,2})\s*%?", raw)  # a printed decimal point: 95.33%
    if match:
        return Nilai(Decimal(f"{match[1]}.{match[2]}"))
    return None


def nilai_sel(value) -> Nilai | str | None:
    """A built table cell as a value to compare: Nilai for numbers, str for text (codes, names)."""
    if isinstance(value, Besaran):
        return value.nilai
    if isinstance(value, Nilai):
        return value
    if isinstance(value, (Decimal, int)):
        return Nilai(Decimal(value))
    if isinstance(value, str):
        return value
    return Nilai() if value is None else None


def _places(text: str) -> int:
    match = re.search(r"[.,](\d{1,2})(?!\d)\s*%?\s*$", text.strip())
    if match and not re.fullmatch(r"\d{1,3}([.,]\d{3})+", text.strip().rstrip("%").strip()):
        return len(match[1])
    return 0


def _tanpa_angka(value: Nilai) -> Nilai:
    """'-' printed or computed means nothing there, like an empty cell."""
    return Nilai() if value.nilai is None and value.label.strip() in ("", "-", "–", "—") else value


def sama_tercetak(tercetak: str, printed: Nilai, computed: Nilai) -> bool:
    """The printed figure is the computed one, rounded or truncated to the printed decimals."""
    printed, computed = _tanpa_angka(printed), _tanpa_angka(computed)
    if printed.is_empty or computed.is_empty:
        return printed.is_empty and computed.is_empty
    if printed.nilai is None or computed.nilai is None:
        return printed.nilai is None and computed.nilai is None and printed.label.upper() == computed.label.upper()
    step = Decimal(1).scaleb(-_places(tercetak))
    try:
        return printed.nilai in (computed.nilai.quantize(step, rounding=ROUND_HALF_UP),
                                 computed.nilai.quantize(step, rounding=ROUND_DOWN))
    except InvalidOperation:  # pragma: no cover - absurdly large values
        return False


def banding_tercetak(dokumen: str, tempat: str, tercetak: str, cell, *, dihitung: str = "",
                     keterangan: str = "") -> Temuan | None:
    """A figure printed by a document brought in from outside against the app's value for the same
    place (a built table's cell: Decimal, Nilai, Besaran or text): None when they agree (rounding or
    truncation to the printed decimals allowed), else a finding quoting both. `dihitung` is how the
    app prints its value (default: the plain number)."""
    computed = nilai_sel(cell)
    printed = baca_tercetak(tercetak)
    if isinstance(computed, str):
        if normal(computed) == normal(tercetak):
            return None
    elif printed is not None and computed is not None and sama_tercetak(tercetak, printed, computed):
        return None
    if not dihitung:
        dihitung = computed if isinstance(computed, str) else (
            format_rupiah(computed.nilai) if computed is not None and computed.nilai is not None else "(kosong)")
    sebab = " (bukan angka yang sah)" if printed is None and not isinstance(computed, str) else ""
    return Temuan("catatan-sumber", PERINGATAN, dokumen,
                  f"Dokumen sumber mencetak {tercetak or '(kosong)'}{sebab} pada {tempat}; aplikasi menghitung "
                  f"{dihitung}.{' ' + keterangan if keterangan else ''}", tempat)

