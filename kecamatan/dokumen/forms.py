"""Forms every document shares: who signs it, where and when."""

from __future__ import annotations

from django import forms

from kecamatan import models as m
from kecamatan.core.forms import VersiMixin


class PenandatanganForm(VersiMixin, forms.ModelForm):
    """Who signs a document (Renstra, Renja of a year, LKj): a Camat of the kecamatan, place and date."""

    class Meta:
        model = m.Dokumen
        fields = ["camat", "ttd_tempat", "ttd_tanggal", "ttd_hanya_bulan"]
        widgets = {"ttd_tanggal": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, kecamatan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["camat"].queryset = m.Camat.objects.filter(kecamatan=kecamatan).select_related("kecamatan")
        self.fields["camat"].required = True


class AksiForm(forms.Form):
    """Submit or verify: nothing to fill in but an optional note."""

    catatan = forms.CharField(label="Catatan (opsional)", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class KembalikanForm(forms.Form):
    """Return a submitted document: a general note and, optionally, a note per row."""

    catatan = forms.CharField(
        label="Catatan untuk kecamatan", widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Tulis catatan: apa yang harus diperbaiki kecamatan."},
    )

    def __init__(self, *args, indikator_ids=(), subkegiatan_ids=(), form_id: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.indikator_ids, self.subkegiatan_ids = list(indikator_ids), list(subkegiatan_ids)
        attrs = {"class": "form-control form-control-sm", "placeholder": "Catatan untuk baris ini"}
        if form_id:  # inputs placed in the grid, outside the <form> element they belong to
            attrs["form"] = form_id
        for pk in self.indikator_ids:
            self.fields[f"catatan_i_{pk}"] = forms.CharField(required=False, label="Catatan",
                                                             widget=forms.TextInput(attrs=attrs))
        for pk in self.subkegiatan_ids:
            self.fields[f"catatan_s_{pk}"] = forms.CharField(required=False, label="Catatan",
                                                             widget=forms.TextInput(attrs=attrs))

    def catatan_indikator(self):
        return {pk: self.cleaned_data[f"catatan_i_{pk}"] for pk in self.indikator_ids}

    def catatan_subkegiatan(self):
        return {pk: self.cleaned_data[f"catatan_s_{pk}"] for pk in self.subkegiatan_ids}


class BukaKembaliForm(forms.Form):
    alasan = forms.CharField(
        label="Alasan membuka kembali", widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Tulis alasan membuka kembali dokumen yang sudah diverifikasi."},
    )
