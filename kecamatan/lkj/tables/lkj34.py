"""LKj Tabel 3.4 Perbandingan Capaian Kinerja tahun-tahun sebelumnya (tables.md §4.8). Pure.

NO | TUJUAN/SASARAN | INDIKATOR | per year of each earlier Renstra period: T | R | C, with
C = R / T × 100. The 2024 Jatiroto LKj prints R and C swapped in every group; here R is the
realisasi entered for that year and C is computed, so they cannot be swapped.
"""

from __future__ import annotations

from kecamatan.lkj.data import LkjData, PeriodeLalu, capaian_of, realisasi_total
from kecamatan.lkj.tables.common import besaran, filename, kop
from kecamatan.tables.base import NILAI, NOMOR, PERSEN, Column, Report, Row


def _years(periode: PeriodeLalu) -> list[int]:
    """Years of the period with a target or a realisasi for any of its rows."""
    used = [t for t in periode.tahun
            if any(not item.indikator.target_of(t).is_empty or (item.indikator.id, t) in periode.realisasi
                   for item in periode.items)]
    return used or list(periode.tahun)


def build_lkj34_periode(data: LkjData, periode: PeriodeLalu) -> Report:
    years = _years(periode)
    columns = [Column("no", "NO", kind=NOMOR, width=4), Column("pernyataan", "TUJUAN/SASARAN", width=18),
               Column("indikator", "INDIKATOR", width=20)]
    for t in years:
        columns += [Column(f"target:{t}", "T", group=f"TAHUN {t}", kind=NILAI, width=6.5),
                    Column(f"realisasi:{t}", "R", group=f"TAHUN {t}", kind=NILAI, width=6.5),
                    Column(f"capaian:{t}", "C", group=f"TAHUN {t}", kind=PERSEN, width=7.5)]
    rows = []
    nomor = 0
    for item in periode.items:
        ind = item.indikator
        if item.level == "sasaran":
            nomor += 1
        cells: dict[str, object] = {"no": "" if item.level == "tujuan" else str(nomor),
                                    "pernyataan": item.pernyataan, "indikator": ind.uraian}
        for t in years:
            target = ind.target_of(t)
            realisasi = realisasi_total(periode.realisasi.get((ind.id, t), (None,) * 4), ind.aturan)
            cells.update({f"target:{t}": besaran(target, ind), f"realisasi:{t}": besaran(realisasi, ind),
                          f"capaian:{t}": capaian_of(target, realisasi, ind.polaritas)})
        rows.append(Row(item.level, cells))
    return Report(
        code="Tabel 3.4",
        title=("Tabel 3.4", f"Perbandingan Capaian Kinerja dari Tahun {years[0]} sd {years[-1]}",
               f"(Berdasarkan Dokumen Renstra {periode.label})"),
        columns=tuple(columns), rows=tuple(rows), kop=kop(data), penandatangan=data.penandatangan,
        orientation="landscape", notes=("Ket: T = Target, R = Realisasi, C = Capaian (R/T × 100).",),
        filename=filename(data, "lkj34"),
    )


def build_lkj34(data: LkjData) -> list[Report]:
    if data.periode_lalu:
        return [build_lkj34_periode(data, p) for p in data.periode_lalu]
    columns = (Column("no", "NO", kind=NOMOR, width=4), Column("pernyataan", "TUJUAN/SASARAN", width=30),
               Column("indikator", "INDIKATOR", width=30))
    return [Report(
        code="Tabel 3.4", title=("Tabel 3.4", "Perbandingan Capaian Kinerja Tahun-Tahun Sebelumnya"),
        columns=columns, rows=(Row("band", text="Belum ada data Renstra periode sebelumnya."),), kop=kop(data),
        penandatangan=data.penandatangan, orientation="portrait", filename=filename(data, "lkj34"),
    )]
