"""The fourth renderer (issue 20): a Report as plain JSON data for the API, beside HTML, PDF and
Excel. It prints the same Report, so the API can never disagree with a download.

Columns keep their keys, labels, groups, kinds and official numbering; a row's cells are keyed
like the Report's. Numbers are decimal strings ("1916486189", "98.13", trailing zeros dropped): exact, as stored or
computed, never floats. A Nilai is {"nilai": "62", "label": "B-"}; a Besaran adds its satuan.
Cells covered by a rowspan are left out of `cells` and named in `covered`. Pure: no Django."""

from __future__ import annotations

import datetime
from decimal import Decimal

from kecamatan.core import formatting
from kecamatan.tables.base import COVERED, Besaran, Column, Kop, PenandatanganData, Report, Row


def decimal_text(value: Decimal | int) -> str:
    """A number as a plain decimal string without trailing zeros, exponent or thousands separator:
    1916486189.00 → "1916486189", 12.5000 → "12.5"."""
    return format(Decimal(value).normalize(), "f")


def cell_json(value):
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return value
    if isinstance(value, (Decimal, int)):
        return decimal_text(value)
    if isinstance(value, Besaran):
        return {**cell_json(value.nilai), "satuan": value.satuan}
    if isinstance(value, formatting.Nilai):
        return {"nilai": None if value.nilai is None else decimal_text(value.nilai), "label": value.label,
                "teks": formatting.format_nilai(value)}
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _column(col: Column) -> dict:
    return {"key": col.key, "label": col.label, "group": col.group, "kind": col.kind, "number": col.number}


def _row(row: Row) -> dict:
    out = {"kind": row.kind, "key": row.key, "level": row.level}
    if row.kind == "band":
        return {**out, "text": row.text, "cells": {}, "covered": [], "rowspan": {}}
    return {
        **out,
        "text": row.text,
        "cells": {k: cell_json(v) for k, v in row.cells.items() if v is not COVERED},
        "covered": [k for k, v in row.cells.items() if v is COVERED],
        "rowspan": dict(row.rowspan),
    }


def _kop(kop: Kop | None) -> dict | None:
    if kop is None:
        return None
    return {"pemerintah": kop.pemerintah, "instansi": kop.instansi, "alamat": list(kop.alamat), "dokumen": kop.dokumen}


def _penandatangan(p: PenandatanganData | None) -> dict | None:
    if p is None:
        return None
    return {"nama": p.nama, "jabatan": p.jabatan, "nip": p.nip, "pangkat": p.pangkat, "tempat": p.tempat,
            "tanggal": p.tanggal.isoformat() if p.tanggal else None, "sebutan": p.sebutan}


def render_json(report: Report) -> dict:
    """The Report as JSON-ready data (dicts, lists, strings)."""
    return {
        "code": report.code,
        "title": list(report.title),
        "kop": _kop(report.kop),
        "columns": [_column(c) for c in report.columns],
        "name_column": report.name_column,
        "rows": [_row(r) for r in report.rows],
        "notes": list(report.notes),
        "penandatangan": _penandatangan(report.penandatangan),
        "counter_signatory": _penandatangan(report.counter_signatory),
        "intro": [{"label": label, "text": text} for label, text in report.intro],
        "caption": report.caption,
        "orientation": report.orientation,
        "page_size": report.page_size,
        "filename": report.filename,
    }
