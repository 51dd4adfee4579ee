"""Forms. Numeric inputs use fields.AngkaField / fields.NilaiField (Indonesian notation)."""

from __future__ import annotations

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.contrib.auth.forms import AuthenticationForm

from kecamatan import models as m
from kecamatan.core.fields import AngkaField, NilaiField
from kecamatan.core.formatting import Nilai
from kecamatan.importing.base import FileError
from kecamatan.importing.reader import check_size


class LoginForm(AuthenticationForm):
    username = forms.CharField(label="Nama pengguna", max_length=150,
                               widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}))
    password = forms.CharField(label="Kata sandi", strip=False,
                               widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))


class VersiMixin(forms.Form):
    """The document version the page was loaded with (optimistic lock)."""

    versi = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class PenandatanganForm(forms.ModelForm):
    """Who signs a document (Renstra, Renja of a year): a Camat of the kecamatan, place and date."""

    versi = forms.IntegerField(widget=forms.HiddenInput, min_value=0, required=False)

    class Meta:
        model = m.Dokumen
        fields = ["camat", "ttd_tempat", "ttd_tanggal", "ttd_hanya_bulan"]
        widgets = {"ttd_tanggal": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, kecamatan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["camat"].queryset = m.Camat.objects.filter(kecamatan=kecamatan).select_related("kecamatan")
        self.fields["camat"].required = True


class CamatForm(forms.ModelForm):
    """A Camat of the kecamatan; the NIP may be typed with spaces, as printed."""

    class Meta:
        model = m.Camat
        fields = ["nama", "pangkat", "golongan", "nip", "mulai", "selesai"]
        widgets = {"mulai": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                   "selesai": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}


def _helper(submit_label: str = "Simpan") -> FormHelper:
    helper = FormHelper()
    helper.add_input(Submit("simpan", submit_label, css_class="btn-success"))
    return helper


# --- the cascade -----------------------------------------------------------------------------


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

    kondisi_awal_teks = NilaiField(label="Kondisi awal", help_text="Contoh: 84,31 atau 62 (B-) atau N/A")

    class Meta:
        model = m.Indikator
        fields = ["urutan", "uraian", "satuan", "polaritas", "aturan_akhir", "formula", "penjelasan", "iku",
                  "sumber_data", "penanggung_jawab"]
        widgets = {"uraian": forms.Textarea(attrs={"rows": 2}), "formula": forms.Textarea(attrs={"rows": 2}),
                   "penjelasan": forms.Textarea(attrs={"rows": 2})}

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

    def save(self, commit=False):
        indikator = super().save(commit=False)
        awal = self.cleaned_data["kondisi_awal_teks"]
        indikator.kondisi_awal, indikator.kondisi_awal_label = awal.nilai, awal.label
        return indikator


class PaguForm(forms.Form):
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
                    widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "form-control text-end",
                                                  "autocomplete": "off",
                                                  "aria-label": f"Pagu {m.Pagu.Tahap(tahap).label} {tahun}"}),
                )

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


# --- triwulan realisasi -----------------------------------------------------------------------


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
                widget=forms.TextInput(attrs={"class": "form-control form-control-sm text-end isian", "inputmode": "decimal",
                                              "autocomplete": "off", "data-kolom": "rp",
                                              "aria-label": f"Realisasi Rp: {labels.get(('subkegiatan', pk), '')}"}),
            )

    def indikator_values(self):
        return {pk: (self.cleaned_data[f"nilai_{pk}"], self.cleaned_data[f"keterangan_{pk}"])
                for pk in self.indikator_ids}

    def anggaran_values(self):
        return {pk: self.cleaned_data[f"rp_{pk}"] for pk in self.subkegiatan_ids}


# --- workflow -----------------------------------------------------------------------------------


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


# --- Excel import ------------------------------------------------------------------------------


class UnggahForm(forms.Form):
    """The filled template. Its size is checked before anything reads it."""

    berkas = forms.FileField(
        label="Berkas templat yang sudah diisi (.xlsx)",
        widget=forms.ClearableFileInput(attrs={
            "accept": ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}),
        error_messages={"required": "Pilih berkas .xlsx yang akan diunggah.",
                        "empty": "Berkas kosong. Pilih berkas templat .xlsx yang sudah diisi.",
                        "invalid": "Tidak ada berkas yang terkirim; pilih lagi berkasnya."},
    )

    def clean_berkas(self):
        berkas = self.cleaned_data["berkas"]
        try:
            check_size(berkas.size)
        except FileError as exc:
            raise forms.ValidationError(exc.pesan) from None
        return berkas
