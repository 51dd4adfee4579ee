"""Entry pages of the Renja of a year. Each view parses the request, calls a selector or one service,
and renders or redirects; no arithmetic and no querysets of its own. A submitted or verified Renja
(`Dokumen.is_locked`) is shown read-only, and its services refuse changes anyway."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from kecamatan.core import access
from kecamatan.core.asal import terapkan_pilihan
from kecamatan.core.errors import Bentrok
from kecamatan.core.formatting import Nilai
from kecamatan.core.forms import VersiMixin
from kecamatan.core.views import simpan_form, with_anchor
from kecamatan.dokumen import services as core_services
from kecamatan.dokumen.forms import PenandatanganForm
from kecamatan.dokumen.pages import YearPage
from kecamatan.renja import forms, selectors, services
from kecamatan.renja.overview import overview_rows

EVALUASI_LEVELS = ("program", "kegiatan", "subkegiatan")


def _page(request, pk: int, tahun: int) -> YearPage:
    periode = access.get_periode_for(request.user, pk)
    if not periode.tahun_mulai <= tahun <= periode.tahun_selesai:
        raise Http404("Tahun di luar periode Renstra.")
    return YearPage(periode, tahun, selectors.dokumen_renja(periode, tahun),
                     services.can_edit_renja(request.user, periode))


def _editable_or_redirect(request, page: YearPage):
    """None if the page may be changed now, else a redirect to the Renja page with the reason."""
    if not page.can_edit:
        messages.error(request, "Anda hanya dapat melihat Renja ini.")
    elif page.dokumen is None:
        messages.error(request, f"Mulai Renja {page.tahun} terlebih dahulu.")
    elif page.dokumen.is_locked:
        messages.error(request, f"Renja {page.tahun} berstatus {page.dokumen.get_status_display()}; "
                                "isinya tidak dapat diubah.")
    else:
        return None
    return redirect(page.url("renja_detail"))


def _error_message(exc: ValidationError) -> str:
    if hasattr(exc, "error_dict"):
        return " ".join(m for field, errs in exc.message_dict.items() for m in errs)
    return " ".join(exc.messages)


def _versi(page: YearPage, segar: bool = False) -> int:
    """The Renja's version the page shows; `segar`: read again (a merged page after a concurrent save)."""
    dokumen = selectors.dokumen_renja(page.periode, page.tahun) if segar else page.dokumen
    return dokumen.versi if dokumen is not None else 0


def _simpan(request, page: YearPage, make, save, success: str, back: str = ""):
    """(response, form) of an entry page: GET the form of what is stored; POST saves at the version
    the page was loaded with, merged with what is stored now after a concurrent save."""
    if request.method != "POST":
        return None, make(None)
    if (blocked := _editable_or_redirect(request, page)) is not None:
        return blocked, None
    form = make(request.POST)
    if not form.is_valid():
        return None, form
    return simpan_form(request, form, lambda: save(form, form.cleaned_data["versi"]), success=success,
                       back=back or page.url("renja_detail"), make=make)


def _aksi(request, page: YearPage, do, success: str, back: str):
    """A one-button POST (add, remove) at the version its page was loaded with; the outcome as a message."""
    form = VersiMixin(request.POST)
    if (blocked := _editable_or_redirect(request, page)) is not None:
        return blocked
    if not form.is_valid():
        messages.error(request, "Halaman ini tidak membawa versi Renja; muat ulang halaman lalu ulangi.")
        return redirect(page.url("renja_detail"))
    try:
        result = do(form.cleaned_data["versi"])
    except (Bentrok, ValidationError) as exc:
        messages.error(request, exc.pesan if isinstance(exc, Bentrok) else _error_message(exc))
        return redirect(page.url("renja_detail"))
    messages.success(request, success.format(result=result))
    return redirect(back)


# -- the Renja page -------------------------------------------------------------------------------

@login_required
def renja_detail(request, pk: int, tahun: int):
    page = _page(request, pk, tahun)
    data = selectors.renja_data(page.periode.pk, tahun)
    rows, total = overview_rows(data)
    tambah = forms.TambahSubKegiatanForm(initial={"versi": page.dokumen.versi}, pilihan=selectors.pilihan_subkegiatan(
        page.periode, page.dokumen)) if page.editable else None
    return render(request, "kecamatan/renja/detail.html", page.context(
        data=data, rows=rows, total=total, tambah=tambah,
    ))


@login_required
@require_POST
def renja_mulai(request, pk: int, tahun: int):
    page = _page(request, pk, tahun)
    services.mulai_renja(periode=page.periode, tahun=tahun, by=request.user)
    messages.success(request, f"Renja {tahun} dimulai sebagai draf.")
    return redirect(page.url("renja_detail"))


@login_required
def renja_penandatangan(request, pk: int, tahun: int):
    page = _page(request, pk, tahun)
    if (blocked := _editable_or_redirect(request, page)) is not None:
        return blocked

    def make(data, segar=False):
        dokumen = selectors.dokumen_renja(page.periode, tahun) if segar else page.dokumen
        return PenandatanganForm(data, instance=dokumen, initial={"versi": dokumen.versi},
                                 kecamatan=page.periode.kecamatan)

    def save(form, versi):
        d = form.cleaned_data
        core_services.simpan_penandatangan(dokumen=page.dokumen, camat=d["camat"], tempat=d["ttd_tempat"],
                                           tanggal=d["ttd_tanggal"], hanya_bulan=d["ttd_hanya_bulan"],
                                           by=request.user, versi=versi)

    response, form = _simpan(request, page, make, save, "Penanda tangan disimpan.")
    return response or render(request, "kecamatan/renja/form.html", page.context(
        form=form, judul=f"Penanda tangan Renja {tahun}"))


# -- sub-kegiatan ---------------------------------------------------------------------------------

@login_required
@require_POST
def renja_sub_tambah(request, pk: int, tahun: int):
    page = _page(request, pk, tahun)
    if (blocked := _editable_or_redirect(request, page)) is not None:
        return blocked
    form = forms.TambahSubKegiatanForm(request.POST, pilihan=selectors.pilihan_subkegiatan(page.periode, page.dokumen))
    if not form.is_valid() and "subkegiatan" in form.errors:
        messages.error(request, "Pilih sub kegiatan Renstra yang belum ada di Renja.")
        return redirect(page.url("renja_detail"))
    sub = form.cleaned_data["subkegiatan"]
    return _aksi(request, page, lambda versi: services.tambah_subkegiatan(
        dokumen=page.dokumen, subkegiatan=sub, by=request.user, versi=versi),
        f"{sub.kode} ditambahkan ke Renja {tahun}; isi rinciannya.", page.url("renja_rincian", sub.pk))


@login_required
@require_POST
def renja_sub_hapus(request, pk: int, tahun: int, sub_pk: int):
    page = _page(request, pk, tahun)
    sub = selectors.subkegiatan_of(page.periode, sub_pk)
    if sub is None:
        raise Http404("Sub kegiatan tidak ditemukan.")
    return _aksi(request, page, lambda versi: services.hapus_subkegiatan(
        dokumen=page.dokumen, subkegiatan=sub, by=request.user, versi=versi),
        f"{sub.kode} dikeluarkan dari Renja {tahun}.", page.url("renja_detail"))


def _rincian_form(page: YearPage, sub, data, segar: bool):
    """The rincian form of what is stored now, its aktivitas formset joined (`ikut`) for merging."""
    found = selectors.rincian_for_edit(page.dokumen, sub)
    rincian, tahun = found["rincian"], page.tahun
    if rincian is None:
        raise Http404("Sub kegiatan tidak ada di Renja ini.")
    initial = {"lokasi": rincian.lokasi, "sumber_dana": rincian.sumber_dana, "catatan": rincian.catatan,
               "dana": found["dana"], "prakiraan": found["prakiraan"], "versi": _versi(page, segar)}
    for ind in found["indikator"]:
        initial[f"target_{ind.pk}"] = found["targets"].get((ind.pk, tahun, "renja"), Nilai())
        initial[f"prakiraan_{ind.pk}"] = found["targets"].get((ind.pk, tahun + 1, "prakiraan"), Nilai())
    aktivitas_initial = [
        {"uraian": a.uraian, "skala_prioritas": a.skala_prioritas, "volume": a.volume, "satuan": a.satuan,
         "jumlah": a.jumlah, "prakiraan": a.prakiraan, "catatan": a.catatan}
        for a in found["aktivitas"]
    ]
    data = terapkan_pilihan(data) if data is not None else None
    formset = forms.AktivitasFormSet(data, initial=aktivitas_initial, prefix="aktivitas")
    form = forms.RincianForm(data, initial=initial, tahun=tahun, indikator=found["indikator"],
                             dana_dari_aktivitas=bool(found["aktivitas"]),
                             prakiraan_dari_aktivitas=found["prakiraan_aktivitas"] is not None, ikut=[formset])
    form.found = found
    return form


@login_required
def renja_rincian(request, pk: int, tahun: int, sub_pk: int):
    page = _page(request, pk, tahun)
    sub = selectors.subkegiatan_of(page.periode, sub_pk)
    if sub is None or page.dokumen is None:
        raise Http404("Sub kegiatan tidak ada di Renja ini.")

    def make(data, segar=False):
        form = _rincian_form(page, sub, data, segar)
        if data is not None and not form.ikut[0].is_valid():
            form.add_error(None, "Periksa isian aktivitas yang ditandai merah.")
        return form

    def save(form, versi):
        d = form.cleaned_data
        # disabled when the dana already comes from aktivitas (its initial value would be stale)
        services.simpan_rincian(
            dokumen=page.dokumen, subkegiatan=sub, lokasi=d["lokasi"], sumber_dana=d["sumber_dana"],
            catatan=d["catatan"], dana=None if form.fields["dana"].disabled else d["dana"],
            prakiraan=None if form.fields["prakiraan"].disabled else d["prakiraan"], targets=form.targets(),
            aktivitas=forms.aktivitas_list(form.ikut[0]), by=request.user, versi=versi,
        )

    response, form = _simpan(request, page, make, save, f"Rincian {sub.kode} disimpan.",
                              with_anchor(page.url("renja_detail"), f"subkegiatan-{sub.pk}"))
    if response:
        return response
    return render(request, "kecamatan/renja/rincian.html", page.context(
        sub=sub, form=form, formset=form.ikut[0], dana_aktivitas=form.found["dana_aktivitas"],
        prakiraan_aktivitas=form.found["prakiraan_aktivitas"]))


# -- targets, evaluation, service analysis --------------------------------------------------------

@login_required
def renja_target(request, pk: int, tahun: int):
    page = _page(request, pk, tahun)
    indikator = selectors.indikator_of(page.periode, ("tujuan", "sasaran", "program", "kegiatan"))

    def make(data, segar=False):
        values = selectors.target_renja_values(indikator, [(tahun, "renja"), (tahun + 1, "prakiraan")])
        initial = {"versi": _versi(page, segar)}
        for ind in indikator:
            initial[f"target_{ind.pk}"] = values.get((ind.pk, tahun, "renja"), Nilai())
            initial[f"prakiraan_{ind.pk}"] = values.get((ind.pk, tahun + 1, "prakiraan"), Nilai())
        return forms.TargetRenjaForm(data, initial=initial, tahun=tahun, indikator=indikator)

    response, form = _simpan(request, page, make, lambda form, versi: services.simpan_target_renja(
        dokumen=page.dokumen, values=form.values(), by=request.user, versi=versi), "Target Renja disimpan.")
    if response:
        return response
    rows = [(selectors.owner_label(ind), *row) for ind, row in zip(indikator, form.rows())]
    return render(request, "kecamatan/renja/target.html", page.context(form=form, rows=rows))


@login_required
def renja_evaluasi(request, pk: int, tahun: int):
    page = _page(request, pk, tahun)
    indikator = selectors.indikator_of(page.periode, EVALUASI_LEVELS)
    terkunci = services.evaluasi_terkunci(page.periode, tahun)

    def make(data, segar=False):
        targets = selectors.target_renja_values(indikator, [(tahun - 2, "renja"), (tahun - 1, "renja")])
        realisasi = selectors.realisasi_tw4(indikator, tahun - 2)
        initial = {"versi": _versi(page, segar)}
        for ind in indikator:
            initial[f"target_n2_{ind.pk}"] = targets.get((ind.pk, tahun - 2, "renja"), Nilai())
            initial[f"realisasi_n2_{ind.pk}"] = realisasi.get(ind.pk, Nilai())
            initial[f"target_n1_{ind.pk}"] = targets.get((ind.pk, tahun - 1, "renja"), Nilai())
        return forms.EvaluasiForm(data, initial=initial, tahun=tahun, indikator=indikator, terkunci=terkunci)

    response, form = _simpan(request, page, make, lambda form, versi: services.simpan_evaluasi(
        dokumen=page.dokumen, values=form.values(), by=request.user, versi=versi),
        "Evaluasi Renja tahun lalu disimpan.")
    if response:
        return response
    rows = [(selectors.owner_label(ind), ind, fields) for ind, fields in form.rows()]
    return render(request, "kecamatan/renja/evaluasi.html", page.context(form=form, rows=rows))


@login_required
def renja_analisis(request, pk: int, tahun: int):
    page = _page(request, pk, tahun)
    indikator = selectors.indikator_of(page.periode, ("tujuan", "sasaran"))

    def make(data, segar=False):
        existing = selectors.analisis_values(page.dokumen, indikator) if page.dokumen else {}
        initial = {"versi": _versi(page, segar)}
        for ind in indikator:
            a = existing.get(ind.pk)
            initial[f"spm_{ind.pk}"] = Nilai(a.spm, a.spm_label) if a else Nilai()
            initial[f"ikk_{ind.pk}"] = Nilai(a.ikk, a.ikk_label) if a else Nilai()
            initial[f"catatan_{ind.pk}"] = a.catatan if a else ""
        return forms.AnalisisForm(data, initial=initial, indikator=indikator)

    response, form = _simpan(request, page, make, lambda form, versi: services.simpan_analisis_kinerja(
        dokumen=page.dokumen, values=form.values(), by=request.user, versi=versi),
        "Analisis kinerja pelayanan disimpan.")
    return response or render(request, "kecamatan/renja/analisis.html", page.context(form=form, rows=form.rows()))


# -- T-C.31 -----------------------------------------------------------------------------------------
