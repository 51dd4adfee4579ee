"""Rules of the Bappeda comparison across the kecamatan of a kabupaten. Pure Python, no Django.

- Which indicators are "the same" in different kecamatan: `kunci_indikator`. Each kecamatan
  types its own Renstra, so the same IKU arrives with different spelling ("Presentase hasil
  fasilitasi …", "Rata - Rata Persentase Desa …", "Indikator persentase …"). The key folds case,
  punctuation, hyphens and spacing, a leading "Indikator", the common typo "presentase", and the
  wordings listed in `IKU_KABUPATEN` to one canonical key; two indicators are compared when their
  keys are equal. Nothing is stored: a kecamatan that corrects its wording is matched at once.
- The kabupaten median (`median`), the deadlines of each document (`tenggat`), and the colour of
  each predikat of Tabel 3.1 (`WARNA_PREDIKAT`).
"""

from __future__ import annotations

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

HARI_SETELAH_TRIWULAN = 15  # realisasi of a triwulan: due 15 days after the quarter ends

TENGGAT_KETERANGAN = (
    f"Realisasi triwulan: {HARI_SETELAH_TRIWULAN} hari setelah triwulan berakhir (TW I 15 April, TW II 15 Juli, "
    "TW III 15 Oktober, TW IV 15 Januari tahun berikutnya)",
    "Renja tahun N: 30 Juni tahun N-1 (sesudah RKPD ditetapkan)",
    "LKj tahun N: akhir Februari tahun N+1 (dua bulan setelah tahun anggaran berakhir)",
    "Tepat waktu = diajukan pertama kali paling lambat pada tanggal tenggat; "
    "terlambat = diajukan sesudahnya, atau belum diajukan padahal tenggat sudah lewat",
)


def akhir_triwulan(tahun: int, triwulan: int) -> datetime.date:
    if triwulan == 4:
        return datetime.date(tahun, 12, 31)
    return datetime.date(tahun, 3 * triwulan + 1, 1) - datetime.timedelta(days=1)


def tenggat(jenis: str, tahun: int | None, triwulan: int | None = None) -> datetime.date | None:
    """The date by which a kecamatan must submit (ajukan) a document; None for the Renstra."""
    if tahun is None:
        return None
    if jenis == "realisasi" and triwulan:
        return akhir_triwulan(tahun, triwulan) + datetime.timedelta(days=HARI_SETELAH_TRIWULAN)
    if jenis == "renja":
        return datetime.date(tahun - 1, 6, 30)
    if jenis == "lkj":
        return datetime.date(tahun + 1, 3, 1) - datetime.timedelta(days=1)
    return None


def terlambat(batas: datetime.date | None, diajukan: datetime.date | None, hari_ini: datetime.date) -> bool:
    """Late: first submitted after the deadline, or not submitted while the deadline has passed."""
    if batas is None:
        return False
    if diajukan is not None:
        return diajukan > batas
    return hari_ini > batas


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
