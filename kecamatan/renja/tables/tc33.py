"""T-C.33 Rumusan Rencana Program dan Kegiatan Perangkat Daerah Tahun n dan Prakiraan Maju Tahun n+1
(tables.md §3.5). Pure.

Layouts (`LAYOUTS`): the annex's ten columns, numbered 1 … 10 (Kode | Program/Kegiatan/Sub Kegiatan
| Indikator | Lokasi | Target | Kebutuhan Dana | Sumber Dana | Catatan Penting | Target n+1 |
Kebutuhan Dana n+1), every aktivitas on its own row under its sub-kegiatan, named in the name
column; and the Senduro Renja's thirteen, with Formulasi, Aktivitas and Skala Prioritas, numbered
1 2 3 _ 4 … 12 as it prints them (Formulasi has no number). Rows: the urusan
(7 Unsur Kewilayahan) and bidang (7.01 Kecamatan) totals, then program → kegiatan → sub-kegiatan →
aktivitas, and TOTAL PAGU. A sub-kegiatan with one aktivitas prints it on its own row (as the Renja
does); with several, one row each below it. Every Rp above an aktivitas is a sum, never stored:
sub-kegiatan = Σ aktivitas (or its Pagu when it has none), then up to the urusan, for year n and
for the prakiraan maju n+1.
"""

from __future__ import annotations

from kecamatan.core.formatting import Nilai
from kecamatan.renja.data import PRAKIRAAN, RenjaData, node_label
from kecamatan.renja.tables.common import blank, distinct, filename, kop_of, wilayah_line
from kecamatan.renstra.data import TOTAL, IndikatorData, NodeData
from kecamatan.tables.base import COVERED, KODE, NILAI, NOMOR, RUPIAH, Besaran, Column, Report, Row
from kecamatan.tables.layout import Layout, TableLayouts, apply

KODE_, NAMA, INDIKATOR, FORMULASI = "kode", "nama", "indikator", "formulasi"
AKTIVITAS, PRIORITAS = "aktivitas", "prioritas"
LOKASI, TARGET, DANA, SUMBER, CATATAN = "lokasi", "target:n", "dana:n", "sumber-dana", "catatan"  # year n
TARGET_1, DANA_1 = "target:n+1", "dana:n+1"  # prakiraan maju
SHARED = (KODE_, NAMA, AKTIVITAS, PRIORITAS, LOKASI, DANA, SUMBER, CATATAN, DANA_1)
DEPTH = {"program": 0, "kegiatan": 1, "subkegiatan": 2}
LAYOUTS = TableLayouts("tc33", (
    Layout("lampiran", "Lampiran: 10 kolom, aktivitas sebagai baris di bawah sub kegiatan",
           "Lampiran Permendagri 86/2017",
           columns=(KODE_, NAMA, INDIKATOR, LOKASI, TARGET, DANA, SUMBER, CATATAN, TARGET_1, DANA_1)),
    Layout("senduro", "13 kolom: dengan Formulasi (tanpa nomor), Aktivitas dan Skala Prioritas",
           "Renja Kecamatan Senduro 2024", unnumbered=frozenset({FORMULASI})),
))


def columns_tc33(tahun: int) -> tuple[Column, ...]:
    rencana = f"Rencana Tahun {tahun} (Tahun Rencana)"
    maju = f"Prakiraan Maju Rencana Tahun {tahun + 1}"
    return (
        Column(KODE_, "Kode", kind=KODE, width=12),
        Column(NAMA, "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan/Sub Kegiatan",
               width=18),
        Column(INDIKATOR, "Indikator Kinerja Program/Kegiatan/Sub Kegiatan", width=17),
        Column(FORMULASI, "Formulasi", width=14),
        Column(AKTIVITAS, "Aktivitas", width=12),
        Column(PRIORITAS, "Skala Prioritas", kind=NOMOR, width=6.5),
        Column(LOKASI, "Lokasi", group=rencana, width=9),
        Column(TARGET, "Target Capaian Kinerja", group=rencana, kind=NILAI, width=8),
        Column(DANA, "Kebutuhan Dana", group=rencana, kind=RUPIAH, width=10.5),
        Column(SUMBER, "Sumber Dana", group=rencana, width=6.5),
        Column(CATATAN, "Catatan Penting", width=8),
        Column(TARGET_1, "Target Capaian Kinerja", group=maju, kind=NILAI, width=8),
        Column(DANA_1, "Kebutuhan Dana", group=maju, kind=RUPIAH, width=10.5),
    )


def _target(ind: IndikatorData, data: RenjaData, tahun: int, tahap: str = "renja") -> Besaran:
    return Besaran(data.target_renja_of(ind.id, tahun, tahap), ind.satuan)


def _subs_below(node: NodeData):
    return [n for n in node.walk() if n.level == "subkegiatan"]


def _shared(data: RenjaData, node: NodeData, dana, itemised: bool) -> dict[str, object]:
    """The cells a node prints once, merged over its indicators: code, name, lokasi and sumber
    dana of its sub-kegiatan, the dana of n and n+1, and a single aktivitas with its catatan."""
    rincian = [data.rincian_of(s.id) for s in _subs_below(node)]
    own = data.rincian_of(node.id) if node.level == "subkegiatan" else None
    aktivitas = own.aktivitas if own else ()
    single = aktivitas[0] if len(aktivitas) == 1 and not itemised else None
    cells: dict[str, object] = {
        KODE_: node.kode, NAMA: node.nama, LOKASI: distinct((r.lokasi for r in rincian if r), "; "),
        DANA: dana[node.key]["n"], DANA_1: dana[node.key]["n+1"],
        SUMBER: distinct((r.sumber_dana for r in rincian if r), ", "),
    }
    if own is not None:
        cells[CATATAN] = distinct([own.catatan, single.catatan if single else ""], "\n")
    if single is not None:
        cells[AKTIVITAS] = single.uraian
        cells[PRIORITAS] = str(single.skala_prioritas) if single.skala_prioritas else ""
    return cells


def _aktivitas_rows(columns: tuple[Column, ...], aktivitas, itemised: bool) -> list[Row]:
    """One row per aktivitas; `itemised` (a layout without an Aktivitas column) names it in the
    name column."""
    rows = []
    for a in aktivitas:
        cells = blank(columns)
        cells[NAMA if itemised else AKTIVITAS] = a.uraian
        cells[PRIORITAS] = str(a.skala_prioritas) if a.skala_prioritas else ""
        if a.volume is not None:
            cells[TARGET] = Besaran(Nilai(a.volume), a.satuan)
        cells[DANA] = a.jumlah
        if a.prakiraan is not None:  # its own prakiraan maju n+1
            cells[DANA_1] = a.prakiraan
        cells[CATATAN] = a.catatan
        rows.append(Row("aktivitas", cells, level=3))
    return rows


def _node_rows(data: RenjaData, columns: tuple[Column, ...], node: NodeData, dana, itemised: bool) -> list[Row]:
    """One row per indicator of the node (the shared cells merged over them), then the
    sub-kegiatan's aktivitas, one row each when it has several or the layout itemises them."""
    n = data.tahun
    indikator = node.indikator or (None,)
    span = len(indikator)
    rows = []
    for k, ind in enumerate(indikator):
        cells = blank(columns)
        cells.update(_shared(data, node, dana, itemised) if k == 0 else dict.fromkeys(SHARED, COVERED))
        if ind is not None:
            cells.update({INDIKATOR: ind.uraian, FORMULASI: ind.formula, TARGET: _target(ind, data, n),
                          TARGET_1: _target(ind, data, n + 1, PRAKIRAAN)})
        else:
            cells[TARGET], cells[TARGET_1] = Nilai(), Nilai()
        rowspan = dict.fromkeys(SHARED, span) if (k == 0 and span > 1) else {}
        key = node.kode if k == 0 else f"{node.kode}#{k + 1}"
        rows.append(Row(node.level, cells, level=DEPTH[node.level], rowspan=rowspan, key=key))
    own = data.rincian_of(node.id) if node.level == "subkegiatan" else None
    aktivitas = own.aktivitas if own else ()
    if len(aktivitas) > 1 or itemised:
        rows += _aktivitas_rows(columns, aktivitas, itemised)
    return rows


def build_tc33(data: RenjaData) -> Report:
    layout = LAYOUTS.get(data.tata_letak.get(LAYOUTS.table))
    itemised = AKTIVITAS not in (layout.columns or (AKTIVITAS,))
    n = data.tahun
    columns = columns_tc33(n)
    programs = data.program_renja()
    dana = data.rolled_up_dana(programs)
    rows: list[Row] = []

    # urusan and bidang totals (tables.md §0.6: the Renja prints both)
    for level, kind in (("urusan", "total"), ("bidang", "subtotal")):
        for key in [k for k in dana if isinstance(k, tuple) and k[0] == level]:
            kode, nama = node_label(key)
            cells = blank(columns)
            cells[KODE_], cells[NAMA], cells[DANA], cells[DANA_1] = kode, nama, dana[key]["n"], dana[key]["n+1"]
            rows.append(Row(kind, cells, key=kode))

    for program in programs:
        for node in program.walk():
            rows += _node_rows(data, columns, node, dana, itemised)

    total = blank(columns)
    total[NAMA], total[DANA], total[DANA_1] = "TOTAL PAGU", dana[TOTAL]["n"], dana[TOTAL]["n+1"]
    rows.append(Row("total", total, key="TOTAL PAGU"))

    return apply(layout, Report(
        code="T-C.33",
        title=(
            "Tabel T-C.33",
            f"Rumusan Rencana Program dan Kegiatan Perangkat Daerah Tahun {n} dan Prakiraan Maju Tahun {n + 1}",
            wilayah_line(data),
        ),
        columns=columns,
        rows=tuple(rows),
        kop=kop_of(data),
        penandatangan=data.penandatangan,
        orientation="landscape",
        name_column=NAMA,
        filename=filename("tc33", data),
    ))
