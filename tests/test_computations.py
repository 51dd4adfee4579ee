"""Pure computations with figures from the seeds (no database)."""

from decimal import Decimal as D

import pytest

from kecamatan.core.computations import (
    AturanAkhir,
    Polaritas,
    akhir_periode,
    capaian,
    capaian_kumulatif,
    default_aturan_akhir,
    efisiensi,
    jumlah,
    penyerapan,
    pertumbuhan,
    predikat,
    rasio,
    rata_rata_pertumbuhan,
    realisasi_kumulatif,
    roll_up,
)
from kecamatan.core.formatting import quantize


def test_capaian_positive_ipp_jatiroto():
    # LKJ 723: IPP 55,06 / 61,5 × 100 (the document prints 89,52, truncating)
    assert quantize(capaian(D("61.5"), D("55.06")), 2) == D("89.53")


def test_capaian_above_target():
    # LKJ 743: 100 / 94,44 = 105,89
    assert quantize(capaian(D("94.44"), D("100")), 2) == D("105.89")


def test_capaian_negative_polarity():
    # tables.md §0.7: T = 10, R = 12 → (10 − (12 − 10)) / 10 = 80 %
    assert capaian(D(10), D(12), polaritas=Polaritas.NEGATIF) == D(80)
    # doing better than target on a negative indicator gives more than 100
    assert capaian(D(10), D(8), polaritas=Polaritas.NEGATIF) == D(120)
    assert capaian(D(10), D(12), polaritas="negatif") == D(80)


@pytest.mark.parametrize("target,realisasi", [(D(0), D(5)), (None, D(5)), (D(5), None)])
def test_capaian_not_computable_is_none(target, realisasi):
    assert capaian(target, realisasi) is None


@pytest.mark.parametrize(
    "value,label",
    [
        (D("105.89"), "Sangat Tinggi"),
        (D("90.01"), "Sangat Tinggi"),
        (D("90.00"), "Tinggi"),
        (D("89.53"), "Tinggi"),
        (D("75.00"), "Sedang"),
        (D("75.01"), "Tinggi"),
        (D("65.00"), "Rendah"),
        (D("50.00"), "Sangat Rendah"),
        (D("50.01"), "Rendah"),
        (D("0"), "Sangat Rendah"),
        (None, None),
    ],
)
def test_predikat_scale_tabel_3_1(value, label):
    assert predikat(value) == label


def test_predikat_from_seed_capaian():
    # LKJ L-17: capaian 100 % and 105,89 % are "Sangat Tinggi", not "tinggi" as the text says
    assert predikat(capaian(D("87.72"), D("87.72"))) == "Sangat Tinggi"
    assert predikat(capaian(D("94.44"), D("100"))) == "Sangat Tinggi"


def test_realisasi_kumulatif_levels_and_counts():
    # LKJ Tabel 3.2 row 683: cumulative percentages → TW IV value stands
    tw = [D("14.62"), D("14.62"), D("41"), D("87.72")]
    assert realisasi_kumulatif(tw, AturanAkhir.NILAI_AKHIR)[-1] == D("87.72")
    assert realisasi_kumulatif([D(3), None, D(2), D(4)], AturanAkhir.JUMLAH) == [D(3), D(3), D(5), D(9)]
    assert realisasi_kumulatif([None, None, D(2), None], AturanAkhir.JUMLAH) == [None, None, D(2), D(2)]
    caps = capaian_kumulatif(D("87.72"), tw, aturan=AturanAkhir.NILAI_AKHIR)
    assert caps[-1] == D(100)


@pytest.mark.parametrize(
    "values,aturan,expected",
    [
        ([D(2), D(3), D(2)], AturanAkhir.JUMLAH, D(7)),  # RENSTRA 965
        ([D(20), D(33), D(33)], AturanAkhir.JUMLAH, D(86)),  # RENSTRA 1027
        ([None, D(1), None], AturanAkhir.JUMLAH, D(1)),  # RENSTRA 1095: – + 1 + – = 1
        ([D("83.33"), D("91.67"), D(100)], AturanAkhir.NILAI_AKHIR, D(100)),  # RENSTRA 1085
        ([D(11), D(11), D(11)], AturanAkhir.NILAI_AKHIR, D(11)),  # RENSTRA 975 Orang/Bulan
        ([D(78), D("84.31"), None], AturanAkhir.NILAI_AKHIR, D("84.31")),
        ([D(2), D(4)], AturanAkhir.RATA_RATA, D(3)),
        ([None, None], AturanAkhir.JUMLAH, None),
    ],
)
def test_akhir_periode(values, aturan, expected):
    assert akhir_periode(values, aturan) == expected


@pytest.mark.parametrize(
    "satuan,aturan",
    [("Persen", "nilai_akhir"), ("Angka", "nilai_akhir"), ("Orang/Bulan", "nilai_akhir"), ("Dokumen", "jumlah"),
     ("Orang", "jumlah"), ("Keluarga", "jumlah"), ("unit", "jumlah")],
)
def test_default_aturan_from_satuan(satuan, aturan):
    assert default_aturan_akhir(satuan).value == aturan


def test_roll_up_sums_leaves_into_every_ancestor():
    parent = {"s1": "k1", "s2": "k1", "s3": "k2", "k1": "p1", "k2": "p1", "p1": "T", "T": None}
    leaves = {"s1": {2024: D(4), 2025: None}, "s2": {2024: D(5), 2025: D(1)}, "s3": {2024: D(1), 2025: D(2)}}
    totals = roll_up(leaves, parent)
    assert totals["k1"] == {2024: D(9), 2025: D(1)}
    assert totals["p1"] == {2024: D(10), 2025: D(3)}
    assert totals["T"] == totals["p1"]


def test_roll_up_refuses_cycles():
    with pytest.raises(ValueError):
        roll_up({"a": {1: D(1)}}, {"a": "b", "b": "a"})


def test_penyerapan_and_efisiensi_jatiroto():
    # LKJ Tabel 3.9: Σ realisasi 1.745.051.543 of anggaran perubahan 1.778.336.397 → 98,13 %
    p = penyerapan(D("1778336397"), D("1745051543"))
    assert quantize(p, 2) == D("98.13")
    # Tabel 3.8 row 885: 100 − 96,45 = 3,55
    assert efisiensi(D(100), D("96.45")) == D("3.55")
    assert efisiensi(None, D(1)) is None
    assert penyerapan(D(0), D(5)) is None


def test_growth_and_ratio_tc24():
    # RENSTRA 536: anggaran 324.038.000 → 279.616.600 is −13,71 %; rasio 278.581.421/324.038.000 = 0,86
    assert quantize(pertumbuhan(D("324038000"), D("279616600")), 2) == D("-13.71")
    assert quantize(rata_rata_pertumbuhan([D("324038000"), D("279616600")]), 2) == D("-13.71")
    assert quantize(rasio(D("278581421"), D("324038000")), 2) == D("0.86")
    assert rata_rata_pertumbuhan([D(0), D(5)]) is None
    assert rata_rata_pertumbuhan([D(100), D(110), D(121)]) == D(10)
    assert rasio(D(1), D(0)) is None


def test_jumlah_treats_blank_as_zero():
    assert jumlah([D(1), None, D(2)]) == D(3)
