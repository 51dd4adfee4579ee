"""T-C.30 Pencapaian Kinerja Pelayanan Perangkat Daerah, in the Renja (tables.md §3.2). Pure.

Columns as the Renja prints them, numbered 1 … 14, with the Renstra years as absolute years in the
three groups (the seed's layout; the annex's relative years are unverified, tables.md §10.2):
No | Indikator | SPM/Standar Nasional | IKK | Target Renstra per year (`Target`) | Realisasi capaian
per year (the indicator's triwulan reports) | Proyeksi per year | Catatan Analisis.
Proyeksi is what the Renja plans: the Renja target for year n and the prakiraan maju for n+1; the
other years have none ("-"). Rows: the tujuan indicators, then the sasaran indicators, numbered.
"""

from __future__ import annotations

from kecamatan.core.formatting import Nilai
from kecamatan.renja.data import PRAKIRAAN, RENJA, AnalisisData, RenjaData
from kecamatan.renja.tables.common import filename, kop_of
from kecamatan.tables.base import NILAI, NOMOR, Column, Report, Row, numbered

GROUPS = (("target", "Target Renstra Perangkat Daerah"), ("realisasi", "Realisasi Capaian"), ("proyeksi", "Proyeksi"))


def columns_tc30(tahun: tuple[int, ...]) -> tuple[Column, ...]:
    """No, indikator, SPM, IKK, then "target:2024", "realisasi:2024", "proyeksi:2024" … per year, catatan."""
    cols = [
        Column("no", "No", kind=NOMOR, width=3),
        Column("indikator", "Indikator", width=24),
        Column("spm", "SPM/Standar Nasional", kind=NILAI, width=7),
        Column("ikk", "IKK", kind=NILAI, width=6),
    ]
    for prefix, group in GROUPS:
        cols += [Column(f"{prefix}:{t}", f"Tahun {t}", group=group, kind=NILAI, width=7) for t in tahun]
    cols.append(Column("catatan", "Catatan Analisis", width=16))
    return numbered(cols)


def proyeksi(data: RenjaData, indikator_id: int, tahun: int) -> Nilai:
    if tahun == data.tahun:
        return data.target_renja_of(indikator_id, tahun, RENJA)
    if tahun == data.tahun + 1:
        return data.target_renja_of(indikator_id, tahun, PRAKIRAAN)
    return Nilai()


def build_tc30(data: RenjaData) -> Report:
    tahun = data.renstra.tahun
    columns = columns_tc30(tahun)
    indikator = [ind for tujuan in data.renstra.tujuan for ind in tujuan.indikator]
    indikator += [ind for tujuan in data.renstra.tujuan for s in tujuan.sasaran for ind in s.indikator]
    rows: list[Row] = []
    for number, ind in enumerate(indikator, start=1):
        analisis = data.analisis.get(ind.id, AnalisisData())
        cells: dict[str, object] = {"no": str(number), "indikator": ind.uraian, "spm": analisis.spm,
                                    "ikk": analisis.ikk}
        for t in tahun:
            cells[f"target:{t}"] = ind.target_of(t)
            cells[f"realisasi:{t}"] = data.realisasi_tahunan(ind, t)
            cells[f"proyeksi:{t}"] = proyeksi(data, ind.id, t)
        cells["catatan"] = analisis.catatan
        rows.append(Row("indikator", cells, key=str(number)))
    if not rows:
        rows.append(Row("band", text="Belum ada indikator tujuan atau sasaran pada Renstra."))
    return Report(
        code="T-C.30",
        title=(
            "Tabel T-C.30",
            f"Pencapaian Kinerja Pelayanan Perangkat Daerah Kecamatan {data.kecamatan}",
            f"Kabupaten {data.kabupaten}",
        ),
        columns=columns,
        rows=tuple(rows),
        kop=kop_of(data),
        penandatangan=data.penandatangan,
        orientation="landscape",
        name_column="indikator",
        filename=filename("tc30", data),
    )
