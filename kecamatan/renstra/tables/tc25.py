"""T-C.25 Tujuan dan Sasaran Jangka Menengah Pelayanan Perangkat Daerah (tables.md §2.4). Pure.

Columns 1 … 8 as the Renstra prints them: Tujuan | Sasaran | Indikator | Satuan | Formulasi
Penghitungan | Target per year. A tujuan row (sasaran empty) comes first, then one row per
sasaran indicator; the tujuan cell spans its rows, a sasaran cell spans its indicators.
"""

from __future__ import annotations

from kecamatan.renstra.data import IndikatorData, RenstraData
from kecamatan.renstra.tables.common import RowBuffer, filename, kop_of, wilayah
from kecamatan.tables.base import NILAI, TEXT, Column, Report


def columns_tc25(tahun: tuple[int, ...]) -> tuple[Column, ...]:
    cols = [
        Column("1", "Tujuan", kind=TEXT, width=18),
        Column("2", "Sasaran", kind=TEXT, width=18),
        Column("3", "Indikator", kind=TEXT, width=20),
        Column("4", "Satuan", kind=TEXT, width=7),
        Column("5", "Formulasi Penghitungan", kind=TEXT, width=34),
    ]
    for t in tahun:
        cols.append(Column(str(len(cols) + 1), str(t), group="Target", kind=NILAI, width=7))
    return tuple(cols)


def _indikator_cells(ind: IndikatorData | None, tahun) -> list:
    if ind is None:
        return ["", "", "", *[None for _ in tahun]]
    return [ind.uraian, ind.satuan, ind.formula, *[ind.target_of(t) for t in tahun]]


def build_tc25(data: RenstraData) -> Report:
    tahun = data.tahun
    columns = columns_tc25(tahun)
    buf = RowBuffer(len(columns))
    for tujuan in data.tujuan:
        first_of_tujuan = len(buf)
        for ind in tujuan.indikator:
            buf.add("tujuan", [tujuan.uraian, "", *_indikator_cells(ind, tahun)])
        for sasaran in tujuan.sasaran:
            first_of_sasaran = len(buf)
            for ind in sasaran.indikator or (None,):
                buf.add("sasaran", [tujuan.uraian, sasaran.uraian, *_indikator_cells(ind, tahun)])
            buf.merge(first_of_sasaran, 1, len(buf) - first_of_sasaran)
        if len(buf) == first_of_tujuan:  # a tujuan with neither indicator nor sasaran
            buf.add("tujuan", [tujuan.uraian, "", *_indikator_cells(None, tahun)])
        buf.merge(first_of_tujuan, 0, len(buf) - first_of_tujuan)
    return Report(
        code="T-C.25",
        title=(
            "Tabel T-C.25",
            "Tujuan dan Sasaran Jangka Menengah Pelayanan Perangkat Daerah",
            wilayah(data),
        ),
        columns=columns,
        rows=buf.rows(),
        kop=kop_of(data),
        penandatangan=data.penandatangan,
        filename=filename("tc25", data, tahun),
    )
