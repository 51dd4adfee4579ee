"""Entry forms of the Renja. Numbers through AngkaField/RupiahField, targets through NilaiField
(84,31 / 62 (B-) / N/A), so Indonesian notation is read the same everywhere."""

from __future__ import annotations

from django import forms

from kecamatan.core.fields import AngkaField, NilaiField, RupiahField
from kecamatan.core.formatting import NULL_RUPIAH, Nilai
from kecamatan.core.forms import VersiMixin
from kecamatan.models import Indikator, ReviewRanwal, SubKegiatan, SumberDana, UsulanPemangku


def _named(name: str) -> forms.TextInput:
    """An input of a grid row, named after its row (screen readers; a conflict after a concurrent save)."""
    return forms.TextInput(attrs={"autocomplete": "off", "aria-label": name})


class TambahSubKegiatanForm(VersiMixin):
    subkegiatan = forms.ModelChoiceField(queryset=SubKegiatan.objects.none(), label="Sub kegiatan Renstra")

    def __init__(self, *args, pilihan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subkegiatan"].queryset = pilihan
        self.fields["subkegiatan"].label_from_instance = lambda s: f"{s.nomenklatur.kode} {s.nama}"


class RincianForm(VersiMixin):
    lokasi = forms.CharField(label="Lokasi", max_length=200, required=False)
    sumber_dana = forms.ChoiceField(label="Sumber dana", choices=[("", "(belum diketahui)"), *SumberDana.choices],
                                    required=False)
    catatan = forms.CharField(label="Catatan penting", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    dana = RupiahField(label="Kebutuhan dana (Rp)", required=False,
                       help_text="Hanya bila sub kegiatan tidak dirinci per aktivitas.")
    prakiraan = RupiahField(label="Prakiraan maju (Rp)", required=False,
                            help_text="Hanya bila prakiraan maju tidak dirinci per aktivitas.")

    def __init__(self, *args, tahun: int, indikator: list[Indikator], dana_dari_aktivitas: bool,
                 prakiraan_dari_aktivitas: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.indikator = indikator
        self.fields["dana"].label = f"Kebutuhan dana {tahun} (Rp)"
        self.fields["prakiraan"].label = f"Prakiraan maju {tahun + 1} (Rp)"
        if dana_dari_aktivitas:
            self.fields["dana"].disabled = True
            self.fields["dana"].help_text = "Dijumlahkan dari aktivitas di bawah."
        if prakiraan_dari_aktivitas:
            self.fields["prakiraan"].disabled = True
            self.fields["prakiraan"].help_text = f"Dijumlahkan dari prakiraan {tahun + 1} aktivitas di bawah."
        for ind in indikator:
            self.fields[f"target_{ind.pk}"] = NilaiField(label=f"Target {tahun} ({ind.satuan})", rentang=ind.rentang,
                                                         peran=f"Target {tahun}",
                                                         widget=_named(f"Target {tahun}: {ind.uraian}"))
            self.fields[f"prakiraan_{ind.pk}"] = NilaiField(label=f"Target {tahun + 1} ({ind.satuan})",
                                                            rentang=ind.rentang, peran=f"Target {tahun + 1}",
                                                            widget=_named(f"Target {tahun + 1}: {ind.uraian}"))

    def target_rows(self):
        return [(ind, self[f"target_{ind.pk}"], self[f"prakiraan_{ind.pk}"]) for ind in self.indikator]

    def targets(self) -> dict[int, tuple[Nilai, Nilai]]:
        return {ind.pk: (self.cleaned_data[f"target_{ind.pk}"], self.cleaned_data[f"prakiraan_{ind.pk}"])
                for ind in self.indikator}


class AktivitasForm(forms.Form):
    uraian = forms.CharField(label="Aktivitas", max_length=300)
    skala_prioritas = forms.IntegerField(label="Skala prioritas", min_value=1, required=False)
    volume = AngkaField(label="Volume", max_digits=18, decimal_places=4, required=False, dash_empty=True)
    satuan = forms.CharField(label="Satuan", max_length=60, required=False)
    jumlah = RupiahField(label="Dana (Rp)")
    prakiraan = RupiahField(label="Prakiraan maju n+1 (Rp)", required=False)
    catatan = forms.CharField(label="Catatan", max_length=300, required=False)


AktivitasFormSet = forms.formset_factory(AktivitasForm, extra=2, can_delete=True)


def aktivitas_list(formset) -> list[dict]:
    """The aktivitas the formset keeps, in order, without the empty and deleted forms."""
    out = []
    for form in formset.forms:
        data = getattr(form, "cleaned_data", None)
        if not data or data.get("DELETE"):
            continue
        out.append({
            "uraian": data["uraian"], "skala_prioritas": data.get("skala_prioritas"), "volume": data.get("volume"),
            "satuan": data.get("satuan", ""), "jumlah": data["jumlah"], "prakiraan": data.get("prakiraan"),
            "catatan": data.get("catatan", ""),
        })
    return out


class TargetRenjaForm(VersiMixin):
    """Renja targets of n and n+1 for every indicator given (programs, kegiatan, tujuan, sasaran)."""

    def __init__(self, *args, tahun: int, indikator: list[Indikator], **kwargs):
        super().__init__(*args, **kwargs)
        self.indikator = indikator
        for ind in indikator:
            self.fields[f"target_{ind.pk}"] = NilaiField(label=f"Target {tahun}", rentang=ind.rentang,
                                                         widget=_named(f"Target {tahun}: {ind.uraian}"))
            self.fields[f"prakiraan_{ind.pk}"] = NilaiField(label=f"Target {tahun + 1}", rentang=ind.rentang,
                                                            widget=_named(f"Target {tahun + 1}: {ind.uraian}"))

    def rows(self):
        return [(ind, self[f"target_{ind.pk}"], self[f"prakiraan_{ind.pk}"]) for ind in self.indikator]

    def values(self) -> dict[int, tuple[Nilai, Nilai]]:
        return {ind.pk: (self.cleaned_data[f"target_{ind.pk}"], self.cleaned_data[f"prakiraan_{ind.pk}"])
                for ind in self.indikator}


EVALUASI_KEYS = ("target_n2", "realisasi_n2", "target_n1")


class EvaluasiForm(VersiMixin):
    """T-C.29 inputs of every indicator; inputs that belong to another document are read-only."""

    def __init__(self, *args, tahun: int, indikator: list[Indikator], terkunci: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.indikator = indikator
        labels = {"target_n2": f"Target Renja {tahun - 2}", "realisasi_n2": f"Realisasi {tahun - 2}",
                  "target_n1": f"Target Renja {tahun - 1}"}
        for ind in indikator:
            for key in EVALUASI_KEYS:
                field = NilaiField(label=labels[key], rentang=ind.rentang)
                if key in terkunci:
                    field.disabled = True
                    field.help_text = terkunci[key]
                self.fields[f"{key}_{ind.pk}"] = field
        self.terkunci = terkunci

    def rows(self):
        return [(ind, [self[f"{key}_{ind.pk}"] for key in EVALUASI_KEYS]) for ind in self.indikator]

    def values(self) -> dict[int, dict[str, Nilai]]:
        return {
            ind.pk: {key: self.cleaned_data[f"{key}_{ind.pk}"] for key in EVALUASI_KEYS if key not in self.terkunci}
            for ind in self.indikator
        }


class AnalisisForm(VersiMixin):
    def __init__(self, *args, indikator: list[Indikator], **kwargs):
        super().__init__(*args, **kwargs)
        self.indikator = indikator
        for ind in indikator:
            self.fields[f"spm_{ind.pk}"] = NilaiField(label="SPM/Standar Nasional")
            self.fields[f"ikk_{ind.pk}"] = NilaiField(label="IKK")
            self.fields[f"catatan_{ind.pk}"] = forms.CharField(label="Catatan analisis", required=False,
                                                                widget=forms.Textarea(attrs={"rows": 2}))

    def rows(self):
        return [(ind, self[f"spm_{ind.pk}"], self[f"ikk_{ind.pk}"], self[f"catatan_{ind.pk}"]) for ind in self.indikator]

    def values(self) -> dict[int, dict]:
        return {ind.pk: {"spm": self.cleaned_data[f"spm_{ind.pk}"], "ikk": self.cleaned_data[f"ikk_{ind.pk}"],
                         "catatan": self.cleaned_data[f"catatan_{ind.pk}"]} for ind in self.indikator}


class RupiahStripField(RupiahField):
    """Rp where "-" means absent, as in the Excel import."""

    def to_python(self, value):
        if isinstance(value, str) and value.strip() in ("-", "–", "—"):
            return None
        return super().to_python(value)


class ReviewRanwalForm(VersiMixin):
    urutan = forms.IntegerField(label="Nomor urut baris", min_value=1)
    tingkat = forms.ChoiceField(label="Tingkat", choices=ReviewRanwal.Tingkat.choices)
    ranwal_nama = forms.CharField(label="Program/kegiatan (Ranwal RKPD)", max_length=400, required=False)
    ranwal_lokasi = forms.CharField(label="Lokasi (Ranwal)", max_length=200, required=False)
    ranwal_indikator = forms.CharField(label="Indikator kinerja (Ranwal)", required=False,
                                       widget=forms.Textarea(attrs={"rows": 2}))
    ranwal_target = NilaiField(label="Target capaian (Ranwal)")
    ranwal_satuan = forms.CharField(label="Satuan target (Ranwal)", max_length=60, required=False)
    ranwal_pagu = RupiahField(label="Pagu indikatif (Rp)", required=False,
                              help_text="Hanya pada baris sub kegiatan; program dan kegiatan dijumlahkan.")
    kebutuhan = forms.ChoiceField(label="Hasil analisis kebutuhan", required=False,
                                  help_text="Program/kegiatan/sub kegiatan Renja; nama, target dan dana dibaca dari Renja.")
    kebutuhan_target = NilaiField(label="Target capaian (hasil analisis kebutuhan)",
                                  help_text="Isi bila review mencatat angka lain dari Renja; kosong atau - : target Renja.")
    kebutuhan_dana = RupiahStripField(label="Kebutuhan dana (Rp, hasil analisis kebutuhan)", required=False,
                                      help_text="Isi bila review mencatat angka lain dari Renja; kosong atau - : dana Renja.")
    catatan = forms.CharField(label="Catatan penting", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, nodes, **kwargs):
        super().__init__(*args, **kwargs)
        self.nodes = {f"{node.level}:{node.id}": node for node in nodes}
        indent = {"program": "", "kegiatan": "— ", "subkegiatan": "— — "}
        self.fields["kebutuhan"].choices = [("", "(tidak ada)")] + [
            (key, f"{indent[node.level]}{node.kode} {node.nama}") for key, node in self.nodes.items()
        ]

    def clean(self):
        data = super().clean()
        raw_pagu = (self.data.get(self.add_prefix("ranwal_pagu")) or "").strip()
        if raw_pagu in NULL_RUPIAH and data.get("tingkat") != ReviewRanwal.Tingkat.SUBKEGIATAN:
            data["ranwal_pagu"] = None  # "-" on a program/kegiatan row: nothing typed, its pagu is a sum
        key = data.get("kebutuhan")
        if key and data.get("tingkat") and not key.startswith(data["tingkat"] + ":"):
            self.add_error("kebutuhan", "Pilih program/kegiatan/sub kegiatan yang setingkat dengan baris ini.")
        target = data.get("kebutuhan_target")
        if target is not None and target.nilai is None and target.label == "-":
            data["kebutuhan_target"] = Nilai()  # "-" = absent: the Renja's target prints
        for name in ("kebutuhan_target", "kebutuhan_dana"):
            value = data.get(name)
            if not key and value is not None and not (isinstance(value, Nilai) and value.is_empty):
                self.add_error(name, "Pilih dahulu program/kegiatan/sub kegiatan hasil analisis kebutuhan.")
        return data

    def model_data(self) -> dict:
        d = self.cleaned_data
        return {
            "urutan": d["urutan"], "tingkat": d["tingkat"], "ranwal_nama": d["ranwal_nama"],
            "ranwal_lokasi": d["ranwal_lokasi"], "ranwal_indikator": d["ranwal_indikator"],
            "ranwal_target": d["ranwal_target"].nilai, "ranwal_target_label": d["ranwal_target"].label,
            "ranwal_satuan": d["ranwal_satuan"], "ranwal_pagu": d["ranwal_pagu"], "catatan": d["catatan"],
            "kebutuhan_target": d["kebutuhan_target"].nilai, "kebutuhan_target_label": d["kebutuhan_target"].label,
            "kebutuhan_dana": d["kebutuhan_dana"],
        }

    @staticmethod
    def initial_of(baris: ReviewRanwal) -> dict:
        node = baris.node
        return {
            "urutan": baris.urutan, "tingkat": baris.tingkat, "ranwal_nama": baris.ranwal_nama,
            "ranwal_lokasi": baris.ranwal_lokasi, "ranwal_indikator": baris.ranwal_indikator,
            "ranwal_target": Nilai(baris.ranwal_target, baris.ranwal_target_label), "ranwal_satuan": baris.ranwal_satuan,
            "ranwal_pagu": baris.ranwal_pagu, "catatan": baris.catatan,
            "kebutuhan": f"{baris.tingkat}:{node.pk}" if node is not None else "",
            "kebutuhan_target": Nilai(baris.kebutuhan_target, baris.kebutuhan_target_label),
            "kebutuhan_dana": baris.kebutuhan_dana,
        }


class UsulanForm(VersiMixin, forms.ModelForm):
    volume = AngkaField(label="Besaran/volume", max_digits=18, decimal_places=4, required=False, dash_empty=True)

    class Meta:
        model = UsulanPemangku
        fields = ["program", "kegiatan", "subkegiatan", "lokasi", "indikator", "volume", "satuan", "catatan",
                  "pengusul"]
        widgets = {"indikator": forms.Textarea(attrs={"rows": 2}), "catatan": forms.Textarea(attrs={"rows": 2})}
