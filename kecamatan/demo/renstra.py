"""Demo data of the Renstra: the cascade of a real Renstra with its indicators, targets and pagu
(`load_renstra`, from a JSON fixture whose codes are read as printed), and the tables beyond the
cascade (`load_renstra_lanjutan`): T-C.23 and T-C.24 (the years before the period) and T-C.26
(strategi, arah kebijakan), transcribed from the seed. Idempotent: it creates what is missing and
never overwrites what exists.

Fields ending in `_tercetak` (and `baris`, `catatan`) record what the document prints, for
tests and readers; they are never loaded: the app computes rasio, growth and totals itself.
"""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from pathlib import Path

from kecamatan.core.formatting import EMPTY, parse_number
from kecamatan.demo.common import LoadReport, kode_of, nilai_fields
from kecamatan.models import (
    AnggaranLalu,
    ArahKebijakan,
    Camat,
    CapaianLalu,
    Dokumen,
    Indikator,
    IndikatorLalu,
    Kabupaten,
    Kecamatan,
    Kegiatan,
    Nomenklatur,
    Pagu,
    Periode,
    Program,
    ProgramLalu,
    Riwayat,
    Sasaran,
    Strategi,
    SubKegiatan,
    Target,
    Tujuan,
)


def load_renstra(report: LoadReport, kabupaten: Kabupaten, path: Path) -> Periode:
    """A Renstra period from a JSON fixture; codes are read as printed, through `parse_kode`."""
    data = json.loads(path.read_text(encoding="utf-8"))
    kecamatan = Kecamatan.objects.get(kabupaten=kabupaten, nama=data["kecamatan"])
    periode = _load_periode(report, kecamatan, data)
    sasaran_by_no = _load_tujuan(report, periode, data["tujuan"])
    _load_program(report, periode, data["program"], sasaran_by_no)
    return periode


def _load_periode(report: LoadReport, kecamatan: Kecamatan, data: dict) -> Periode:
    """The camat, the period and its Renstra document (with the Riwayat row of its loading)."""
    camat, created = Camat.objects.get_or_create(
        kecamatan=kecamatan, nip=data["camat"]["nip"].replace(" ", ""),
        defaults={"nama": data["camat"]["nama"], "pangkat": data["camat"].get("pangkat", "")},
    )
    report.count("camat", created)
    periode, created = Periode.objects.get_or_create(
        kecamatan=kecamatan, tahun_mulai=data["tahun_mulai"],
        defaults={"tahun_selesai": data["tahun_selesai"], "tahun_kondisi_awal": data["tahun_kondisi_awal"]},
    )
    report.count("periode", created)
    ttd = data.get("ttd", {})
    dokumen, created = Dokumen.objects.get_or_create(
        periode=periode, jenis=Dokumen.Jenis.RENSTRA,
        defaults={
            "camat": camat, "ttd_tempat": ttd.get("tempat", ""),
            "ttd_tanggal": datetime.date.fromisoformat(ttd["tanggal"]) if ttd.get("tanggal") else None,
            "ttd_hanya_bulan": ttd.get("hanya_bulan", False),
        },
    )
    if created:
        Riwayat.objects.create(dokumen=dokumen, aksi=Riwayat.Aksi.BUAT, ke_status=dokumen.status,
                               catatan="Dimuat dari data demo (dokumen asli).")
    report.count("dokumen", created)
    return periode


def _load_tujuan(report: LoadReport, periode: Periode, items: list[dict]) -> dict[int, Sasaran]:
    """Tujuan and their sasaran with indicators; sasaran numbered on across tujuan (by number)."""
    sasaran_by_no: dict[int, Sasaran] = {}
    for t_no, t_item in enumerate(items, start=1):
        tujuan, created = Tujuan.objects.get_or_create(periode=periode, urutan=t_no, defaults={"uraian": t_item["uraian"]})
        report.count("tujuan", created)
        _indikator(report, periode, "tujuan", tujuan, t_item.get("indikator", []))
        for s_no, s_item in enumerate(t_item.get("sasaran", []), start=len(sasaran_by_no) + 1):
            sasaran, created = Sasaran.objects.get_or_create(
                tujuan=tujuan, urutan=s_no, defaults={"uraian": s_item["uraian"]}
            )
            report.count("sasaran", created)
            sasaran_by_no[s_no] = sasaran
            _indikator(report, periode, "sasaran", sasaran, s_item.get("indikator", []))
    return sasaran_by_no


def _load_program(report: LoadReport, periode: Periode, items: list[dict], sasaran_by_no: dict[int, Sasaran]) -> None:
    """Programs, kegiatan and sub-kegiatan with their indicators and the sub-kegiatan's Renstra pagu."""
    catalog = {n.kode: n for n in Nomenklatur.objects.all()}
    for p_item in items:
        p_kode = kode_of(p_item)
        program = _node(Program, report, nomenklatur=catalog[p_kode], item=p_item, parent_kwargs={"periode": periode})
        if program.sasaran_id is None and p_item.get("sasaran"):
            program.sasaran = sasaran_by_no[p_item["sasaran"]]
            program.save(update_fields=["sasaran"])
        _indikator(report, periode, "program", program, p_item.get("indikator", []))
        for k_item in p_item.get("kegiatan", []):
            k_kode = kode_of(k_item, p_kode)
            kegiatan = _node(Kegiatan, report, nomenklatur=catalog[k_kode], item=k_item, parent_kwargs={"program": program})
            _indikator(report, periode, "kegiatan", kegiatan, k_item.get("indikator", []))
            for s_item in k_item.get("subkegiatan", []):
                s_kode = kode_of(s_item, k_kode)
                sub = _node(SubKegiatan, report, nomenklatur=catalog[s_kode], item=s_item,
                            parent_kwargs={"kegiatan": kegiatan})
                _indikator(report, periode, "subkegiatan", sub, s_item.get("indikator", []))
                for tahun, amount in s_item.get("pagu", {}).items():
                    _, created = Pagu.objects.get_or_create(
                        subkegiatan=sub, tahun=int(tahun), tahap=Pagu.Tahap.RENSTRA,
                        defaults={"jumlah": parse_number(amount)},
                    )
                    report.count("pagu", created)


def _indikator(report: LoadReport, periode: Periode, owner_field: str, owner, items: list[dict]) -> None:
    for urutan, item in enumerate(items, start=1):
        awal, awal_label = nilai_fields(item.get("kondisi_awal"))
        ind, created = Indikator.objects.get_or_create(
            periode=periode, **{owner_field: owner}, urutan=urutan,
            defaults={
                "uraian": item["uraian"], "satuan": item["satuan"], "formula": item.get("formula", ""),
                "penjelasan": item.get("penjelasan", ""), "kondisi_awal": awal, "kondisi_awal_label": awal_label,
                "iku": item.get("iku", False), "sumber_data": item.get("sumber_data", ""),
                "penanggung_jawab": item.get("penanggung_jawab", ""), "polaritas": item.get("polaritas", "positif"),
                "aturan_akhir": item.get("aturan_akhir", ""),
            },
        )
        report.count("indikator", created)
        for tahun, text in item.get("target", {}).items():
            nilai, label = nilai_fields(text)
            _, created = Target.objects.get_or_create(
                indikator=ind, tahun=int(tahun), defaults={"nilai": nilai, "label": label}
            )
            report.count("target", created)


def _node(model, report: LoadReport, *, nomenklatur: Nomenklatur, item: dict, parent_kwargs: dict):
    obj, created = model.objects.get_or_create(
        nomenklatur=nomenklatur, **parent_kwargs,
        defaults={"nama": item["nama"], "rumusan_sasaran": item.get("rumusan_sasaran", "")},
    )
    report.count(model._meta.model_name, created)
    return obj


def rupiah(text: str | None) -> Decimal | None:
    """"" → not filled (None); "-" → nothing budgeted (0, tables.md §0.4); else the amount."""
    text = (text or "").strip()
    if not text:
        return None
    if text in (EMPTY, "–"):
        return Decimal(0)
    return parse_number(text)


def _indikator_lanjutan(periode: Periode, ref: dict | None) -> Indikator | None:
    """The indicator of this Renstra that continues an old one: {"sasaran": 1} or
    {"program": "7.01.06", "urutan": 2} (the n-th indicator of that owner)."""
    if not ref:
        return None
    qs = Indikator.objects.filter(periode=periode)
    if "sasaran" in ref:
        qs = qs.filter(sasaran__urutan=ref["sasaran"])
    else:
        qs = qs.filter(program__nomenklatur__kode=ref["program"])
    return qs.order_by("urutan", "pk")[ref.get("urutan", 1) - 1]


def load_renstra_lanjutan(report, kabupaten: Kabupaten, path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    kecamatan = Kecamatan.objects.get(kabupaten=kabupaten, nama=data["kecamatan"])
    periode = Periode.objects.get(kecamatan=kecamatan, tahun_mulai=data["tahun_mulai"])
    _load_tc23(report, periode, data["tc23"])
    _load_tc24(report, periode, data["tc24"])
    _load_tc26(report, periode, data["tc26"])


def _load_tc23(report, periode: Periode, tc23: dict) -> None:
    """The indicators of the years before the period, with their targets and realizations."""
    for kelompok in tc23["kelompok"]:
        mulai, sampai = kelompok["berlaku"]
        for urutan, item in enumerate(kelompok["indikator"], start=1):
            nspk, nspk_label = nilai_fields(item.get("target_nspk"))
            ikk, ikk_label = nilai_fields(item.get("target_ikk"))
            lainnya, lainnya_label = nilai_fields(item.get("target_lainnya"))
            ind, created = IndikatorLalu.objects.get_or_create(
                periode=periode, berlaku_mulai=mulai, urutan=urutan,
                defaults={
                    "berlaku_sampai": sampai, "tingkat": item["tingkat"], "uraian": item["uraian"],
                    "satuan": item.get("satuan", ""), "target_nspk": nspk, "target_nspk_label": nspk_label,
                    "target_ikk": ikk, "target_ikk_label": ikk_label, "target_lainnya": lainnya,
                    "target_lainnya_label": lainnya_label,
                    "indikator": _indikator_lanjutan(periode, item.get("diteruskan_sebagai")),
                },
            )
            report.count("indikator tahun lalu", created)
            for tahun, values in item["tahun"].items():
                target, target_label = nilai_fields(values.get("target"))
                realisasi, realisasi_label = nilai_fields(values.get("realisasi"))
                _, created = CapaianLalu.objects.get_or_create(
                    indikator_lalu=ind, tahun=int(tahun),
                    defaults={"target": target, "target_label": target_label,
                              "realisasi": realisasi, "realisasi_label": realisasi_label},
                )
                report.count("capaian tahun lalu", created)


def _load_tc24(report, periode: Periode, tc24: dict) -> None:
    """The programs of the years before the period, with their budgets and realizations."""
    for kelompok in tc24["kelompok"]:
        mulai, sampai = kelompok["berlaku"]
        for urutan, item in enumerate(kelompok["program"], start=1):
            program, created = ProgramLalu.objects.get_or_create(
                periode=periode, berlaku_mulai=mulai, urutan=urutan,
                defaults={"berlaku_sampai": sampai, "uraian": item["uraian"]},
            )
            report.count("program tahun lalu", created)
            for tahun, values in item["tahun"].items():
                _, created = AnggaranLalu.objects.get_or_create(
                    program_lalu=program, tahun=int(tahun),
                    defaults={"anggaran": rupiah(values["anggaran"]), "realisasi": rupiah(values["realisasi"])},
                )
                report.count("anggaran tahun lalu", created)


def _load_tc26(report, periode: Periode, tc26: list) -> None:
    """Strategi and arah kebijakan per sasaran."""
    for item in tc26:
        sasaran = Sasaran.objects.get(tujuan__periode=periode, urutan=item["sasaran"])
        strategi_by_no: dict[int, Strategi] = {}
        for urutan, uraian in enumerate(item["strategi"], start=1):
            strategi, created = Strategi.objects.get_or_create(sasaran=sasaran, urutan=urutan,
                                                               defaults={"uraian": uraian})
            strategi_by_no[urutan] = strategi
            report.count("strategi", created)
        for urutan, arah_item in enumerate(item["arah_kebijakan"], start=1):
            arah, created = ArahKebijakan.objects.get_or_create(sasaran=sasaran, urutan=urutan,
                                                                defaults={"uraian": arah_item["uraian"]})
            if created:
                arah.strategi.set([strategi_by_no[n] for n in arah_item["strategi"]])
            report.count("arah kebijakan", created)
