"""T-C.27 Rencana Program, Kegiatan, dan Pendanaan Perangkat Daerah (tables.md §2.7). Pure.

Columns as the Renstra prints them, numbered 11 … 26 (the table is a slice of a wider matrix):
Kode | Sasaran | Program/Kegiatan/Sub-Kegiatan | Indikator | Satuan | Formulasi | Capaian awal |
Target and Rp per year | Akhir periode Target and Rp | Unit Kerja. The first row is the
"Unsur Kewilayahan" total; a node with several indicators prints one row per indicator with the
shared cells (kode, names, Rp) merged over them, as the documents do.
"""

from __future__ import annotations

from kecamatan.core.computations import jumlah
from kecamatan.core.formatting import Nilai, sebutan_kabupaten
from kecamatan.renstra.data import TOTAL, RenstraData
from kecamatan.renstra.tables.common import kop_of
from kecamatan.tables.base import ANGKA, COVERED, KODE, NILAI, RUPIAH, TEXT, Column, Report, Row, numbered

FIRST_NUMBER = 11
LEVEL_DEPTH = {"program": 0, "kegiatan": 1, "subkegiatan": 2}


def columns_tc27(tahun: tuple[int, ...], tahun_kondisi_awal: int) -> tuple[Column, ...]:
    """Keys: kode, sasaran, nama, indikator, satuan, formulasi, kondisi-awal, target:<year> and
    rp:<year> per year, target:akhir, rp:akhir, unit-kerja."""
    # widths in mm of an A4 landscape page (277 mm between the margins) for three years: a bold
    # 1.916.486.189 at 6 pt needs 17,2 mm plus padding; longer periods scale down
    cols = [
        Column("kode", "Kode", kind=KODE, width=21.5),
        Column("sasaran", "Sasaran Program/Kegiatan/Sub-Kegiatan", width=24.5),
        Column("nama", "Program/Kegiatan/Sub-Kegiatan", width=27),
        Column("indikator", "Indikator", width=25.5),
        Column("satuan", "Satuan", width=12.5),
        Column("formulasi", "Formulasi Penghitungan", width=26),
        Column("kondisi-awal", f"Capaian awal tahun perencanaan (Tahun {tahun_kondisi_awal})", kind=NILAI, width=17.5),
    ]
    for t in tahun:
        cols.append(Column(f"target:{t}", "Target", group=str(t), kind=NILAI, width=9.5))
        cols.append(Column(f"rp:{t}", "Rp", group=str(t), kind=RUPIAH, width=18.7))
    cols.append(Column("target:akhir", "Target", group="Akhir Periode", kind=ANGKA, width=9.5))
    cols.append(Column("rp:akhir", "Rp", group="Akhir Periode", kind=RUPIAH, width=18.7))
    cols.append(Column("unit-kerja", "Unit Kerja", kind=TEXT, width=9))
    return numbered(cols, first=FIRST_NUMBER)


def _indikator_cells(ind, tahun: tuple[int, ...]) -> dict:
    """The cells of one indicator line; a node without indicator prints empty values."""
    if ind is None:
        return {"indikator": "", "satuan": "", "formulasi": "", "kondisi-awal": Nilai(),
                **{f"target:{t}": Nilai() for t in tahun}, "target:akhir": None}
    return {"indikator": ind.uraian, "satuan": ind.satuan, "formulasi": ind.formula, "kondisi-awal": ind.kondisi_awal,
            **{f"target:{t}": ind.target_of(t) for t in tahun}, "target:akhir": ind.target_akhir(tahun)}


def _node_rows(node, node_pagu, tahun: tuple[int, ...]) -> list[Row]:
    """One row per indicator; the shared cells (kode, names, Rp, unit kerja) merged over them."""
    shared = ("kode", "sasaran", "nama", *(f"rp:{t}" for t in tahun), "rp:akhir", "unit-kerja")
    indikator = node.indikator or (None,)
    span = len(indikator)
    rows = []
    for k, ind in enumerate(indikator):
        if k == 0:
            cells = {"kode": node.kode, "sasaran": node.rumusan_sasaran, "nama": node.nama,
                     **{f"rp:{t}": node_pagu[t] for t in tahun}, "rp:akhir": jumlah(node_pagu.values()),
                     "unit-kerja": node.unit_kerja}
        else:
            cells = dict.fromkeys(shared, COVERED)
        cells |= _indikator_cells(ind, tahun)
        rowspan = dict.fromkeys(shared, span) if (k == 0 and span > 1) else {}
        rows.append(Row(node.level, cells, level=LEVEL_DEPTH[node.level], rowspan=rowspan))
    return rows


def build_tc27(data: RenstraData) -> Report:
    tahun = data.tahun
    columns = columns_tc27(tahun, data.tahun_kondisi_awal)
    pagu = data.rolled_up_pagu()
    total = pagu[TOTAL]
    total_cells: dict = dict.fromkeys((c.key for c in columns), "")
    total_cells |= {"nama": "Unsur Kewilayahan", **{f"target:{t}": None for t in tahun}, "target:akhir": None,
                    **{f"rp:{t}": total[t] for t in tahun}, "rp:akhir": jumlah(total.values())}
    rows: list[Row] = [Row("total", total_cells)]
    for node in data.nodes():
        rows += _node_rows(node, pagu[node.key], tahun)

    return Report(
        code="T-C.27",
        title=(
            "Tabel T-C.27",
            "Rencana Program, Kegiatan, dan Pendanaan Perangkat Daerah",
            f"Kecamatan {data.kecamatan} {sebutan_kabupaten(data.kabupaten)}",
        ),
        columns=columns,
        rows=tuple(rows),
        kop=kop_of(data),
        penandatangan=data.penandatangan,
        orientation="landscape",
        name_column="nama",
        repeat_columns=("kode", "nama", "indikator"),
        filename=f"tc27-{data.kecamatan.lower()}-{tahun[0]}-{tahun[-1]}",
    )
