"""Checks of the yearly performance documents against the plans and the money: the Perjanjian
Kinerja (awal against the Renja/Renstra targets and the Renja money, perubahan against the budget
revision), the IKU sheet against the PK, and the LKj against the triwulan realizations. Pure.

What the app computes cannot disagree and is not checked: every budget in the PK, LKj Tabel 2.3,
2.4 and 3.9 (rolled up from sub-kegiatan Pagu, L-1 … L-12, L-14), capaian, criteria, efisiensi
(L-15 … L-17) and the year's realisasi (from the triwulan)."""

from __future__ import annotations

from collections import defaultdict

from kecamatan.checks.base import GALAT, PERINGATAN, Temuan, aturan
from kecamatan.checks.data import TW_ROMAWI, PeriksaData, tautan_indikator, tautan_pk, tautan_realisasi
from kecamatan.checks.nilai import rp, sama_dibulatkan, teks
from kecamatan.core.computations import ZERO
from kecamatan.lkj.data import AWAL, PERUBAHAN, kinerja_items

VERSI_LABEL = {AWAL: "awal", PERUBAHAN: "perubahan"}


def _items(data: PeriksaData, level: str | None = None, *, iku_only: bool = True):
    """The LKj's rows: tujuan indicators and the IKU sasaran indicators (all sasaran indicators when
    none is marked IKU, or with `iku_only=False`)."""
    return [i for i in kinerja_items(data.renstra, iku_only=iku_only) if level is None or i.level == level]


def _label(item) -> str:
    return f"{'Tujuan' if item.level == 'tujuan' else 'Sasaran'} {item.nomor} {item.pernyataan}"


@aturan("pk-target", "Target Perjanjian Kinerja berbeda dengan target Renja/Renstra tahun itu", kasus=("L-18",))
def pk_target(data: PeriksaData):
    n = data.tahun
    for ind, lokasi in data.indikator():
        targets = data.target_pk(ind.id)
        if not targets:
            continue
        renja = data.renja.target_renja_of(ind.id, n)
        if renja.is_empty:
            rencana, sumber = ind.target_of(n), f"target Renstra {n}"
        else:
            rencana, sumber = renja, f"target Renja {n}"
        if rencana.is_empty:
            continue
        for versi, value in targets.items():
            if sama_dibulatkan(value, rencana):
                continue
            if versi == AWAL:
                yield Temuan("pk-target", GALAT, data.kunci_lkj,
                             f"Perjanjian Kinerja awal {n} menjanjikan {teks(value, ind.satuan)} untuk "
                             f"“{ind.uraian}”, padahal {sumber} {teks(rencana, ind.satuan)}. PK awal "
                             "menetapkan target yang direncanakan.", lokasi.label(), tautan_pk(data, versi))
            else:
                yield Temuan("pk-target", PERINGATAN, data.kunci_lkj,
                             f"Perubahan Perjanjian Kinerja {n} mengubah target “{ind.uraian}” menjadi "
                             f"{teks(value, ind.satuan)}, sedangkan {sumber} {teks(rencana, ind.satuan)}: sesuaikan "
                             "Renstra/Renja bila target memang berubah.", lokasi.label(), tautan_pk(data, versi))


@aturan("pk-indikator-hilang", "Indikator sasaran (IKU) tidak tercantum dalam Perjanjian Kinerja")
def pk_indikator_hilang(data: PeriksaData):
    for versi, pk in data.lkj.pk.items():
        listed = {indikator_id for indikator_id, _ in pk.target}
        for item in _items(data, "sasaran"):
            if item.indikator.id not in listed:
                yield Temuan("pk-indikator-hilang", PERINGATAN, data.kunci_lkj,
                             f"Indikator “{item.indikator.uraian}” ({_label(item)}) tidak tercantum dalam "
                             f"Perjanjian Kinerja {VERSI_LABEL[versi]} {data.tahun}.", _label(item),
                             tautan_pk(data, versi))


def _program_anggaran(data: PeriksaData, versi: str) -> dict[int, object]:
    amounts = data.lkj.pagu_awal if versi == AWAL else data.lkj.pagu_perubahan
    rolled = data.lkj.rolled(amounts)
    return {program.id: rolled.get(program.key, ZERO) for program in data.renstra.program}


@aturan("pk-program", "Program beranggaran tidak tercantum dalam Perjanjian Kinerja, atau sebaliknya")
def pk_program(data: PeriksaData):
    programs = {p.id: p for p in data.renstra.program}
    for versi, pk in data.lkj.pk.items():
        listed = {program_id for program_id, _ in pk.program}
        anggaran = _program_anggaran(data, versi)
        tahap = "Renja (DPA)" if versi == AWAL else "perubahan"
        for program_id, amount in anggaran.items():
            program = programs[program_id]
            if amount > 0 and program_id not in listed:
                yield Temuan("pk-program", GALAT, data.kunci_lkj,
                             f"Program {program.kode} mempunyai pagu {tahap} {data.tahun} {rp(amount)} tetapi tidak "
                             f"tercantum dalam Perjanjian Kinerja {VERSI_LABEL[versi]}: jumlah PK tidak sama dengan "
                             "anggaran.", f"{program.kode} {program.nama}", tautan_pk(data, versi))
            elif program_id in listed and not amount:
                yield Temuan("pk-program", PERINGATAN, data.kunci_lkj,
                             f"Program {program.kode} tercantum dalam Perjanjian Kinerja {VERSI_LABEL[versi]} "
                             f"{data.tahun} dengan anggaran {rp(amount)}: belum ada pagu {tahap} sub kegiatannya.",
                             f"{program.kode} {program.nama}", tautan_pk(data, versi))


@aturan("pk-perubahan-pagu", "Perjanjian Kinerja perubahan tanpa pagu perubahan, atau sebaliknya")
def pk_perubahan_pagu(data: PeriksaData):
    ada_pk, ada_pagu = PERUBAHAN in data.lkj.pk, bool(data.lkj.pagu_perubahan)
    if ada_pk and not ada_pagu:
        yield Temuan("pk-perubahan-pagu", GALAT, data.kunci_lkj,
                     f"Ada Perubahan Perjanjian Kinerja {data.tahun}, tetapi belum ada pagu perubahan (DPPA) sub "
                     "kegiatan: semua anggaran perubahannya tercetak 0. Isi pagu perubahan.",
                     f"Perubahan Perjanjian Kinerja {data.tahun}", tautan_pk(data, PERUBAHAN))
    elif ada_pagu and AWAL in data.lkj.pk and not ada_pk:
        yield Temuan("pk-perubahan-pagu", PERINGATAN, data.kunci_lkj,
                     f"Anggaran {data.tahun} sudah diubah (pagu perubahan), tetapi belum ada Perubahan Perjanjian "
                     "Kinerja: LKj membandingkan realisasi dengan anggaran perubahan yang belum diperjanjikan.",
                     f"Perjanjian Kinerja {data.tahun}", tautan_pk(data, PERUBAHAN))


@aturan("pk-awal-dana-renja", "Anggaran program PK awal berbeda dengan kebutuhan dana Renja tahun itu",
        kasus=("L-1",))
def pk_awal_dana_renja(data: PeriksaData):
    if AWAL not in data.lkj.pk or not data.ada_renja:
        return
    members = data.renja.rincian.get(data.tahun, {})
    dana = {sub.id: data.renja.dana(sub) for sub in data.subkegiatan() if sub.id in members}
    renja = data.lkj.rolled(dana)
    pk = _program_anggaran(data, AWAL)
    listed = {program_id for program_id, _ in data.lkj.pk[AWAL].program}
    for program in data.renstra.program:
        if program.id not in listed:
            continue
        a, b = pk[program.id], renja.get(program.key, ZERO)
        if a != b:
            yield Temuan("pk-awal-dana-renja", GALAT, data.kunci_lkj,
                         f"Perjanjian Kinerja awal {data.tahun} mencetak anggaran program {program.kode} {rp(a)} "
                         f"(pagu Renja/DPA), sedangkan Renja {data.tahun} merencanakan {rp(b)} (selisih {rp(a - b)}).",
                         f"{program.kode} {program.nama}", tautan_pk(data, AWAL))


@aturan("iku-pk", "Lembar IKU berbeda dengan Perjanjian Kinerja tahun yang sama")
def iku_pk(data: PeriksaData):
    if not data.iku_ditetapkan or not data.lkj.pk:
        return
    versi = PERUBAHAN if PERUBAHAN in data.lkj.pk else AWAL
    pk = data.lkj.pk[versi]
    n = data.tahun
    iku = [i for i in _items(data, "sasaran") if i.indikator.iku]
    for item in iku:
        ind = item.indikator
        value = pk.target_of(ind.id)
        if value is None:
            continue  # pk-indikator-hilang says it
        target = ind.target_of(n)
        if not sama_dibulatkan(value, target):
            yield Temuan("iku-pk", GALAT, data.kunci_lkj,
                         f"Lembar IKU {n} mencetak target “{ind.uraian}” {teks(target, ind.satuan)}, Perjanjian "
                         f"Kinerja {VERSI_LABEL[versi]} {teks(value, ind.satuan)}: dua dokumen yang ditandatangani "
                         "Camat berbeda.", _label(item), tautan_indikator(ind))
    if iku:
        marked = {i.indikator.id for i in iku}
        for item in _items(data, "sasaran", iku_only=False):
            if item.indikator.id not in marked and pk.target_of(item.indikator.id) is not None:
                yield Temuan("iku-pk", PERINGATAN, data.kunci_lkj,
                             f"Indikator “{item.indikator.uraian}” ada dalam Perjanjian Kinerja tetapi tidak "
                             "ditandai IKU, sehingga tidak tercetak di lembar IKU.", _label(item),
                             tautan_indikator(item.indikator))


@aturan("lkj-realisasi", "LKj tanpa realisasi triwulan IV atau dari triwulan yang belum diverifikasi")
def lkj_realisasi(data: PeriksaData):
    if not data.ada_dokumen(data.kunci_lkj):
        return
    n = data.tahun
    for item in _items(data):
        ind = item.indikator
        reported = {t: v for t, v in data.realisasi_tw(ind.id).items() if not v.is_empty}
        if not reported:
            yield Temuan("lkj-realisasi", GALAT, data.kunci_lkj,
                         f"“{ind.uraian}” tidak mempunyai realisasi {n} sama sekali: LKj tidak dapat "
                         "menghitung capaiannya.", _label(item), tautan_realisasi(data, 4))
        elif 4 not in reported:
            last = max(reported)
            yield Temuan("lkj-realisasi", GALAT, data.kunci_lkj,
                         f"Realisasi TW IV {n} “{ind.uraian}” belum diisi: LKj memakai TW {TW_ROMAWI[last]} "
                         f"({teks(reported[last], ind.satuan)}) sebagai realisasi tahunan.", _label(item),
                         tautan_realisasi(data, 4))
    belum = [t for t in (1, 2, 3, 4)
             if (doc := data.dokumen.get(data.kunci_realisasi(t))) is None or doc.status != "diverifikasi"]
    if belum:
        yield Temuan("lkj-realisasi", PERINGATAN, data.kunci_lkj,
                     f"LKj {n} disusun dari realisasi {', '.join('TW ' + TW_ROMAWI[t] for t in belum)} yang belum "
                     "diverifikasi Bappeda.", f"Realisasi {n}", tautan_realisasi(data, belum[0]))


@aturan("lkj-realisasi-anggaran", "Sub kegiatan berpagu tanpa realisasi Rp pada tahun LKj")
def lkj_realisasi_anggaran(data: PeriksaData):
    if not data.ada_dokumen(data.kunci_lkj):
        return
    pagu = data.lkj.pagu_akhir
    per_program = defaultdict(list)
    for program in data.renstra.program:
        for kegiatan in program.children:
            for sub in kegiatan.children:
                if (pagu.get(sub.id) or ZERO) > 0 and data.lkj.realisasi_anggaran.get(sub.id) is None:
                    per_program[program.id].append(sub.kode)
    programs = {p.id: p for p in data.renstra.program}
    for program_id, codes in per_program.items():
        program = programs[program_id]
        yield Temuan("lkj-realisasi-anggaran", PERINGATAN, data.kunci_lkj,
                     f"Program {program.kode}: {len(codes)} sub kegiatan berpagu {data.tahun} tanpa realisasi Rp "
                     f"({', '.join(codes[:3])}{' …' if len(codes) > 3 else ''}); penyerapan LKj menghitungnya 0.",
                     f"{program.kode} {program.nama}", tautan_realisasi(data, 4))

