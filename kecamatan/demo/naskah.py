"""Demo narrative of the whole documents, transcribed from the seeds (fixtures/naskah_*.json):
what the offices wrote in their Renstra, Renja and LKj, without the numeric sentences the app
now drafts from its tables. Loaded idempotently: a section that exists is left as it is."""

from __future__ import annotations

import json

from kecamatan.demo.common import FIXTURES, LoadReport
from kecamatan.models import Dokumen, Kabupaten, Kecamatan, Narasi, Periode

NASKAH_FIXTURES = [
    "naskah_renstra_randuagung_2024_2026.json",
    "naskah_renja_senduro_2024.json",
    "naskah_lkj_jatiroto_2024.json",
]


def load_naskah(report: LoadReport, kabupaten: Kabupaten, name: str) -> None:
    data = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    kecamatan = Kecamatan.objects.get(kabupaten=kabupaten, nama=data["kecamatan"])
    periode = Periode.objects.get(kecamatan=kecamatan, tahun_mulai=data["periode"][0])
    dokumen = Dokumen.objects.get(periode=periode, jenis=data["jenis"], tahun=data.get("tahun"), triwulan=None)
    for kunci, teks in data["narasi"].items():
        _, created = Narasi.objects.get_or_create(dokumen=dokumen, kunci=kunci, defaults={"teks": teks})
        report.count("narasi", created)


def load_naskah_demo(report: LoadReport, kabupaten: Kabupaten) -> None:
    for name in NASKAH_FIXTURES:
        load_naskah(report, kabupaten, name)
