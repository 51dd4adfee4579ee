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
from kecamatan.tables.base import TEXT, Column, Report

FIRST_NUMBER = 12
LEVEL_DEPTH = {"program": 0, "kegiatan": 1, "subkegiatan": 2}


def columns_cascading() -> tuple[Column, ...]:
    labels = [
        ("Sasaran Program/Kegiatan/Sub-Kegiatan", 28),
        ("Program/Kegiatan/Sub-Kegiatan", 28),
        ("Indikator", 30),
        ("Satuan", 9),
        ("Formulasi Penghitungan", 36),
    ]
    return tuple(Column(str(FIRST_NUMBER + i), label, kind=TEXT, width=w) for i, (label, w) in enumerate(labels))


def build_cascading(data: RenstraData) -> Report:
    columns = columns_cascading()
    buf = RowBuffer(len(columns))
    buf.band("Unsur Kewilayahan")
    for node in data.nodes():
        first = len(buf)
        for ind in node.indikator or (None,):
            indikator = [ind.uraian, ind.satuan, ind.formula] if ind else ["", "", ""]
            buf.add(node.level, [node.rumusan_sasaran, node.nama, *indikator], level=LEVEL_DEPTH[node.level])
        for column in (0, 1):
            buf.merge(first, column, len(buf) - first)
    return Report(
        code="Tabel 4.2",
        title=("Tabel 4.2", f"Cascading Kinerja Perangkat Daerah Kecamatan {data.kecamatan}"),
        columns=columns,
        rows=buf.rows(),
        kop=kop_of(data),
        penandatangan=data.penandatangan,
        name_column=1,
        filename=filename("cascading", data, data.tahun),
    )
