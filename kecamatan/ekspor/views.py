"""The kabupaten-year export for Bappeda and the admin kabupaten: the page that asks for a year's
ZIP (and lists the kabupaten's recent exports), its progress page (refreshes itself every 2 s while
queued or running; plain HTML) and the download. The user's kabupaten only: kecamatan staff, and an
export of another kabupaten, get 404 as anything outside one's scope."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header

from kecamatan.ekspor import latar
from kecamatan.ekspor.forms import EksporForm
from kecamatan.ekspor.selectors import kabupaten_pengguna
from kecamatan.models import Ekspor, Kabupaten
from kecamatan.perbandingan.selectors import tahun_tersedia

REFRESH_SECONDS = 2
ANTRE_LAMA = timedelta(minutes=1)  # queued this long: the worker is probably not running
DAFTAR = 10  # recent exports listed on the page


def _kabupaten(request) -> Kabupaten:
    kabupaten = kabupaten_pengguna(request.user)
    if kabupaten is None:
        raise Http404("Halaman tidak ditemukan.")
    return kabupaten


def _tahun_awal(request, years: list[int]) -> int | None:
    """The year asked in the query string, else this year, else the nearest year with a Renstra."""
    raw = request.GET.get("tahun", "")
    if raw.isdigit() and int(raw) in years:
        return int(raw)
    today = timezone.localdate().year
    if not years or today in years:
        return today if years else None
    return max((t for t in years if t < today), default=years[0])


@login_required
def ekspor(request):
    kabupaten = _kabupaten(request)
    years = tahun_tersedia(kabupaten)
    if request.method == "POST":
        form = EksporForm(request.POST, years=years)
        if form.is_valid():
            item = latar.minta_ekspor(kabupaten=kabupaten, tahun=form.cleaned_data["tahun"], by=request.user)
            return redirect("kecamatan:ekspor_status", pk=item.pk)
    else:
        form = EksporForm(initial={"tahun": _tahun_awal(request, years)}, years=years)
    daftar = Ekspor.objects.filter(kabupaten=kabupaten).select_related("diminta_oleh")[:DAFTAR]
    return render(request, "kecamatan/ekspor/ekspor.html", {
        "kabupaten": kabupaten, "form": form, "years": years, "daftar": daftar,
    })


def _ekspor(request, pk: int) -> Ekspor:
    kabupaten = _kabupaten(request)
    item = Ekspor.objects.select_related("diminta_oleh").filter(pk=pk, kabupaten=kabupaten).first()
    if item is None:
        raise Http404("Ekspor tidak ditemukan.")
    item.kabupaten = kabupaten
    return latar.keadaan(item)


@login_required
def ekspor_status(request, pk: int):
    item = _ekspor(request, pk)
    return render(request, "kecamatan/ekspor/status.html", {
        "ekspor": item, "refresh": None if item.is_finished else REFRESH_SECONDS,
        "lama": item.status == Ekspor.Status.ANTRE and timezone.now() - item.dibuat > ANTRE_LAMA,
    })


@login_required
def ekspor_unduh(request, pk: int):
    item = _ekspor(request, pk)
    content = latar.berkas(item)
    if content is None:
        if item.status == Ekspor.Status.SIAP:  # the cache let the file go: make it again
            latar.antrekan(item)
            messages.info(request, "Berkas ZIP sudah tidak tersimpan; sedang dibuat ulang.")
        return redirect("kecamatan:ekspor_status", pk=item.pk)
    response = HttpResponse(content, content_type="application/zip")
    response["Content-Disposition"] = content_disposition_header(True, item.nama_berkas)
    return response
