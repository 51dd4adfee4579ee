"""Grid forms of the Renstra entry pages. Field names carry the row's id (`uraian_12`,
`target_12_2021`) or `baru` for the empty row that adds one, so a service's ValidationError keyed
by those names lands on its cell."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms

from kecamatan import models as m
from kecamatan.core.forms import SidikMixin, VersiMixin
from kecamatan.renstra.grid import Grid
from kecamatan.renstra.selectors_isian import GridData, SasaranIsian

NEW = "baru"
SMALL = {"class": "form-control form-control-sm"}


@dataclass(frozen=True)
class RowInput:
    """One row of a grid as typed: `pk` None for a new row."""

    key: object  # the row's id or NEW: the suffix of its field names
    pk: int | None
    data: dict  # row field → value
    values: dict  # tahun → {year field → value}
    hapus: bool = False


def _disable(form: forms.Form) -> None:
    for name, field in form.fields.items():
        if name != "versi":
            field.disabled = True


class GridForm(VersiMixin):
    """T-C.23 or T-C.24 on one page: the row's own fields, then one group of cells per year."""

    def __init__(self, *args, grid: Grid, data: GridData, editable: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.grid, self.grid_data = grid, data
        rows = [(r.pk, r) for r in data.rows] + ([(NEW, None)] if editable else [])
        self.keys = [key for key, _ in rows]
        widgets = {name: forms.TextInput(attrs={**SMALL, "size": 6}) for name in ("urutan", "berlaku_mulai",
                                                                                    "berlaku_sampai")}
        widgets["uraian"] = forms.Textarea(attrs={**SMALL, "rows": 2, "cols": 32})
        widgets["satuan"] = forms.TextInput(attrs={**SMALL, "size": 10})
        for key, row in rows:
            for name, field in forms.fields_for_model(grid.row_model, fields=grid.row_fields, widgets=widgets).items():
                if row is not None:
                    field.initial = getattr(row, name)
                else:
                    field.required = False
                    field.initial = None if name != "tingkat" else field.initial
                self.fields[f"{name}_{key}"] = field
            for tahun in data.tahun:
                cell = data.cells.get((key, tahun))
                for name, label in grid.values:
                    field = grid.field(f"{label} {tahun}")
                    field.widget.attrs.update({  # aria-label: which row, for screen readers and the error summary
                        **SMALL, "size": 9 if grid.nilai else 13,
                        "aria-label": f"{label} {tahun}: {row.uraian if row is not None else 'baris baru'}"})
                    field.initial = grid.get(cell, name) if cell is not None else None
                    self.fields[f"{name}_{key}_{tahun}"] = field
            if row is not None and editable:
                self.fields[f"hapus_{key}"] = forms.BooleanField(label="hapus", required=False)
        if not editable:
            _disable(self)

    def header(self) -> list[str]:
        return [self.fields[f"{name}_{self.keys[0]}"].label for name in self.grid.row_fields] if self.keys else []

    def table(self) -> list[dict]:
        out = []
        for key in self.keys:
            out.append({
                "key": key,
                "fields": [self[f"{name}_{key}"] for name in self.grid.row_fields],
                "cells": [[self[f"{name}_{key}_{tahun}"] for name, _ in self.grid.values]
                          for tahun in self.grid_data.tahun],
                "hapus": self[f"hapus_{key}"] if f"hapus_{key}" in self.fields else None,
            })
        return out

    def inputs(self) -> list[RowInput]:
        """The rows to save; the empty new row is left out."""
        d = self.cleaned_data
        out = []
        for key in self.keys:
            values = {tahun: {name: d[f"{name}_{key}_{tahun}"] for name, _ in self.grid.values}
                      for tahun in self.grid_data.tahun}
            data = {name: d[f"{name}_{key}"] for name in self.grid.row_fields}
            if key == NEW:
                if not data["uraian"] and all(self.grid.is_empty(v) for cell in values.values() for v in cell.values()):
                    continue
                data = {name: value for name, value in data.items() if value not in (None, "")}
            out.append(RowInput(key, None if key == NEW else key, data, values, bool(d.get(f"hapus_{key}"))))
        return out


class StrategiForm(VersiMixin):
    """T-C.26: under every sasaran, its strategi and its arah kebijakan (each linked to the
    strategi it serves), numbered in the order shown, with an empty line to add one of each."""

    def __init__(self, *args, rows: list[SasaranIsian], editable: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = rows
        text = {"attrs": {**SMALL, "rows": 2}}
        for row in rows:
            sid = row.sasaran.pk
            choices = [(s.pk, f"Strategi {n}") for n, s in enumerate(row.strategi, 1)]
            for s in row.strategi:
                self.fields[f"strategi_{s.pk}"] = forms.CharField(label="Strategi", initial=s.uraian, required=False,
                                                                  widget=forms.Textarea(**text))
                self.fields[f"hapus_strategi_{s.pk}"] = forms.BooleanField(label="hapus", required=False)
            for a in row.arah:
                self.fields[f"arah_{a.pk}"] = forms.CharField(label="Arah kebijakan", initial=a.uraian, required=False,
                                                              widget=forms.Textarea(**text))
                self.fields[f"arah_{a.pk}_strategi"] = forms.TypedMultipleChoiceField(
                    label="untuk", choices=choices, coerce=int, required=False, initial=a.strategi_ids,
                    widget=forms.CheckboxSelectMultiple)
                self.fields[f"hapus_arah_{a.pk}"] = forms.BooleanField(label="hapus", required=False)
            if editable:
                self.fields[f"strategi_baru_{sid}"] = forms.CharField(label="Strategi baru", required=False,
                                                                      widget=forms.Textarea(**text))
                self.fields[f"arah_baru_{sid}"] = forms.CharField(label="Arah kebijakan baru", required=False,
                                                                  widget=forms.Textarea(**text))
                self.fields[f"arah_baru_{sid}_strategi"] = forms.TypedMultipleChoiceField(
                    label="untuk", choices=choices, coerce=int, required=False, widget=forms.CheckboxSelectMultiple)
        if not editable:
            _disable(self)
            for name in [n for n in self.fields if n.startswith("hapus_")]:
                del self.fields[name]

    def _bound(self, name: str):
        return self[name] if name in self.fields else None

    def table(self) -> list[dict]:
        out = []
        for row in self.rows:
            sid = row.sasaran.pk
            out.append({
                "sasaran": row.sasaran,
                "strategi": [(self[f"strategi_{s.pk}"], self._bound(f"hapus_strategi_{s.pk}")) for s in row.strategi],
                "arah": [(self[f"arah_{a.pk}"], self[f"arah_{a.pk}_strategi"], self._bound(f"hapus_arah_{a.pk}"))
                         for a in row.arah],
                "strategi_baru": self._bound(f"strategi_baru_{sid}"),
                "arah_baru": self._bound(f"arah_baru_{sid}"),
                "arah_baru_strategi": self._bound(f"arah_baru_{sid}_strategi"),
            })
        return out

    def lists(self) -> dict[int, dict]:
        """Per sasaran id: {"strategi": [(pk or None, uraian, hapus)],
        "arah": [(pk or None, uraian, strategi ids, hapus)]}."""
        d = self.cleaned_data
        out = {}
        for row in self.rows:
            sid = row.sasaran.pk
            strategi = [(s.pk, d[f"strategi_{s.pk}"], d[f"hapus_strategi_{s.pk}"]) for s in row.strategi]
            arah = [(a.pk, d[f"arah_{a.pk}"], d[f"arah_{a.pk}_strategi"], d[f"hapus_arah_{a.pk}"]) for a in row.arah]
            if d.get(f"strategi_baru_{sid}", "").strip():
                strategi.append((None, d[f"strategi_baru_{sid}"], False))
            if d.get(f"arah_baru_{sid}", "").strip():
                arah.append((None, d[f"arah_baru_{sid}"], d[f"arah_baru_{sid}_strategi"], False))
            out[sid] = {"strategi": strategi, "arah": arah}
        return out


class CamatForm(forms.ModelForm):
    """A Camat of the kecamatan; the NIP may be typed with spaces, as printed."""

    class Meta:
        model = m.Camat
        fields = ["nama", "pangkat", "golongan", "nip", "mulai", "selesai"]
        widgets = {"mulai": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                   "selesai": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}


class CamatUbahForm(SidikMixin, CamatForm):
    """Correcting a Camat record: carries the fingerprint of the record as loaded (it has no version)."""
