"""Pages of a whole document: the preview (the same HTML the PDF prints, with edit links for the
kecamatan's operator and Camat while the document is a draft), the PDF download, the editor of a
narrative section (last year's text offered when it is still empty) and of a drafted paragraph
(keep, edit or replace it; a warning when the draft changed since the user's version was saved),
and "start from last year's text". Views parse the request, call one selector or service and
render or redirect."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST

from kecamatan.cetak import latar
from kecamatan.core import access, markup
from kecamatan.core.errors import Bentrok
from kecamatan.core.forms import VersiMixin
from kecamatan.core.views import add_service_error, simpan_form
from kecamatan.models import Dokumen
from kecamatan.naskah import forms, selectors, services
from kecamatan.naskah.document import bagian_keys
from kecamatan.naskah.render import Tautan, body_html, print_page
from kecamatan.tables.output import Output

FORMATS = {"pdf": "application/pdf", "html": "text/html; charset=utf-8"}


class Halaman:
    """One document of a period as the user may see it."""

    def __init__(self, request, pk: int, kunci: str):
        self.periode = access.get_periode_for(request.user, pk)
        parsed = selectors.parse_kunci(self.periode, kunci)
        if parsed is None:
            raise Http404("Dokumen tidak dikenal.")
        self.kunci = parsed
        self.can_edit = access.can_edit(request.user, self.periode)
        self._data = None

    @property
    def data(self) -> selectors.NaskahData:
        if self._data is None:
            self._data = selectors.naskah_data(self.periode, self.kunci)
        return self._data

    @property
    def dokumen(self) -> Dokumen | None:
        return self.data.dokumen

    @property
    def locked(self) -> bool:
        return self.dokumen is not None and self.dokumen.is_locked

    @property
    def editable(self) -> bool:
        return self.can_edit and not self.locked

    @property
    def versi(self) -> int:
        return self.dokumen.versi if self.dokumen else 0

    def url(self, name: str, *args) -> str:
        return reverse(f"kecamatan:{name}", args=[self.periode.pk, self.kunci.teks, *args])

    def tautan(self) -> Tautan | None:
        if not self.editable:
            return None
        return Tautan(teks=lambda k: self.url("naskah_bagian", k), draf=lambda k: self.url("naskah_draf", k))

    def context(self, **extra) -> dict:
        return {"periode": self.periode, "kunci": self.kunci, "dokumen": self.dokumen, "can_edit": self.can_edit,
                "editable": self.editable, "locked": self.locked, "versi": self.versi,
                "pratinjau_url": self.url("naskah"), "dokumen_url": reverse("kecamatan:dokumen", args=[
                    self.periode.pk, self.kunci.teks]), **extra}


def _blocked(request, page: Halaman):
    """None if the narrative may be changed now; else a redirect to the preview with the reason."""
    if not page.can_edit:
        messages.error(request, "Anda hanya dapat melihat naskah ini.")
    elif page.locked:
        messages.error(request, f"{page.kunci.judul} berstatus {page.dokumen.get_status_display()}; naskahnya tidak "
                                "dapat diubah.")
    else:
        return None
    return redirect(page.url("naskah"))


@login_required
def naskah(request, pk: int, kunci: str):
    page = Halaman(request, pk, kunci)
    susunan = page.data.susunan
    lalu, teks_lalu = selectors.narasi_sebelumnya(page.periode, page.kunci) if page.editable else (None, {})
    bagian = bagian_keys(susunan.naskah)
    kosong_ada_lalu = [k for k, _, _ in bagian if k not in page.data.teks and k in teks_lalu]
    return render(request, "kecamatan/naskah/pratinjau.html", page.context(
        isi=body_html(susunan, screen=True, tautan=page.tautan()),
        susunan=susunan,
        bagian=[{"kunci": k, "judul": j, "terisi": k in page.data.teks, "ada_lalu": k in teks_lalu}
                for k, j, _ in bagian],
        drafts=susunan.drafts,
        lalu=lalu, kosong_ada_lalu=len(kosong_ada_lalu),
        salin_form=VersiMixin(initial={"versi": page.versi}),
    ))


@login_required
def naskah_unduh(request, pk: int, kunci: str, fmt: str):
    page = Halaman(request, pk, kunci)
    if fmt not in FORMATS:
        raise Http404("Format tidak dikenal.")
    if fmt == "pdf":  # a whole document is printed in the background unless its PDF is cached
        out = latar.minta_pdf(nama=f"dokumen-{page.kunci.jenis}", periode=page.periode, tahun=page.kunci.tahun,
                              opsi={}, by=request.user)
        if not isinstance(out, Output):
            return redirect("kecamatan:cetakan", pk=out.pk)
        content, filename = out.content, out.filename
    else:
        susunan = page.data.susunan
        content, filename = print_page(susunan).encode("utf-8"), f"{susunan.naskah.filename}.{fmt}"
    response = HttpResponse(content, content_type=FORMATS[fmt])
    response["Content-Disposition"] = content_disposition_header(True, filename)  # a name with a quote or CR stays one header
    return response


def _section(page: Halaman, bagian: str) -> tuple[str, str]:
    for kunci, judul, petunjuk in bagian_keys(page.data.susunan.naskah):
        if kunci == bagian:
            return judul, petunjuk
    raise Http404("Bagian naskah tidak dikenal.")


@login_required
def naskah_bagian(request, pk: int, kunci: str, bagian: str):
    page = Halaman(request, pk, kunci)
    judul, petunjuk = _section(page, bagian)
    if (blocked := _blocked(request, page)) is not None:
        return blocked
    stored = page.data.teks.get(bagian)
    lalu = None

    def make(data, segar=False):  # after a concurrent save: the text as stored now, beside the user's
        now = Halaman(request, pk, kunci)
        teks = now.data.teks.get(bagian)
        return forms.NarasiForm(data, initial={"teks": teks.teks if teks else "", "versi": now.versi})

    if request.method == "POST":
        form = forms.NarasiForm(request.POST)
        if form.is_valid():
            response, form = simpan_form(request, form, lambda: services.simpan_narasi(
                periode=page.periode, kunci=page.kunci, bagian=bagian, judul=judul, teks=form.cleaned_data["teks"],
                versi=form.cleaned_data["versi"], by=request.user),
                success=f"\u201c{judul}\u201d disimpan.", back=page.url("naskah") + f"#n-{bagian}", make=make)
            if response:
                return response
    else:
        initial = stored.teks if stored else ""
        if not initial:
            dokumen_lalu, teks_lalu = selectors.narasi_sebelumnya(page.periode, page.kunci)
            if bagian in teks_lalu:
                initial, lalu = teks_lalu[bagian], dokumen_lalu
        form = forms.NarasiForm(initial={"teks": initial, "versi": page.versi})
    return render(request, "kecamatan/naskah/bagian.html", page.context(
        form=form, judul=judul, petunjuk=petunjuk, bagian=bagian, lalu=lalu,
        tersimpan=markup.to_html(stored.teks) if stored else "",
    ))


@login_required
def naskah_draf(request, pk: int, kunci: str, bagian: str):
    page = Halaman(request, pk, kunci)
    piece = next((d for d in page.data.susunan.drafts if d.kunci == bagian), None)
    if piece is None:
        raise Http404("Paragraf draf tidak dikenal.")
    if (blocked := _blocked(request, page)) is not None:
        return blocked
    if request.method == "POST":
        form = forms.DrafForm(request.POST)
        if form.is_valid():
            d = form.cleaned_data
            try:
                if (d["aksi"] or "simpan") == "kembalikan":
                    services.kembalikan_draf(periode=page.periode, kunci=page.kunci, bagian=bagian, judul=piece.judul,
                                             versi=d["versi"], by=request.user)
                    done = f"\u201c{piece.judul}\u201d kembali memakai draf otomatis."
                else:
                    services.simpan_draf(periode=page.periode, kunci=page.kunci, bagian=bagian, judul=piece.judul,
                                         teks=d["teks"], draf=d["draf"] or piece.draf, versi=d["versi"],
                                         by=request.user)
                    done = f"Teks Anda untuk \u201c{piece.judul}\u201d disimpan."
            except Bentrok as exc:
                form.bentrok = exc
                form.add_error(None, exc.pesan)
            except ValidationError as exc:
                add_service_error(form, exc)
            else:
                messages.success(request, done)
                return redirect(page.url("naskah") + f"#d-{bagian}")
    else:
        form = forms.DrafForm(initial={"teks": piece.teks, "versi": page.versi, "draf": piece.draf})
    return render(request, "kecamatan/naskah/draf.html", page.context(
        form=form, piece=piece,
        draf_html=markup.to_html(piece.draf), dasar_html=markup.to_html(piece.draf_dasar) if piece.berubah else "",
    ))


@login_required
@require_POST
def naskah_salin(request, pk: int, kunci: str):
    page = Halaman(request, pk, kunci)
    form = VersiMixin(request.POST)
    versi = form.cleaned_data["versi"] if form.is_valid() else None
    bagian = {k: j for k, j, _ in bagian_keys(page.data.susunan.naskah)}
    try:
        dokumen = services.salin_tahun_lalu(periode=page.periode, kunci=page.kunci, bagian=bagian, versi=versi,
                                            by=request.user)
    except Bentrok as exc:
        messages.error(request, exc.pesan)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"Teks tahun lalu disalin ke bagian yang masih kosong (versi {dokumen.versi}). "
                                  "Periksa dan sesuaikan sebelum diajukan.")
    return redirect(page.url("naskah"))
