"""Bappeda's work list (admin kabupaten reads it too): what the kecamatan submitted, the one
waiting longest first, with filters, search and pages."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from kecamatan.beranda import antrian as antrian_selectors
from kecamatan.beranda.forms import SaringanForm
from kecamatan.core import access


@login_required
def antrian(request):
    kabupaten = access.kabupaten_halaman(request.user, request.GET.get("kabupaten"))
    if kabupaten is None:  # kecamatan staff, or a kabupaten outside the user's
        raise Http404("Halaman tidak ditemukan.")
    form = SaringanForm(request.GET or None, pilihan=antrian_selectors.pilihan(kabupaten))
    saringan = form.saringan()
    halaman = antrian_selectors.antrian(kabupaten, saringan, today=timezone.localdate(),
                                        halaman=request.GET.get("halaman"))
    tanpa_halaman = request.GET.copy()
    tanpa_halaman.pop("halaman", None)
    return render(request, "kecamatan/antrian.html", {
        "kabupaten": kabupaten, "form": form, "saringan": saringan, "halaman": halaman,
        "query": tanpa_halaman.urlencode(),
        "status_label": form.status_label(saringan.status), "can_verify": access.is_verifikator(request.user),
    })
