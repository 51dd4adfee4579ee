"""Tabel 4.2 Cascading Kinerja Perangkat Daerah (tables.md §2.5). Pure.

Columns numbered 12 … 16, as the Renstra prints them (the table is a slice of the same wide
matrix as T-C.27): Sasaran Program/Kegiatan/Sub-Kegiatan | Program/Kegiatan/Sub-Kegiatan |
Indikator | Satuan | Formulasi Penghitungan. Rendered from the same records as T-C.27, without
codes and money: first the "Unsur Kewilayahan" row, then program → kegiatan → sub-kegiatan;
a node with several indicators prints one row per indicator with its own cells merged.
"""

from __future__ import annotations

from kecamatan.renstra.data import RenstraData
from kecamatan.renstra.tables.common import RowBuffer, filename, kop_of
from kecamatan.tables.base import TEXT, Column, Report, numbered

FIRST_NUMBER = 12
LEVEL_DEPTH = {"program": 0, "kegiatan": 1, "subkegiatan": 2}


def columns_cascading() -> tuple[Column, ...]:
    """Keys: sasaran, nama, indikator, satuan, formulasi (the same keys as T-C.27's columns)."""
    return numbered((
        Column("sasaran", "Sasaran Program/Kegiatan/Sub-Kegiatan", kind=TEXT, width=28),
        Column("nama", "Program/Kegiatan/Sub-Kegiatan", kind=TEXT, width=28),
        Column("indikator", "Indikator", kind=TEXT, width=30),
        Column("satuan", "Satuan", kind=TEXT, width=9),
        Column("formulasi", "Formulasi Penghitungan", kind=TEXT, width=36),
    ), first=FIRST_NUMBER)


def build_cascading(data: RenstraData) -> Report:
    columns = columns_cascading()
    buf = RowBuffer(columns)
    buf.band("Unsur Kewilayahan")
    for node in data.nodes():
        first = len(buf)
        for ind in node.indikator or (None,):
            indikator = ({"indikator": ind.uraian, "satuan": ind.satuan, "formulasi": ind.formula} if ind
                         else {"indikator": "", "satuan": "", "formulasi": ""})
            buf.add(node.level, {"sasaran": node.rumusan_sasaran, "nama": node.nama, **indikator},
                    level=LEVEL_DEPTH[node.level])
        for column in ("sasaran", "nama"):
            buf.merge(first, column, len(buf) - first)
    return Report(
        code="Tabel 4.2",
        title=("Tabel 4.2", f"Cascading Kinerja Perangkat Daerah Kecamatan {data.kecamatan}"),
        columns=columns,
        rows=buf.rows(),
        kop=kop_of(data),
        penandatangan=data.penandatangan,
        name_column="nama",
        filename=filename("cascading", data, data.tahun),
    )
