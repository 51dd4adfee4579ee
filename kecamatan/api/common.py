"""Helpers every API router shares: decimals as strings, the period and year of a path."""

from __future__ import annotations

from decimal import Decimal

from django.http import Http404

from kecamatan.core import access
from kecamatan.core.kunci import TW_ROMAWI
from kecamatan.models import Periode
from kecamatan.tables.render_json import decimal_text


def desimal(value: Decimal | int | None) -> str | None:
    return None if value is None else decimal_text(value)


def nilai(value, label: str = "") -> dict:
    return {"nilai": desimal(value), "label": label or ""}


def periode_for(request, pk: int) -> Periode:
    """The caller's Renstra, or 404 exactly as on the pages (another kecamatan's id looks missing)."""
    return access.get_periode_for(request.user, pk)


def triwulan_for(request, pk: int, tahun: int, triwulan: int) -> Periode:
    periode = periode_for(request, pk)
    if tahun not in periode.tahun_list or triwulan not in TW_ROMAWI:
        raise Http404("Triwulan di luar periode Renstra.")
    return periode
