"""Entry forms of the LKj year. Targets and comparison values through NilaiField (84,31 /
62 (B-) / N/A), signatories chosen among the kecamatan's own Camat records. Every form carries the
LKj document's `versi`, so a concurrent save is refused instead of overwritten."""

from __future__ import annotations

from django import forms

from kecamatan.core.fields import NilaiField
from kecamatan.core.formatting import Nilai
from kecamatan.core.forms import VersiMixin
from kecamatan.models import Indikator, PenetapanIKU, PerjanjianKinerja, Program

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def unknown_ids(post, prefix: str, known) -> bool:
    """True if the POST names a row this page never offered (another kecamatan's indicator or
    program, or one that does not exist): the caller answers 404."""
    known = {str(pk) for pk in known}
    for key in post:
        if key.startswith(prefix) and key[len(prefix):] not in known:
            return True
    return False


def _camat_field(form, camat_qs, required: bool) -> None:
    field = form.fields["camat"]
    field.queryset = camat_qs
    field.required = required
    field.label_from_instance = lambda c: f"{c.nama} (NIP {c.nip_cetak})" if c.nip else c.nama


class PKForm(VersiMixin, forms.ModelForm):
    """Signatories, one target per tujuan/sasaran indicator and the programs the PK lists."""

    class Meta:
        model = PerjanjianKinerja
        fields = ["camat", "pihak_kedua_nama", "pihak_kedua_jabatan", "ttd_tempat", "ttd_tanggal"]
        widgets = {"ttd_tanggal": DATE}

    def __init__(self, *args, camat, indikator: list[tuple[str, Indikator]], programs: list[Program],
                 anggaran: dict, **kwargs):
        super().__init__(*args, **kwargs)
        _camat_field(self, camat, required=True)
        self.indikator, self.programs, self.anggaran = indikator, programs, anggaran
        for _, ind in indikator:
            self.fields[f"target_{ind.pk}"] = NilaiField(label="Target", required=False, rentang=ind.rentang)
        for program in programs:
            self.fields[f"program_{program.pk}"] = forms.BooleanField(label="Dicantumkan", required=False)
            self.fields[f"keterangan_{program.pk}"] = forms.CharField(label="Keterangan", max_length=100,
                                                                      required=False)

    def header(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}

    def target_rows(self):
        return [(owner, ind, self[f"target_{ind.pk}"]) for owner, ind in self.indikator]

    def program_rows(self):
        return [(p, self.anggaran.get(p.pk), self[f"program_{p.pk}"], self[f"keterangan_{p.pk}"])
                for p in self.programs]

    def targets(self) -> dict[int, Nilai]:
        return {ind.pk: self.cleaned_data[f"target_{ind.pk}"] for _, ind in self.indikator}

    def program_values(self) -> dict[int, str | None]:
        return {p.pk: self.cleaned_data[f"keterangan_{p.pk}"] if self.cleaned_data[f"program_{p.pk}"] else None
                for p in self.programs}


class PenetapanIKUForm(VersiMixin, forms.ModelForm):
    class Meta:
        model = PenetapanIKU
        fields = ["camat", "ttd_tempat", "ttd_tanggal", "tugas_pokok", "fungsi"]
        widgets = {"ttd_tanggal": DATE, "tugas_pokok": forms.Textarea(attrs={"rows": 3}),
                   "fungsi": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, camat, **kwargs):
        super().__init__(*args, **kwargs)
        _camat_field(self, camat, required=False)

    def data_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class PengaturanForm(VersiMixin):
    kecamatan_pembanding = forms.ModelChoiceField(
        queryset=None, required=False, label="Kecamatan pembanding (Tabel 3.7)",
        help_text="Bawaan Tabel 3.7; pembaca tabel dapat memilih kecamatan lain.")
    catatan_anggaran = forms.CharField(label="Catatan realisasi anggaran (di bawah Tabel 3.9)", required=False,
                                       widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, kecamatan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kecamatan_pembanding"].queryset = kecamatan


class NilaiPembandingForm(VersiMixin):
    """One value and its source per tujuan/sasaran indicator, for one other kecamatan."""

    def __init__(self, *args, indikator: list[tuple[str, Indikator]], **kwargs):
        super().__init__(*args, **kwargs)
        self.indikator = indikator
        for _, ind in indikator:
            self.fields[f"nilai_{ind.pk}"] = NilaiField(label="Nilai", required=False, rentang=ind.rentang,
                                                        peran="Nilai pembanding")
            self.fields[f"sumber_{ind.pk}"] = forms.CharField(label="Sumber", max_length=200, required=False)

    def rows(self):
        return [(owner, ind, self[f"nilai_{ind.pk}"], self[f"sumber_{ind.pk}"]) for owner, ind in self.indikator]

    def values(self) -> dict[int, tuple[Nilai, str]]:
        return {ind.pk: (self.cleaned_data[f"nilai_{ind.pk}"], self.cleaned_data[f"sumber_{ind.pk}"])
                for _, ind in self.indikator}
