"""The pure Renja builders on a hand-made Renja: roll-ups, T-C.29 formulas, projections, NIHIL, notes."""

from dataclasses import replace
from decimal import Decimal as D

import pytest

from kecamatan.core.computations import AturanAkhir, Polaritas
from kecamatan.core.formatting import Nilai
from kecamatan.renja.data import CatatanData, RiwayatData, UsulanData
from kecamatan.renja.tables.common import resolve_notes
from kecamatan.renja.tables.renja import build_renja_document
from kecamatan.renja.tables.renja41 import build_renja41
from kecamatan.renja.tables.tc29 import build_tc29, perkiraan_realisasi, tingkat_realisasi
from kecamatan.renja.tables.tc30 import build_tc30
from kecamatan.renja.tables.tc31 import build_tc31, pagu_indikatif
from kecamatan.renja.tables.tc32 import build_tc32
from kecamatan.renja.tables.tc33 import build_tc33
from kecamatan.renstra.data import NodeData
from kecamatan.tables.base import COVERED, Besaran, format_cell
from tests.reports.renja_fixtures import ind, small_renja

NA = Nilai(None, "N/A")


def _row(report, key):
    return next(r for r in report.rows if r.key == key)


def _col(report, number):
    """The key of the column the document numbers `number` ("8" for "8=(7/6)")."""
    return next(c.key for c in report.columns if c.number.split("=")[0] == number)


def _text(report, key, number):
    col = _col(report, number)
    return format_cell(_row(report, key).cells[col], report.column(col).kind)


def _cells(row, *keys):
    return tuple(row.cells[k] for k in keys)


# -- T-C.33 ---------------------------------------------------------------------------------------

def test_tc33_numbers_columns_as_the_renja_prints_them():
    report = build_tc33(small_renja())
    assert [c.number for c in report.columns] == ["1", "2", "3", "", "4", "5", "6", "7", "8", "9", "10", "11", "12"]
    assert [g[0] for g in report.header_groups()][6:] == [
        "Rencana Tahun 2024 (Tahun Rencana)", "Catatan Penting", "Prakiraan Maju Rencana Tahun 2025"]


def test_tc33_subkegiatan_dana_is_the_sum_of_its_aktivitas_not_its_pagu():
    report = build_tc33(small_renja())
    dana, maju = _col(report, "8"), _col(report, "12")
    sub = _row(report, "7.01.01.2.01.0001")
    assert sub.cells[dana] == D("9841000")  # 5.136.500 + 4.704.500; the stale Pagu of 1 is ignored
    assert sub.cells[maju] == D("5435320")
    aktivitas = [r for r in report.rows if r.kind == "aktivitas"]
    assert [r.cells[dana] for r in aktivitas] == [D("5136500"), D("4704500")]
    assert [r.cells[_col(report, "5")] for r in aktivitas] == ["1", "2"]


def test_tc33_rolls_up_to_kegiatan_program_bidang_urusan_and_total():
    report = build_tc33(small_renja())
    dana, maju = _col(report, "8"), _col(report, "12")
    for key in ("7", "7.01", "7.01.01", "7.01.01.2.01", "TOTAL PAGU"):
        row = _row(report, key)
        assert (row.cells[dana], row.cells[maju]) == (D("16438500"), D("9204470")), key
    assert _row(report, "7").cells["nama"] == "Unsur Kewilayahan" and _row(report, "7.01").cells["nama"] == "Kecamatan"
    assert [r.key for r in report.rows[:2]] == ["7", "7.01"] and report.rows[-1].key == "TOTAL PAGU"


def test_tc33_leaves_out_subkegiatan_outside_the_renja():
    report = build_tc33(small_renja())
    assert "7.01.01.2.01.0003" not in {r.key for r in report.rows}  # its Pagu of 999 is not counted either


def test_tc33_single_aktivitas_prints_on_the_subkegiatan_row():
    report = build_tc33(small_renja())
    sub = _row(report, "7.01.01.2.01.0002")
    assert sub.cells[_col(report, "4")] == "Penyusunan RKA" and sub.cells[_col(report, "5")] == "1"
    assert sub.cells[_col(report, "10")] == "cek"  # the aktivitas' catatan
    assert len([r for r in report.rows if r.kind == "aktivitas"]) == 2  # only sub 1's two


def test_tc33_parent_lokasi_and_sumber_dana_come_from_its_subkegiatan():
    report = build_tc33(small_renja())
    kegiatan = _row(report, "7.01.01.2.01")
    assert kegiatan.cells[_col(report, "9")] == "DAU, DAK"
    assert kegiatan.cells[_col(report, "6")] == "Kec. Uji"


def test_tc33_targets_with_units_and_multi_indicator_rows_share_cells():
    report = build_tc33(small_renja())
    assert _text(report, "7.01.01.2.01.0001", "7") == "2 Dokumen"
    assert _text(report, "7.01.01.2.01.0001", "11") == "3 Dokumen"
    first, second = _row(report, "7.01.01"), _row(report, "7.01.01#2")
    assert first.rowspan[_col(report, "8")] == 2 and second.cells[_col(report, "8")] is COVERED
    assert second.cells["indikator"] == "APBDes tepat waktu"


def test_tc33_with_no_subkegiatan_prints_zero_totals_as_dash():
    report = build_tc33(small_renja(rincian={}))
    assert [r.key for r in report.rows] == ["TOTAL PAGU"]
    assert _text(report, "TOTAL PAGU", "8") == "-"


# -- Tabel 4.1 ------------------------------------------------------------------------------------

def test_renja41_is_a_projection_of_tc33():
    data = small_renja()
    tc33, renja41 = build_tc33(data), build_renja41(data)
    for key in ("7.01.01", "7.01.01.2.01", "7.01.01.2.01.0001", "7.01.01.2.01.0002"):
        assert _row(renja41, key).cells[_col(renja41, "6")] == _row(tc33, key).cells[_col(tc33, "8")]
        assert _text(renja41, key, "5") == _text(tc33, key, "7")
    assert _cells(renja41.rows[0], "kegiatan", "anggaran") == ("Unsur Kewilayahan", D("16438500"))
    assert _row(renja41, "7.01.01").cells["no"] == "1" and renja41.rows[-1].cells["kegiatan"] == "TOTAL PAGU"
    assert not any(r.kind == "aktivitas" for r in renja41.rows)


# -- T-C.29 formulas ------------------------------------------------------------------------------

def test_tingkat_realisasi_positive_polarity():
    assert tingkat_realisasi(Nilai(D(86)), Nilai(D(99))).quantize(D("0.01")) == D("115.12")


def test_tingkat_realisasi_negative_polarity():
    assert tingkat_realisasi(Nilai(D(10)), Nilai(D(12)), Polaritas.NEGATIF) == D(80)
    assert tingkat_realisasi(Nilai(D(10)), Nilai(D(8)), Polaritas.NEGATIF) == D(120)


def test_tingkat_realisasi_zero_target_is_not_computable():
    assert tingkat_realisasi(Nilai(D(0)), Nilai(D(5))) is None


def test_tingkat_realisasi_na_inputs_print_na_never_zero():
    assert tingkat_realisasi(NA, Nilai(D(5))) == NA
    assert tingkat_realisasi(Nilai(D(5)), NA) == NA
    assert tingkat_realisasi(Nilai(None, "-"), Nilai(None, "-")) is None  # nothing planned: "-"
    assert tingkat_realisasi(Nilai(), Nilai()) is None


def test_perkiraan_realisasi_sums_counts_and_takes_the_latest_level():
    assert perkiraan_realisasi(Nilai(), Nilai(D(2)), Nilai(D(1)), AturanAkhir.JUMLAH) == Nilai(D(3))
    assert perkiraan_realisasi(Nilai(D(4)), Nilai(D(2)), Nilai(D(1)), AturanAkhir.JUMLAH) == Nilai(D(7))
    assert perkiraan_realisasi(Nilai(), Nilai(D(99)), Nilai(D(86)), AturanAkhir.NILAI_AKHIR) == Nilai(D(86))
    assert perkiraan_realisasi(Nilai(), Nilai(D(99)), Nilai(), AturanAkhir.NILAI_AKHIR) == Nilai(D(99))
    assert perkiraan_realisasi(Nilai(), Nilai(D(90)), Nilai(D(80)), AturanAkhir.RATA_RATA) == Nilai(D(85))
    assert perkiraan_realisasi(NA, NA, NA, AturanAkhir.JUMLAH) == NA
    assert perkiraan_realisasi(Nilai(), Nilai(None, "-"), Nilai(), AturanAkhir.JUMLAH) == Nilai()


def _tc29_data(ind_data, *, target_n2=None, realisasi_n2=None, target_n1=None, realisasi_lama=None):
    sub = NodeData(11, "subkegiatan", "7.01.01.2.01.0001", "Uji", indikator=(ind_data,))
    keg = NodeData(21, "kegiatan", "7.01.01.2.01", "Keg", children=(sub,))
    program = NodeData(31, "program", "7.01.01", "PROG", children=(keg,))
    data = small_renja()
    targets = {}
    if target_n2 is not None:
        targets[("renja", 2022)] = target_n2
    if target_n1 is not None:
        targets[("renja", 2023)] = target_n1
    realisasi = {}
    if realisasi_n2 is not None:
        realisasi[2022] = {4: realisasi_n2}
    for tahun, value in (realisasi_lama or {}).items():
        realisasi[tahun] = {4: value}
    return replace(data, renstra=replace(data.renstra, program=(program,)),
                   target_renja={ind_data.id: targets}, realisasi={ind_data.id: realisasi})


def test_tc29_positive_percentage_indicator():
    indikator = ind(9, "Persentase fasilitasi", "Persen", aturan=AturanAkhir.NILAI_AKHIR, target={2024: D(100)})
    report = build_tc29(_tc29_data(indikator, target_n2=Nilai(D(86)), realisasi_n2=Nilai(D(99)),
                                   target_n1=Nilai(D(86))))
    key = "7.01.01.2.01.0001"
    assert _text(report, key, "8") == "115%"  # the annex prints whole percents, half-up
    assert _text(report, key, "10") == "86%"  # latest of 5, 7, 9 for a level
    assert _text(report, key, "11") == "86%"
    assert _text(report, key, "4") == "100%" and _text(report, key, "5") == "-"


def test_tc29_negative_polarity_indicator():
    indikator = ind(9, "Angka pengaduan", "Angka", aturan=AturanAkhir.NILAI_AKHIR, polaritas=Polaritas.NEGATIF,
                    target={2024: D(10)})
    report = build_tc29(_tc29_data(indikator, target_n2=Nilai(D(10)), realisasi_n2=Nilai(D(12)),
                                   target_n1=Nilai(D(8))))
    key = "7.01.01.2.01.0001"
    assert _text(report, key, "8") == "80%"  # (10 − (12 − 10)) / 10
    assert _text(report, key, "10") == "8"
    assert _text(report, key, "11") == "120%"  # (10 − (8 − 10)) / 10


def test_tc29_count_indicator_sums_5_7_9():
    indikator = ind(9, "Jumlah dokumen", "Dokumen", target={2024: D(2)})
    report = build_tc29(_tc29_data(indikator, target_n2=Nilai(D(2)), realisasi_n2=Nilai(D(2)), target_n1=Nilai(D(1)),
                                   realisasi_lama={2020: Nilai(D(1)), 2021: Nilai(D(1))}))
    key = "7.01.01.2.01.0001"
    assert _text(report, key, "5") == "2 Dokumen"  # 2020 + 2021, up to n-3
    assert _text(report, key, "10") == "5 Dokumen"  # 2 + 2 + 1
    assert _text(report, key, "11") == "250%"


def test_tc29_prints_the_annex_eleven_columns_by_default_and_the_rupiah_layout_when_chosen():
    indikator = ind(9, "Persentase fasilitasi", "Persen", aturan=AturanAkhir.NILAI_AKHIR, target={2024: D(100)})
    data = _tc29_data(indikator, target_n2=Nilai(D(86)), realisasi_n2=Nilai(D(99)), target_n1=Nilai(D(86)))
    annex = build_tc29(data)
    assert [c.number for c in annex.columns] == ["1", "2", "3", "4", "5", "6", "7", "8=(7/6)", "9", "10=(5+7+9)",
                                                 "11=(10/4)"]
    assert all("Anggaran" not in c.label and "Anggaran" not in c.group for c in annex.columns)
    rupiah = build_tc29(replace(data, tata_letak={"tc29": "rupiah"}))
    assert [c.number for c in rupiah.columns][-4:] == ["12", "13", "14=(13/12)", "15"]
    assert _text(rupiah, "7.01.01.2.01.0001", "8") == "115,12%"  # this layout keeps two decimals
    with pytest.raises(KeyError, match="Tata letak 'lebar' tidak dikenal"):
        build_tc29(replace(data, tata_letak={"tc29": "lebar"}))


def test_tc29_column_4_is_the_target_of_year_n_or_of_the_end_of_the_period_as_the_layout_says():
    indikator = ind(9, "Jumlah dokumen", "Dokumen", target={2024: D(2), 2025: D(3), 2026: D(4)})
    data = _tc29_data(indikator, target_n2=Nilai(D(2)), realisasi_n2=Nilai(D(2)), target_n1=Nilai(D(1)))
    key = "7.01.01.2.01.0001"
    assert _text(build_tc29(data), key, "4") == "2 Dokumen"
    akhir = build_tc29(replace(data, tata_letak={"tc29": "lampiran-akhir-periode"}))
    assert _text(akhir, key, "4") == "9 Dokumen"  # a count adds up over 2024-2026
    assert "Akhir Periode" in akhir.columns[3].label
    assert _text(akhir, key, "11") == "33%"  # 3 / 9, whole percent


def test_tc29_zero_target_prints_dash_not_zero():
    indikator = ind(9, "Jumlah dokumen", "Dokumen", target={2024: D(0)})
    report = build_tc29(_tc29_data(indikator, target_n2=Nilai(D(0)), realisasi_n2=Nilai(D(3)), target_n1=Nilai(D(1))))
    key = "7.01.01.2.01.0001"
    assert _text(report, key, "8") == "-" and _text(report, key, "11") == "-"


def test_tc29_na_inputs_print_na():
    indikator = ind(9, "Jumlah gedung", "Unit", target={2024: D(1)})
    report = build_tc29(_tc29_data(indikator, target_n2=NA, realisasi_n2=NA, target_n1=NA))
    key = "7.01.01.2.01.0001"
    assert [_text(report, key, n) for n in ("6", "7", "8", "9", "10", "11")] == ["N/A"] * 6


def test_tc29_without_any_history_prints_dashes():
    indikator = ind(9, "Jumlah dokumen", "Dokumen")
    report = build_tc29(_tc29_data(indikator))
    assert {_text(report, "7.01.01.2.01.0001", n) for n in ("4", "5", "6", "7", "8", "9", "10", "11")} == {"-"}


def test_tc29_anggaran_columns_roll_up_and_print_dash_when_nothing_is_held():
    indikator = ind(9, "Jumlah dokumen", "Dokumen")
    data = _tc29_data(indikator)
    sub = data.renstra.program[0].children[0].children[0]
    data = replace(data, renstra=replace(data.renstra, program=(replace(
        data.renstra.program[0], children=(replace(data.renstra.program[0].children[0], children=(
            replace(sub, pagu={2022: D(1000)}),)),)),)),
        realisasi_anggaran={11: {2022: D(900)}}, pagu_perubahan={11: {2022: D(1200)}}, tata_letak={"tc29": "rupiah"})
    report = build_tc29(data)
    assert _row(report, "7.01.01").cells[_col(report, "12")] == D(1200)  # perubahan is the final budget
    assert _text(report, "7.01.01", "13") == "900" and _text(report, "7.01.01", "14") == "75,00%"
    assert _text(report, "7.01.01", "15") == "Kecamatan Uji"
    empty = build_tc29(replace(_tc29_data(indikator), tata_letak={"tc29": "rupiah"}))
    assert [_text(empty, "7.01.01", n) for n in ("12", "13", "14")] == ["-", "-", "-"]


# -- T-C.31 ---------------------------------------------------------------------------------------

def test_tc31_pagu_indikatif_is_typed_on_subkegiatan_and_summed_up():
    data = small_renja()
    assert pagu_indikatif(data.ranwal) == [D("4000000"), D("4000000"), D("2000000"), D("2000000"), None, None]


def test_tc31_needs_side_reads_the_renja_so_it_equals_tc33():
    data = small_renja()
    tc31, tc33 = build_tc31(data), build_tc33(data)
    assert _row(tc31, "1").cells["kebutuhan:dana"] == _row(tc33, "7.01.01").cells[_col(tc33, "8")] == D("16438500")
    assert _row(tc31, "3").cells["kebutuhan:dana"] == D("9841000")
    assert _row(tc31, "1").cells["no"] == "1" and _row(tc31, "2").cells["no"] == ""
    kebutuhan = ("kebutuhan:program", "kebutuhan:lokasi", "kebutuhan:indikator", "kebutuhan:target", "kebutuhan:dana")
    ranwal = ("ranwal:program", "ranwal:lokasi", "ranwal:indikator", "ranwal:target", "ranwal:pagu")
    assert _cells(_row(tc31, "4"), *kebutuhan) == ("", "", "", "", "")  # Ranwal only
    assert _cells(_row(tc31, "5"), *ranwal) == ("", "", "", "", "")  # needs only
    assert _text(tc31, "6", "5") == "N/A"
    assert _text(tc31, "1", "10") == "-\n-"  # two indicators without Renja targets


def test_tc31_total_sums_the_program_rows_in_both_rp_columns():
    tc31 = build_tc31(small_renja())
    total = tc31.rows[-1]
    assert (total.kind, total.key, total.cells["ranwal:program"]) == ("total", "TOTAL", "TOTAL")
    assert total.cells["ranwal:pagu"] == D("4000000") and total.cells["kebutuhan:dana"] == D("16438500")
    assert build_tc31(small_renja(ranwal=())).rows[-1].kind == "band"  # nothing to total


def test_tc31_typed_needs_print_instead_of_the_renja():
    data = small_renja()
    program, kegiatan, sub, *rest = data.ranwal
    typed = (replace(program, kebutuhan_dana=D("15000000")), kegiatan,
             replace(sub, kebutuhan_target=Nilai(D(4)), kebutuhan_dana=D("9000000")), *rest)
    tc31 = build_tc31(small_renja(ranwal=typed))
    assert _row(tc31, "1").cells["kebutuhan:dana"] == D("15000000")
    assert _row(tc31, "2").cells["kebutuhan:dana"] == D("16438500")  # untyped: the Renja's
    assert _text(tc31, "3", "10") == "4 Dokumen" and _row(tc31, "3").cells["kebutuhan:dana"] == D("9000000")
    assert tc31.rows[-1].cells["kebutuhan:dana"] == D("15000000")  # TOTAL follows what prints


# -- T-C.32, T-C.30 -------------------------------------------------------------------------------

def test_tc33_prints_the_annex_ten_columns_by_default_with_every_aktivitas_on_its_own_row():
    data = small_renja(tata_letak={})
    report = build_tc33(data)
    assert [c.number for c in report.columns] == [str(i) for i in range(1, 11)]
    assert [c.key for c in report.columns] == ["kode", "nama", "indikator", "lokasi", "target:n", "dana:n",
                                               "sumber-dana", "catatan", "target:n+1", "dana:n+1"]
    rows = [r for r in report.rows if r.kind == "aktivitas"]
    # the single aktivitas of 7.01.01.2.01.0002 too: the annex has no Aktivitas column to hold it
    assert [r.cells["nama"] for r in rows] == ["Penyusunan Dokumen Renja", "Penyusunan Dokumen Perubahan Renja",
                                               "Penyusunan RKA"]
    assert rows[2].cells["dana:n"] == D("6597500") and rows[2].cells["catatan"] == "cek"
    senduro = build_tc33(replace(data, tata_letak={"tc33": "senduro"}))
    assert [c.number for c in senduro.columns][:5] == ["1", "2", "3", "", "4"]  # Formulasi unnumbered, as printed
    assert _total(report) == _total(senduro)


def _total(report):
    row = next(r for r in report.rows if r.key == "TOTAL PAGU")
    return row.cells["dana:n"], row.cells["dana:n+1"]


def test_tc32_prints_nihil_across_the_table_when_there_is_no_proposal():
    report = build_tc32(small_renja())
    assert len(report.rows) == 1 and report.rows[0].kind == "band" and report.rows[0].text == "NIHIL"
    assert not report.rows[0].cells
    usulan = (UsulanData(1, "Program X", "Kegiatan Y", "Desa Z", "Jumlah", D(3), "Unit", subkegiatan="Sub W",
                         catatan="Musrenbang"),)
    with_one = build_tc32(small_renja(usulan=usulan))
    assert [(c.label, c.number) for c in with_one.columns] == [
        ("No", "1"), ("Program/Kegiatan/Sub Kegiatan/Aktivitas", "2"), ("Lokasi", "3"), ("Indikator Kinerja", "4"),
        ("Besaran/Volume", "5"), ("Catatan", "6")]  # the annex
    assert _cells(with_one.rows[0], "no", "usulan", "lokasi", "indikator", "catatan") == (
        "1", "Program X\nKegiatan Y\nSub W", "Desa Z", "Jumlah", "Musrenbang")
    assert format_cell(with_one.rows[0].cells["volume"], "nilai") == "3 Unit"
    senduro = build_tc32(replace(small_renja(usulan=usulan), tata_letak={"tc32": "senduro"}))
    assert [c.label for c in senduro.columns] == ["No", "Program", "Kegiatan", "Lokasi", "Indikator Kinerja", "Volume"]
    assert _cells(senduro.rows[0], "program", "kegiatan") == ("Program X", "Kegiatan Y\nSub W")
    assert "catatan" not in senduro.rows[0].cells


def test_tc30_renstra_scheme_prints_the_period_years():
    report = build_tc30(small_renja(tata_letak={"tc30": "renstra"}))
    assert [c.number for c in report.columns] == [str(n) for n in range(1, 15)]
    first = report.rows[0]
    assert report.keys[4:7] == ("target:2024", "target:2025", "target:2026")
    assert report.keys[10:13] == ("proyeksi:2024", "proyeksi:2025", "proyeksi:2026")
    assert _cells(first, "no", "indikator") == ("1", "Indeks Pelayanan Publik")
    assert format_cell(first.cells["target:2024"], "nilai") == "60,5 (B-)"
    assert [format_cell(first.cells[f"proyeksi:{t}"], "nilai") for t in (2024, 2025, 2026)] == [
        "61", "62", "-"]  # Renja n, prakiraan n+1
    assert report.rows[1].cells["indikator"] == "Persentase uji"
    assert report.notes == ()


def _history(**changes):
    """Renja 2025 of a Renstra 2024-2026: n-2 = 2023 lies before the period, typed as history;
    the realisasi of n-1 = 2024 has no report yet, only an estimate."""
    riwayat = {401: {2023: RiwayatData(Nilai(D("58"), "C"), Nilai(D("59.5"), "C")),
                     2024: RiwayatData(realisasi=Nilai(D(86)), perkiraan=True)},
               402: {2023: RiwayatData(Nilai(D(70)), Nilai(None, "N/A"))}}
    return small_renja(tahun=2025, riwayat=riwayat, **changes)


def test_tc30_relative_scheme_reads_the_years_before_the_period_and_marks_an_estimate():
    report = build_tc30(_history())
    assert [c.number for c in report.columns] == [str(n) for n in range(1, 14)]
    assert report.keys[4:12] == ("target:n-2", "target:n-1", "target:n", "target:n+1",
                                 "realisasi:n-2", "realisasi:n-1", "proyeksi:n", "proyeksi:n+1")
    assert [c.label for c in report.columns[4:12]] == [f"Tahun {t}" for t in (2023, 2024, 2025, 2026, 2023, 2024,
                                                                               2025, 2026)]
    first, second = report.rows
    text = {k: format_cell(v, "nilai") for k, v in first.cells.items()}
    assert text["target:n-2"] == "58 (C)"  # before the period: the history typed
    assert text["target:n-1"] == "60,5 (B-)"  # in the period: the Renstra's Target
    assert text["realisasi:n-2"] == "59,5 (C)"
    assert text["realisasi:n-1"] == "86*"  # an estimate, marked
    assert format_cell(second.cells["realisasi:n-2"], "nilai") == "N/A"
    assert report.notes == ("* perkiraan realisasi (belum final)",)


def test_tc30_a_triwulan_report_wins_over_the_estimate():
    report = build_tc30(_history(realisasi={401: {2024: {4: Nilai(D(88))}}}))
    assert format_cell(report.rows[0].cells["realisasi:n-1"], "nilai") == "88"
    assert report.notes == ()


def test_tc29_column_5_adds_the_history_before_the_period():
    # Renja 2026: column 5 = realisasi up to 2023, before the Renstra 2024-2026
    data = small_renja(tahun=2026, riwayat={101: {2022: RiwayatData(realisasi=Nilai(D(2))),
                                                  2023: RiwayatData(realisasi=Nilai(D(3)))}},
                       tata_letak={"tc29": "lampiran"})
    assert _text(build_tc29(data), "7.01.01.2.01.0001", "5") == "5 Dokumen"


# -- notes and the whole document -----------------------------------------------------------------

def test_a_note_quotes_the_value_the_table_computed():
    notes = (
        CatatanData(tabel="tc33", baris_sumber="647", kunci="7.01.01.2.01.0001", kolom="8", tercetak="9.000.000"),
        CatatanData(tabel="tc33", baris_sumber="647", kunci="7.01.01.2.01.0001", kolom="11", tercetak="2 Dokumen"),
        CatatanData(tabel="tc33", baris_sumber="1", kunci="9.99", kolom="8", tercetak="1"),
        CatatanData(tabel="tc33", baris_sumber="9", uraian="Baris tidak dimuat."),
    )
    resolved = resolve_notes(notes, build_tc33(small_renja()))
    assert [(n.tempat, n.tercetak, n.dihitung) for n in resolved[:2]] == [
        ("7.01.01.2.01.0001 kolom 8", "9.000.000", "9.841.000"), ("7.01.01.2.01.0001 kolom 11", "2 Dokumen", "3 Dokumen")]
    assert "tidak ada di tabel" in resolved[2].dihitung
    assert resolved[3].tempat == "" and resolved[3].uraian == "Baris tidak dimuat."


def test_rows_keyed_by_order_are_named_in_notes():
    note = CatatanData(tabel="tc31", baris_sumber="371", kunci="3", kolom="6", tercetak="1.000")
    (resolved,) = resolve_notes((note,), build_tc31(small_renja()))
    assert resolved.tempat == "'Dokumen' kolom 6" and resolved.dihitung == "2.000.000"


def test_renja_document_is_in_document_order_with_one_signature_and_the_closing_note():
    from kecamatan.tables.base import PenandatanganData

    ttd = PenandatanganData(nama="Drs. UJI", jabatan="Camat Uji", nip="19681114 199003 1 004")
    note = CatatanData(tabel="tc29", baris_sumber="247", uraian="Contoh catatan.")
    reports = build_renja_document(small_renja(penandatangan=ttd, catatan=(note,)))
    assert [r.code for r in reports] == ["T-C.29", "T-C.30", "T-C.31", "T-C.32", "T-C.33", "Tabel 4.1", "Catatan"]
    assert [r.penandatangan is not None for r in reports] == [False] * 6 + [True]
    assert all(not r.notes for r in reports)  # the notes are in the closing table
    assert _cells(reports[-1].rows[0], "tabel", "baris-sumber") == ("T-C.29", "247")


def test_a_single_table_carries_its_own_closing_note():
    from kecamatan.renja.tables.renja import build_with_closing_note

    note = CatatanData(tabel="tc29", baris_sumber="247", uraian="Contoh.")
    reports = build_with_closing_note(small_renja(catatan=(note,)), ["tc29"])
    assert [r.code for r in reports] == ["T-C.29", "Catatan"]
    assert build_with_closing_note(small_renja(catatan=(note,)), ["tc33"])[0].code == "T-C.33"  # nothing for T-C.33


def test_renja_document_without_notes_ends_with_tabel_41_signed():
    from kecamatan.tables.base import PenandatanganData

    ttd = PenandatanganData(nama="Drs. UJI", jabatan="Camat Uji", nip="19681114 199003 1 004")
    reports = build_renja_document(small_renja(penandatangan=ttd))
    assert reports[-1].code == "Tabel 4.1" and reports[-1].penandatangan == ttd


@pytest.mark.parametrize("satuan, value, text", [
    ("Persen", Nilai(D("66.67")), "66,67%"), ("Dokumen", Nilai(D(12)), "12 Dokumen"), ("Unit", NA, "N/A"),
    ("Dokumen", Nilai(), "-"), ("Angka", Nilai(D("60.5"), "B-"), "60,5 (B-)"), ("", Nilai(D(3)), "3"),
])
def test_nilai_satuan_prints_value_with_its_unit(satuan, value, text):
    assert Besaran(value, satuan).text() == text
