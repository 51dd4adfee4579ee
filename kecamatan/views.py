"""Pages. A view parses the request, calls a selector or service, and renders."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from . import access, selectors
from .reports.cascade import build_cascade_rows


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
        {"periode": periode, "data": data, "rows": build_cascade_rows(data)},
    )
