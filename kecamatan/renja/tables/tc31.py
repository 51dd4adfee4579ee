"""T-C.31 Review terhadap Rancangan Awal RKPD (tables.md §3.3). Pure.

Columns 1 … 12: No | Rancangan Awal RKPD (Program/Kegiatan, Lokasi, Indikator Kinerja, Target
Capaian, Pagu Indikatif) | Hasil Analisis Kebutuhan (Program/Kegiatan, Lokasi, Indikator Kinerja,
Target Capaian, Kebutuhan Dana) | Catatan Penting.

Each row pairs what the Ranwal RKPD gave (typed as received) with a program, kegiatan or
sub-kegiatan of the Renja; either side may be empty. The needs side is read from the Renja itself
(name, lokasi, indicators, Renja targets of year n, and the dana T-C.33 prints for that row), so
column 11 equals T-C.33 column 8 by construction (tables.md §7) — unless the review row typed its
own needs target or dana (Bappeda's desk figures when the Rancangan Awal was reviewed, which may
differ from the final Renja): a typed figure prints on its row instead of the Renja's (the
consistency checker says where they differ, never the print). Pagu indikatif is typed on
sub-kegiatan rows only and summed into the kegiatan and program rows above them, in row order.
The TOTAL row sums the program rows, both Rp columns (6 and 11), as T-C.33 has its TOTAL PAGU.
"""

from __future__ import annotations

from decimal import Decimal

from kecamatan.core.computations import ZERO
from kecamatan.renja.data import RanwalData, RenjaData
from kecamatan.renja.tables.common import blank, distinct, filename, kop_of, wilayah_line
from kecamatan.renstra.data import NodeData
from kecamatan.tables.base import NILAI, NOMOR, RUPIAH, Besaran, Column, Report, Row, numbered

DEPTH = {"program": 0, "kegiatan": 1, "subkegiatan": 2}


def columns_tc31() -> tuple[Column, ...]:
    """Keys "ranwal:…" for what the Ranwal RKPD gave, "kebutuhan:…" for the needs analysis."""
    ranwal, kebutuhan = "Rancangan Awal RKPD", "Hasil Analisis Kebutuhan"
    return numbered((
        Column("no", "No", kind=NOMOR, width=3),
        Column("ranwal:program", "Program/Kegiatan", group=ranwal, width=15),
        Column("ranwal:lokasi", "Lokasi", group=ranwal, width=7),
        Column("ranwal:indikator", "Indikator Kinerja", group=ranwal, width=13),
        Column("ranwal:target", "Target Capaian", group=ranwal, kind=NILAI, width=7),
        Column("ranwal:pagu", "Pagu Indikatif (Rp)", group=ranwal, kind=RUPIAH, width=10),
        Column("kebutuhan:program", "Program/Kegiatan", group=kebutuhan, width=15),
        Column("kebutuhan:lokasi", "Lokasi", group=kebutuhan, width=7),
        Column("kebutuhan:indikator", "Indikator Kinerja", group=kebutuhan, width=13),
        Column("kebutuhan:target", "Target Capaian", group=kebutuhan, kind=NILAI, width=7),
        Column("kebutuhan:dana", "Kebutuhan Dana (Rp)", group=kebutuhan, kind=RUPIAH, width=10),
        Column("catatan", "Catatan Penting", width=9),
    ))


def pagu_indikatif(rows: tuple[RanwalData, ...]) -> list[Decimal | None]:
    """Pagu indikatif of every row: typed on sub-kegiatan rows, summed into the kegiatan and the
    program above them (in row order); None where nothing below was typed."""
    out: list[Decimal | None] = [r.pagu if r.tingkat == "subkegiatan" else None for r in rows]
    program = kegiatan = None
    for i, r in enumerate(rows):
        if r.tingkat == "program":
            program, kegiatan = i, None
        elif r.tingkat == "kegiatan":
            kegiatan = i
        elif r.pagu is not None:
            for parent in (kegiatan, program):
                if parent is not None:
                    out[parent] = (out[parent] or ZERO) + r.pagu
    return out


def kebutuhan_renja(data: RenjaData, node: NodeData, dana: dict | None = None) -> tuple[object, Decimal | None]:
    """The needs side's target (a Besaran, or the lines of several) and dana as the Renja gives them."""
    dana = data.rolled_up_dana() if dana is None else dana
    targets = [Besaran(data.target_renja_of(ind.id, data.tahun), ind.satuan) for ind in node.indikator]
    target = targets[0] if len(targets) == 1 else "\n".join(t.text() for t in targets)
    if node.level == "subkegiatan" and node.key not in dana:
        return target, data.dana(node)  # a sub-kegiatan outside the Renja: its own Pagu, if any
    return target, dana.get(node.key, {}).get("n")


def _total(rows: list[Row], columns) -> Row:
    """TOTAL: Σ of the program rows, pagu indikatif and kebutuhan dana (None where no program row has one)."""
    cells = blank(columns)
    cells["ranwal:program"] = "TOTAL"
    for key in ("ranwal:pagu", "kebutuhan:dana"):
        values = [r.cells.get(key) for r in rows if r.kind == "program" and r.cells.get(key) is not None]
        cells[key] = sum(values, ZERO) if values else None
    return Row("total", cells, key="TOTAL")


def build_tc31(data: RenjaData) -> Report:
    columns = columns_tc31()
    nodes: dict[tuple[str, int], NodeData] = {node.key: node for node in data.renstra.nodes()}
    dana = data.rolled_up_dana()
    pagu = pagu_indikatif(data.ranwal)
    rows: list[Row] = []
    number = 0
    for r, pagu_row in zip(data.ranwal, pagu):
        cells = blank(columns)
        if r.tingkat == "program":
            number += 1
            cells["no"] = str(number)
        if r.nama:
            cells.update({"ranwal:program": r.nama, "ranwal:lokasi": r.lokasi, "ranwal:indikator": r.indikator,
                          "ranwal:target": Besaran(r.target, r.satuan), "ranwal:pagu": pagu_row})
        node = nodes.get(r.node_key) if r.node_key else None
        if node is not None:
            subs = [s for s in node.walk() if s.level == "subkegiatan"]
            rincian = [data.rincian_of(s.id) for s in subs]
            cells["kebutuhan:program"] = node.nama
            cells["kebutuhan:lokasi"] = distinct((x.lokasi for x in rincian if x), "; ")
            cells["kebutuhan:indikator"] = "\n".join(ind.uraian for ind in node.indikator)
            target, renja_dana = kebutuhan_renja(data, node, dana)
            typed_target = Besaran(r.kebutuhan_target, node.indikator[0].satuan if node.indikator else "")
            cells["kebutuhan:target"] = target if r.kebutuhan_target.is_empty else typed_target
            cells["kebutuhan:dana"] = renja_dana if r.kebutuhan_dana is None else r.kebutuhan_dana
        cells["catatan"] = r.catatan
        rows.append(Row(r.tingkat, cells, level=DEPTH.get(r.tingkat, 0), key=str(r.urutan)))
    if rows:
        rows.append(_total(rows, columns))
    else:
        rows.append(Row("band", text="Belum ada baris review Ranwal RKPD."))
    return Report(
        code="T-C.31",
        title=("Tabel T-C.31", f"Review terhadap Rancangan Awal RKPD Tahun {data.tahun}", wilayah_line(data)),
        columns=columns,
        rows=tuple(rows),
        kop=kop_of(data),
        penandatangan=data.penandatangan,
        orientation="landscape",
        name_column="ranwal:program",
        filename=filename("tc31", data),
    )
