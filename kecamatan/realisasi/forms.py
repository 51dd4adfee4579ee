"""The triwulan realisasi grid form (a value or a label per indicator, Rp per sub-kegiatan)."""

from __future__ import annotations

from django import forms

from kecamatan.core.fields import RUPIAH_ATTRS, AngkaField, NilaiField
from kecamatan.core.formatting import Nilai
from kecamatan.core.forms import VersiMixin


class RealisasiTriwulanForm(VersiMixin):
    """The whole triwulan page: per indicator the quarter's value (or label such as N/A) and a
    keterangan; per sub-kegiatan the quarter's Rp."""

    def __init__(self, *args, indikator_ids, subkegiatan_ids, initial_nilai=None, initial_rp=None, labels=None,
                 **kwargs):
        super().__init__(*args, **kwargs)
        self.indikator_ids, self.subkegiatan_ids = list(indikator_ids), list(subkegiatan_ids)
        initial_nilai, initial_rp, labels = initial_nilai or {}, initial_rp or {}, labels or {}
        for pk in self.indikator_ids:
            nilai, keterangan = initial_nilai.get(pk, (Nilai(), ""))
            name = labels.get(("indikator", pk), "")
            self.fields[f"nilai_{pk}"] = NilaiField(
                label="Realisasi", initial=nilai,
                widget=forms.TextInput(attrs={"class": "form-control form-control-sm text-end isian", "autocomplete": "off",
                                              "data-kolom": "nilai", "aria-label": f"Realisasi: {name}"}),
            )
            self.fields[f"keterangan_{pk}"] = forms.CharField(
                label="Keterangan", required=False, initial=keterangan,
                widget=forms.TextInput(attrs={"class": "form-control form-control-sm isian", "autocomplete": "off",
                                              "data-kolom": "keterangan", "aria-label": f"Keterangan: {name}"}),
            )
        for pk in self.subkegiatan_ids:
            self.fields[f"rp_{pk}"] = AngkaField(
                label="Realisasi Rp", required=False, max_digits=18, decimal_places=2, initial=initial_rp.get(pk),
                min_value=0, min_value_message="Realisasi Rp tidak boleh negatif.",
                widget=forms.TextInput(attrs={**RUPIAH_ATTRS, "class": "form-control form-control-sm text-end isian",
                                              "autocomplete": "off", "data-kolom": "rp",
                                              "aria-label": f"Realisasi Rp: {labels.get(('subkegiatan', pk), '')}"}),
            )

    def indikator_values(self):
        return {pk: (self.cleaned_data[f"nilai_{pk}"], self.cleaned_data[f"keterangan_{pk}"])
                for pk in self.indikator_ids}

    def anggaran_values(self):
        return {pk: self.cleaned_data[f"rp_{pk}"] for pk in self.subkegiatan_ids}
