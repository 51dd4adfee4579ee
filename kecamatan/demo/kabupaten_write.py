"""Writes a batch of generated kecamatan: the Renstra cascade with indicators, targets and pagu,
then the documents with their timelines, realisasi, realisasi anggaran and Renja contents. One
bulk INSERT per table and level for the whole batch; bulk writes keep no audit history
(django-simple-history) and name no user: the timelines say "data demo"."""

from __future__ import annotations

import contextlib
import datetime
import random
from dataclasses import dataclass, field

from kecamatan.demo.kabupaten_plan import Plan, round_rp
from kecamatan.demo.kabupaten_template import TAHUN, Template
from kecamatan.demo.kabupaten_timeline import documents, moment, realisasi_values
from kecamatan.models import (
    Dokumen,
    Indikator,
    Kegiatan,
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
from kecamatan.renstra.selectors import TAHAP_TERAKHIR

CATATAN = "Data demo (dibangkitkan otomatis)."


@dataclass
class HasilDemo:
    created: dict[str, int] = field(default_factory=dict)
    kecamatan: list[str] = field(default_factory=list)

    def add(self, what: str, n: int) -> None:
        if n:
            self.created[what] = self.created.get(what, 0) + n


def _renja_contents(plan: Plan, dokumen: Dokumen, tahun: int) -> tuple[list, list, list]:
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
                maju = s.pagu.get((tahun + 1, R)) or round_rp(float(s.pagu[(TAHUN[-1], R)]) * 1.05)
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


@contextlib.contextmanager
def _keep_given_waktu():
    """Riwayat.waktu is auto_now_add; the generated timelines carry their own dates."""
    field_ = Riwayat._meta.get_field("waktu")
    field_.auto_now_add = False
    try:
        yield
    finally:
        field_.auto_now_add = True


def write_plans(plans: list[Plan], template: Template, sampai: datetime.date, hasil: HasilDemo) -> None:
    """Everything the plans say, level by level (each level's ids feed the next)."""
    sub_by = _write_cascade(plans, template, hasil)
    _write_indikator(plans, sub_by, hasil)
    _write_target_pagu(plans, hasil)
    _write_documents(plans, sampai, hasil)


def _write_cascade(plans: list[Plan], template: Template, hasil: HasilDemo) -> dict[tuple[int, str], SubKegiatan]:
    """Periode, tujuan, sasaran, program, kegiatan and sub-kegiatan; the sub-kegiatan by (plan, code)."""
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
    return sub_by


def _write_indikator(plans: list[Plan], sub_by: dict[tuple[int, str], SubKegiatan], hasil: HasilDemo) -> None:
    """Every planned indicator whose owner was written, numbered per owner."""
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


def _write_target_pagu(plans: list[Plan], hasil: HasilDemo) -> None:
    """The Renstra targets per year and the pagu per year and stage."""
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


@dataclass
class _Rows:
    """A batch's documents and what hangs on them, collected before their bulk INSERTs."""

    dokumen: list[Dokumen] = field(default_factory=list)
    riwayat: list[tuple[Dokumen, list, random.Random]] = field(default_factory=list)  # (document, events, rng)
    realisasi: list[Realisasi] = field(default_factory=list)
    anggaran: list[RealisasiAnggaran] = field(default_factory=list)
    renja: list[tuple[Plan, Dokumen, int]] = field(default_factory=list)  # (plan, document, tahun)


def _write_documents(plans: list[Plan], sampai: datetime.date, hasil: HasilDemo) -> None:
    """The documents up to `sampai` with their timelines, realisasi and Renja contents."""
    rows = _Rows()
    for p in plans:
        _plan_documents(p, sampai, rows)
    Dokumen.objects.bulk_create(rows.dokumen, batch_size=5000)
    rincian, target_renja, pagu_renja = [], [], []
    for p, obj, tahun in rows.renja:
        contents = _renja_contents(p, obj, tahun)
        rincian += contents[0]
        target_renja += contents[1]
        pagu_renja += contents[2]
    RenjaSubKegiatan.objects.bulk_create(rincian, batch_size=5000)
    TargetRenja.objects.bulk_create(target_renja, batch_size=5000)
    Pagu.objects.bulk_create(pagu_renja, batch_size=5000)
    Realisasi.objects.bulk_create(rows.realisasi, batch_size=5000)
    RealisasiAnggaran.objects.bulk_create(rows.anggaran, batch_size=5000)
    riwayat = _riwayat(rows.riwayat)
    with _keep_given_waktu():
        Riwayat.objects.bulk_create(riwayat, batch_size=5000)
    hasil.add("dokumen", len(rows.dokumen))
    hasil.add("riwayat", len(riwayat))
    hasil.add("realisasi", len(rows.realisasi))
    hasil.add("realisasi anggaran", len(rows.anggaran))
    hasil.add("rincian renja", len(rincian))
    hasil.add("target renja", len(target_renja))
    hasil.add("pagu", len(pagu_renja))


def _plan_documents(p: Plan, sampai: datetime.date, rows: _Rows) -> None:
    """One kecamatan's documents; its realisasi follow its profile (kinerja, serapan anggaran)."""
    rng = p.rng
    bias = {"tertib": 0.0, "lambat": -0.03, "lemah": -0.12}[p.profil]
    kinerja = {(id(ind), t): min(1.18, max(0.45, rng.gauss(0.97 + bias, 0.07)))
               for ind in p.indikator for t in TAHUN}
    serap = {t: rng.uniform(*{"tertib": (0.9, 0.99), "lambat": (0.8, 0.96), "lemah": (0.4, 0.72)}[p.profil])
             for t in TAHUN}
    values = {(id(ind), t): realisasi_values(ind, t, kinerja[(id(ind), t)], rng)
              for ind in p.indikator if ind.obj is not None for t in TAHUN}
    for doc in documents(p, sampai):
        obj = Dokumen(periode=p.periode, jenis=doc.jenis, tahun=doc.tahun, triwulan=doc.triwulan,
                      status=doc.status, versi=sum(1 for e in doc.events if e[1] == Riwayat.Aksi.UBAH))
        rows.dokumen.append(obj)
        rows.riwayat.append((obj, doc.events, rng))
        if doc.jenis == Dokumen.Jenis.RENJA:
            rows.renja.append((p, obj, doc.tahun))
        if doc.jenis != Dokumen.Jenis.REALISASI:
            continue
        for ind in p.indikator:
            if ind.obj is None or (doc.terisi < 1 and rng.random() > doc.terisi):
                continue  # a draft with entries still missing
            tw, nilai, label, keterangan = values[(id(ind), doc.tahun)][doc.triwulan - 1]
            rows.realisasi.append(Realisasi(indikator=ind.obj, tahun=doc.tahun, triwulan=tw, nilai=nilai, label=label,
                                            keterangan=keterangan))
        _plan_anggaran(p, doc, serap, rows)


def _plan_anggaran(p: Plan, doc, serap: dict[int, float], rows: _Rows) -> None:
    """Realisasi anggaran of a triwulan per sub-kegiatan: a share of its latest pagu (salaries evenly)."""
    rng = p.rng
    shares = (0.14, 0.25, 0.27, 0.34)
    for _, kegs in p.programs:
        for _, subs_ in kegs:
            for s in subs_:
                if doc.terisi < 1 and rng.random() > doc.terisi:
                    continue
                latest = next(s.pagu[(doc.tahun, t)] for t in TAHAP_TERAKHIR if (doc.tahun, t) in s.pagu)
                share = 0.25 if s.nomenklatur.kode.endswith("2.02.0001") else shares[doc.triwulan - 1]
                amount = float(latest) * share * serap[doc.tahun] * rng.uniform(0.85, 1.1)
                rows.anggaran.append(RealisasiAnggaran(subkegiatan=s.obj, tahun=doc.tahun, triwulan=doc.triwulan,
                                                       jumlah=round_rp(amount)))


def _riwayat(planned: list[tuple[Dokumen, list, random.Random]]) -> list[Riwayat]:
    """The Riwayat rows of the timelines, timed within their day by each kecamatan's generator."""
    riwayat = []
    for obj, events, rng in planned:
        versi = 0
        for day, aksi, dari, ke in events:
            if aksi == Riwayat.Aksi.UBAH:
                versi += 1
            riwayat.append(Riwayat(
                dokumen=obj, aksi=aksi, dari_status=dari, ke_status=ke, waktu=moment(day, rng), versi=versi,
                catatan=("Mohon lengkapi keterangan realisasi dan bukti dukung." if aksi == Riwayat.Aksi.KEMBALIKAN
                         else CATATAN),
            ))
    return riwayat
