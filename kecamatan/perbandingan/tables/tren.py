"""A kecamatan's trend in the Bappeda comparison: per triwulan up to the one chosen, its mean
capaian and its cumulative penyerapan beside the kabupaten median, with two line charts. Pure:
PerbandinganData → Report.

Column keys: "no", "tahun", "triwulan", "capaian", "capaian:median", "penyerapan",
"penyerapan:median", "status".
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from kecamatan.core.computations import jumlah, penyerapan
from kecamatan.core.kunci import TW_ROMAWI, kunci_dokumen
from kecamatan.perbandingan.data import KecamatanInfo, PerbandinganData
from kecamatan.perbandingan.rules import median, rata_rata
from kecamatan.perbandingan.tables.common import (
    CATATAN_CAPAIAN,
    CATATAN_MEDIAN,
    REALISASI,
    dokumen_map,
    filename,
    judul,
    kolom_indikator,
    kop,
    notes,
    sel_of,
    warna,
)
from kecamatan.tables.base import NOMOR, PERSEN, Column, Report, Row, numbered
from kecamatan.tables.grafik import GrafikGaris, Series


@dataclass(frozen=True)
class TitikTren:
    tahun: int
    triwulan: int
    capaian: Decimal | None  # the chosen kecamatan
    capaian_median: Decimal | None
    penyerapan: Decimal | None
    penyerapan_median: Decimal | None
    status: str


def _anggaran(data: PerbandinganData):
    """Pagu by (kecamatan, tahun) and realisasi anggaran per triwulan by (kecamatan, tahun)."""
    pagu: dict[tuple[int, int], Decimal] = defaultdict(Decimal)
    rp: dict[tuple[int, int], list[Decimal]] = defaultdict(lambda: [Decimal(0)] * 4)
    for a in data.anggaran:
        pagu[(a.kecamatan_id, a.tahun)] += a.pagu
        for i, v in enumerate(a.per_triwulan):
            rp[(a.kecamatan_id, a.tahun)][i] += v
    return pagu, rp


def titik_tren(data: PerbandinganData) -> tuple[KecamatanInfo | None, list[TitikTren]]:
    p = data.pilihan
    chosen = next((k for k in data.kecamatan if k.slug == p.kecamatan), None)
    kolom, _ = kolom_indikator(data)
    with_periode = [k for k in data.kecamatan if k.periode_id]
    pagu, rp = _anggaran(data)
    docs = dokumen_map(data)
    out = []
    for tahun in data.tahun_list:
        for tw in (1, 2, 3, 4):
            if (tahun, tw) > (p.tahun, p.triwulan):
                break
            cap, serap = {}, {}
            for k in with_periode:
                cap[k.id] = rata_rata(sel_of(c.per_kecamatan[k.id], tahun, tw).capaian
                                      for c in kolom if k.id in c.per_kecamatan)
                serap[k.id] = penyerapan(pagu[(k.id, tahun)], jumlah(rp[(k.id, tahun)][:tw]))
            status = ""
            if chosen and chosen.periode_id:
                d = docs.get((chosen.id, REALISASI, tahun, tw))
                status = d.status_label if d else "Belum diisi"
            out.append(TitikTren(
                tahun, tw, cap.get(chosen.id) if chosen else None, median(cap.values()),
                serap.get(chosen.id) if chosen else None, median(serap.values()), status,
            ))
    return chosen, out


def columns_tren(nama: str) -> tuple[Column, ...]:
    capaian, serapan = "Capaian kinerja (%)", "Penyerapan anggaran (%)"
    return numbered((
        Column("no", "No", kind=NOMOR, width=3.5), Column("tahun", "Tahun", kind=NOMOR, width=5),
        Column("triwulan", "Triwulan", kind=NOMOR, width=6),
        Column("capaian", f"Kecamatan {nama}", capaian, PERSEN, width=10),
        Column("capaian:median", "Median kabupaten", capaian, PERSEN, width=10),
        Column("penyerapan", f"Kecamatan {nama}", serapan, PERSEN, width=10),
        Column("penyerapan:median", "Median kabupaten", serapan, PERSEN, width=10),
        Column("status", "Status realisasi", width=11),
    ))


def _baris(no: int, t: TitikTren, chosen: KecamatanInfo | None) -> Row:
    links, fill = {}, {}
    if chosen and chosen.periode_id:
        links = {"triwulan": chosen.url_realisasi(t.tahun, t.triwulan),
                 "status": chosen.url_dokumen(kunci_dokumen(REALISASI, t.tahun, t.triwulan))}
    if t.capaian is not None:
        fill["capaian"] = warna(t.capaian)
    if t.capaian_median is not None:
        fill["capaian:median"] = warna(t.capaian_median)
    return Row("kecamatan", {
        "no": str(no), "tahun": str(t.tahun), "triwulan": TW_ROMAWI[t.triwulan], "capaian": t.capaian,
        "capaian:median": t.capaian_median, "penyerapan": t.penyerapan, "penyerapan:median": t.penyerapan_median,
        "status": t.status,
    }, fill=fill, links=links)


def _charts(nama: str, what: str, points: list[TitikTren]) -> tuple[GrafikGaris, ...]:
    labels = tuple(f"{t.tahun} TW {TW_ROMAWI[t.triwulan]}" for t in points)
    return (
        GrafikGaris(f"Capaian kinerja ({what})", labels, (
            Series(f"Kecamatan {nama}", tuple(t.capaian for t in points), "#2F6DB5"),
            Series("Median kabupaten", tuple(t.capaian_median for t in points), "#C0392B", dashed=True),
        ), id="grafik-tren-capaian"),
        GrafikGaris("Penyerapan anggaran kumulatif", labels, (
            Series(f"Kecamatan {nama}", tuple(t.penyerapan for t in points), "#2F6DB5"),
            Series("Median kabupaten", tuple(t.penyerapan_median for t in points), "#C0392B", dashed=True),
        ), id="grafik-tren-penyerapan"),
    )


def build_tren(data: PerbandinganData) -> Report:
    chosen, points = titik_tren(data)
    nama = chosen.nama if chosen else "(pilih kecamatan)"
    kolom, _ = kolom_indikator(data)
    rows = [_baris(no, t, chosen) for no, t in enumerate(points, start=1)]
    what = kolom[0].label if len(kolom) == 1 else "rata-rata capaian indikator"
    extra = [CATATAN_CAPAIAN, CATATAN_MEDIAN,
             "Penyerapan kumulatif dalam tahun: realisasi anggaran TW I s.d. triwulan itu ÷ pagu tahun itu."]
    if chosen is None:
        extra.insert(0, "Pilih kecamatan untuk melihat trennya di samping median kabupaten.")
    return Report(
        code="Tren Kecamatan",
        title=(f"Tren Capaian Kinerja dan Penyerapan Anggaran Kecamatan {nama}",
               *judul("", data, kolom=kolom)[1:]),
        columns=columns_tren(nama), rows=tuple(rows), kop=kop(data), notes=notes(data, *extra),
        filename=filename(f"tren-{chosen.slug}" if chosen else "tren", data), charts=_charts(nama, what, points),
    )
