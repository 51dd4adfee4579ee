"""T-C.27 Rencana Program, Kegiatan, dan Pendanaan Perangkat Daerah (tables.md §2.7). Pure.

Columns as the Renstra prints them, numbered 11 … 26 (the table is a slice of a wider matrix):
Kode | Sasaran | Program/Kegiatan/Sub-Kegiatan | Indikator | Satuan | Formulasi | Capaian awal |
Target and Rp per year | Akhir periode Target and Rp | Unit Kerja. The first row is the
"Unsur Kewilayahan" total; a node with several indicators prints one row per indicator with the
shared cells (kode, names, Rp) merged over them, as the documents do.
"""

from __future__ import annotations

from kecamatan.core.computations import jumlah
from kecamatan.core.formatting import Nilai
from kecamatan.renstra.data import TOTAL, RenstraData
from kecamatan.tables.base import ANGKA, COVERED, KODE, NILAI, RUPIAH, TEXT, Column, Kop, Report, Row

FIRST_NUMBER = 11


def columns_tc27(tahun: tuple[int, ...], tahun_kondisi_awal: int) -> tuple[Column, ...]:
    # widths in mm of an A4 landscape page (277 mm between the margins) for three years: a bold
    # 1.916.486.189 at 6 pt needs 17,2 mm plus padding; longer periods scale down
    n = iter(range(FIRST_NUMBER, FIRST_NUMBER + 100))
    cols = [
        Column(str(next(n)), "Kode", kind=KODE, width=21.5),
        Column(str(next(n)), "Sasaran Program/Kegiatan/Sub-Kegiatan", width=24.5),
        Column(str(next(n)), "Program/Kegiatan/Sub-Kegiatan", width=27),
        Column(str(next(n)), "Indikator", width=25.5),
        Column(str(next(n)), "Satuan", width=12.5),
        Column(str(next(n)), "Formulasi Penghitungan", width=26),
        Column(str(next(n)), f"Capaian awal tahun perencanaan (Tahun {tahun_kondisi_awal})", kind=NILAI, width=17.5),
    ]
    for t in tahun:
        cols.append(Column(str(next(n)), "Target", group=str(t), kind=NILAI, width=9.5))
        cols.append(Column(str(next(n)), "Rp", group=str(t), kind=RUPIAH, width=18.7))
    cols.append(Column(str(next(n)), "Target", group="Akhir Periode", kind=ANGKA, width=9.5))
    cols.append(Column(str(next(n)), "Rp", group="Akhir Periode", kind=RUPIAH, width=18.7))
    cols.append(Column(str(next(n)), "Unit Kerja", kind=TEXT, width=9))
    return tuple(cols)


def kop_of(data: RenstraData) -> Kop:
    return Kop(pemerintah=f"PEMERINTAH KABUPATEN {data.kabupaten.upper()}", instansi=f"KECAMATAN {data.kecamatan.upper()}")


def build_tc27(data: RenstraData) -> Report:
    tahun = data.tahun
    columns = columns_tc27(tahun, data.tahun_kondisi_awal)
    pagu = data.rolled_up_pagu()
    n_years = len(tahun)
    rp_columns = [7 + 2 * i + 1 for i in range(n_years)] + [7 + 2 * n_years + 1]
    shared_columns = [0, 1, 2, *rp_columns, len(columns) - 1]

    total = pagu[TOTAL]
    total_cells: list = [""] * len(columns)
    total_cells[2] = "Unsur Kewilayahan"
    for i, t in enumerate(tahun):
        total_cells[7 + 2 * i + 1] = total[t]
        total_cells[7 + 2 * i] = None
    total_cells[7 + 2 * n_years] = None
    total_cells[7 + 2 * n_years + 1] = jumlah(total.values())
    rows: list[Row] = [Row("total", tuple(total_cells))]

    level_depth = {"program": 0, "kegiatan": 1, "subkegiatan": 2}
    for node in data.nodes():
        node_pagu = pagu[node.key]
        indikator = node.indikator or (None,)
        span = len(indikator)
        for k, ind in enumerate(indikator):
            cells: list = [""] * len(columns)
            if k == 0:
                cells[0], cells[1], cells[2] = node.kode, node.rumusan_sasaran, node.nama
                for i, t in enumerate(tahun):
                    cells[7 + 2 * i + 1] = node_pagu[t]
                cells[7 + 2 * n_years + 1] = jumlah(node_pagu.values())
                cells[-1] = node.unit_kerja
            else:
                for c in shared_columns:
                    cells[c] = COVERED
            if ind is not None:
                cells[3], cells[4], cells[5] = ind.uraian, ind.satuan, ind.formula
                cells[6] = ind.kondisi_awal
                for i, t in enumerate(tahun):
                    cells[7 + 2 * i] = ind.target_of(t)
                cells[7 + 2 * n_years] = ind.target_akhir(tahun)
            else:
                cells[6] = Nilai()
                for i in range(n_years):
                    cells[7 + 2 * i] = Nilai()
                cells[7 + 2 * n_years] = None
            rowspan = {c: span for c in shared_columns} if (k == 0 and span > 1) else {}
            rows.append(Row(node.level, tuple(cells), level=level_depth[node.level], rowspan=rowspan))

    return Report(
        code="T-C.27",
        title=(
            "Tabel T-C.27",
            "Rencana Program, Kegiatan, dan Pendanaan Perangkat Daerah",
            f"Kecamatan {data.kecamatan} Kabupaten {data.kabupaten}",
        ),
        columns=columns,
        rows=tuple(rows),
        kop=kop_of(data),
        penandatangan=data.penandatangan,
        orientation="landscape",
        name_column=2,
        filename=f"tc27-{data.kecamatan.lower()}-{tahun[0]}-{tahun[-1]}",
    )
