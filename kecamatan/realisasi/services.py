"""Writes of the triwulan realisasi page: the grid of one triwulan saved at once, under the lock and
versi of its Realisasi document."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction

from kecamatan.core.formatting import Nilai, format_rupiah
from kecamatan.core.kunci import TW_ROMAWI
from kecamatan.core.rentang import masalah_rupiah
from kecamatan.dokumen.services import Status, check_editable, lock_dokumen, nilai_text, record_change
from kecamatan.models import (
    Dokumen,
    Indikator,
    Periode,
    Realisasi,
    RealisasiAnggaran,
    SubKegiatan,
)


def _field_errors(exc: ValidationError, mapping: Mapping[str, str]) -> dict[str, list[str]]:
    """Model field errors → form field names (nilai → nilai_12)."""
    out: dict[str, list[str]] = {}
    for name, messages in exc.message_dict.items():
        target = mapping.get(name) or mapping.get(NON_FIELD_ERRORS)
        out.setdefault(target, []).extend(messages)
    return out


@dataclass
class _Perubahan:
    """What a triwulan page save will do, collected before anything is written."""

    errors: dict[str, list[str]] = field(default_factory=dict)
    to_save: list = field(default_factory=list)
    to_delete: list = field(default_factory=list)
    perubahan: list[dict] = field(default_factory=list)

    def add_errors(self, exc: ValidationError, names: dict[str, str]) -> None:
        for name, messages in _field_errors(exc, names).items():
            self.errors.setdefault(name, []).extend(messages)


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
    dokumen = lock_dokumen(periode, Dokumen.Jenis.REALISASI, tahun, triwulan, by=by)
    check_editable(dokumen, by, versi)
    indikator_by_pk = {i.pk: i for i in Indikator.objects.filter(periode=periode, pk__in=indikator)}
    sub_by_pk = {s.pk: s for s in SubKegiatan.objects.filter(kegiatan__program__periode=periode, pk__in=anggaran)
                 .select_related("nomenklatur")}
    if set(indikator) - set(indikator_by_pk) or set(anggaran) - set(sub_by_pk):
        raise ValidationError("Halaman memuat baris yang bukan milik Renstra ini. Muat ulang halaman.")
    plan = _Perubahan()
    _plan_indikator(plan, indikator, indikator_by_pk, tahun, triwulan)
    _plan_anggaran(plan, anggaran, sub_by_pk, tahun, triwulan)
    if plan.errors:
        raise ValidationError(plan.errors)
    if not plan.perubahan and dokumen.status != Status.DIKEMBALIKAN:
        return dokumen  # nothing changed: no new version
    for obj in plan.to_delete:
        obj._history_user = by
        obj.delete()
    for obj in plan.to_save:
        obj._history_user = by
        obj.save()
    return record_change(dokumen, by, plan.perubahan,
                          catatan="Perbaikan disimpan tanpa mengubah angka." if not plan.perubahan else "")


def _plan_indikator(plan: _Perubahan, indikator: Mapping[int, tuple[Nilai, str]], indikator_by_pk: dict[int, Indikator],
                    tahun: int, triwulan: int) -> None:
    """The quarter's realisasi per indicator: unchanged rows are left, emptied ones deleted."""
    existing = {r.indikator_id: r for r in Realisasi.objects.filter(indikator__in=indikator_by_pk, tahun=tahun,
                                                                      triwulan=triwulan)}
    for pk, (nilai, keterangan) in indikator.items():
        keterangan = (keterangan or "").strip()
        row = existing.get(pk)
        item = f"Realisasi TW {TW_ROMAWI[triwulan]}: {indikator_by_pk[pk].uraian}"
        dari = nilai_text(row.nilai, row.label) if row else "-"
        if nilai.is_empty and not keterangan:
            if row:
                plan.to_delete.append(row)
                plan.perubahan.append({"item": item, "dari": dari, "ke": "(kosong)"})
            continue
        if row and row.nilai == nilai.nilai and row.label == nilai.label and row.keterangan == keterangan:
            continue
        obj = row or Realisasi(indikator=indikator_by_pk[pk], tahun=tahun, triwulan=triwulan)
        obj.nilai, obj.label, obj.keterangan = nilai.nilai, nilai.label, keterangan
        try:
            obj.full_clean(validate_unique=False, validate_constraints=False)
        except ValidationError as exc:
            plan.add_errors(exc, {"nilai": f"nilai_{pk}", "label": f"nilai_{pk}", "keterangan": f"keterangan_{pk}",
                                  NON_FIELD_ERRORS: f"nilai_{pk}"})
            continue
        plan.to_save.append(obj)
        plan.perubahan.append({"item": item, "dari": dari, "ke": nilai_text(obj.nilai, obj.label)})


def _plan_anggaran(plan: _Perubahan, anggaran: Mapping[int, Decimal | None], sub_by_pk: dict[int, SubKegiatan],
                   tahun: int, triwulan: int) -> None:
    """The quarter's Rp per sub-kegiatan: unchanged rows are left, emptied ones deleted."""
    existing = {r.subkegiatan_id: r for r in RealisasiAnggaran.objects.filter(subkegiatan__in=sub_by_pk, tahun=tahun,
                                                                                triwulan=triwulan)}
    for pk, jumlah in anggaran.items():
        row = existing.get(pk)
        item = f"Realisasi Rp TW {TW_ROMAWI[triwulan]}: {sub_by_pk[pk].kode} {sub_by_pk[pk].nama}"
        dari = format_rupiah(row.jumlah) if row else "-"
        if jumlah is None:
            if row:
                plan.to_delete.append(row)
                plan.perubahan.append({"item": item, "dari": dari, "ke": "(kosong)"})
            continue
        masalah = masalah_rupiah(jumlah, "Realisasi Rp")
        if masalah:
            plan.errors.setdefault(f"rp_{pk}", []).append(masalah)
            continue
        if row and row.jumlah == jumlah:
            continue
        obj = row or RealisasiAnggaran(subkegiatan=sub_by_pk[pk], tahun=tahun, triwulan=triwulan)
        obj.jumlah = jumlah
        try:
            obj.full_clean(validate_unique=False, validate_constraints=False)
        except ValidationError as exc:
            plan.add_errors(exc, {"jumlah": f"rp_{pk}", NON_FIELD_ERRORS: f"rp_{pk}"})
            continue
        plan.to_save.append(obj)
        plan.perubahan.append({"item": item, "dari": dari, "ke": format_rupiah(obj.jumlah)})
