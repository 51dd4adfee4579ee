"""Demo data of the Renstra tables beyond the cascade: T-C.23 and T-C.24 (the years before the
period) and T-C.26 (strategi, arah kebijakan), from a JSON fixture transcribed from the seed.
Idempotent like `demo.py`: it creates what is missing and never overwrites what exists.

Fields ending in `_tercetak` (and `baris`, `catatan`) record what the document prints, for
tests and readers; they are never loaded: the app computes rasio, growth and totals itself.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from kecamatan.core.formatting import EMPTY, parse_nilai, parse_number
from kecamatan.models import (
    AnggaranLalu,
    ArahKebijakan,
    CapaianLalu,
    Indikator,
    IndikatorLalu,
    Kabupaten,
    Kecamatan,
    Periode,
    ProgramLalu,
    Sasaran,
    Strategi,
)


def _nilai(text: str | None) -> tuple[Decimal | None, str]:
    value = parse_nilai(text)
    return value.nilai, value.label


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

    for kelompok in data["tc23"]["kelompok"]:
        mulai, sampai = kelompok["berlaku"]
        for urutan, item in enumerate(kelompok["indikator"], start=1):
            nspk, nspk_label = _nilai(item.get("target_nspk"))
            ikk, ikk_label = _nilai(item.get("target_ikk"))
            lainnya, lainnya_label = _nilai(item.get("target_lainnya"))
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
                target, target_label = _nilai(values.get("target"))
                realisasi, realisasi_label = _nilai(values.get("realisasi"))
                _, created = CapaianLalu.objects.get_or_create(
                    indikator_lalu=ind, tahun=int(tahun),
                    defaults={"target": target, "target_label": target_label,
                              "realisasi": realisasi, "realisasi_label": realisasi_label},
                )
                report.count("capaian tahun lalu", created)

    for kelompok in data["tc24"]["kelompok"]:
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

    for item in data["tc26"]:
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
