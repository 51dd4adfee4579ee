"""The form of a new API token: a name and how long it lives."""

from __future__ import annotations

from django import forms

from kecamatan.api.tokens import MASA_BERLAKU


class TokenBaruForm(forms.Form):
    nama = forms.CharField(label="Nama token", max_length=80,
                           help_text="Untuk apa token ini, mis. \"e-Monev kecamatan\" atau \"dasbor Bappeda\".")
    masa = forms.ChoiceField(label="Berlaku selama", choices=[(k, v[0]) for k, v in MASA_BERLAKU.items()], initial="90")
