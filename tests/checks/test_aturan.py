"""Every check on hand-made data (no database): the clean kecamatan-year gives no finding; each
test reproduces one situation of the seeds (tables.md §9, the id in the test name) or of the
issue's list and expects the matching rule to fire with its message, document and place."""

import datetime
from dataclasses import replace
from decimal import Decimal as D

from kecamatan.checks.base import ATURAN, GALAT, PERINGATAN, Tautan
from kecamatan.checks.data import CamatInfo, TandaTangan
from kecamatan.checks.run import jalankan
from kecamatan.core.computations import Polaritas
from kecamatan.core.formatting import Nilai
from kecamatan.renja.data import CatatanData, RanwalData, RincianData
from kecamatan.renstra.data_tabel import IndikatorLaluData, ProgramLaluData
from tests.checks.dunia import Dunia, aktivitas, n


def found(dunia: Dunia, aturan: str | None = None):
    hasil = jalankan(dunia.build())
    return [t for t in hasil.temuan if aturan is None or t.aturan == aturan]


def one(dunia: Dunia, aturan: str):
    hits = found(dunia, aturan)
    assert len(hits) == 1, [t.pesan for t in hits]
    others = [t.aturan for t in found(dunia) if t.aturan != aturan]
    return hits[0], others


def test_the_clean_kecamatan_year_has_no_finding():
    assert found(Dunia()) == []


def test_every_rule_has_a_test_here():
    import inspect

    source = inspect.getsource(inspect.getmodule(test_every_rule_has_a_test_here))
    missing = [kode for kode in ATURAN if f'"{kode}"' not in source]
    assert missing == []


# --- within the Renstra ----------------------------------------------------------------------------


def test_indicator_without_satuan():
    dunia = Dunia()
    dunia.ind[6].satuan = ""
    t, _ = one(dunia, "indikator-tanpa-satuan")
    assert (t.tingkat, t.dokumen) == (GALAT, "renstra")
    assert t.pesan.startswith("Indikator “Jumlah Dokumen Perencanaan Perangkat Daerah” tidak mempunyai satuan")
    assert t.tempat == "7.01.01.2.01.0001 Penyusunan Dokumen Perencanaan Perangkat Daerah"
    assert t.tautan == Tautan.to("kecamatan:indikator_ubah", pk=6)


def test_indicator_without_target_names_the_missing_years():
    dunia = Dunia()
    del dunia.ind[7].target[2024]  # RENSTRA T-C.27 prints some sub-kegiatan without a 2024 target
    dunia.ind[10].target = {}
    hits = found(dunia, "indikator-tanpa-target")
    assert [(t.tingkat, t.tempat.split()[0]) for t in hits] == [(GALAT, "7.01.01.2.01.0002"), (GALAT, "7.01.06.2.01.0001")]
    assert "tidak mempunyai target 2024. Isi angkanya; tulis - bila" in hits[0].pesan
    assert "tidak mempunyai target sama sekali (2024, 2025 dan 2026)" in hits[1].pesan


def test_a_dash_or_na_target_is_a_target():
    dunia = Dunia()
    dunia.ind[7].target[2024] = "-"
    dunia.ind[10].target[2025] = "N/A"
    assert found(dunia, "indikator-tanpa-target") == []


def test_values_outside_their_range_in_renstra_renja_pk_and_realisasi():
    """Stored before the forms refused them: a persen above 100 (either polarity), a negative count."""
    dunia = Dunia()
    dunia.ind[2].target[2026] = "120"
    dunia.pk_target["awal"][2] = n("105")
    dunia.ind[4].target[2025] = "110"
    dunia.ind[4].polaritas = Polaritas.NEGATIF  # lower is better: still at most 100%
    dunia.target_renja[4][("renja", 2024)] = n("150")
    dunia.ind[6].kondisi_awal = "-2"
    dunia.realisasi[2][2024][3] = n("-5")
    hits = found(dunia, "nilai-di-luar-rentang")
    assert [(t.dokumen, t.tingkat) for t in hits] == [("renstra", GALAT)] * 3 + [
        ("renja-2024", GALAT), ("realisasi-2024-3", GALAT), ("lkj-2024", GALAT)]
    assert hits[0].pesan == (
        "“Persentase hasil fasilitasi dan koordinasi yang ditindaklanjuti”: Target Renstra 2026 indikator bersatuan "
        "persen tidak boleh lebih dari 100% (indikator ini tidak mengizinkan nilai di atas 100; bila memang dapat, "
        "centang “Nilai persen boleh di atas 100” pada isian indikator). Tercatat 120%.")
    assert hits[2].pesan == ("“Jumlah Dokumen Perencanaan Perangkat Daerah”: Kondisi awal indikator bersatuan dokumen "
                             "tidak boleh negatif. Tercatat -2 Dokumen.")
    assert "Realisasi 2024 TW III indikator bersatuan persen tidak boleh negatif. Tercatat -5%." in hits[4].pesan
    assert hits[4].tautan == Tautan.to("kecamatan:realisasi", pk=1, tahun=2024, triwulan=3)
    assert hits[5].pesan.startswith("“Persentase hasil fasilitasi dan koordinasi yang ditindaklanjuti”: Target "
                                    "Perjanjian Kinerja awal 2024 indikator")


def test_a_percentage_above_100_where_the_indicator_allows_it():
    dunia = Dunia()
    dunia.ind[4].target[2025] = "110"
    dunia.realisasi[4][2024][4] = n("104,5")
    dunia.ind[4].boleh_lebih_100 = True
    assert found(dunia, "nilai-di-luar-rentang") == []
    dunia.ind[4].boleh_lebih_100 = False
    assert len(found(dunia, "nilai-di-luar-rentang")) == 2


def test_negative_polarity_with_a_formula_that_counts_what_one_wants_more_of():
    dunia = Dunia()
    dunia.ind[2].polaritas = Polaritas.NEGATIF  # "… yang ditindaklanjuti": higher is better
    t, _ = one(dunia, "polaritas-rumus")
    assert t.tingkat == PERINGATAN
    assert "berpolaritas negatif (makin rendah makin baik), tetapi bunyi dan rumusnya menghitung hal yang ingin " \
           "ditingkatkan (ditindaklanjuti)" in t.pesan


def test_positive_polarity_counting_what_one_wants_less_of():
    dunia = Dunia()
    dunia.ind[9].uraian = "Jumlah pengaduan masyarakat"
    dunia.ind[9].satuan = "Kasus"
    t, _ = one(dunia, "polaritas-rumus")
    assert "berpolaritas positif, tetapi bunyi dan rumusnya menghitung hal yang ingin dikurangi (pengaduan)" in t.pesan
    dunia.ind[9].polaritas = Polaritas.NEGATIF
    assert found(dunia, "polaritas-rumus") == []


def test_J6_L13_one_name_under_two_codes():
    dunia = Dunia()
    dunia.node("7.01.01.2.01.0002").nama = dunia.node("7.01.01.2.01.0001").nama
    hits = found(dunia, "nama-dua-kode")
    assert [(t.tingkat, t.tempat.split()[0]) for t in hits] == [(GALAT, "7.01.01.2.01.0001"),
                                                                (GALAT, "7.01.01.2.01.0002")]
    assert hits[0].pesan == ("“Penyusunan Dokumen Perencanaan Perangkat Daerah” dipakai untuk dua kode: "
                             "7.01.01.2.01.0001 dan 7.01.01.2.01.0002. Satu nama hanya untuk satu kode; periksa kode "
                             "mana yang benar menurut nomenklatur.")
    assert hits[0].tautan == Tautan.to("kecamatan:subkegiatan_ubah", pk=121)


def test_J5_J6_a_name_that_belongs_to_another_code_of_the_catalog():
    """RENJA 668: Administrasi Kepegawaian printed with the Administrasi BMD code 7.01.01.2.03."""
    dunia = Dunia()
    dunia.katalog["7.01.01.2.05"] = "Administrasi Kepegawaian Perangkat Daerah"
    dunia.katalog["7.01.01.2.01"] = "Administrasi Barang Milik Daerah pada Perangkat Daerah"
    dunia.node("7.01.01.2.01").nama = "Administrasi Kepegawaian Perangkat Daerah"
    t, _ = one(dunia, "nama-kode")
    assert t.tingkat == GALAT
    assert t.pesan == ("“Administrasi Kepegawaian Perangkat Daerah” berkode 7.01.01.2.01, padahal di nomenklatur nama "
                       "itu milik kode 7.01.01.2.05 (7.01.01.2.01 adalah “Administrasi Barang Milik Daerah pada "
                       "Perangkat Daerah”). Pilih kode yang benar.")


def test_a_name_far_from_its_catalog_name_is_a_warning_a_variant_is_not():
    dunia = Dunia()
    dunia.node("7.01.01.2.01.0002").nama = "Koordinasi dan penyusunan dokumen RKA SKPD"  # case and punctuation
    assert found(dunia, "nama-kode") == []
    dunia.node("7.01.01.2.01.0002").nama = "Bimbingan Teknis Implementasi Peraturan Perundang-Undangan"  # J-5
    t, _ = one(dunia, "nama-kode")
    assert t.tingkat == PERINGATAN and "jauh berbeda dengan nama kode 7.01.01.2.01.0002 di nomenklatur" in t.pesan


def test_R8_an_indicator_copied_onto_another_sasaran():
    """RENSTRA 1145: sasaran 2 carries sasaran 1's indicator text."""
    dunia = Dunia()
    dunia.ind[3].uraian = dunia.ind[2].uraian
    hits = found(dunia, "indikator-sama")
    assert [t.tempat for t in hits] == ["Sasaran 1 Sasaran uji 1", "Sasaran 2 Sasaran uji 2"]
    assert hits[0].pesan.startswith("Indikator “Persentase hasil fasilitasi dan koordinasi yang ditindaklanjuti” juga "
                                    "dipakai oleh Sasaran 2 Sasaran uji 2.")


def test_L13_L20_a_kegiatan_with_its_programs_indicator():
    dunia = Dunia()
    dunia.ind[5].uraian = dunia.ind[4].uraian.upper()
    assert [t.tempat.split()[0] for t in found(dunia, "indikator-sama")] == ["7.01.01", "7.01.01.2.01"]


def test_R8_a_rumusan_sasaran_copied_from_another_program():
    dunia = Dunia()
    dunia.node("7.01.06").rumusan = dunia.node("7.01.01").rumusan
    hits = found(dunia, "rumusan-sasaran-sama")
    assert [t.tempat.split()[0] for t in hits] == ["7.01.01", "7.01.06"]
    assert "sama dengan rumusan sasaran 7.01.06" in hits[0].pesan


def test_R12_a_truncated_formula():
    dunia = Dunia()
    dunia.ind[5].formula = "Jumlah dokumen yang tersusun tepat waktu dibagi jumlah dokumen dikali"
    t, _ = one(dunia, "rumus-terpotong")
    assert "tampak terpotong (berakhir dengan 'dikali')" in t.pesan
    dunia.ind[5].formula = "(Jumlah dokumen yang tersusun dibagi jumlah dokumen dikali 100"
    t, _ = one(dunia, "rumus-terpotong")
    assert "kurung buka tanpa kurung tutup" in t.pesan


def test_L22_a_formula_adding_the_same_term_twice():
    """LKJ 501-503: RKPDesa twice instead of RKPDesa + APBDesa + LPPDesa."""
    dunia = Dunia()
    dunia.ind[3].formula = dunia.ind[3].formula.replace("menyusun LPPDesa", "menyusun RKPDesa")
    t, _ = one(dunia, "rumus-suku-ganda")
    assert t.pesan.startswith("Rumus indikator “Rata-rata persentase desa yang menyusun dokumen administrasi pemerintahan "
                              "desa tepat waktu” menjumlahkan “Jumlah desa yang menyusun RKPDesa tepat waktu” dua kali")


def test_R13_desa_percentages_that_no_number_of_desa_gives():
    """RENSTRA 584: 7 desa listed, targets 83,33/91,67 imply 12."""
    dunia = Dunia()
    dunia.jumlah_desa = 7
    hits = found(dunia, "kelipatan-desa")
    assert [t.tempat.split()[0] for t in hits] == ["Sasaran", "7.01.06"]
    assert hits[1].pesan == ("Target “Persentase Desa yang menetapkan RKPDes Tepat Waktu” (2024: 83,33%; 2025: 91,67%; "
                             "2026: 91,67%) bukan kelipatan 14,29% (100 dibagi 7 desa): tidak ada jumlah desa yang "
                             "menghasilkan angka itu. Periksa target atau jumlah desa kecamatan.")
    assert "bukan kelipatan 4,76% (100 dibagi 7 desa × 3)" in hits[0].pesan


def test_L23_lppdes_target_of_a_rata_rata_value_with_six_desa():
    dunia = Dunia()
    dunia.jumlah_desa = 6
    dunia.ind[3].target = {2024: "94,44", 2025: "94,44", 2026: "94,44"}  # 17/18: fine
    dunia.ind[8].target = {2024: "100", 2025: "88,89", 2026: "100"}  # LKJ 630: 88,89 is no multiple of 16,67
    t, _ = one(dunia, "kelipatan-desa")
    assert "(2025: 88,89%) bukan kelipatan 16,67% (100 dibagi 6 desa)" in t.pesan


def test_desa_percentages_rounded_in_print_pass():
    dunia = Dunia()
    dunia.ind[8].target = {2024: "83", 2025: "92", 2026: "92"}  # T-C.28 prints 83,33 as 83
    assert found(dunia, "kelipatan-desa") == []


def test_desa_percentages_without_the_number_of_desa():
    dunia = Dunia()
    dunia.jumlah_desa = None
    t, _ = one(dunia, "kelipatan-desa")
    assert t.pesan.startswith("Jumlah desa Kecamatan Uji belum diisi, sehingga target 2 indikator persentase desa")
    assert t.tautan == Tautan.to("kecamatan:kelola_kecamatan", pk=1) and t.tautan.kelola and not t.tautan.admin


def test_R10_kondisi_awal_against_tc23():
    """RENSTRA 1131 vs 513: kondisi awal 100% while T-C.23 records 87,3 for 2022."""
    dunia = Dunia()
    dunia.ind[2].kondisi_awal = "100"
    dunia.kondisi_awal[2] = dunia.kondisi_awal[2].__class__(2022, n("87,3"))
    t, _ = one(dunia, "kondisi-awal-tc23")
    assert t.pesan == ("Kondisi awal “Persentase hasil fasilitasi dan koordinasi yang ditindaklanjuti” diisi 100%, "
                       "tetapi T-C.23 mencatat realisasi 2022 87,3%. T-C.27 dan T-C.28 mencetak angka T-C.23; samakan "
                       "isian kondisi awal.")


def test_L24_a_baseline_in_desa_for_a_percentage_indicator():
    """LKJ 1250: baseline '5 Desa' for a percentage indicator with target 89%."""
    dunia = Dunia()
    dunia.ind[8].kondisi_awal = "5 Desa"
    t, _ = one(dunia, "nilai-bersatuan-lain")
    assert (t.tingkat, t.dokumen) == (GALAT, "renstra")
    assert "ditulis dengan satuan lain (kondisi awal: 5 (Desa)) padahal satuan indikatornya Persen" in t.pesan


def test_J4_values_typed_with_another_unit_in_renja_pk_and_realisasi():
    dunia = Dunia()
    dunia.target_renja[6][("renja", 2024)] = n("12 bulan")  # RENJA 215: "Jumlah Dokumen" with 12 bulan
    dunia.realisasi[2][2024][2] = n("40 Desa")
    dunia.pk_target["awal"][3] = n("83,33 Dokumen")
    hits = found(dunia, "nilai-bersatuan-lain")
    assert [(t.dokumen, t.tempat.split()[0]) for t in hits] == [  # in document order
        ("renja-2024", "7.01.01.2.01.0001"), ("realisasi-2024-2", "Sasaran"), ("lkj-2024", "Sasaran")]
    assert "Target Renja 2024 “Jumlah Dokumen Perencanaan Perangkat Daerah” ditulis dengan satuan lain (2024: 12 (bulan))" \
           in hits[0].pesan


def test_another_word_for_the_same_unit_is_the_same_unit():
    dunia = Dunia()
    dunia.ind[7].satuan = "Orang"
    dunia.target_renja[7][("renja", 2024)] = n("1 Pegawai")  # RENJA 210: "13 Pegawai" for a headcount in Orang
    dunia.ind[10].satuan = "Keluarga"
    dunia.ind[10].kondisi_awal = "15 KK"  # RENJA 447
    assert found(dunia, "nilai-bersatuan-lain") == []


def test_grades_and_markers_are_not_units():
    dunia = Dunia()
    dunia.ind[1].kondisi_awal = "60,5 (B-)"
    dunia.ind[6].target[2025] = "-"
    dunia.ind[7].target[2026] = "N/A"
    assert found(dunia, "nilai-bersatuan-lain") == []


def test_J4_satuan_that_contradicts_the_wording():
    dunia = Dunia()
    dunia.ind[6].satuan = "Bulan"  # "Jumlah Dokumen …" measured in months
    dunia.ind[5].satuan = "Dokumen"  # "Persentase …" not in percent
    hits = found(dunia, "satuan-uraian")
    assert [t.pesan.split(": ", 1)[1] for t in hits] == [
        "bunyinya persentase, tetapi satuannya Dokumen. Samakan satuan dengan yang diukur.",
        "bunyinya jumlah dokumen, tetapi satuannya Bulan. Samakan satuan dengan yang diukur.",
    ]


def test_J7_target_jumps_between_years_and_to_the_prakiraan_maju():
    dunia = Dunia()
    dunia.ind[10].target = {2024: "3", 2025: "12", 2026: "4"}
    dunia.target_renja[7][("prakiraan", 2025)] = n("12")  # RENJA 757: 1 Fasilitas → 12 Dokumen
    hits = found(dunia, "target-melonjak")
    assert [t.dokumen for t in hits] == ["renstra", "renja-2024"]
    assert "(2024 → 2025: 3 → 12 (4×); 2025 → 2026: 12 → 4 (0,3×))" in hits[0].pesan
    assert "(Renja 2024 → prakiraan maju 2025: 1 → 12 (12×))" in hits[1].pesan


def test_target_jump_factor_is_a_setting_of_the_snapshot():
    dunia = Dunia()
    dunia.ind[6].target = {2024: "2", 2025: "5", 2026: "5"}
    assert len(found(dunia, "target-melonjak")) == 1
    import dataclasses

    data = dataclasses.replace(dunia.build(), faktor_lonjakan=D(3))
    assert [t for t in jalankan(data).temuan if t.aturan == "target-melonjak"] == []


def test_L12_program_without_sasaran():
    dunia = Dunia()
    dunia.node("7.01.06").sasaran_id = None
    t, _ = one(dunia, "program-tanpa-sasaran")
    assert t.pesan.startswith("Program 7.01.06 tidak terhubung ke sasaran mana pun: anggarannya tidak masuk jumlah sasaran")


# --- T-C.23 and T-C.24 -----------------------------------------------------------------------------


def test_missing_years_in_the_history():
    dunia = Dunia()
    del dunia.riwayat_program[0].anggaran[2021], dunia.riwayat_program[0].realisasi[2021]
    dunia.riwayat_indikator[0] = IndikatorLaluData(id=501, uraian="Nilai IKM", mulai=2021, sampai=2023,
                                                   target={2022: n("80")}, realisasi={2022: n("82")})
    hits = found(dunia, "riwayat-tahun-hilang")
    assert [t.pesan for t in hits] == [
        "T-C.23: indikator “Nilai IKM” berlaku 2021-2023 tetapi tidak mempunyai target maupun realisasi 2021 dan 2023.",
        "T-C.24: program “PROGRAM PELAYANAN ADMINISTRASI PERKANTORAN” berlaku 2019-2023 tetapi tidak mempunyai anggaran "
        "maupun realisasi 2021. Isi 0 bila memang tidak dianggarkan.",
    ]
    assert hits[0].tautan == Tautan.to("kecamatan:renstra_tc23", pk=1)
    assert hits[1].tautan == Tautan.to("kecamatan:renstra_tc24", pk=1)


def test_history_years_no_row_covers():
    dunia = Dunia()
    dunia.riwayat_program = [ProgramLaluData(601, "PROGRAM A", 2021, 2023, anggaran={t: D(1) for t in (2021, 2022, 2023)},
                                             realisasi={t: D(1) for t in (2021, 2022, 2023)})]
    dunia.riwayat_indikator = []
    t, _ = one(dunia, "riwayat-tahun-hilang")
    assert t.pesan.startswith("T-C.23/T-C.24 tidak memuat tahun 2019 dan 2020")


def test_R2_one_program_year_recorded_twice_with_two_amounts():
    """RENSTRA 547 vs 557: Pemberdayaan Masyarakat 2021 5.895.000 and 20.071.000."""
    dunia = Dunia()
    dunia.riwayat_program = [
        ProgramLaluData(601, "Program Pemberdayaan Masyarakat", 2019, 2021, anggaran={t: D(5_895_000) for t in
                        (2019, 2020, 2021)}, realisasi={t: D(5_895_000) for t in (2019, 2020, 2021)}),
        ProgramLaluData(602, "PROGRAM PEMBERDAYAAN MASYARAKAT", 2021, 2023, anggaran={t: D(20_071_000) for t in
                        (2021, 2022, 2023)}, realisasi={t: D(20_071_000) for t in (2021, 2022, 2023)}),
    ]
    t, _ = one(dunia, "tc24-program-ganda")
    assert t.pesan == ("T-C.24: program “Program Pemberdayaan Masyarakat” tercatat dua kali untuk 2021 dengan angka "
                       "berbeda (anggaran Rp 5.895.000 dan Rp 20.071.000; realisasi Rp 5.895.000 dan Rp 20.071.000). "
                       "Satu program satu angka per tahun; hapus salah satu.")


def test_R2_realisasi_without_anggaran_and_above_it():
    """RENSTRA 560: anggaran 2021 '-' but realisasi 1.800.000."""
    dunia = Dunia()
    dunia.riwayat_program[0].anggaran[2021] = D(0)
    dunia.riwayat_program[0].realisasi[2021] = D(1_800_000)
    dunia.riwayat_program[0].realisasi[2022] = D(1_100_000)
    hits = found(dunia, "tc24-realisasi-anggaran")
    assert [(t.tingkat, t.pesan) for t in hits] == [
        (GALAT, "T-C.24: program “PROGRAM PELAYANAN ADMINISTRASI PERKANTORAN” 2021 mempunyai realisasi Rp 1.800.000 "
                "tanpa anggaran."),
        (PERINGATAN, "T-C.24: realisasi program “PROGRAM PELAYANAN ADMINISTRASI PERKANTORAN” 2022 (Rp 1.100.000) "
                     "melebihi anggarannya (Rp 1.000.000)."),
    ]


def test_R6_realisasi_written_as_a_fraction_in_tc23_and_in_a_triwulan():
    """RENSTRA 517: 0,83 against a target of 94,44."""
    dunia = Dunia()
    dunia.riwayat_indikator[0].target[2023] = n("94,44")
    dunia.riwayat_indikator[0].realisasi[2023] = n("0,83")
    dunia.realisasi[3][2024][4] = n("0,94")
    hits = found(dunia, "realisasi-pecahan")
    assert [t.dokumen for t in hits] == ["renstra", "realisasi-2024-4"]
    assert hits[0].pesan.startswith("T-C.23: realisasi “Persentase hasil fasilitasi dan koordinasi yang ditindaklanjuti” "
                                    "2023 ditulis 0,83 terhadap target 94,44: tampaknya pecahan (0,83 = 83%)")


# --- Renja against the Renstra -------------------------------------------------------------------


def test_J4_J13_J14_renja_target_differs_from_the_renstra_target_of_year_n():
    """RENJA 660 vs 210: Gaji dan Tunjangan 12 Orang in the Renja, 11 in the Renstra."""
    dunia = Dunia()
    dunia.target_renja[6][("renja", 2024)] = n("3")
    dunia.target_renja[7][("prakiraan", 2025)] = n("2")
    hits = found(dunia, "renja-target-renstra")
    assert [t.pesan for t in hits] == [
        "Target Renja 2024 “Jumlah Dokumen Perencanaan Perangkat Daerah” 3 Dokumen, target Renstra 2024 2 Dokumen. Bila "
        "Renja memang merevisi target, tuliskan alasannya; bila tidak, samakan.",
        "Prakiraan maju 2025 “Jumlah Dokumen RKA-SKPD dan Laporan Hasil Koordinasi” 2 Dokumen, target Renstra 2025 "
        "1 Dokumen. Bila Renja memang merevisi target, tuliskan alasannya; bila tidak, samakan.",
    ]
    assert hits[0].tautan == Tautan.to("kecamatan:renja_target", pk=1, tahun=2024)


def test_no_renja_no_renja_findings():
    dunia = Dunia()
    dunia.target_renja[6][("renja", 2024)] = n("3")
    dunia.rincian = {}
    del dunia.dokumen["renja-2024"]
    dunia.tanda_tangan = [t for t in dunia.tanda_tangan if t.dokumen != "renja-2024"]
    assert [t.aturan for t in found(dunia) if t.dokumen == "renja-2024"] == []


def test_renja_indicator_without_target_or_prakiraan():
    dunia = Dunia()
    del dunia.target_renja[10]
    del dunia.target_renja[6][("prakiraan", 2025)]
    hits = found(dunia, "renja-tanpa-target")
    assert [(t.tingkat, t.tempat.split()[0]) for t in hits] == [(GALAT, "7.01.06.2.01.0001"),  # galat first
                                                                (PERINGATAN, "7.01.01.2.01.0001")]
    assert hits[0].pesan == ("Indikator “Jumlah Dokumen yang Difasilitasi dalam rangka Penyusunan Peraturan Desa” tidak "
                             "mempunyai target Renja 2024: T-C.33 kolom 7 kosong (target Renstra 2024: 3 Dokumen).")


def test_renja_subkegiatan_without_dana():
    dunia = Dunia()
    dunia.node("7.01.06.2.01.0001").pagu_renja = {}
    t, _ = one(dunia, "renja-sub-tanpa-dana")
    assert t.tautan == Tautan.to("kecamatan:renja_rincian", pk=1, tahun=2024, sub_pk=123)


def test_renja_subkegiatan_without_sumber_dana():
    dunia = Dunia()
    dunia.rincian[2024][122] = RincianData(122, lokasi="Kec. Uji", sumber_dana="")
    t, _ = one(dunia, "renja-sumber-dana-kosong")
    assert (t.tingkat, t.dokumen) == (PERINGATAN, "renja-2024")
    assert t.pesan == ("Sub kegiatan 7.01.01.2.01.0002 dalam Renja 2024 belum mempunyai sumber dana: T-C.33 kolom "
                       "Sumber Dana kosong.")
    assert t.tautan == Tautan.to("kecamatan:renja_rincian", pk=1, tahun=2024, sub_pk=122)


def test_renja_prakiraan_itemised_beside_a_stored_one():
    dunia = Dunia()
    items = tuple(replace(a, prakiraan=D(2_500_000)) for a in aktivitas(1_000_000, 1_000_000))
    dunia.rincian[2024][121] = RincianData(121, sumber_dana="DAU", aktivitas=items)
    t, _ = one(dunia, "renja-prakiraan-ganda")
    assert t.tingkat == GALAT
    assert "dirinci per aktivitas (jumlah Rp 5.000.000) tetapi isian prakiraan sub kegiatannya juga tersimpan: " \
           "Rp 4.000.000 (berbeda Rp -1.000.000)" in t.pesan
    del dunia.pagu_prakiraan[121]
    assert found(dunia, "renja-prakiraan-ganda") == []


def test_renja_money_against_the_renstra_pagu_of_year_n():
    dunia = Dunia()
    # 7.01.01.2.01.0002: the Renja's aktivitas add up to more than the Renstra's indicative pagu
    dunia.rincian[2024][122] = RincianData(122, aktivitas=aktivitas(3_000_000, 1_500_000))
    # 7.01.06.2.01.0001 planned in the Renstra for 2024 but left out of the Renja
    del dunia.rincian[2024][123]
    hits = found(dunia, "renja-pagu-renstra")
    assert [t.pesan for t in hits] == [
        "Kebutuhan dana program 7.01.01 dalam Renja 2024 Rp 8.500.000, pagu indikatif Renstra 2024 Rp 8.000.000 "
        "(selisih Rp 500.000). Renja boleh menyesuaikan Rp, tetapi perbedaannya harus dapat dijelaskan.",
        "Kebutuhan dana program 7.01.06 dalam Renja 2024 Rp 0, pagu indikatif Renstra 2024 Rp 4.000.000 (selisih "
        "Rp -4.000.000). Renja boleh menyesuaikan Rp, tetapi perbedaannya harus dapat dijelaskan.",
        "Sub kegiatan 7.01.06.2.01.0001 direncanakan Renstra untuk 2024 (Rp 4.000.000) tetapi tidak ada dalam Renja "
        "2024.",
    ]


def test_renja_subkegiatan_the_renstra_did_not_plan():
    dunia = Dunia()
    dunia.pagu_renstra[123] = {2025: D(1)}
    hits = found(dunia, "renja-pagu-renstra")
    assert hits[-1].pesan == ("Sub kegiatan 7.01.06.2.01.0001 didanai Renja 2024 (Rp 4.000.000) tetapi tidak "
                              "direncanakan dalam Renstra untuk 2024.")


def test_J11_ranwal_row_with_an_indicator_of_another_row():
    """RENJA 398: Administrasi Umum with 'Nilai IKM Kecamatan' (a tujuan indicator)."""
    dunia = Dunia()
    dunia.ranwal.append(RanwalData(2, 2, "kegiatan", nama="Administrasi Umum", indikator="indeks pelayanan publik",
                                   node_key=("kegiatan", 111)))
    t, _ = one(dunia, "ranwal-indikator")
    assert t.pesan == ("T-C.31 baris 2 (“Administrasi Umum”) memakai indikator “indeks pelayanan publik”, yang di Renstra "
                       "milik Tujuan 1 Optimalnya penyelenggaraan reformasi birokrasi.")
    assert t.tautan == Tautan.to("kecamatan:renja_ranwal_ubah", pk=1, tahun=2024, row_pk=2)


def test_typed_needs_of_the_ranwal_review_that_differ_from_the_renja_are_shown_on_screen():
    dunia = Dunia()
    dunia.ranwal.append(RanwalData(7, 2, "kegiatan", nama="Administrasi Umum", node_key=("kegiatan", 111),
                                   kebutuhan_dana=D(1), kebutuhan_target=Nilai(D("99"))))
    t, _ = one(dunia, "ranwal-kebutuhan")
    assert t.pesan.startswith("T-C.31 baris 2 (7.01.01.2.01 ")
    assert "kebutuhan dana Rp 1, Renja Rp " in t.pesan and "target 99" in t.pesan
    assert t.tautan == Tautan.to("kecamatan:renja_ranwal_ubah", pk=1, tahun=2024, row_pk=7)


def test_typed_needs_equal_to_the_renja_are_not_a_finding():
    dunia = Dunia()
    dunia.ranwal.append(RanwalData(7, 2, "kegiatan", nama="Administrasi Umum", node_key=("kegiatan", 111)))
    assert found(dunia, "ranwal-kebutuhan") == []


def test_J1_J2_J3_J8_J9_J10_printed_figures_of_the_source_document_against_the_apps_cells():
    dunia = Dunia()
    dunia.catatan = [
        # T-C.33 column 8 of program 7.01.01: the app sums 8.000.000
        CatatanData("tc33", "644", "7.01.01", "8", "8.000.000"),  # printed right: no finding
        CatatanData("tc33", "645", "7.01.01.2.01", "8", "7.000.000", "Kegiatan ≠ Σ sub (J-10)."),
        CatatanData("tc31", "369", "1", "6", "2.517.22.415"),  # J-8: not a number
        CatatanData("tc29", "204", "7.01.01.2.01.0001", "4", "2 Dokumen"),  # printed right
        CatatanData("tc29", "204", "7.01.01.2.01.0001", "11", "0%", "J-2."),  # nothing to compute: '-'
        CatatanData("tc31", "398", "1", "11", "91.527.593", "J-9."),  # T-C.31 col 11 = the Renja's dana
        CatatanData("tc33", "9", "7.01.99", "8", "1"),  # a row the table does not have
        CatatanData("tc29", "250", "", "", "", "Catatan tanpa sel: bukan angka."),
    ]
    dunia.ranwal = [RanwalData(1, 1, "subkegiatan", nama="Dokumen", pagu=D(1), node_key=("subkegiatan", 121))]
    hits = found(dunia, "catatan-sumber")
    assert [t.pesan for t in hits] == [
        "Dokumen sumber mencetak 7.000.000 pada T-C.33 baris 7.01.01.2.01 kolom 8 (baris 645 dokumen sumber); aplikasi "
        "menghitung 8.000.000. Kegiatan ≠ Σ sub (J-10).",
        "Dokumen sumber mencetak 2.517.22.415 (bukan angka yang sah) pada T-C.31 baris 1 kolom 6 (baris 369 dokumen "
        "sumber); aplikasi menghitung 1.",
        "Dokumen sumber mencetak 0% pada T-C.29 baris 7.01.01.2.01.0001 kolom 11 (baris 204 dokumen sumber); aplikasi "
        "menghitung -. J-2.",
        "Dokumen sumber mencetak 91.527.593 pada T-C.31 baris 1 kolom 11 (baris 398 dokumen sumber); aplikasi "
        "menghitung 4.000.000. J-9.",
        "Catatan dokumen sumber (baris 9 dokumen sumber) menunjuk T-C.33 baris 7.01.99 kolom 8, yang tidak ada di tabel.",
    ]
    assert hits[0].tautan.url() == "/renstra/1/tabel/tc33/?tahun=2024"


def test_printed_percentages_rounded_or_truncated_are_the_computed_ones():
    """tables.md §0.7: 105 for 105,887 (truncated), 96 for 95,59 (rounded), 95.33% with a decimal point."""
    from kecamatan.checks.jumlah import baca_tercetak, sama_tercetak
    from kecamatan.core.formatting import Nilai

    for printed, computed, same in [("105%", "105.887", True), ("96", "95.59", True), ("95.33%", "95.333", True),
                                    ("116%", "116.28", True), ("100%", "116.28", False), ("0%", None, False),
                                    ("-", None, True), ("(kosong)", None, True)]:
        value = Nilai(D(computed)) if computed else Nilai()
        assert sama_tercetak(printed, baca_tercetak(printed), value) is same, printed


# --- triwulan realizations ------------------------------------------------------------------------


def test_a_triwulan_filled_while_the_one_before_is_empty():
    dunia = Dunia()
    del dunia.realisasi[2][2024][2]
    del dunia.rp_triwulan[121][1]
    hits = found(dunia, "realisasi-lompat-triwulan")
    assert [(t.dokumen, t.tingkat) for t in hits] == [("realisasi-2024-4", GALAT), ("realisasi-2024-4", PERINGATAN)]
    assert hits[0].pesan.startswith("Realisasi TW IV 2024 “Persentase hasil fasilitasi dan koordinasi yang "
                                    "ditindaklanjuti” sudah diisi, tetapi TW II masih kosong.")
    assert hits[0].tautan == Tautan.to("kecamatan:realisasi", pk=1, tahun=2024, triwulan=2)
    assert hits[1].pesan.startswith("1 sub kegiatan mempunyai realisasi Rp TW IV 2024 tetapi triwulan sebelumnya kosong "
                                    "(7.01.01.2.01.0001)")


def test_a_yearly_figure_in_tw_iv_alone_is_not_a_skipped_triwulan():
    dunia = Dunia()
    dunia.realisasi[2][2024] = {4: n("80")}
    dunia.rp_triwulan[121] = {4: D(4_000_000)}
    assert found(dunia, "realisasi-lompat-triwulan") == []


def test_L19_a_cumulative_percentage_that_goes_down():
    """LKJ 684: TW II 12,68 after TW I 12,69."""
    dunia = Dunia()
    dunia.realisasi[3][2024].update({1: n("12,69"), 2: n("12,68")})
    t, _ = one(dunia, "realisasi-kumulatif-turun")
    assert t.dokumen == "realisasi-2024-2"
    assert "tetapi TW II (12,68%) lebih rendah dari TW I (12,69%)" in t.pesan


def test_rp_above_the_pagu_of_the_year():
    dunia = Dunia()
    dunia.rp_triwulan[122][3] = D(2_500_000)  # 1 + 1 + 2,5 = 4,5 million of 4
    t, _ = one(dunia, "realisasi-anggaran-lebih-pagu")
    assert (t.dokumen, t.tingkat) == ("realisasi-2024-3", GALAT)
    assert t.pesan == ("Realisasi Rp 7.01.01.2.01.0002 s.d. TW III 2024 Rp 4.500.000 melebihi pagunya Rp 4.000.000 "
                       "(penyerapan di atas 100%).")


def test_rp_against_the_perubahan_when_there_is_one():
    dunia = Dunia()
    dunia.pagu_perubahan = {121: {2024: D(3_500_000)}, 122: {2024: D(4_000_000)}, 123: {2024: D(4_000_000)}}
    t, _ = one(dunia, "realisasi-anggaran-lebih-pagu")
    assert t.dokumen == "realisasi-2024-4" and "melebihi pagunya Rp 3.500.000" in t.pesan


def test_a_submitted_triwulan_with_empty_indicators_counts_them():
    """The issue's case: a TW with most indicators empty was "Tidak ada temuan"."""
    dunia = Dunia()
    for i in (1, 4, 5, 6, 7, 8, 9):
        del dunia.realisasi[i][2024][2]
    hit, _ = one(dunia, "realisasi-belum-diisi")
    assert (hit.dokumen, hit.tingkat, hit.tempat) == ("realisasi-2024-2", GALAT, "7 indikator")
    assert hit.pesan.startswith("Realisasi 2024 TW II sudah diverifikasi, tetapi 7 dari 10 indikator belum diisi "
                                "(“Indeks Pelayanan Publik”, “Persentase pemenuhan fasilitasi kebutuhan operasional "
                                "perkantoran”, “Persentase dokumen perencanaan yang tersusun tepat waktu” dan 4 lainnya).")
    assert hit.tautan == Tautan.to("kecamatan:realisasi", pk=1, tahun=2024, triwulan=2)
    assert jalankan(dunia.build()).untuk("realisasi-2024-2").galat == 1  # no "tanpa temuan" badge


def test_a_draft_triwulan_is_flagged_once_its_deadline_has_passed():
    from kecamatan.checks.data import DokumenInfo

    dunia = Dunia()
    dunia.dokumen["realisasi-2024-4"] = DokumenInfo("realisasi-2024-4", "Realisasi 2024 TW IV", "draft", 3)
    del dunia.realisasi[6][2024][4]
    data = dunia.build()

    def belum(data):
        return [(t.dokumen, t.tingkat, t.pesan) for t in jalankan(data).temuan if t.aturan == "realisasi-belum-diisi"]

    assert belum(data) == []  # no day given: nothing is late
    batas = {tw: datetime.date(2024, 3 * tw + 1, 15) if tw < 4 else datetime.date(2025, 1, 15) for tw in (1, 2, 3, 4)}
    sebelum = replace(data, hari_ini=datetime.date(2025, 1, 15), tenggat_realisasi=batas)
    assert belum(sebelum) == []  # the deadline is today: still in time
    assert belum(replace(sebelum, hari_ini=datetime.date(2025, 1, 16))) == [(
        "realisasi-2024-4", PERINGATAN, "Tenggat Realisasi 2024 TW IV (15 Januari 2025) sudah lewat, tetapi 1 dari 10 "
        "indikator belum diisi (“Jumlah Dokumen Perencanaan Perangkat Daerah”). Isi angkanya, atau N/A dengan "
        "alasannya bila tidak ada angka.")]


def test_na_with_its_reason_is_a_realisasi():
    dunia = Dunia()
    dunia.realisasi[6][2024][1] = n("N/A")
    assert found(dunia, "realisasi-belum-diisi") == []


# --- PK, IKU, LKj ---------------------------------------------------------------------------------


def test_L18_pk_awal_target_differs_from_the_planned_one():
    """LKJ 528: PK awal 88,89% while the Renstra/IKU target of 2024 is 94,44%."""
    dunia = Dunia()
    dunia.pk_target["awal"][3] = n("80,56")
    hits = found(dunia, "pk-target")
    assert [(t.tingkat, t.pesan) for t in hits] == [(GALAT, (
        "Perjanjian Kinerja awal 2024 menjanjikan 80,56% untuk “Rata-rata persentase desa yang menyusun dokumen "
        "administrasi pemerintahan desa tepat waktu”, padahal target Renstra 2024 83,33%. PK awal menetapkan target "
        "yang direncanakan."))]
    assert hits[0].tautan == Tautan.to("kecamatan:lkj_pk", pk=1, tahun=2024, versi="awal")


def test_pk_target_rounded_in_print_is_the_same():
    dunia = Dunia()
    dunia.pk_target["awal"][3] = n("83")  # 83,33 printed without decimals (tables.md §7: rounding allowed)
    assert found(dunia, "pk-target") == []


def test_pk_targets_follow_the_renja_when_it_revised_them():
    dunia = Dunia()
    dunia.target_renja[4] = {("renja", 2024): n("95")}
    dunia.pk_target["awal"][4] = n("100")
    t, _ = one(dunia, "pk-target")
    assert "padahal target Renja 2024 95%" in t.pesan


def test_pk_perubahan_that_changes_a_target_is_a_warning():
    dunia = Dunia()
    dunia.pk_target["perubahan"] = {2: n("78"), 3: n("88,89")}
    dunia.pk_program["perubahan"] = [101, 102]
    dunia.pagu_perubahan = {s.id: {2024: D(4_000_000)} for s in dunia.subs()}
    t, _ = one(dunia, "pk-target")
    assert t.tingkat == PERINGATAN and t.pesan.startswith("Perubahan Perjanjian Kinerja 2024 mengubah target")


def test_pk_without_a_sasaran_indicator():
    dunia = Dunia()
    del dunia.pk_target["awal"][3]
    t, _ = one(dunia, "pk-indikator-hilang")
    assert "tidak tercantum dalam Perjanjian Kinerja awal 2024" in t.pesan


def test_pk_programs_against_the_budget():
    dunia = Dunia()
    dunia.pk_program["awal"] = [101]
    hits = found(dunia, "pk-program")
    assert [t.pesan for t in hits] == [
        "Program 7.01.06 mempunyai pagu Renja (DPA) 2024 Rp 4.000.000 tetapi tidak tercantum dalam Perjanjian Kinerja "
        "awal: jumlah PK tidak sama dengan anggaran."]
    dunia.pk_program["awal"] = [101, 102]
    dunia.node("7.01.06.2.01.0001").pagu_renja = {}
    dunia.rincian[2024][123] = RincianData(123, aktivitas=aktivitas(4_000_000))
    assert [t.tingkat for t in found(dunia, "pk-program")] == [PERINGATAN]


def test_L1_pk_awal_budget_against_the_renja_money_held_in_aktivitas():
    """A Renja whose money is in aktivitas has no renja Pagu; the PK prints the Pagu: they disagree."""
    dunia = Dunia()
    dunia.node("7.01.01.2.01.0002").pagu_renja = {}
    dunia.rincian[2024][122] = RincianData(122, aktivitas=aktivitas(2_500_000, 1_500_000))
    t, _ = one(dunia, "pk-awal-dana-renja")
    assert t.pesan == ("Perjanjian Kinerja awal 2024 mencetak anggaran program 7.01.01 Rp 4.000.000 (pagu Renja/DPA), "
                       "sedangkan Renja 2024 merencanakan Rp 8.000.000 (selisih Rp -4.000.000).")


def test_pk_perubahan_without_pagu_perubahan_and_the_other_way_round():
    dunia = Dunia()
    dunia.pk_target["perubahan"] = dict(dunia.pk_target["awal"])
    dunia.pk_program["perubahan"] = [101, 102]
    hits = found(dunia, "pk-perubahan-pagu")
    assert [(t.tingkat, t.pesan.split(":")[0]) for t in hits] == [
        (GALAT, "Ada Perubahan Perjanjian Kinerja 2024, tetapi belum ada pagu perubahan (DPPA) sub kegiatan")]
    dunia = Dunia()
    dunia.pagu_perubahan = {s.id: {2024: D(4_000_000)} for s in dunia.subs()}
    t, _ = one(dunia, "pk-perubahan-pagu")
    assert t.tingkat == PERINGATAN and "belum ada Perubahan Perjanjian Kinerja" in t.pesan


def test_iku_sheet_against_the_pk():
    dunia = Dunia()
    dunia.pk_target["awal"][2] = n("80")
    hits = found(dunia, "iku-pk")
    assert [t.pesan for t in hits] == [
        "Lembar IKU 2024 mencetak target “Persentase hasil fasilitasi dan koordinasi yang ditindaklanjuti” 78%, "
        "Perjanjian Kinerja awal 80%: dua dokumen yang ditandatangani Camat berbeda."]
    dunia = Dunia()
    dunia.ind[3].iku = False
    t, _ = one(dunia, "iku-pk")
    assert t.tingkat == PERINGATAN and "ada dalam Perjanjian Kinerja tetapi tidak ditandai IKU" in t.pesan


def test_lkj_realisasi_against_the_triwulan_realizations():
    dunia = Dunia()
    del dunia.realisasi[2][2024][4]
    del dunia.realisasi[1]
    dunia.dokumen["realisasi-2024-4"] = dunia.dokumen["realisasi-2024-4"].__class__(
        "realisasi-2024-4", "Realisasi 2024 TW IV", "diajukan", 1)
    hits = found(dunia, "lkj-realisasi")
    assert [(t.tingkat, t.pesan) for t in hits] == [
        (GALAT, "“Indeks Pelayanan Publik” tidak mempunyai realisasi 2024 sama sekali: LKj tidak dapat menghitung "
                "capaiannya."),
        (GALAT, "Realisasi TW IV 2024 “Persentase hasil fasilitasi dan koordinasi yang ditindaklanjuti” belum diisi: "
                "LKj memakai TW III (60%) sebagai realisasi tahunan."),
        (PERINGATAN, "LKj 2024 disusun dari realisasi TW IV yang belum diverifikasi Bappeda."),
    ]


def test_lkj_subkegiatan_with_pagu_and_no_rp():
    dunia = Dunia()
    del dunia.rp_triwulan[123]
    t, _ = one(dunia, "lkj-realisasi-anggaran")
    assert t.pesan.startswith("Program 7.01.06: 1 sub kegiatan berpagu 2024 tanpa realisasi Rp (7.01.06.2.01.0001)")


# --- signatories ----------------------------------------------------------------------------------


def test_J12_a_17_digit_nip():
    dunia = Dunia()
    dunia.camat[1] = CamatInfo(1, "Pujiyanto", "19611141990031004")
    hits = found(dunia, "nip-tidak-sah")
    assert len(hits) == 4 and {t.dokumen for t in hits} == {"renstra", "renja-2024", "lkj-2024"}
    assert hits[0].pesan == ("Renstra 2024-2026 ditandatangani Pujiyanto dengan NIP 19611141990031004: NIP harus 18 angka; "
                             "yang tertulis 17 angka.")
    assert hits[0].tautan == Tautan.to("kecamatan:renstra_camat_ubah", pk=1, camat_pk=1)


def test_J12_one_camat_recorded_twice_with_a_mistyped_nip():
    """RENJA 773-777 vs 886-890: Drs. PUJANTO 19681114 199003 1 004 and Pujiyanto 19611141990031004."""
    dunia = Dunia()
    dunia.camat = {1: CamatInfo(1, "Drs. PUJANTO", "196811141990031004"),
                   2: CamatInfo(2, "Pujiyanto", "19611141990031004")}
    dunia.tanda_tangan = [TandaTangan("renja-2024", "Renja 2024", 2, datetime.date(2023, 5, 10))]
    t, _ = one(dunia, "penandatangan-ganda")
    assert (t.tingkat, t.dokumen) == (PERINGATAN, "renja-2024")
    assert "tercatat dua kali: “Drs. PUJANTO” dan “Pujiyanto” (nama mirip dan NIP hampir sama" in t.pesan


def test_L25_the_same_nip_under_a_damaged_name():
    """LKJ 1152-1157: KUTUM TIADI KASIYAN for KUTUM HADI KASIYAN, S.H."""
    dunia = Dunia()
    dunia.camat = {1: CamatInfo(1, "KUTUM HADI KASIYAN, S.H.", "196804071989031006"),
                   2: CamatInfo(2, "KUTUM TIADI KASIYAN", "196804071989031006")}
    dunia.tanda_tangan = [TandaTangan("lkj-2024", "Perubahan Perjanjian Kinerja 2024", 2)]
    t, _ = one(dunia, "penandatangan-ganda")
    assert t.tingkat == GALAT and "(NIP sama (19680407 198903 1 006) dengan nama berbeda)" in t.pesan


def test_titles_do_not_make_two_people():
    dunia = Dunia()
    dunia.camat[2] = CamatInfo(2, "Dra. MAWI MUJAYANTI", "196809011992022002")
    assert found(dunia, "penandatangan-ganda") == []


def test_a_signature_outside_the_camats_term():
    dunia = Dunia()
    dunia.camat[1] = CamatInfo(1, "ISKANDAR", "196509051990031009", datetime.date(2022, 1, 1),
                               datetime.date(2024, 12, 31))
    t, _ = one(dunia, "penandatangan-masa-jabatan")
    assert t.pesan == ("LKj 2024 bertanggal 15 Januari 2025 ditandatangani ISKANDAR, yang menjabat 1 Januari 2022 s.d. "
                       "31 Desember 2024. Periksa tanggal atau penanda tangannya.")


def test_a_document_without_signatory():
    dunia = Dunia()
    dunia.dokumen["renja-2024"] = dunia.dokumen["renja-2024"].__class__("renja-2024", "Renja 2024", "draft", 2)
    t, _ = one(dunia, "penandatangan-kosong")
    assert t.tautan == Tautan.to("kecamatan:renja_penandatangan", pk=1, tahun=2024)


def test_a_renstra_without_signatory_links_to_its_signatory_page():
    dunia = Dunia()
    dunia.dokumen["renstra"] = dunia.dokumen["renstra"].__class__("renstra", "Renstra 2024-2026", "draft", 2)
    t, _ = one(dunia, "penandatangan-kosong")
    assert t.tautan == Tautan.to("kecamatan:renstra_penandatangan", pk=1)


# --- the result ------------------------------------------------------------------------------------


def test_findings_are_grouped_by_document_galat_first():
    dunia = Dunia()
    dunia.ind[6].satuan = ""
    dunia.ind[2].target[2026] = "120"
    dunia.realisasi[3][2024].update({1: n("12,69"), 2: n("12,68")})
    hasil = jalankan(dunia.build())
    assert [(k.kunci, k.galat, k.peringatan) for k in hasil.per_dokumen(kosong=False)] == [
        ("renstra", 2, 0), ("realisasi-2024-2", 0, 1)]
    assert [t.aturan for t in hasil.temuan] == ["nilai-di-luar-rentang", "indikator-tanpa-satuan",
                                                "realisasi-kumulatif-turun"]
    assert hasil.ringkasan()["lkj-2024"] == {"galat": 0, "peringatan": 0}
    assert hasil.untuk("renstra").galat == 2 and hasil.untuk("renstra").dokumen == (("renstra", "Renstra 2024-2026"),)

