"""A background print as the user follows it: the progress page (refreshes itself every 2 s while
queued or printing; plain HTML, works without JavaScript), the download of the finished PDF (printed
again when the cache has let it go) and "Coba lagi" after a failure. Whoever may read the document's
Renstra (kecamatan/core/access.py) may follow its print; anyone else gets 404."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST

from kecamatan.cetak import latar
from kecamatan.core import access
from kecamatan.models import Cetakan
from kecamatan.tables.pdf_cache import HEADER as PDF_CACHE_HEADER

REFRESH_SECONDS = 2
ANTRE_LAMA = timedelta(minutes=1)  # queued this long: the worker is probably not running


def _cetakan(request, pk: int) -> Cetakan:
    cetakan = Cetakan.objects.filter(pk=pk).first()
    if cetakan is None:
        raise Http404("Cetakan tidak ditemukan.")
    cetakan.periode = access.get_periode_for(request.user, cetakan.periode_id)  # 404 outside the user's scope
    return latar.keadaan(cetakan)


@login_required
def cetakan(request, pk: int):
    item = _cetakan(request, pk)
    return render(request, "kecamatan/cetak/cetakan.html", {
        "cetakan": item, "periode": item.periode, "refresh": None if item.is_finished else REFRESH_SECONDS,
        "lama": item.status == Cetakan.Status.ANTRE and timezone.now() - item.dibuat > ANTRE_LAMA,
    })


@login_required
def cetakan_unduh(request, pk: int):
    item = _cetakan(request, pk)
    out = latar.berkas(item)
    if out is None:
        if item.status == Cetakan.Status.SIAP:  # the cache let the file go: print it again
            latar.antrekan(item)
            messages.info(request, "Berkas PDF sudah tidak tersimpan; sedang disiapkan ulang.")
        return redirect("kecamatan:cetakan", pk=item.pk)
    response = HttpResponse(out.content, content_type=out.content_type)
    response["Content-Disposition"] = content_disposition_header(True, out.filename)  # a name with a quote or CR stays one header
    response[PDF_CACHE_HEADER] = "hit"  # laid out by a worker, read from the shared cache
    return response


@login_required
@require_POST
def cetakan_ulang(request, pk: int):
    item = _cetakan(request, pk)
    if item.status == Cetakan.Status.GAGAL:
        latar.antrekan(item)
    return redirect("kecamatan:cetakan", pk=item.pk)
