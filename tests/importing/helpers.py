"""Helpers for the import tests: download a template, edit cells the way a user would (by row ID
and column heading), and a full picture of the data an import may touch, to compare before/after."""

from __future__ import annotations

import io

from django.contrib.auth import get_user_model
from openpyxl import load_workbook

from kecamatan.dokumen import selectors
from kecamatan.importing import documents
from kecamatan.importing import services as importing_services
from kecamatan.importing.base import FIRST_DATA_ROW, HEADER_ROW
from kecamatan.models import (
    Aktivitas,
    Dokumen,
    Indikator,
    Pagu,
    Realisasi,
    RealisasiAnggaran,
    RenjaSubKegiatan,
    Riwayat,
    Target,
    TargetRenja,
)


def operator(periode=None):
    """The operator of the periode's kecamatan (Randuagung's demo operator by default)."""
    if periode is None:
        return get_user_model().objects.get(username="operator.randuagung")
    return get_user_model().objects.filter(profil__kecamatan=periode.kecamatan_id, profil__peran="operator").first()


def dokumen(periode, kunci):
    return selectors.dokumen_for(periode, kunci)


def template(periode, kunci="renstra", by=None) -> bytes:
    return documents.template_for(periode, dokumen(periode, kunci), by=by).content


def preview(periode, content: bytes, kunci="renstra"):
    return documents.preview_upload(periode, dokumen(periode, kunci), content)


def do_import(periode, content: bytes, kunci="renstra", by=None, versi=None, nama_file="isian.xlsx"):
    by = by or operator(periode)
    versi = dokumen(periode, kunci).versi if versi is None else versi
    return importing_services.import_xlsx(periode=periode, kunci=kunci, content=content, nama_file=nama_file, versi=versi, by=by)


def find_row(ws, ref: str) -> int:
    for r in range(FIRST_DATA_ROW, ws.max_row + 1):
        if ws.cell(r, 1).value == ref:
            return r
    raise KeyError(ref)


def find_column(ws, heading: str) -> int:
    for c in range(1, ws.max_column + 1):
        if ws.cell(HEADER_ROW, c).value == heading:
            return c
    raise KeyError(heading)


def edit(content: bytes, sheet: str, cells: dict[tuple[str, str], object], *, fmt: str | None = None) -> bytes:
    """Set cells addressed by (row ID, column heading), as typing in Excel would; save."""
    wb = load_workbook(io.BytesIO(content))
    ws = wb[sheet]
    for (ref, heading), value in cells.items():
        cell = ws.cell(find_row(ws, ref), find_column(ws, heading))
        cell.value = value
        if fmt:
            cell.number_format = fmt
    return save(wb)


def save(wb) -> bytes:
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def workbook(content: bytes):
    return load_workbook(io.BytesIO(content))


def state() -> dict:
    """Every value an import may touch, with the documents, their timeline and the audit history."""
    return {
        "target": sorted(Target.objects.values_list("indikator_id", "tahun", "nilai", "label")),
        "satuan": sorted(Indikator.objects.values_list("pk", "satuan")),
        "pagu": sorted(Pagu.objects.values_list("subkegiatan_id", "tahun", "tahap", "jumlah")),
        "realisasi": sorted(Realisasi.objects.values_list("indikator_id", "tahun", "triwulan", "nilai", "label",
                                                          "keterangan")),
        "rp": sorted(RealisasiAnggaran.objects.values_list("subkegiatan_id", "tahun", "triwulan", "jumlah")),
        "rincian": sorted(RenjaSubKegiatan.objects.values_list("pk", "lokasi", "sumber_dana", "catatan")),
        "aktivitas": sorted(Aktivitas.objects.values_list("pk", "rincian_id", "urutan", "uraian", "skala_prioritas",
                                                          "volume", "satuan", "jumlah", "catatan")),
        "target_renja": sorted(TargetRenja.objects.values_list("indikator_id", "tahun", "tahap", "nilai", "label")),
        "dokumen": sorted(Dokumen.objects.values_list("pk", "jenis", "tahun", "triwulan", "status", "versi")),
        "riwayat": Riwayat.objects.count(),
        "history": (Target.history.count(), Pagu.history.count(), Realisasi.history.count(),
                    RealisasiAnggaran.history.count()),
    }
