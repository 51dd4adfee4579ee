"""T-C.24 Anggaran dan Realisasi Pendanaan Pelayanan Perangkat Daerah (tables.md §2.2). Pure.

Columns 1 … 18 for five years: Uraian | Anggaran per year | Realisasi per year | Rasio
realisasi/anggaran per year | Rata-rata pertumbuhan of anggaran and of realisasi. Programs come
in bands of the years they ran; a program has one amount per year, so the total row (column
sums, rasio of the sums, growth of the sums) cannot count a year twice as the seed does (R-1).
Rasio and growth come from `computations`.
"""

from __future__ import annotations

from decimal import Decimal
from itertools import groupby

from kecamatan.core.computations import jumlah, rasio, rata_rata_pertumbuhan
from kecamatan.core.formatting import berlaku_label, sebutan_kabupaten
from kecamatan.renstra.data_tabel import RiwayatData
from kecamatan.renstra.tables.common import RowBuffer, filename, kop_of
from kecamatan.tables.base import PERSEN, RASIO, RUPIAH, TEXT, Column, Report, numbered

ANGGARAN = "Anggaran pada Tahun"
REALISASI = "Realisasi Anggaran pada Tahun"
RASIO_GROUP = "Rasio antara Realisasi dan Anggaran Tahun"
PERTUMBUHAN = "Rata-Rata Pertumbuhan"
OUTSIDE = ""  # a year the program did not run: left blank, as the document does


def columns_tc24(tahun: tuple[int, ...]) -> tuple[Column, ...]:
    """Keys: uraian, anggaran:<year>, realisasi:<year>, rasio:<year>, pertumbuhan:anggaran,
    pertumbuhan:realisasi."""
    # widths in mm of an A4 landscape page (277 mm between the margins): a bold 1.248.000.000
    # at 6 pt needs 17,2 mm plus padding, "Realisasi" 10,7 mm
    cols = [Column("uraian", "Uraian", kind=TEXT, width=25)]
    for prefix, group, kind, width in (("anggaran", ANGGARAN, RUPIAH, 18.3), ("realisasi", REALISASI, RUPIAH, 18.3),
                                       ("rasio", RASIO_GROUP, RASIO, 8.2)):
        for t in tahun:
            cols.append(Column(f"{prefix}:{t}", str(t), group=group, kind=kind, width=width))
    cols.append(Column("pertumbuhan:anggaran", "Anggaran", group=PERTUMBUHAN, kind=PERSEN, width=14))
    cols.append(Column("pertumbuhan:realisasi", "Realisasi", group=PERTUMBUHAN, kind=PERSEN, width=14))
    return numbered(cols)


def _cells(uraian: str, tahun, years, anggaran, realisasi) -> dict:
    cells: dict = {"uraian": uraian}
    for t in tahun:
        if t not in years:
            cells[f"anggaran:{t}"] = cells[f"realisasi:{t}"] = cells[f"rasio:{t}"] = OUTSIDE
            continue
        a, r = anggaran.get(t), realisasi.get(t)
        cells[f"anggaran:{t}"], cells[f"realisasi:{t}"], cells[f"rasio:{t}"] = a, r, rasio(r, a)
    in_years = [t for t in tahun if t in years]
    cells["pertumbuhan:anggaran"] = rata_rata_pertumbuhan([anggaran.get(t) for t in in_years])
    cells["pertumbuhan:realisasi"] = rata_rata_pertumbuhan([realisasi.get(t) for t in in_years])
    return cells


def build_tc24(data: RiwayatData) -> Report:
    tahun = data.tahun
    columns = columns_tc24(tahun)
    buf = RowBuffer(columns)
    total_a: dict[int, Decimal] = {t: Decimal(0) for t in tahun}
    total_r: dict[int, Decimal] = {t: Decimal(0) for t in tahun}
    for (mulai, sampai), group in groupby(data.program, key=lambda p: (p.mulai, p.sampai)):
        buf.band(berlaku_label(mulai, sampai))
        for program in group:
            years = set(range(program.mulai, program.sampai + 1))
            buf.add("program-lalu", _cells(program.uraian, tahun, years, program.anggaran, program.realisasi))
            for t in years & set(tahun):
                total_a[t] = jumlah([total_a[t], program.anggaran.get(t)])
                total_r[t] = jumlah([total_r[t], program.realisasi.get(t)])
    if data.program:
        buf.add("total", _cells("Jumlah", tahun, set(tahun), total_a, total_r))
    return Report(
        code="T-C.24",
        title=(
            "Tabel T-C.24",
            "Anggaran dan Realisasi Pendanaan Pelayanan Perangkat Daerah",
            f"Kecamatan {data.kecamatan}",
            f"{sebutan_kabupaten(data.kabupaten)} Tahun {tahun[0]} s/d {tahun[-1]}",
        ),
        columns=columns,
        rows=buf.rows(),
        kop=kop_of(data, data.tahun_renstra),
        penandatangan=data.penandatangan,
        name_column="uraian",
        filename=filename("tc24", data, tahun),
    )
