"""Forms of the catalog page: a new code (any printed form kode.py reads), a code's texts, and
the version every write checks."""

from __future__ import annotations

from django import forms

from kecamatan.core import kode as kode_mod
from kecamatan.core.forms import VersiMixin
from kecamatan.models import Nomenklatur

TINGKAT = [("", "Semua tingkat"), *((k, v) for k, v in kode_mod.LEVEL_LABELS.items())]
STATUS = [("semua", "Aktif dan nonaktif"), ("aktif", "Hanya aktif"), ("nonaktif", "Hanya nonaktif")]


class CariForm(forms.Form):
    q = forms.CharField(label="Cari kode atau nama", required=False)
    tingkat = forms.ChoiceField(label="Tingkat", choices=TINGKAT, required=False)
    status = forms.ChoiceField(label="Status", choices=STATUS, required=False)


class _TeksForm(forms.Form):
    nama = forms.CharField(label="Nama", max_length=400)
    kinerja = forms.CharField(label="Kinerja (keluaran)", required=False, widget=forms.Textarea(attrs={"rows": 2}),
                              help_text="Hanya untuk sub kegiatan.")
    indikator = forms.CharField(label="Indikator", required=False, widget=forms.Textarea(attrs={"rows": 2}),
                                help_text="Hanya untuk sub kegiatan.")
    satuan = forms.CharField(label="Satuan", max_length=60, required=False, help_text="Hanya untuk sub kegiatan.")
    sumber = forms.CharField(label="Sumber", max_length=300, required=False,
                             help_text="Peraturan yang memuat kode ini, mis. Kepmendagri 900.1.15.5-3406/2024.")


class TambahForm(_TeksForm):
    field_order = ["kode", "nama", "kinerja", "indikator", "satuan", "sumber"]

    kode = forms.CharField(label="Kode", max_length=40,
                           help_text="Kode lengkap, mis. 7.01.03.2.06.0001. Tingkatnya dibaca dari kode; "
                                     "induknya harus sudah ada di katalog.")


class UbahForm(VersiMixin, _TeksForm):
    @classmethod
    def for_node(cls, node: Nomenklatur, data=None):
        initial = {f: getattr(node, f) for f in ("nama", "kinerja", "indikator", "satuan", "sumber")}
        return cls(data, initial={**initial, "versi": node.versi})


class AktifForm(VersiMixin):
    aktif = forms.BooleanField(required=False)
