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
from kecamatan.core.formatting import Nilai
from kecamatan.core.views import add_service_error, with_anchor
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


# -- the Renja page -------------------------------------------------------------------------------

@login_required
def renja_detail(request, pk: int, tahun: int):
    page = _page(request, pk, tahun)
    data = selectors.renja_data(page.periode.pk, tahun)
    rows, total = overview_rows(data)
    tambah = forms.TambahSubKegiatanForm(pilihan=selectors.pilihan_subkegiatan(page.periode, page.dokumen)) \
        if page.editable else None
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
    form = PenandatanganForm(request.POST or None, instance=page.dokumen, kecamatan=page.periode.kecamatan)
    if request.method == "POST" and form.is_valid():
        try:
            d = form.cleaned_data
            core_services.simpan_penandatangan(dokumen=page.dokumen, camat=d["camat"], tempat=d["ttd_tempat"],
                                          tanggal=d["ttd_tanggal"], hanya_bulan=d["ttd_hanya_bulan"], by=request.user)
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, "Penanda tangan disimpan.")
            return redirect(page.url("renja_detail"))
    return render(request, "kecamatan/renja/form.html", page.context(
        form=form, judul=f"Penanda tangan Renja {tahun}"))


# -- sub-kegiatan ---------------------------------------------------------------------------------

@login_required
@require_POST
def renja_sub_tambah(request, pk: int, tahun: int):
    page = _page(request, pk, tahun)
    if (blocked := _editable_or_redirect(request, page)) is not None:
        return blocked
    form = forms.TambahSubKegiatanForm(request.POST, pilihan=selectors.pilihan_subkegiatan(page.periode, page.dokumen))
    if not form.is_valid():
        messages.error(request, "Pilih sub kegiatan Renstra yang belum ada di Renja.")
        return redirect(page.url("renja_detail"))
    sub = form.cleaned_data["subkegiatan"]
    try:
        services.tambah_subkegiatan(dokumen=page.dokumen, subkegiatan=sub, by=request.user)
    except ValidationError as exc:
        messages.error(request, _error_message(exc))
        return redirect(page.url("renja_detail"))
    messages.success(request, f"{sub.kode} ditambahkan ke Renja {tahun}; isi rinciannya.")
    return redirect(page.url("renja_rincian", sub.pk))


@login_required
@require_POST
def renja_sub_hapus(request, pk: int, tahun: int, sub_pk: int):
    page = _page(request, pk, tahun)
    if (blocked := _editable_or_redirect(request, page)) is not None:
        return blocked
    sub = selectors.subkegiatan_of(page.periode, sub_pk)
    if sub is None:
        raise Http404("Sub kegiatan tidak ditemukan.")
    services.hapus_subkegiatan(dokumen=page.dokumen, subkegiatan=sub, by=request.user)
    messages.success(request, f"{sub.kode} dikeluarkan dari Renja {tahun}.")
    return redirect(page.url("renja_detail"))


@login_required
def renja_rincian(request, pk: int, tahun: int, sub_pk: int):
    page = _page(request, pk, tahun)
    sub = selectors.subkegiatan_of(page.periode, sub_pk)
    if sub is None or page.dokumen is None:
        raise Http404("Sub kegiatan tidak ada di Renja ini.")
    found = selectors.rincian_for_edit(page.dokumen, sub)
    rincian = found["rincian"]
    if rincian is None:
        raise Http404("Sub kegiatan tidak ada di Renja ini.")
    initial = {"lokasi": rincian.lokasi, "sumber_dana": rincian.sumber_dana, "catatan": rincian.catatan,
               "dana": found["dana"], "prakiraan": found["prakiraan"]}
    for ind in found["indikator"]:
        initial[f"target_{ind.pk}"] = found["targets"].get((ind.pk, tahun, "renja"), Nilai())
        initial[f"prakiraan_{ind.pk}"] = found["targets"].get((ind.pk, tahun + 1, "prakiraan"), Nilai())
    aktivitas_initial = [
        {"uraian": a.uraian, "skala_prioritas": a.skala_prioritas, "volume": a.volume, "satuan": a.satuan,
         "jumlah": a.jumlah, "prakiraan": a.prakiraan, "catatan": a.catatan}
        for a in found["aktivitas"]
    ]
    post = request.POST if request.method == "POST" else None
    if post is not None and (blocked := _editable_or_redirect(request, page)) is not None:
        return blocked
    formset = forms.AktivitasFormSet(post, initial=aktivitas_initial, prefix="aktivitas")
    form = forms.RincianForm(post, initial=initial, tahun=tahun, indikator=found["indikator"],
                             dana_dari_aktivitas=bool(found["aktivitas"]),
                             prakiraan_dari_aktivitas=found["prakiraan_aktivitas"] is not None)
    if post is not None and form.is_valid() and formset.is_valid():
        d = form.cleaned_data
        aktivitas = forms.aktivitas_list(formset)
        # disabled when the dana already comes from aktivitas (its initial value would be stale)
        dana = None if form.fields["dana"].disabled else d["dana"]
        prakiraan = None if form.fields["prakiraan"].disabled else d["prakiraan"]
        try:
            services.simpan_rincian(
                dokumen=page.dokumen, subkegiatan=sub, lokasi=d["lokasi"], sumber_dana=d["sumber_dana"],
                catatan=d["catatan"], dana=dana, prakiraan=prakiraan, targets=form.targets(),
                aktivitas=aktivitas, by=request.user,
            )
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, f"Rincian {sub.kode} disimpan.")
            return redirect(with_anchor(page.url("renja_detail"), f"subkegiatan-{sub.pk}"))
    return render(request, "kecamatan/renja/rincian.html", page.context(
        sub=sub, form=form, formset=formset, dana_aktivitas=found["dana_aktivitas"],
        prakiraan_aktivitas=found["prakiraan_aktivitas"]))


# -- targets, evaluation, service analysis --------------------------------------------------------

@login_required
def renja_target(request, pk: int, tahun: int):
    page = _page(request, pk, tahun)
    indikator = selectors.indikator_of(page.periode, ("tujuan", "sasaran", "program", "kegiatan"))
    values = selectors.target_renja_values(indikator, [(tahun, "renja"), (tahun + 1, "prakiraan")])
    initial = {}
    for ind in indikator:
        initial[f"target_{ind.pk}"] = values.get((ind.pk, tahun, "renja"), Nilai())
        initial[f"prakiraan_{ind.pk}"] = values.get((ind.pk, tahun + 1, "prakiraan"), Nilai())
    post = request.POST if request.method == "POST" else None
    if post is not None and (blocked := _editable_or_redirect(request, page)) is not None:
        return blocked
    form = forms.TargetRenjaForm(post, initial=initial, tahun=tahun, indikator=indikator)
    if post is not None and form.is_valid():
        try:
            services.simpan_target_renja(dokumen=page.dokumen, values=form.values(), by=request.user)
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, "Target Renja disimpan.")
            return redirect(page.url("renja_detail"))
    rows = [(selectors.owner_label(ind), *row) for ind, row in zip(indikator, form.rows())]
    return render(request, "kecamatan/renja/target.html", page.context(form=form, rows=rows))


@login_required
def renja_evaluasi(request, pk: int, tahun: int):
    page = _page(request, pk, tahun)
    indikator = selectors.indikator_of(page.periode, EVALUASI_LEVELS)
    targets = selectors.target_renja_values(indikator, [(tahun - 2, "renja"), (tahun - 1, "renja")])
    realisasi = selectors.realisasi_tw4(indikator, tahun - 2)
    terkunci = services.evaluasi_terkunci(page.periode, tahun)
    initial = {}
    for ind in indikator:
        initial[f"target_n2_{ind.pk}"] = targets.get((ind.pk, tahun - 2, "renja"), Nilai())
        initial[f"realisasi_n2_{ind.pk}"] = realisasi.get(ind.pk, Nilai())
        initial[f"target_n1_{ind.pk}"] = targets.get((ind.pk, tahun - 1, "renja"), Nilai())
    post = request.POST if request.method == "POST" else None
    if post is not None and (blocked := _editable_or_redirect(request, page)) is not None:
        return blocked
    form = forms.EvaluasiForm(post, initial=initial, tahun=tahun, indikator=indikator, terkunci=terkunci)
    if post is not None and form.is_valid():
        try:
            services.simpan_evaluasi(dokumen=page.dokumen, values=form.values(), by=request.user)
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, "Evaluasi Renja tahun lalu disimpan.")
            return redirect(page.url("renja_detail"))
    rows = [(selectors.owner_label(ind), ind, fields) for ind, fields in form.rows()]
    return render(request, "kecamatan/renja/evaluasi.html", page.context(form=form, rows=rows))


@login_required
def renja_analisis(request, pk: int, tahun: int):
    page = _page(request, pk, tahun)
    indikator = selectors.indikator_of(page.periode, ("tujuan", "sasaran"))
    existing = selectors.analisis_values(page.dokumen, indikator) if page.dokumen else {}
    initial = {}
    for ind in indikator:
        a = existing.get(ind.pk)
        initial[f"spm_{ind.pk}"] = Nilai(a.spm, a.spm_label) if a else Nilai()
        initial[f"ikk_{ind.pk}"] = Nilai(a.ikk, a.ikk_label) if a else Nilai()
        initial[f"catatan_{ind.pk}"] = a.catatan if a else ""
    post = request.POST if request.method == "POST" else None
    if post is not None and (blocked := _editable_or_redirect(request, page)) is not None:
        return blocked
    form = forms.AnalisisForm(post, initial=initial, indikator=indikator)
    if post is not None and form.is_valid():
        try:
            services.simpan_analisis_kinerja(dokumen=page.dokumen, values=form.values(), by=request.user)
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, "Analisis kinerja pelayanan disimpan.")
            return redirect(page.url("renja_detail"))
    return render(request, "kecamatan/renja/analisis.html", page.context(form=form, rows=form.rows()))


# -- T-C.31 -----------------------------------------------------------------------------------------

def _ranwal_form(page: YearPage, data=None, initial=None):
    from kecamatan.renstra.selectors import renstra_data

    nodes = list(renstra_data(page.periode.pk).nodes())
    return forms.ReviewRanwalForm(data, initial=initial, nodes=nodes)


def _save_ranwal(request, page: YearPage, form, baris):
    node = selectors.node_of(page.periode, form.cleaned_data["kebutuhan"])
    try:
        baris = services.simpan_review_ranwal(dokumen=page.dokumen, baris=baris, data=form.model_data(), node=node,
                                              by=request.user)
    except ValidationError as exc:
        add_service_error(form, exc)
        return None
    messages.success(request, "Baris review Ranwal RKPD disimpan.")
    return redirect(with_anchor(page.url("renja_ranwal"), f"ranwal-{baris.pk}"))


@login_required
def renja_ranwal(request, pk: int, tahun: int):
    page = _page(request, pk, tahun)
    rows = selectors.ranwal_rows(page.dokumen)
    post = request.POST if request.method == "POST" else None
    if post is not None and (blocked := _editable_or_redirect(request, page)) is not None:
        return blocked
    form = _ranwal_form(page, post, initial={"urutan": (rows[-1].urutan + 1) if rows else 1}) if page.editable else None
    if post is not None and form.is_valid():
        if (response := _save_ranwal(request, page, form, None)) is not None:
            return response
    return render(request, "kecamatan/renja/ranwal.html", page.context(rows=rows, form=form))


@login_required
def renja_ranwal_ubah(request, pk: int, tahun: int, row_pk: int):
    page = _page(request, pk, tahun)
    if (blocked := _editable_or_redirect(request, page)) is not None:
        return blocked
    baris = selectors.ranwal_row(page.dokumen, row_pk)
    if baris is None:
        raise Http404("Baris tidak ditemukan.")
    post = request.POST if request.method == "POST" else None
    form = _ranwal_form(page, post, initial=forms.ReviewRanwalForm.initial_of(baris))
    if post is not None and form.is_valid():
        if (response := _save_ranwal(request, page, form, baris)) is not None:
            return response
    return render(request, "kecamatan/renja/form.html", page.context(
        form=form, judul=f"Review Ranwal RKPD {tahun}: baris {baris.urutan}", kembali=page.url("renja_ranwal")))


@login_required
@require_POST
def renja_ranwal_hapus(request, pk: int, tahun: int, row_pk: int):
    page = _page(request, pk, tahun)
    if (blocked := _editable_or_redirect(request, page)) is not None:
        return blocked
    baris = selectors.ranwal_row(page.dokumen, row_pk)
    if baris is None:
        raise Http404("Baris tidak ditemukan.")
    services.hapus_review_ranwal(dokumen=page.dokumen, baris=baris, by=request.user)
    messages.success(request, f"Baris {baris.urutan} dihapus.")
    return redirect(page.url("renja_ranwal"))


# -- T-C.32 -----------------------------------------------------------------------------------------

@login_required
def renja_usulan(request, pk: int, tahun: int):
    page = _page(request, pk, tahun)
    rows = selectors.usulan_rows(page.dokumen)
    post = request.POST if request.method == "POST" else None
    if post is not None and (blocked := _editable_or_redirect(request, page)) is not None:
        return blocked
    form = forms.UsulanForm(post) if page.editable else None
    if post is not None and form.is_valid():
        try:
            usulan = services.simpan_usulan(dokumen=page.dokumen, usulan=None, data=form.cleaned_data, by=request.user)
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, "Usulan disimpan.")
            return redirect(with_anchor(page.url("renja_usulan"), f"usulan-{usulan.pk}"))
    return render(request, "kecamatan/renja/usulan.html", page.context(rows=rows, form=form))


@login_required
def renja_usulan_ubah(request, pk: int, tahun: int, row_pk: int):
    page = _page(request, pk, tahun)
    if (blocked := _editable_or_redirect(request, page)) is not None:
        return blocked
    usulan = selectors.usulan_row(page.dokumen, row_pk)
    if usulan is None:
        raise Http404("Usulan tidak ditemukan.")
    form = forms.UsulanForm(request.POST or None, instance=usulan)
    if request.method == "POST" and form.is_valid():
        try:
            services.simpan_usulan(dokumen=page.dokumen, usulan=usulan, data=form.cleaned_data, by=request.user)
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, "Usulan disimpan.")
            return redirect(with_anchor(page.url("renja_usulan"), f"usulan-{usulan.pk}"))
    return render(request, "kecamatan/renja/form.html", page.context(
        form=form, judul=f"Usulan pemangku kepentingan {tahun}", kembali=page.url("renja_usulan")))


@login_required
@require_POST
def renja_usulan_hapus(request, pk: int, tahun: int, row_pk: int):
    page = _page(request, pk, tahun)
    if (blocked := _editable_or_redirect(request, page)) is not None:
        return blocked
    usulan = selectors.usulan_row(page.dokumen, row_pk)
    if usulan is None:
        raise Http404("Usulan tidak ditemukan.")
    services.hapus_usulan(dokumen=page.dokumen, usulan=usulan, by=request.user)
    messages.success(request, "Usulan dihapus.")
    return redirect(page.url("renja_usulan"))

