"""The IKU sheet (Indikator Kinerja Utama) of a kecamatan for one year (tables.md §5). Pure.

Title block, then Instansi / Tugas Pokok / Fungsi / Tujuan / Indikator Tujuan, then the table
No. | Sasaran Strategis | Indikator Kinerja Utama | Rumus/ Formula (with its Penjelasan) |
Target Tahun n | Sumber Data | Penanggung Jawab, unnumbered as the sheet prints it, signed by
the Camat who issues it. Long formula cells continue on the next page under a repeated header.

The target is the Renstra's target for the year, printed as entered (84,31%), not rounded to
84% as the 2025 Randuagung sheet does: the IKU is what the LKj measures against, and a rounded
target would let 84,1 pass where the Renstra asks for 84,31.
"""

from __future__ import annotations

from kecamatan.core.formatting import sebutan_kabupaten
from kecamatan.lkj.data import LkjData
from kecamatan.lkj.tables.common import besaran, filename, stacked
from kecamatan.tables.base import NILAI, NOMOR, TEXT, Column, Report


def columns_iku(tahun: int) -> tuple[Column, ...]:
    """Unnumbered, as the sheet prints it."""
    return (
        Column("no", "No.", kind=NOMOR, width=4),
        Column("sasaran", "Sasaran Strategis", width=15),
        Column("indikator", "Indikator Kinerja Utama", width=16),
        Column("rumus", "Rumus/ Formula", width=38),
        Column("target", f"Target Tahun {tahun}", kind=NILAI, width=9),
        Column("sumber-data", "Sumber Data", kind=TEXT, width=13),
        Column("penanggung-jawab", "Penanggung Jawab", kind=TEXT, width=10),
    )


def rumus(formula: str, penjelasan: str) -> str:
    """The formula, then "Penjelasan :" and the explanation with its paragraphs and numbered
    list kept as typed (one item per line)."""
    parts = [formula.strip()] if formula.strip() else []
    if penjelasan.strip():
        parts.append("Penjelasan :\n" + penjelasan.strip())
    return "\n\n".join(parts)


def build_iku(data: LkjData) -> Report:
    r = data.renstra
    columns = columns_iku(data.tahun)
    rows = []
    sasaran_items = [i for i in data.items() if i.level == "sasaran"]
    by_sasaran: dict[int, list] = {}
    for item in sasaran_items:
        by_sasaran.setdefault(item.owner_id, []).append(item)
    for nomor, items in enumerate(by_sasaran.values(), start=1):
        per_row = [
            {"indikator": item.indikator.uraian, "rumus": rumus(item.indikator.formula, item.indikator.penjelasan),
             "target": besaran(data.target_renstra(item), item.indikator), "sumber-data": item.indikator.sumber_data,
             "penanggung-jawab": item.indikator.penanggung_jawab}
            for item in items
        ]
        rows += stacked("sasaran", columns, {"no": f"{nomor}.", "sasaran": items[0].pernyataan}, per_row)

    tujuan = [t for t in r.tujuan]
    intro = [("Instansi", f"Kecamatan {r.kecamatan}")]
    if data.iku and data.iku.tugas_pokok:
        intro.append(("Tugas Pokok", data.iku.tugas_pokok))
    if data.iku and data.iku.fungsi:
        intro.append(("Fungsi", data.iku.fungsi))
    intro.append(("Tujuan", "\n".join(t.uraian for t in tujuan) or "-"))
    intro.append(("Indikator Tujuan", "\n".join(i.uraian for t in tujuan for i in t.indikator) or "-"))

    notes = [f"Target: target Renstra {r.tahun[0]}-{r.tahun[-1]} tahun {data.tahun}, sebagaimana diisikan (tidak dibulatkan)."]
    if not sasaran_items:
        notes.append("Belum ada indikator sasaran strategis pada Renstra ini.")
    elif not data.sasaran_iku_marked():
        notes.append("Belum ada indikator sasaran yang ditandai IKU; ditampilkan semua indikator sasaran.")
    penandatangan = data.iku.penandatangan if data.iku else None
    periksa = () if penandatangan else (
        f"IKU tahun {data.tahun} belum ditetapkan: isi penanda tangan dan tanggalnya (Penetapan IKU).",)
    return Report(
        code="IKU",
        title=("INDIKATOR KINERJA UTAMA", "ORGANISASI PERANGKAT DAERAH",
               f"DI LINGKUNGAN PEMERINTAH {sebutan_kabupaten(r.kabupaten).upper()}"),
        columns=columns,
        rows=tuple(rows),
        penandatangan=penandatangan,
        orientation="portrait",
        notes=tuple(notes),
        periksa=periksa,
        filename=filename(data, "iku"),
        intro=tuple(intro),
        caption="INDIKATOR KINERJA UTAMA",
        split_rows=True,
    )
