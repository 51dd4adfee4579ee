"""Entry pages of the Renja's two lists of rows: the review of the Ranwal RKPD and the usulan of
stakeholders (Permendagri 86/2017 T-C.31/T-C.32 sources). Same rules as views.py: parse, call one
service, render or redirect; a save at the version the page was loaded with, merged after a concurrent one."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_POST

from kecamatan.core.views import with_anchor
from kecamatan.dokumen.pages import YearPage
from kecamatan.renja import forms, selectors, services
from kecamatan.renja.views import _aksi, _editable_or_redirect, _page, _simpan, _versi


def _ranwal_form(page: YearPage, data=None, initial=None, segar=False):
    from kecamatan.renstra.selectors import renstra_data

    nodes = list(renstra_data(page.periode.pk).nodes())
    return forms.ReviewRanwalForm(data, initial={**(initial or {}), "versi": _versi(page, segar)}, nodes=nodes)


def _save_ranwal(request, page: YearPage, baris):
    def save(form, versi):
        node = selectors.node_of(page.periode, form.cleaned_data["kebutuhan"])
        return services.simpan_review_ranwal(dokumen=page.dokumen, baris=baris, data=form.model_data(), node=node,
                                      by=request.user, versi=versi)
    return save


@login_required
def renja_ranwal(request, pk: int, tahun: int):
    page = _page(request, pk, tahun)
    rows = selectors.ranwal_rows(page.dokumen)
    if not page.editable and request.method != "POST":
        return render(request, "kecamatan/renja/ranwal.html", page.context(rows=rows, form=None))
    response, form = _simpan(
        request, page, lambda data, segar=False: _ranwal_form(
            page, data, initial={"urutan": (rows[-1].urutan + 1) if rows else 1}, segar=segar),
        _save_ranwal(request, page, None), "Baris review Ranwal RKPD disimpan.",
        lambda b: with_anchor(page.url("renja_ranwal"), f"ranwal-{b.pk}"))
    return response or render(request, "kecamatan/renja/ranwal.html", page.context(rows=rows, form=form))


@login_required
def renja_ranwal_ubah(request, pk: int, tahun: int, row_pk: int):
    page = _page(request, pk, tahun)
    if (blocked := _editable_or_redirect(request, page)) is not None:
        return blocked

    if (baris := selectors.ranwal_row(page.dokumen, row_pk)) is None:
        raise Http404("Baris tidak ditemukan.")
    make = lambda data, segar=False: _ranwal_form(page, data, segar=segar, initial=forms.ReviewRanwalForm.initial_of(
        selectors.ranwal_row(page.dokumen, row_pk) if segar else baris))
    response, form = _simpan(request, page, make, _save_ranwal(request, page, baris),
                             "Baris review Ranwal RKPD disimpan.",
                             lambda b: with_anchor(page.url("renja_ranwal"), f"ranwal-{b.pk}"))
    return response or render(request, "kecamatan/renja/form.html", page.context(
        form=form, judul=f"Review Ranwal RKPD {tahun}: baris {baris.urutan}", kembali=page.url("renja_ranwal")))


@login_required
@require_POST
def renja_ranwal_hapus(request, pk: int, tahun: int, row_pk: int):
    page = _page(request, pk, tahun)
    baris = selectors.ranwal_row(page.dokumen, row_pk) if page.dokumen else None
    if baris is None:
        raise Http404("Baris tidak ditemukan.")
    return _aksi(request, page, lambda versi: services.hapus_review_ranwal(
        dokumen=page.dokumen, baris=baris, by=request.user, versi=versi),
        f"Baris {baris.urutan} dihapus.", page.url("renja_ranwal"))


# -- T-C.32 -----------------------------------------------------------------------------------------

def _save_usulan(request, page: YearPage, usulan):
    def save(form, versi):
        data = {k: v for k, v in form.cleaned_data.items() if k not in ("versi", "asal")}
        return services.simpan_usulan(dokumen=page.dokumen, usulan=usulan, data=data, by=request.user, versi=versi)
    return save


def _usulan_anchor(page: YearPage):
    """After a save, back to the usulan's row on the list (a new one's id comes from the save)."""
    return lambda usulan: with_anchor(page.url("renja_usulan"), f"usulan-{usulan.pk}")


@login_required
def renja_usulan(request, pk: int, tahun: int):
    page = _page(request, pk, tahun)
    rows = selectors.usulan_rows(page.dokumen)
    if not page.editable and request.method != "POST":
        return render(request, "kecamatan/renja/usulan.html", page.context(rows=rows, form=None))
    response, form = _simpan(request, page, lambda data, segar=False: forms.UsulanForm(data, initial={
        "versi": _versi(page, segar)}), _save_usulan(request, page, None), "Usulan disimpan.", _usulan_anchor(page))
    return response or render(request, "kecamatan/renja/usulan.html", page.context(rows=rows, form=form))


@login_required
def renja_usulan_ubah(request, pk: int, tahun: int, row_pk: int):
    page = _page(request, pk, tahun)
    if (blocked := _editable_or_redirect(request, page)) is not None:
        return blocked
    usulan = selectors.usulan_row(page.dokumen, row_pk)
    if usulan is None:
        raise Http404("Usulan tidak ditemukan.")

    def make(data, segar=False):
        return forms.UsulanForm(data, instance=selectors.usulan_row(page.dokumen, row_pk) if segar else usulan,
                                initial={"versi": _versi(page, segar)})

    response, form = _simpan(request, page, make, _save_usulan(request, page, usulan), "Usulan disimpan.",
                             _usulan_anchor(page))
    return response or render(request, "kecamatan/renja/form.html", page.context(
        form=form, judul=f"Usulan pemangku kepentingan {tahun}", kembali=page.url("renja_usulan")))


@login_required
@require_POST
def renja_usulan_hapus(request, pk: int, tahun: int, row_pk: int):
    page = _page(request, pk, tahun)
    usulan = selectors.usulan_row(page.dokumen, row_pk) if page.dokumen else None
    if usulan is None:
        raise Http404("Usulan tidak ditemukan.")
    return _aksi(request, page, lambda versi: services.hapus_usulan(
        dokumen=page.dokumen, usulan=usulan, by=request.user, versi=versi), "Usulan dihapus.", page.url("renja_usulan"))
