"""Forms. Numeric inputs use fields.AngkaField / fields.NilaiField (Indonesian notation)."""

from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm

from kecamatan.core import asal as asal_mod


class LoginForm(AuthenticationForm):
    username = forms.CharField(label="Nama pengguna", max_length=150,
                               widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}))
    password = forms.CharField(label="Kata sandi", strip=False,
                               widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))


class AsalMixin(forms.Form):
    """The values the page was loaded with (`asal`, see core/asal.py), so a refused save can be
    merged with what was stored meanwhile instead of retyped. Formsets saved with the form join
    its asal through `ikut`."""

    asal = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, data=None, *args, ikut=(), **kwargs):
        super().__init__(asal_mod.terapkan_pilihan(data) if data is not None else None, *args, **kwargs)
        self.ikut = list(ikut)
        self.bentrok = None  # the refusal that produced this merged form, for _bentrok.html
        self.konflik: list[asal_mod.Konflik] = asal_mod.konflik_terbuka(self) if self.is_bound else []

    def get_initial_for_field(self, field, field_name):
        if field_name == "asal" and not self.is_bound:
            return asal_mod.tanda(asal_mod.nilai(self, *self.ikut))
        return super().get_initial_for_field(field, field_name)

    @property
    def asal_dimuat(self) -> dict | None:
        """The values the posted page was loaded with (None: an old page without them)."""
        payload = asal_mod.baca(self.data.get("asal")) if self.is_bound else None
        return payload["v"] if payload else None

    def clean(self):
        data = super().clean()
        for name in asal_mod.belum_dipilih(self.data):
            self.add_error(None, "Pilih nilai yang dipakai untuk setiap isian yang diubah dua orang "
                                 "(Anda atau yang tersimpan), lalu simpan lagi.")
            break
        return data


class VersiMixin(AsalMixin):
    """The document version the page was loaded with (optimistic lock), checked by the service
    under the document's row lock (`dokumen.services.check_editable`)."""

    versi = forms.IntegerField(widget=forms.HiddenInput, min_value=0,
                               error_messages={"required": "Halaman ini tidak membawa versi dokumen; muat ulang."})


class SidikMixin(AsalMixin):
    """For records without a document: a fingerprint of the stored values (`sidik`) instead of a
    versi; the service refuses when it no longer matches."""

    sidik = forms.CharField(widget=forms.HiddenInput)


# --- the cascade -----------------------------------------------------------------------------


# --- triwulan realisasi -----------------------------------------------------------------------


# --- workflow -----------------------------------------------------------------------------------


# --- Excel import ------------------------------------------------------------------------------


