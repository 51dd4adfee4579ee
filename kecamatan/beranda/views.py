"""The dashboard (what to do next, per role) and the Renstra overview page."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from kecamatan.beranda import antrian as antrian_selectors
from kecamatan.beranda import selectors as beranda_selectors
from kecamatan.beranda.tenggat import tenggat_kecamatan
from kecamatan.cetak.registry import tables_for
from kecamatan.core import access
from kecamatan.dokumen import selectors
from kecamatan.kelola import selectors as kelola_selectors
from kecamatan.models import Peran
from kecamatan.renstra import selectors as renstra_selectors
from kecamatan.renstra.tables.cascade import build_cascade_rows


@login_required
def beranda(request):
    masalah = kelola_selectors.masalah_profil(request.user)
    if masalah:  # instead of an empty dashboard: what is missing, and whom to ask
        return render(request, "kelola/tanpa_profil.html", {"masalah": masalah,
                                                            "admin_list": kelola_selectors.nama_admin(request.user)})
    peran = access.peran_of(request.user)
    periode_qs = access.visible_periode(request.user, selectors.periode_list())
    dasbor = beranda_selectors.dasbor(periode_qs, peran=peran, today=timezone.localdate())
    return render(request, "kecamatan/beranda.html", {
        "dasbor": dasbor, "profil": access.profil_of(request.user), "peran": peran,
        "is_admin": peran == Peran.ADMIN,
        "tanpa_renstra": beranda_selectors.kecamatan_tanpa_renstra(request.user)
        if peran == Peran.ADMIN else None,
        "tenggat": tenggat_kecamatan(periode_qs, today=timezone.localdate())
        if peran in (Peran.OPERATOR, Peran.CAMAT) else (),
        "antrian": _antrian(request.user, peran),
    })


def _antrian(user, peran: str | None):
    """Bappeda's and admin's excerpt of the work list of their kabupaten: (count waiting, the
    longest waiting)."""
    if peran not in (Peran.VERIFIKATOR, Peran.ADMIN):
        return None
    kabupaten = access.kabupaten_halaman(user)
    return antrian_selectors.teratas(kabupaten, today=timezone.localdate()) if kabupaten else None


@login_required
def renstra_detail(request, pk: int):
    periode = access.get_periode_for(request.user, pk)
    data = renstra_selectors.renstra_data(periode.pk)
    return render(
        request,
        "kecamatan/renstra/detail.html",
        {"periode": periode, "data": data, "rows": build_cascade_rows(data),
         "can_edit": access.can_edit(request.user, periode), "tabel_list": tables_for("renstra"),
         "tabel_lkj": tables_for("lkj")},
    )



