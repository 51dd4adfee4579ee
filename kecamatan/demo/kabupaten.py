"""Demo data for a whole kabupaten: every kecamatan without a Renstra gets a plausible, generated
one (`manage.py demo_kabupaten`), so the Bappeda comparison has something to compare.

What each generated kecamatan gets, deterministic for a seed and an "as of" date:
- a Renstra 2024-2026 marked `Periode.demo`: Randuagung's tujuan, sasaran and IKU with the same
  wording (so they match across kecamatan), all six programs of the catalog with Randuagung's
  program and kegiatan indicators, most kegiatan and a random subset of their sub-kegiatan with
  the catalog's indicator and satuan; targets per year; pagu per sub-kegiatan for the Renstra,
  Renja and (for past years) Perubahan stages;
- for every triwulan that has ended by the "as of" date: realisasi per indicator and realisasi
  anggaran per sub-kegiatan, and the Realisasi document with its timeline (entered, submitted,
  returned, verified) dated around the deadline (`perbandingan.tenggat`); Renja and LKj documents;
- in each Renja document (one a year) what the office enters, so T-C.33 and the checker see a full
  Renja: every sub-kegiatan planned for the year (lokasi, sumber dana DAU) with its dana (its Pagu
  of tahap renja, no aktivitas) and prakiraan maju n+1 (Pagu prakiraan), and the Renja targets of
  every indicator for n and, as prakiraan maju, n+1, taken over from the Renstra.
Kecamatan differ by a profile: tertib (on time, absorbs 90-99%), lambat (submits late, some
triwulan not yet submitted), lemah (entries missing, drafts left, absorbs 40-70%).

Real data always wins: a kecamatan that has any Renstra period (real or generated) is skipped,
so running it again creates nothing. Everything is written with bulk_create, level by level for
a batch of kecamatan at a time (fast enough for a thousand kecamatan). Bulk writes keep no audit
history (django-simple-history) and name no user: the timelines say "data demo".
"""

from __future__ import annotations

import contextlib
import datetime
import json
import random
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from kecamatan.core import kode as kode_mod
from kecamatan.core.computations import AturanAkhir, default_aturan_akhir
from kecamatan.core.formatting import parse_nilai
from kecamatan.models import (
    Dokumen,
    Indikator,
    Kabupaten,
    Kecamatan,
    Kegiatan,
    Nomenklatur,
    Pagu,
    Periode,
    Program,
    Realisasi,
    RealisasiAnggaran,
    RenjaSubKegiatan,
    Riwayat,
    Sasaran,
    SubKegiatan,
    SumberDana,
    TahapTarget,
    Target,
    TargetRenja,
    Tujuan,
)
from kecamatan.perbandingan.rules import akhir_triwulan, tenggat
from kecamatan.renstra.selectors import TAHAP_TERAKHIR

FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "renstra_randuagung_2024_2026.json"
DEMO_SAMPAI = datetime.date(2026, 11, 15)  # the generated history ends here: deterministic, whatever today is
TAHUN = (2024, 2025, 2026)
PROFIL = (("tertib", 0.55), ("lambat", 0.25), ("lemah", 0.2))
BATCH = 50  # kecamatan per round of bulk inserts
CATATAN = "Data demo (dibangkitkan demo_kabupaten)."
D = Decimal


@dataclass
class HasilDemo:
    created: dict[str, int] = field(default_factory=dict)
    kecamatan: list[str] = field(default_factory=list)

    def add(self, what: str, n: int) -> None:
        if n:
            self.created[what] = self.created.get(what, 0) + n


# --- the template: Randuagung's wording ------------------------------------------------------------------


@dataclass(frozen=True)
class IndikatorTemplate:
    uraian: str
    satuan: str
    formula: str = ""
    penjelasan: str = ""
    iku: bool = False
    sumber_data: str = ""
    penanggung_jawab: str = ""
    target: tuple[Decimal | None, ...] = ()  # Randuagung's targets per year, a guide for the spread


@dataclass(frozen=True)
class Template:
    tujuan: str
    tujuan_indikator: tuple[IndikatorTemplate, ...]
    sasaran: tuple[tuple[str, tuple[IndikatorTemplate, ...]], ...]
    program_sasaran: dict[str, int]  # program code → sasaran number (1-based)
    indikator_node: dict[str, tuple[IndikatorTemplate, ...]]  # program/kegiatan code → indicators


def _ind_template(item: dict) -> IndikatorTemplate:
    return IndikatorTemplate(
        uraian=item["uraian"], satuan=item["satuan"], formula=item.get("formula", ""),
        penjelasan=item.get("penjelasan", ""), iku=item.get("iku", False),
        sumber_data=item.get("sumber_data", ""), penanggung_jawab=item.get("penanggung_jawab", ""),
        target=tuple(parse_nilai(item.get("target", {}).get(str(t))).nilai for t in TAHUN),
    )


def load_template(path: Path = FIXTURE) -> Template:
    data = json.loads(path.read_text(encoding="utf-8"))
    tujuan = data["tujuan"][0]
    indikator_node: dict[str, tuple[IndikatorTemplate, ...]] = {}
    program_sasaran: dict[str, int] = {}
    for p in data["program"]:
        p_kode = kode_mod.parse_kode(p["kode_tercetak"])
        program_sasaran[p_kode] = p.get("sasaran", 1)
        indikator_node[p_kode] = tuple(_ind_template(i) for i in p.get("indikator", []))
        for k in p.get("kegiatan", []):
            k_kode = kode_mod.parse_kode(k["kode_tercetak"], context=p_kode)
            indikator_node[k_kode] = tuple(_ind_template(i) for i in k.get("indikator", []))
    return Template(
        tujuan=tujuan["uraian"], tujuan_indikator=tuple(_ind_template(i) for i in tujuan.get("indikator", [])),
        sasaran=tuple((s["uraian"], tuple(_ind_template(i) for i in s.get("indikator", [])))
                      for s in tujuan.get("sasaran", [])),
        program_sasaran=program_sasaran, indikator_node=indikator_node,
    )


@dataclass(frozen=True)
class Katalog:
    programs: tuple[Nomenklatur, ...]
    kegiatan: dict[int, tuple[Nomenklatur, ...]]  # program nomenklatur id → kegiatan
    sub: dict[int, tuple[Nomenklatur, ...]]  # kegiatan nomenklatur id → sub-kegiatan


def load_katalog() -> Katalog:
    rows = list(Nomenklatur.objects.filter(aktif=True).order_by("kode"))
    by_parent: dict[int, list[Nomenklatur]] = {}
    for n in rows:
        if n.parent_id:
            by_parent.setdefault(n.parent_id, []).append(n)
    programs = tuple(n for n in rows if n.level == kode_mod.PROGRAM)
    return Katalog(
        programs=programs,
        kegiatan={p.pk: tuple(by_parent.get(p.pk, ())) for p in programs},
        sub={k.pk: tuple(by_parent.get(k.pk, ())) for p in programs for k in by_parent.get(p.pk, ())},
    )


# --- numbers ---------------------------------------------------------------------------------------------


def _d(value: float, places: int = 2) -> Decimal:
    return D(str(round(value, places)))


def _rp(value: float) -> Decimal:
    return D(int(round(value / 1000.0)) * 1000)


def _grade(ipp: Decimal) -> str:
    return "B" if ipp >= D("70.5") else "B-" if ipp >= 60 else "C" if ipp >= 50 else "D"


SATUAN_RANGE = {  # plausible yearly targets of sub-kegiatan indicators by satuan
    "orang/bulan": (8, 16), "dokumen": (1, 12), "laporan": (1, 12), "paket": (1, 8), "unit": (1, 4),
    "keluarga": (20, 80), "orang": (20, 100), "lembaga kemasyarakatan": (4, 16),
}


def _is_level_count(satuan: str) -> bool:
    """Staff counted per month stay level over the year (11 orang every triwulan), not summed."""
    return "/bulan" in satuan.lower()


# --- one kecamatan's plan -------------------------------------------------------------------------------


@dataclass
class _Ind:
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
class _Sub:
    nomenklatur: Nomenklatur
    pagu: dict[tuple[int, str], Decimal]
    renja: dict[int, Decimal]  # the Renja dana of every year, written as Pagu(renja) once its Renja is drafted
    obj: SubKegiatan | None = None


@dataclass
class _Plan:
    kecamatan: Kecamatan
    rng: random.Random
    profil: str
    sasaran_count: int
    programs: list[tuple[Nomenklatur, list[tuple[Nomenklatur, list[_Sub]]]]]
    indikator: list[_Ind]
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
        values = tuple(_d(round((base + 2 * i) * 2) / 2, 1) for i in range(3))
        return values, tuple(_grade(v) for v in values), None, "-", True
    if "desa" in uraian:  # k of 3 × desa documents on time: multiples of 100 / (3 × desa)
        total = 3 * jumlah_desa
        start = rng.randint(int(total * 0.72), int(total * 0.9))
        ks = [min(total, start + i * rng.randint(0, 2)) for i in range(3)]
        values = tuple(_d(k / total * 100) for k in ks)
        return values, ("", "", ""), _d((start - rng.randint(0, 2)) / total * 100), "", False
    base = rng.uniform(74, 88)
    values = tuple(_d(min(100.0, base + i * rng.uniform(2, 4))) for i in range(3))
    return values, ("", "", ""), _d(min(100.0, base + rng.uniform(2, 12))), "", False


def _targets_node(tmpl: IndikatorTemplate, rng: random.Random, jumlah_desa: int):
    """Program/kegiatan indicators: Randuagung's targets (mostly 100%), desa percentages re-based."""
    if "desa yang menetapkan" in tmpl.uraian.lower():
        values = tuple(_d(min(jumlah_desa, rng.randint(jumlah_desa - 2, jumlah_desa)) / jumlah_desa * 100)
                       for _ in TAHUN)
        return values, D(100)
    values = tuple(v if v is not None else None for v in tmpl.target)
    return values, (D(100) if tmpl.satuan.lower() == "persen" else values[0])


def _plan(kecamatan: Kecamatan, template: Template, katalog: Katalog, seed: int, sampai: datetime.date) -> _Plan:
    rng = random.Random(f"{seed}:{kecamatan.kabupaten.slug}:{kecamatan.slug}")  # names, not ids: same in any database
    profil = rng.choices([p for p, _ in PROFIL], weights=[w for _, w in PROFIL])[0]
    jumlah_desa = kecamatan.jumlah_desa or rng.randint(7, 16)
    indikator: list[_Ind] = []
    for tmpl in template.tujuan_indikator:
        values, labels, awal, awal_label, akhir = _targets_iku(tmpl, rng, jumlah_desa)
        indikator.append(_Ind(("tujuan", 0), tmpl, values, labels, awal, awal_label, hanya_akhir_tahun=akhir))
    for s_no, (_, inds) in enumerate(template.sasaran):
        for tmpl in inds:
            values, labels, awal, awal_label, akhir = _targets_iku(tmpl, rng, jumlah_desa)
            indikator.append(_Ind(("sasaran", s_no), tmpl, values, labels, awal, awal_label, hanya_akhir_tahun=akhir))
    scale = rng.uniform(0.7, 1.4)  # bigger and smaller kecamatan
    programs = []
    for prog in katalog.programs:
        for tmpl in template.indikator_node.get(prog.kode, ()):
            values, awal = _targets_node(tmpl, rng, jumlah_desa)
            indikator.append(_Ind(("program", prog.kode), tmpl, values, ("", "", ""), awal, ""))
        kegiatan_list = []
        for keg in katalog.kegiatan.get(prog.pk, ()):
            if kegiatan_list and rng.random() > 0.88:
                continue
            for tmpl in template.indikator_node.get(keg.kode, ()):
                values, awal = _targets_node(tmpl, rng, jumlah_desa)
                indikator.append(_Ind(("kegiatan", keg.kode), tmpl, values, ("", "", ""), awal, ""))
            subs = []
            for sub in katalog.sub.get(keg.pk, ()):
                if subs and rng.random() > 0.7:
                    continue
                satuan = sub.satuan or "Laporan"
                low, high = SATUAN_RANGE.get(satuan.lower(), (1, 6))
                level = rng.randint(low, high)
                values = tuple(D(level if _is_level_count(satuan) else max(1, level + rng.randint(-1, 1)))
                               for _ in TAHUN)
                tmpl = IndikatorTemplate(uraian=sub.indikator or f"Jumlah Laporan {sub.nama}", satuan=satuan)
                indikator.append(_Ind(("subkegiatan", sub.kode), tmpl, values, ("", "", ""), values[0], ""))
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
                    pagu[(tahun, Pagu.Tahap.RENSTRA)] = _rp(renstra)
                    renja_dana[tahun] = _rp(renja)
                    if tenggat("renja", tahun) < sampai:  # the Renja/DPA of the year is set the year before
                        pagu[(tahun, Pagu.Tahap.RENJA)] = renja_dana[tahun]
                    if datetime.date(tahun, 9, 30) < sampai:  # the budget revision (P-APBD) in September
                        pagu[(tahun, Pagu.Tahap.PERUBAHAN)] = _rp(perubahan)
                subs.append(_Sub(sub, pagu, renja_dana))
            kegiatan_list.append((keg, subs))
        programs.append((prog, kegiatan_list))
    return _Plan(kecamatan, rng, profil, len(template.sasaran), programs, indikator)


# --- what happened each triwulan ---------------------------------------------------------------------------


def _moment(day: datetime.date, rng: random.Random) -> datetime.datetime:
    naive = datetime.datetime.combine(day, datetime.time(rng.randint(8, 15), rng.randint(0, 59)))
    return timezone.make_aware(naive)


@dataclass
class _Doc:
    jenis: str
    tahun: int | None
    triwulan: int | None
    status: str
    events: list[tuple[datetime.date, str, str, str]]  # (day, aksi, dari, ke)
    terisi: float = 1.0  # share of indicators entered (realisasi)


def _timeline(rng: random.Random, profil: str, batas: datetime.date, mulai: datetime.date,
              sampai: datetime.date, jenis: str, tahun, tw) -> _Doc | None:
    """The workflow of one document, cut at `sampai`: entered, submitted, maybe returned, verified."""
    S = Dokumen.Status
    A = Riwayat.Aksi
    if profil == "tertib":
        diisi = batas - datetime.timedelta(days=rng.randint(8, 25))
        ajukan = batas + datetime.timedelta(days=rng.randint(-9, 1))  # now and then a day late
    elif profil == "lambat":  # late more often than not
        diisi = batas - datetime.timedelta(days=rng.randint(-5, 12))
        ajukan = batas + datetime.timedelta(days=rng.randint(-6, 45))
    else:
        if rng.random() < 0.2:
            return None  # nothing entered at all
        diisi = batas - datetime.timedelta(days=rng.randint(-20, 10))
        ajukan = batas + datetime.timedelta(days=rng.randint(-3, 70)) if rng.random() < 0.6 else None
    diisi = max(diisi, mulai)
    if diisi >= sampai:
        return None
    events = [(diisi, A.BUAT, "", S.DRAFT), (diisi, A.UBAH, S.DRAFT, S.DRAFT)]
    if ajukan is None or ajukan >= sampai:
        terisi = 1.0 if profil == "tertib" else rng.uniform(0.55, 0.95)
        return _Doc(jenis, tahun, tw, S.DRAFT, events, terisi)
    ajukan = max(ajukan, diisi)
    events.append((ajukan, A.AJUKAN, S.DRAFT, S.DIAJUKAN))
    status = S.DIAJUKAN
    day = ajukan + datetime.timedelta(days=rng.randint(2, 14))
    if rng.random() < 0.12 and day < sampai:  # returned with a note, fixed, submitted again
        events.append((day, A.KEMBALIKAN, S.DIAJUKAN, S.DIKEMBALIKAN))
        status = S.DIKEMBALIKAN
        fix = day + datetime.timedelta(days=rng.randint(1, 10))
        if fix < sampai:
            events.append((fix, A.UBAH, S.DIKEMBALIKAN, S.DRAFT))
            status = S.DRAFT
            again = fix + datetime.timedelta(days=rng.randint(0, 3))
            if again < sampai:
                events.append((again, A.AJUKAN, S.DRAFT, S.DIAJUKAN))
                status = S.DIAJUKAN
                day = again + datetime.timedelta(days=rng.randint(2, 10))
    if status == S.DIAJUKAN and day < sampai and rng.random() < 0.92:
        events.append((day, A.VERIFIKASI, S.DIAJUKAN, S.DIVERIFIKASI))
        status = S.DIVERIFIKASI
    return _Doc(jenis, tahun, tw, status, events)


def _documents(plan: _Plan, sampai: datetime.date) -> list[_Doc]:
    rng, profil = plan.rng, plan.profil
    A, S = Riwayat.Aksi, Dokumen.Status
    renstra_day = datetime.date(2023, 5, rng.randint(8, 28))
    docs = [_Doc(Dokumen.Jenis.RENSTRA, None, None, S.DIVERIFIKASI, [
        (renstra_day, A.BUAT, "", S.DRAFT), (renstra_day, A.UBAH, S.DRAFT, S.DRAFT),
        (renstra_day + datetime.timedelta(days=10), A.AJUKAN, S.DRAFT, S.DIAJUKAN),
        (renstra_day + datetime.timedelta(days=20), A.VERIFIKASI, S.DIAJUKAN, S.DIVERIFIKASI),
    ])]
    for tahun in TAHUN:
        batas = tenggat("renja", tahun)
        doc = _timeline(rng, "lambat" if profil == "lambat" else "tertib", batas, batas - datetime.timedelta(60),
                        sampai, Dokumen.Jenis.RENJA, tahun, None)
        if doc:
            docs.append(doc)
        for tw in (1, 2, 3, 4):
            akhir = akhir_triwulan(tahun, tw)
            if akhir >= sampai:
                break
            doc = _timeline(rng, profil, tenggat("realisasi", tahun, tw), akhir - datetime.timedelta(days=20),
                            sampai, Dokumen.Jenis.REALISASI, tahun, tw)
            if doc:
                docs.append(doc)
        batas = tenggat("lkj", tahun)
        if batas - datetime.timedelta(days=30) < sampai:
            doc = _timeline(rng, profil, batas, datetime.date(tahun + 1, 1, 10), sampai, Dokumen.Jenis.LKJ, tahun, None)
            if doc:
                docs.append(doc)
    return docs


def _realisasi_values(ind: _Ind, tahun: int, kinerja: float, rng: random.Random) -> list[tuple]:
    """(triwulan, nilai, label, keterangan) for the four triwulan of a year: levels reported
    cumulative-to-date (Jatiroto 2024: 14,62 | 14,62 | 41 | 87,72), counts per quarter."""
    target = ind.target[TAHUN.index(tahun)]
    if target is None:
        return [(tw, None, "N/A", "Tidak ada target tahun ini.") for tw in (1, 2, 3, 4)]
    aturan = default_aturan_akhir(ind.tmpl.satuan)
    out = []
    if ind.hanya_akhir_tahun:
        for tw in (1, 2, 3):
            out.append((tw, None, "N/A", "Indeks dihitung Bagian Organisasi pada akhir tahun."))
        value = _d(float(target) * kinerja, 2)
        out.append((4, value, _grade(value), ""))
        return out
    if aturan is AturanAkhir.JUMLAH:
        total = max(0, round(float(target) * kinerja))
        shares = [rng.random() + 0.3 for _ in range(4)]
        done = 0
        for tw in (1, 2, 3, 4):
            part = total - done if tw == 4 else min(total - done, round(total * shares[tw - 1] / sum(shares)))
            done += part
            out.append((tw, D(part), "", ""))
        return out
    if _is_level_count(ind.tmpl.satuan):
        return [(tw, D(max(0, int(target) - rng.randint(0, 1))), "", "") for tw in (1, 2, 3, 4)]
    progress = 0.0
    for tw in (1, 2, 3, 4):
        progress = min(1.0, max(progress, tw / 4 + rng.uniform(-0.08, 0.06)))
        value = float(target) * kinerja * (1.0 if tw == 4 else progress)
        out.append((tw, _d(min(value, 100.0) if ind.tmpl.satuan.lower() == "persen" else value), "", ""))
    return out


def _renja_contents(plan: _Plan, dokumen: Dokumen, tahun: int) -> tuple[list, list, list]:
    """What an office enters in its Renja of `tahun`, as `renja.selectors.renja_data` reads it back:
    every sub-kegiatan the Renstra plans for the year (a RenjaSubKegiatan: lokasi, sumber dana),
    its dana (the Pagu of tahap renja, written here when the Renja is drafted before its deadline)
    and prakiraan maju n+1 (Pagu prakiraan: the Renstra's pagu indikatif of n+1; past the period the
    last year's, grown 5%), and the Renja targets of every indicator: the Renstra's of n (tahap
    renja) and of n+1 (tahap prakiraan; past the period the last year's level). No aktivitas: the
    dana of a sub-kegiatan without them is its Pagu."""
    R, PR = Pagu.Tahap.RENSTRA, Pagu.Tahap.PRAKIRAAN
    lokasi = f"Kab. {plan.kecamatan.kabupaten.nama}, Kec. {plan.kecamatan.nama}"
    rincian, pagu = [], []
    for _, kegs in plan.programs:
        for _, subs in kegs:
            for s in subs:
                if (tahun, R) not in s.pagu:
                    continue
                rincian.append(RenjaSubKegiatan(dokumen=dokumen, subkegiatan=s.obj, lokasi=lokasi,
                                                sumber_dana=SumberDana.DAU))
                if (tahun, Pagu.Tahap.RENJA) not in s.pagu:
                    pagu.append(Pagu(subkegiatan=s.obj, tahun=tahun, tahap=Pagu.Tahap.RENJA, jumlah=s.renja[tahun]))
                maju = s.pagu.get((tahun + 1, R)) or _rp(float(s.pagu[(TAHUN[-1], R)]) * 1.05)
                pagu.append(Pagu(subkegiatan=s.obj, tahun=tahun + 1, tahap=PR, jumlah=maju))
    i = TAHUN.index(tahun)
    years = ((tahun, TahapTarget.RENJA, i), (tahun + 1, TahapTarget.PRAKIRAAN, min(i + 1, len(TAHUN) - 1)))
    targets = []
    for ind in plan.indikator:
        if ind.obj is None:
            continue
        for year, tahap, j in years:
            if ind.target[j] is not None or ind.label[j]:
                targets.append(TargetRenja(indikator=ind.obj, tahun=year, tahap=tahap, nilai=ind.target[j],
                                           label=ind.label[j]))
    return rincian, targets, pagu


# --- writing ----------------------------------------------------------------------------------------------


@contextlib.contextmanager
def _keep_given_waktu():
    """Riwayat.waktu is auto_now_add; the generated timelines carry their own dates."""
    field_ = Riwayat._meta.get_field("waktu")
    field_.auto_now_add = False
    try:
        yield
    finally:
        field_.auto_now_add = True


def _write(plans: list[_Plan], template: Template, sampai: datetime.date, hasil: HasilDemo) -> None:
    periodes = Periode.objects.bulk_create([
        Periode(kecamatan=p.kecamatan, tahun_mulai=2024, tahun_selesai=2026, tahun_kondisi_awal=2022, demo=True)
        for p in plans
    ])
    for plan, periode in zip(plans, periodes):
        plan.periode = periode
    tujuan = Tujuan.objects.bulk_create([Tujuan(periode=p.periode, urutan=1, uraian=template.tujuan) for p in plans])
    for plan, t in zip(plans, tujuan):
        plan.tujuan = t
    sasaran = Sasaran.objects.bulk_create([
        Sasaran(tujuan=p.tujuan, urutan=i + 1, uraian=uraian) for p in plans
        for i, (uraian, _) in enumerate(template.sasaran)
    ])
    it = iter(sasaran)
    for plan in plans:
        plan.sasaran = [next(it) for _ in template.sasaran]
    programs = Program.objects.bulk_create([
        Program(periode=p.periode, nomenklatur=prog, nama=prog.nama,
                sasaran=p.sasaran[template.program_sasaran.get(prog.kode, 1) - 1] if p.sasaran else None)
        for p in plans for prog, _ in p.programs
    ])
    it = iter(programs)
    for plan in plans:
        plan.program_obj = {prog.kode: next(it) for prog, _ in plan.programs}
    kegiatan = Kegiatan.objects.bulk_create([
        Kegiatan(program=p.program_obj[prog.kode], nomenklatur=keg, nama=keg.nama)
        for p in plans for prog, kegs in p.programs for keg, _ in kegs
    ])
    it = iter(kegiatan)
    for plan in plans:
        plan.kegiatan_obj = {keg.kode: next(it) for _, kegs in plan.programs for keg, _ in kegs}
    subs_plan = [(p, s, keg) for p in plans for _, kegs in p.programs for keg, subs in kegs for s in subs]
    subs = SubKegiatan.objects.bulk_create([
        SubKegiatan(kegiatan=p.kegiatan_obj[keg.kode], nomenklatur=s.nomenklatur, nama=s.nomenklatur.nama)
        for p, s, keg in subs_plan
    ])
    sub_by: dict[tuple[int, str], SubKegiatan] = {}
    for (p, s, _), obj in zip(subs_plan, subs):
        s.obj = obj
        sub_by[(id(p), s.nomenklatur.kode)] = obj
    hasil.add("periode", len(periodes))
    hasil.add("tujuan", len(tujuan))
    hasil.add("sasaran", len(sasaran))
    hasil.add("program", len(programs))
    hasil.add("kegiatan", len(kegiatan))
    hasil.add("subkegiatan", len(subs))

    indikator = []
    for p in plans:
        urutan: dict[tuple, int] = {}
        for ind in p.indikator:
            level, key = ind.owner
            owner = {"tujuan": lambda: p.tujuan, "sasaran": lambda: p.sasaran[key],
                     "program": lambda: p.program_obj[key], "kegiatan": lambda: p.kegiatan_obj.get(key),
                     "subkegiatan": lambda: sub_by.get((id(p), key))}[level]()
            if owner is None:
                continue
            urutan[ind.owner] = urutan.get(ind.owner, 0) + 1
            sumber = ind.tmpl.sumber_data.replace("Randuagung", p.kecamatan.nama)
            ind.obj = Indikator(
                periode=p.periode, **{level: owner}, urutan=urutan[ind.owner], uraian=ind.tmpl.uraian,
                satuan=ind.tmpl.satuan, formula=ind.tmpl.formula, penjelasan=ind.tmpl.penjelasan, iku=ind.tmpl.iku,
                sumber_data=sumber, penanggung_jawab=ind.tmpl.penanggung_jawab, polaritas=ind.polaritas,
                kondisi_awal=ind.kondisi_awal, kondisi_awal_label=ind.kondisi_awal_label,
            )
            indikator.append(ind.obj)
    Indikator.objects.bulk_create(indikator, batch_size=2000)
    hasil.add("indikator", len(indikator))

    targets, pagu = [], []
    for p in plans:
        for ind in p.indikator:
            if ind.obj is None:
                continue
            for i, tahun in enumerate(TAHUN):
                if ind.target[i] is not None or ind.label[i]:
                    targets.append(Target(indikator=ind.obj, tahun=tahun, nilai=ind.target[i], label=ind.label[i]))
        for _, kegs in p.programs:
            for _, subs_ in kegs:
                for s in subs_:
                    pagu.extend(Pagu(subkegiatan=s.obj, tahun=t, tahap=tahap, jumlah=amount)
                                for (t, tahap), amount in s.pagu.items())
    Target.objects.bulk_create(targets, batch_size=5000)
    Pagu.objects.bulk_create(pagu, batch_size=5000)
    hasil.add("target", len(targets))
    hasil.add("pagu", len(pagu))

    dokumen, riwayat_plan, realisasi, anggaran, renja_plan = [], [], [], [], []
    for p in plans:
        rng = p.rng
        bias = {"tertib": 0.0, "lambat": -0.03, "lemah": -0.12}[p.profil]
        kinerja = {(id(ind), t): min(1.18, max(0.45, rng.gauss(0.97 + bias, 0.07)))
                   for ind in p.indikator for t in TAHUN}
        serap = {t: rng.uniform(*{"tertib": (0.9, 0.99), "lambat": (0.8, 0.96), "lemah": (0.4, 0.72)}[p.profil])
                 for t in TAHUN}
        values = {(id(ind), t): _realisasi_values(ind, t, kinerja[(id(ind), t)], rng)
                  for ind in p.indikator if ind.obj is not None for t in TAHUN}
        for doc in _documents(p, sampai):
            obj = Dokumen(periode=p.periode, jenis=doc.jenis, tahun=doc.tahun, triwulan=doc.triwulan,
                          status=doc.status, versi=sum(1 for e in doc.events if e[1] == Riwayat.Aksi.UBAH))
            dokumen.append(obj)
            riwayat_plan.append((obj, doc.events, rng))
            if doc.jenis == Dokumen.Jenis.RENJA:
                renja_plan.append((p, obj, doc.tahun))
            if doc.jenis != Dokumen.Jenis.REALISASI:
                continue
            for ind in p.indikator:
                if ind.obj is None or (doc.terisi < 1 and rng.random() > doc.terisi):
                    continue  # a draft with entries still missing
                tw, nilai, label, keterangan = values[(id(ind), doc.tahun)][doc.triwulan - 1]
                realisasi.append(Realisasi(indikator=ind.obj, tahun=doc.tahun, triwulan=tw, nilai=nilai, label=label,
                                           keterangan=keterangan))
            shares = (0.14, 0.25, 0.27, 0.34)
            for _, kegs in p.programs:
                for _, subs_ in kegs:
                    for s in subs_:
                        if doc.terisi < 1 and rng.random() > doc.terisi:
                            continue
                        latest = next(s.pagu[(doc.tahun, t)] for t in TAHAP_TERAKHIR if (doc.tahun, t) in s.pagu)
                        share = 0.25 if s.nomenklatur.kode.endswith("2.02.0001") else shares[doc.triwulan - 1]
                        amount = float(latest) * share * serap[doc.tahun] * rng.uniform(0.85, 1.1)
                        anggaran.append(RealisasiAnggaran(subkegiatan=s.obj, tahun=doc.tahun, triwulan=doc.triwulan,
                                                          jumlah=_rp(amount)))
    Dokumen.objects.bulk_create(dokumen, batch_size=5000)
    rincian, target_renja, pagu_renja = [], [], []
    for p, obj, tahun in renja_plan:
        rows = _renja_contents(p, obj, tahun)
        rincian += rows[0]
        target_renja += rows[1]
        pagu_renja += rows[2]
    RenjaSubKegiatan.objects.bulk_create(rincian, batch_size=5000)
    TargetRenja.objects.bulk_create(target_renja, batch_size=5000)
    Pagu.objects.bulk_create(pagu_renja, batch_size=5000)
    Realisasi.objects.bulk_create(realisasi, batch_size=5000)
    RealisasiAnggaran.objects.bulk_create(anggaran, batch_size=5000)
    riwayat = []
    for obj, events, rng in riwayat_plan:
        versi = 0
        for day, aksi, dari, ke in events:
            if aksi == Riwayat.Aksi.UBAH:
                versi += 1
            riwayat.append(Riwayat(
                dokumen=obj, aksi=aksi, dari_status=dari, ke_status=ke, waktu=_moment(day, rng), versi=versi,
                catatan=("Mohon lengkapi keterangan realisasi dan bukti dukung." if aksi == Riwayat.Aksi.KEMBALIKAN
                         else CATATAN),
            ))
    with _keep_given_waktu():
        Riwayat.objects.bulk_create(riwayat, batch_size=5000)
    hasil.add("dokumen", len(dokumen))
    hasil.add("riwayat", len(riwayat))
    hasil.add("realisasi", len(realisasi))
    hasil.add("realisasi anggaran", len(anggaran))
    hasil.add("rincian renja", len(rincian))
    hasil.add("target renja", len(target_renja))
    hasil.add("pagu", len(pagu_renja))


def bangun_demo(kecamatan: Iterable[Kecamatan], *, seed: int = 1, sampai: datetime.date = DEMO_SAMPAI,
                hasil: HasilDemo | None = None) -> HasilDemo:
    """Generate a Renstra with its history for each kecamatan given that has no Renstra yet."""
    hasil = hasil or HasilDemo()
    kecamatan = list(kecamatan)
    taken = set(Periode.objects.filter(kecamatan__in=kecamatan).values_list("kecamatan_id", flat=True))
    todo = [k for k in kecamatan if k.pk not in taken]
    if not todo:
        return hasil
    template = load_template()
    katalog = load_katalog()
    for start in range(0, len(todo), BATCH):
        batch = todo[start:start + BATCH]
        plans = [_plan(k, template, katalog, seed, sampai) for k in batch]
        with transaction.atomic():
            _write(plans, template, sampai, hasil)
        hasil.kecamatan.extend(k.nama for k in batch)
    refresh_planner_statistics()
    return hasil


def refresh_planner_statistics() -> None:
    """After a bulk load, let PostgreSQL's planner see the new row counts (ANALYZE). Without it a
    fresh database (a new installation, the test database) still believes the tables are empty and
    plans the comparison's aggregate joins as nested loops: minutes instead of milliseconds.
    ANALYZE may run inside a transaction and then sees the rows written in it."""
    if connection.vendor != "postgresql":
        return
    tables = [m._meta.db_table for m in (Periode, Program, Kegiatan, SubKegiatan, Indikator, Target, Pagu,
                                        Dokumen, Realisasi, RealisasiAnggaran, Riwayat, RenjaSubKegiatan,
                                        TargetRenja)]
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f'ANALYZE "{table}"')


def demo_kabupaten(kabupaten: Kabupaten, *, seed: int = 1, sampai: datetime.date = DEMO_SAMPAI) -> HasilDemo:
    """Every kecamatan of the kabupaten without a Renstra gets a generated one."""
    return bangun_demo(Kecamatan.objects.filter(kabupaten=kabupaten).select_related("kabupaten").order_by("nama"),
                       seed=seed, sampai=sampai)


def kabupaten_sintetis(n: int, *, per_kabupaten: int = 21, seed: int = 1, sampai: datetime.date = DEMO_SAMPAI,
                       mulai: int = 1) -> HasilDemo:
    """N synthetic kabupaten (`sintetis-001` …) of `per_kabupaten` kecamatan each, all generated:
    data sets for benchmarks and query-count tests. Idempotent like the rest."""
    hasil = HasilDemo()
    for i in range(mulai, mulai + n):
        kab, created = Kabupaten.objects.get_or_create(
            slug=f"sintetis-{i:03d}", defaults={"nama": f"Sintetis {i:03d}", "provinsi": "Provinsi Uji", "demo": True}
        )
        hasil.add("kabupaten", int(created))
        existing = set(Kecamatan.objects.filter(kabupaten=kab).values_list("slug", flat=True))
        new = [Kecamatan(kabupaten=kab, nama=f"Sintetis {i:03d}-{j:03d}", slug=f"sintetis-{i:03d}-{j:03d}")
               for j in range(1, per_kabupaten + 1) if f"sintetis-{i:03d}-{j:03d}" not in existing]
        Kecamatan.objects.bulk_create(new)
        hasil.add("kecamatan", len(new))
        bangun_demo(Kecamatan.objects.filter(kabupaten=kab).select_related("kabupaten").order_by("nama"), seed=seed,
                    sampai=sampai, hasil=hasil)
    return hasil
