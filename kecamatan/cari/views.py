"""The search results page behind the navbar's search box."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from kecamatan.cari import selectors


@login_required
def cari(request):
    hasil = selectors.cari(request.user, request.GET.get("q"))
    return render(request, "cari/hasil.html", {"hasil": hasil, "batas": selectors.BATAS,
                                               "min_panjang": selectors.MIN_PANJANG})
