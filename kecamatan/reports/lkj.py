"""The LKj's tables as one document (`cetak lkj`): Tabel 2.1 … 3.9 in order, signed once at
the end by the Camat who signs the LKj. Pure."""

from __future__ import annotations

from dataclasses import replace

from .base import Report
from .lkj21 import build_lkj21
from .lkj22 import build_lkj22
from .lkj24 import build_lkj24
from .lkj31 import build_lkj31
from .lkj32 import build_lkj32
from .lkj33 import build_lkj33
from .lkj34 import build_lkj34
from .lkj35 import build_lkj35
from .lkj36 import build_lkj36
from .lkj37 import build_lkj37
from .lkj38 import build_lkj38
from .lkj39 import build_lkj39
from .lkj_common import filename, only_last_signed
from .lkj_data import LkjData
from .pk import build_tabel_23


def build_lkj(data: LkjData) -> list[Report]:
    reports = [
        build_lkj21(data), build_lkj22(data), *build_tabel_23(data), build_lkj24(data), build_lkj31(data),
        build_lkj32(data), build_lkj33(data), *build_lkj34(data), build_lkj35(data), build_lkj36(data),
        build_lkj37(data), build_lkj38(data), build_lkj39(data),
    ]
    name = filename(data, "lkj")
    return [replace(r, filename=name) for r in only_last_signed(reports)]
