"""What happened to one generated kecamatan's documents, cut at the "as of" date: each document's
workflow (entered, submitted, maybe returned, verified) dated around its deadline by the
kecamatan's profile, and the realisasi values it reported each triwulan."""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from kecamatan.core.computations import AturanAkhir, default_aturan_akhir
from kecamatan.demo.kabupaten_plan import Ind, Plan, grade, is_level_count, to_decimal
from kecamatan.demo.kabupaten_template import TAHUN
from kecamatan.models import Dokumen, Riwayat
from kecamatan.perbandingan.rules import akhir_triwulan, tenggat

D = Decimal


def moment(day: datetime.date, rng: random.Random) -> datetime.datetime:
    naive = datetime.datetime.combine(day, datetime.time(rng.randint(8, 15), rng.randint(0, 59)))
    return timezone.make_aware(naive)


@dataclass
class Doc:
    jenis: str
    tahun: int | None
    triwulan: int | None
    status: str
    events: list[tuple[datetime.date, str, str, str]]  # (day, aksi, dari, ke)
    terisi: float = 1.0  # share of indicators entered (realisasi)


def _timeline(rng: random.Random, profil: str, batas: datetime.date, mulai: datetime.date,
              sampai: datetime.date, jenis: str, tahun, tw) -> Doc | None:
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
        return Doc(jenis, tahun, tw, S.DRAFT, events, terisi)
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
    return Doc(jenis, tahun, tw, status, events)


def documents(plan: Plan, sampai: datetime.date) -> list[Doc]:
    rng, profil = plan.rng, plan.profil
    A, S = Riwayat.Aksi, Dokumen.Status
    renstra_day = datetime.date(2023, 5, rng.randint(8, 28))
    docs = [Doc(Dokumen.Jenis.RENSTRA, None, None, S.DIVERIFIKASI, [
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


def realisasi_values(ind: Ind, tahun: int, kinerja: float, rng: random.Random) -> list[tuple]:
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
        value = to_decimal(float(target) * kinerja, 2)
        out.append((4, value, grade(value), ""))
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
    if is_level_count(ind.tmpl.satuan):
        return [(tw, D(max(0, int(target) - rng.randint(0, 1))), "", "") for tw in (1, 2, 3, 4)]
    progress = 0.0
    for tw in (1, 2, 3, 4):
        progress = min(1.0, max(progress, tw / 4 + rng.uniform(-0.08, 0.06)))
        value = float(target) * kinerja * (1.0 if tw == 4 else progress)
        out.append((tw, to_decimal(min(value, 100.0) if ind.tmpl.satuan.lower() == "persen" else value), "", ""))
    return out
