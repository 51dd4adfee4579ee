"""One generated kecamatan's plan, before anything is written: its profile (tertib, lambat,
lemah), targets spread around Randuagung's, the programs, kegiatan and sub-kegiatan it picks from
the catalog with their pagu per year and stage. Deterministic: one random generator per kecamatan,
seeded by names (not ids), so a plan is the same in any database."""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field
from decimal import Decimal

from kecamatan.demo.kabupaten_template import TAHUN, IndikatorTemplate, Katalog, Template
from kecamatan.models import (
    Indikator,
    Kecamatan,
    Kegiatan,
    Nomenklatur,
    Pagu,
    Periode,
    Program,
    Sasaran,
    SubKegiatan,
    Tujuan,
)
from kecamatan.perbandingan.rules import tenggat

PROFIL = (("tertib", 0.55), ("lambat", 0.25), ("lemah", 0.2))
D = Decimal


# --- numbers ---------------------------------------------------------------------------------------------


def to_decimal(value: float, places: int = 2) -> Decimal:
    return D(str(round(value, places)))


def round_rp(value: float) -> Decimal:
    """Rupiah rounded to the thousand, as budgets are written."""
    return D(int(round(value / 1000.0)) * 1000)


def grade(ipp: Decimal) -> str:
    return "B" if ipp >= D("70.5") else "B-" if ipp >= 60 else "C" if ipp >= 50 else "D"


SATUAN_RANGE = {  # plausible yearly targets of sub-kegiatan indicators by satuan
    "orang/bulan": (8, 16), "dokumen": (1, 12), "laporan": (1, 12), "paket": (1, 8), "unit": (1, 4),
    "keluarga": (20, 80), "orang": (20, 100), "lembaga kemasyarakatan": (4, 16),
}


def is_level_count(satuan: str) -> bool:
    """Staff counted per month stay level over the year (11 orang every triwulan), not summed."""
    return "/bulan" in satuan.lower()


# --- one kecamatan's plan -------------------------------------------------------------------------------


@dataclass
class Ind:
    owner: tuple[str, object]  # ("tujuan", key) … the owner's plan key
    tmpl: IndikatorTemplate
    target: tuple[Decimal | None, ...]
    label: tuple[str, ...]
    kondisi_awal: Decimal | None
    kondisi_awal_label: str
    polaritas: str = "positif"
    hanya_akhir_tahun: bool = False  # an index computed by the kabupaten at year end (IPP)
    obj: Indikator | None = None


@dataclass
class Sub:
    nomenklatur: Nomenklatur
    pagu: dict[tuple[int, str], Decimal]
    renja: dict[int, Decimal]  # the Renja dana of every year, written as Pagu(renja) once its Renja is drafted
    obj: SubKegiatan | None = None


@dataclass
class Plan:
    kecamatan: Kecamatan
    rng: random.Random
    profil: str
    sasaran_count: int
    programs: list[tuple[Nomenklatur, list[tuple[Nomenklatur, list[Sub]]]]]
    indikator: list[Ind]
    periode: Periode | None = None
    tujuan: Tujuan | None = None
    sasaran: list[Sasaran] = field(default_factory=list)
    program_obj: dict[str, Program] = field(default_factory=dict)
    kegiatan_obj: dict[str, Kegiatan] = field(default_factory=dict)


def _targets_iku(tmpl: IndikatorTemplate, rng: random.Random, jumlah_desa: int):
    """Targets of the tujuan/sasaran IKU, spread around Randuagung's."""
    uraian = tmpl.uraian.lower()
    if "indeks" in uraian:
        base = rng.uniform(57, 66)
        values = tuple(to_decimal(round((base + 2 * i) * 2) / 2, 1) for i in range(3))
        return values, tuple(grade(v) for v in values), None, "-", True
    if "desa" in uraian:  # k of 3 × desa documents on time: multiples of 100 / (3 × desa)
        total = 3 * jumlah_desa
        start = rng.randint(int(total * 0.72), int(total * 0.9))
        ks = [min(total, start + i * rng.randint(0, 2)) for i in range(3)]
        values = tuple(to_decimal(k / total * 100) for k in ks)
        return values, ("", "", ""), to_decimal((start - rng.randint(0, 2)) / total * 100), "", False
    base = rng.uniform(74, 88)
    values = tuple(to_decimal(min(100.0, base + i * rng.uniform(2, 4))) for i in range(3))
    return values, ("", "", ""), to_decimal(min(100.0, base + rng.uniform(2, 12))), "", False


def _targets_node(tmpl: IndikatorTemplate, rng: random.Random, jumlah_desa: int):
    """Program/kegiatan indicators: Randuagung's targets (mostly 100%), desa percentages re-based."""
    if "desa yang menetapkan" in tmpl.uraian.lower():
        values = tuple(to_decimal(min(jumlah_desa, rng.randint(jumlah_desa - 2, jumlah_desa)) / jumlah_desa * 100)
                       for _ in TAHUN)
        return values, D(100)
    values = tuple(v if v is not None else None for v in tmpl.target)
    return values, (D(100) if tmpl.satuan.lower() == "persen" else values[0])


def plan_kecamatan(kecamatan: Kecamatan, template: Template, katalog: Katalog, seed: int,
                   sampai: datetime.date) -> Plan:
    rng = random.Random(f"{seed}:{kecamatan.kabupaten.slug}:{kecamatan.slug}")  # names, not ids: same in any database
    profil = rng.choices([p for p, _ in PROFIL], weights=[w for _, w in PROFIL])[0]
    jumlah_desa = kecamatan.jumlah_desa or rng.randint(7, 16)
    indikator = _plan_iku(template, rng, jumlah_desa)
    scale = rng.uniform(0.7, 1.4)  # bigger and smaller kecamatan
    programs = []
    for prog in katalog.programs:
        for tmpl in template.indikator_node.get(prog.kode, ()):
            values, awal = _targets_node(tmpl, rng, jumlah_desa)
            indikator.append(Ind(("program", prog.kode), tmpl, values, ("", "", ""), awal, ""))
        kegiatan_list = []
        for keg in katalog.kegiatan.get(prog.pk, ()):
            if kegiatan_list and rng.random() > 0.88:
                continue
            for tmpl in template.indikator_node.get(keg.kode, ()):
                values, awal = _targets_node(tmpl, rng, jumlah_desa)
                indikator.append(Ind(("kegiatan", keg.kode), tmpl, values, ("", "", ""), awal, ""))
            subs = []
            for sub in katalog.sub.get(keg.pk, ()):
                if subs and rng.random() > 0.7:
                    continue
                subs.append(_plan_sub(sub, rng, scale, sampai, indikator))
            kegiatan_list.append((keg, subs))
        programs.append((prog, kegiatan_list))
    return Plan(kecamatan, rng, profil, len(template.sasaran), programs, indikator)


def _plan_iku(template: Template, rng: random.Random, jumlah_desa: int) -> list[Ind]:
    """The tujuan and sasaran indicators (the IKU), in template order."""
    indikator: list[Ind] = []
    for tmpl in template.tujuan_indikator:
        values, labels, awal, awal_label, akhir = _targets_iku(tmpl, rng, jumlah_desa)
        indikator.append(Ind(("tujuan", 0), tmpl, values, labels, awal, awal_label, hanya_akhir_tahun=akhir))
    for s_no, (_, inds) in enumerate(template.sasaran):
        for tmpl in inds:
            values, labels, awal, awal_label, akhir = _targets_iku(tmpl, rng, jumlah_desa)
            indikator.append(Ind(("sasaran", s_no), tmpl, values, labels, awal, awal_label, hanya_akhir_tahun=akhir))
    return indikator


def _plan_sub(sub: Nomenklatur, rng: random.Random, scale: float, sampai: datetime.date, indikator: list[Ind]) -> Sub:
    """A sub-kegiatan with the catalog's indicator (appended to `indikator`) and its pagu per year:
    the Renstra's, the Renja's once set (the year before) and the Perubahan's after September."""
    satuan = sub.satuan or "Laporan"
    low, high = SATUAN_RANGE.get(satuan.lower(), (1, 6))
    level = rng.randint(low, high)
    values = tuple(D(level if is_level_count(satuan) else max(1, level + rng.randint(-1, 1)))
                   for _ in TAHUN)
    tmpl = IndikatorTemplate(uraian=sub.indikator or f"Jumlah Laporan {sub.nama}", satuan=satuan)
    indikator.append(Ind(("subkegiatan", sub.kode), tmpl, values, ("", "", ""), values[0], ""))
    if sub.kode.endswith("2.02.0001"):  # gaji dan tunjangan ASN: the bulk of the budget
        base = rng.uniform(0.9e9, 1.6e9) * scale
    else:
        base = rng.choice([rng.uniform(2e6, 15e6), rng.uniform(10e6, 60e6), rng.uniform(30e6, 120e6)])
    pagu: dict[tuple[int, str], Decimal] = {}
    renja_dana: dict[int, Decimal] = {}
    for i, tahun in enumerate(TAHUN):
        renstra = base * (1.05 ** i) * rng.uniform(0.9, 1.1)
        renja = renstra * rng.uniform(0.85, 1.08)
        perubahan = renja * rng.uniform(0.9, 1.05)
        pagu[(tahun, Pagu.Tahap.RENSTRA)] = round_rp(renstra)
        renja_dana[tahun] = round_rp(renja)
        if tenggat("renja", tahun) < sampai:  # the Renja/DPA of the year is set the year before
            pagu[(tahun, Pagu.Tahap.RENJA)] = renja_dana[tahun]
        if datetime.date(tahun, 9, 30) < sampai:  # the budget revision (P-APBD) in September
            pagu[(tahun, Pagu.Tahap.PERUBAHAN)] = round_rp(perubahan)
    return Sub(sub, pagu, renja_dana)
