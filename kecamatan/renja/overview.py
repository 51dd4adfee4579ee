"""Rows of the Renja page (not an official table): program → kegiatan → sub-kegiatan of the Renja of
a year with their dana and prakiraan maju, rolled up like T-C.33. Pure."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from kecamatan.renja.data import RenjaData
from kecamatan.renstra.data import TOTAL


@dataclass(frozen=True)
class BarisRenja:
    level: str
    kode: str
    nama: str
    dana: Decimal
    prakiraan: Decimal
    sub_id: int | None = None
    sumber_dana: str = ""
    lokasi: str = ""
    aktivitas: int = 0  # how many; the dana of a sub-kegiatan with aktivitas is their sum


def overview_rows(data: RenjaData) -> tuple[list[BarisRenja], dict[str, Decimal]]:
    programs = data.program_renja()
    dana = data.rolled_up_dana(programs)
    rows = []
    for program in programs:
        for node in program.walk():
            rincian = data.rincian_of(node.id) if node.level == "subkegiatan" else None
            rows.append(BarisRenja(
                level=node.level, kode=node.kode, nama=node.nama, dana=dana[node.key]["n"],
                prakiraan=dana[node.key]["n+1"], sub_id=node.id if rincian else None,
                sumber_dana=rincian.sumber_dana if rincian else "", lokasi=rincian.lokasi if rincian else "",
                aktivitas=len(rincian.aktivitas) if rincian else 0,
            ))
    return rows, dana[TOTAL]
