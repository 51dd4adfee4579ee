"""Official tables on screen, and their PDF and Excel downloads (the same Report rows)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header, urlencode
from django.utils.safestring import mark_safe

from kecamatan.cetak import latar
from kecamatan.cetak.output import produce
from kecamatan.cetak.registry import UnknownTable, get_table
from kecamatan.core import access
from kecamatan.tables.output import Output
from kecamatan.tables.pdf_cache import HEADER as PDF_CACHE_HEADER
from kecamatan.tables.render_html import render_table_html


def _spec(name: str):
    try:
        return get_table(name)
    except UnknownTable:
        raise Http404("Tabel tidak dikenal.") from None


def _tahun_param(request, spec, periode) -> int | None:
    raw = request.GET.get("tahun")
    if raw is None:
        return periode.tahun_mulai if spec.needs_tahun else None
    try:
        tahun = int(raw)
    except ValueError:
        raise Http404("Tahun tidak sah.") from None
    if not periode.tahun_mulai <= tahun <= periode.tahun_selesai:
        raise Http404("Tahun di luar periode.")
    return tahun


def _options(request, spec, periode) -> tuple[dict[str, str], dict[str, list[tuple[str, str]]]]:
    """The table's extra choices from the query string (e.g. ?pembanding=yosowilangun)."""
    if not spec.params:
        return {}, {}
    choices = spec.param_choices(periode.pk)
    try:
        options = spec.clean_options({p.name: request.GET.get(p.name, "") for p in spec.params}, choices)
    except ValueError:
        raise Http404("Pilihan tabel tidak sah.") from None
    return options, choices


@login_required
def tabel(request, pk: int, name: str):
    periode = access.get_periode_for(request.user, pk)
    spec = _spec(name)
    tahun = _tahun_param(request, spec, periode)
    options, choices = _options(request, spec, periode)
    reports = spec.run(periode.pk, tahun, options)
    tables = [mark_safe(render_table_html(r)) for r in reports]
    query = {k: v for k, v in {"tahun": tahun, **options}.items() if v is not None}
    return render(
        request,
        "reports/page.html",
        {
            "periode": periode, "spec": spec, "tahun": tahun, "reports": reports, "tables": tables,
            # each title above its own table (a document such as `renstra` has several)
            "sections": [{"report": r, "table": t} for r, t in zip(reports, tables)],
            "params": [{"name": p.name, "label": p.label, "choices": choices[p.name], "value": options.get(p.name, "")}
                       for p in spec.params],
            "query": f"?{urlencode(query)}" if query else "",
        },
    )


@login_required
def tabel_unduh(request, pk: int, name: str, fmt: str):
    periode = access.get_periode_for(request.user, pk)
    spec = _spec(name)
    options, _ = _options(request, spec, periode)
    tahun = _tahun_param(request, spec, periode)
    if fmt == "pdf":  # a long table is printed in the background; a cached or short one at once
        out = latar.minta_pdf(nama=spec.name, periode=periode, tahun=tahun, opsi=options, by=request.user)
        if not isinstance(out, Output):
            return redirect("kecamatan:cetakan", pk=out.pk)
    else:
        out = produce(spec.name, periode_id=periode.pk, tahun=tahun, fmt=fmt, options=options)
    response = HttpResponse(out.content, content_type=out.content_type)
    response["Content-Disposition"] = content_disposition_header(True, out.filename)  # a name with a quote or CR stays one header
    if out.cache_hit is not None:  # observable per server (proxy logs, the two-server test)
        response[PDF_CACHE_HEADER] = "hit" if out.cache_hit else "miss"
    return response
