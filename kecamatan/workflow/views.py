"""The workflow of a document: the list of a period's documents, a document's page (status,
timeline, actions) and buka kembali (Bappeda, POST only). The actions with a confirmation step
(ajukan, tarik, verifikasi, kembalikan) are in konfirmasi.py."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from kecamatan.checks import selectors as periksa_selectors
from kecamatan.checks.services import simpan_hasil
from kecamatan.core import access
from kecamatan.core.views import safe_next
from kecamatan.dokumen import forms as dokumen_forms
from kecamatan.dokumen import selectors
from kecamatan.dokumen import services as dokumen_services
from kecamatan.dokumen.links import konten_url
from kecamatan.importing import documents
from kecamatan.models import Dokumen
from kecamatan.renstra import selectors as renstra_selectors
from kecamatan.workflow import selectors as workflow_selectors
from kecamatan.workflow import services as workflow_services


def _dokumen(request, pk: int, kunci: str):
    periode = access.get_periode_for(request.user, pk)
    dokumen = selectors.dokumen_for(periode, kunci)
    if dokumen is None:
        raise Http404("Dokumen tidak ditemukan.")
    return periode, dokumen


@login_required
def dokumen_list(request, pk: int):
    periode = access.get_periode_for(request.user, pk)
    dokumen_list = selectors.dokumen_periode(periode)
    lencana = periksa_selectors.lencana_dokumen(periode, [d for d in dokumen_list if d.pk],
                                                periksa_selectors.hasil_tersimpan([periode]))
    return render(request, "kecamatan/dokumen/list.html", {
        "periode": periode, "dokumen_list": [(d, lencana.get(d.kunci)) for d in dokumen_list],
    })


@login_required
def dokumen_detail(request, pk: int, kunci: str):
    periode, dokumen = _dokumen(request, pk, kunci)
    dokumen_services.tandai_dibuka_bappeda(dokumen, request.user)
    riwayat = selectors.riwayat_dokumen(dokumen)
    kembalikan_form = None
    if access.can_verify(request.user, periode) and dokumen.status == Dokumen.Status.DIAJUKAN:
        items = workflow_selectors.baris_catatan(periode, dokumen)  # each row with its values
        kembalikan_form = dokumen_forms.KembalikanForm(indikator_ids=items.indikator_ids,
                                               subkegiatan_ids=items.subkegiatan_ids)
    else:
        items = None
    hasil = periksa_selectors.periksa(periode.pk, dokumen.tahun or periode.tahun_mulai)
    simpan_hasil(hasil)
    return render(request, "kecamatan/dokumen/detail.html", {
        "periode": periode, "dokumen": dokumen, "riwayat": riwayat, "konten_url": konten_url(dokumen),
        "periksa": hasil.untuk(dokumen.kunci).per_dokumen()[0], "periksa_tahun": hasil.tahun,
        "is_staff": request.user.is_staff,
        "is_admin": access.peran_of(request.user) == "admin",
        "catatan": selectors.catatan_terakhir(riwayat) if dokumen.status == Dokumen.Status.DIKEMBALIKAN else None,
        "items": items, "kembalikan_form": kembalikan_form,
        "can_submit": access.can_submit(request.user, periode), "can_verify": access.can_verify(request.user, periode),
        "aksi_form": dokumen_forms.AksiForm(), "buka_form": dokumen_forms.BukaKembaliForm(),
        "impor": documents.supports(dokumen), "can_edit": access.can_edit(request.user, periode),
    })


@require_POST
@login_required
def buka_kembali(request, pk: int, kunci: str):
    """Bappeda reopens a verified document, with a reason (no confirmation step: the reason is it)."""
    periode, dokumen = _dokumen(request, pk, kunci)
    if not access.can_verify(request.user, periode):
        raise PermissionDenied
    back = safe_next(request, reverse("kecamatan:dokumen", args=[pk, kunci]))
    form = dokumen_forms.BukaKembaliForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(form.errors["alasan"])
        workflow_services.buka_kembali_dokumen(periode=periode, kunci=kunci, by=request.user,
                                               alasan=form.cleaned_data["alasan"])
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, f"{dokumen.judul} dibuka kembali menjadi Draf.")
    return redirect(back)


__all__ = ["buka_kembali", "dokumen_detail", "dokumen_list"]
