"""The workflow of a document, one function per action: ajukan and tarik pengajuan (Camat),
verifikasi, kembalikan with a note, buka kembali (Bappeda). Each checks role and status and writes a
Riwayat row. The `syarat_*` functions run the same checks without writing, so a confirmation page
is shown only for an action that can happen; the actions take the versi the confirmation showed."""

from __future__ import annotations

from collections.abc import Mapping

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from kecamatan.checks.selectors import periksa
from kecamatan.checks.services import simpan_hasil
from kecamatan.core import access
from kecamatan.core.formatting import format_tanggal
from kecamatan.dokumen.services import Status, dokumen_by_kunci, transition
from kecamatan.models import (
    CatatanItem,
    Dokumen,
    Indikator,
    Periode,
    Riwayat,
    SubKegiatan,
)


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


class VersiBerubah(ValidationError):
    """The document was saved again after the confirmation page showed it: nothing happens, the
    confirmation is shown again with what the document holds now."""

    def __init__(self, dokumen: Dokumen, versi: int):
        super().__init__(
            f"Tidak ada yang berubah: {dokumen.judul} sudah disimpan lagi (versi {versi} → {dokumen.versi}) sejak "
            "halaman konfirmasi dibuka. Periksa isi dan hasil pemeriksaan terbaru di bawah, lalu konfirmasi lagi."
        )


def cek_versi(dokumen: Dokumen, versi: int | None) -> None:
    """Refuse an action confirmed on an older versi of the document (None: not checked)."""
    if versi is not None and versi != dokumen.versi:
        raise VersiBerubah(dokumen, versi)


def syarat_ajukan(periode: Periode, dokumen: Dokumen, by) -> None:
    """Whether `by` may submit the document now (PermissionDenied or ValidationError if not)."""
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


@transaction.atomic
def ajukan_dokumen(*, periode: Periode, kunci: str, by, konfirmasi_galat: bool = False,
                   versi: int | None = None) -> Dokumen:
    """Camat submits a draft to Bappeda; a realisasi must be complete first. The consistency check
    runs on the document: with galat left, it is submitted only when the Camat confirms, and the
    timeline records how many galat and peringatan it went with."""
    dokumen = dokumen_by_kunci(periode, kunci, by)
    syarat_ajukan(periode, dokumen, by)
    cek_versi(dokumen, versi)
    hasil = periksa(periode.pk, dokumen.tahun or periode.tahun_mulai)
    simpan_hasil(hasil)
    mine = hasil.untuk(dokumen.kunci)
    if mine.galat and not konfirmasi_galat:
        raise AdaGalat(dokumen, mine)
    catatan = (f"Diajukan dengan {mine.galat} galat dan {mine.peringatan} peringatan pemeriksaan konsistensi."
               if mine.temuan else "")
    transition(dokumen, by, Riwayat.Aksi.AJUKAN, Status.DIAJUKAN, catatan)
    return dokumen


def syarat_tarik(periode: Periode, dokumen: Dokumen, by) -> None:
    """Whether `by` may withdraw the submission now: the Camat, before Bappeda opened it."""
    if not access.can_submit(by, periode):
        raise PermissionDenied("Hanya Camat kecamatan ini yang dapat menarik pengajuan.")
    if dokumen.status != Status.DIAJUKAN:
        raise ValidationError(f"Hanya dokumen berstatus Diajukan yang dapat ditarik; {dokumen.judul} berstatus "
                              f"{dokumen.get_status_display()}.")
    if dokumen.dibuka_bappeda is not None:
        dibuka = timezone.localtime(dokumen.dibuka_bappeda)
        waktu = f"{format_tanggal(dibuka.date())} pukul {dibuka:%H.%M}"
        raise ValidationError(
            f"Pengajuan {dokumen.judul} tidak dapat ditarik lagi: Bappeda sudah membukanya pada {waktu}. "
            "Bila ada yang perlu diperbaiki, minta Bappeda mengembalikannya dengan catatan."
        )


@transaction.atomic
def tarik_dokumen(*, periode: Periode, kunci: str, by, versi: int | None = None) -> Dokumen:
    """The Camat withdraws a submission Bappeda has not opened yet: back to Draf, recorded."""
    dokumen = dokumen_by_kunci(periode, kunci, by)
    syarat_tarik(periode, dokumen, by)
    cek_versi(dokumen, versi)
    transition(dokumen, by, Riwayat.Aksi.TARIK, Status.DRAFT, "Pengajuan ditarik Camat sebelum dibuka Bappeda.")
    return dokumen


def syarat_tinjau(dokumen: Dokumen, by, tindakan: str) -> None:
    """Whether `by` may verify or return the document now (`tindakan`: "memverifikasi",
    "mengembalikan"): a verifikator Bappeda, a submitted document."""
    if not access.can_verify(by, dokumen):
        raise PermissionDenied(f"Hanya verifikator Bappeda yang dapat {tindakan} dokumen.")
    if dokumen.status != Status.DIAJUKAN:
        bentuk = {"memverifikasi": "diverifikasi", "mengembalikan": "dikembalikan"}[tindakan]
        raise ValidationError(f"Hanya dokumen berstatus Diajukan yang dapat {bentuk}; {dokumen.judul} berstatus "
                              f"{dokumen.get_status_display()}.")


@transaction.atomic
def verifikasi_dokumen(*, periode: Periode, kunci: str, by, catatan: str = "", versi: int | None = None) -> Dokumen:
    dokumen = dokumen_by_kunci(periode, kunci, by)
    syarat_tinjau(dokumen, by, "memverifikasi")
    cek_versi(dokumen, versi)
    transition(dokumen, by, Riwayat.Aksi.VERIFIKASI, Status.DIVERIFIKASI, catatan.strip())
    return dokumen


@transaction.atomic
def kembalikan_dokumen(*, periode: Periode, kunci: str, by, catatan: str,
                       catatan_indikator: Mapping[int, str] | None = None,
                       catatan_subkegiatan: Mapping[int, str] | None = None, versi: int | None = None) -> Dokumen:
    """Bappeda returns a submitted document with a general note and optional notes per row."""
    dokumen = dokumen_by_kunci(periode, kunci, by)
    syarat_tinjau(dokumen, by, "mengembalikan")
    cek_versi(dokumen, versi)
    if not (catatan or "").strip():
        raise ValidationError({"catatan": "Tulis catatan: apa yang harus diperbaiki kecamatan."})
    per_indikator = {k: v.strip() for k, v in (catatan_indikator or {}).items() if v and v.strip()}
    per_sub = {k: v.strip() for k, v in (catatan_subkegiatan or {}).items() if v and v.strip()}
    valid_ind = set(Indikator.objects.filter(periode=periode, pk__in=per_indikator).values_list("pk", flat=True))
    valid_sub = set(SubKegiatan.objects.filter(kegiatan__program__periode=periode, pk__in=per_sub)
                    .values_list("pk", flat=True))
    if set(per_indikator) - valid_ind or set(per_sub) - valid_sub:
        raise ValidationError("Catatan merujuk ke baris yang bukan milik dokumen ini.")
    riwayat = transition(dokumen, by, Riwayat.Aksi.KEMBALIKAN, Status.DIKEMBALIKAN, catatan.strip())
    CatatanItem.objects.bulk_create(
        [CatatanItem(riwayat=riwayat, indikator_id=pk, catatan=text) for pk, text in per_indikator.items()]
        + [CatatanItem(riwayat=riwayat, subkegiatan_id=pk, catatan=text) for pk, text in per_sub.items()]
    )
    return dokumen


@transaction.atomic
def buka_kembali_dokumen(*, periode: Periode, kunci: str, by, alasan: str) -> Dokumen:
    """Only Bappeda reopens a verified document (back to draft), and must say why."""
    dokumen = dokumen_by_kunci(periode, kunci, by)
    if not access.can_verify(by, dokumen):
        raise PermissionDenied("Hanya verifikator Bappeda yang dapat membuka kembali dokumen terverifikasi.")
    if dokumen.status != Status.DIVERIFIKASI:
        raise ValidationError(f"Hanya dokumen berstatus Diverifikasi yang dapat dibuka kembali; {dokumen.judul} "
                              f"berstatus {dokumen.get_status_display()}.")
    if not (alasan or "").strip():
        raise ValidationError({"alasan": "Tulis alasan membuka kembali dokumen yang sudah diverifikasi."})
    transition(dokumen, by, Riwayat.Aksi.BUKA_KEMBALI, Status.DRAFT, alasan.strip())
    return dokumen
