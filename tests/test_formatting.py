from datetime import date
from decimal import Decimal

import pytest
from django.template import Context, Template

from kecamatan.core.formatting import (
    Nilai,
    belum_diisi,
    format_nilai,
    format_number,
    format_persen,
    format_rupiah,
    format_tanggal,
    parse_nilai,
    parse_number,
)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("1.500.000,50", "1500000.50"),
        ("Rp 1.500.000", "1500000"),
        ("Rp. 1.916.486.189", "1916486189"),
        ("1,916,486,189", "1916486189"),  # RENSTRA T-C.27 prints English grouping
        ("1,743,266,949.00", "1743266949.00"),
        ("84%", "84"),
        ("84,31", "84.31"),
        ("0,86", "0.86"),
        ("(13,71)", "-13.71"),
        ("-5", "-5"),
        ("1500000", "1500000"),
        ("1.400.7 55.057", "1400755057"),  # number split by the extraction (RENSTRA 543)
        ("2.000", "2000"),
    ],
)
def test_parse_number_accepts_what_people_type(text, expected):
    assert parse_number(text) == Decimal(expected)


@pytest.mark.parametrize(
    "text,message",
    [
        ("1.5", "gunakan koma"),
        ("83.33", "contoh 83,33"),
        ("2.517.22.415", "per tiga angka"),  # RENJA 369
        ("3,375.000", "bercampur"),  # RENJA 449
        ("10.000,000", "bercampur"),  # RENJA 438
        ("1.345.397.279.", "per tiga angka"),  # LKJ 565
        ("abc", "bukan angka"),
        ("", "bukan angka"),
        ("12a", "bukan angka"),
    ],
)
def test_parse_number_rejects_ambiguous_or_malformed(text, message):
    with pytest.raises(ValueError) as exc:
        parse_number(text)
    assert message in str(exc.value)


def test_parse_number_refuses_float():
    with pytest.raises(TypeError):
        parse_number(1.5)


@pytest.mark.parametrize(
    "value,places,expected",
    [
        (Decimal("1916486189"), 0, "1.916.486.189"),
        (Decimal("1234567.891"), 2, "1.234.567,89"),
        (Decimal("89.5284"), 2, "89,53"),
        (Decimal("0.005"), 2, "0,01"),  # half up
        (Decimal("-13.714"), 2, "-13,71"),
        (Decimal("84.3100"), None, "84,31"),
        (Decimal("100.0000"), None, "100"),
        (Decimal("0"), None, "0"),
        (None, 2, "-"),
    ],
)
def test_format_number(value, places, expected):
    assert format_number(value, places) == expected


def test_rupiah_persen_tanggal():
    assert format_rupiah(Decimal("6522283747.00")) == "6.522.283.747"
    assert format_rupiah(Decimal("1500000.50")) == "1.500.000,50"
    assert format_rupiah(None) == "-"
    assert format_persen(Decimal("98.1282")) == "98,13%"
    assert format_persen(None) == "-"
    assert format_tanggal(date(2025, 1, 15)) == "15 Januari 2025"
    assert format_tanggal(date(2023, 5, 1), hanya_bulan=True) == "Mei 2023"


@pytest.mark.parametrize(
    "text,nilai,label",
    [
        ("62(B-)", "62", "B-"),
        ("61,50 (B-)", "61.50", "B-"),
        ("N/A", None, "N/A"),
        ("n/a", None, "N/A"),
        ("-", None, "-"),
        ("NIHIL", None, "NIHIL"),
        ("- keluarga", None, "-"),
        ("10 unsur", "10", "unsur"),
        ("83,33%", "83.33", ""),
        ("", None, ""),
    ],
)
def test_parse_nilai(text, nilai, label):
    value = parse_nilai(text)
    assert value.nilai == (Decimal(nilai) if nilai is not None else None)
    assert value.label == label


def test_labelled_value_prints_both_parts():
    assert format_nilai(Nilai(Decimal("62"), "B-")) == "62 (B-)"
    assert format_nilai(Nilai(None, "N/A")) == "N/A"
    assert format_nilai(Nilai()) == "-"
    assert format_nilai(Nilai(Decimal("84.3100"))) == "84,31"


def test_parse_nilai_refuses_ambiguous_number():
    with pytest.raises(ValueError):
        parse_nilai("60.5 (B-)")  # RENJA 282: decimal point, must be typed 60,5


def test_screens_tell_nothing_entered_from_a_typed_dash():
    """On screens an empty value is a muted "belum diisi"; a "-" someone typed (nothing planned)
    stays "-", N/A stays N/A; official prints keep "-" for both (tables.md §0.4)."""
    page = Template("{% load id_format %}{{ a|isian }}|{{ b|isian }}|{{ c|isian }}|{{ d|isian }}|{{ e|isian }}"
                    "|{{ a|nilai }}")
    html = page.render(Context({"a": Nilai(), "b": Nilai(None, "-"), "c": None, "d": Nilai(Decimal("84.3100")),
                                "e": Nilai(None, "N/A")}))
    muted = '<span class="belum-diisi text-muted fst-italic">belum diisi</span>'
    assert html.split("|") == [muted, "-", muted, "84,31", "N/A", "-"]
    assert belum_diisi(Nilai()) and belum_diisi(None) and belum_diisi("")
    assert not belum_diisi(Nilai(None, "-")) and not belum_diisi(Decimal(0))


def test_a_kota_is_not_called_kabupaten():
    from kecamatan.core.formatting import sebutan_kabupaten
    from kecamatan.tables.base import Kantor, kop_kecamatan

    assert sebutan_kabupaten("Lumajang") == "Kabupaten Lumajang"
    assert sebutan_kabupaten("Kota Malang") == "Kota Malang"
    assert kop_kecamatan("Kota Malang", "Klojen", Kantor()).pemerintah == "PEMERINTAH KOTA MALANG"
