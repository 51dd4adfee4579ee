"""LKj Tabel 2.1 Indikator Kinerja Utama (tables.md §4.1). Pure.

No | Tujuan / Sasaran Strategis | Indikator Kinerja Utama | Satuan | Formulasi | Sumber Data, in
a Tujuan block and a Sasaran Strategis block, as the LKj prints them.
"""

from __future__ import annotations

from kecamatan.lkj.data import LkjData
from kecamatan.lkj.tables.common import filename, grouped, kop
from kecamatan.tables.base import NOMOR, Column, Report, Row

COLUMNS = (
    Column("", "No", kind=NOMOR, width=4),
    Column("", "Tujuan / Sasaran Strategis", width=22),
    Column("", "Indikator Kinerja Utama", width=22),
    Column("", "Satuan", width=7),
    Column("", "Formulasi", width=30),
    Column("", "Sumber Data", width=13),
)


def build_lkj21(data: LkjData) -> Report:
    rows: list[Row] = []
    for label, items in grouped(data.items()):
        rows.append(Row("band", (label,)))
        for nomor, item in enumerate(items, start=1):
            ind = item.indikator
            rows.append(Row(item.level, (f"{nomor}.", item.pernyataan, ind.uraian, ind.satuan, ind.formula,
                                         ind.sumber_data)))
    return Report(
        code="Tabel 2.1",
        title=("Tabel 2.1", f"Indikator Kinerja Utama Kecamatan {data.renstra.kecamatan}"),
        columns=COLUMNS, rows=tuple(rows), kop=kop(data), penandatangan=data.penandatangan,
        orientation="portrait", filename=filename(data, "lkj21"),
    )
