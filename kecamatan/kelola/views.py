"""The admin kabupaten's pages: the index and the users. Anyone else gets 404, as for any page
outside their scope; the Django admin stays for developers."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from kecamatan.core.errors import Bentrok
from kecamatan.core.views import add_service_error, save_or_errors, simpan_form
from kecamatan.kelola import forms, kunci, selectors, services
from kecamatan.kelola.views_akun import KABUPATEN_PILIHAN
from kecamatan.perbandingan.selectors import aturan_tenggat


@login_required
def kelola(request):
    kabupaten = selectors.kabupaten_for(request.user)
    return render(request, "kelola/index.html", {
        "kabupaten": kabupaten, "kecamatan_list": selectors.kecamatan_list(kabupaten),
        "n_pengguna": selectors.pengguna_qs(kabupaten).filter(is_active=True).count(),
        "tenggat": aturan_tenggat(kabupaten).keterangan(),
        "pilihan_kabupaten": selectors.pilihan_kabupaten(request.user),
    })


@login_required
@require_POST
def pilih_kabupaten(request):
    """The installation's technical admin (a superuser without a profile) chooses which kabupaten the
    Kelola pages, dashboard and comparison show, e.g. to make the first admin of a kabupaten just
    loaded with `muat_acuan`. Writes no data: the choice lives in the session."""
    pilihan = selectors.pilihan_kabupaten(request.user)
    if pilihan is None:
        raise Http404("Halaman tidak ditemukan.")
    kabupaten = pilihan.filter(pk=request.POST.get("kabupaten") or 0).first()
    if kabupaten is None:
        messages.error(request, "Pilih kabupaten dari daftar.")
    else:
        request.session[KABUPATEN_PILIHAN] = kabupaten.pk
        messages.success(request, f"Sekarang mengelola {kabupaten}.")
    return redirect("kecamatan:kelola")


@login_required
def pengguna(request):
    kabupaten = selectors.kabupaten_for(request.user)
    return render(request, "kelola/pengguna.html", {
        "kabupaten": kabupaten, "pengguna_list": selectors.pengguna_qs(kabupaten),
        "n_terkunci": len(kunci.daftar_kunci())})


@login_required
def pengguna_tambah(request):
    """A new user; the page that saves it shows the initial password once (never stored readable)."""
    kabupaten = selectors.kabupaten_for(request.user)
    form = forms.PenggunaForm(request.POST or None, kabupaten=kabupaten,
                              initial={"kecamatan": request.GET.get("kecamatan"), "peran": request.GET.get("peran")})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            user, sandi = services.buat_pengguna(
                kabupaten=kabupaten, by=request.user, username=d["username"], nama=d["nama"], email=d["email"],
                peran=d["peran"], kecamatan=d["kecamatan"], sandi=d["sandi"])
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            return render(request, "kelola/pengguna_dibuat.html", {"baru": user, "sandi": sandi,
                                                                   "profil": selectors.profil_or_none(user)})
    return render(request, "kelola/form.html", {"form": form, "judul": "Tambah pengguna",
                                                "kembali": reverse("kecamatan:kelola_pengguna")})


@login_required
def pengguna_ubah(request, pk: int):
    kabupaten = selectors.kabupaten_for(request.user)
    user = selectors.pengguna_for(kabupaten, pk)
    profil = selectors.profil_or_none(user)
    back = reverse("kecamatan:kelola_pengguna")

    def make(data, segar=False):  # segar: after a concurrent save, the user as stored now
        now = selectors.pengguna_for(kabupaten, pk) if segar else user
        p = selectors.profil_or_none(now) if segar else profil
        initial = {"username": now.username, "nama": now.first_name, "email": now.email,
                   "peran": p.peran if p else "", "kecamatan": p.kecamatan_id if p else None,
                   "sidik": selectors.sidik_pengguna(now)}
        return forms.PenggunaUbahForm(data, kabupaten=kabupaten, initial=initial)

    form = make(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        response, form = simpan_form(request, form, lambda: services.ubah_pengguna(
            kabupaten=kabupaten, by=request.user, user=user, sidik=d["sidik"], nama=d["nama"], email=d["email"],
            peran=d["peran"], kecamatan=d["kecamatan"], sandi=d["sandi"]),
            success=f"Pengguna {user.username} disimpan.", back=back, make=make)
        if response:
            return response
    catatan = "" if profil else "Pengguna ini belum mempunyai profil: pilih peran (dan kecamatannya) lalu simpan."
    return render(request, "kelola/form.html", {"form": form, "judul": f"Ubah pengguna {user.username}",
                                                "kembali": back, "catatan": catatan})


@login_required
@require_POST
def pengguna_aktif(request, pk: int):
    """Deactivate or reactivate (POST aktif=1/0); users are never deleted."""
    kabupaten = selectors.kabupaten_for(request.user)
    user = selectors.pengguna_for(kabupaten, pk)
    aktif = request.POST.get("aktif") == "1"
    try:
        services.set_aktif(by=request.user, user=user, aktif=aktif)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"Pengguna {user.username} {'diaktifkan kembali' if aktif else 'dinonaktifkan'}.")
    return redirect("kecamatan:kelola_pengguna")


@login_required
def terkunci(request):
    """Accounts locked after failed sign-ins (kecamatan/kelola/kunci.py), each with "Buka kunci"."""
    kabupaten = selectors.kabupaten_for(request.user)
    daftar = kunci.daftar_kunci()
    lain = selectors.nama_kabupaten_lain(kabupaten, (k.username for k in daftar))
    daftar = [k for k in daftar if k.username not in lain]  # another kabupaten's accounts are theirs
    nama = selectors.nama_pengguna(k.username for k in daftar)
    return render(request, "kelola/terkunci.html", {
        "daftar": [{"kunci": k, "nama": nama.get(k.username), "sidik": selectors.sidik_kunci(k.username)}
                   for k in daftar],
        "batas": kunci.batas_gagal(), "menit": int(kunci.lama_kunci().total_seconds() // 60)})


@login_required
@require_POST
def buka_kunci(request):
    kabupaten = selectors.kabupaten_for(request.user)
    form = forms.BukaKunciForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Permintaan tidak lengkap: muat ulang halaman lalu coba lagi.")
        return redirect("kecamatan:kelola_terkunci")
    username = form.cleaned_data["username"]
    if selectors.nama_kabupaten_lain(kabupaten, [username]):
        raise Http404("Pengguna tidak ditemukan.")
    try:
        n = services.buka_kunci(by=request.user, username=username, sidik=form.cleaned_data["sidik"])
    except Bentrok as exc:
        messages.error(request, exc.pesan)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"Kunci akun {username} dibuka: akun ini dapat masuk lagi." if n else
                         f"Akun {username} sudah tidak terkunci.")
    return redirect("kecamatan:kelola_terkunci")
