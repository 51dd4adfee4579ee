"""LKj Tabel 2.2 Target IKU of the year (tables.md §4.2). Pure.

No | Tujuan / Sasaran Strategis | Indikator Kinerja Utama | Target n: the Renstra's target of the
year, with its unit.
"""

from __future__ import annotations

from kecamatan.lkj.data import LkjData
from kecamatan.lkj.tables.common import besaran, filename, grouped, kop
from kecamatan.tables.base import NILAI, NOMOR, Column, Report, Row


def build_lkj22(data: LkjData) -> Report:
    columns = (
        Column("no", "No", kind=NOMOR, width=4),
        Column("pernyataan", "Tujuan / Sasaran Strategis", width=30),
        Column("indikator", "Indikator Kinerja Utama", width=34),
        Column("target", f"Target {data.tahun}", kind=NILAI, width=12),
    )
    rows: list[Row] = []
    for label, items in grouped(data.items()):
        rows.append(Row("band", text=label))
        for nomor, item in enumerate(items, start=1):
            rows.append(Row(item.level, {"no": f"{nomor}.", "pernyataan": item.pernyataan,
                                         "indikator": item.indikator.uraian,
                                         "target": besaran(data.target_renstra(item), item.indikator)}))
    return Report(
        code="Tabel 2.2",
        title=("Tabel 2.2", f"Target Indikator Kinerja Utama Kecamatan {data.renstra.kecamatan} Tahun {data.tahun}"),
        columns=columns, rows=tuple(rows), kop=kop(data), penandatangan=data.penandatangan,
        orientation="portrait", filename=filename(data, "lkj22"),
        notes=(f"Target menurut Renstra {data.renstra.tahun[0]}-{data.renstra.tahun[-1]} untuk tahun {data.tahun}.",),
    )
