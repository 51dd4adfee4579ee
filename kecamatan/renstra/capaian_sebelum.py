"""Riwayat capaian sebelum periode: the page of a Renstra where the years its own Target and
triwulan reports do not cover are typed (RiwayatCapaian): one row per indicator of a tujuan,
sasaran, program or kegiatan; per year before the period a target and a realisasi; per year a
"masih perkiraan" flag for a realisasi that is an estimate. A year of the period (the n-1 of a
Renja, `?tahun=n`) adds a column of realisasi only: its target is the Renstra's own.

Cells take what the other value inputs take (84,31 · 62 (B-) · N/A); "-" and empty are absent
(nothing stored). The save is atomic, checks the Renstra's version and records one Riwayat row.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from kecamatan.core.fields import NilaiField
from kecamatan.core.formatting import EMPTY, Nilai, format_nilai
from kecamatan.core.forms import VersiMixin
from kecamatan.dokumen import services
from kecamatan.models import Indikator, Periode, RiwayatCapaian

TAHUN_SEBELUM = 3  # tahun_mulai-3 … tahun_mulai-1: T-C.29 column 5 and T-C.30's n-2 of the first Renja
LEVELS = ("tujuan", "sasaran", "program", "kegiatan")
PERKIRAAN_KOSONG = "Isi realisasi yang masih perkiraan, atau hapus tanda perkiraan."
SMALL = {"class": "form-control form-control-sm", "size": 8}


@dataclass(frozen=True)
class CapaianData:
    indikator: list  # Indikator, in document order, each with `pemilik` (its owner's label)
    cells: dict  # (indikator id, tahun) → RiwayatCapaian
    tahun: tuple[int, ...]  # the years shown
    tahun_mulai: int

    def has_target(self, tahun: int) -> bool:
        return tahun < self.tahun_mulai


def _owner(ind: Indikator) -> tuple[tuple, str]:
    for order, level in enumerate(LEVELS):
        owner = getattr(ind, level)
        if owner is not None:
            if level in ("tujuan", "sasaran"):
                return (order, owner.urutan, ind.urutan, ind.pk), f"{level.capitalize()} {owner.urutan}. {owner.uraian}"
            kode = owner.nomenklatur.kode
            return (2, tuple(int(p) for p in kode.split(".")), ind.urutan, ind.pk), f"{kode} {owner.nama}"
    return (9, ind.pk), ""


def capaian_data(periode: Periode, tahun_renja: int | None = None) -> CapaianData:
    """The indicators of the period's tujuan … kegiatan with their typed history: 2 queries."""
    rows = list(Indikator.objects.filter(Q(tujuan__isnull=False) | Q(sasaran__isnull=False)
                                         | Q(program__isnull=False) | Q(kegiatan__isnull=False), periode=periode)
                .select_related("tujuan", "sasaran", "program__nomenklatur", "kegiatan__nomenklatur"))
    keyed = []
    for ind in rows:
        key, ind.pemilik = _owner(ind)
        keyed.append((key, ind))
    indikator = [ind for _, ind in sorted(keyed, key=lambda pair: pair[0])]
    cells = {(c.indikator_id, c.tahun): c for c in RiwayatCapaian.objects.filter(indikator__periode=periode)}
    years = set(range(periode.tahun_mulai - TAHUN_SEBELUM, periode.tahun_mulai)) | {t for _, t in cells}
    if tahun_renja is not None and periode.tahun_mulai <= tahun_renja - 1 < periode.tahun_selesai:
        years.add(tahun_renja - 1)
    return CapaianData(indikator, cells, tuple(sorted(years)), periode.tahun_mulai)


def absent(value: Nilai) -> Nilai:
    """ "-" and empty are absent."""
    return Nilai() if value.nilai is None and value.label in ("", EMPTY) else value


class CapaianForm(VersiMixin):
    """Per indicator and year: `target_<id>_<tahun>` (years before the period), `realisasi_<id>_<tahun>`,
    `perkiraan_<id>_<tahun>`."""

    def __init__(self, *args, data_capaian: CapaianData, editable: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.capaian = data_capaian
        for ind in data_capaian.indikator:
            for t in data_capaian.tahun:
                cell = data_capaian.cells.get((ind.pk, t))
                names = (("target", "Target"), ("realisasi", "Realisasi")) if data_capaian.has_target(t) else (
                    ("realisasi", "Realisasi"),)
                for name, label in names:
                    field = NilaiField(label=f"{label} {t}", rentang=ind.rentang)
                    field.widget.attrs.update(SMALL)
                    field.initial = getattr(cell, f"{name}_nilai") if cell is not None else None
                    self.fields[f"{name}_{ind.pk}_{t}"] = field
                self.fields[f"perkiraan_{ind.pk}_{t}"] = forms.BooleanField(
                    label="perkiraan", required=False, initial=bool(cell and cell.perkiraan))
        if not editable:
            for name, field in self.fields.items():
                if name != "versi":
                    field.disabled = True

    def table(self) -> list[dict]:
        out = []
        for ind in self.capaian.indikator:
            cells = []
            for t in self.capaian.tahun:
                target = f"target_{ind.pk}_{t}"
                cells.append({"target": self[target] if target in self.fields else None,
                              "realisasi": self[f"realisasi_{ind.pk}_{t}"],
                              "perkiraan": self[f"perkiraan_{ind.pk}_{t}"]})
            out.append({"indikator": ind, "cells": cells})
        return out

    def clean(self):
        data = super().clean()
        for ind in self.capaian.indikator:
            for t in self.capaian.tahun:
                realisasi = data.get(f"realisasi_{ind.pk}_{t}")
                if data.get(f"perkiraan_{ind.pk}_{t}") and realisasi is not None and absent(realisasi).is_empty:
                    self.add_error(f"realisasi_{ind.pk}_{t}", PERKIRAAN_KOSONG)
        return data

    def values(self) -> dict[tuple[int, int], tuple[Nilai, Nilai, bool]]:
        """(indikator id, tahun) → (target, realisasi, perkiraan) as typed, "-" read as absent."""
        d = self.cleaned_data
        out = {}
        for ind in self.capaian.indikator:
            for t in self.capaian.tahun:
                target = absent(d.get(f"target_{ind.pk}_{t}") or Nilai())
                out[(ind.pk, t)] = (target, absent(d[f"realisasi_{ind.pk}_{t}"]), bool(d[f"perkiraan_{ind.pk}_{t}"]))
        return out


def _text(target: Nilai, realisasi: Nilai, perkiraan: bool) -> str:
    if target.is_empty and realisasi.is_empty:
        return "(kosong)"
    return f"{format_nilai(target)} / {format_nilai(realisasi)}{'*' if perkiraan else ''}"


@transaction.atomic
def save_capaian(*, periode: Periode, data: CapaianData, values: dict, by, versi: int):
    """Write the grid as typed: a cell with a value is created or changed, an empty one removed;
    refused (nothing written) on a stale version or a submitted Renstra."""
    dokumen = services.lock_for_edit(periode, "renstra", by=by, versi=versi)
    cells = {(c.indikator_id, c.tahun): c for c in RiwayatCapaian.objects.filter(indikator__periode=periode)}
    by_id = {ind.pk: ind for ind in data.indikator}
    for ind in data.indikator:
        ind.periode = periode  # clean() reads the period: no query per cell
    perubahan, to_save, to_delete = [], [], []
    errors: dict[str, list[str]] = defaultdict(list)
    for (ind_id, tahun), (target, realisasi, perkiraan) in values.items():
        cell = cells.get((ind_id, tahun))
        before = (cell.target_nilai, cell.realisasi_nilai, cell.perkiraan) if cell else (Nilai(), Nilai(), False)
        if not data.has_target(tahun):
            target = before[0]  # a year of the period: its target is the Renstra's, not typed here
        after = (target, realisasi, perkiraan and not realisasi.is_empty)
        if after == before:
            continue
        item = f"Riwayat capaian {tahun}: “{by_id[ind_id].uraian[:60]}”"
        perubahan.append({"item": item, "dari": _text(*before), "ke": _text(*after)})
        if target.is_empty and realisasi.is_empty:
            if cell is not None:
                to_delete.append(cell.pk)
            continue
        cell = cell or RiwayatCapaian(tahun=tahun)
        cell.indikator = by_id[ind_id]
        cell.target, cell.target_label = target.nilai, target.label
        cell.realisasi, cell.realisasi_label, cell.perkiraan = realisasi.nilai, realisasi.label, after[2]
        try:
            cell.full_clean(exclude=["indikator"], validate_unique=False)
        except ValidationError as exc:
            field = f"realisasi_{ind_id}_{tahun}"
            for messages in exc.message_dict.values():
                errors[field].extend(messages)
        to_save.append(cell)
    if errors:
        raise ValidationError(dict(errors))
    if not perubahan:
        return dokumen
    RiwayatCapaian.objects.filter(pk__in=to_delete).delete()
    for cell in to_save:
        cell.save()
    return services.record_change(dokumen, by, perubahan,
                                  catatan=f"Riwayat capaian sebelum periode: {len(perubahan)} isian diubah.")
