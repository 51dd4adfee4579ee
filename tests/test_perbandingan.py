"""The pure rules of the comparison: which indicators are the same, median, deadlines, colours."""

import datetime
from decimal import Decimal as D

import pytest

from kecamatan.core.computations import SKALA_LUMAJANG
from kecamatan.perbandingan.rules import (
    ATURAN_TENGGAT,
    LABEL_IKU,
    TENGGAT_KETERANGAN,
    AturanTenggat,
    WARNA_PREDIKAT,
    kunci_indikator,
    label_indikator,
    median,
    rata_rata,
    tenggat,
    terlambat,
    triwulan_terakhir,
)

RANDUAGUNG = "Rata - rata persentase Desa yang menyusun dokumen administrasi Pemerintahan Desa tepat waktu"


@pytest.mark.parametrize("wording", [
    "Rata - Rata Persentase Desa yang menyusun dokumen administrasi pemerintahan desa tepat waktu",  # LKj Jatiroto
    "Rata-rata persentase desa yang menyusun dokumen administrasi pemerintahan desa tepat waktu",  # IKU sheet
    "Indikator Rata - Rata Persentase Desa yang menyusun dokumen administrasi pemerintahan desa tepat waktu",
    "  rata-rata  PERSENTASE desa yang menyusun dokumen administrasi pemerintahan desa tepat waktu. ",
])
def test_variant_wordings_of_an_iku_share_one_key(wording):
    assert kunci_indikator(wording) == kunci_indikator(RANDUAGUNG)


def test_the_typo_presentase_and_a_parenthesised_acronym_are_folded():
    fasilitasi = kunci_indikator("Persentase hasil fasilitasi dan koordinasi yang ditindaklanjuti")
    assert kunci_indikator("Presentase hasil fasilitasi dan koordinasi yang ditindaklanjuti") == fasilitasi
    assert kunci_indikator("persentase hasil fasilitasi dan koordinasi yang ditindak lanjuti") == fasilitasi
    assert kunci_indikator("Indeks Pelayanan Publik (IPP)") == kunci_indikator("Indeks Pelayanan Publik")
    # outside the IKU catalog too: the folding rules, not a list of wordings, do the matching
    assert kunci_indikator("Presentase Desa yang menetapkan RKPDes Tepat Waktu") == \
        kunci_indikator("persentase desa yang menetapkan RKPDes tepat waktu")


def test_different_indicators_keep_different_keys():
    rkpdes = kunci_indikator("Persentase Desa yang menetapkan RKPDes Tepat Waktu")
    apbdes = kunci_indikator("Persentase Desa yang menetapkan APBDes Tepat Waktu")
    assert rkpdes != apbdes
    assert kunci_indikator("Indeks Kepuasan Masyarakat") != kunci_indikator("Indeks Pelayanan Publik")


def test_column_label_is_the_catalog_label_or_the_most_used_wording():
    assert label_indikator(kunci_indikator(RANDUAGUNG), [RANDUAGUNG]) == "Dokumen administrasi desa tepat waktu"
    assert set(LABEL_IKU.values()) >= {"Indeks Pelayanan Publik"}
    key = kunci_indikator("Persentase pelayanan PATEN sesuai SP dan SOP")
    assert label_indikator(key, ["persentase Pelayanan PATEN sesuai SP dan SOP",
                                 "Persentase pelayanan PATEN sesuai SP dan SOP",
                                 "Persentase pelayanan PATEN sesuai SP dan SOP"]) == \
        "Persentase pelayanan PATEN sesuai SP dan SOP"


def test_median_leaves_out_missing_values():
    assert median([D(3), None, D(1), D(2)]) == D(2)
    assert median([D(4), D(1), D(3), D(2)]) == D("2.5")
    assert median([None, None]) is None
    assert median([]) is None
    assert rata_rata([D(1), None, D(2)]) == D("1.5")
    assert rata_rata([None]) is None


def test_deadlines_of_each_document():
    assert tenggat("realisasi", 2025, 1) == datetime.date(2025, 4, 15)
    assert tenggat("realisasi", 2025, 2) == datetime.date(2025, 7, 15)
    assert tenggat("realisasi", 2025, 3) == datetime.date(2025, 10, 15)
    assert tenggat("realisasi", 2025, 4) == datetime.date(2026, 1, 15)
    assert tenggat("renja", 2025) == datetime.date(2024, 6, 30)
    assert tenggat("lkj", 2024) == datetime.date(2025, 2, 28)
    assert tenggat("lkj", 2027) == datetime.date(2028, 2, 29)  # leap year: the end of February
    assert tenggat("renstra", None) is None


def test_default_rule_is_the_deadlines_of_before_and_a_changed_rule_moves_them():
    assert AturanTenggat() == ATURAN_TENGGAT
    for jenis, tahun, tw in [("realisasi", 2025, 1), ("realisasi", 2025, 4), ("renja", 2025, None),
                             ("lkj", 2024, None), ("lkj", 2027, None)]:
        assert ATURAN_TENGGAT.tenggat(jenis, tahun, tw) == tenggat(jenis, tahun, tw)
    assert TENGGAT_KETERANGAN[0].startswith("Realisasi triwulan: 15 hari setelah triwulan berakhir (TW I 15 April, "
                                            "TW II 15 Juli, TW III 15 Oktober, TW IV 15 Januari tahun berikutnya)")
    assert TENGGAT_KETERANGAN[1:3] == ("Renja tahun N: 30 Juni tahun N-1", "LKj tahun N: akhir Februari tahun N+1")
    aturan = AturanTenggat(hari_realisasi=30, renja_tanggal=15, renja_bulan=8, lkj_tanggal=31, lkj_bulan=3)
    assert aturan.tenggat("realisasi", 2025, 1) == datetime.date(2025, 4, 30)
    assert aturan.tenggat("realisasi", 2025, 4) == datetime.date(2026, 1, 30)
    assert aturan.tenggat("renja", 2025) == datetime.date(2024, 8, 15)
    assert aturan.tenggat("lkj", 2024) == datetime.date(2025, 3, 31)
    assert aturan.tenggat("renstra", None) is None
    assert aturan.keterangan()[:3] == (
        "Realisasi triwulan: 30 hari setelah triwulan berakhir (TW I 30 April, TW II 30 Juli, TW III 30 Oktober, "
        "TW IV 30 Januari tahun berikutnya)",
        "Renja tahun N: 15 Agustus tahun N-1", "LKj tahun N: 31 Maret tahun N+1")


def test_a_day_the_month_lacks_is_its_last_day():
    akhir_februari = AturanTenggat(lkj_tanggal=29, lkj_bulan=2)
    assert akhir_februari.tenggat("lkj", 2024) == datetime.date(2025, 2, 28)
    assert akhir_februari.tenggat("lkj", 2027) == datetime.date(2028, 2, 29)
    assert AturanTenggat(lkj_tanggal=31, lkj_bulan=4).tenggat("lkj", 2024) == datetime.date(2025, 4, 30)
    assert AturanTenggat(renja_tanggal=28, renja_bulan=2).keterangan()[1] == "Renja tahun N: 28 Februari tahun N-1"


def test_late_is_submitted_after_the_deadline_or_not_submitted_past_it():
    batas = datetime.date(2025, 4, 15)
    assert not terlambat(batas, datetime.date(2025, 4, 15), datetime.date(2025, 9, 1))  # on the day: on time
    assert terlambat(batas, datetime.date(2025, 4, 16), datetime.date(2025, 9, 1))
    assert not terlambat(batas, None, datetime.date(2025, 4, 15))  # not yet due
    assert terlambat(batas, None, datetime.date(2025, 4, 16))
    assert not terlambat(None, None, datetime.date(2030, 1, 1))


def test_default_view_is_the_latest_triwulan_that_has_ended():
    assert triwulan_terakhir(datetime.date(2026, 11, 25)) == (2026, 3)
    assert triwulan_terakhir(datetime.date(2026, 10, 1)) == (2026, 3)
    assert triwulan_terakhir(datetime.date(2026, 9, 30)) == (2026, 2)
    assert triwulan_terakhir(datetime.date(2026, 2, 1)) == (2025, 4)


def test_every_predikat_of_tabel_3_1_has_a_colour():
    assert set(WARNA_PREDIKAT) == {band.label for band in SKALA_LUMAJANG}
    assert len(set(WARNA_PREDIKAT.values())) == len(WARNA_PREDIKAT)
