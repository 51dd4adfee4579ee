"""T-C.25 Tujuan dan Sasaran Jangka Menengah Pelayanan Perangkat Daerah (tables.md §2.4). Pure.

Columns 1 … 8 as the Renstra prints them: Tujuan | Sasaran | Indikator | Satuan | Formulasi
Penghitungan | Target per year. A tujuan row (sasaran empty) comes first, then one row per
sasaran indicator; the tujuan cell spans its rows, a sasaran cell spans its indicators.
"""

from __future__ import annotations

from kecamatan.renstra.data import IndikatorData, RenstraData
from kecamatan.renstra.tables.common import RowBuffer, filename, kop_of, wilayah
from kecamatan.tables.base import NILAI, TEXT, Column, Report, numbered


def columns_tc25(tahun: tuple[int, ...]) -> tuple[Column, ...]:
    """Keys: tujuan, sasaran, indikator, satuan, formulasi, target:<year>."""
    cols = [
        Column("tujuan", "Tujuan", kind=TEXT, width=18),
        Column("sasaran", "Sasaran", kind=TEXT, width=18),
        Column("indikator", "Indikator", kind=TEXT, width=20),
        Column("satuan", "Satuan", kind=TEXT, width=7),
        Column("formulasi", "Formulasi Penghitungan", kind=TEXT, width=34),
    ]
    for t in tahun:
        cols.append(Column(f"target:{t}", str(t), group="Target", kind=NILAI, width=7))
    return numbered(cols)


def _indikator_cells(ind: IndikatorData | None, tahun) -> dict:
    if ind is None:
        return {"indikator": "", "satuan": "", "formulasi": "", **{f"target:{t}": None for t in tahun}}
    return {"indikator": ind.uraian, "satuan": ind.satuan, "formulasi": ind.formula,
            **{f"target:{t}": ind.target_of(t) for t in tahun}}


def build_tc25(data: RenstraData) -> Report:
    tahun = data.tahun
    columns = columns_tc25(tahun)
    buf = RowBuffer(columns)
    for tujuan in data.tujuan:
        first_of_tujuan = len(buf)
        for ind in tujuan.indikator:
            buf.add("tujuan", {"tujuan": tujuan.uraian, "sasaran": "", **_indikator_cells(ind, tahun)})
        for sasaran in tujuan.sasaran:
            first_of_sasaran = len(buf)
            for ind in sasaran.indikator or (None,):
                buf.add("sasaran", {"tujuan": tujuan.uraian, "sasaran": sasaran.uraian, **_indikator_cells(ind, tahun)})
            buf.merge(first_of_sasaran, "sasaran", len(buf) - first_of_sasaran)
        if len(buf) == first_of_tujuan:  # a tujuan with neither indicator nor sasaran
            buf.add("tujuan", {"tujuan": tujuan.uraian, "sasaran": "", **_indikator_cells(None, tahun)})
        buf.merge(first_of_tujuan, "tujuan", len(buf) - first_of_tujuan)
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
