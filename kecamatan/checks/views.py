"""The consistency check of a kecamatan-year: every finding, grouped by document and rule, with
counts per severity and a link to the place to fix each. Opening the page runs the check (a fixed
number of queries) and keeps its counts for the dashboards."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from kecamatan.checks import selectors as periksa_selectors
from kecamatan.checks.services import simpan_hasil
from kecamatan.core import access


@login_required
def periksa_tahun(request, pk: int, tahun: int):
    periode = access.get_periode_for(request.user, pk)
    if not periode.tahun_mulai <= tahun <= periode.tahun_selesai:
        raise Http404("Tahun di luar periode Renstra.")
    hasil = periksa_selectors.periksa(periode.pk, tahun)
    simpan_hasil(hasil)
    kunci = request.GET.get("dokumen") or ""
    tampil = hasil.untuk(kunci) if kunci in {k for k, _ in hasil.dokumen} else hasil
    return render(request, "kecamatan/periksa/tahun.html", {
        "periode": periode, "tahun": tahun, "hasil": hasil, "tampil": tampil, "dokumen_dipilih": kunci,
        "kelompok": tampil.per_dokumen(), "is_staff": request.user.is_staff,
        "is_admin": access.peran_of(request.user) == "admin",
    })


__all__ = ["periksa_tahun"]
