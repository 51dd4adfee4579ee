"""Every number the app derives from what people enter: capaian, roll-ups, akhir periode,
penyerapan, efisiensi, growth, predikat. Pure Python on Decimal, no Django, no database.

Rules (tables.md §0.6–§0.8):
- A value that cannot be computed is None (printed "-"): missing input, division by zero.
- Full precision here; rounding (ROUND_HALF_UP) only where a number is printed.
"""

from __future__ import annotations

import enum
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TypeVar

HUNDRED = Decimal(100)
ZERO = Decimal(0)

K = TypeVar("K", bound=Hashable)
Y = TypeVar("Y", bound=Hashable)


class Polaritas(str, enum.Enum):
    POSITIF = "positif"  # higher realisasi is better
    NEGATIF = "negatif"  # lower realisasi is better


class AturanAkhir(str, enum.Enum):
    """How the end-of-period value of an indicator follows from its yearly values."""

    JUMLAH = "jumlah"  # counts: documents, reports, families → sum of the years
    NILAI_AKHIR = "nilai_akhir"  # percentages, indices, stock levels → last year's value
    RATA_RATA = "rata_rata"  # mean of the years with a value


# Satuan whose end-of-period value is the last year's, not the sum (tables.md §0.6)
LEVEL_SATUAN = {"persen", "%", "angka", "indeks", "nilai", "rasio", "orang/bulan", "pegawai/bulan", "predikat"}


def default_aturan_akhir(satuan: str) -> AturanAkhir:
    """Default rule from the satuan: Persen/Angka/Indeks/Orang-Bulan → last value, counts → sum."""
    key = " ".join((satuan or "").lower().replace(" / ", "/").split())
    return AturanAkhir.NILAI_AKHIR if key in LEVEL_SATUAN else AturanAkhir.JUMLAH


def capaian(
    target: Decimal | None,
    realisasi: Decimal | None,
    *,
    polaritas: Polaritas = Polaritas.POSITIF,
) -> Decimal | None:
    """Capaian kinerja in percent; None if a value is missing or the target is 0.

    Positive: R / T × 100. Negative: (T − (R − T)) / T × 100, i.e. (2T − R) / T × 100.
    """
    if target is None or realisasi is None or target == 0:
        return None
    if Polaritas(polaritas) is Polaritas.NEGATIF:
        return (target - (realisasi - target)) / target * HUNDRED
    return realisasi / target * HUNDRED


def realisasi_kumulatif(
    per_triwulan: Sequence[Decimal | None], aturan: AturanAkhir = AturanAkhir.NILAI_AKHIR
) -> list[Decimal | None]:
    """Cumulative realisasi after each triwulan.

    Counts (JUMLAH) add up over the quarters; levels (NILAI_AKHIR: percentages, indices)
    are reported cumulative-to-date already, so the latest reported value stands
    (LKj Tabel 3.2: 14,62 | 14,62 | 41 | 87,72 → 87,72). RATA_RATA averages the quarters so far.
    None before anything was reported.
    """
    out: list[Decimal | None] = []
    seen: list[Decimal] = []
    for value in per_triwulan:
        if value is not None:
            seen.append(value)
        if not seen:
            out.append(None)
        elif aturan is AturanAkhir.JUMLAH:
            out.append(sum(seen, ZERO))
        elif aturan is AturanAkhir.RATA_RATA:
            out.append(sum(seen, ZERO) / len(seen))
        else:
            out.append(seen[-1])
    return out


def capaian_kumulatif(
    target: Decimal | None,
    per_triwulan: Sequence[Decimal | None],
    *,
    aturan: AturanAkhir = AturanAkhir.NILAI_AKHIR,
    polaritas: Polaritas = Polaritas.POSITIF,
) -> list[Decimal | None]:
    """Capaian against the yearly target after each triwulan."""
    return [capaian(target, r, polaritas=polaritas) for r in realisasi_kumulatif(per_triwulan, aturan)]


def akhir_periode(values: Sequence[Decimal | None], aturan: AturanAkhir) -> Decimal | None:
    """End-of-period value from the yearly values (blank and "-" count as nothing).

    JUMLAH: 2 + 3 + 2 = 7; – + 1 + – = 1. NILAI_AKHIR: last year with a value
    (83,33; 91,67; 100 → 100). RATA_RATA: mean of the years with a value.
    """
    present = [v for v in values if v is not None]
    if not present:
        return None
    if aturan is AturanAkhir.JUMLAH:
        return sum(present, ZERO)
    if aturan is AturanAkhir.RATA_RATA:
        return sum(present, ZERO) / len(present)
    return present[-1]


def jumlah(values: Iterable[Decimal | None]) -> Decimal:
    """Sum where blank and "-" count as 0 (Rp cells)."""
    return sum((v for v in values if v is not None), ZERO)


def roll_up(
    leaves: Mapping[K, Mapping[Y, Decimal | None]],
    parent_of: Mapping[K, K | None],
) -> dict[K, dict[Y, Decimal]]:
    """Sum leaf amounts into every ancestor, per column (year).

    `leaves`: amounts per leaf (sub-kegiatan) per year. `parent_of`: the parent of every node
    (sub-kegiatan → kegiatan → program → … → None). Returns the amounts of every node that
    is a leaf or an ancestor of one; nodes with no leaf below them are absent.
    """
    totals: dict[K, dict[Y, Decimal]] = {}
    for leaf, amounts in leaves.items():
        node: K | None = leaf
        seen: set[K] = set()
        while node is not None:
            if node in seen:
                raise ValueError(f"cycle in parent_of at {node!r}")
            seen.add(node)
            bucket = totals.setdefault(node, {})
            for year, amount in amounts.items():
                bucket[year] = bucket.get(year, ZERO) + (amount if amount is not None else ZERO)
            node = parent_of.get(node)
    return totals


def rasio(pembilang: Decimal | None, penyebut: Decimal | None) -> Decimal | None:
    """a / b, None when b is 0 or a value is missing (T-C.24 rasio realisasi/anggaran)."""
    if pembilang is None or penyebut is None or penyebut == 0:
        return None
    return pembilang / penyebut


def persen(pembilang: Decimal | None, penyebut: Decimal | None) -> Decimal | None:
    ratio = rasio(pembilang, penyebut)
    return None if ratio is None else ratio * HUNDRED


def penyerapan(pagu: Decimal | None, realisasi: Decimal | None) -> Decimal | None:
    """Penyerapan anggaran in percent: realisasi / pagu × 100."""
    return persen(realisasi, pagu)


def efisiensi(capaian_kinerja: Decimal | None, penyerapan_anggaran: Decimal | None) -> Decimal | None:
    """Tingkat efisiensi as the LKj prints it: capaian kinerja − % penyerapan anggaran."""
    if capaian_kinerja is None or penyerapan_anggaran is None:
        return None
    return capaian_kinerja - penyerapan_anggaran


def pertumbuhan(sebelum: Decimal | None, sesudah: Decimal | None) -> Decimal | None:
    """Growth in percent from one year to the next: (b − a) / a × 100."""
    if sebelum is None or sesudah is None or sebelum == 0:
        return None
    return (sesudah - sebelum) / sebelum * HUNDRED


def rata_rata_pertumbuhan(series: Sequence[Decimal | None]) -> Decimal | None:
    """Mean of the year-on-year growth rates over consecutive years that both have data
    (T-C.24: 324.038.000 → 279.616.600 gives −13,71)."""
    rates = [
        rate
        for rate in (pertumbuhan(a, b) for a, b in zip(series, series[1:]))
        if rate is not None
    ]
    if not rates:
        return None
    return sum(rates, ZERO) / len(rates)


@dataclass(frozen=True)
class Predikat:
    """One band of the criteria scale: capaian above `batas_bawah` (exclusive) → `label`."""

    batas_bawah: Decimal | None  # None: the lowest band (everything up to the next band)
    label: str


# LKj Tabel 3.1, "Skala Nilai Kriteria Capaian Kinerja"; upper bands first.
SKALA_LUMAJANG: tuple[Predikat, ...] = (
    Predikat(Decimal(90), "Sangat Tinggi"),
    Predikat(Decimal(75), "Tinggi"),
    Predikat(Decimal(65), "Sedang"),
    Predikat(Decimal(50), "Rendah"),
    Predikat(None, "Sangat Rendah"),
)


def predikat(nilai_capaian: Decimal | None, skala: Sequence[Predikat] = SKALA_LUMAJANG) -> str | None:
    """Criteria label for a capaian: > 90 Sangat Tinggi, > 75–90 Tinggi, > 65–75 Sedang,
    > 50–65 Rendah, ≤ 50 Sangat Rendah (boundaries belong to the lower band)."""
    if nilai_capaian is None:
        return None
    for band in skala:
        if band.batas_bawah is None or nilai_capaian > band.batas_bawah:
            return band.label
    return None
