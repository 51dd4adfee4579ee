"""Writes. One function per thing a person does: keyword-only arguments, the acting user among
them; each checks permission and the document's state, runs full_clean, writes a Riwayat row,
all in one transaction.

Every piece of data belongs to one workflow document, which locks it once submitted:
- the cascade (tujuan … sub-kegiatan, indicators, targets, pagu of stage Renstra) → Renstra;
- pagu of the stages rancangan/renja/perubahan of year N → Renja N;
- realisasi and realisasi anggaran of year N, triwulan T → Realisasi N TW T.

No lost update: a save names the document version its page was loaded with (`versi`); if someone
saved in between, `Bentrok` is raised with their changes and nothing is written.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction

from kecamatan.core import access
from kecamatan.core.formatting import Nilai, format_nilai, format_rupiah
from kecamatan.models import (
    CatatanItem, Dokumen, Indikator, Kegiatan, Pagu, Periode, Program, Realisasi, RealisasiAnggaran, Riwayat,
    Sasaran, SubKegiatan, Target, Tujuan,
)
from kecamatan.models.dokumen import TW_ROMAWI, parse_kunci

Status = Dokumen.Status
CONTENT_CHANGES = (Riwayat.Aksi.UBAH, Riwayat.Aksi.IMPOR)  # what a concurrent editor is shown on a conflict


class Bentrok(Exception):
    """Someone saved the same document after this page was loaded; `riwayat` says what they changed."""

    def __init__(self, dokumen: Dokumen, versi_dimuat: int, riwayat: list[Riwayat]):
        self.dokumen, self.versi_dimuat, self.riwayat = dokumen, versi_dimuat, riwayat
        super().__init__(self.pesan)

    @property
    def pesan(self) -> str:
        oleh = ", ".join(sorted({r.oleh.username if r.oleh else "sistem" for r in self.riwayat})) or "pengguna lain"
        return (
            f"Isian Anda TIDAK disimpan: {self.dokumen.judul} sudah diubah oleh {oleh} sejak halaman ini Anda buka "
            f"(versi {self.versi_dimuat} → {self.dokumen.versi}). Periksa perubahan mereka di bawah, muat ulang "
            f"halaman, lalu ketik lagi perubahan Anda."
        )


# --- documents -------------------------------------------------------------------------------


def _lock_dokumen(periode: Periode, jenis: str, tahun: int | None = None, triwulan: int | None = None, *,
                  by=None) -> Dokumen:
    """The document, created on first use, locked for the rest of the transaction."""
    if tahun is not None and not (periode.tahun_mulai <= tahun <= periode.tahun_selesai):
        raise ValidationError(f"Tahun {tahun} di luar periode Renstra {periode.label}.")
    dokumen, created = Dokumen.objects.get_or_create(
        periode=periode, jenis=jenis, tahun=tahun, triwulan=triwulan, defaults={"versi": 0}
    )
    if created:
        dokumen.full_clean()
        Riwayat.objects.create(dokumen=dokumen, oleh=by, aksi=Riwayat.Aksi.BUAT, ke_status=dokumen.status,
                               versi=dokumen.versi)
    return Dokumen.objects.select_for_update().select_related("periode__kecamatan").get(pk=dokumen.pk)


def _dokumen_by_kunci(periode: Periode, kunci: str, by) -> Dokumen:
    parsed = parse_kunci(kunci)
    if parsed is None:
        raise ValidationError("Dokumen tidak dikenal.")
    return _lock_dokumen(periode, *parsed, by=by)


def _check_editable(dokumen: Dokumen, by, versi: int | None) -> None:
    if not access.can_edit(by, dokumen.periode):
        raise PermissionDenied("Hanya operator dan Camat kecamatan ini yang dapat mengubah data.")
    if dokumen.is_locked:
        raise ValidationError(
            f"{dokumen.judul} berstatus {dokumen.get_status_display()}: isinya tidak dapat diubah. "
            + ("Minta Bappeda mengembalikannya bila perlu diperbaiki." if dokumen.status == Status.DIAJUKAN
               else "Hanya Bappeda yang dapat membukanya kembali.")
        )
    if versi is not None and versi != dokumen.versi:
        newer = list(dokumen.riwayat.filter(versi__gt=versi, aksi__in=CONTENT_CHANGES).select_related("oleh"))
        raise Bentrok(dokumen, versi, newer)


def _record_change(dokumen: Dokumen, by, perubahan: list[dict], catatan: str = "",
                   aksi: str = Riwayat.Aksi.UBAH) -> Dokumen:
    """Bump the version; a returned document becomes a draft again once its fix is saved."""
    dari = dokumen.status
    dokumen.versi += 1
    if dokumen.status == Status.DIKEMBALIKAN:
        dokumen.status = Status.DRAFT
    dokumen.full_clean()
    dokumen.save(update_fields=["versi", "status"])
    Riwayat.objects.create(
        dokumen=dokumen, oleh=by, aksi=aksi, dari_status=dari, ke_status=dokumen.status,
        versi=dokumen.versi, perubahan=perubahan,
        catatan=catatan or f"{len(perubahan)} isian diubah.",
    )
    return dokumen


def _transition(dokumen: Dokumen, by, aksi: str, ke: str, catatan: str = "") -> Riwayat:
    dari = dokumen.status
    dokumen.status = ke
    dokumen.full_clean()
    dokumen.save(update_fields=["status"])
    return Riwayat.objects.create(dokumen=dokumen, oleh=by, aksi=aksi, dari_status=dari, ke_status=ke,
                                  versi=dokumen.versi, catatan=catatan)


def belum_diisi(periode: Periode, tahun: int, triwulan: int) -> int:
    """Indicators of the period that have no realisasi (value or label) for this triwulan."""
    return (
        Indikator.objects.filter(periode=periode)
        .exclude(realisasi__tahun=tahun, realisasi__triwulan=triwulan)
        .count()
    )


class AdaGalat(ValidationError):
    """The consistency check still finds galat in the document: submitting needs an explicit
    confirmation (`konfirmasi_galat=True`); `hasil` holds the document's findings to show."""

    def __init__(self, dokumen: Dokumen, hasil):
        self.dokumen, self.hasil = dokumen, hasil
        super().__init__(
            f"{dokumen.judul} belum diajukan: pemeriksaan konsistensi masih menemukan {hasil.galat} galat. "
            "Perbaiki dulu; bila galat itu memang tidak dapat diperbaiki sekarang, centang konfirmasi lalu "
            "ajukan lagi (jumlah galat dicatat di riwayat dokumen)."
        )


@transaction.atomic
def ajukan_dokumen(*, periode: Periode, kunci: str, by, konfirmasi_galat: bool = False) -> Dokumen:
    """Camat submits a draft to Bappeda; a realisasi must be complete first. The consistency check
    runs on the document: with galat left, it is submitted only when the Camat confirms, and the
    timeline records how many galat and peringatan it went with."""
    dokumen = _dokumen_by_kunci(periode, kunci, by)
    if not access.can_submit(by, periode):
        raise PermissionDenied("Hanya Camat kecamatan ini yang dapat mengajukan dokumen.")
    if dokumen.status != Status.DRAFT:
        raise ValidationError(
            f"Hanya dokumen berstatus Draf yang dapat diajukan; {dokumen.judul} berstatus "
            f"{dokumen.get_status_display()}."
            + (" Simpan perbaikan sesuai catatan Bappeda lebih dulu." if dokumen.status == Status.DIKEMBALIKAN else "")
        )
    if dokumen.jenis == Dokumen.Jenis.REALISASI:
        kosong = belum_diisi(periode, dokumen.tahun, dokumen.triwulan)
        if kosong:
            raise ValidationError(
                f"{dokumen.judul} belum lengkap: {kosong} indikator belum diisi. Isi angkanya, atau N/A dengan alasannya."
            )
    from kecamatan.checks.selectors import periksa
    from kecamatan.checks.services import simpan_hasil

    hasil = periksa(periode.pk, dokumen.tahun or periode.tahun_mulai)
    simpan_hasil(hasil)
    mine = hasil.untuk(dokumen.kunci)
    if mine.galat and not konfirmasi_galat:
        raise AdaGalat(dokumen, mine)
    catatan = (f"Diajukan dengan {mine.galat} galat dan {mine.peringatan} peringatan pemeriksaan konsistensi."
               if mine.temuan else "")
    _transition(dokumen, by, Riwayat.Aksi.AJUKAN, Status.DIAJUKAN, catatan)
    return dokumen


@transaction.atomic
def verifikasi_dokumen(*, periode: Periode, kunci: str, by, catatan: str = "") -> Dokumen:
    dokumen = _dokumen_by_kunci(periode, kunci, by)
    if not access.can_verify(by):
        raise PermissionDenied("Hanya verifikator Bappeda yang dapat memverifikasi dokumen.")
    if dokumen.status != Status.DIAJUKAN:
        raise ValidationError(f"Hanya dokumen berstatus Diajukan yang dapat diverifikasi; {dokumen.judul} berstatus "
                              f"{dokumen.get_status_display()}.")
    _transition(dokumen, by, Riwayat.Aksi.VERIFIKASI, Status.DIVERIFIKASI, catatan.strip())
    return dokumen


@transaction.atomic
def kembalikan_dokumen(*, periode: Periode, kunci: str, by, catatan: str,
                       catatan_indikator: Mapping[int, str] | None = None,
                       catatan_subkegiatan: Mapping[int, str] | None = None) -> Dokumen:
    """Bappeda returns a submitted document with a general note and optional notes per row."""
    dokumen = _dokumen_by_kunci(periode, kunci, by)
    if not access.can_verify(by):
        raise PermissionDenied("Hanya verifikator Bappeda yang dapat mengembalikan dokumen.")
    if dokumen.status != Status.DIAJUKAN:
        raise ValidationError(f"Hanya dokumen berstatus Diajukan yang dapat dikembalikan; {dokumen.judul} berstatus "
                              f"{dokumen.get_status_display()}.")
    if not (catatan or "").strip():
        raise ValidationError({"catatan": "Tulis catatan: apa yang harus diperbaiki kecamatan."})
    per_indikator = {k: v.strip() for k, v in (catatan_indikator or {}).items() if v and v.strip()}
    per_sub = {k: v.strip() for k, v in (catatan_subkegiatan or {}).items() if v and v.strip()}
    valid_ind = set(Indikator.objects.filter(periode=periode, pk__in=per_indikator).values_list("pk", flat=True))
    valid_sub = set(SubKegiatan.objects.filter(kegiatan__program__periode=periode, pk__in=per_sub)
                    .values_list("pk", flat=True))
    if set(per_indikator) - valid_ind or set(per_sub) - valid_sub:
        raise ValidationError("Catatan merujuk ke baris yang bukan milik dokumen ini.")
    riwayat = _transition(dokumen, by, Riwayat.Aksi.KEMBALIKAN, Status.DIKEMBALIKAN, catatan.strip())
    CatatanItem.objects.bulk_create(
        [CatatanItem(riwayat=riwayat, indikator_id=pk, catatan=text) for pk, text in per_indikator.items()]
        + [CatatanItem(riwayat=riwayat, subkegiatan_id=pk, catatan=text) for pk, text in per_sub.items()]
    )
    return dokumen


@transaction.atomic
def buka_kembali_dokumen(*, periode: Periode, kunci: str, by, alasan: str) -> Dokumen:
    """Only Bappeda reopens a verified document (back to draft), and must say why."""
    dokumen = _dokumen_by_kunci(periode, kunci, by)
    if not access.can_verify(by):
        raise PermissionDenied("Hanya verifikator Bappeda yang dapat membuka kembali dokumen terverifikasi.")
    if dokumen.status != Status.DIVERIFIKASI:
        raise ValidationError(f"Hanya dokumen berstatus Diverifikasi yang dapat dibuka kembali; {dokumen.judul} "
                              f"berstatus {dokumen.get_status_display()}.")
    if not (alasan or "").strip():
        raise ValidationError({"alasan": "Tulis alasan membuka kembali dokumen yang sudah diverifikasi."})
    _transition(dokumen, by, Riwayat.Aksi.BUKA_KEMBALI, Status.DRAFT, alasan.strip())
    return dokumen


# --- triwulan realisasi ----------------------------------------------------------------------


def _field_errors(exc: ValidationError, mapping: Mapping[str, str]) -> dict[str, list[str]]:
    """Model field errors → form field names (nilai → nilai_12)."""
    out: dict[str, list[str]] = {}
    for field, messages in exc.message_dict.items():
        target = mapping.get(field) or mapping.get(NON_FIELD_ERRORS)
        out.setdefault(target, []).extend(messages)
    return out


def _nilai_text(nilai: Decimal | None, label: str) -> str:
    return format_nilai(Nilai(nilai, label))


@transaction.atomic
def save_realisasi_triwulan(
    *,
    periode: Periode,
    tahun: int,
    triwulan: int,
    versi: int,
    indikator: Mapping[int, tuple[Nilai, str]],
    anggaran: Mapping[int, Decimal | None],
    by,
) -> Dokumen:
    """Save a whole triwulan page at once: the quarter's realisasi of every indicator (value or
    label + keterangan; empty removes it) and the quarter's Rp per sub-kegiatan (empty removes it).
    Any error: ValidationError keyed by the form's field names, nothing written."""
    if triwulan not in TW_ROMAWI:
        raise ValidationError("Triwulan harus 1 sampai 4.")
    dokumen = _lock_dokumen(periode, Dokumen.Jenis.REALISASI, tahun, triwulan, by=by)
    _check_editable(dokumen, by, versi)
    tw = TW_ROMAWI[triwulan]

    indikator_by_pk = {i.pk: i for i in Indikator.objects.filter(periode=periode, pk__in=indikator)}
    sub_by_pk = {s.pk: s for s in SubKegiatan.objects.filter(kegiatan__program__periode=periode, pk__in=anggaran)
                 .select_related("nomenklatur")}
    if set(indikator) - set(indikator_by_pk) or set(anggaran) - set(sub_by_pk):
        raise ValidationError("Halaman memuat baris yang bukan milik Renstra ini. Muat ulang halaman.")
    existing = {r.indikator_id: r for r in Realisasi.objects.filter(indikator__in=indikator_by_pk, tahun=tahun,
                                                                      triwulan=triwulan)}
    existing_rp = {r.subkegiatan_id: r for r in RealisasiAnggaran.objects.filter(subkegiatan__in=sub_by_pk, tahun=tahun,
                                                                                   triwulan=triwulan)}
    errors: dict[str, list[str]] = {}
    to_save: list = []
    to_delete: list = []
    perubahan: list[dict] = []

    for pk, (nilai, keterangan) in indikator.items():
        keterangan = (keterangan or "").strip()
        row = existing.get(pk)
        item = f"Realisasi TW {tw}: {indikator_by_pk[pk].uraian}"
        dari = _nilai_text(row.nilai, row.label) if row else "-"
        if nilai.is_empty and not keterangan:
            if row:
                to_delete.append(row)
                perubahan.append({"item": item, "dari": dari, "ke": "(kosong)"})
            continue
        if row and row.nilai == nilai.nilai and row.label == nilai.label and row.keterangan == keterangan:
            continue
        obj = row or Realisasi(indikator=indikator_by_pk[pk], tahun=tahun, triwulan=triwulan)
        obj.nilai, obj.label, obj.keterangan = nilai.nilai, nilai.label, keterangan
        try:
            obj.full_clean(validate_unique=False, validate_constraints=False)
        except ValidationError as exc:
            for field, messages in _field_errors(
                exc, {"nilai": f"nilai_{pk}", "label": f"nilai_{pk}", "keterangan": f"keterangan_{pk}",
                      NON_FIELD_ERRORS: f"nilai_{pk}"}
            ).items():
                errors.setdefault(field, []).extend(messages)
            continue
        to_save.append(obj)
        perubahan.append({"item": item, "dari": dari, "ke": _nilai_text(obj.nilai, obj.label)})

    for pk, jumlah in anggaran.items():
        row = existing_rp.get(pk)
        item = f"Realisasi Rp TW {tw}: {sub_by_pk[pk].kode} {sub_by_pk[pk].nama}"
        dari = format_rupiah(row.jumlah) if row else "-"
        if jumlah is None:
            if row:
                to_delete.append(row)
                perubahan.append({"item": item, "dari": dari, "ke": "(kosong)"})
            continue
        if jumlah < 0:
            errors.setdefault(f"rp_{pk}", []).append("Realisasi Rp tidak boleh negatif.")
            continue
        if row and row.jumlah == jumlah:
            continue
        obj = row or RealisasiAnggaran(subkegiatan=sub_by_pk[pk], tahun=tahun, triwulan=triwulan)
        obj.jumlah = jumlah
        try:
            obj.full_clean(validate_unique=False, validate_constraints=False)
        except ValidationError as exc:
            for field, messages in _field_errors(exc, {"jumlah": f"rp_{pk}", NON_FIELD_ERRORS: f"rp_{pk}"}).items():
                errors.setdefault(field, []).extend(messages)
            continue
        to_save.append(obj)
        perubahan.append({"item": item, "dari": dari, "ke": format_rupiah(obj.jumlah)})

    if errors:
        raise ValidationError(errors)
    if not perubahan and dokumen.status != Status.DIKEMBALIKAN:
        return dokumen  # nothing changed: no new version
    for obj in to_delete:
        obj._history_user = by
        obj.delete()
    for obj in to_save:
        obj._history_user = by
        obj.save()
    return _record_change(dokumen, by, perubahan,
                          catatan="Perbaikan disimpan tanpa mengubah angka." if not perubahan else "")


# --- editing from other modules -------------------------------------------------------------------


def lock_for_edit(periode: Periode, kunci: str, *, by, versi: int | None) -> Dokumen:
    """The document, locked for the rest of the transaction, if `by` may change it now at `versi`
    (else PermissionDenied, ValidationError or Bentrok): for the services of other modules."""
    dokumen = _dokumen_by_kunci(periode, kunci, by)
    _check_editable(dokumen, by, versi)
    return dokumen


def record_change(dokumen: Dokumen, by, perubahan: list[dict], catatan: str = "") -> Dokumen:
    """Bump the version of a document locked by `lock_for_edit` and write its Riwayat row."""
    return _record_change(dokumen, by, perubahan, catatan)


@transaction.atomic
def simpan_penandatangan(*, dokumen: Dokumen, camat, tempat: str, tanggal, hanya_bulan: bool, by,
                         versi: int | None = None) -> Dokumen:
    """Who signs a document (Renstra, Renja of a year …), where and when; refused once the document
    is submitted or verified."""
    dokumen = lock_for_edit(dokumen.periode, dokumen.kunci, by=by, versi=versi)
    dari = dokumen.camat.nama if dokumen.camat_id else "-"
    dokumen.camat, dokumen.ttd_tempat, dokumen.ttd_tanggal = camat, tempat, tanggal
    dokumen.ttd_hanya_bulan = hanya_bulan
    dokumen.full_clean()
    dokumen.save(update_fields=["camat", "ttd_tempat", "ttd_tanggal", "ttd_hanya_bulan"])
    ke = camat.nama if camat is not None else "-"
    return _record_change(dokumen, by, [{"item": "Penanda tangan", "dari": dari, "ke": ke}],
                          catatan="Penanda tangan diubah.")


# --- the Renstra cascade -----------------------------------------------------------------------


def periode_of(obj) -> Periode:
    """The Renstra period a cascade row belongs to (a period is its own)."""
    if isinstance(obj, Periode):
        return obj
    if isinstance(obj, (Tujuan, Program, Indikator)):
        return obj.periode
    if isinstance(obj, Sasaran):
        return obj.tujuan.periode
    if isinstance(obj, Kegiatan):
        return obj.program.periode
    if isinstance(obj, SubKegiatan):
        return obj.kegiatan.program.periode
    raise TypeError(f"not a cascade row: {obj!r}")


def _label(obj) -> str:
    name = obj._meta.verbose_name.capitalize()
    if isinstance(obj, (Program, Kegiatan, SubKegiatan)):
        return f"{name} {obj.nomenklatur.kode}"
    if isinstance(obj, Indikator):
        return f"Indikator '{obj.uraian[:80]}'"
    return f"{name} {obj.urutan}"


@transaction.atomic
def save_cascade_row(*, obj, by, versi: int) -> object:
    """Add or change a tujuan, sasaran, program, kegiatan or sub-kegiatan of a draft Renstra."""
    if not isinstance(obj, (Tujuan, Sasaran, Program, Kegiatan, SubKegiatan)):
        raise TypeError(f"not a cascade row: {obj!r}")
    periode = periode_of(obj)
    dokumen = _lock_dokumen(periode, Dokumen.Jenis.RENSTRA, by=by)
    _check_editable(dokumen, by, versi)
    baru = obj.pk is None
    obj.full_clean()
    obj.save()
    _record_change(dokumen, by, [{"item": _label(obj), "dari": "-" if baru else "(lama)", "ke": str(obj)[:200]}],
                   catatan=f"{_label(obj)} {'ditambahkan' if baru else 'diubah'}.")
    return obj


@transaction.atomic
def delete_cascade_row(*, obj, by, versi: int) -> None:
    """Remove a row of a draft Renstra with everything under it (indicators, targets, pagu)."""
    periode = periode_of(obj)
    dokumen = _lock_dokumen(periode, Dokumen.Jenis.RENSTRA, by=by)
    _check_editable(dokumen, by, versi)
    label, text = _label(obj), str(obj)[:200]
    obj.delete()
    _record_change(dokumen, by, [{"item": label, "dari": text, "ke": "(dihapus)"}], catatan=f"{label} dihapus.")


@transaction.atomic
def save_indikator(*, indikator: Indikator, targets: Mapping[int, Nilai], by, versi: int) -> Indikator:
    """Add or change an indicator with its targets for every year of the period (one grid)."""
    periode = periode_of(indikator.owner) if indikator.owner is not None else indikator.periode
    indikator.periode = periode
    dokumen = _lock_dokumen(periode, Dokumen.Jenis.RENSTRA, by=by)
    _check_editable(dokumen, by, versi)
    baru = indikator.pk is None
    indikator.full_clean()
    indikator.save()
    perubahan = [{"item": _label(indikator), "dari": "-" if baru else "(lama)", "ke": indikator.satuan}]
    existing = {t.tahun: t for t in Target.objects.filter(indikator=indikator)}
    errors: dict[str, list[str]] = {}
    for tahun, nilai in targets.items():
        if tahun not in periode.tahun_list:
            errors.setdefault(f"target_{tahun}", []).append(f"Tahun {tahun} di luar periode Renstra.")
            continue
        row = existing.get(tahun)
        if nilai.is_empty:
            if row:
                row._history_user = by
                row.delete()
                perubahan.append({"item": f"Target {tahun}", "dari": _nilai_text(row.nilai, row.label), "ke": "(kosong)"})
            continue
        if row and (row.nilai, row.label) == (nilai.nilai, nilai.label):
            continue
        dari = _nilai_text(row.nilai, row.label) if row else "-"
        obj = row or Target(indikator=indikator, tahun=tahun)
        obj.nilai, obj.label = nilai.nilai, nilai.label
        try:
            obj.full_clean(validate_unique=False, validate_constraints=False)
        except ValidationError as exc:
            for messages in exc.message_dict.values():
                errors.setdefault(f"target_{tahun}", []).extend(messages)
            continue
        obj._history_user = by
        obj.save()
        perubahan.append({"item": f"Target {tahun}", "dari": dari, "ke": _nilai_text(obj.nilai, obj.label)})
    if errors:
        raise ValidationError(errors)  # the atomic block undoes the rows saved above
    _record_change(dokumen, by, perubahan,
                   catatan=f"{_label(indikator)} {'ditambahkan' if baru else 'diubah'}.")
    return indikator


@transaction.atomic
def delete_indikator(*, indikator: Indikator, by, versi: int) -> None:
    dokumen = _lock_dokumen(indikator.periode, Dokumen.Jenis.RENSTRA, by=by)
    _check_editable(dokumen, by, versi)
    label = _label(indikator)
    for target in indikator.target.all():  # so the audit history records who removed each target
        target._history_user = by
        target.delete()
    indikator.delete()
    _record_change(dokumen, by, [{"item": label, "dari": "", "ke": "(dihapus)"}], catatan=f"{label} dihapus.")


def pagu_dokumen_kunci(tahap: str, tahun: int) -> str:
    """Which document a pagu cell belongs to: stage Renstra → the Renstra, other stages → Renja of the year."""
    return "renstra" if tahap == Pagu.Tahap.RENSTRA else f"renja-{tahun}"


@transaction.atomic
def save_pagu(*, subkegiatan: SubKegiatan, jumlah: Mapping[tuple[int, str], Decimal | None],
              versi: Mapping[str, int], by) -> SubKegiatan:
    """Pagu of one sub-kegiatan per year per stage; each cell is checked against its own document
    (Renstra or Renja of the year) for lock and version. Empty removes the cell."""
    periode = periode_of(subkegiatan)
    existing = {(p.tahun, p.tahap): p for p in Pagu.objects.filter(subkegiatan=subkegiatan)}
    changes: dict[str, list[tuple[tuple[int, str], Decimal | None]]] = {}
    errors: dict[str, list[str]] = {}
    for (tahun, tahap), value in jumlah.items():
        field = f"pagu_{tahun}_{tahap}"
        if tahun not in periode.tahun_list or tahap not in Pagu.Tahap.values:
            errors.setdefault(field, []).append("Kolom pagu tidak dikenal.")
            continue
        if value is not None and value < 0:
            errors.setdefault(field, []).append("Pagu tidak boleh negatif.")
            continue
        row = existing.get((tahun, tahap))
        if (row.jumlah if row else None) == value:
            continue
        changes.setdefault(pagu_dokumen_kunci(tahap, tahun), []).append(((tahun, tahap), value))
    if errors:
        raise ValidationError(errors)
    for kunci in sorted(changes):  # a fixed order, so two saves never wait on each other's locks
        dokumen = _dokumen_by_kunci(periode, kunci, by)
        try:
            _check_editable(dokumen, by, versi.get(kunci, 0))
        except ValidationError as exc:
            raise ValidationError({f"pagu_{t}_{tahap}": exc.messages for (t, tahap), _ in changes[kunci]}) from None
        perubahan = []
        for (tahun, tahap), value in changes[kunci]:
            row = existing.get((tahun, tahap))
            item = f"Pagu {Pagu.Tahap(tahap).label} {tahun}: {subkegiatan.kode}"
            dari = format_rupiah(row.jumlah) if row else "-"
            if value is None:
                row._history_user = by
                row.delete()
                perubahan.append({"item": item, "dari": dari, "ke": "(kosong)"})
                continue
            obj = row or Pagu(subkegiatan=subkegiatan, tahun=tahun, tahap=tahap)
            obj.jumlah = value
            obj.full_clean(validate_unique=False, validate_constraints=False)
            obj._history_user = by
            obj.save()
            perubahan.append({"item": item, "dari": dari, "ke": format_rupiah(value)})
        _record_change(dokumen, by, perubahan)
    return subkegiatan


# --- Excel import --------------------------------------------------------------------------------


class ImporDitolak(ValidationError):
    """The upload has errors (each at its sheet, row and column): nothing was written."""

    def __init__(self, preview):
        self.preview = preview
        super().__init__([str(e) for e in preview.errors])


@transaction.atomic
def import_xlsx(*, periode: Periode, kunci: str, content: bytes, nama_file: str, versi: int, by):
    """Write what an uploaded template changes, all or nothing. `versi` is the document version the
    preview was shown at: if anyone saved since, `Bentrok` (the user must look at a fresh preview).
    The file is parsed and validated again here, under the document's lock. Returns the Preview of
    what was written; raises `importing.base.FileError`, `ImporDitolak`, `Bentrok`, `ValidationError`
    (locked document) or `PermissionDenied`."""
    from kecamatan.importing import documents, writers
    from kecamatan.dokumen.selectors import dokumen_for

    if not access.can_edit(by, periode):
        raise PermissionDenied("Hanya operator dan Camat kecamatan ini yang dapat mengimpor data.")
    if refusal := documents.refusal(dokumen_for(periode, kunci)):  # before a lock would create the document
        raise ValidationError(refusal)
    dokumen = _dokumen_by_kunci(periode, kunci, by)
    _check_editable(dokumen, by, versi)
    preview = documents.preview_upload(periode, dokumen, content)
    if preview.errors:
        raise ImporDitolak(preview)
    if not preview.changes:
        return preview  # the same file twice: nothing to write, no new version
    nama_file = (nama_file or "berkas.xlsx")[:80]
    writers.write_changes(periode=periode, changes=preview.changes, by=by, reason=f"Impor Excel: {nama_file}")
    catatan = f"Impor Excel '{nama_file}': {len(preview.changes)} isian diubah."
    if preview.conflicts:
        catatan += f" {len(preview.conflicts)} isian bentrok tidak ditimpa."
    _record_change(dokumen, by, preview.perubahan(), catatan=catatan, aksi=Riwayat.Aksi.IMPOR)
    return preview


__all__ = [
    "AdaGalat", "Bentrok", "ImporDitolak", "ajukan_dokumen", "import_xlsx", "belum_diisi", "buka_kembali_dokumen", "delete_cascade_row", "delete_indikator",
    "kembalikan_dokumen", "pagu_dokumen_kunci", "periode_of", "save_cascade_row",
    "save_indikator", "save_pagu", "save_realisasi_triwulan", "verifikasi_dokumen",
    "lock_for_edit", "record_change", "simpan_penandatangan",
]
