"""T-C.23 Pencapaian Kinerja Pelayanan Perangkat Daerah (tables.md §2.1). Pure.

Columns 1 … 20 for five years: No | Indikator Kinerja | Target NSPK | Target IKK | Target Indikator
Lainnya | Target Renstra per year | Realisasi Capaian per year | Rasio Capaian per year.
Rows come in bands, one per Renstra in force ("2019 - 2020", "2021", "2022 - 2023"); a year
outside an indicator's band prints N/A. Tujuan and sasaran indicators are numbered within their
band, program indicators are not. Rasio = realisasi / target × 100 (both polarities), computed.
"""

from __future__ import annotations

from itertools import groupby

from kecamatan.core.computations import capaian
from kecamatan.core.formatting import Nilai, berlaku_label
from kecamatan.renstra.data_tabel import NA, RiwayatData
from kecamatan.renstra.tables.common import RowBuffer, filename, kop_of, wilayah
from kecamatan.tables.base import NILAI, NOMOR, PERSEN, TEXT, Column, Report, numbered

TARGET = "Target Renstra Perangkat Daerah Tahun"
REALISASI = "Realisasi Capaian Tahun"
RASIO = "Rasio Capaian Tahun"


def columns_tc23(tahun: tuple[int, ...]) -> tuple[Column, ...]:
    """Keys: no, indikator, nspk, ikk, lainnya, then target:<year>, realisasi:<year>, rasio:<year>."""
    cols = [
        Column("no", "No", kind=NOMOR, width=3),
        Column("indikator", "Indikator Kinerja", kind=TEXT, width=26),
        Column("nspk", "Target NSPK", kind=NILAI, width=5),
        Column("ikk", "Target IKK", kind=NILAI, width=5),
        Column("lainnya", "Target Indikator Lainnya", kind=NILAI, width=6.5),
    ]
    for prefix, group, kind in (("target", TARGET, NILAI), ("realisasi", REALISASI, NILAI), ("rasio", RASIO, PERSEN)):
        for t in tahun:
            cols.append(Column(f"{prefix}:{t}", str(t), group=group, kind=kind, width=6.5 if kind == PERSEN else 5.5))
    return numbered(cols)


def build_tc23(data: RiwayatData) -> Report:
    tahun = data.tahun
    columns = columns_tc23(tahun)
    buf = RowBuffer(columns)
    for (mulai, sampai), group in groupby(data.indikator, key=lambda i: (i.mulai, i.sampai)):
        buf.band(berlaku_label(mulai, sampai))
        nomor = 0
        for ind in group:
            cells: dict = {"no": "", "indikator": ind.uraian, "nspk": ind.nspk, "ikk": ind.ikk, "lainnya": ind.lainnya}
            if ind.bernomor:
                nomor += 1
                cells["no"] = str(nomor)
            for t in tahun:
                if not ind.berlaku(t):
                    cells[f"target:{t}"] = cells[f"realisasi:{t}"] = cells[f"rasio:{t}"] = NA
                    continue
                target, real = ind.target.get(t, Nilai()), ind.realisasi.get(t, Nilai())
                cells[f"target:{t}"] = target
                cells[f"realisasi:{t}"] = real
                cells[f"rasio:{t}"] = capaian(target.nilai, real.nilai, polaritas=ind.polaritas)
            buf.add("sasaran" if ind.bernomor else "indikator", cells, level=0 if ind.bernomor else 1)
    return Report(
        code="T-C.23",
        title=(
            "Tabel T-C.23",
            "Pencapaian Kinerja Pelayanan Perangkat Daerah",
            f"{wilayah(data)} Tahun {tahun[0]} s/d {tahun[-1]}",
        ),
        columns=columns,
        rows=buf.rows(),
        kop=kop_of(data, data.tahun_renstra),
        penandatangan=data.penandatangan,
        name_column="indikator",
        filename=filename("tc23", data, tahun),
    )
