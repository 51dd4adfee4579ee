"""Writes to the narrative of a whole document, one function per thing a person does: save a
section, keep/edit/replace a drafted paragraph (or go back to the draft), start from last year's
text. Each takes keyword arguments (the acting user too), checks permission and the document's
state through the workflow's own checks (`services.check_editable`: only the kecamatan's
operator and Camat, never a submitted or verified document, and no lost update: `versi`),
validates, writes a Riwayat row with what changed and bumps the document's version, in one
transaction. The document is created on the first save, signed by the kecamatan's latest Camat.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import transaction

from kecamatan.core.markup import MAX_LENGTH
from kecamatan.dokumen.services import (
    check_editable as check_editable,
)
from kecamatan.dokumen.services import (
    lock_dokumen as lock_dokumen,
)
from kecamatan.dokumen.services import (
    record_change as record_change,
)
from kecamatan.models import Camat, Dokumen, Narasi, Periode, Riwayat
from kecamatan.models.narasi import DRAF_PREFIX
from kecamatan.naskah.selectors import Kunci, narasi_sebelumnya

_KUNCI_BAGIAN = re.compile(r"^[a-z0-9][a-z0-9.:-]{0,70}$")
PREVIEW = 140


def _preview(text: str) -> str:
    text = " ".join((text or "").split())
    if not text:
        return "(kosong)"
    return text if len(text) <= PREVIEW else text[: PREVIEW - 1] + "…"


def _dokumen(periode: Periode, kunci: Kunci, by) -> Dokumen:
    """The document, created on first use with the kecamatan's latest Camat as signatory, and
    locked for the rest of the transaction."""
    if not Dokumen.objects.filter(periode=periode, jenis=kunci.jenis, tahun=kunci.tahun, triwulan=None).exists():
        camat = Camat.objects.filter(kecamatan=periode.kecamatan).order_by("-mulai", "-pk").first()
        if kunci.tahun is not None and not periode.tahun_mulai <= kunci.tahun <= periode.tahun_selesai:
            raise ValidationError(f"Tahun {kunci.tahun} di luar periode Renstra {periode.label}.")
        dokumen = Dokumen(periode=periode, jenis=kunci.jenis, tahun=kunci.tahun, camat=camat,
                          ttd_tempat=periode.kecamatan.nama, versi=0)
        dokumen.full_clean()
        dokumen.save()
        Riwayat.objects.create(dokumen=dokumen, oleh=by, aksi=Riwayat.Aksi.BUAT, ke_status=dokumen.status,
                               versi=dokumen.versi)
    return lock_dokumen(periode, kunci.jenis, kunci.tahun, by=by)


def _check_bagian(bagian: str) -> None:
    if not _KUNCI_BAGIAN.match(bagian or ""):
        raise ValidationError("Bagian naskah tidak dikenal.")


def _write(dokumen: Dokumen, kunci: str, teks: str, draf_dasar: str, by) -> tuple[str, str] | None:
    """Create, change or (empty text of a section) remove one row; (old, new) if it changed."""
    row = Narasi.objects.filter(dokumen=dokumen, kunci=kunci).first()
    old = row.teks if row else ""
    remove = not teks.strip() and not kunci.startswith(DRAF_PREFIX)
    if remove:
        if row is None:
            return None
        row._history_user = by
        row.delete()
        return old, ""
    if row is not None and row.teks == teks and row.draf_dasar == draf_dasar:
        return None
    row = row or Narasi(dokumen=dokumen, kunci=kunci)
    row.teks, row.draf_dasar, row.diubah_oleh = teks, draf_dasar, by
    row.full_clean()
    row._history_user = by
    row.save()
    return old, teks


def _normalize(teks: str) -> str:
    teks = (teks or "").replace("\r\n", "\n").replace("\r", "\n")
    if len(teks) > MAX_LENGTH:
        raise ValidationError({"teks": f"Teks terlalu panjang: paling banyak {MAX_LENGTH:,} karakter.".replace(",", ".")})
    return teks.strip("\n")


@transaction.atomic
def simpan_narasi(*, periode: Periode, kunci: Kunci, bagian: str, judul: str, teks: str, versi: int | None,
                  by) -> Dokumen:
    """Save what people wrote for one section; an empty text removes it."""
    _check_bagian(bagian)
    if bagian.startswith(DRAF_PREFIX):
        raise ValidationError("Gunakan halaman draf untuk paragraf yang disusun aplikasi.")
    teks = _normalize(teks)
    dokumen = _dokumen(periode, kunci, by)
    check_editable(dokumen, by, versi)
    changed = _write(dokumen, bagian, teks, "", by)
    if changed is None:
        return dokumen
    return record_change(dokumen, by, [{"item": f"Naskah: {judul}", "dari": _preview(changed[0]),
                                         "ke": _preview(changed[1])}],
                          catatan=f"Naskah \u201c{judul}\u201d diubah.")


@transaction.atomic
def simpan_draf(*, periode: Periode, kunci: Kunci, bagian: str, judul: str, teks: str, draf: str,
                versi: int | None, by) -> Dokumen:
    """The user's version of a drafted paragraph (edited, or replaced; empty leaves it out), kept
    with the draft it was written against, so a later change of the figures shows."""
    _check_bagian(bagian)
    teks = _normalize(teks)
    dokumen = _dokumen(periode, kunci, by)
    check_editable(dokumen, by, versi)
    changed = _write(dokumen, DRAF_PREFIX + bagian, teks, draf.strip(), by)
    if changed is None:
        return dokumen
    return record_change(dokumen, by, [{"item": f"Paragraf draf: {judul}", "dari": _preview(changed[0]),
                                         "ke": _preview(changed[1])}],
                          catatan=f"Paragraf draf \u201c{judul}\u201d diganti teks pengguna.")


@transaction.atomic
def kembalikan_draf(*, periode: Periode, kunci: Kunci, bagian: str, judul: str, versi: int | None, by) -> Dokumen:
    """Print the app's draft again instead of the user's version."""
    _check_bagian(bagian)
    dokumen = _dokumen(periode, kunci, by)
    check_editable(dokumen, by, versi)
    row = Narasi.objects.filter(dokumen=dokumen, kunci=DRAF_PREFIX + bagian).first()
    if row is None:
        return dokumen
    old = row.teks
    row._history_user = by
    row.delete()
    return record_change(dokumen, by, [{"item": f"Paragraf draf: {judul}", "dari": _preview(old),
                                         "ke": "(draf otomatis)"}],
                          catatan=f"Paragraf \u201c{judul}\u201d kembali memakai draf otomatis.")


@transaction.atomic
def salin_tahun_lalu(*, periode: Periode, kunci: Kunci, bagian: dict[str, str], versi: int | None, by) -> Dokumen:
    """Start from last year's text: copy it into every section of `bagian` (kunci → judul) that
    is still empty this year. Sections already written are never overwritten."""
    dokumen = _dokumen(periode, kunci, by)
    check_editable(dokumen, by, versi)
    _, lalu = narasi_sebelumnya(periode, kunci)
    taken = set(Narasi.objects.filter(dokumen=dokumen).values_list("kunci", flat=True))
    perubahan = []
    for kunci_bagian, judul in bagian.items():
        teks = lalu.get(kunci_bagian, "")
        if not teks.strip() or kunci_bagian in taken or kunci_bagian.startswith(DRAF_PREFIX):
            continue
        _write(dokumen, kunci_bagian, teks, "", by)
        perubahan.append({"item": f"Naskah: {judul}", "dari": "(kosong)", "ke": _preview(teks)})
    if not perubahan:
        raise ValidationError("Tidak ada teks tahun lalu untuk bagian yang masih kosong.")
    return record_change(dokumen, by, perubahan,
                          catatan=f"{len(perubahan)} bagian naskah diisi dari teks tahun lalu.")
