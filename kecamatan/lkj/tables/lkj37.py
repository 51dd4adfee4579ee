"""LKj Tabel 3.7 Perbandingan Realisasi Kinerja Tahun Ini dengan Kecamatan Lain (tables.md §4.11).
Pure.

No | Tujuan/ Sasaran Strategis | Indikator | Target | Realisasi | Kecamatan X | Capaian, where
Kecamatan X is chosen by the user (any other kecamatan of the kabupaten) and its column is that
kecamatan's realisasi for the indicator with the same wording (from its own data in the app, or
typed in by this kecamatan when it has none): "-" when there is nothing. Capaian is this
kecamatan's own (Realisasi / Target × 100).
"""

from __future__ import annotations

from kecamatan.lkj.data import LkjData, capaian_of
from kecamatan.lkj.tables.common import besaran, filename, kop
from kecamatan.tables.base import NILAI, NOMOR, PERSEN, Column, Report, Row


def build_lkj37(data: LkjData) -> Report:
    p = data.pembanding
    nama = f"Kecamatan {p.kecamatan}" if p else "Kecamatan Lain"
    columns = (
        Column("no", "No", kind=NOMOR, width=4), Column("pernyataan", "Tujuan/ Sasaran Strategis", width=22),
        Column("indikator", "Indikator", width=24), Column("target", "Target", kind=NILAI, width=9),
        Column("realisasi", "Realisasi", kind=NILAI, width=9), Column("pembanding", nama, kind=NILAI, width=11),
        Column("capaian", "Capaian", kind=PERSEN, width=9),
    )
    rows = []
    for nomor, item in enumerate(data.items(), start=1):
        ind = item.indikator
        target, realisasi = data.target_kinerja(item), data.realisasi_tahunan(ind)
        theirs = p.nilai.get(ind.id) if p else None
        rows.append(Row(item.level, {"no": str(nomor), "pernyataan": item.pernyataan, "indikator": ind.uraian,
                                     "target": besaran(target, ind), "realisasi": besaran(realisasi, ind),
                                     "pembanding": besaran(theirs, ind),
                                     "capaian": capaian_of(target, realisasi, ind.polaritas)}))
    notes: list[str] = []
    periksa = () if p else ("Belum dipilih kecamatan pembanding: pilih salah satu kecamatan lain.",)
    if p is not None:
        sources = sorted(set(p.sumber.values()))
        notes = [f"Nilai {nama}: {'; '.join(sources)}." if sources else
                 f"{nama} belum mempunyai realisasi tahun {data.tahun} untuk indikator yang sama."]
        notes.append("Indikator dipadankan menurut rumusannya; tanpa padanan dicetak \u201c-\u201d.")
    return Report(
        code="Tabel 3.7",
        title=("Tabel 3.7", f"Perbandingan Realisasi Kinerja Tahun Ini dengan {nama}"),
        columns=columns, rows=tuple(rows), kop=kop(data), penandatangan=data.penandatangan, orientation="portrait",
        notes=tuple(notes), filename=filename(data, "lkj37"), periksa=periksa,
    )
