"""Forms of the admin kabupaten's pages. Pages that change something two admins could edit at once
carry `sidik`, a fingerprint of the values the page was loaded with (these models have no version)."""

from __future__ import annotations

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Fieldset, Layout, Submit
from django import forms

from kecamatan.core.fields import AngkaField
from kecamatan.core.forms import SidikMixin
from kecamatan.core.validators import validate_logo
from kecamatan.models import Kabupaten, Kecamatan, Peran

PERAN_KECAMATAN = (Peran.OPERATOR, Peran.CAMAT)


def _helper(label: str = "Simpan") -> FormHelper:
    helper = FormHelper()
    helper.form_id = "form-kelola"  # the conflict choices of _bentrok.html, outside the crispy <form>, name it
    helper.add_input(Submit("simpan", label, css_class="btn-success"))
    return helper


class PenggunaForm(forms.Form):
    """A user and their profile; the kecamatan is asked for operator and Camat only."""

    username = forms.RegexField(label="Nama pengguna", max_length=150, regex=r"^[\w.@+-]+$",
                                error_messages={"invalid": "Hanya huruf, angka dan . @ + - _ tanpa spasi."},
                                help_text="Dipakai untuk masuk, mis. op.klakah.")
    nama = forms.CharField(label="Nama lengkap", max_length=150)
    email = forms.EmailField(label="E-mail", required=False,
                             help_text="Untuk tautan atur ulang kata sandi bila pengguna lupa.")
    peran = forms.ChoiceField(label="Peran", choices=Peran.choices)
    kecamatan = forms.ModelChoiceField(label="Kecamatan", queryset=Kecamatan.objects.none(), required=False,
                                       help_text="Wajib untuk operator kecamatan dan Camat; kosong untuk yang lain.")
    sandi = forms.CharField(label="Kata sandi awal", required=False, strip=False,
                            widget=forms.TextInput(attrs={"autocomplete": "off"}),
                            help_text="Kosongkan agar dibuatkan acak. Pengguna wajib menggantinya saat pertama masuk.")

    def __init__(self, *args, kabupaten: Kabupaten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kecamatan"].queryset = kabupaten.kecamatan.order_by("nama")
        self.helper = _helper()

    def clean(self):
        data = super().clean()
        peran, kecamatan = data.get("peran"), data.get("kecamatan")
        if peran in PERAN_KECAMATAN and kecamatan is None:
            self.add_error("kecamatan", "Pilih kecamatan operator atau Camat ini.")
        if peran and peran not in PERAN_KECAMATAN:
            data["kecamatan"] = None
        return data


class PenggunaUbahForm(SidikMixin, PenggunaForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].disabled = True
        self.fields["username"].required = False
        self.fields["sandi"].label = "Kata sandi baru"
        self.fields["sandi"].help_text = ("Kosongkan bila tidak diganti. Bila diisi, pengguna wajib menggantinya "
                                          "saat masuk berikutnya.")


class KecamatanProfilForm(SidikMixin, forms.ModelForm):
    class Meta:
        model = Kecamatan
        fields = ["alamat", "telepon", "email", "kode_pos", "jumlah_desa"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper()


class KabupatenForm(SidikMixin, forms.ModelForm):
    """The kabupaten's data, and the deadlines the completeness report measures the kecamatan by."""

    class Meta:
        model = Kabupaten
        fields = ["nama", "provinsi", "bappeda", "alamat_bappeda", "logo", "tenggat_realisasi_hari",
                  "tenggat_renja_tanggal", "tenggat_renja_bulan", "tenggat_lkj_tanggal", "tenggat_lkj_bulan"]
        labels = {"tenggat_realisasi_hari": "Realisasi triwulan: hari setelah triwulan berakhir",
                  "tenggat_renja_tanggal": "Renja tahun N: tanggal", "tenggat_renja_bulan": "bulan (tahun N-1)",
                  "tenggat_lkj_tanggal": "LKj tahun N: tanggal", "tenggat_lkj_bulan": "bulan (tahun N+1)"}
        error_messages = {
            "tenggat_realisasi_hari": {"required": "Wajib diisi.", "invalid": "Isi dengan angka bulat.",
                                       "min_value": "Paling sedikit 0 hari.",
                                       "max_value": "Paling lama 90 hari setelah triwulan berakhir."},
            **{f: {"required": "Wajib diisi.", "invalid": "Isi dengan angka bulat.",
                   "min_value": "Tanggal paling kecil 1.", "max_value": "Tanggal paling besar 31."}
               for f in ("tenggat_renja_tanggal", "tenggat_lkj_tanggal")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["logo"].validators = [validate_logo]
        self.helper = _helper()
        self.helper.form_tag = True
        self.helper.layout = Layout(
            "nama", "provinsi", "bappeda", "alamat_bappeda", "logo",
            Fieldset("Tenggat pengajuan (laporan kelengkapan dan ketepatan waktu)", "tenggat_realisasi_hari",
                     Div(Div("tenggat_renja_tanggal", css_class="col-4"), Div("tenggat_renja_bulan", css_class="col-8"),
                         css_class="row"),
                     Div(Div("tenggat_lkj_tanggal", css_class="col-4"), Div("tenggat_lkj_bulan", css_class="col-8"),
                         css_class="row")),
            "sidik",
        )


class SkalaForm(forms.Form):
    berlaku_mulai = forms.IntegerField(label="Berlaku mulai tahun", min_value=2000, max_value=2100)
    batas_bawah = AngkaField(label="Batas bawah (%)", required=False, max_digits=7, decimal_places=2,
                             help_text="Kosong untuk kriteria terendah.")
    kriteria = forms.CharField(label="Kriteria", max_length=60)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-control form-control-sm"


SkalaFormSet = forms.formset_factory(SkalaForm, extra=1, can_delete=True)


def skala_rows(formset) -> list[dict]:
    """The bands the formset keeps: filled, not marked for deletion."""
    return [f.cleaned_data for f in formset.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE") and f.cleaned_data.get("kriteria")]


class PeriodeForm(forms.Form):
    tahun_mulai = forms.IntegerField(label="Tahun awal", min_value=2000, max_value=2100)
    tahun_selesai = forms.IntegerField(label="Tahun akhir", min_value=2000, max_value=2100)
    tahun_kondisi_awal = forms.IntegerField(label="Tahun kondisi awal", min_value=1990, max_value=2100,
                                            help_text="Tahun capaian awal (baseline), mis. 2024 untuk Renstra "
                                                      "2026-2030.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper("Buat periode Renstra")


class SidikForm(SidikMixin):
    """A confirmation page's POST: only the fingerprint of what it listed."""


class BukaKunciForm(SidikMixin):
    """"Buka kunci" on the list of locked accounts: the username and the fingerprint of its failures."""

    username = forms.CharField(max_length=255)
