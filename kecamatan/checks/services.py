"""Writes of the consistency checker: keeping the counts of a check so dashboards show them."""

from __future__ import annotations

from kecamatan.checks.base import Hasil
from kecamatan.models import HasilPeriksa


def simpan_hasil(hasil: Hasil) -> None:
    """Store (or replace) the counts of a kecamatan-year check in one statement (an upsert): the same
    query count whether the row existed or not, and no race between two pages checking at once."""
    HasilPeriksa.objects.bulk_create(
        [HasilPeriksa(periode_id=hasil.periode_id, tahun=hasil.tahun, sidik=hasil.sidik, galat=hasil.galat,
                      peringatan=hasil.peringatan, per_dokumen=hasil.ringkasan())],
        update_conflicts=True, unique_fields=["periode", "tahun"],
        update_fields=["sidik", "galat", "peringatan", "per_dokumen", "diperiksa"],
    )
