"""Randuagung's Renstra tables built once per test session (the demo load costs seconds): Reports,
HTML and Excel of every table, read by tests that only look at the output."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.db import transaction

from kecamatan.cetak.output import produce
from kecamatan.cetak.registry import get_table
from kecamatan.models import Periode
from kecamatan.tables.base import Report

RENSTRA_TABLES = ["tc23", "tc24", "tc25", "cascading", "tc26", "tc27", "tc28", "renstra"]


@dataclass(frozen=True)
class TableOutput:
    reports: list[Report]
    html: str
    xlsx: bytes
    xlsx_filename: str


@pytest.fixture(scope="session")
def randuagung_tables(full_demo_snapshot, django_db_blocker) -> dict[str, TableOutput]:
    out = {}
    with django_db_blocker.unblock(), transaction.atomic():
        full_demo_snapshot.restore()  # muat_demo(), copied from the session's load
        pk = Periode.objects.get(kecamatan__nama="Randuagung", tahun_mulai=2024).pk
        for name in RENSTRA_TABLES:
            xlsx = produce(name, periode_id=pk, tahun=None, fmt="xlsx")
            out[name] = TableOutput(
                reports=get_table(name).build(pk, None),
                html=produce(name, periode_id=pk, tahun=None, fmt="html").content.decode(),
                xlsx=xlsx.content,
                xlsx_filename=xlsx.filename,
            )
        transaction.set_rollback(True)
    return out
