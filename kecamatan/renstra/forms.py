"""Forms of the Renstra cascade editor: tujuan, sasaran, program/kegiatan/sub-kegiatan (picked from the
nomenclature catalog), indicators with their target grid, pagu per year and stage."""

from __future__ import annotations

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms

from kecamatan import models as m
from kecamatan.core import bantuan
from kecamatan.core.fields import RUPIAH_ATTRS, AngkaField, NilaiField
from kecamatan.core.formatting import Nilai
from kecamatan.core.forms import AsalMixin, VersiMixin
from kecamatan.core.rentang import rentang_indikator


def _helper(submit_label: str = "Simpan") -> FormHelper:
    helper = FormHelper()
    helper.form_id = "form-node"  # the conflict choices of _bentrok.html, outside the crispy <form>, name it
    helper.add_input(Submit("simpan", submit_label, css_class="btn-success"))
    return helper


class TujuanForm(VersiMixin, forms.ModelForm):
    class Meta:
        model = m.Tujuan
        fields = ["urutan", "uraian"]
        widgets = {"uraian": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper()


class SasaranForm(TujuanForm):
    class Meta(TujuanForm.Meta):
        model = m.Sasaran


class NomenklaturSelect(forms.Select):
    """A plain select the page's own script makes searchable (static/kecamatan/app.js, no CDN)."""

    def __init__(self, attrs=None):
        super().__init__({"data-cari": "nomenklatur", **(attrs or {})})


class _NodeForm(VersiMixin, forms.ModelForm):
    class Meta:
        fields = ["nomenklatur", "nama", "rumusan_sasaran", "unit_kerja"]
        widgets = {"nomenklatur": NomenklaturSelect, "rumusan_sasaran": forms.Textarea(attrs={"rows": 2})}
        labels = {"nomenklatur": "Kode dan nama (dari nomenklatur)"}

    def __init__(self, *args, pilihan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nomenklatur"].queryset = pilihan
        self.fields["nomenklatur"].empty_label = "— pilih dari nomenklatur —"
        self.helper = _helper()


class ProgramForm(_NodeForm):
    class Meta(_NodeForm.Meta):
        model = m.Program
        fields = _NodeForm.Meta.fields + ["sasaran"]

    def __init__(self, *args, periode, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sasaran"].queryset = m.Sasaran.objects.filter(tujuan__periode=periode)


class KegiatanForm(_NodeForm):
    class Meta(_NodeForm.Meta):
        model = m.Kegiatan


class SubKegiatanForm(_NodeForm):
    class Meta(_NodeForm.Meta):
        model = m.SubKegiatan


class IndikatorForm(VersiMixin, forms.ModelForm):
    """An indicator with all its attributes and its targets for every year in one row."""

    kondisi_awal_teks = NilaiField(label="Kondisi awal", help_text=bantuan.KONDISI_AWAL)

    class Meta:
        model = m.Indikator
        fields = ["urutan", "uraian", "satuan", "polaritas", "aturan_akhir", "formula", "penjelasan", "iku",
                  "sumber_data", "penanggung_jawab", "boleh_lebih_100"]
        widgets = {"uraian": forms.Textarea(attrs={"rows": 2}), "formula": forms.Textarea(attrs={"rows": 2}),
                   "penjelasan": forms.Textarea(attrs={"rows": 2})}
        help_texts = {"urutan": bantuan.URUTAN, "satuan": bantuan.SATUAN, "polaritas": bantuan.POLARITAS,
                      "aturan_akhir": bantuan.ATURAN_AKHIR, "formula": bantuan.FORMULA,
                      "penjelasan": bantuan.PENJELASAN, "iku": bantuan.IKU}

    def __init__(self, *args, tahun_list, targets: dict[int, Nilai] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.tahun_list = list(tahun_list)
        if self.instance.pk:
            self.fields["kondisi_awal_teks"].initial = self.instance.kondisi_awal_nilai
        for tahun in self.tahun_list:
            self.fields[f"target_{tahun}"] = NilaiField(
                label=f"Target {tahun}", initial=(targets or {}).get(tahun, Nilai()),
                widget=forms.TextInput(attrs={"class": "form-control text-end", "autocomplete": "off",
                                              "aria-label": f"Target {tahun}"}),
            )

    @property
    def target_fields(self):
        return [self[f"target_{t}"] for t in self.tahun_list]

    @property
    def attribute_fields(self):
        return [self[name] for name in self.fields if not name.startswith("target_") and name != "versi"]

    def targets(self) -> dict[int, Nilai]:
        return {t: self.cleaned_data[f"target_{t}"] for t in self.tahun_list}

    def clean(self):
        """Kondisi awal and targets within the range the satuan typed here gives (core.rentang)."""
        data = super().clean()
        if "satuan" not in data:
            return data
        rentang = rentang_indikator(data["satuan"], boleh_lebih_100=data.get("boleh_lebih_100", False))
        peran = {"kondisi_awal_teks": "Kondisi awal", **{f"target_{t}": f"Target {t}" for t in self.tahun_list}}
        for name, what in peran.items():
            masalah = rentang.masalah(data.get(name), what) if name in data else None
            if masalah:
                self.add_error(name, masalah)
        return data

    def save(self, commit=False):
        indikator = super().save(commit=False)
        awal = self.cleaned_data["kondisi_awal_teks"]
        indikator.kondisi_awal, indikator.kondisi_awal_label = awal.nilai, awal.label
        return indikator


class PaguForm(AsalMixin):
    """Pagu of one sub-kegiatan: one row per year, one column per budget stage. Cells of a locked
    document are shown disabled and never submitted."""

    def __init__(self, *args, tahun_list, existing: dict[tuple[int, str], object], locked: set[str],
                 versi: dict[str, int], kunci_of, **kwargs):
        super().__init__(*args, **kwargs)
        self.tahun_list = list(tahun_list)
        self.kunci_of = kunci_of
        for kunci, v in versi.items():
            self.fields[f"versi_{kunci}"] = forms.IntegerField(widget=forms.HiddenInput, initial=v, min_value=0)
        for tahun in self.tahun_list:
            for tahap in m.Pagu.Tahap.values:
                self.fields[f"pagu_{tahun}_{tahap}"] = AngkaField(
                    label=f"{m.Pagu.Tahap(tahap).label} {tahun}", required=False, max_digits=18, decimal_places=2,
                    min_value=0, min_value_message="Pagu tidak boleh negatif.", initial=existing.get((tahun, tahap)),
                    disabled=kunci_of(tahap, tahun) in locked,
                    widget=forms.TextInput(attrs={**RUPIAH_ATTRS, "class": "form-control text-end",
                                                  "autocomplete": "off",
                                                  "aria-label": f"Pagu {m.Pagu.Tahap(tahap).label} {tahun}"}),
                )

    def tahap_keterangan(self) -> list[tuple[str, str]]:
        """What each budget stage (a column of the grid) means, for the legend under it."""
        return [(label, bantuan.TAHAP_PAGU[value]) for value, label in m.Pagu.Tahap.choices]

    def grid(self):
        return [(t, [self[f"pagu_{t}_{tahap}"] for tahap in m.Pagu.Tahap.values]) for t in self.tahun_list]

    def jumlah(self):
        return {
            (t, tahap): self.cleaned_data[f"pagu_{t}_{tahap}"]
            for t in self.tahun_list for tahap in m.Pagu.Tahap.values
            if not self.fields[f"pagu_{t}_{tahap}"].disabled
        }

    def versi(self) -> dict[str, int]:
        return {name[len("versi_"):]: value for name, value in self.cleaned_data.items() if name.startswith("versi_")}
