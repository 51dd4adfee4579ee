"""The filters of Bappeda's work list (a GET form: a bad value is reported and ignored)."""

from __future__ import annotations

from django import forms

from kecamatan.beranda.antrian import SEMUA, Pilihan, Saringan
from kecamatan.models import Dokumen

STATUS_PILIHAN = [
    (Dokumen.Status.DIAJUKAN, "Menunggu verifikasi"),
    (Dokumen.Status.DIKEMBALIKAN, "Dikembalikan ke kecamatan"),
    (Dokumen.Status.DIVERIFIKASI, "Diverifikasi"),
    (Dokumen.Status.DRAFT, "Draf (ditarik atau dibuka kembali)"),
    (SEMUA, "Semua status"),
]


class SaringanForm(forms.Form):
    q = forms.CharField(label="Cari", required=False, max_length=100,
                        widget=forms.TextInput(attrs={"type": "search", "placeholder": "mis. Senduro realisasi 2024"}))
    status = forms.ChoiceField(label="Status", required=False, choices=STATUS_PILIHAN)
    kecamatan = forms.TypedChoiceField(label="Kecamatan", required=False, coerce=int, empty_value=None)
    jenis = forms.ChoiceField(label="Jenis dokumen", required=False,
                              choices=[("", "Semua jenis"), *Dokumen.Jenis.choices])
    tahun = forms.TypedChoiceField(label="Tahun", required=False, coerce=int, empty_value=None)

    def __init__(self, *args, pilihan: Pilihan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kecamatan"].choices = [("", "Semua kecamatan"), *pilihan.kecamatan]
        self.fields["tahun"].choices = [("", "Semua tahun"), *((t, str(t)) for t in pilihan.tahun)]
        for field in self.fields.values():
            css = "form-select form-select-sm" if isinstance(field, forms.ChoiceField) else "form-control form-control-sm"
            field.widget.attrs["class"] = css

    @staticmethod
    def status_label(status: str) -> str:
        return dict(STATUS_PILIHAN).get(status, status)

    def saringan(self) -> Saringan:
        """The valid filters; a field with a bad value falls back to its default."""
        if not self.is_bound:
            return Saringan()
        self.is_valid()  # fills cleaned_data with the fields that are valid
        data = self.cleaned_data
        return Saringan(
            status=data.get("status") or Dokumen.Status.DIAJUKAN, kecamatan=data.get("kecamatan"),
            jenis=data.get("jenis") or "", tahun=data.get("tahun"), q=(data.get("q") or "").strip(),
        )
