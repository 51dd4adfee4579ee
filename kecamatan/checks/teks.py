"""Reading the words people type (names, indicators, formulas, units) well enough to notice a
copy, a unit that contradicts the indicator, a truncated formula or a term counted twice. Pure;
heuristics are deliberately narrow: they feed warnings (peringatan), never errors, unless the
words match exactly."""

from __future__ import annotations

import difflib
import re
from decimal import Decimal

from kecamatan.core.formatting import NA

GELAR = re.compile(
    r"\b(drs|dra|dr|ir|h|hj|s\.?\s?h|s\.?\s?e|s\.?\s?sos|s\.?\s?stp|s\.?\s?ip|s\.?\s?pd|s\.?\s?kom|s\.?\s?t|"
    r"m\.?\s?si|m\.?\s?m|m\.?\s?ap|m\.?\s?h|m\.?\s?pd|m\.?\s?kes|mm|msi|se|sh|ssos|sstp|sip|spd|ap)\b\.?",
    re.IGNORECASE,
)


def normal(text: str | None) -> str:
    """Case, spacing and punctuation ignored: for comparing names and indicator texts."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", (text or "").lower()).split())


def nama_orang(text: str) -> str:
    """A person's name without academic titles: 'Drs. PUJANTO' and 'PUJANTO, S.H.' → 'pujanto'."""
    without = GELAR.sub(" ", text.split(",")[0] if "," in text else text)
    return normal(without)


def mirip(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


# --- units --------------------------------------------------------------------------------------

PERSEN = {"persen", "%", "persentase", "prosen"}

# words that are a unit of count (as typed after a number or as a satuan); singular, lower case
UNIT_WORDS = {
    "desa", "dokumen", "laporan", "paket", "orang", "unit", "bulan", "kegiatan", "keluarga", "lembaga", "pegawai",
    "fasilitasi", "fasilitas", "kali", "jenis", "rekening", "kk", "asn", "pokmas", "rekomendasi", "unsur",
    "tahun", "hari", "buah", "berkas", "surat", "kelurahan",
}


def is_persen(satuan: str) -> bool:
    return normal(satuan) in {"persen", "prosen", "persentase"} or satuan.strip() == "%"


# different words for the same unit
SINONIM = {"kk": "keluarga", "pegawai": "orang", "asn": "orang", "fasilitas": "fasilitasi", "kelurahan": "desa"}


def unit_of(text: str) -> str:
    """The unit word of a satuan or of a value's label: 'Orang/Bulan' → 'orang', '12 bulan' → 'bulan',
    'Lembaga Kemasyarakatan' → 'lembaga', '15 KK' → 'keluarga'; '' when it names no known unit."""
    words = normal(text).split()
    for word in words:
        if word in UNIT_WORDS:
            return SINONIM.get(word, word)
    if text.strip() == "%" or (words and words[0] in PERSEN):
        return "persen"
    return ""


def label_is_unit(label: str) -> bool:
    """A value's label that is a unit ('Desa' in '5 Desa'), not a grade ('B-') or marker ('N/A')."""
    if not label or label.upper() == NA or label.strip() in {"-", "–", "—"}:
        return False
    return bool(unit_of(label)) or label.strip() == "%"


def same_unit(label: str, satuan: str) -> bool:
    a, b = unit_of(label), unit_of(satuan)
    return bool(a) and a == b or normal(label) == normal(satuan)


def unit_named_in(uraian: str) -> str:
    """The unit an indicator's wording announces: 'persen' for 'Persentase …' / 'Rata-rata persentase …',
    the counted thing for 'Jumlah Dokumen …' ('dokumen'); '' otherwise."""
    text = normal(uraian)
    if re.match(r"^(rata rata )?(persentase|persen|prosentase)\b", text):
        return "persen"
    match = re.match(r"^jumlah (\w+)", text)
    if match and match.group(1) in UNIT_WORDS:
        return SINONIM.get(match.group(1), match.group(1))
    return ""


# --- polarity ------------------------------------------------------------------------------------

# words of something one wants less of (a negative-polarity indicator counts these)
NEGATIF_WORDS = (
    "tidak", "belum", "gagal", "keluhan", "pengaduan", "aduan", "pelanggaran", "kasus", "kemiskinan", "miskin",
    "tunggakan", "kesalahan", "salah", "terlambat", "keterlambatan", "temuan", "sengketa", "konflik", "kerugian",
    "kecelakaan", "bencana", "pengangguran", "stunting", "kematian", "putus sekolah", "kumuh", "rusak", "sisa",
)
# words of something one wants more of
POSITIF_WORDS = (
    "ditindaklanjuti", "terselesaikan", "diselesaikan", "tepat waktu", "terpenuhi", "dipenuhi", "tercapai",
    "terealisasi", "dilaksanakan", "meningkat", "tersedia", "terlayani", "dilayani", "berpartisipasi", "puas",
    "kepuasan", "sesuai", "lengkap", "ditetapkan", "menetapkan", "menyusun", "terfasilitasi", "difasilitasi",
    "mengikuti", "tanggap", "pelatihan", "pencegahan", "penanggulangan", "penanganan",
)


def _has(text: str, words) -> list[str]:
    padded = f" {text} "
    return [w for w in words if f" {w} " in padded]


def arah_kalimat(*texts: str) -> tuple[str, list[str]]:
    """('positif' | 'negatif' | '', the words that decided) for an indicator's wording and formula."""
    text = normal(" ".join(texts))
    neg, pos = _has(text, NEGATIF_WORDS), _has(text, POSITIF_WORDS)
    if neg and not pos:
        return "negatif", neg
    if pos and not neg:
        return "positif", pos
    return "", []


# --- formulas ------------------------------------------------------------------------------------

DANGLING = re.compile(r"(dibagi|dikali|dikalikan|ditambah|dikurangi|dan|atau|x|×|\*|/|\+|-|:|\()\s*$",
                      re.IGNORECASE)


def rumus_terpotong(formula: str) -> str:
    """Why a formula looks cut off ('' if it does not): it ends with an operator, or a parenthesis
    opened is never closed."""
    text = (formula or "").strip().rstrip(".")
    if not text:
        return ""
    match = DANGLING.search(text)
    if match:
        return f"berakhir dengan '{match.group(1)}'"
    if text.count("(") > text.count(")"):
        return "kurung buka tanpa kurung tutup"
    return ""


_TERM_PREFIX = re.compile(r"^(jumlah|total|banyaknya)\s+")


def suku_ganda(formula: str) -> list[str]:
    """The terms a sum names twice: '(RKPDesa + APBDesa + RKPDesa)' → ['jumlah desa … rkpdesa …']."""
    text = (formula or "").replace("＋", "+")
    out: list[str] = []
    # a sum is the text before the first "dibagi" / "/" (the numerator), or inside parentheses
    parts = re.split(r"\bdibagi\b|/|:", text, maxsplit=1, flags=re.IGNORECASE)
    numerator = parts[0]
    if "+" not in numerator:
        return out
    seen: dict[str, str] = {}
    for raw in numerator.replace("(", " ").replace(")", " ").split("+"):
        term = normal(raw)
        term = _TERM_PREFIX.sub("", term)
        if not term:
            continue
        if term in seen and term not in out:
            out.append(raw.strip())
        seen[term] = raw
    return out


_DESA_DENOMINATOR = re.compile(r"^\W*\(?\s*jumlah\s+(seluruh\s+|semua\s+)?desa\b", re.IGNORECASE)
_MULTIPLIER = re.compile(r"(?:\bx|×|\*|\bdikali(?:kan)?)\s*(\d+)\b", re.IGNORECASE)


def pembagi_desa(formula: str) -> int | None:
    """For a percentage of desa ('… dibagi jumlah (seluruh) desa [× 3] × 100'): how many counts per
    desa the denominator takes (1, or 3 for three documents per desa); None when the formula does not
    divide by the number of desa."""
    parts = re.split(r"\bdibagi\b|/", formula or "", maxsplit=1, flags=re.IGNORECASE)
    if len(parts) < 2 or not _DESA_DENOMINATOR.match(parts[1]):
        return None
    for match in _MULTIPLIER.finditer(parts[1]):
        n = int(match.group(1))
        if n not in (100, 0):
            return n
    return 1


def kelipatan(value: Decimal, step_count: int, *, toleransi: Decimal) -> Decimal | None:
    """The nearest multiple of 100/step_count to `value` if `value` is within `toleransi` of it, else
    None."""
    exact = Decimal(100) / Decimal(step_count)
    k = (value / exact).to_integral_value()
    nearest = k * exact
    return nearest if abs(nearest - value) <= toleransi else None
