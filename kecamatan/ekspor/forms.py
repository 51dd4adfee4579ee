"""The year of a kabupaten export: one of the years some kecamatan has a Renstra for."""

from __future__ import annotations

from django import forms


class EksporForm(forms.Form):
    tahun = forms.TypedChoiceField(label="Tahun", coerce=int, error_messages={
        "required": "Pilih tahun yang diekspor.",
        "invalid_choice": "Tidak ada Renstra kecamatan untuk tahun itu; pilih tahun dari daftar.",
    })

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tahun"].choices = [(t, str(t)) for t in years]
