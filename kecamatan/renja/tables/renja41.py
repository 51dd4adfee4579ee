"""Renja Tabel 4.1 Program, Kegiatan dan Sub Kegiatan Tahun n (tables.md §3.6). Pure.

A projection of T-C.33 (year n only, no codes, no aktivitas): built from the same data with the same
roll-up, so every target and Rp equals T-C.33's. Rows: "Unsur Kewilayahan" total, programs numbered
1…, their kegiatan and sub-kegiatan, TOTAL PAGU.
"""

from __future__ import annotations

from kecamatan.core.formatting import Nilai
from kecamatan.renja.data import RenjaData
from kecamatan.renja.tables.common import blank, distinct, filename, kop_of, wilayah_line
from kecamatan.renstra.data import TOTAL
from kecamatan.tables.base import COVERED, NILAI, NOMOR, RUPIAH, Besaran, Column, Report, Row, numbered

NO, PROGRAM, KEGIATAN, INDIKATOR, TARGET, ANGGARAN, SUMBER = (
    "no", "program", "kegiatan", "indikator", "target", "anggaran", "sumber-dana")
SHARED = (NO, PROGRAM, KEGIATAN, ANGGARAN, SUMBER)


def columns_renja41() -> tuple[Column, ...]:
    return numbered((
        Column(NO, "No", kind=NOMOR, width=3),
        Column(PROGRAM, "Program", width=17),
        Column(KEGIATAN, "Kegiatan/ Sub Kegiatan", width=20),
        Column(INDIKATOR, "Indikator", width=20.5),
        Column(TARGET, "Target", kind=NILAI, width=8),
        Column(ANGGARAN, "Anggaran", kind=RUPIAH, width=10),
        Column(SUMBER, "Sumber Dana", width=6.5),
    ))


def build_renja41(data: RenjaData) -> Report:
    columns = columns_renja41()
    programs = data.program_renja()
    dana = data.rolled_up_dana(programs)
    rows: list[Row] = []

    first = blank(columns)
    first[KEGIATAN], first[ANGGARAN] = "Unsur Kewilayahan", dana[TOTAL]["n"]
    rows.append(Row("total", first, key="Unsur Kewilayahan"))

    for number, program in enumerate(programs, start=1):
        for node in program.walk():
            subs = [s for s in node.walk() if s.level == "subkegiatan"]
            rincian = [data.rincian_of(s.id) for s in subs]
            indikator = node.indikator or (None,)
            for k, ind in enumerate(indikator):
                cells = blank(columns)
                if k == 0:
                    if node.level == "program":
                        cells[NO], cells[PROGRAM] = str(number), node.nama
                    else:
                        cells[KEGIATAN] = node.nama
                    cells[ANGGARAN] = dana[node.key]["n"]
                    cells[SUMBER] = distinct((r.sumber_dana for r in rincian if r), ", ")
                else:
                    for c in SHARED:
                        cells[c] = COVERED
                if ind is not None:
                    cells[INDIKATOR] = ind.uraian
                    cells[TARGET] = Besaran(data.target_renja_of(ind.id, data.tahun), ind.satuan)
                else:
                    cells[TARGET] = Nilai()
                span = len(indikator)
                rowspan = {c: span for c in SHARED} if (k == 0 and span > 1) else {}
                level = {"program": 0, "kegiatan": 0, "subkegiatan": 1}[node.level]
                key = node.kode if k == 0 else f"{node.kode}#{k + 1}"
                rows.append(Row(node.level, cells, level=level, rowspan=rowspan, key=key))

    last = blank(columns)
    last[KEGIATAN], last[ANGGARAN] = "TOTAL PAGU", dana[TOTAL]["n"]
    rows.append(Row("total", last, key="TOTAL PAGU"))

    return Report(
        code="Tabel 4.1",
        title=("Tabel 4.1", "Program, Kegiatan dan Sub Kegiatan", f"Tahun {data.tahun}", wilayah_line(data)),
        columns=columns,
        rows=tuple(rows),
        kop=kop_of(data),
        penandatangan=data.penandatangan,
        orientation="portrait",
        name_column=KEGIATAN,
        filename=filename("renja41", data),
    )
