"""How each Renstra table fetches its data and builds its Report(s): the `build` functions the
registry (registry.py TABLES) points to."""

from __future__ import annotations

from kecamatan.renstra.data_tabel import apply_kondisi_awal
from kecamatan.renstra.selectors import renstra_data
from kecamatan.renstra.selectors_tabel import kondisi_awal_tercatat, renstra_lengkap, riwayat_data, strategi_data
from kecamatan.renstra.tables.cascading import build_cascading
from kecamatan.renstra.tables.renstra import build_renstra, build_tc27_noted
from kecamatan.renstra.tables.tc23 import build_tc23
from kecamatan.renstra.tables.tc24 import build_tc24
from kecamatan.renstra.tables.tc25 import build_tc25
from kecamatan.renstra.tables.tc26 import build_tc26
from kecamatan.renstra.tables.tc28 import build_tc28
from kecamatan.tables.base import Report


def tc23(periode_id: int, tahun: int | None) -> list[Report]:
    return [build_tc23(riwayat_data(periode_id))]


def tc24(periode_id: int, tahun: int | None) -> list[Report]:
    return [build_tc24(riwayat_data(periode_id))]


def tc25(periode_id: int, tahun: int | None) -> list[Report]:
    return [build_tc25(renstra_data(periode_id))]


def cascading(periode_id: int, tahun: int | None) -> list[Report]:
    return [build_cascading(renstra_data(periode_id))]


def tc26(periode_id: int, tahun: int | None) -> list[Report]:
    return [build_tc26(strategi_data(periode_id))]


def tc27(periode_id: int, tahun: int | None) -> list[Report]:
    data, catatan = apply_kondisi_awal(renstra_data(periode_id), kondisi_awal_tercatat(periode_id))
    return [build_tc27_noted(data, catatan)]


def tc28(periode_id: int, tahun: int | None) -> list[Report]:
    data, catatan = apply_kondisi_awal(renstra_data(periode_id), kondisi_awal_tercatat(periode_id))
    return [build_tc28(data, catatan)]


def renstra(periode_id: int, tahun: int | None) -> list[Report]:
    return build_renstra(renstra_lengkap(periode_id))
