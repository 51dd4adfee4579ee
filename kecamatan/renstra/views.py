"""Editing the cascade of a Renstra period: tujuan, sasaran, program, kegiatan, sub-kegiatan,
indicators with their target grid, pagu per year per stage."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from kecamatan.core import access, forms
from kecamatan.core.views import require_edit, scoped, simpan_form, with_anchor
from kecamatan.dokumen import selectors
from kecamatan.models import Dokumen, Indikator, Kegiatan, Pagu, Periode, Program, Sasaran, SubKegiatan, Tujuan
from kecamatan.models.kinerja import OWNER_FIELDS
from kecamatan.renstra import forms as renstra_forms
from kecamatan.renstra import selectors as renstra_selectors
from kecamatan.renstra import services as renstra_services


@dataclass(frozen=True)
class Node:
    """How one level of the cascade is edited: its model, form, parent and the catalog level."""

    model: type
    form: type
    parent_model: type
    parent_field: str
    label: str
    level: str = ""  # nomenklatur level; empty for tujuan/sasaran

    def queryset(self):
        return renstra_selectors.row_queryset(self.model)


NODES = {
    "tujuan": Node(Tujuan, renstra_forms.TujuanForm, Periode, "periode", "tujuan"),
    "sasaran": Node(Sasaran, renstra_forms.SasaranForm, Tujuan, "tujuan", "sasaran"),
    "program": Node(Program, renstra_forms.ProgramForm, Periode, "periode", "program", "program"),
    "kegiatan": Node(Kegiatan, renstra_forms.KegiatanForm, Program, "program", "kegiatan", "kegiatan"),
    "subkegiatan": Node(SubKegiatan, renstra_forms.SubKegiatanForm, Kegiatan, "kegiatan", "sub kegiatan", "subkegiatan"),
}


def _node(jenis: str) -> Node:
    if jenis not in NODES:
        raise Http404
    return NODES[jenis]


def _parent_queryset(node: Node):
    return renstra_selectors.row_queryset(node.parent_model)


def _susun_url(periode: Periode, row=None) -> str:
    """The cascade page; with `row` (a tujuan … sub-kegiatan or indicator) at that row's anchor,
    `#program-3`, `#indikator-12` (templates/kecamatan/renstra/susun.html), where the user was."""
    url = reverse("kecamatan:renstra_susun", args=[periode.pk])
    if row is None or isinstance(row, Periode):
        return url
    return with_anchor(url, f"{type(row).__name__.lower()}-{row.pk}")


def _renstra_dokumen(periode: Periode) -> Dokumen:
    return selectors.dokumen_for(periode, "renstra")


def _locked_redirect(request, periode: Periode, dokumen: Dokumen):
    messages.warning(request, f"{dokumen.judul} berstatus {dokumen.get_status_display()}: isinya tidak dapat diubah.")
    return redirect(_susun_url(periode))


def _form_kwargs(node: Node, periode: Periode, parent, instance) -> dict:
    if not node.level:
        return {}
    keep = instance.nomenklatur_id if instance is not None and instance.pk else None
    kwargs = {"pilihan": renstra_selectors.nomenklatur_choices(node.model, periode=periode, parent=parent, keep_id=keep)}
    if node.model is Program:
        kwargs["periode"] = periode
    return kwargs


def _save(request, form, periode, make, *, success: str):
    """Save a cascade row at the Renstra version the page was loaded with; merged after a concurrent save."""
    return simpan_form(request, form, lambda: renstra_services.save_cascade_row(
        obj=form.save(commit=False), by=request.user, versi=form.cleaned_data["versi"]),
        success=success, back=lambda saved: _susun_url(periode, saved), make=make)


def _versi(dokumen: Dokumen, segar: bool) -> dict:
    """The Renstra's version the form carries; `segar`: read again (a merged page after a concurrent save)."""
    return {"versi": _renstra_dokumen(dokumen.periode).versi if segar else dokumen.versi}


@login_required
def renstra_susun(request, pk: int):
    """The cascade as a tree with add/change/delete links; read-only for whoever cannot edit."""
    periode = access.get_periode_for(request.user, pk)
    dokumen = _renstra_dokumen(periode)
    catatan = None
    if dokumen.status == Dokumen.Status.DIKEMBALIKAN:
        catatan = selectors.catatan_terakhir(selectors.riwayat_dokumen(dokumen))
    return render(request, "kecamatan/renstra/susun.html", {
        "periode": periode, "data": renstra_selectors.renstra_data(periode.pk), "dokumen": dokumen, "catatan": catatan,
        "can_edit": access.can_edit(request.user, periode) and not dokumen.is_locked,
    })


@login_required
def node_tambah(request, jenis: str, pk: int):
    node = _node(jenis)
    parent, periode = scoped(request.user, _parent_queryset(node), pk)
    require_edit(request.user, periode)
    dokumen = _renstra_dokumen(periode)
    if dokumen.is_locked:
        return _locked_redirect(request, periode, dokumen)
    instance = node.model(**{node.parent_field: parent})
    if not node.level:
        instance.urutan = renstra_selectors.next_urutan(node.model, **{node.parent_field: parent})
    kwargs = _form_kwargs(node, periode, parent, None)

    def make(data, segar=False):
        new = node.model(**{node.parent_field: parent}, **({} if node.level else {"urutan": instance.urutan}))
        return node.form(data, instance=new, initial=_versi(dokumen, segar), **kwargs)

    form = make(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        response, form = _save(request, form, periode, make, success=f"{node.label.capitalize()} ditambahkan.")
        if response:
            return response
    return render(request, "kecamatan/renstra/form.html", {
        "periode": periode, "form": form, "judul": f"Tambah {node.label}", "induk": parent, "dokumen": dokumen,
    })


@login_required
def node_ubah(request, jenis: str, pk: int):
    node = _node(jenis)
    obj, periode = scoped(request.user, node.queryset(), pk)
    require_edit(request.user, periode)
    dokumen = _renstra_dokumen(periode)
    if dokumen.is_locked:
        return _locked_redirect(request, periode, dokumen)
    parent = getattr(obj, node.parent_field)
    kwargs = _form_kwargs(node, periode, parent, obj)

    def make(data, segar=False):
        return node.form(data, instance=node.queryset().get(pk=obj.pk) if segar else obj,
                         initial=_versi(dokumen, segar), **kwargs)

    form = make(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        response, form = _save(request, form, periode, make, success=f"{node.label.capitalize()} disimpan.")
        if response:
            return response
    return render(request, "kecamatan/renstra/form.html", {
        "periode": periode, "form": form, "judul": f"Ubah {node.label}", "induk": parent, "obj": obj,
        "dokumen": dokumen,
    })


@login_required
def node_hapus(request, jenis: str, pk: int):
    node = _node(jenis)
    obj, periode = scoped(request.user, node.queryset(), pk)
    return _hapus(request, obj, periode, node.label,
                  lambda versi: renstra_services.delete_cascade_row(obj=obj, by=request.user, versi=versi),
                  back=getattr(obj, node.parent_field))


def _hapus(request, obj, periode, label: str, delete, *, back):
    require_edit(request.user, periode)
    dokumen = _renstra_dokumen(periode)
    if dokumen.is_locked:
        return _locked_redirect(request, periode, dokumen)
    form = forms.VersiMixin(request.POST or None, initial={"versi": dokumen.versi})
    if request.method == "POST" and form.is_valid():
        response, form = simpan_form(request, form, lambda: delete(form.cleaned_data["versi"]),
                                     success=f"{label.capitalize()} dihapus.", back=_susun_url(periode, back))
        if response:
            return response
    return render(request, "kecamatan/renstra/hapus.html", {
        "periode": periode, "obj": obj, "label": label, "form": form,
    })


# --- indicators -------------------------------------------------------------------------------


OWNER_QUERYSETS = {name: NODES[name].queryset for name in OWNER_FIELDS}


@login_required
def indikator_tambah(request, level: str, pk: int):
    if level not in OWNER_QUERYSETS:
        raise Http404
    owner, periode = scoped(request.user, OWNER_QUERYSETS[level](), pk)
    urutan = renstra_selectors.next_urutan(Indikator, **{level: owner})
    instance = Indikator(periode=periode, urutan=urutan, **{level: owner})
    return _indikator_form(request, instance, periode, owner, targets={})


@login_required
def indikator_ubah(request, pk: int):
    indikator, periode = scoped(request.user, renstra_selectors.row_queryset(Indikator), pk)
    return _indikator_form(request, indikator, periode, indikator.owner, targets=renstra_selectors.targets_of(indikator))


def _indikator_form(request, instance: Indikator, periode: Periode, owner, *, targets):
    require_edit(request.user, periode)
    dokumen = _renstra_dokumen(periode)
    if dokumen.is_locked:
        return _locked_redirect(request, periode, dokumen)
    def make(data, segar=False):
        current = renstra_selectors.row_queryset(Indikator).get(pk=instance.pk) if segar and instance.pk else instance
        fresh = renstra_selectors.targets_of(current) if segar and current.pk else targets
        return renstra_forms.IndikatorForm(data, instance=current, tahun_list=periode.tahun_list,
                                           initial=_versi(dokumen, segar), targets=fresh)

    form = make(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        response, form = simpan_form(request, form, lambda: renstra_services.save_indikator(
            indikator=form.save(), targets=form.targets(), by=request.user, versi=form.cleaned_data["versi"]),
            success="Indikator dan targetnya disimpan.", back=lambda saved: _susun_url(periode, saved),
            make=make)
        if response:
            return response
    return render(request, "kecamatan/renstra/indikator_form.html", {
        "periode": periode, "form": form, "owner": owner, "obj": instance if instance.pk else None,
        "judul": "Ubah indikator" if instance.pk else "Tambah indikator", "dokumen": dokumen,
    })


@login_required
def indikator_hapus(request, pk: int):
    indikator, periode = scoped(request.user, renstra_selectors.row_queryset(Indikator), pk)
    return _hapus(request, indikator, periode, "indikator",
                  lambda versi: renstra_services.delete_indikator(indikator=indikator, by=request.user, versi=versi),
                  back=indikator.owner)


# --- pagu ---------------------------------------------------------------------------------------


@login_required
def pagu(request, pk: int):
    """Pagu of one sub-kegiatan, per year per stage; Renstra cells follow the Renstra's lock, the
    other stages follow the Renja of their year."""
    sub, periode = scoped(request.user, NODES["subkegiatan"].queryset(), pk)
    require_edit(request.user, periode)

    def make(data, segar=False):
        docs = {d.kunci: d for d in selectors.dokumen_periode(periode) if d.jenis in (Dokumen.Jenis.RENSTRA,
                                                                                       Dokumen.Jenis.RENJA)}
        form = renstra_forms.PaguForm(data, tahun_list=periode.tahun_list, existing=renstra_selectors.pagu_of(sub),
                                      locked={k for k, d in docs.items() if d.is_locked},
                                      versi={k: d.versi for k, d in docs.items()},
                                      kunci_of=renstra_services.pagu_dokumen_kunci)
        form.docs = docs
        return form

    form = make(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        response, form = simpan_form(request, form, lambda: renstra_services.save_pagu(
            subkegiatan=sub, jumlah=form.jumlah(), versi=form.versi(), by=request.user),
            success=f"Pagu {sub.kode} disimpan.", back=reverse("kecamatan:pagu", args=[sub.pk]), make=make)
        if response:
            return response
    docs = form.docs
    locked = {k for k, d in docs.items() if d.is_locked}
    return render(request, "kecamatan/renstra/pagu.html", {
        "periode": periode, "sub": sub, "form": form, "tahap": Pagu.Tahap.choices, "locked": sorted(locked),
        "docs": docs,
    })
