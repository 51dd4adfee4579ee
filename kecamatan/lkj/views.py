"""Entry pages of an LKj year: the IKU sheet, the Perjanjian Kinerja awal and perubahan, the LKj
settings and the comparison values. Each view parses the request, calls a selector or one
service, and renders or redirects. While the year's LKj document is submitted or verified the
pages are read-only (and the services refuse changes anyway); Bappeda and the admin read only."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from kecamatan.core import access
from kecamatan.core.errors import Bentrok
from kecamatan.core.formatting import Nilai
from kecamatan.core.views import simpan_form
from kecamatan.dokumen import forms as dokumen_forms
from kecamatan.dokumen import services as core_services
from kecamatan.dokumen.pages import YearPage
from kecamatan.lkj import forms, selectors, services
from kecamatan.models import Dokumen, Kecamatan, PerjanjianKinerja

Versi = PerjanjianKinerja.Versi


@dataclass
class LkjPage(YearPage):
    """The Renja page's frame with the year's LKj document, which is created on the first save
    (so no document yet still means editable)."""

    @property
    def editable(self) -> bool:
        return self.can_edit and not (self.dokumen is not None and self.dokumen.is_locked)

    @property
    def versi(self) -> int:
        return self.dokumen.versi if self.dokumen is not None else 0

    def versi_segar(self, segar: bool) -> int:
        """The version a form carries; `segar`: read again (a merged page after a concurrent save)."""
        if not segar:
            return self.versi
        dokumen = selectors.dokumen_lkj(self.periode, self.tahun)
        return dokumen.versi if dokumen is not None else 0


def _page(request, pk: int, tahun: int) -> LkjPage:
    periode = access.get_periode_for(request.user, pk)
    if not periode.tahun_mulai <= tahun <= periode.tahun_selesai:
        raise Http404("Tahun di luar periode Renstra.")
    return LkjPage(periode, tahun, selectors.dokumen_lkj(periode, tahun), access.can_edit(request.user, periode))


def _post_blocked(request, page: LkjPage, back: str):
    """None if a POST may change the page now; readers get 403, a locked LKj a redirect with the reason."""
    if not page.can_edit:
        raise PermissionDenied("Anda hanya dapat melihat isian LKj ini.")
    if not page.editable:
        messages.error(request, f"LKj {page.tahun} berstatus {page.dokumen.get_status_display()}; "
                                "isiannya tidak dapat diubah.")
        return redirect(back)
    return None


@login_required
def lkj_isian(request, pk: int, tahun: int):
    page = _page(request, pk, tahun)
    pk_versi = selectors.perjanjian(page.periode, tahun)
    return render(request, "kecamatan/lkj/isian.html", page.context(
        pk_versi=pk_versi, penetapan=selectors.penetapan_iku(page.periode, tahun),
        pengaturan=selectors.pengaturan(page.periode, tahun),
        kunci_lkj=f"lkj-{tahun}",
    ))


# -- Perjanjian Kinerja ---------------------------------------------------------------------------

@login_required
def lkj_pk(request, pk: int, tahun: int, versi: str):
    page = _page(request, pk, tahun)
    if versi not in Versi.values:
        raise Http404("Versi Perjanjian Kinerja tidak dikenal.")
    back = page.url("lkj_pk", versi)
    semua = selectors.perjanjian(page.periode, tahun)
    perjanjian = semua.get(versi)
    indikator = selectors.indikator_rows(page.periode)
    programs = selectors.programs_of(page.periode)
    post = request.POST if request.method == "POST" else None
    if post is not None:
        if (blocked := _post_blocked(request, page, back)) is not None:
            return blocked
        if forms.unknown_ids(post, "target_", [ind.pk for _, ind in indikator]) or any(
                forms.unknown_ids(post, prefix, [p.pk for p in programs]) for prefix in ("program_", "keterangan_")):
            raise Http404("Indikator atau program tidak ditemukan.")

    def make(data, segar=False):
        current = selectors.perjanjian(page.periode, tahun).get(versi) if segar else perjanjian
        targets, listed = selectors.pk_targets(current), selectors.pk_programs(current)
        initial = {"versi": page.versi_segar(segar)}
        if current is None:
            initial.update(camat=selectors.camat_of(page.periode).first(), ttd_tempat=page.periode.kecamatan.nama)
        for _, ind in indikator:
            initial[f"target_{ind.pk}"] = targets.get(ind.pk, Nilai())
        for program in programs:
            row = listed.get(program.pk)
            initial[f"program_{program.pk}"] = row is not None
            initial[f"keterangan_{program.pk}"] = row.keterangan if row else ""
        return forms.PKForm(data, instance=current, initial=initial, camat=selectors.camat_of(page.periode),
                            indikator=indikator, programs=programs, anggaran=selectors.anggaran_program(
                                page.periode, tahun, PerjanjianKinerja.TAHAP_PAGU[versi]))

    form = make(post)
    if post is not None and form.is_valid():
        response, form = simpan_form(request, form, lambda: services.simpan_pk(
            periode=page.periode, tahun=tahun, versi_pk=versi, data=form.header(), targets=form.targets(),
            programs=form.program_values(), versi=form.cleaned_data["versi"], by=request.user,
        ), success=f"{services.JUDUL_PK[versi]} {tahun} disimpan.", back=back, make=make)
        if response is not None:
            return response
    ada = perjanjian is not None or versi == Versi.AWAL
    return render(request, "kecamatan/lkj/pk.html", page.context(
        form=form if ada else None, versi=versi, judul=f"{services.JUDUL_PK[versi]} {tahun}",
        perjanjian=perjanjian, ada_awal=Versi.AWAL in semua,
        tahap=dict(PerjanjianKinerja._meta.get_field("versi").choices)[versi],
    ))


@login_required
@require_POST
def lkj_pk_perubahan(request, pk: int, tahun: int):
    page = _page(request, pk, tahun)
    back = page.url("lkj_pk", Versi.PERUBAHAN)
    if (blocked := _post_blocked(request, page, back)) is not None:
        return blocked
    try:
        versi = int(request.POST.get("versi", ""))
    except ValueError:
        versi = None
    try:
        services.buat_pk_perubahan(periode=page.periode, tahun=tahun, versi=versi, by=request.user)
    except Bentrok as exc:
        messages.error(request, exc.pesan)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"Perubahan Perjanjian Kinerja {tahun} dibuat dari versi awal; ubah yang berubah.")
    return redirect(back)


# -- IKU sheet, settings, comparison values ---------------------------------------------------------

@login_required
def lkj_iku(request, pk: int, tahun: int):
    page = _page(request, pk, tahun)
    back = page.url("lkj_iku")
    post = request.POST if request.method == "POST" else None
    if post is not None and (blocked := _post_blocked(request, page, back)) is not None:
        return blocked
    def make(data, segar=False):
        penetapan = selectors.penetapan_iku(page.periode, tahun)
        initial = {"versi": page.versi_segar(segar)}
        if penetapan is None:
            initial.update(camat=selectors.camat_of(page.periode).first(), ttd_tempat=page.periode.kecamatan.nama)
        return forms.PenetapanIKUForm(data, instance=penetapan, initial=initial, camat=selectors.camat_of(page.periode))

    form = make(post)
    if post is not None and form.is_valid():
        response, form = simpan_form(request, form, lambda: services.simpan_penetapan_iku(
            periode=page.periode, tahun=tahun, data=form.data_fields(), versi=form.cleaned_data["versi"],
            by=request.user,
        ), success=f"Lembar IKU {tahun} disimpan.", back=back, make=make)
        if response is not None:
            return response
    return render(request, "kecamatan/lkj/iku.html", page.context(
        form=form, rows=selectors.iku_rows(page.periode, tahun), judul=f"Lembar IKU {tahun}"))


@login_required
def lkj_pengaturan(request, pk: int, tahun: int):
    page = _page(request, pk, tahun)
    back = page.url("lkj_pengaturan")
    post = request.POST if request.method == "POST" else None
    if post is not None and (blocked := _post_blocked(request, page, back)) is not None:
        return blocked
    def make(data, segar=False):
        pengaturan = selectors.pengaturan(page.periode, tahun)
        initial = {"versi": page.versi_segar(segar),
                   "kecamatan_pembanding": pengaturan.kecamatan_pembanding if pengaturan else None,
                   "catatan_anggaran": pengaturan.catatan_anggaran if pengaturan else ""}
        return forms.PengaturanForm(data, initial=initial, kecamatan=selectors.kecamatan_lain(page.periode))

    form = make(post)
    if post is not None and form.is_valid():
        d = form.cleaned_data
        response, form = simpan_form(request, form, lambda: services.simpan_pengaturan_lkj(
            periode=page.periode, tahun=tahun, kecamatan_pembanding=d["kecamatan_pembanding"],
            catatan_anggaran=d["catatan_anggaran"], versi=d["versi"], by=request.user,
        ), success=f"Pengaturan LKj {tahun} disimpan.", back=back, make=make)
        if response is not None:
            return response
    return render(request, "kecamatan/lkj/form.html", page.context(form=form, judul=f"Pengaturan LKj {tahun}"))


@login_required
def lkj_penandatangan(request, pk: int, tahun: int):
    """Who signs the LKj of the year: the signatory form and service of the Renstra and Renja, on
    the LKj document (created by the first save, like the other LKj pages)."""
    page = _page(request, pk, tahun)
    back = page.url("lkj_penandatangan")
    post = request.POST if request.method == "POST" else None
    if post is not None and (blocked := _post_blocked(request, page, back)) is not None:
        return blocked
    def make(data, segar=False):
        dokumen = (selectors.dokumen_lkj(page.periode, tahun) if segar else page.dokumen) or Dokumen(
            periode=page.periode, jenis=Dokumen.Jenis.LKJ, tahun=tahun)
        initial = {"versi": page.versi_segar(segar)}
        if dokumen.camat_id is None:
            initial.update(camat=selectors.camat_of(page.periode).first(), ttd_tempat=page.periode.kecamatan.nama)
        return dokumen_forms.PenandatanganForm(data, instance=dokumen, initial=initial,
                                               kecamatan=page.periode.kecamatan)

    form = make(post)
    if post is not None and form.is_valid():
        d = form.cleaned_data
        response, form = simpan_form(request, form, lambda: core_services.simpan_penandatangan(
            dokumen=form.instance, camat=d["camat"], tempat=d["ttd_tempat"], tanggal=d["ttd_tanggal"],
            hanya_bulan=d["ttd_hanya_bulan"], by=request.user, versi=d["versi"],
        ), success=f"Penanda tangan LKj {tahun} disimpan.", back=back, make=make)
        if response is not None:
            return response
    return render(request, "kecamatan/lkj/form.html", page.context(form=form, judul=f"Penanda tangan LKj {tahun}"))


def _kecamatan_pembanding(request, page: LkjPage) -> Kecamatan | None:
    """The kecamatan whose values are shown: ?kecamatan=<slug> among the others of the kabupaten,
    else the one chosen in the year's settings."""
    slug = request.POST.get("kecamatan") or request.GET.get("kecamatan")
    if slug:
        kecamatan = selectors.kecamatan_lain(page.periode).filter(slug=slug).first()
        if kecamatan is None:
            raise Http404("Kecamatan pembanding tidak ditemukan.")
        return kecamatan
    pengaturan = selectors.pengaturan(page.periode, page.tahun)
    return pengaturan.kecamatan_pembanding if pengaturan else None


@login_required
def lkj_pembanding(request, pk: int, tahun: int):
    page = _page(request, pk, tahun)
    kecamatan = _kecamatan_pembanding(request, page)
    indikator = selectors.indikator_rows(page.periode)
    post = request.POST if request.method == "POST" and kecamatan is not None else None
    back = page.url("lkj_pembanding") + (f"?kecamatan={kecamatan.slug}" if kecamatan else "")
    if post is not None:
        if (blocked := _post_blocked(request, page, back)) is not None:
            return blocked
        if any(forms.unknown_ids(post, prefix, [ind.pk for _, ind in indikator]) for prefix in ("nilai_", "sumber_")):
            raise Http404("Indikator tidak ditemukan.")
    form = None
    if kecamatan is not None:
        def make(data, segar=False):
            existing = selectors.nilai_pembanding(page.periode, tahun, kecamatan)
            initial = {"versi": page.versi_segar(segar)}
            for _, ind in indikator:
                row = existing.get(ind.pk)
                initial[f"nilai_{ind.pk}"] = row.as_nilai if row else Nilai()
                initial[f"sumber_{ind.pk}"] = row.sumber if row else ""
            return forms.NilaiPembandingForm(data, initial=initial, indikator=indikator)

        form = make(post)
        if post is not None and form.is_valid():
            response, form = simpan_form(request, form, lambda: services.simpan_nilai_pembanding(
                periode=page.periode, tahun=tahun, kecamatan=kecamatan, values=form.values(),
                versi=form.cleaned_data["versi"], by=request.user,
            ), success=f"Nilai pembanding Kecamatan {kecamatan.nama} {tahun} disimpan.", back=back, make=make)
            if response is not None:
                return response
    return render(request, "kecamatan/lkj/pembanding.html", page.context(
        form=form, kecamatan=kecamatan, pilihan=selectors.kecamatan_lain(page.periode),
        judul=f"Nilai pembanding {tahun}"))
