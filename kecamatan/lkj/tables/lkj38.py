"""LKj Tabel 3.8 Efisiensi Penggunaan Sumber Daya (tables.md §4.12). Pure.

No. | Tujuan/ Sasaran Strategis | Indikator Kinerja | Capaian Kinerja (%) | Persentase Penyerapan
Anggaran (%) | Tingkat Efisiensi (%), with Tingkat Efisiensi = capaian − penyerapan (the rule
the LKj prints), penyerapan = realisasi ÷ anggaran akhir of the programs supporting that tujuan
or sasaran. Both terms are taken as printed (two decimals), so each row checks by hand.
"""

from __future__ import annotations

from kecamatan.core.computations import efisiensi
from kecamatan.lkj.data import LkjData, capaian_of, dua_desimal
from kecamatan.lkj.tables.common import filename, kop
from kecamatan.tables.base import NOMOR, PERSEN, Column, Report, Row

COLUMNS = (
    Column("no", "No.", kind=NOMOR, width=4),
    Column("pernyataan", "Tujuan/ Sasaran Strategis", width=24),
    Column("indikator", "Indikator Kinerja", width=26),
    Column("capaian", "Capaian Kinerja (%)", kind=PERSEN, width=10),
    Column("penyerapan", "Persentase Penyerapan Anggaran (%)", kind=PERSEN, width=11),
    Column("efisiensi", "Tingkat Efisiensi (%)", kind=PERSEN, width=10),
)


def build_lkj38(data: LkjData) -> Report:
    rows = []
    for nomor, item in enumerate(data.items(), start=1):
        ind = item.indikator
        c = dua_desimal(capaian_of(data.target_kinerja(item), data.realisasi_tahunan(ind), ind.polaritas))
        p = dua_desimal(data.penyerapan_of((item.level, item.owner_id)))
        rows.append(Row(item.level, {"no": f"{nomor}.", "pernyataan": item.pernyataan, "indikator": ind.uraian,
                                     "capaian": c, "penyerapan": p, "efisiensi": efisiensi(c, p)}))
    stage = "perubahan" if data.ada_perubahan else "awal"
    return Report(
        code="Tabel 3.8", title=("Tabel 3.8", "Efisiensi Penggunaan Sumber Daya"), columns=COLUMNS,
        rows=tuple(rows), kop=kop(data), penandatangan=data.penandatangan, orientation="portrait",
        notes=("Rumus: Tingkat Efisiensi = Capaian Kinerja − % Penyerapan Anggaran.",
               f"Penyerapan = realisasi anggaran ÷ anggaran ({stage}) program yang mendukung tujuan/sasaran itu × 100."),
        filename=filename(data, "lkj38"),
    )
