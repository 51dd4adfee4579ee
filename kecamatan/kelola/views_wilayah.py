"""The admin kabupaten's pages on the kabupaten and its kecamatan: kecamatan profile, kabupaten
data and Tabel 3.1 scale, Renstra periods, and starting a kecamatan's real Renstra in place of
its generated demo data."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse

from kecamatan.core.errors import Bentrok
from kecamatan.core.views import add_service_error, save_or_errors, simpan_form
from kecamatan.kelola import forms, selectors, services


@login_required
def kecamatan_ubah(request, pk: int):
    kabupaten = selectors.kabupaten_for(request.user)
    kecamatan = selectors.kecamatan_for(kabupaten, pk)
    back = reverse("kecamatan:kelola")

    def make(data, segar=False):  # segar: after a concurrent save, the profile as stored now
        now = selectors.kecamatan_for(kabupaten, pk) if segar else kecamatan
        return forms.KecamatanProfilForm(data, instance=now, initial={"sidik": selectors.sidik_kecamatan(now)})

    form = make(request.POST or None)
    if request.method == "POST" and form.is_valid():
        response, form = simpan_form(request, form, lambda: services.simpan_kecamatan(
            by=request.user, kecamatan=kecamatan, sidik=form.cleaned_data["sidik"], data=form.cleaned_data),
            success=f"Profil Kecamatan {kecamatan.nama} disimpan.", back=back, make=make)
        if response:
            return response
    return render(request, "kelola/form.html", {"form": form, "judul": f"Profil Kecamatan {kecamatan.nama}",
                                                "kembali": back, "kecamatan": kecamatan})


@login_required
def kabupaten(request):
    kab = selectors.kabupaten_for(request.user)
    here = reverse("kecamatan:kelola_kabupaten")
    form = forms.KabupatenForm(request.POST or None, request.FILES or None, instance=kab,
                               initial={"sidik": selectors.sidik_kabupaten(kab)})
    if request.method == "POST" and form.is_valid():
        response = save_or_errors(request, form, lambda: services.simpan_kabupaten(
            by=request.user, kabupaten=kab, sidik=form.cleaned_data["sidik"], data=form.cleaned_data),
            f"Data Kabupaten {form.cleaned_data['nama']} disimpan.", here)
        if response:
            return response
    return render(request, "kelola/kabupaten.html", {"form": form, "kabupaten": kab})


@login_required
def skala(request):
    """LKj Tabel 3.1: the kabupaten's scale of criteria for capaian, per year it applies from."""
    kab = selectors.kabupaten_for(request.user)
    here = reverse("kecamatan:kelola_skala")
    initial = list(selectors.skala_qs(kab).values("berlaku_mulai", "batas_bawah", "kriteria"))
    formset = forms.SkalaFormSet(request.POST or None, initial=initial, prefix="skala")
    sidik_form = forms.SidikForm(request.POST or None, initial={"sidik": selectors.sidik_skala(kab)})
    if request.method == "POST" and formset.is_valid() and sidik_form.is_valid():
        response = save_or_errors(request, sidik_form, lambda: services.simpan_skala(
            by=request.user, kabupaten=kab, sidik=sidik_form.cleaned_data["sidik"], rows=forms.skala_rows(formset)),
            "Skala kriteria capaian disimpan.", here)
        if response:
            return response
    return render(request, "kelola/skala.html", {"formset": formset, "sidik_form": sidik_form, "kabupaten": kab})


@login_required
def periode(request, pk: int):
    """The kecamatan's Renstra periods, and a form to create a real one."""
    kab = selectors.kabupaten_for(request.user)
    kecamatan = selectors.kecamatan_for(kab, pk)
    form = forms.PeriodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            baru = services.buat_periode(by=request.user, kecamatan=kecamatan, **form.cleaned_data)
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, f"Periode Renstra {baru.label} Kecamatan {kecamatan.nama} dibuat. Operator "
                                      "kecamatan kini dapat menyusun Renstra-nya.")
            return redirect("kecamatan:kelola_periode", pk=kecamatan.pk)
    periodes = selectors.periode_list(kecamatan)
    return render(request, "kelola/periode.html", {
        "kecamatan": kecamatan, "periode_list": periodes, "form": form,
        "hanya_demo": bool(periodes) and all(p.demo for p in periodes)})


@login_required
def mulai_asli(request, pk: int):
    """"Mulai Renstra asli": lists the generated demo data of the kecamatan, and on confirmation
    removes it; refused when the kecamatan has any real period."""
    kab = selectors.kabupaten_for(request.user)
    kecamatan = selectors.kecamatan_for(kab, pk)
    isi = selectors.isi_demo(kecamatan)
    form = forms.SidikForm(request.POST or None, initial={"sidik": isi.sidik})
    if request.method == "POST" and form.is_valid():
        try:
            n = services.pensiunkan_demo(by=request.user, kecamatan=kecamatan, sidik=form.cleaned_data["sidik"])
        except Bentrok as exc:
            form.bentrok = exc
            form.add_error(None, exc.pesan)
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, f"Data demo Kecamatan {kecamatan.nama} dihapus ({n} periode). Buat sekarang "
                                      "periode Renstra aslinya.")
            return redirect("kecamatan:kelola_periode", pk=kecamatan.pk)
    return render(request, "kelola/mulai_asli.html", {"kecamatan": kecamatan, "isi": isi, "form": form})
