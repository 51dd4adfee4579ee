"""Pages. A view parses the request, calls a selector or service, and renders."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.http import urlencode
from django.utils.safestring import mark_safe

from . import access, selectors
from .reports.cascade import build_cascade_rows
from .reports.output import produce
from .reports.registry import UnknownTable, get_table, tables_for
from .reports.render_html import render_table_html


@login_required
def beranda(request):
    periode = access.visible_periode(request.user, selectors.periode_list())
    return render(request, "kecamatan/beranda.html", {"periode_list": periode, "profil": access.profil_of(request.user)})


@login_required
def renstra_detail(request, pk: int):
    periode = access.get_periode_for(request.user, pk)
    data = selectors.renstra_data(periode.pk)
    return render(
        request,
        "kecamatan/renstra/detail.html",
        {"periode": periode, "data": data, "rows": build_cascade_rows(data), "tabel_list": tables_for("renstra"),
         "tabel_lkj": tables_for("lkj")},
    )


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
    """One official table on screen, with PDF and Excel downloads of the same rows."""
    periode = access.get_periode_for(request.user, pk)
    try:
        spec = get_table(name)
    except UnknownTable:
        raise Http404("Tabel tidak dikenal.") from None
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
            "sections": [{"report": r, "table": t} for r, t in zip(reports, tables)],
            "params": [{"name": p.name, "label": p.label, "choices": choices[p.name], "value": options.get(p.name, "")}
                       for p in spec.params],
            "query": f"?{urlencode(query)}" if query else "",
        },
    )


@login_required
def tabel_unduh(request, pk: int, name: str, fmt: str):
    periode = access.get_periode_for(request.user, pk)
    try:
        spec = get_table(name)
    except UnknownTable:
        raise Http404("Tabel tidak dikenal.") from None
    options, _ = _options(request, spec, periode)
    out = produce(spec.name, periode_id=periode.pk, tahun=_tahun_param(request, spec, periode), fmt=fmt,
                  options=options)
    response = HttpResponse(out.content, content_type=out.content_type)
    response["Content-Disposition"] = f'attachment; filename="{out.filename}"'
    return response
