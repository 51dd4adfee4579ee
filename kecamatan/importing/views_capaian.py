"""Riwayat capaian sebelum periode from Excel: download the page's grid as a workbook (anyone who
may read the Renstra), upload it filled (the kecamatan's operator or Camat). The upload is checked
like the page's form and saved by the same service: all or nothing, at the file's version."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from kecamatan.core.errors import Bentrok
from kecamatan.core.views import require_edit
from kecamatan.importing import capaian
from kecamatan.importing import forms as importing_forms
from kecamatan.importing.base import FileError
from kecamatan.renstra import capaian_sebelum
from kecamatan.renstra import selectors_isian as selectors

MAX_SHOWN = 20  # errors listed; the rest are counted


def _tahun(request) -> int | None:
    tahun = request.GET.get("tahun", "")
    return int(tahun) if tahun.isdigit() else None


@login_required
def unduh(request, pk: int):
    page = selectors.page_for(request.user, pk)
    tahun = _tahun(request)
    data = capaian_sebelum.capaian_data(page.periode, tahun)
    content = capaian.templat(data, periode_id=page.periode.pk, versi=page.dokumen.versi, judul=page.dokumen.judul,
                              tahun_renja=tahun)
    response = HttpResponse(content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    nama = f"riwayat-capaian-{page.periode.kecamatan.nama}-{page.periode.tahun_mulai}-v{page.dokumen.versi}"
    response["Content-Disposition"] = f'attachment; filename="{slugify(nama)}.xlsx"'  # a name never breaks the header
    return response


def _errors(request, errors: list[str]) -> None:
    messages.error(request, "Unggahan ditolak, tidak ada yang disimpan: perbaiki sel berikut lalu unggah lagi.")
    for pesan in errors[:MAX_SHOWN]:
        messages.error(request, pesan)
    if len(errors) > MAX_SHOWN:
        messages.error(request, f"… dan {len(errors) - MAX_SHOWN} galat lain.")


@require_POST
@login_required
def unggah(request, pk: int):
    page = selectors.page_for(request.user, pk)
    require_edit(request.user, page.periode)
    tahun = _tahun(request)
    back = reverse("kecamatan:renstra_riwayat_capaian", args=[page.periode.pk]) + (f"?tahun={tahun}" if tahun else "")
    if page.dokumen.is_locked:
        messages.error(request, f"{page.dokumen.judul} berstatus {page.dokumen.get_status_display()}: unggahan "
                                "ditolak, tidak ada yang disimpan.")
        return redirect(back)
    form = importing_forms.UnggahForm(request.POST, request.FILES)
    if not form.is_valid():
        _errors(request, [e for errors in form.errors.values() for e in errors])
        return redirect(back)
    try:
        data, hasil = capaian.baca(form.cleaned_data["berkas"].read(),
                                   lambda tahun: capaian_sebelum.capaian_data(page.periode, tahun),
                                   periode_id=page.periode.pk, versi=page.dokumen.versi, judul=page.dokumen.judul)
    except FileError as exc:
        messages.error(request, exc.pesan)
        return redirect(back)
    if hasil.errors:
        _errors(request, hasil.errors)
        return redirect(back)
    try:
        capaian_sebelum.save_capaian(periode=page.periode, data=data, values=hasil.values, by=request.user,
                                     versi=page.dokumen.versi)
    except Bentrok as exc:
        messages.error(request, exc.pesan)
        return redirect(back)
    except ValidationError as exc:
        errors = exc.message_dict if hasattr(exc, "error_dict") else {None: exc.messages}
        _errors(request, [f"{hasil.where.get(key, 'Berkas')}: {pesan}" for key, pesans in errors.items()
                          for pesan in pesans])
        return redirect(back)
    messages.success(request, f"Riwayat capaian sebelum periode diimpor dari {form.cleaned_data['berkas'].name}.")
    return redirect(back)
