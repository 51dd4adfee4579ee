"""LKj Tabel 3.2 Capaian Kinerja Tahun n, per triwulan (tables.md §4.6). Pure.

No. | Tujuan/ Sasaran Strategis | Indikator Kinerja | Target | Realisasi per Triwulan (TW I …
TW IV) | Realisasi Total | Capaian (%) | Kriteria. The quarters print what was reported; the
total follows the indicator's rule (computations.realisasi_kumulatif: latest value for
percentages and indices, which are reported cumulative-to-date; the sum for counts), so it is
the year-to-date figure while the year is running. Capaian = Realisasi / Target × 100 (negative
polarity: (2T − R) / T × 100); Kriteria from Tabel 3.1.
"""

from __future__ import annotations

from kecamatan.core.computations import AturanAkhir
from kecamatan.core.formatting import format_nilai
from kecamatan.lkj.data import LkjData, capaian_of, predikat_of
from kecamatan.lkj.tables.common import besaran, filename, kop, numbered_items
from kecamatan.tables.base import NILAI, NOMOR, PERSEN, PERSEN_SATUAN, TEXT, Column, Report, Row

COLUMNS = (
    Column("no", "No.", kind=NOMOR, width=4),
    Column("pernyataan", "Tujuan/ Sasaran Strategis", width=20),
    Column("indikator", "Indikator Kinerja", width=22),
    Column("target", "Target", kind=NILAI, width=8),
    *(Column(f"realisasi:tw{tw}", f"TW {romawi}", group="Realisasi per Triwulan", kind=NILAI, width=7.5)
      for tw, romawi in ((1, "I"), (2, "II"), (3, "III"), (4, "IV"))),
    Column("realisasi", "Realisasi Total", kind=NILAI, width=8),
    Column("capaian", "Capaian (%)", kind=PERSEN, width=8),
    Column("kriteria", "Kriteria", kind=TEXT, width=9),
)


def build_lkj32(data: LkjData) -> Report:
    rows = []
    periksa: list[str] = []
    notes = [
        "Target: Perjanjian Kinerja (perubahan bila ada), atau target Renstra bila indikator tidak ada di PK.",
        "Realisasi Total: nilai triwulan terakhir yang dilaporkan untuk persen/indeks (dilaporkan kumulatif), "
        "jumlah triwulan untuk indikator cacah. Capaian = Realisasi/Target × 100; Kriteria menurut Tabel 3.1.",
    ]
    for nomor, item in numbered_items(data):
        ind = item.indikator
        target = data.target_kinerja(item)
        quarters = data.triwulan(ind)
        total = data.realisasi_tahunan(ind)
        nilai_capaian = capaian_of(target, total, ind.polaritas)
        cells = {"no": nomor, "pernyataan": item.pernyataan, "indikator": ind.uraian, "target": besaran(target, ind)}
        cells.update({f"realisasi:tw{tw}": besaran(q, ind) for tw, q in enumerate(quarters, start=1)})
        cells.update({"realisasi": besaran(total, ind), "capaian": nilai_capaian,
                      "kriteria": predikat_of(nilai_capaian, data.skala) or "-"})
        rows.append(Row(item.level, cells))
        periksa += _decreasing(ind, quarters)
    return Report(
        code="Tabel 3.2", title=("Tabel 3.2", f"Capaian Kinerja Tahun {data.tahun}"), columns=COLUMNS,
        rows=tuple(rows), kop=kop(data), penandatangan=data.penandatangan, orientation="landscape",
        notes=tuple(notes), filename=filename(data, "lkj32"), periksa=tuple(periksa),
    )


def _decreasing(ind, quarters) -> list[str]:
    """A percentage reported cumulative-to-date should not fall from one quarter to the next: a
    remark for the screen (the check `realisasi-kumulatif-turun` reports it too), never printed."""
    if ind.aturan is not AturanAkhir.NILAI_AKHIR or ind.satuan.strip().lower() not in PERSEN_SATUAN:
        return []
    out = []
    reported = [(i, q) for i, q in enumerate(quarters, start=1) if q is not None and q.nilai is not None]
    for (i, a), (j, b) in zip(reported, reported[1:]):
        if b.nilai < a.nilai:
            out.append(f"Periksa: realisasi \u201c{ind.uraian}\u201d TW {_romawi(j)} ({format_nilai(b)}) lebih kecil "
                       f"dari TW {_romawi(i)} ({format_nilai(a)}), padahal dilaporkan kumulatif.")
    return out


def _romawi(n: int) -> str:
    return {1: "I", 2: "II", 3: "III", 4: "IV"}[n]
