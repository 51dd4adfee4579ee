"""Demo data of the yearly performance documents, loaded by `muat_demo` after the Renstra demo
(the criteria scale of LKj Tabel 3.1 is reference data: kecamatan/acuan): Jatiroto's Renstra
2024-2026 with its 2024 budget stages, realizations and realisasi anggaran, its earlier Renstra
2019-2023 (LKj Tabel 3.4), its LKj 2024 (signatory, Perjanjian Kinerja awal and perubahan,
comparison with Yosowilangun), and Randuagung's IKU 2025. Idempotent: it only creates what is missing.

The fixtures keep what the documents print next to what is loaded (`tercetak`, `baris`,
`catatan`), so tests can check computed = printed where the document is right and list where
it is not.
"""

from __future__ import annotations

import datetime
import json
from decimal import ROUND_FLOOR, Decimal
from pathlib import Path

from kecamatan.core.formatting import parse_number
from kecamatan.demo.common import FIXTURES, LoadReport, nilai_fields
from kecamatan.demo.renstra import load_renstra
from kecamatan.models import (
    Camat,
    Dokumen,
    Indikator,
    Kabupaten,
    Kecamatan,
    NilaiPembanding,
    Pagu,
    PenetapanIKU,
    PengaturanLKj,
    Periode,
    PerjanjianKinerja,
    Program,
    ProgramPK,
    Realisasi,
    RealisasiAnggaran,
    Riwayat,
    SubKegiatan,
    TargetPK,
)

RENSTRA_KINERJA = ["renstra_jatiroto_2019_2023.json", "renstra_jatiroto_2024_2026.json"]


def _ensure(report: LoadReport, what: str, model, scope, rows: list[tuple[dict, dict]]) -> None:
    """Create the rows (lookup, defaults) whose lookup is not in `scope` yet, in one INSERT:
    idempotent like get_or_create, without a query per row (the demo loads in every test)."""
    if not rows:
        return
    keys = tuple(rows[0][0])
    existing = set(scope.values_list(*keys))
    new = [model(**lookup, **defaults) for lookup, defaults in rows if tuple(lookup[k] for k in keys) not in existing]
    model.objects.bulk_create(new)
    for _ in new:
        report.count(what, True)


def _read(name: str | Path) -> dict:
    path = name if isinstance(name, Path) else FIXTURES / name
    return json.loads(path.read_text(encoding="utf-8"))


def _amount(value) -> Decimal:
    """An amount as entered; a corrected one is {"jumlah": …, "tercetak": …, "catatan": …}."""
    if isinstance(value, dict):
        value = value["jumlah"]
    return parse_number(value)


def _kinerja_indikator(periode: Periode, data: dict):
    """(fixture item, Indikator) for every tujuan and sasaran indicator, numbered as load_renstra
    numbers them (sasaran urutan runs on across tujuan)."""
    s_no = 0
    for t_no, t_item in enumerate(data["tujuan"], start=1):
        for i_no, i_item in enumerate(t_item.get("indikator", []), start=1):
            yield i_item, Indikator.objects.get(periode=periode, tujuan__urutan=t_no, urutan=i_no)
        for s_item in t_item.get("sasaran", []):
            s_no += 1
            for i_no, i_item in enumerate(s_item.get("indikator", []), start=1):
                yield i_item, Indikator.objects.get(periode=periode, sasaran__tujuan__periode=periode,
                                                    sasaran__urutan=s_no, urutan=i_no)


def load_realisasi_dan_anggaran(report: LoadReport, periode: Periode, data: dict) -> None:
    """Triwulan realizations of tujuan/sasaran indicators, and sub-kegiatan Pagu of the Renja
    (awal) and perubahan stages, which load_renstra does not read."""
    rows = []
    for item, indikator in _kinerja_indikator(periode, data):
        for tahun, per_tw in item.get("realisasi", {}).items():
            for tw, text in per_tw.items():
                nilai, label = nilai_fields(text)
                rows.append(({"indikator_id": indikator.pk, "tahun": int(tahun), "triwulan": int(tw)},
                             {"nilai": nilai, "label": label}))
    _ensure(report, "realisasi", Realisasi, Realisasi.objects.filter(indikator__periode=periode), rows)
    subs = dict(SubKegiatan.objects.filter(kegiatan__program__periode=periode).values_list("nomenklatur__kode", "pk"))
    rows = [
        ({"subkegiatan_id": subs[sub["kode"]], "tahun": int(tahun), "tahap": str(Pagu.Tahap(tahap))},
         {"jumlah": _amount(value)})
        for program in data["program"] for kegiatan in program.get("kegiatan", [])
        for sub in kegiatan.get("subkegiatan", []) for tahun, stages in sub.get("anggaran", {}).items()
        for tahap, value in stages.items()
    ]
    _ensure(report, "pagu", Pagu, Pagu.objects.filter(subkegiatan__kegiatan__program__periode=periode), rows)


def spread(total: Decimal, weights: list[tuple[object, Decimal]]) -> dict[object, Decimal]:
    """`total` in whole rupiah shared in proportion to `weights`; the rupiah lost to rounding
    down go one each to the largest fractions, so the shares add up to `total` exactly."""
    base = sum((w for _, w in weights), Decimal(0))
    if not weights or base == 0:
        raise ValueError("Tidak ada pagu untuk membagi realisasi.")
    exact = [(key, total * w / base) for key, w in weights]
    shares = {key: value.to_integral_value(rounding=ROUND_FLOOR) for key, value in exact}
    left = int(total - sum(shares.values()))
    for key, _ in sorted(exact, key=lambda kv: kv[1] - shares[kv[0]], reverse=True)[:left]:
        shares[key] += 1
    return shares


def load_lkj(report: LoadReport, kabupaten: Kabupaten, name: str = "lkj_jatiroto_2024.json") -> None:
    data = _read(name)
    kecamatan = Kecamatan.objects.get(kabupaten=kabupaten, nama=data["kecamatan"])
    periode = Periode.objects.get(kecamatan=kecamatan, tahun_mulai=data["periode"][0])
    camat = {c.nip: c for c in Camat.objects.filter(kecamatan=kecamatan)}
    _load_lkj_dokumen(report, periode, data, camat)
    _load_perjanjian(report, periode, data, camat)
    _load_realisasi_anggaran_lkj(report, periode, data)
    _load_pembanding(report, kabupaten, periode, data)


def _sasaran_indikator(periode: Periode, n: int) -> Indikator:
    return Indikator.objects.get(periode=periode, sasaran__tujuan__periode=periode, sasaran__urutan=n, urutan=1)


def _tujuan_indikator(periode: Periode, n: int) -> Indikator:
    return Indikator.objects.get(periode=periode, tujuan__urutan=n, urutan=1)


def _load_lkj_dokumen(report: LoadReport, periode: Periode, data: dict, camat: dict[str, Camat]) -> None:
    """The LKj document of the year with its signatory (and the Riwayat row of its loading)."""
    ttd = data["lkj"]
    dokumen, created = Dokumen.objects.get_or_create(
        periode=periode, jenis=Dokumen.Jenis.LKJ, tahun=data["tahun"],
        defaults={"camat": camat[ttd["camat_nip"]], "ttd_tempat": ttd["tempat"],
                  "ttd_tanggal": datetime.date.fromisoformat(ttd["tanggal"])},
    )
    if created:
        Riwayat.objects.create(dokumen=dokumen, aksi=Riwayat.Aksi.BUAT, ke_status=dokumen.status,
                               catatan="Dimuat dari data demo (dokumen asli).")
    report.count("dokumen", created)


def _load_perjanjian(report: LoadReport, periode: Periode, data: dict, camat: dict[str, Camat]) -> None:
    """The Perjanjian Kinerja, awal first (a perubahan is stored beside it), its targets and programs."""
    tahun = data["tahun"]
    programs = {p.nomenklatur.kode: p for p in Program.objects.filter(periode=periode).select_related("nomenklatur")}
    for version in data["perjanjian_kinerja"]:
        pk, created = PerjanjianKinerja.objects.get_or_create(
            periode=periode, tahun=tahun, versi=version["versi"],
            defaults={
                "camat": camat[version["camat_nip"]], "pihak_kedua_nama": version["pihak_kedua"]["nama"],
                "pihak_kedua_jabatan": version["pihak_kedua"]["jabatan"], "ttd_tempat": version["tempat"],
                "ttd_tanggal": datetime.date.fromisoformat(version["tanggal"]),
            },
        )
        report.count("perjanjian kinerja", created)
        for urutan, row in enumerate(version["target"], start=1):
            nilai, label = nilai_fields(row["target"])
            _, created = TargetPK.objects.get_or_create(
                perjanjian=pk, indikator=_sasaran_indikator(periode, row["sasaran"]),
                defaults={"urutan": urutan, "nilai": nilai, "label": label},
            )
            report.count("target PK", created)
        _ensure(report, "program PK", ProgramPK, ProgramPK.objects.filter(perjanjian=pk), [
            ({"perjanjian_id": pk.pk, "program_id": programs[row["kode"]].pk},
             {"urutan": urutan, "keterangan": row["keterangan"]})
            for urutan, row in enumerate(version["program"], start=1)
        ])


def _load_realisasi_anggaran_lkj(report: LoadReport, periode: Periode, data: dict) -> None:
    """The LKj prints realisasi anggaran per program: spread over its sub-kegiatan by their pagu."""
    tahun = data["tahun"]
    pagu = {p.subkegiatan_id: p.jumlah for p in Pagu.objects.filter(
        subkegiatan__kegiatan__program__periode=periode, tahun=tahun, tahap=Pagu.Tahap.PERUBAHAN, jumlah__gt=0)}
    subs = list(SubKegiatan.objects.filter(kegiatan__program__periode=periode, pk__in=pagu)
                .select_related("kegiatan__program__nomenklatur", "nomenklatur").order_by("nomenklatur__kode"))
    rows = []
    for row in data["realisasi_anggaran"]["program"]:
        weights = [(s.pk, pagu[s.pk]) for s in subs if s.kegiatan.program.nomenklatur.kode == row["kode"]]
        rows += [({"subkegiatan_id": sub_id, "tahun": tahun, "triwulan": 4}, {"jumlah": jumlah})
                 for sub_id, jumlah in spread(parse_number(row["realisasi"]), weights).items()]
    _ensure(report, "realisasi anggaran", RealisasiAnggaran,
            RealisasiAnggaran.objects.filter(subkegiatan__kegiatan__program__periode=periode), rows)


def _load_pembanding(report: LoadReport, kabupaten: Kabupaten, periode: Periode, data: dict) -> None:
    """The LKj's settings (the kecamatan compared with) and the other kecamatan's values as typed."""
    tahun = data["tahun"]
    pembanding = Kecamatan.objects.get(kabupaten=kabupaten, nama=data["pengaturan"]["kecamatan_pembanding"])
    _, created = PengaturanLKj.objects.get_or_create(
        periode=periode, tahun=tahun,
        defaults={"kecamatan_pembanding": pembanding, "catatan_anggaran": data["realisasi_anggaran"]["catatan"]},
    )
    report.count("pengaturan LKj", created)
    typed = data["nilai_pembanding"]
    lain = Kecamatan.objects.get(kabupaten=kabupaten, nama=typed["kecamatan"])
    for row in typed["nilai"]:
        if "tujuan" in row:
            indikator = _tujuan_indikator(periode, row["tujuan"])
        else:
            indikator = _sasaran_indikator(periode, row["sasaran"])
        nilai, label = nilai_fields(row["nilai"])
        _, created = NilaiPembanding.objects.get_or_create(
            indikator=indikator, tahun=tahun, kecamatan=lain,
            defaults={"nilai": nilai, "label": label, "sumber": typed["sumber"]},
        )
        report.count("nilai pembanding", created)


def load_iku(report: LoadReport, kabupaten: Kabupaten, name: str = "iku_randuagung_2025.json") -> None:
    data = _read(name)
    kecamatan = Kecamatan.objects.get(kabupaten=kabupaten, nama=data["kecamatan"])
    periode = Periode.objects.get(kecamatan=kecamatan, tahun_mulai=data["periode"][0])
    camat, created = Camat.objects.get_or_create(
        kecamatan=kecamatan, nip=data["camat"]["nip"].replace(" ", ""), defaults={"nama": data["camat"]["nama"]}
    )
    report.count("camat", created)
    _, created = PenetapanIKU.objects.get_or_create(
        periode=periode, tahun=data["tahun"],
        defaults={"camat": camat, "ttd_tempat": data["tempat"], "ttd_tanggal": datetime.date.fromisoformat(data["tanggal"]),
                  "tugas_pokok": data["tugas_pokok"], "fungsi": data["fungsi"]},
    )
    report.count("penetapan IKU", created)


def load_kinerja(report: LoadReport, kabupaten: Kabupaten) -> None:
    for name in RENSTRA_KINERJA:
        periode = load_renstra(report, kabupaten, FIXTURES / name)
        load_realisasi_dan_anggaran(report, periode, _read(name))
    load_lkj(report, kabupaten)
    load_iku(report, kabupaten)
