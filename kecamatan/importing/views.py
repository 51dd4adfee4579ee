"""Excel in: download a document's template; upload it filled; look at the preview (every change
from what to what, every error at its sheet, row and column, conflicts with other people's
changes); confirm, and only then is anything written (all or nothing)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST

from kecamatan.core import access
from kecamatan.core import errors as core_errors
from kecamatan.core.views import require_edit
from kecamatan.dokumen import selectors
from kecamatan.dokumen.links import konten_url
from kecamatan.importing import documents, pending
from kecamatan.importing import forms as importing_forms
from kecamatan.importing import services as importing_services
from kecamatan.importing.base import MAX_BYTES, FileError, ukuran_teks


def _dokumen(request, pk: int, kunci: str):
    periode = access.get_periode_for(request.user, pk)
    dokumen = selectors.dokumen_for(periode, kunci)
    if refusal := documents.refusal(dokumen):
        raise Http404(refusal)
    return periode, dokumen


@login_required
def impor_templat(request, pk: int, kunci: str):
    periode, dokumen = _dokumen(request, pk, kunci)
    templat = documents.template_for(periode, dokumen, by=request.user)
    response = HttpResponse(templat.content, content_type=templat.content_type)
    response["Content-Disposition"] = content_disposition_header(True, templat.filename)  # a name with a quote or CR stays one header
    return response


@login_required
def impor(request, pk: int, kunci: str):
    periode, dokumen = _dokumen(request, pk, kunci)
    require_edit(request.user, periode)
    form = importing_forms.UnggahForm()
    if request.method == "POST":
        form = importing_forms.UnggahForm(request.POST, request.FILES)
        if dokumen.is_locked:
            messages.error(request, f"{dokumen.judul} berstatus {dokumen.get_status_display()}: unggahan ditolak, "
                                    "tidak ada yang disimpan.")
            return redirect(request.path)
        if form.is_valid():
            berkas = form.cleaned_data["berkas"]
            pending.put(request.session, periode.pk, kunci, berkas.read(), berkas.name,
                        timezone.localtime().isoformat(timespec="seconds"))
            return redirect(request.path)
    upload = pending.get(request.session, periode.pk, kunci) if not form.errors else None
    preview = file_error = info = None
    if upload is not None:
        info, content = upload
        try:
            preview = documents.preview_upload(periode, dokumen, content)
        except FileError as exc:
            file_error = exc.pesan
            pending.drop(request.session, periode.pk, kunci)
    return render(request, "kecamatan/impor/impor.html", {
        "periode": periode, "dokumen": dokumen, "form": form, "preview": preview, "upload": info,
        "file_error": file_error, "batas": ukuran_teks(MAX_BYTES), "konten_url": konten_url(dokumen),
    })


@require_POST
@login_required
def impor_simpan(request, pk: int, kunci: str):
    """Confirm (or cancel) the pending upload: validated again and written in one transaction."""
    periode, dokumen = _dokumen(request, pk, kunci)
    require_edit(request.user, periode)
    back = reverse("kecamatan:impor", args=[pk, kunci])
    if request.POST.get("aksi") == "batal":
        pending.drop(request.session, periode.pk, kunci)
        messages.info(request, "Unggahan dibatalkan; tidak ada yang disimpan.")
        return redirect(back)
    upload = pending.get(request.session, periode.pk, kunci)
    if upload is None:
        messages.error(request, "Tidak ada berkas yang menunggu disimpan. Unggah berkasnya lebih dulu.")
        return redirect(back)
    info, content = upload
    try:
        versi = int(request.POST.get("versi", ""))
    except ValueError:
        messages.error(request, "Versi dokumen tidak terbaca; periksa pratinjau lalu simpan lagi.")
        return redirect(back)
    try:
        preview = importing_services.import_xlsx(periode=periode, kunci=kunci, content=content, nama_file=info.nama_file,
                                       versi=versi, by=request.user)
    except core_errors.Bentrok as exc:
        oleh = ", ".join(sorted({r.oleh.username if r.oleh else "sistem" for r in exc.riwayat})) or "pengguna lain"
        messages.warning(request, f"Impor TIDAK disimpan: {exc.dokumen.judul} sudah diubah oleh {oleh} sejak "
                                  f"pratinjau (versi {exc.versi_dimuat} → {exc.dokumen.versi}). Periksa pratinjau "
                                  "terbaru di bawah, lalu simpan lagi.")
        return redirect(back)
    except FileError as exc:
        pending.drop(request.session, periode.pk, kunci)
        messages.error(request, exc.pesan)
        return redirect(back)
    except importing_services.ImporDitolak as exc:
        messages.error(request, f"Berkas mempunyai {len(exc.preview.errors)} galat; tidak ada yang disimpan.")
        return redirect(back)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect(back)
    pending.drop(request.session, periode.pk, kunci)
    if preview.changes:
        saved = selectors.dokumen_for(periode, kunci)
        text = (f"{len(preview.changes)} isian dari berkas {info.nama_file} disimpan; {saved.judul} sekarang "
                f"versi {saved.versi}.")
        if preview.conflicts:
            text += f" {len(preview.conflicts)} isian bentrok tidak ditimpa."
        messages.success(request, text)
    else:
        messages.info(request, f"Tidak ada perubahan: isi berkas {info.nama_file} sama dengan data sekarang.")
    return redirect(konten_url(dokumen))


__all__ = ["impor", "impor_simpan", "impor_templat"]
