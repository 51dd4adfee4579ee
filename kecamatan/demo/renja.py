"""Demo data of the Renja: Senduro's Renstra 2024-2026 and its Renja 2024, transcribed from seed
001 into `fixtures/renja_senduro_2024.json`. Loaded by `muat_demo`; safe to run again (it only
creates what is missing and never overwrites what people changed).

The fixture is a Renstra fixture (read by `demo.renstra.load_renstra`) whose rows carry a "renja" block:
per sub-kegiatan lokasi, sumber dana, aktivitas and prakiraan maju; per indicator the Renja targets
(including the 2022-2023 ones T-C.29 evaluates), prakiraan and realisasi; per document the T-C.31
rows and the notes on the source. Printed totals ("dana_tercetak") are kept beside the data only
so tests can check that the computed figures reproduce them; they are never loaded.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

from django.db import models

from kecamatan.core.formatting import parse_nilai, parse_number
from kecamatan.core.validators import normalize_nip
from kecamatan.demo.common import FIXTURES, LoadReport, kode_of
from kecamatan.demo.renstra import load_renstra
from kecamatan.models import (
    Aktivitas,
    AnalisisKinerjaPelayanan,
    Camat,
    CatatanSumber,
    Dokumen,
    Indikator,
    Kabupaten,
    Kegiatan,
    Pagu,
    Periode,
    Program,
    Realisasi,
    RenjaSubKegiatan,
    ReviewRanwal,
    Riwayat,
    SubKegiatan,
    TahapTarget,
    TargetRenja,
    Tujuan,
    UsulanPemangku,
)

RENJA_FIXTURES = ["renja_senduro_2024.json"]


def _create(report: LoadReport, model: type[models.Model], lookup: dict, defaults: dict) -> tuple[models.Model, bool]:
    """get_or_create that validates what it creates (full_clean) and never updates."""
    obj = model.objects.filter(**lookup).first()
    if obj is not None:
        return obj, False
    obj = model(**lookup, **defaults)
    # the model's own rules; related rows were just read and uniqueness was just checked above
    obj.full_clean(exclude=[f.name for f in model._meta.concrete_fields if f.is_relation], validate_unique=False,
                   validate_constraints=False)
    obj.save()
    report.count(model._meta.model_name, True)
    return obj, True


def iter_nodes(data: dict):
    """(level, canonical code, fixture item) of every program, kegiatan and sub-kegiatan."""
    for p_item in data["program"]:
        p_kode = kode_of(p_item)
        yield "program", p_kode, p_item
        for k_item in p_item.get("kegiatan", []):
            k_kode = kode_of(k_item, p_kode)
            yield "kegiatan", k_kode, k_item
            for s_item in k_item.get("subkegiatan", []):
                yield "subkegiatan", kode_of(s_item, k_kode), s_item


def _nilai(text: str) -> dict:
    value = parse_nilai(text)
    return {"nilai": value.nilai, "label": value.label}


def _load_indikator(report, periode: Periode, dokumen: Dokumen, owner_field: str, owner, items: list[dict]) -> None:
    for urutan, item in enumerate(items, start=1):
        renja = item.get("renja")
        if not renja:
            continue
        ind = Indikator.objects.get(periode=periode, urutan=urutan, **{owner_field: owner})
        for tahun, text in renja.get("target", {}).items():
            _create(report, TargetRenja, {"indikator": ind, "tahun": int(tahun), "tahap": TahapTarget.RENJA}, _nilai(text))
        for tahun, text in renja.get("prakiraan", {}).items():
            _create(report, TargetRenja, {"indikator": ind, "tahun": int(tahun), "tahap": TahapTarget.PRAKIRAAN},
                    _nilai(text))
        for tahun, text in renja.get("realisasi", {}).items():
            _create(report, Realisasi, {"indikator": ind, "tahun": int(tahun), "triwulan": 4},
                    {**_nilai(text), "keterangan": f"Realisasi {tahun} dari T-C.29 Renja {dokumen.tahun} (dokumen sumber)."})
        if "spm" in renja or "ikk" in renja:
            spm, ikk = parse_nilai(renja.get("spm", "")), parse_nilai(renja.get("ikk", ""))
            _create(report, AnalisisKinerjaPelayanan, {"dokumen": dokumen, "indikator": ind},
                    {"spm": spm.nilai, "spm_label": spm.label, "ikk": ikk.nilai, "ikk_label": ikk.label,
                     "catatan": renja.get("catatan", "")})


def _load_rincian(report, dokumen: Dokumen, sub: SubKegiatan, renja: dict) -> None:
    rincian, created = _create(
        report, RenjaSubKegiatan, {"dokumen": dokumen, "subkegiatan": sub},
        {"lokasi": renja.get("lokasi", ""), "sumber_dana": renja.get("sumber_dana", ""),
         "catatan": renja.get("catatan", "")},
    )
    if created:  # aktivitas belong to the rincian as loaded; never merged into one people edited
        for urutan, a in enumerate(renja.get("aktivitas", []), start=1):
            akt = Aktivitas(
                rincian=rincian, urutan=urutan, uraian=a["uraian"], skala_prioritas=a.get("skala_prioritas"),
                volume=parse_number(a["volume"]) if a.get("volume") else None, satuan=a.get("satuan", ""),
                jumlah=parse_number(a["jumlah"]), catatan=a.get("catatan", ""),
                prakiraan=parse_number(a["prakiraan"]) if a.get("prakiraan") else None,
            )
            akt.full_clean(exclude=["rincian"], validate_constraints=False)
            akt.save()
            report.count("aktivitas", True)
    for tahun, amount in renja.get("dana", {}).items():
        _create(report, Pagu, {"subkegiatan": sub, "tahun": int(tahun), "tahap": Pagu.Tahap.RENJA},
                {"jumlah": parse_number(amount)})
    for tahun, amount in renja.get("prakiraan", {}).items():
        _create(report, Pagu, {"subkegiatan": sub, "tahun": int(tahun), "tahap": Pagu.Tahap.PRAKIRAAN},
                {"jumlah": parse_number(amount)})


def load_renja(report: LoadReport, kabupaten: Kabupaten, path: Path) -> Dokumen:
    data = json.loads(path.read_text(encoding="utf-8"))
    periode = load_renstra(report, kabupaten, path)
    renja = data["renja"]
    dokumen = _load_dokumen(report, periode, data)
    nodes = _load_isian(report, periode, dokumen, data)
    urutan_of_baris = _load_ranwal(report, dokumen, renja.get("ranwal", []), nodes)
    for urutan, row in enumerate(renja.get("usulan", []), start=1):
        _create(report, UsulanPemangku, {"dokumen": dokumen, "urutan": urutan},
                {k: row.get(k, "") for k in ("program", "kegiatan", "lokasi", "indikator", "satuan")}
                | {"volume": parse_number(row["volume"]) if row.get("volume") else None})
    for urutan, note in enumerate(renja.get("catatan", []), start=1):
        kunci = note.get("kunci", "")
        if note["tabel"] == "tc31" and kunci:
            kunci = str(urutan_of_baris[kunci])  # T-C.31 rows are keyed by their order, not the seed's line
        _create(report, CatatanSumber, {"dokumen": dokumen, "tabel": note["tabel"], "urutan": urutan},
                {"baris_sumber": note.get("baris", ""), "kunci": kunci, "kolom": note.get("kolom", ""),
                 "tercetak": note.get("tercetak", ""), "uraian": note.get("uraian", "")})
    return dokumen


def _load_dokumen(report: LoadReport, periode: Periode, data: dict) -> Dokumen:
    """The Renja document of the year with its signatory (and the Riwayat row of its loading)."""
    renja = data["renja"]
    camat = Camat.objects.get(kecamatan=periode.kecamatan, nip=normalize_nip(data["camat"]["nip"]))
    ttd = renja.get("ttd", {})
    dokumen, created = _create(
        report, Dokumen, {"periode": periode, "jenis": Dokumen.Jenis.RENJA, "tahun": renja["tahun"]},
        {"camat": camat, "ttd_tempat": ttd.get("tempat", ""),
         "ttd_tanggal": datetime.date.fromisoformat(ttd["tanggal"]) if ttd.get("tanggal") else None,
         "ttd_hanya_bulan": ttd.get("hanya_bulan", False),
         # taken over from paper: it keeps the layouts it was printed in (kecamatan.dokumen.tataletak)
         "tata_letak": renja.get("tata_letak") or None},
    )
    if created:
        Riwayat.objects.create(dokumen=dokumen, aksi=Riwayat.Aksi.BUAT, ke_status=dokumen.status,
                               catatan="Dimuat dari data demo (dokumen asli).")
    return dokumen


def _load_isian(report: LoadReport, periode: Periode, dokumen: Dokumen, data: dict) -> dict[str, object]:
    """The Renja block of every indicator and sub-kegiatan; the program, kegiatan and sub-kegiatan by code."""
    for t_no, t_item in enumerate(data["tujuan"], start=1):
        tujuan = Tujuan.objects.get(periode=periode, urutan=t_no)
        _load_indikator(report, periode, dokumen, "tujuan", tujuan, t_item.get("indikator", []))
        for s_item in t_item.get("sasaran", []):
            sasaran = tujuan.sasaran.get(uraian=s_item["uraian"])
            _load_indikator(report, periode, dokumen, "sasaran", sasaran, s_item.get("indikator", []))
    nodes: dict[str, object] = {}
    for level, kode, item in iter_nodes(data):
        if level == "program":
            node = Program.objects.get(periode=periode, nomenklatur__kode=kode)
        elif level == "kegiatan":
            node = Kegiatan.objects.get(program__periode=periode, nomenklatur__kode=kode)
        else:
            node = SubKegiatan.objects.get(kegiatan__program__periode=periode, nomenklatur__kode=kode)
        nodes[kode] = node
        _load_indikator(report, periode, dokumen, level, node, item.get("indikator", []))
        if level == "subkegiatan" and "renja" in item:
            _load_rincian(report, dokumen, node, item["renja"])
    return nodes


def _load_ranwal(report: LoadReport, dokumen: Dokumen, rows: list[dict], nodes: dict[str, object]) -> dict[str, int]:
    """T-C.31's rows (the review of the Rancangan Awal); their order by the seed's line."""
    urutan_of_baris: dict[str, int] = {}
    for urutan, row in enumerate(rows, start=1):
        urutan_of_baris[row["baris"].split(",")[0].strip()] = urutan
        target = parse_nilai(row.get("target", ""))
        node = nodes[row["kebutuhan"]] if row.get("kebutuhan") else None
        link = {row["tingkat"]: node} if node is not None else {}
        _create(
            report, ReviewRanwal, {"dokumen": dokumen, "urutan": urutan},
            {"tingkat": row["tingkat"], "ranwal_nama": row.get("nama", ""), "ranwal_lokasi": row.get("lokasi", ""),
             "ranwal_indikator": row.get("indikator", ""), "ranwal_target": target.nilai,
             "ranwal_target_label": target.label, "ranwal_satuan": row.get("satuan", ""),
             "ranwal_pagu": parse_number(row["pagu"]) if row.get("pagu") else None, **link},
        )
    return urutan_of_baris


def load_renja_demo(report: LoadReport, kabupaten: Kabupaten) -> None:
    for name in RENJA_FIXTURES:
        load_renja(report, kabupaten, FIXTURES / name)
