"""What a document brought in from outside printed, against what the app computes for the same cell:
the notes on the source document of a Renja (`CatatanSumber`: table, row, printed column and the
printed figure) are compared with the table the app builds. A note whose printed figure still
differs is a finding: the paper document must not be reused as it is. Pure (builders only)."""

from __future__ import annotations

from dataclasses import replace

from kecamatan.checks.base import PERINGATAN, Tautan, Temuan, aturan
from kecamatan.checks.data import PeriksaData
from kecamatan.checks.jumlah import banding_tercetak
from kecamatan.renja.tables.common import column_number
from kecamatan.renja.tables.renja import BUILDERS
from kecamatan.tables.base import COVERED, format_cell

TABEL_LABEL = {"tc29": "T-C.29", "tc30": "T-C.30", "tc31": "T-C.31", "tc32": "T-C.32", "tc33": "T-C.33",
               "renja41": "Tabel 4.1"}


@aturan("catatan-sumber", "Angka tercetak di dokumen sumber berbeda dengan hitungan aplikasi",
        kasus=("J-1", "J-2", "J-3", "J-6", "J-8", "J-9", "J-10", "J-11", "J-14"))
def catatan_sumber(data: PeriksaData):
    notes = [c for c in data.renja.catatan if c.kunci and c.kolom and c.tabel in BUILDERS]
    if not notes:
        return
    bare = replace(data.renja, catatan=())
    reports = {}
    for note in notes:
        if note.tabel not in reports:
            reports[note.tabel] = BUILDERS[note.tabel](bare)
        report = reports[note.tabel]
        label = TABEL_LABEL.get(note.tabel, note.tabel)
        tautan = Tautan.to("kecamatan:tabel", pk=data.periode_id, name=note.tabel).with_query(tahun=data.tahun)
        columns = {column_number(c): c for c in report.columns}
        rows = {row.key: row for row in report.rows if row.key}
        col, row = columns.get(note.kolom), rows.get(note.kunci)
        tempat = f"{label} baris {note.kunci} kolom {note.kolom}"
        asal = f" (baris {note.baris_sumber} dokumen sumber)" if note.baris_sumber else ""
        if col is None or row is None:
            yield Temuan("catatan-sumber", PERINGATAN, data.kunci_renja,
                         f"Catatan dokumen sumber{asal} menunjuk {tempat}, yang tidak ada di tabel.", tempat, tautan)
            continue
        cell = row.cells.get(col.key)
        if cell is COVERED:
            continue
        dihitung = format_cell(cell, col.kind).replace("\n", "; ") or "(kosong)"
        found = banding_tercetak(data.kunci_renja, f"{tempat}{asal}", note.tercetak, cell, dihitung=dihitung,
                                 keterangan=note.uraian)
        if found is not None:
            yield replace(found, tempat=tempat, tautan=tautan)
