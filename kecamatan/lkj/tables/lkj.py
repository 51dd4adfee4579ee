"""The LKj's tables as one document (`cetak lkj`): Tabel 2.1 … 3.9 in order, signed once at
the end by the Camat who signs the LKj. Pure."""

from __future__ import annotations

from dataclasses import replace

from kecamatan.lkj.data import LkjData
from kecamatan.lkj.tables.common import filename, only_last_signed
from kecamatan.lkj.tables.lkj21 import build_lkj21
from kecamatan.lkj.tables.lkj22 import build_lkj22
from kecamatan.lkj.tables.lkj24 import build_lkj24
from kecamatan.lkj.tables.lkj31 import build_lkj31
from kecamatan.lkj.tables.lkj32 import build_lkj32
from kecamatan.lkj.tables.lkj33 import build_lkj33
from kecamatan.lkj.tables.lkj34 import build_lkj34
from kecamatan.lkj.tables.lkj35 import build_lkj35
from kecamatan.lkj.tables.lkj36 import build_lkj36
from kecamatan.lkj.tables.lkj37 import build_lkj37
from kecamatan.lkj.tables.lkj38 import build_lkj38
from kecamatan.lkj.tables.lkj39 import build_lkj39
from kecamatan.lkj.tables.pk import build_tabel_23
from kecamatan.tables.base import Report


def build_lkj(data: LkjData) -> list[Report]:
    reports = [
        build_lkj21(data), build_lkj22(data), *build_tabel_23(data), build_lkj24(data), build_lkj31(data),
        build_lkj32(data), build_lkj33(data), *build_lkj34(data), build_lkj35(data), build_lkj36(data),
        build_lkj37(data), build_lkj38(data), build_lkj39(data),
    ]
    name = filename(data, "lkj")
    return [replace(r, filename=name) for r in only_last_signed(reports)]
