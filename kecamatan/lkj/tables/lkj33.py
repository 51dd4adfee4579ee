"""LKj Tabel 3.3 Perbandingan Antara Target dan Realisasi Kinerja Tahun n (tables.md §4.7). Pure.

No | Tujuan/Sasaran | Indikator | Target | Realisasi | Capaian | Kriteria (Tabel 3.1).
"""

from __future__ import annotations

from kecamatan.lkj.data import LkjData, capaian_of, predikat_of
from kecamatan.lkj.tables.common import besaran, filename, kop, numbered_items
from kecamatan.tables.base import NILAI, NOMOR, PERSEN, TEXT, Column, Report, Row

COLUMNS = (
    Column("no", "No", kind=NOMOR, width=4),
    Column("pernyataan", "Tujuan/Sasaran", width=24),
    Column("indikator", "Indikator", width=26),
    Column("target", "Target", kind=NILAI, width=9),
    Column("realisasi", "Realisasi", kind=NILAI, width=9),
    Column("capaian", "Capaian", kind=PERSEN, width=9),
    Column("kriteria", "Kriteria", kind=TEXT, width=10),
)


def build_lkj33(data: LkjData) -> Report:
    rows = []
    for nomor, item in numbered_items(data):
        ind = item.indikator
        target, realisasi = data.target_kinerja(item), data.realisasi_tahunan(ind)
        nilai_capaian = capaian_of(target, realisasi, ind.polaritas)
        rows.append(Row(item.level, {"no": nomor, "pernyataan": item.pernyataan, "indikator": ind.uraian,
                                     "target": besaran(target, ind), "realisasi": besaran(realisasi, ind),
                                     "capaian": nilai_capaian,
                                     "kriteria": predikat_of(nilai_capaian, data.skala) or "-"}))
    r = data.renstra
    return Report(
        code="Tabel 3.3",
        title=("Tabel 3.3", f"Perbandingan Antara Target dan Realisasi Kinerja Tahun {data.tahun}",
               f"Kecamatan {r.kecamatan}"),
        columns=COLUMNS, rows=tuple(rows), kop=kop(data), penandatangan=data.penandatangan, orientation="portrait",
        notes=("Capaian = Realisasi/Target × 100 (polaritas negatif: (2 × Target − Realisasi)/Target × 100), "
               "dibulatkan dua desimal; Kriteria menurut Tabel 3.1.",),
        filename=filename(data, "lkj33"),
    )
