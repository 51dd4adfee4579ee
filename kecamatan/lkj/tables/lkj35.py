"""LKj Tabel 3.5 Capaian Kinerja berdasarkan Renstra yang berjalan (tables.md §4.9). Pure.

No | Tujuan/ Sasaran | Indikator | per year from the start of the Renstra up to n: T | R | C |
Keterangan (source of the data). T is the Renstra's target of that year.
"""

from __future__ import annotations

from kecamatan.lkj.data import LkjData, capaian_of
from kecamatan.lkj.tables.common import besaran, filename, kop, numbered_items
from kecamatan.tables.base import NILAI, NOMOR, PERSEN, Column, Report, Row


def build_lkj35(data: LkjData) -> Report:
    r = data.renstra
    years = [t for t in r.tahun if t <= data.tahun]
    columns = [Column("no", "No", kind=NOMOR, width=4), Column("pernyataan", "Tujuan/ Sasaran", width=20),
               Column("indikator", "Indikator", width=22)]
    for t in years:
        columns += [Column(f"target:{t}", "T", group=f"Tahun {t}", kind=NILAI, width=7.5),
                    Column(f"realisasi:{t}", "R", group=f"Tahun {t}", kind=NILAI, width=7.5),
                    Column(f"capaian:{t}", "C", group=f"Tahun {t}", kind=PERSEN, width=8)]
    columns.append(Column("keterangan", "Keterangan", width=14))
    rows = []
    for nomor, item in numbered_items(data):
        ind = item.indikator
        cells: dict[str, object] = {"no": nomor, "pernyataan": item.pernyataan, "indikator": ind.uraian}
        for t in years:
            target, realisasi = ind.target_of(t), data.realisasi_tahunan(ind, t)
            cells.update({f"target:{t}": besaran(target, ind), f"realisasi:{t}": besaran(realisasi, ind),
                          f"capaian:{t}": capaian_of(target, realisasi, ind.polaritas)})
        cells["keterangan"] = f"Sumber {ind.sumber_data}" if ind.sumber_data else ""
        rows.append(Row(item.level, cells))
    label = f"{r.tahun[0]}-{r.tahun[-1]}"
    span = f"Tahun {years[0]}" if len(years) == 1 else f"Tahun {years[0]} sd {years[-1]}"
    return Report(
        code="Tabel 3.5",
        title=("Tabel 3.5", f"Capaian Kinerja {span}", f"(Berdasarkan Dokumen Renstra {label})"),
        columns=tuple(columns), rows=tuple(rows), kop=kop(data), penandatangan=data.penandatangan,
        orientation="landscape" if len(years) > 2 else "portrait",
        notes=("T = target Renstra tahun itu, R = realisasi, C = R/T × 100.",), filename=filename(data, "lkj35"),
    )
