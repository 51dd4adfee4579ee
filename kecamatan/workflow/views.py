"""The workflow of a document: its page (status, timeline, actions) and the actions themselves,
which accept POST only: ajukan (Camat), verifikasi / kembalikan / buka kembali (Bappeda)."""

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
    riwayat = selectors.riwayat_dokumen(dokumen)
    kembalikan_form = None
    if access.can_verify(request.user) and dokumen.status == Dokumen.Status.DIAJUKAN:
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
        "can_submit": access.can_submit(request.user, periode), "can_verify": access.can_verify(request.user),
        "aksi_form": dokumen_forms.AksiForm(), "buka_form": dokumen_forms.BukaKembaliForm(),
        "impor": documents.supports(dokumen), "can_edit": access.can_edit(request.user, periode),
    })


def _act(request, pk: int, kunci: str, action, success: str, allowed, reraise: tuple = ()) -> object:
    periode, dokumen = _dokumen(request, pk, kunci)
    if not allowed(request.user, periode):
        raise PermissionDenied
    back = safe_next(request, reverse("kecamatan:dokumen", args=[pk, kunci]))
    try:
        action(periode)
    except reraise:
        raise
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, success.format(judul=dokumen.judul))
    return redirect(back)


@require_POST
@login_required
def ajukan(request, pk: int, kunci: str):
    """Submit; with galat left and no confirmation, back to the document page, where the findings
    are listed above the confirmation box."""
    konfirmasi = request.POST.get("konfirmasi_galat") == "1"
    try:
        return _act(request, pk, kunci,
                    lambda periode: workflow_services.ajukan_dokumen(periode=periode, kunci=kunci, by=request.user,
                                                            konfirmasi_galat=konfirmasi),
                    "{judul} diajukan ke Bappeda.", access.can_submit, reraise=(workflow_services.AdaGalat,))
    except workflow_services.AdaGalat as exc:
        messages.warning(request, exc.messages[0])
        return redirect(reverse("kecamatan:dokumen", args=[pk, kunci]) + "#pemeriksaan")


def _bappeda(user, periode) -> bool:
    return access.can_verify(user)


@require_POST
@login_required
def verifikasi(request, pk: int, kunci: str):
    form = dokumen_forms.AksiForm(request.POST)
    form.is_valid()
    return _act(request, pk, kunci,
                lambda periode: workflow_services.verifikasi_dokumen(periode=periode, kunci=kunci, by=request.user,
                                                            catatan=form.cleaned_data.get("catatan", "")),
                "{judul} diverifikasi.", _bappeda)


@require_POST
@login_required
def kembalikan(request, pk: int, kunci: str):
    periode, _ = _dokumen(request, pk, kunci)
    items = renstra_selectors.item_dokumen(periode)
    form = dokumen_forms.KembalikanForm(request.POST, indikator_ids=[i.pk for i in items.indikator],
                                subkegiatan_ids=[s.pk for s in items.subkegiatan])
    valid = form.is_valid()

    def action(periode):
        if not valid:
            raise ValidationError(form.errors["catatan"] if "catatan" in form.errors else "Catatan tidak sah.")
        workflow_services.kembalikan_dokumen(
            periode=periode, kunci=kunci, by=request.user, catatan=form.cleaned_data["catatan"],
            catatan_indikator=form.catatan_indikator(), catatan_subkegiatan=form.catatan_subkegiatan(),
        )

    return _act(request, pk, kunci, action, "{judul} dikembalikan ke kecamatan dengan catatan.", _bappeda)


@require_POST
@login_required
def buka_kembali(request, pk: int, kunci: str):
    form = dokumen_forms.BukaKembaliForm(request.POST)
    valid = form.is_valid()

    def action(periode):
        if not valid:
            raise ValidationError(form.errors["alasan"])
        workflow_services.buka_kembali_dokumen(periode=periode, kunci=kunci, by=request.user, alasan=form.cleaned_data["alasan"])

    return _act(request, pk, kunci, action, "{judul} dibuka kembali menjadi Draf.", _bappeda)


__all__ = ["ajukan", "buka_kembali", "dokumen_detail", "dokumen_list", "kembalikan", "verifikasi"]
