"""Forms of the narrative editor: one section's text, or one drafted paragraph."""

from __future__ import annotations

from django import forms

from kecamatan.core.forms import VersiMixin
from kecamatan.core.markup import MAX_LENGTH


class NarasiForm(VersiMixin):
    teks = forms.CharField(
        label="Teks", required=False, max_length=MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 18, "class": "form-control font-monospace", "spellcheck": "true"}),
    )


class DrafForm(NarasiForm):
    AKSI = (("simpan", "Simpan teks saya"), ("kembalikan", "Kembali ke draf otomatis"))
    aksi = forms.ChoiceField(choices=AKSI, initial="simpan", required=False)  # the button pressed
    draf = forms.CharField(required=False, widget=forms.HiddenInput)  # the draft the user saw
