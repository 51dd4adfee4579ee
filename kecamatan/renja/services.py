"""Writes to the Renja of a year: one function per thing a person does. Each takes keyword
arguments (the acting user too), checks permission and the document's state (a submitted or
verified Renja is read-only: `Dokumen.is_locked`), validates, writes a Riwayat row and bumps the
document's version, all in one transaction.

Who may edit is the app's one rule (`access.can_edit`): the kecamatan's operator and Camat;
Bappeda and the kabupaten admin read only. Submitting and verifying go through the workflow
services of `kecamatan.dokumen.services` (Dokumen jenis renja).
"""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from kecamatan.core import access
from kecamatan.core.formatting import Nilai
from kecamatan.dokumen.services import check_editable
from kecamatan.models import (
    Aktivitas,
    AnalisisKinerjaPelayanan,
    Camat,
    Dokumen,
    Indikator,
    Kegiatan,
    Pagu,
    Periode,
    Program,
    Realisasi,
    RenjaSubKegiatan,
    ReviewRanwal,
    Riwayat,
    SubKegiatan,
    TahapTarget,
    TargetRenja,
    UsulanPemangku,
)


def can_edit_renja(user, periode: Periode) -> bool:
    return access.can_edit(user, periode)


def _check(*, dokumen: Dokumen, by, versi: int | None = None) -> Dokumen:
    """The document, locked for this transaction, if `by` may change it now at `versi` (the version
    the page was loaded with; a newer one raises Bentrok with what changed, nothing is written)."""
    dokumen = Dokumen.objects.select_for_update().select_related("periode").get(pk=dokumen.pk)
    if not can_edit_renja(by, dokumen.periode):
        raise PermissionDenied("Anda tidak berwenang mengubah Renja ini.")
    if dokumen.jenis != Dokumen.Jenis.RENJA:
        raise ValidationError("Dokumen ini bukan Renja.")
    if dokumen.is_locked:
        raise ValidationError(
            f"Renja {dokumen.tahun} berstatus {dokumen.get_status_display()}; isinya tidak dapat diubah."
        )
    check_editable(dokumen, by, versi)
    return dokumen


def _catat(dokumen: Dokumen, by, catatan: str) -> None:
    dokumen.versi += 1
    dokumen.save(update_fields=["versi"])
    Riwayat.objects.create(dokumen=dokumen, oleh=by, aksi=Riwayat.Aksi.UBAH, dari_status=dokumen.status,
                           ke_status=dokumen.status, versi=dokumen.versi, catatan=catatan)


def _set_pagu(sub: SubKegiatan, tahun: int, tahap: str, jumlah: Decimal | None) -> None:
    if jumlah is None:
        Pagu.objects.filter(subkegiatan=sub, tahun=tahun, tahap=tahap).delete()
        return
    pagu = Pagu.objects.filter(subkegiatan=sub, tahun=tahun, tahap=tahap).first() or Pagu(
        subkegiatan=sub, tahun=tahun, tahap=tahap
    )
    pagu.jumlah = jumlah
    pagu.full_clean()
    pagu.save()


def _set_target(ind: Indikator, tahun: int, tahap: str, value: Nilai) -> None:
    if value.is_empty:
        TargetRenja.objects.filter(indikator=ind, tahun=tahun, tahap=tahap).delete()
        return
    target = TargetRenja.objects.filter(indikator=ind, tahun=tahun, tahap=tahap).first() or TargetRenja(
        indikator=ind, tahun=tahun, tahap=tahap
    )
    target.set_nilai(value)
    target.full_clean()
    target.save()


def _periode_id(node) -> int:
    if isinstance(node, Program):
        return node.periode_id
    if isinstance(node, Kegiatan):
        return node.program.periode_id
    return node.kegiatan.program.periode_id


# -- the document ---------------------------------------------------------------------------------

@transaction.atomic
def mulai_renja(*, periode: Periode, tahun: int, by) -> Dokumen:
    """Start the Renja of a year (idempotent): a draft signed by the kecamatan's latest Camat."""
    if not can_edit_renja(by, periode):
        raise PermissionDenied("Anda tidak berwenang menyusun Renja kecamatan ini.")
    existing = Dokumen.objects.filter(periode=periode, jenis=Dokumen.Jenis.RENJA, tahun=tahun).first()
    if existing is not None:
        return existing
    camat = Camat.objects.filter(kecamatan=periode.kecamatan).order_by("-mulai", "-pk").first()
    dokumen = Dokumen(periode=periode, jenis=Dokumen.Jenis.RENJA, tahun=tahun, camat=camat,
                      ttd_tempat=periode.kecamatan.nama)
    dokumen.full_clean()
    dokumen.save()
    Riwayat.objects.create(dokumen=dokumen, oleh=by, aksi=Riwayat.Aksi.BUAT, ke_status=dokumen.status)
    return dokumen


# -- sub-kegiatan of the Renja (T-C.33) -----------------------------------------------------------

@transaction.atomic
def tambah_subkegiatan(*, dokumen: Dokumen, subkegiatan: SubKegiatan, by, versi: int | None = None) -> RenjaSubKegiatan:
    dokumen = _check(dokumen=dokumen, by=by, versi=versi)
    if RenjaSubKegiatan.objects.filter(dokumen=dokumen, subkegiatan=subkegiatan).exists():
        raise ValidationError({"subkegiatan": f"{subkegiatan.kode} sudah ada di Renja {dokumen.tahun}."})
    rincian = RenjaSubKegiatan(dokumen=dokumen, subkegiatan=subkegiatan,
                               lokasi=f"Kec. {dokumen.periode.kecamatan.nama}")
    rincian.full_clean()
    rincian.save()
    _catat(dokumen, by, f"Sub kegiatan {subkegiatan.kode} ditambahkan.")
    return rincian


@transaction.atomic
def hapus_subkegiatan(*, dokumen: Dokumen, subkegiatan: SubKegiatan, by, versi: int | None = None) -> None:
    """Take a sub-kegiatan out of the Renja with everything the Renja set for it (aktivitas, dana of
    year n, prakiraan maju, targets of n and n+1); its Renstra stays."""
    dokumen = _check(dokumen=dokumen, by=by, versi=versi)
    n = dokumen.tahun
    RenjaSubKegiatan.objects.filter(dokumen=dokumen, subkegiatan=subkegiatan).delete()
    Pagu.objects.filter(subkegiatan=subkegiatan, tahun=n, tahap=Pagu.Tahap.RENJA).delete()
    Pagu.objects.filter(subkegiatan=subkegiatan, tahun=n + 1, tahap=Pagu.Tahap.PRAKIRAAN).delete()
    TargetRenja.objects.filter(indikator__subkegiatan=subkegiatan, tahun=n, tahap=TahapTarget.RENJA).delete()
    TargetRenja.objects.filter(indikator__subkegiatan=subkegiatan, tahun=n + 1, tahap=TahapTarget.PRAKIRAAN).delete()
    _catat(dokumen, by, f"Sub kegiatan {subkegiatan.kode} dikeluarkan dari Renja.")


@transaction.atomic
def simpan_rincian(*, dokumen: Dokumen, subkegiatan: SubKegiatan, lokasi: str, sumber_dana: str, catatan: str,
                   dana: Decimal | None, prakiraan: Decimal | None, targets: dict[int, tuple[Nilai, Nilai]],
                   aktivitas: list[dict], by, versi: int | None = None) -> RenjaSubKegiatan:
    """Save what the Renja of year n says about one sub-kegiatan. Its dana of year n has one source:
    the sum of its aktivitas when it has any (then no renja Pagu is kept), else the `dana` typed;
    likewise its prakiraan maju n+1: the sum of the aktivitas' own `prakiraan` when one has any
    (then no prakiraan Pagu is kept), else the `prakiraan` typed."""
    dokumen = _check(dokumen=dokumen, by=by, versi=versi)
    n = dokumen.tahun
    rincian = RenjaSubKegiatan.objects.filter(dokumen=dokumen, subkegiatan=subkegiatan).first()
    if rincian is None:
        raise ValidationError(f"Sub kegiatan {subkegiatan.kode} belum ada di Renja {n}; tambahkan dulu.")
    if aktivitas and dana is not None:
        raise ValidationError({"dana": "Dana sub kegiatan ini dijumlahkan dari aktivitasnya; kosongkan isian ini "
                                       "atau hapus semua aktivitas."})
    itemised_n1 = any(item.get("prakiraan") is not None for item in aktivitas)
    if itemised_n1 and prakiraan is not None:
        raise ValidationError({"prakiraan": f"Prakiraan maju {n + 1} dijumlahkan dari prakiraan aktivitasnya; "
                                            "kosongkan isian ini atau kosongkan prakiraan semua aktivitas."})
    rincian.lokasi, rincian.sumber_dana, rincian.catatan = lokasi, sumber_dana, catatan
    rincian.full_clean()
    rincian.save()

    # in place, by position: an aktivitas keeps its id (an Excel template downloaded earlier names it)
    old = list(rincian.aktivitas.order_by("urutan", "pk"))
    for urutan, item in enumerate(aktivitas, start=1):
        akt = old[urutan - 1] if urutan <= len(old) else Aktivitas(rincian=rincian)
        akt.urutan = urutan
        for name, value in item.items():
            setattr(akt, name, value)
        akt.full_clean()
        akt.save()
    Aktivitas.objects.filter(pk__in=[a.pk for a in old[len(aktivitas):]]).delete()
    _set_pagu(subkegiatan, n, Pagu.Tahap.RENJA, None if aktivitas else dana)
    _set_pagu(subkegiatan, n + 1, Pagu.Tahap.PRAKIRAAN, None if itemised_n1 else prakiraan)

    own = {ind.pk: ind for ind in Indikator.objects.filter(subkegiatan=subkegiatan)}
    for ind_id, (target_n, target_n1) in targets.items():
        if ind_id not in own:
            raise ValidationError("Indikator tidak termasuk sub kegiatan ini.")
        _set_target(own[ind_id], n, TahapTarget.RENJA, target_n)
        _set_target(own[ind_id], n + 1, TahapTarget.PRAKIRAAN, target_n1)
    _catat(dokumen, by, f"Rincian {subkegiatan.kode} disimpan.")
    return rincian


# -- targets, evaluation, service analysis --------------------------------------------------------

@transaction.atomic
def simpan_target_renja(*, dokumen: Dokumen, values: dict[int, tuple[Nilai, Nilai]], by,
                        versi: int | None = None) -> None:
    """Renja targets of year n and prakiraan n+1 of program, kegiatan, tujuan and sasaran indicators."""
    dokumen = _check(dokumen=dokumen, by=by, versi=versi)
    n = dokumen.tahun
    indikator = {i.pk: i for i in Indikator.objects.filter(periode=dokumen.periode, pk__in=values)}
    for ind_id, (target_n, target_n1) in values.items():
        ind = indikator.get(ind_id)
        if ind is None:
            raise ValidationError("Indikator tidak termasuk Renstra Renja ini.")
        _set_target(ind, n, TahapTarget.RENJA, target_n)
        _set_target(ind, n + 1, TahapTarget.PRAKIRAAN, target_n1)
    _catat(dokumen, by, "Target Renja disimpan.")


def evaluasi_terkunci(periode: Periode, tahun: int) -> dict[str, str]:
    """Which T-C.29 inputs of the Renja of `tahun` belong to another document of the app and are
    therefore read-only here: the Renja target of n-2 and n-1 if those Renja are in the app, the
    realisasi of n-2 if realisasi documents of that year are."""
    n2, n1 = tahun - 2, tahun - 1
    docs = set(
        Dokumen.objects.filter(periode=periode, tahun__in=[n2, n1]).values_list("jenis", "tahun")
    )
    out = {}
    if (Dokumen.Jenis.RENJA, n2) in docs:
        out["target_n2"] = f"diisi pada Renja {n2}"
    if (Dokumen.Jenis.RENJA, n1) in docs:
        out["target_n1"] = f"diisi pada Renja {n1}"
    if (Dokumen.Jenis.REALISASI, n2) in docs:
        out["realisasi_n2"] = f"diisi pada laporan realisasi {n2}"
    return out


@transaction.atomic
def simpan_evaluasi(*, dokumen: Dokumen, values: dict[int, dict[str, Nilai]], by, versi: int | None = None) -> None:
    """What T-C.29 evaluates for each indicator: the Renja target of n-2, its realisasi, the Renja
    target of n-1 (values keyed target_n2, realisasi_n2, target_n1)."""
    dokumen = _check(dokumen=dokumen, by=by, versi=versi)
    n = dokumen.tahun
    locked = evaluasi_terkunci(dokumen.periode, n)
    indikator = {i.pk: i for i in Indikator.objects.filter(periode=dokumen.periode, pk__in=values)}
    for ind_id, row in values.items():
        ind = indikator.get(ind_id)
        if ind is None:
            raise ValidationError("Indikator tidak termasuk Renstra Renja ini.")
        for key in row:
            if key in locked:
                raise ValidationError(f"Nilai ini {locked[key]}, bukan di evaluasi Renja {n}.")
        if "target_n2" in row:
            _set_target(ind, n - 2, TahapTarget.RENJA, row["target_n2"])
        if "target_n1" in row:
            _set_target(ind, n - 1, TahapTarget.RENJA, row["target_n1"])
        if "realisasi_n2" in row:
            value = row["realisasi_n2"]
            if Realisasi.objects.filter(indikator=ind, tahun=n - 2, triwulan__lt=4).exists():
                raise ValidationError(f"Realisasi {n - 2} '{ind}' dilaporkan per triwulan; ubah di laporan realisasi.")
            if value.is_empty:
                Realisasi.objects.filter(indikator=ind, tahun=n - 2, triwulan=4).delete()
            else:
                realisasi = Realisasi.objects.filter(indikator=ind, tahun=n - 2, triwulan=4).first() or Realisasi(
                    indikator=ind, tahun=n - 2, triwulan=4
                )
                realisasi.set_nilai(value)
                if value.nilai is None and not realisasi.keterangan:
                    realisasi.keterangan = f"Dicatat pada evaluasi Renja {n} (T-C.29)."
                realisasi.full_clean()
                realisasi.save()
    _catat(dokumen, by, "Evaluasi Renja tahun lalu (T-C.29) disimpan.")


@transaction.atomic
def simpan_analisis_kinerja(*, dokumen: Dokumen, values: dict[int, dict], by, versi: int | None = None) -> None:
    """SPM, IKK and catatan analisis of tujuan/sasaran indicators (T-C.30)."""
    dokumen = _check(dokumen=dokumen, by=by, versi=versi)
    indikator = {i.pk: i for i in Indikator.objects.filter(periode=dokumen.periode, pk__in=values)}
    for ind_id, row in values.items():
        ind = indikator.get(ind_id)
        if ind is None:
            raise ValidationError("Indikator tidak termasuk Renstra Renja ini.")
        analisis = AnalisisKinerjaPelayanan.objects.filter(dokumen=dokumen, indikator=ind).first() or (
            AnalisisKinerjaPelayanan(dokumen=dokumen, indikator=ind)
        )
        analisis.spm, analisis.spm_label = row["spm"].nilai, row["spm"].label
        analisis.ikk, analisis.ikk_label = row["ikk"].nilai, row["ikk"].label
        analisis.catatan = row["catatan"]
        analisis.full_clean()
        analisis.save()
    _catat(dokumen, by, "Analisis kinerja pelayanan (T-C.30) disimpan.")


# -- T-C.31 and T-C.32 rows -----------------------------------------------------------------------

@transaction.atomic
def simpan_review_ranwal(*, dokumen: Dokumen, baris: ReviewRanwal | None, data: dict, node, by,
                         versi: int | None = None) -> ReviewRanwal:
    """Add (baris None) or change a row of T-C.31. `node` is the program, kegiatan or sub-kegiatan
    of the needs side, or None."""
    dokumen = _check(dokumen=dokumen, by=by, versi=versi)
    if baris is not None and baris.dokumen_id != dokumen.pk:
        raise PermissionDenied("Baris ini bukan milik Renja ini.")
    if baris is None:
        baris = ReviewRanwal(dokumen=dokumen)
    for field, value in data.items():
        setattr(baris, field, value)
    baris.program = node if isinstance(node, Program) else None
    baris.kegiatan = node if isinstance(node, Kegiatan) else None
    baris.subkegiatan = node if isinstance(node, SubKegiatan) else None
    if node is not None and _periode_id(node) != dokumen.periode_id:
        raise ValidationError({"kebutuhan": "Pilih program/kegiatan dari Renstra yang sama."})
    clash = ReviewRanwal.objects.filter(dokumen=dokumen, urutan=baris.urutan).exclude(pk=baris.pk)
    if clash.exists():
        # make room: rows from this number on move one down, so a row can be inserted anywhere
        for row in ReviewRanwal.objects.filter(dokumen=dokumen, urutan__gte=baris.urutan).exclude(
            pk=baris.pk
        ).order_by("-urutan"):
            row.urutan += 1
            row.save(update_fields=["urutan"])
    baris.full_clean()
    baris.save()
    _catat(dokumen, by, f"Review Ranwal RKPD baris {baris.urutan} disimpan.")
    return baris


@transaction.atomic
def hapus_review_ranwal(*, dokumen: Dokumen, baris: ReviewRanwal, by, versi: int | None = None) -> None:
    dokumen = _check(dokumen=dokumen, by=by, versi=versi)
    if baris.dokumen_id != dokumen.pk:
        raise PermissionDenied("Baris ini bukan milik Renja ini.")
    baris.delete()
    _catat(dokumen, by, f"Review Ranwal RKPD baris {baris.urutan} dihapus.")


@transaction.atomic
def simpan_usulan(*, dokumen: Dokumen, usulan: UsulanPemangku | None, data: dict, by,
                  versi: int | None = None) -> UsulanPemangku:
    dokumen = _check(dokumen=dokumen, by=by, versi=versi)
    if usulan is not None and usulan.dokumen_id != dokumen.pk:
        raise PermissionDenied("Usulan ini bukan milik Renja ini.")
    if usulan is None:
        last = UsulanPemangku.objects.filter(dokumen=dokumen).order_by("-urutan").first()
        usulan = UsulanPemangku(dokumen=dokumen, urutan=(last.urutan + 1) if last else 1)
    for field, value in data.items():
        setattr(usulan, field, value)
    usulan.full_clean()
    usulan.save()
    _catat(dokumen, by, "Usulan pemangku kepentingan disimpan.")
    return usulan


@transaction.atomic
def hapus_usulan(*, dokumen: Dokumen, usulan: UsulanPemangku, by, versi: int | None = None) -> None:
    dokumen = _check(dokumen=dokumen, by=by, versi=versi)
    if usulan.dokumen_id != dokumen.pk:
        raise PermissionDenied("Usulan ini bukan milik Renja ini.")
    usulan.delete()
    _catat(dokumen, by, "Usulan pemangku kepentingan dihapus.")
