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

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from kecamatan.core import access
from kecamatan.core.errors import Bentrok
from kecamatan.core.formatting import Nilai, format_nilai
from kecamatan.core.kunci import parse_kunci
from kecamatan.dokumen import tataletak
from kecamatan.models import (
    Dokumen,
    Periode,
    Riwayat,
)

Status = Dokumen.Status
CONTENT_CHANGES = (Riwayat.Aksi.UBAH, Riwayat.Aksi.IMPOR)  # what a concurrent editor is shown on a conflict


# --- documents -------------------------------------------------------------------------------


def lock_dokumen(periode: Periode, jenis: str, tahun: int | None = None, triwulan: int | None = None, *,
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


def dokumen_by_kunci(periode: Periode, kunci: str, by) -> Dokumen:
    parsed = parse_kunci(kunci)
    if parsed is None:
        raise ValidationError("Dokumen tidak dikenal.")
    return lock_dokumen(periode, *parsed, by=by)


def check_editable(dokumen: Dokumen, by, versi: int | None) -> None:
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


def record_change(dokumen: Dokumen, by, perubahan: list[dict], catatan: str = "",
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


def transition(dokumen: Dokumen, by, aksi: str, ke: str, catatan: str = "") -> Riwayat:
    """Move the document to status `ke` and record it; a new submission is not opened by Bappeda yet."""
    dari = dokumen.status
    dokumen.status = ke
    if ke in Dokumen.LOCKED and dari not in Dokumen.LOCKED:
        tataletak.bekukan(dokumen)  # a submitted document keeps the layouts it was printed with
    elif ke not in Dokumen.LOCKED:
        tataletak.cairkan(dokumen)
    if ke == Status.DIAJUKAN:
        dokumen.dibuka_bappeda = None
    dokumen.full_clean()
    dokumen.save(update_fields=["status", "tata_letak", "dibuka_bappeda"])
    return Riwayat.objects.create(dokumen=dokumen, oleh=by, aksi=aksi, dari_status=dari, ke_status=ke,
                                  versi=dokumen.versi, catatan=catatan)


def tandai_dibuka_bappeda(dokumen: Dokumen, by) -> None:
    """A verifikator Bappeda opened the review page of a submitted document: from now on the Camat
    can no longer withdraw it. Only the first opening of each submission counts; one UPDATE then,
    no query otherwise. Conditional on the row's status, so it cannot race a withdrawal."""
    if dokumen.pk is None or not access.can_verify(by, dokumen):
        return
    if dokumen.status != Status.DIAJUKAN or dokumen.dibuka_bappeda is not None:
        return
    now = timezone.now()
    if Dokumen.objects.filter(pk=dokumen.pk, status=Status.DIAJUKAN, dibuka_bappeda__isnull=True).update(
            dibuka_bappeda=now):
        dokumen.dibuka_bappeda = now


# --- triwulan realisasi ----------------------------------------------------------------------


# --- editing from other modules -------------------------------------------------------------------


def lock_for_edit(periode: Periode, kunci: str, *, by, versi: int | None) -> Dokumen:
    """The document, locked for the rest of the transaction, if `by` may change it now at `versi`
    (else PermissionDenied, ValidationError or Bentrok): for the services of other modules."""
    dokumen = dokumen_by_kunci(periode, kunci, by)
    check_editable(dokumen, by, versi)
    return dokumen


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
    return record_change(dokumen, by, [{"item": "Penanda tangan", "dari": dari, "ke": ke}],
                          catatan="Penanda tangan diubah.")




def nilai_text(nilai: Decimal | None, label: str) -> str:
    """A value as the Riwayat shows it ("62 (B-)", "N/A", "84,31")."""
    return format_nilai(Nilai(nilai, label))
