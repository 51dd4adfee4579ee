"""Audit history per record: who changed which target, realisasi or pagu from what to what."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from kecamatan.core.views import scoped
from kecamatan.dokumen import selectors
from kecamatan.models import Indikator, SubKegiatan
from kecamatan.renstra import selectors as renstra_selectors


@login_required
def riwayat_indikator(request, pk: int):
    indikator, periode = scoped(request.user, renstra_selectors.row_queryset(Indikator), pk)
    return render(request, "kecamatan/riwayat/perubahan.html", {
        "periode": periode, "judul": f"Riwayat target dan realisasi: {indikator.uraian}",
        "perubahan": selectors.riwayat_indikator(indikator),
    })


@login_required
def riwayat_subkegiatan(request, pk: int):
    sub, periode = scoped(request.user, renstra_selectors.row_queryset(SubKegiatan), pk)
    return render(request, "kecamatan/riwayat/perubahan.html", {
        "periode": periode, "judul": f"Riwayat pagu dan realisasi anggaran: {sub.kode} {sub.nama}",
        "perubahan": selectors.riwayat_subkegiatan(sub),
    })
