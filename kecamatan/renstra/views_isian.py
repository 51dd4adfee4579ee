"""Entry pages of the Renstra beyond its cascade. Readers (Bappeda, admin) see the grids read-only;
a submitted or verified Renstra is read-only for everyone; another kecamatan gets 404."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from kecamatan.core.views import changed_row, require_edit, save_or_errors, simpan_form, with_anchor
from kecamatan.dokumen import forms as dokumen_forms
from kecamatan.dokumen import services as core_services
from kecamatan.models import Camat
from kecamatan.renstra import capaian_sebelum
from kecamatan.renstra import forms_isian as forms
from kecamatan.renstra import forms_isian as renstra_forms_isian
from kecamatan.renstra import selectors_isian as selectors
from kecamatan.renstra import services_isian as services
from kecamatan.renstra.grid import GRIDS
from kecamatan.renstra.selectors_isian import Page


def _url(name: str, page: Page, *args) -> str:
    return reverse(f"kecamatan:{name}", args=[page.periode.pk, *args])


def _refused(request, page: Page, back: str):
    """None if the page may be saved now; else a redirect to `back` saying why (403 for readers)."""
    require_edit(request.user, page.periode)
    if not page.dokumen.is_locked:
        return None
    messages.warning(request, f"{page.dokumen.judul} berstatus {page.dokumen.get_status_display()}: isinya tidak "
                              "dapat diubah.")
    return redirect(back)


def _context(page: Page, **extra) -> dict:
    return {"periode": page.periode, "dokumen": page.dokumen, "can_edit": page.can_edit, "editable": page.editable,
            **extra}


def _grid_row(grid, name: str) -> str | None:
    """uraian_12, target_12_2021, hapus_12 → baris-12 (the row's id on the page); baru for the new row."""
    for prefix in (*grid.row_fields, *(value for value, _ in grid.values), "hapus"):
        if name.startswith(f"{prefix}_"):
            return f"baris-{name[len(prefix) + 1:].split('_')[0]}"
    return None


@login_required
def riwayat_grid(request, pk: int, tabel: str):
    """T-C.23 or T-C.24: one row per indicator (program), target and realisasi (anggaran and
    realisasi) per year of the history."""
    grid = GRIDS.get(tabel)
    if grid is None:
        raise Http404
    page = selectors.page_for(request.user, pk)
    here = _url(f"renstra_{tabel}", page)
    data = selectors.grid_data(page.periode, grid)

    def make(post, segar=False):  # segar: after a concurrent save, the grid of what is stored now
        versi = selectors.page_for(request.user, pk).dokumen.versi if segar else page.dokumen.versi
        return forms.GridForm(post, initial={"versi": versi}, grid=grid, editable=page.editable,
                              data=selectors.grid_data(page.periode, grid) if segar else data)

    if request.method == "POST":
        if (refused := _refused(request, page, here)) is not None:
            return refused
        form = make(request.POST)
        if form.is_valid():
            response, form = simpan_form(request, form, lambda: services.save_grid(
                periode=page.periode, grid=grid, rows=form.inputs(), by=request.user, versi=form.cleaned_data["versi"]
            ), success=f"{grid.kode} disimpan.",
               back=with_anchor(here, changed_row(form, lambda name: _grid_row(grid, name))), make=make)
            if response:
                return response
    else:
        form = make(None)
    return render(request, "kecamatan/isian/riwayat.html", _context(page, grid=grid, form=form, tahun=data.tahun))


@login_required
def riwayat_capaian(request, pk: int):
    """Riwayat capaian sebelum periode: target and realisasi of the years before the period (and an
    n-1 still estimated, `?tahun=n`) per indicator; T-C.29 column 5 and T-C.30 read them."""
    page = selectors.page_for(request.user, pk)
    tahun = request.GET.get("tahun", "")
    here = _url("renstra_riwayat_capaian", page) + (f"?tahun={tahun}" if tahun.isdigit() else "")
    n1 = int(tahun) if tahun.isdigit() else None
    data = capaian_sebelum.capaian_data(page.periode, n1)

    def make(post, segar=False):  # segar: after a concurrent save, the grid of what is stored now
        versi = selectors.page_for(request.user, pk).dokumen.versi if segar else page.dokumen.versi
        fresh = capaian_sebelum.capaian_data(page.periode, n1) if segar else data
        return capaian_sebelum.CapaianForm(post, initial={"versi": versi}, editable=page.editable, data_capaian=fresh)

    if request.method == "POST":
        if (refused := _refused(request, page, here)) is not None:
            return refused
        form = make(request.POST)
        if form.is_valid():
            response, form = simpan_form(request, form, lambda: capaian_sebelum.save_capaian(
                periode=page.periode, data=data, values=form.values(), by=request.user,
                versi=form.cleaned_data["versi"]), success="Riwayat capaian sebelum periode disimpan.", back=here,
                make=make)
            if response:
                return response
    else:
        form = make(None)
    return render(request, "kecamatan/isian/riwayat_capaian.html", _context(page, form=form, data=data))


@login_required
def strategi(request, pk: int):
    """T-C.26: strategi and arah kebijakan of every sasaran on one page."""
    page = selectors.page_for(request.user, pk)
    here = _url("renstra_strategi", page)

    rows = selectors.strategi_isian(page.periode)

    def make(post, segar=False):  # segar: after a concurrent save, what is stored now
        versi = selectors.page_for(request.user, pk).dokumen.versi if segar else page.dokumen.versi
        return forms.StrategiForm(post, initial={"versi": versi}, editable=page.editable,
                                  rows=selectors.strategi_isian(page.periode) if segar else rows)

    if request.method == "POST":
        if (refused := _refused(request, page, here)) is not None:
            return refused
        form = make(request.POST)
        if form.is_valid():
            response, form = simpan_form(request, form, lambda: services.save_strategi(
                periode=page.periode, lists=form.lists(), by=request.user, versi=form.cleaned_data["versi"]
            ), success="Strategi dan arah kebijakan disimpan.", back=here, make=make)
            if response:
                return response
    else:
        form = make(None)
    return render(request, "kecamatan/isian/strategi.html", _context(page, form=form))


@login_required
def camat_list(request, pk: int):
    """The kecamatan's Camat records, with a form to add one (for the kecamatan's own staff)."""
    page = selectors.page_for(request.user, pk)
    here = _url("renstra_camat", page)
    form = None
    if page.can_edit:
        form = renstra_forms_isian.CamatForm(request.POST or None, instance=Camat(kecamatan=page.periode.kecamatan))
    elif request.method == "POST":
        require_edit(request.user, page.periode)
    if request.method == "POST" and form.is_valid():
        response = save_or_errors(request, form, lambda: services.save_camat(
            periode=page.periode, camat=form.instance, by=request.user), f"Camat {form.instance.nama} ditambahkan.",
            here)
        if response:
            return response
    return render(request, "kecamatan/isian/camat.html", _context(
        page, camat=selectors.camat_list(page.periode), form=form))


@login_required
def camat_ubah(request, pk: int, camat_pk: int):
    page = selectors.page_for(request.user, pk)
    camat = Camat.objects.filter(pk=camat_pk, kecamatan_id=page.periode.kecamatan_id).first()
    if camat is None:
        raise Http404("Camat tidak ditemukan.")
    require_edit(request.user, page.periode)
    back = _url("renstra_camat", page)

    def make(data, segar=False):
        current = Camat.objects.get(pk=camat.pk) if segar else camat
        return renstra_forms_isian.CamatUbahForm(data, instance=current,
                                                 initial={"sidik": services.sidik_camat(current)})

    form = make(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        response, form = simpan_form(request, form, lambda: services.save_camat(
            periode=page.periode, camat=form.instance, by=request.user, sidik=form.cleaned_data["sidik"]),
            success=f"Data Camat {camat.nama} disimpan.", back=back, make=make)
        if response:
            return response
    return render(request, "kecamatan/isian/form.html", _context(
        page, form=form, judul=f"Ubah data Camat {camat.nama}", kembali=back))


@login_required
def penandatangan(request, pk: int):
    """Who signs the Renstra: the Renja's signatory page and service, on the Renstra document."""
    page = selectors.page_for(request.user, pk)
    back = reverse("kecamatan:renstra_susun", args=[page.periode.pk])
    if not page.editable:
        messages.error(request, "Anda hanya dapat melihat penanda tangan Renstra ini." if not page.can_edit else
                       f"{page.dokumen.judul} berstatus {page.dokumen.get_status_display()}: penanda tangannya "
                       "tidak dapat diubah.")
        return redirect(back)

    def make(data, segar=False):
        dokumen = selectors.page_for(request.user, pk).dokumen if segar else page.dokumen
        return dokumen_forms.PenandatanganForm(data, instance=dokumen, initial={"versi": dokumen.versi},
                                               kecamatan=page.periode.kecamatan)

    form = make(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        response, form = simpan_form(request, form, lambda: core_services.simpan_penandatangan(
            dokumen=page.dokumen, camat=d["camat"], tempat=d["ttd_tempat"], tanggal=d["ttd_tanggal"],
            hanya_bulan=d["ttd_hanya_bulan"], by=request.user, versi=d["versi"]),
            success="Penanda tangan Renstra disimpan.", back=back, make=make)
        if response:
            return response
    return render(request, "kecamatan/isian/form.html", _context(
        page, form=form, judul="Penanda tangan Renstra", kembali=back))
