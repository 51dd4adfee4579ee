"""The Renstra tables together, in the document's order (BAB II T-C.23, T-C.24; BAB IV T-C.25,
Tabel 4.2 cascading; BAB V T-C.26; BAB VI T-C.27; BAB VII T-C.28), signed once at the end as the
document is. Pure: from RenstraLengkap to Reports.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from kecamatan.renstra.data import RenstraData
from kecamatan.renstra.data_tabel import RenstraLengkap, apply_kondisi_awal
from kecamatan.renstra.tables.cascading import build_cascading
from kecamatan.renstra.tables.tc23 import build_tc23
from kecamatan.renstra.tables.tc24 import build_tc24
from kecamatan.renstra.tables.tc25 import build_tc25
from kecamatan.renstra.tables.tc26 import build_tc26
from kecamatan.renstra.tables.tc27 import build_tc27
from kecamatan.renstra.tables.tc28 import build_tc28
from kecamatan.tables.base import Report


def build_tc27_noted(data: RenstraData, catatan: Mapping[int, str]) -> Report:
    """T-C.27 with the notes (e.g. kondisi awal taken from T-C.23) of the indicators it prints."""
    report = build_tc27(data)
    ids = [ind.id for node in data.nodes() for ind in node.indikator]
    notes = tuple(catatan[i] for i in ids if i in catatan)
    return dataclasses.replace(report, notes=report.notes + notes) if notes else report


def build_renstra(data: RenstraLengkap) -> list[Report]:
    renstra, catatan = apply_kondisi_awal(data.renstra, data.kondisi_awal)
    reports = [
        build_tc23(data.riwayat),
        build_tc24(data.riwayat),
        build_tc25(renstra),
        build_cascading(renstra),
        build_tc26(data.strategi),
        build_tc27_noted(renstra, catatan),
        build_tc28(renstra, catatan),
    ]
    signed = [dataclasses.replace(r, penandatangan=None) for r in reports[:-1]] + reports[-1:]
    tahun = data.renstra.tahun
    # downloads are named after the first report
    signed[0] = dataclasses.replace(signed[0], filename=f"renstra-{data.renstra.kecamatan.lower()}-{tahun[0]}-{tahun[-1]}")
    return signed
