"""The workflow actions that change who holds a document: ajukan and tarik pengajuan (Camat),
verifikasi and kembalikan (Bappeda). Each is two POSTs to the same URL, so it works without
JavaScript: the button on the document's page asks; the answer is a confirmation page showing the
document, its versi and the consistency check's counts; only its "Ya, …" button (konfirmasi=1 and
the versi it showed) acts. An action the state forbids is refused before any confirmation."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

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
from kecamatan.renstra import selectors as renstra_selectors
from kecamatan.workflow import services as workflow_services


@dataclass(frozen=True)
class Langkah:
    """The words of one action's confirmation; `{judul}` and `{kecamatan}` are filled in."""

    nama: str  # the URL name the confirmation posts to
    pertanyaan: str
    akibat: str  # what happens after confirming, and who can undo it
    tombol: str
    warna: str  # Bootstrap button colour
    berhasil: str


AJUKAN = Langkah(
    "ajukan", "Ajukan {judul} Kecamatan {kecamatan} ke Bappeda?",
    "Sesudah diajukan, isinya terkunci: operator dan Camat tidak dapat mengubahnya sampai Bappeda "
    "mengembalikannya. Selama Bappeda belum membuka pengajuan ini, Camat masih dapat menariknya kembali.",
    "Ya, ajukan ke Bappeda", "primary", "{judul} diajukan ke Bappeda.",
)
TARIK = Langkah(
    "tarik", "Tarik pengajuan {judul} Kecamatan {kecamatan}?",
    "Bappeda belum membuka pengajuan ini. Sesudah ditarik, dokumen kembali menjadi Draf dan dapat diubah "
    "lagi; ajukan lagi bila sudah selesai.",
    "Ya, tarik pengajuan", "warning", "Pengajuan {judul} ditarik: dokumen kembali menjadi Draf.",
)
VERIFIKASI = Langkah(
    "verifikasi", "Verifikasi {judul} Kecamatan {kecamatan}?",
    "Dokumen yang diverifikasi terkunci; hanya Bappeda yang dapat membukanya kembali, dengan alasan.",
    "Ya, verifikasi", "success", "{judul} diverifikasi.",
)
KEMBALIKAN = Langkah(
    "kembalikan", "Kembalikan {judul} ke Kecamatan {kecamatan}?",
    "Kecamatan menerima catatan di bawah; dokumen dapat diperbaiki lagi, lalu diajukan ulang oleh Camat.",
    "Ya, kembalikan dengan catatan", "danger", "{judul} dikembalikan ke kecamatan dengan catatan.",
)


def _dokumen(request, pk: int, kunci: str):
    periode = access.get_periode_for(request.user, pk)
    dokumen = selectors.dokumen_for(periode, kunci)
    if dokumen is None:
        raise Http404("Dokumen tidak ditemukan.")
    return periode, dokumen


def _versi(request) -> int | None:
    try:
        return int(request.POST.get("versi", ""))
    except ValueError:
        return None


def _halaman(request, periode, dokumen, langkah: Langkah, *, back: str, hidden: Sequence[tuple[str, str]] = (),
             catatan=None):
    """The confirmation page: the document, its last save, the check's counts and findings, and the
    form that confirms (the fields of the first step carried along, hidden)."""
    hasil = periksa_selectors.periksa(periode.pk, periksa_selectors.tahun_dokumen(periode, dokumen))
    simpan_hasil(hasil)
    dimuat = _versi(request)
    return render(request, "kecamatan/dokumen/konfirmasi.html", {
        "periode": periode, "dokumen": dokumen, "langkah": langkah, "back": back, "hidden": hidden,
        "aksi_url": reverse(f"kecamatan:{langkah.nama}", args=[periode.pk, dokumen.kunci]),
        "pertanyaan": langkah.pertanyaan.format(judul=dokumen.judul, kecamatan=periode.kecamatan.nama),
        "periksa": hasil.untuk(dokumen.kunci).per_dokumen()[0], "periksa_tahun": hasil.tahun,
        "terakhir": selectors.perubahan_terakhir(dokumen), "konten_url": konten_url(dokumen),
        "versi_dimuat": dimuat if dimuat is not None and dimuat != dokumen.versi else None,
        "catatan": catatan, "is_staff": request.user.is_staff,
        "is_admin": access.peran_of(request.user) == "admin",
    })


def _langkah(request, pk: int, kunci: str, langkah: Langkah, *, allowed: Callable, syarat: Callable,
             act: Callable, hidden: Sequence[tuple[str, str]] = (), catatan=None):
    """First POST: the confirmation page (or, if the state forbids the action, back with why).
    Second POST (konfirmasi=1 with the versi shown): the action; a newer versi or galat left
    unconfirmed shows the confirmation again with the current document."""
    periode, dokumen = _dokumen(request, pk, kunci)
    if not allowed(request.user, periode):
        raise PermissionDenied
    back = safe_next(request, reverse("kecamatan:dokumen", args=[pk, kunci]))
    versi = _versi(request)
    try:
        if request.POST.get("konfirmasi") != "1" or versi is None:
            syarat(periode, dokumen)
            return _halaman(request, periode, dokumen, langkah, back=back, hidden=hidden, catatan=catatan)
        act(periode, versi)
    except (workflow_services.VersiBerubah, workflow_services.AdaGalat) as exc:
        messages.warning(request, exc.messages[0])
        return _halaman(request, periode, selectors.dokumen_for(periode, kunci), langkah, back=back, hidden=hidden,
                        catatan=catatan)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect(back)
    messages.success(request, langkah.berhasil.format(judul=dokumen.judul))
    return redirect(back)


@require_POST
@login_required
def ajukan(request, pk: int, kunci: str):
    """The Camat submits; with galat left the confirmation also asks to tick that they were read."""
    def act(periode, versi):
        workflow_services.ajukan_dokumen(periode=periode, kunci=kunci, by=request.user, versi=versi,
                                         konfirmasi_galat=request.POST.get("konfirmasi_galat") == "1")

    return _langkah(request, pk, kunci, AJUKAN, allowed=access.can_submit, act=act,
                    syarat=lambda periode, dokumen: workflow_services.syarat_ajukan(periode, dokumen, request.user))


@require_POST
@login_required
def tarik(request, pk: int, kunci: str):
    """The Camat withdraws a submission Bappeda has not opened yet."""
    return _langkah(request, pk, kunci, TARIK, allowed=access.can_submit,
                    syarat=lambda periode, dokumen: workflow_services.syarat_tarik(periode, dokumen, request.user),
                    act=lambda periode, versi: workflow_services.tarik_dokumen(periode=periode, kunci=kunci,
                                                                               by=request.user, versi=versi))


def _bappeda(user, periode) -> bool:
    return access.can_verify(user, periode)


def _tinjau(request, dokumen, tindakan: str) -> None:
    dokumen_services.tandai_dibuka_bappeda(dokumen, request.user)  # deciding on it is opening it
    workflow_services.syarat_tinjau(dokumen, request.user, tindakan)


@require_POST
@login_required
def verifikasi(request, pk: int, kunci: str):
    form = dokumen_forms.AksiForm(request.POST)
    form.is_valid()
    note = form.cleaned_data.get("catatan", "")
    return _langkah(request, pk, kunci, VERIFIKASI, allowed=_bappeda, hidden=[("catatan", note)] if note else [],
                    syarat=lambda periode, dokumen: _tinjau(request, dokumen, "memverifikasi"),
                    act=lambda periode, versi: workflow_services.verifikasi_dokumen(
                        periode=periode, kunci=kunci, by=request.user, catatan=note, versi=versi))


@require_POST
@login_required
def kembalikan(request, pk: int, kunci: str):
    """Bappeda returns with a note (required) and notes per row, all shown again to confirm."""
    periode, _ = _dokumen(request, pk, kunci)
    items = renstra_selectors.item_dokumen(periode)
    form = dokumen_forms.KembalikanForm(request.POST, indikator_ids=[i.pk for i in items.indikator],
                                        subkegiatan_ids=[s.pk for s in items.subkegiatan])
    valid = form.is_valid()
    hidden, per_baris = [], []
    if valid:
        hidden = [("catatan", form.cleaned_data["catatan"])]
        for prefix, rows, notes in (("i", items.indikator, form.catatan_indikator()),
                                    ("s", items.subkegiatan, form.catatan_subkegiatan())):
            for row in rows:
                if notes[row.pk].strip():
                    hidden.append((f"catatan_{prefix}_{row.pk}", notes[row.pk]))
                    label = row.uraian if prefix == "i" else f"{row.nomenklatur.kode} {row.nama}"
                    per_baris.append((label, notes[row.pk]))

    def sah():
        if not valid:
            raise ValidationError(form.errors["catatan"] if "catatan" in form.errors else "Catatan tidak sah.")

    def syarat(periode, dokumen):
        sah()
        _tinjau(request, dokumen, "mengembalikan")

    def act(periode, versi):
        sah()
        workflow_services.kembalikan_dokumen(
            periode=periode, kunci=kunci, by=request.user, catatan=form.cleaned_data["catatan"], versi=versi,
            catatan_indikator=form.catatan_indikator(), catatan_subkegiatan=form.catatan_subkegiatan(),
        )

    return _langkah(request, pk, kunci, KEMBALIKAN, allowed=_bappeda, syarat=syarat, act=act, hidden=hidden,
                    catatan={"umum": form.cleaned_data.get("catatan", "") if valid else "", "per_baris": per_baris})


__all__ = ["ajukan", "kembalikan", "tarik", "verifikasi"]
