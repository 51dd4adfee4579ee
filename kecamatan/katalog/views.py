"""The nomenclature catalog for the admin kabupaten: list and search program → kegiatan →
sub-kegiatan, add a code the regulation adds later, correct a code's texts, deactivate a code in
use (or delete one typed by mistake). Anyone else gets 404, as for any page outside their scope."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from kecamatan.core import access
from kecamatan.core import kode as kode_mod
from kecamatan.core.errors import Bentrok
from kecamatan.core.views import safe_next, save_or_errors, simpan_form
from kecamatan.katalog import forms, selectors, services
from kecamatan.models import Nomenklatur, Peran


def _admin_only(request) -> None:
    if access.peran_of(request.user) != Peran.ADMIN:
        raise Http404("Halaman tidak ditemukan.")


def _node(request, pk: int) -> Nomenklatur:
    _admin_only(request)
    return get_object_or_404(Nomenklatur, pk=pk)


@login_required
def daftar(request):
    _admin_only(request)
    cari = forms.CariForm(request.GET or None)
    pilihan = cari.cleaned_data if cari.is_valid() else {}
    baris = selectors.daftar(q=pilihan.get("q", ""), tingkat=pilihan.get("tingkat", ""),
                             status=pilihan.get("status") or "semua")
    return render(request, "katalog/daftar.html", {
        "cari": cari, "baris": baris, "jumlah": sum(b.cocok for b in baris),
        "kembali": request.get_full_path(),
    })


@login_required
def tambah(request):
    _admin_only(request)
    induk = request.GET.get("induk", "")
    form = forms.TambahForm(request.POST or None, initial={"kode": f"{induk}." if induk else ""})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        response = save_or_errors(request, form, lambda: services.tambah_kode(by=request.user, **d),
                                  f"Kode {_canonical(d['kode'])} ditambahkan ke katalog.", reverse("kecamatan:katalog"))
        if response:
            return response
    return render(request, "katalog/form.html", {"form": form, "judul": "Tambah kode nomenklatur"})


def _canonical(raw: str) -> str:
    try:
        return kode_mod.parse_kode(raw)
    except kode_mod.KodeError:
        return raw


@login_required
def ubah(request, pk: int):
    node = _node(request, pk)
    back = safe_next(request, reverse("kecamatan:katalog"))

    def make(data, segar=False):  # segar: after a concurrent save, the code as stored now
        return forms.UbahForm.for_node(_node(request, pk) if segar else node, data)

    form = make(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        response, form = simpan_form(request, form, lambda: services.ubah_kode(
            node=node, versi=d["versi"], by=request.user,
            **{f: d[f] for f in ("nama", "kinerja", "indikator", "satuan", "sumber")}),
            success=f"Kode {node.kode} disimpan.", back=back, make=make)
        if response:
            return response
    judul = f"Ubah {kode_mod.LEVEL_LABELS[node.level].lower()} {node.kode}"
    return render(request, "katalog/form.html", {"form": form, "judul": judul, "node": node, "kembali": back})


@login_required
@require_POST
def aktif(request, pk: int):
    node = _node(request, pk)
    form = forms.AktifForm(request.POST)
    back = safe_next(request, reverse("kecamatan:katalog"))
    if not form.is_valid():
        messages.error(request, "Permintaan tidak lengkap: muat ulang halaman katalog lalu coba lagi.")
        return redirect(back)
    try:
        node = services.atur_aktif(node=node, aktif=form.cleaned_data["aktif"], versi=form.cleaned_data["versi"],
                                   by=request.user)
    except Bentrok as exc:
        messages.error(request, exc.pesan)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"Kode {node.kode} {'diaktifkan' if node.aktif else 'dinonaktifkan'}.")
    return redirect(back)


@login_required
@require_POST
def hapus(request, pk: int):
    node = _node(request, pk)
    back = safe_next(request, reverse("kecamatan:katalog"))
    try:
        services.hapus_kode(node=node, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"Kode {node.kode} dihapus dari katalog.")
    return redirect(back)
