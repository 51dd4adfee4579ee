"""What every generated kecamatan copies: Randuagung's wording (tujuan, sasaran, IKU and the
program and kegiatan indicators, from its Renstra fixture) and the nomenclature catalog it picks
programs, kegiatan and sub-kegiatan from. Read once per `bangun_demo` run."""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from kecamatan.core import kode as kode_mod
from kecamatan.core.formatting import parse_nilai
from kecamatan.demo.common import FIXTURES
from kecamatan.models import Nomenklatur

FIXTURE = FIXTURES / "renstra_randuagung_2024_2026.json"
TAHUN = (2024, 2025, 2026)


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
