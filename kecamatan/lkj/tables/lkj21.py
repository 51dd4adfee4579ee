"""LKj Tabel 2.1 Indikator Kinerja Utama (tables.md §4.1). Pure.

No | Tujuan / Sasaran Strategis | Indikator Kinerja Utama | Satuan | Formulasi | Sumber Data, in
a Tujuan block and a Sasaran Strategis block, as the LKj prints them.
"""

from __future__ import annotations

from kecamatan.lkj.data import LkjData
from kecamatan.lkj.tables.common import filename, grouped, kop
from kecamatan.tables.base import NOMOR, Column, Report, Row

COLUMNS = (
    Column("no", "No", kind=NOMOR, width=4),
    Column("pernyataan", "Tujuan / Sasaran Strategis", width=22),
    Column("indikator", "Indikator Kinerja Utama", width=22),
    Column("satuan", "Satuan", width=7),
    Column("formulasi", "Formulasi", width=30),
    Column("sumber-data", "Sumber Data", width=13),
)


def build_lkj21(data: LkjData) -> Report:
    rows: list[Row] = []
    for label, items in grouped(data.items()):
        rows.append(Row("band", text=label))
        for nomor, item in enumerate(items, start=1):
            ind = item.indikator
            rows.append(Row(item.level, {"no": f"{nomor}.", "pernyataan": item.pernyataan, "indikator": ind.uraian,
                                         "satuan": ind.satuan, "formulasi": ind.formula,
                                         "sumber-data": ind.sumber_data}))
    return Report(
        code="Tabel 2.1",
        title=("Tabel 2.1", f"Indikator Kinerja Utama Kecamatan {data.renstra.kecamatan}"),
        columns=COLUMNS, rows=tuple(rows), kop=kop(data), penandatangan=data.penandatangan,
        orientation="portrait", filename=filename(data, "lkj21"),
    )
