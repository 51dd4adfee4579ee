"""The valid range of an indicator's values (core.rentang): pure, and the form field that asks it."""

from decimal import Decimal as D

import pytest

from kecamatan.core.fields import NilaiField
from kecamatan.core.formatting import Nilai, parse_nilai
from kecamatan.core.rentang import JenisSatuan, Rentang, jenis_satuan, masalah_nilai, masalah_rupiah, rentang_indikator


@pytest.mark.parametrize("satuan,jenis", [
    ("Persen", JenisSatuan.PERSEN), ("%", JenisSatuan.PERSEN), (" persentase ", JenisSatuan.PERSEN),
    ("Rp", JenisSatuan.RUPIAH), ("Rupiah", JenisSatuan.RUPIAH),
    ("Angka", JenisSatuan.BERTANDA), ("Poin", JenisSatuan.BERTANDA),
    ("Dokumen", JenisSatuan.JUMLAH), ("Orang/Bulan", JenisSatuan.JUMLAH), ("Indeks", JenisSatuan.JUMLAH),
    ("Lembaga Kemasyarakatan", JenisSatuan.JUMLAH), ("", JenisSatuan.JUMLAH),
])
def test_the_kind_of_a_satuan(satuan, jenis):
    assert jenis_satuan(satuan) is jenis


def test_a_persen_value_is_between_0_and_100():
    rentang = rentang_indikator("Persen")
    assert [rentang.masalah(D(v)) for v in ("0", "100", "84,31".replace(",", "."))] == [None, None, None]
    assert rentang.masalah(D(-5), "Realisasi") == "Realisasi indikator bersatuan persen tidak boleh negatif."
    assert rentang.masalah(D("100.01"), "Target 2025") == (
        "Target 2025 indikator bersatuan persen tidak boleh lebih dari 100% (indikator ini tidak mengizinkan nilai "
        "di atas 100; bila memang dapat, centang “Nilai persen boleh di atas 100” pada isian indikator).")


def test_above_100_only_where_the_indicator_allows_it():
    assert rentang_indikator("Persen", boleh_lebih_100=True).masalah(D(105)) is None
    assert rentang_indikator("Persen", boleh_lebih_100=True).masalah(D(-1)) is not None  # never negative
    assert rentang_indikator("Dokumen", boleh_lebih_100=False).masalah(D(250)) is None  # 100 bounds persen only


def test_counts_and_money_are_never_negative_angka_may_be():
    assert masalah_nilai(D(-1), "Dokumen", peran="Target") == "Target indikator bersatuan dokumen tidak boleh negatif."
    assert masalah_nilai(D(-1), "Rp") == "Nilai indikator bersatuan Rupiah tidak boleh negatif."
    assert masalah_nilai(D("-13.71"), "Angka") is None  # a growth rate: RENSTRA prints (13,71)
    assert masalah_rupiah(D(-1), "Realisasi Rp") == "Realisasi Rp tidak boleh negatif."
    assert masalah_rupiah(D(0)) is None and masalah_rupiah(None) is None


@pytest.mark.parametrize("text,ok", [("62 (B-)", True), ("N/A", True), ("-", True), ("", True), ("-5", False),
                                     ("101 (A)", False), ("100", True)])
def test_labelled_values_are_checked_by_their_number(text, ok):
    assert (rentang_indikator("Persen").masalah(parse_nilai(text)) is None) is ok


def test_polarity_does_not_move_the_range_the_satuan_can_change():
    rentang = Rentang("Dokumen", boleh_lebih_100=True)
    assert rentang.dengan_satuan("Persen").masalah(D(120)) is None  # the flag is kept with the new satuan
    assert Rentang("Dokumen").dengan_satuan("Persen").masalah(D(120)) is not None


def test_the_form_field_refuses_a_value_outside_its_range_at_the_field():
    from django.core.exceptions import ValidationError

    field = NilaiField(label="Realisasi", rentang=rentang_indikator("Persen"))
    assert field.clean("84,31") == Nilai(D("84.31"))
    assert field.clean("N/A") == Nilai(None, "N/A")
    with pytest.raises(ValidationError) as exc:
        field.clean("-5")
    assert exc.value.messages == ["Realisasi indikator bersatuan persen tidak boleh negatif."]
    assert NilaiField(label="Target").clean("-5") == Nilai(D(-5))  # no range given: any number
