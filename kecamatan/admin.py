"""Admin for the kabupaten admin: catalog, kecamatan, camat, periods, and the cascade."""

from django import forms
from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from kecamatan import models as m


@admin.register(m.Kabupaten)
class KabupatenAdmin(admin.ModelAdmin):
    list_display = ["nama", "provinsi", "demo", "logo"]
    list_filter = ["demo"]
    search_fields = ["nama", "provinsi"]
    prepopulated_fields = {"slug": ["nama"]}


@admin.register(m.Kecamatan)
class KecamatanAdmin(admin.ModelAdmin):
    list_display = ["nama", "kabupaten", "jumlah_desa"]
    list_filter = ["kabupaten"]
    search_fields = ["nama"]
    prepopulated_fields = {"slug": ["nama"]}


@admin.register(m.Camat)
class CamatAdmin(admin.ModelAdmin):
    list_display = ["nama", "kecamatan", "nip", "pangkat", "golongan", "mulai", "selesai"]
    list_filter = ["kecamatan"]
    search_fields = ["nama", "nip"]
    list_select_related = ["kecamatan"]


@admin.register(m.Nomenklatur)
class NomenklaturAdmin(admin.ModelAdmin):
    list_display = ["kode", "nama", "level", "satuan", "aktif"]
    list_filter = ["level", "aktif"]
    search_fields = ["kode", "nama", "indikator"]
    autocomplete_fields = ["parent"]


class TujuanInline(admin.TabularInline):
    model = m.Tujuan
    extra = 0


@admin.register(m.Periode)
class PeriodeAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kecamatan", "tahun_mulai", "tahun_selesai", "demo"]
    list_filter = ["kecamatan__kabupaten", "tahun_mulai", "demo"]
    search_fields = ["kecamatan__nama"]
    list_select_related = ["kecamatan"]
    autocomplete_fields = ["kecamatan"]
    inlines = [TujuanInline]


class RiwayatInline(admin.TabularInline):
    model = m.Riwayat
    extra = 0
    readonly_fields = ["waktu", "oleh", "aksi", "dari_status", "ke_status", "catatan"]
    can_delete = False


@admin.register(m.Dokumen)
class DokumenAdmin(admin.ModelAdmin):
    list_display = ["__str__", "jenis", "tahun", "triwulan", "status", "camat"]
    list_filter = ["jenis", "status", "tahun", "periode__kecamatan"]
    search_fields = ["periode__kecamatan__nama"]
    list_select_related = ["periode__kecamatan", "camat"]
    autocomplete_fields = ["camat"]
    inlines = [RiwayatInline]


@admin.register(m.Tujuan)
class TujuanAdmin(admin.ModelAdmin):
    list_display = ["uraian", "periode", "urutan"]
    list_filter = ["periode__kecamatan"]
    search_fields = ["uraian"]
    list_select_related = ["periode__kecamatan"]


@admin.register(m.Sasaran)
class SasaranAdmin(admin.ModelAdmin):
    list_display = ["uraian", "tujuan", "urutan"]
    list_filter = ["tujuan__periode__kecamatan"]
    search_fields = ["uraian"]
    list_select_related = ["tujuan"]


class _NodeAdmin(admin.ModelAdmin):
    list_display = ["kode_display", "nama"]
    search_fields = ["nomenklatur__kode", "nama"]
    autocomplete_fields = ["nomenklatur"]
    list_select_related = ["nomenklatur"]

    @admin.display(description="kode", ordering="nomenklatur__kode")
    def kode_display(self, obj):
        return obj.nomenklatur.kode


@admin.register(m.Program)
class ProgramAdmin(_NodeAdmin):
    list_display = ["kode_display", "nama", "periode"]
    list_filter = ["periode__kecamatan"]
    list_select_related = ["nomenklatur", "periode__kecamatan"]


@admin.register(m.Kegiatan)
class KegiatanAdmin(_NodeAdmin):
    list_filter = ["program__periode__kecamatan"]
    autocomplete_fields = ["nomenklatur", "program"]


@admin.register(m.SubKegiatan)
class SubKegiatanAdmin(_NodeAdmin):
    list_filter = ["kegiatan__program__periode__kecamatan"]
    autocomplete_fields = ["nomenklatur", "kegiatan"]


class TargetInline(admin.TabularInline):
    model = m.Target
    extra = 0


@admin.register(m.Indikator)
class IndikatorAdmin(admin.ModelAdmin):
    list_display = ["uraian", "satuan", "periode", "polaritas", "iku"]
    list_filter = ["periode__kecamatan", "iku", "polaritas", "satuan"]
    search_fields = ["uraian", "formula"]
    list_select_related = ["periode__kecamatan"]
    raw_id_fields = ["tujuan", "sasaran", "program", "kegiatan", "subkegiatan"]
    inlines = [TargetInline]


@admin.register(m.Target)
class TargetAdmin(SimpleHistoryAdmin):  # 'Riwayat' button: every change, by whom
    list_display = ["indikator", "tahun", "nilai", "label"]
    list_filter = ["tahun", "indikator__periode__kecamatan"]
    search_fields = ["indikator__uraian"]
    raw_id_fields = ["indikator"]


@admin.register(m.Realisasi)
class RealisasiAdmin(SimpleHistoryAdmin):  # 'Riwayat' button: every change, by whom
    list_display = ["indikator", "tahun", "triwulan", "nilai", "label"]
    list_filter = ["tahun", "triwulan", "indikator__periode__kecamatan"]
    search_fields = ["indikator__uraian"]
    raw_id_fields = ["indikator"]


@admin.register(m.Pagu)
class PaguAdmin(SimpleHistoryAdmin):  # 'Riwayat' button: every change, by whom
    list_display = ["subkegiatan", "tahun", "tahap", "jumlah"]
    list_filter = ["tahap", "tahun", "subkegiatan__kegiatan__program__periode__kecamatan"]
    search_fields = ["subkegiatan__nama", "subkegiatan__nomenklatur__kode"]
    raw_id_fields = ["subkegiatan"]


@admin.register(m.RealisasiAnggaran)
class RealisasiAnggaranAdmin(SimpleHistoryAdmin):  # 'Riwayat' button: every change, by whom
    list_display = ["subkegiatan", "tahun", "triwulan", "jumlah"]
    list_filter = ["tahun", "triwulan", "subkegiatan__kegiatan__program__periode__kecamatan"]
    search_fields = ["subkegiatan__nama", "subkegiatan__nomenklatur__kode"]
    raw_id_fields = ["subkegiatan"]


@admin.register(m.Profil)
class ProfilAdmin(admin.ModelAdmin):
    list_display = ["user", "peran", "kecamatan"]
    list_filter = ["peran", "kecamatan"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    list_select_related = ["user", "kecamatan"]


# Renja (issue 6): what a Renja of year n holds beyond the Renstra
class AktivitasInline(admin.TabularInline):
    model = m.Aktivitas
    extra = 0


@admin.register(m.RenjaSubKegiatan)
class RenjaSubKegiatanAdmin(admin.ModelAdmin):
    list_display = ["subkegiatan", "dokumen", "lokasi", "sumber_dana"]
    list_filter = ["sumber_dana", "dokumen__tahun", "dokumen__periode__kecamatan"]
    search_fields = ["subkegiatan__nama", "subkegiatan__nomenklatur__kode"]
    list_select_related = ["subkegiatan__nomenklatur", "dokumen__periode__kecamatan"]
    raw_id_fields = ["dokumen", "subkegiatan"]
    inlines = [AktivitasInline]


@admin.register(m.TargetRenja)
class TargetRenjaAdmin(admin.ModelAdmin):
    list_display = ["indikator", "tahun", "tahap", "nilai", "label"]
    list_filter = ["tahap", "tahun", "indikator__periode__kecamatan"]
    search_fields = ["indikator__uraian"]
    raw_id_fields = ["indikator"]


@admin.register(m.ReviewRanwal)
class ReviewRanwalAdmin(admin.ModelAdmin):
    list_display = ["urutan", "tingkat", "ranwal_nama", "ranwal_pagu", "dokumen"]
    list_filter = ["tingkat", "dokumen__tahun", "dokumen__periode__kecamatan"]
    search_fields = ["ranwal_nama", "ranwal_indikator"]
    raw_id_fields = ["dokumen", "program", "kegiatan", "subkegiatan"]


@admin.register(m.UsulanPemangku)
class UsulanPemangkuAdmin(admin.ModelAdmin):
    list_display = ["urutan", "program", "kegiatan", "lokasi", "volume", "satuan", "dokumen"]
    list_filter = ["dokumen__tahun", "dokumen__periode__kecamatan"]
    search_fields = ["program", "kegiatan", "indikator"]
    raw_id_fields = ["dokumen"]


@admin.register(m.AnalisisKinerjaPelayanan)
class AnalisisKinerjaPelayananAdmin(admin.ModelAdmin):
    list_display = ["indikator", "dokumen", "spm", "spm_label", "ikk", "ikk_label"]
    list_filter = ["dokumen__tahun", "dokumen__periode__kecamatan"]
    raw_id_fields = ["dokumen", "indikator"]


@admin.register(m.CatatanSumber)
class CatatanSumberAdmin(admin.ModelAdmin):
    list_display = ["tabel", "baris_sumber", "kunci", "kolom", "tercetak", "dokumen"]
    list_filter = ["tabel", "dokumen__periode__kecamatan"]
    search_fields = ["uraian", "kunci"]
    raw_id_fields = ["dokumen"]


# Renstra tables beyond the cascade (issue 5): T-C.23/T-C.24 history and T-C.26


class CapaianLaluInline(admin.TabularInline):
    model = m.CapaianLalu
    extra = 0


@admin.register(m.IndikatorLalu)
class IndikatorLaluAdmin(admin.ModelAdmin):
    list_display = ["uraian", "periode", "berlaku_mulai", "berlaku_sampai", "tingkat", "indikator"]
    list_filter = ["periode__kecamatan", "tingkat", "berlaku_mulai"]
    search_fields = ["uraian"]
    list_select_related = ["periode__kecamatan", "indikator"]
    raw_id_fields = ["indikator"]
    inlines = [CapaianLaluInline]


class AnggaranLaluInline(admin.TabularInline):
    model = m.AnggaranLalu
    extra = 0


@admin.register(m.ProgramLalu)
class ProgramLaluAdmin(admin.ModelAdmin):
    list_display = ["uraian", "periode", "berlaku_mulai", "berlaku_sampai"]
    list_filter = ["periode__kecamatan", "berlaku_mulai"]
    search_fields = ["uraian"]
    list_select_related = ["periode__kecamatan"]
    inlines = [AnggaranLaluInline]


@admin.register(m.Strategi)
class StrategiAdmin(admin.ModelAdmin):
    list_display = ["uraian", "sasaran", "urutan"]
    list_filter = ["sasaran__tujuan__periode__kecamatan"]
    search_fields = ["uraian"]
    list_select_related = ["sasaran"]


class ArahKebijakanForm(forms.ModelForm):
    class Meta:
        model = m.ArahKebijakan
        fields = ["sasaran", "urutan", "uraian", "strategi"]

    def clean(self):
        cleaned = super().clean()
        sasaran, strategi = cleaned.get("sasaran"), cleaned.get("strategi")
        if sasaran and strategi and any(s.sasaran_id != sasaran.pk for s in strategi):
            raise forms.ValidationError({"strategi": "Pilih strategi dari sasaran yang sama dengan arah kebijakan ini."})
        return cleaned


@admin.register(m.ArahKebijakan)
class ArahKebijakanAdmin(admin.ModelAdmin):
    form = ArahKebijakanForm
    list_display = ["uraian", "sasaran", "urutan"]
    list_filter = ["sasaran__tujuan__periode__kecamatan"]
    search_fields = ["uraian"]
    list_select_related = ["sasaran"]
    filter_horizontal = ["strategi"]


# Yearly performance documents (issue 9): IKU, Perjanjian Kinerja, criteria scale, LKj settings.


@admin.register(m.SkalaKriteria)
class SkalaKriteriaAdmin(admin.ModelAdmin):
    list_display = ["kabupaten", "berlaku_mulai", "batas_bawah", "kriteria"]
    list_filter = ["kabupaten", "berlaku_mulai"]


@admin.register(m.PenetapanIKU)
class PenetapanIKUAdmin(admin.ModelAdmin):
    list_display = ["__str__", "tahun", "camat", "ttd_tanggal"]
    list_filter = ["tahun", "periode__kecamatan"]
    list_select_related = ["periode__kecamatan", "camat"]
    autocomplete_fields = ["camat"]


class TargetPKInline(admin.TabularInline):
    model = m.TargetPK
    extra = 0
    raw_id_fields = ["indikator"]


class ProgramPKInline(admin.TabularInline):
    model = m.ProgramPK
    extra = 0
    raw_id_fields = ["program"]


@admin.register(m.PerjanjianKinerja)
class PerjanjianKinerjaAdmin(admin.ModelAdmin):
    list_display = ["__str__", "tahun", "versi", "camat", "pihak_kedua_nama", "ttd_tanggal"]
    list_filter = ["tahun", "versi", "periode__kecamatan"]
    list_select_related = ["periode__kecamatan", "camat"]
    autocomplete_fields = ["camat"]
    inlines = [TargetPKInline, ProgramPKInline]


@admin.register(m.PengaturanLKj)
class PengaturanLKjAdmin(admin.ModelAdmin):
    list_display = ["__str__", "tahun", "kecamatan_pembanding"]
    list_filter = ["tahun", "periode__kecamatan"]
    list_select_related = ["periode__kecamatan", "kecamatan_pembanding"]


@admin.register(m.NilaiPembanding)
class NilaiPembandingAdmin(admin.ModelAdmin):
    list_display = ["indikator", "tahun", "kecamatan", "nilai", "label", "sumber"]
    list_filter = ["tahun", "kecamatan"]
    raw_id_fields = ["indikator"]


@admin.register(m.HasilPeriksa)
class HasilPeriksaAdmin(admin.ModelAdmin):
    """Counts of the last consistency check per kecamatan-year (issue 11): written by the checker only."""

    list_display = ["periode", "tahun", "galat", "peringatan", "diperiksa"]
    list_filter = ["tahun", "periode__kecamatan"]
    list_select_related = ["periode__kecamatan"]
    readonly_fields = ["periode", "tahun", "sidik", "galat", "peringatan", "per_dokumen", "diperiksa"]

    def has_add_permission(self, request):
        return False


@admin.register(m.Narasi)
class NarasiAdmin(SimpleHistoryAdmin):
    """Narrative of the whole documents; people edit it on the document's page (naskah)."""

    list_display = ["dokumen", "kunci", "diubah_oleh", "diubah_pada"]
    list_filter = ["dokumen__jenis", "dokumen__periode__kecamatan"]
    list_select_related = ["dokumen__periode__kecamatan", "diubah_oleh"]
    search_fields = ["kunci", "teks"]
    raw_id_fields = ["dokumen"]
    readonly_fields = ["diubah_oleh", "diubah_pada"]
