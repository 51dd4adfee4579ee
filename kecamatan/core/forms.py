"""Forms. Numeric inputs use fields.AngkaField / fields.NilaiField (Indonesian notation)."""

from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm


class LoginForm(AuthenticationForm):
    username = forms.CharField(label="Nama pengguna", max_length=150,
                               widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}))
    password = forms.CharField(label="Kata sandi", strip=False,
                               widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))


class VersiMixin(forms.Form):
    """The document version the page was loaded with (optimistic lock)."""

    versi = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


# --- the cascade -----------------------------------------------------------------------------


# --- triwulan realisasi -----------------------------------------------------------------------


# --- workflow -----------------------------------------------------------------------------------


# --- Excel import ------------------------------------------------------------------------------


