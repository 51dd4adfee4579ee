"""Official tables on screen, and their PDF and Excel downloads (the same Report rows)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe

from .. import access
from ..reports.output import produce
from ..reports.registry import UnknownTable, get_table
from ..reports.render_html import render_table_html


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


@login_required
def tabel(request, pk: int, name: str):
    periode = access.get_periode_for(request.user, pk)
    spec = _spec(name)
    tahun = _tahun_param(request, spec, periode)
    reports = spec.build(periode.pk, tahun)
    tables = [mark_safe(render_table_html(r)) for r in reports]
    return render(
        request,
        "reports/page.html",
        {
            "periode": periode, "spec": spec, "tahun": tahun, "reports": reports, "tables": tables,
            # each title above its own table (a document such as `renstra` has several)
            "sections": [{"report": r, "table": t} for r, t in zip(reports, tables)],
        },
    )


@login_required
def tabel_unduh(request, pk: int, name: str, fmt: str):
    periode = access.get_periode_for(request.user, pk)
    spec = _spec(name)
    out = produce(spec.name, periode_id=periode.pk, tahun=_tahun_param(request, spec, periode), fmt=fmt)
    response = HttpResponse(out.content, content_type=out.content_type)
    response["Content-Disposition"] = f'attachment; filename="{out.filename}"'
    return response
