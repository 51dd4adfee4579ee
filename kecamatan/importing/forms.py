"""The upload form of the Excel import."""

from __future__ import annotations

from django import forms

from kecamatan.importing.base import FileError
from kecamatan.importing.workbook import check_size


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
