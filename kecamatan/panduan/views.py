"""Panduan: the guide of each role (operator, Camat, Verifikator Bappeda, admin kabupaten). /panduan/
shows the user's own role; every role's guide is one tab away."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from kecamatan.core import access, bantuan
from kecamatan.models import Pagu, Peran
from kecamatan.panduan import selectors


ISTILAH = (
    ("Polaritas", bantuan.POLARITAS),
    ("Nilai akhir periode (aturan akhir periode)", bantuan.ATURAN_AKHIR),
    ("Satuan", bantuan.SATUAN),
    ("Kondisi awal (baseline)", bantuan.KONDISI_AWAL),
    ("Formulasi penghitungan", bantuan.FORMULA),
    ("Indikator kinerja utama (IKU)", bantuan.IKU),
    ("Tahap pagu", bantuan.TAHAP_PAGU_RINGKAS),
    *((f"Tahap pagu: {label}", bantuan.TAHAP_PAGU[value]) for value, label in Pagu.Tahap.choices),
)


@login_required
def panduan(request, peran: str | None = None):
    milik = access.peran_of(request.user)
    peran = peran or milik or Peran.OPERATOR
    if peran not in Peran.values:
        raise Http404("Panduan tidak ditemukan.")
    return render(request, "panduan/panduan.html", {
        "peran": peran, "peran_label": Peran(peran).label, "peran_saya": milik,
        "peran_saya_label": Peran(milik).label if milik else "",
        "tab": Peran.choices, "tenggat": selectors.tenggat_keterangan(request.user),
        "istilah": ISTILAH,
    })
