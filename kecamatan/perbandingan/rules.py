"""Rules of the Bappeda comparison across the kecamatan of a kabupaten. Pure Python, no Django.

- Which indicators are "the same" in different kecamatan: `kunci_indikator`. Each kecamatan
  types its own Renstra, so the same IKU arrives with different spelling ("Presentase hasil
  fasilitasi …", "Rata - Rata Persentase Desa …", "Indikator persentase …"). The key folds case,
  punctuation, hyphens and spacing, a leading "Indikator", the common typo "presentase", and the
  wordings listed in `IKU_KABUPATEN` to one canonical key; two indicators are compared when their
  keys are equal. Nothing is stored: a kecamatan that corrects its wording is matched at once.
- The kabupaten median (`median`), the deadlines of each document (`AturanTenggat`: the kabupaten's
  rules, which its admin edits; `tenggat` under the default rules), and the colour of
  each predikat of Tabel 3.1 (`WARNA_PREDIKAT`).
"""

from __future__ import annotations

import calendar
import datetime
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

# --- matching indicators across kecamatan ---------------------------------------------------------


@dataclass(frozen=True)
class IkuKabupaten:
    """An indicator every kecamatan of the kabupaten reports (Keputusan Bupati Lumajang
    Nomor 100.3.3.2/571/427.12/2023 on IKU, as the LKj quotes it)."""

    label: str  # short column heading
    uraian: str  # the wording of Randuagung's Renstra (fixture), the reference
    varian: tuple[str, ...] = ()  # other wordings found in the documents


IKU_KABUPATEN: tuple[IkuKabupaten, ...] = (
    IkuKabupaten("Indeks Pelayanan Publik", "Indeks Pelayanan Publik",
                 ("Indeks Pelayanan Publik (IPP)", "IPP")),
    IkuKabupaten(
        "Fasilitasi dan koordinasi ditindaklanjuti",
        "Persentase hasil fasilitasi dan koordinasi yang ditindaklanjuti",
        ("Presentase hasil fasilitasi dan koordinasi yang ditindaklanjuti",  # LKj Jatiroto 2024, line 500
         "Persentase hasil fasilitasi dan koordinasi yang ditindak lanjuti"),
    ),
    IkuKabupaten(
        "Dokumen administrasi desa tepat waktu",
        "Rata - rata persentase Desa yang menyusun dokumen administrasi Pemerintahan Desa tepat waktu",
        ("Rata-rata persentase desa yang menyusun dokumen administrasi pemerintahan desa tepat waktu",
         "Rata - Rata Persentase Desa yang menyusun dokumen administrasi pemerintahan desa tepat waktu"),
    ),
)

_TYPOS = {"presentase": "persentase", "prosentase": "persentase", "ditindak lanjuti": "ditindaklanjuti"}


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    text = text.lower()
    text = re.sub(r"\([^)]*\)", " ", text)  # "(IPP)", "(%)"
    text = re.sub(r"[^a-z0-9]+", " ", text)  # punctuation and hyphens: "rata - rata" = "rata-rata"
    text = " ".join(text.split())
    for wrong, right in _TYPOS.items():
        text = re.sub(rf"\b{wrong}\b", right, text)
    if text.startswith("indikator "):
        text = text[len("indikator "):]
    return text


_ALIAS: dict[str, str] = {}
LABEL_IKU: dict[str, str] = {}
for _iku in IKU_KABUPATEN:
    _key = _fold(_iku.uraian)
    LABEL_IKU[_key] = _iku.label
    for _text in (_iku.uraian, *_iku.varian):
        _ALIAS[_fold(_text)] = _key


def kunci_indikator(uraian: str) -> str:
    """The matching key of an indicator's wording: equal keys are the same indicator."""
    folded = _fold(uraian)
    return _ALIAS.get(folded, folded)


def label_indikator(kunci: str, uraian_list: Iterable[str]) -> str:
    """Column heading: the catalog's short label, else the wording most kecamatan use
    (ties: the alphabetically first, so the heading does not depend on row order)."""
    if kunci in LABEL_IKU:
        return LABEL_IKU[kunci]
    counts: dict[str, int] = {}
    for text in uraian_list:
        counts[text] = counts.get(text, 0) + 1
    if not counts:
        return kunci
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


# --- kabupaten statistics -------------------------------------------------------------------------


def median(values: Iterable[Decimal | None]) -> Decimal | None:
    """Median of the values present (None are left out); None when there is none.
    Even count: the mean of the two middle values."""
    present = sorted(v for v in values if v is not None)
    n = len(present)
    if n == 0:
        return None
    mid = n // 2
    if n % 2:
        return present[mid]
    return (present[mid - 1] + present[mid]) / 2


def rata_rata(values: Iterable[Decimal | None]) -> Decimal | None:
    present = [v for v in values if v is not None]
    if not present:
        return None
    return sum(present, Decimal(0)) / len(present)


# --- deadlines ------------------------------------------------------------------------------------

HARI_SETELAH_TRIWULAN = 15  # the default: realisasi of a triwulan due 15 days after the quarter ends

_BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
          "Oktober", "November", "Desember")
_TW_TEKS = ("TW I", "TW II", "TW III", "TW IV")


def akhir_triwulan(tahun: int, triwulan: int) -> datetime.date:
    if triwulan == 4:
        return datetime.date(tahun, 12, 31)
    return datetime.date(tahun, 3 * triwulan + 1, 1) - datetime.timedelta(days=1)


def tanggal_dijepit(tahun: int, bulan: int, tanggal: int) -> datetime.date:
    """The date, or the month's last day when the month is shorter (29 Februari in 2025 → 28)."""
    return datetime.date(tahun, bulan, min(tanggal, calendar.monthrange(tahun, bulan)[1]))


def _hari_bulan(tanggal: int, bulan: int) -> str:
    if bulan == 2 and tanggal == 29:
        return "akhir Februari"  # 28 Februari in a common year
    return f"{tanggal} {_BULAN[bulan - 1]}"


@dataclass(frozen=True)
class AturanTenggat:
    """The deadlines of a kabupaten (its admin edits them): realisasi of a triwulan `hari_realisasi`
    days after the quarter ends; the Renja of year N on day/month of N-1; the LKj of year N on
    day/month of N+1. A day the month lacks in that year is its last day (29 Februari → 28)."""

    hari_realisasi: int = HARI_SETELAH_TRIWULAN
    renja_tanggal: int = 30
    renja_bulan: int = 6
    lkj_tanggal: int = 29  # with lkj_bulan 2: the end of February
    lkj_bulan: int = 2

    def tenggat(self, jenis: str, tahun: int | None, triwulan: int | None = None) -> datetime.date | None:
        """The date by which a kecamatan must submit (ajukan) a document; None for the Renstra."""
        if tahun is None:
            return None
        if jenis == "realisasi" and triwulan:
            return akhir_triwulan(tahun, triwulan) + datetime.timedelta(days=self.hari_realisasi)
        if jenis == "renja":
            return tanggal_dijepit(tahun - 1, self.renja_bulan, self.renja_tanggal)
        if jenis == "lkj":
            return tanggal_dijepit(tahun + 1, self.lkj_bulan, self.lkj_tanggal)
        return None

    def keterangan(self) -> tuple[str, ...]:
        """The rule in force, in words, for the pages and the report's notes."""
        contoh = ", ".join(f"{tw} {d.day} {_BULAN[d.month - 1]}" for tw, d in zip(
            _TW_TEKS, (self.tenggat("realisasi", 2025, tw) for tw in (1, 2, 3, 4))))
        return (
            f"Realisasi triwulan: {self.hari_realisasi} hari setelah triwulan berakhir ({contoh}"
            f"{' tahun berikutnya' if self.hari_realisasi else ''})",
            f"Renja tahun N: {_hari_bulan(self.renja_tanggal, self.renja_bulan)} tahun N-1",
            f"LKj tahun N: {_hari_bulan(self.lkj_tanggal, self.lkj_bulan)} tahun N+1",
            "Tepat waktu = diajukan pertama kali paling lambat pada tanggal tenggat; "
            "terlambat = diajukan sesudahnya, atau belum diajukan padahal tenggat sudah lewat",
        )


ATURAN_TENGGAT = AturanTenggat()  # the rules when no kabupaten says otherwise (the demo, older callers)
TENGGAT_KETERANGAN = ATURAN_TENGGAT.keterangan()


def tenggat(jenis: str, tahun: int | None, triwulan: int | None = None) -> datetime.date | None:
    """`AturanTenggat.tenggat` under the default rules."""
    return ATURAN_TENGGAT.tenggat(jenis, tahun, triwulan)


def terlambat(batas: datetime.date | None, diajukan: datetime.date | None, hari_ini: datetime.date) -> bool:
    """Late: first submitted after the deadline, or not submitted while the deadline has passed."""
    if batas is None:
        return False
    if diajukan is not None:
        return diajukan > batas
    return hari_ini > batas


def hari_terlambat(batas: datetime.date | None, diajukan: datetime.date | None,
                   hari_ini: datetime.date) -> int | None:
    """How many days late (`terlambat`): to the first submission, or to today while not submitted;
    None when not late. The completeness page and the kecamatan's dashboard both print it."""
    if not terlambat(batas, diajukan, hari_ini):
        return None
    return ((diajukan or hari_ini) - batas).days


def triwulan_terakhir(hari_ini: datetime.date) -> tuple[int, int]:
    """The latest triwulan that has ended by `hari_ini`: the default view of the comparison."""
    tw = (hari_ini.month - 1) // 3  # quarters fully ended this year
    if tw == 0:
        return hari_ini.year - 1, 4
    return hari_ini.year, tw


# --- predikat colours (Tabel 3.1) -----------------------------------------------------------------

WARNA_PREDIKAT = {  # light backgrounds that keep black text readable, in print too
    "Sangat Tinggi": "7BC98F",
    "Tinggi": "C4E8B0",
    "Sedang": "FBE7A1",
    "Rendah": "F7C19B",
    "Sangat Rendah": "EE9A9A",
}
