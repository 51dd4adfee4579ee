"""LKj Tabel 3.6 Perbandingan Realisasi Kinerja dengan Target Akhir Renstra (tables.md §4.10). Pure.

No | Tujuan/ Sasaran Strategis | Indikator | Target n | Realisasi | Target Akhir Renstra |
Capaian, where the akhir-periode target follows the indicator's rule over the Renstra's yearly
targets (computations.akhir_periode; linked, never retyped) and Capaian = Realisasi / Target
Akhir × 100.
"""

from __future__ import annotations

from kecamatan.lkj.data import LkjData, capaian_of
from kecamatan.lkj.tables.common import besaran, filename, kop, target_akhir
from kecamatan.tables.base import NILAI, NOMOR, PERSEN, Column, Report, Row


def build_lkj36(data: LkjData) -> Report:
    r = data.renstra
    label = f"{r.tahun[0]}-{r.tahun[-1]}"
    columns = (
        Column("no", "No", kind=NOMOR, width=4), Column("pernyataan", "Tujuan/ Sasaran Strategis", width=22),
        Column("indikator", "Indikator", width=24), Column("target", f"Target {data.tahun}", kind=NILAI, width=9),
        Column("realisasi", "Realisasi", kind=NILAI, width=9),
        Column("target:akhir", "Target Akhir Renstra", kind=NILAI, width=10),
        Column("capaian", "Capaian", kind=PERSEN, width=9),
    )
    rows = []
    for nomor, item in enumerate(data.items(), start=1):
        ind = item.indikator
        akhir = target_akhir(ind, r.tahun)
        realisasi = data.realisasi_tahunan(ind)
        rows.append(Row(item.level, {"no": str(nomor), "pernyataan": item.pernyataan, "indikator": ind.uraian,
                                     "target": besaran(data.target_kinerja(item), ind),
                                     "realisasi": besaran(realisasi, ind), "target:akhir": besaran(akhir, ind),
                                     "capaian": capaian_of(akhir, realisasi, ind.polaritas)}))
    return Report(
        code="Tabel 3.6",
        title=("Tabel 3.6", f"Perbandingan Realisasi Kinerja Tahun {data.tahun} dengan Target Akhir Renstra {label}"),
        columns=columns, rows=tuple(rows), kop=kop(data), penandatangan=data.penandatangan, orientation="portrait",
        notes=(f"Target Akhir Renstra dihitung dari target tahunan Renstra {label} (persen/indeks: target tahun "
               "terakhir; cacah: jumlah). Capaian = Realisasi/Target Akhir × 100.",),
        filename=filename(data, "lkj36"),
    )
