"""The triwulan realisasi page: one kecamatan × year × triwulan, every indicator and sub-kegiatan
in one keyboard-friendly grid, saved at once."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse

from kecamatan.core import access
from kecamatan.core.kunci import TW_ROMAWI, kunci_dokumen
from kecamatan.core.views import changed_row, require_edit, simpan_form, with_anchor
from kecamatan.dokumen import forms as dokumen_forms
from kecamatan.dokumen import selectors
from kecamatan.dokumen import services as dokumen_services
from kecamatan.models import Dokumen
from kecamatan.realisasi import forms as realisasi_forms
from kecamatan.realisasi import selectors as realisasi_selectors
from kecamatan.realisasi import services as realisasi_services
from kecamatan.realisasi.tables.triwulan import build_realisasi

ROW_OF_FIELD = {"nilai": "indikator", "keterangan": "indikator", "rp": "subkegiatan"}


def _row_of(name: str) -> str | None:
    """nilai_12 → indikator-12, rp_7 → subkegiatan-7: the id of the field's row on the page."""
    prefix, _, pk = name.partition("_")
    return f"{ROW_OF_FIELD[prefix]}-{pk}" if prefix in ROW_OF_FIELD else None


def _form(versi: int, halaman, data=None):
    """The grid's form: the stored values of `halaman` at the document's `versi`, bound to `data`."""
    labels = {("indikator", b.data.id): b.data.uraian for g in halaman.kelompok for b in g.baris}
    labels.update({("subkegiatan", a.data.id): f"{a.data.kode} {a.data.nama}" for a in halaman.anggaran})
    return realisasi_forms.RealisasiTriwulanForm(
        data, initial={"versi": versi}, labels=labels,
        indikator_ids=[b.data.id for g in halaman.kelompok for b in g.baris],
        subkegiatan_ids=[a.data.id for a in halaman.anggaran],
        initial_nilai={b.data.id: (b.nilai, b.keterangan) for g in halaman.kelompok for b in g.baris},
        initial_rp={a.data.id: a.jumlah for a in halaman.anggaran},
    )


@login_required
def realisasi(request, pk: int, tahun: int, triwulan: int):
    periode = access.get_periode_for(request.user, pk)
    if tahun not in periode.tahun_list or triwulan not in TW_ROMAWI:
        raise Http404("Triwulan di luar periode Renstra.")
    kunci = kunci_dokumen(Dokumen.Jenis.REALISASI, tahun, triwulan)
    dokumen = selectors.dokumen_for(periode, kunci)
    dokumen_services.tandai_dibuka_bappeda(dokumen, request.user)  # Bappeda reviews a triwulan here
    riwayat = selectors.riwayat_dokumen(dokumen)
    catatan = selectors.catatan_terakhir(riwayat) if dokumen.status == Dokumen.Status.DIKEMBALIKAN else None
    halaman = build_realisasi(realisasi_selectors.realisasi_triwulan_data(periode, tahun, triwulan, catatan=catatan))

    def make(data, segar=False):  # segar: after a concurrent save, the grid of what is stored now
        if not segar:
            return _form(dokumen.versi, halaman, data)
        return _form(selectors.dokumen_for(periode, kunci).versi, build_realisasi(
            realisasi_selectors.realisasi_triwulan_data(periode, tahun, triwulan, catatan=catatan)), data)

    can_edit = access.can_edit(request.user, periode)
    form = None
    if request.method == "POST":
        require_edit(request.user, periode)
        form = make(request.POST)
        if form.is_valid():
            response, form = simpan_form(request, form, lambda: realisasi_services.save_realisasi_triwulan(
                periode=periode, tahun=tahun, triwulan=triwulan, versi=form.cleaned_data["versi"],
                indikator=form.indikator_values(), anggaran=form.anggaran_values(), by=request.user,
            ), success=f"Realisasi TW {TW_ROMAWI[triwulan]} {tahun} disimpan. Capaian dan penyerapan di bawah sudah "
                       "dihitung ulang.", back=with_anchor(request.path, changed_row(form, _row_of)), make=make)
            if response:
                return response
        if form.errors and not form.bentrok:
            messages.error(request, "Isian belum disimpan: perbaiki yang ditandai merah. Tidak ada yang berubah.")
    elif can_edit and not dokumen.is_locked:
        form = make(None)
    indikator_ids = [b.data.id for g in halaman.kelompok for b in g.baris]
    kembalikan_form = None
    if access.can_verify(request.user, periode) and dokumen.status == Dokumen.Status.DIAJUKAN:
        kembalikan_form = dokumen_forms.KembalikanForm(indikator_ids=indikator_ids,
                                                       subkegiatan_ids=[a.data.id for a in halaman.anggaran],
                                                       form_id="form-kembalikan")
    return render(request, "kecamatan/realisasi/triwulan.html", {
        "periode": periode, "dokumen": dokumen, "riwayat": riwayat, "catatan": catatan, "halaman": halaman,
        "form": form, "kembalikan_form": kembalikan_form,
        "triwulan_list": [(t, TW_ROMAWI[t]) for t in TW_ROMAWI], "tw": TW_ROMAWI[triwulan],
        "can_edit": can_edit, "can_submit": access.can_submit(request.user, periode),
        "can_verify": access.can_verify(request.user, periode),
        "dokumen_url": reverse("kecamatan:dokumen", args=[periode.pk, kunci]),
    })
