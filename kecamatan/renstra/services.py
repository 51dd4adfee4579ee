"""Writes of the Renstra cascade editor, one function per thing a person does: add, change or remove a
tujuan … sub-kegiatan, an indicator with its targets, the pagu of a sub-kegiatan. Each locks the
owning document (`dokumen.services`), checks its versi, runs full_clean and writes a Riwayat row."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from kecamatan.core.access import periode_of
from kecamatan.core.formatting import Nilai, format_rupiah
from kecamatan.core.rentang import masalah_rupiah
from kecamatan.dokumen.services import check_editable, dokumen_by_kunci, lock_dokumen, nilai_text, record_change
from kecamatan.models import (
    Dokumen,
    Indikator,
    Kegiatan,
    Pagu,
    Program,
    Sasaran,
    SubKegiatan,
    Target,
    Tujuan,
)


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
    dokumen = lock_dokumen(periode, Dokumen.Jenis.RENSTRA, by=by)
    check_editable(dokumen, by, versi)
    baru = obj.pk is None
    obj.full_clean()
    obj.save()
    record_change(dokumen, by, [{"item": _label(obj), "dari": "-" if baru else "(lama)", "ke": str(obj)[:200]}],
                   catatan=f"{_label(obj)} {'ditambahkan' if baru else 'diubah'}.")
    return obj


@transaction.atomic
def delete_cascade_row(*, obj, by, versi: int) -> None:
    """Remove a row of a draft Renstra with everything under it (indicators, targets, pagu)."""
    periode = periode_of(obj)
    dokumen = lock_dokumen(periode, Dokumen.Jenis.RENSTRA, by=by)
    check_editable(dokumen, by, versi)
    label, text = _label(obj), str(obj)[:200]
    obj.delete()
    record_change(dokumen, by, [{"item": label, "dari": text, "ke": "(dihapus)"}], catatan=f"{label} dihapus.")


@transaction.atomic
def save_indikator(*, indikator: Indikator, targets: Mapping[int, Nilai], by, versi: int) -> Indikator:
    """Add or change an indicator with its targets for every year of the period (one grid)."""
    periode = periode_of(indikator.owner) if indikator.owner is not None else indikator.periode
    indikator.periode = periode
    dokumen = lock_dokumen(periode, Dokumen.Jenis.RENSTRA, by=by)
    check_editable(dokumen, by, versi)
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
                perubahan.append({"item": f"Target {tahun}", "dari": nilai_text(row.nilai, row.label), "ke": "(kosong)"})
            continue
        if row and (row.nilai, row.label) == (nilai.nilai, nilai.label):
            continue
        dari = nilai_text(row.nilai, row.label) if row else "-"
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
        perubahan.append({"item": f"Target {tahun}", "dari": dari, "ke": nilai_text(obj.nilai, obj.label)})
    if errors:
        raise ValidationError(errors)  # the atomic block undoes the rows saved above
    record_change(dokumen, by, perubahan,
                   catatan=f"{_label(indikator)} {'ditambahkan' if baru else 'diubah'}.")
    return indikator


@transaction.atomic
def delete_indikator(*, indikator: Indikator, by, versi: int) -> None:
    dokumen = lock_dokumen(indikator.periode, Dokumen.Jenis.RENSTRA, by=by)
    check_editable(dokumen, by, versi)
    label = _label(indikator)
    for target in indikator.target.all():  # so the audit history records who removed each target
        target._history_user = by
        target.delete()
    indikator.delete()
    record_change(dokumen, by, [{"item": label, "dari": "", "ke": "(dihapus)"}], catatan=f"{label} dihapus.")


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
        masalah = masalah_rupiah(value, "Pagu")
        if masalah:
            errors.setdefault(field, []).append(masalah)
            continue
        row = existing.get((tahun, tahap))
        if (row.jumlah if row else None) == value:
            continue
        changes.setdefault(pagu_dokumen_kunci(tahap, tahun), []).append(((tahun, tahap), value))
    if errors:
        raise ValidationError(errors)
    for kunci in sorted(changes):  # a fixed order, so two saves never wait on each other's locks
        dokumen = dokumen_by_kunci(periode, kunci, by)
        try:
            check_editable(dokumen, by, versi.get(kunci, 0))
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
        record_change(dokumen, by, perubahan)
    return subkegiatan
