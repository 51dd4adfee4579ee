"""T-C.30 Pencapaian Kinerja Pelayanan Perangkat Daerah, in the Renja (tables.md §3.2). Pure.

Two layouts (`LAYOUTS`, kecamatan.tables.layout), told apart by their year scheme (option "tahun"):
- "lampiran" (default), years relative to the Renja year n, 13 columns: No | Indikator |
  SPM/Standar Nasional | IKK | Target Renstra n-2, n-1, n, n+1 | Realisasi capaian n-2, n-1 |
  Proyeksi n, n+1 | Catatan Analisis. The early years may precede the Renstra period: their targets
  and realisasi come from the history typed on the Renstra (RenjaData.riwayat).
- "renstra" (Renja Kecamatan Senduro 2024), 14 columns: the three groups over the Renstra period's
  own years.
Target of a year: the Renstra's `Target`, else the history of that year. Realisasi: the year's
triwulan reports, else the history; a realisasi the history marks as an estimate (typically n-1,
not yet final) prints with an asterisk, "86*", and the note "* perkiraan realisasi" under the
table. Proyeksi is what the Renja plans: the Renja target for year n and the prakiraan maju for
n+1; other years have none ("-"). Rows: the tujuan indicators, then the sasaran indicators, numbered.
"""

from __future__ import annotations

from kecamatan.core.formatting import Nilai, format_nilai, sebutan_kabupaten
from kecamatan.renja.data import PRAKIRAAN, RENJA, AnalisisData, RenjaData
from kecamatan.renja.tables.common import filename, kop_of
from kecamatan.tables.base import NILAI, NOMOR, Column, Report, Row, numbered
from kecamatan.tables.layout import DUA_DESIMAL, Layout, TableLayouts, apply

GROUPS = {"target": "Target Renstra Perangkat Daerah", "realisasi": "Realisasi Capaian", "proyeksi": "Proyeksi"}
RELATIF, RENSTRA_ = "relatif", "renstra"
# the annex's years, as offsets from the Renja year n, per group
RELATIVE_YEARS = {"target": (-2, -1, 0, 1), "realisasi": (-2, -1), "proyeksi": (0, 1)}
MARK = "*"
NOTE = "* perkiraan realisasi (belum final)"

LAYOUTS = TableLayouts("tc30", (
    Layout("lampiran", "Lampiran: 13 kolom, tahun relatif terhadap tahun Renja (n-2 … n+1)",
           "Lampiran Permendagri 86/2017 (tahun relatif; tables.md §3.2)", persen=DUA_DESIMAL,
           options={"tahun": RELATIF}),
    Layout("renstra", "14 kolom: tahun-tahun periode Renstra pada ketiga kelompok",
           "Renja Kecamatan Senduro 2024", persen=DUA_DESIMAL, options={"tahun": RENSTRA_}),
))


def offset_label(offset: int) -> str:
    return "n" if offset == 0 else f"n{offset:+d}"


def year_columns(n: int, scheme: str, tahun: tuple[int, ...]) -> list[tuple[str, str, int]]:
    """(key, group, year) of every year column: "target:n-2" … in the relative scheme,
    "target:2024" … in the Renstra's."""
    out = []
    for prefix in GROUPS:
        if scheme == RENSTRA_:
            out += [(f"{prefix}:{t}", prefix, t) for t in tahun]
        else:
            out += [(f"{prefix}:{offset_label(o)}", prefix, n + o) for o in RELATIVE_YEARS[prefix]]
    return out


def columns_tc30(years: list[tuple[str, str, int]]) -> tuple[Column, ...]:
    cols = [
        Column("no", "No", kind=NOMOR, width=3),
        Column("indikator", "Indikator", width=24),
        Column("spm", "SPM/Standar Nasional", kind=NILAI, width=7),
        Column("ikk", "IKK", kind=NILAI, width=6),
    ]
    cols += [Column(key, f"Tahun {t}", group=GROUPS[prefix], kind=NILAI, width=7) for key, prefix, t in years]
    cols.append(Column("catatan", "Catatan Analisis", width=16))
    return numbered(cols)


def proyeksi(data: RenjaData, indikator_id: int, tahun: int) -> Nilai:
    if tahun == data.tahun:
        return data.target_renja_of(indikator_id, tahun, RENJA)
    if tahun == data.tahun + 1:
        return data.target_renja_of(indikator_id, tahun, PRAKIRAAN)
    return Nilai()


def marked(value: Nilai, perkiraan: bool) -> Nilai | str:
    """The realisasi as printed: "86*" when it is an estimate."""
    return f"{format_nilai(value)}{MARK}" if perkiraan else value


def build_tc30(data: RenjaData) -> Report:
    layout = LAYOUTS.get(data.tata_letak.get(LAYOUTS.table))
    years = year_columns(data.tahun, layout.option("tahun", RELATIF), data.renstra.tahun)
    columns = columns_tc30(years)
    indikator = [ind for tujuan in data.renstra.tujuan for ind in tujuan.indikator]
    indikator += [ind for tujuan in data.renstra.tujuan for s in tujuan.sasaran for ind in s.indikator]
    rows: list[Row] = []
    estimated = False
    for number, ind in enumerate(indikator, start=1):
        analisis = data.analisis.get(ind.id, AnalisisData())
        cells: dict[str, object] = {"no": str(number), "indikator": ind.uraian, "spm": analisis.spm,
                                    "ikk": analisis.ikk}
        for key, prefix, t in years:
            if prefix == "target":
                cells[key] = data.target_tahun(ind, t)
            elif prefix == "realisasi":
                value, perkiraan = data.realisasi_dicatat(ind, t)
                cells[key] = marked(value, perkiraan)
                estimated = estimated or perkiraan
            else:
                cells[key] = proyeksi(data, ind.id, t)
        cells["catatan"] = analisis.catatan
        rows.append(Row("indikator", cells, key=str(number)))
    if not rows:
        rows.append(Row("band", text="Belum ada indikator tujuan atau sasaran pada Renstra."))
    return apply(layout, Report(
        code="T-C.30",
        title=(
            "Tabel T-C.30",
            f"Pencapaian Kinerja Pelayanan Perangkat Daerah Kecamatan {data.kecamatan}",
            sebutan_kabupaten(data.kabupaten),
        ),
        columns=columns,
        rows=tuple(rows),
        kop=kop_of(data),
        penandatangan=data.penandatangan,
        orientation="landscape",
        name_column="indikator",
        notes=(NOTE,) if estimated else (),
        filename=filename("tc30", data),
    ))
