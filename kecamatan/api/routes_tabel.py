"""Every official table of the registry (`cetak.registry`) as JSON: the same Reports the table page,
the PDF and the workbook print, through the fourth renderer (`tables.render_json`)."""

from __future__ import annotations

from django.http import Http404
from ninja import Router
from ninja.errors import HttpError

from kecamatan.api.common import periode_for
from kecamatan.api.schemas import Galat, TabelInfoOut, TabelOut
from kecamatan.cetak.registry import TABLES, UnknownTable, get_table
from kecamatan.core.kunci import kunci_dokumen
from kecamatan.dokumen import selectors as dokumen_selectors
from kecamatan.dokumen.tataletak import tata_letak_dokumen
from kecamatan.tables.render_json import render_json

router = Router(tags=["Tabel resmi"])

STATIC_OPTIONS = {"tata_letak"}  # options whose values do not depend on the period


@router.get("/tabel/", response=list[TabelInfoOut], url_name="tabel_list")
def tabel_list(request):
    """Tabel resmi yang tersedia, dengan opsi yang nilainya sama untuk semua periode (tata letak);
    pilihan `pembanding` bergantung pada periode dan ditolak dengan daftar pilihannya bila salah."""
    return [{"name": s.name, "label": s.label, "dokumen": s.dokumen, "needs_tahun": s.needs_tahun,
             "options": {p.name: [v for v, _ in p.choices(0)] if p.name in STATIC_OPTIONS else [] for p in s.params}}
            for s in TABLES.values()]


@router.get("/periode/{int:pk}/tabel/{name}/", response={200: TabelOut, 422: Galat}, url_name="tabel")
def tabel(request, pk: int, name: str, tahun: int | None = None, tata_letak: str = "", pembanding: str = ""):
    """Satu tabel resmi (atau dokumen tabel lengkap seperti `renstra`) sebagai data: kolom berkunci
    dengan penomoran resminya, baris dengan sel per kunci kolom; angka sebagai string desimal, Nilai
    sebagai {nilai, label}. Tahun wajib untuk tabel tahunan (bawaan: tahun pertama periode)."""
    periode = periode_for(request, pk)
    try:
        spec = get_table(name)
    except UnknownTable:
        raise Http404("Tabel tidak dikenal.") from None
    if tahun is None:
        tahun = periode.tahun_mulai if spec.needs_tahun else None
    elif not spec.needs_tahun:
        tahun = None
    elif tahun not in periode.tahun_list:
        raise Http404("Tahun di luar periode.")
    asked = {k: v for k, v in {"tata_letak": tata_letak, "pembanding": pembanding}.items() if v}
    try:
        options = spec.clean_options(asked, spec.param_choices(periode.pk)) if asked else {}
    except ValueError as exc:
        raise HttpError(422, str(exc)) from None
    reports = spec.run(periode.pk, tahun, options)
    return {"name": spec.name, "label": spec.label, "periode_id": periode.pk, "tahun": tahun, "options": options,
            "tata_letak": _tata_letak(spec, periode, tahun, options), "reports": [render_json(r) for r in reports]}


def _tata_letak(spec, periode, tahun, options) -> str | None:
    """The layout the table printed in: asked for, else the document's pinned one or the kabupaten's."""
    if spec.layouts is None:
        return None
    if options.get("tata_letak"):
        return options["tata_letak"]
    dokumen = dokumen_selectors.dokumen_for(periode, kunci_dokumen(spec.dokumen, tahun if spec.needs_tahun else None))
    return tata_letak_dokumen(dokumen, periode.pk).get(spec.name) or spec.layouts.default.name
