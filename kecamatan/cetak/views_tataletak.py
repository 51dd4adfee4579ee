"""The admin kabupaten chooses which layout of each official table the kabupaten prints; Bappeda's
verifikator sees the choice. Anyone else gets 404, as for any page outside their scope."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render

from kecamatan.cetak import tataletak
from kecamatan.cetak.forms import TataLetakForm
from kecamatan.core import access
from kecamatan.models import Kabupaten, Peran


def _kabupaten(request) -> tuple[Kabupaten, bool]:
    peran = access.peran_of(request.user)
    if peran not in (Peran.ADMIN, Peran.VERIFIKATOR):
        raise Http404("Halaman tidak ditemukan.")
    kabupaten = access.kabupaten_halaman(request.user, request.GET.get("kabupaten"))  # the user's own
    if kabupaten is None:
        raise Http404("Halaman tidak ditemukan.")
    return kabupaten, peran == Peran.ADMIN


@login_required
def tata_letak(request):
    kabupaten, may_edit = _kabupaten(request)
    specs = tataletak.tables_with_layouts()
    pilihan = tataletak.pilihan_of(kabupaten)
    initial = {**pilihan, "sidik": tataletak.sidik(pilihan)}
    if request.method == "POST":
        if not may_edit:
            raise Http404("Halaman tidak ditemukan.")
        form = TataLetakForm(request.POST, specs=specs, initial=initial)
        if form.is_valid():
            chosen = {spec.name: form.cleaned_data[spec.name] for spec in specs}
            try:
                berubah = tataletak.simpan_pilihan(kabupaten, chosen, sidik_awal=form.cleaned_data["sidik"])
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
                return redirect("kecamatan:tata_letak")
            messages.success(request, f"Tata letak disimpan ({len(berubah)} tabel berubah). Dokumen yang sudah "
                                      "diajukan atau diverifikasi tetap dicetak dengan tata letak saat diajukan.")
            return redirect("kecamatan:tata_letak")
    else:
        form = TataLetakForm(specs=specs, initial=initial)
    return render(request, "kecamatan/cetak/tata_letak.html",
                  {"form": form, "kabupaten": kabupaten, "may_edit": may_edit, "specs": specs})
