"""Every code form the seeds print becomes the canonical code (tables.md §0.5)."""

import pytest

from kecamatan.core.kode import KodeError, level_of, parent_of, parse_kode, sort_key

SEED_FORMS = [
    # printed form, context (parent row), canonical, where
    ("7.01.01", None, "7.01.01", "RENSTRA 959"),
    ("7.01.01.201", None, "7.01.01.2.01", "RENSTRA 960"),
    ("7.01.01.206", None, "7.01.01.2.06", "RENSTRA 998"),
    ("7.01.02.201", None, "7.01.02.2.01", "RENSTRA 1034"),
    ("7.01.01.2 02", None, "7.01.01.2.02", "RENSTRA 974"),
    ("7.01.01.2 01.1", None, "7.01.01.2.01.0001", "RENSTRA 965"),
    ("7.01.01.206.4", None, "7.01.01.2.06.0004", "RENSTRA 1000"),
    ("7.01.06.201.11", None, "7.01.06.2.01.0011", "RENSTRA 1102"),
    ("205", "7.01.01", "7.01.01.2.05", "RENSTRA 992"),
    ("2", "7.01.01.2.05", "7.01.01.2.05.0002", "RENSTRA 993"),
    ("7.01.04.2.01.1", None, "7.01.04.2.01.0001", "RENSTRA 1068"),
    ("7.01.04.2.01", None, "7.01.04.2.01", "RENSTRA 1067"),
    ("7.01.01.2.01.01", None, "7.01.01.2.01.0001", "RENJA 647"),
    ("7.01.01.202.01", None, "7.01.01.2.02.0001", "RENJA 660"),
    ("7.01.01.2.09. 06", None, "7.01.01.2.09.0006", "RENJA 712"),
    ("7.01.02.01", None, "7.01.02.2.01", "RENJA 719"),
    ("7.01.02.04", None, "7.01.02.2.04", "RENJA 724"),
    ("7.01.05.01", None, "7.01.05.2.01", "RENJA 757"),
    ("7.01.02.01.02", None, "7.01.02.2.01.0002", "RENJA 720"),
    ("7.01.06.2", None, "7.01.06", "RENJA 761"),
    ("7.0.01", "7.01.01", "7.01.01", "RENJA 202"),
    ("7.0.0.02.01", "7.01.01", "7.01.01.2.01", "RENJA 203"),
    ("7.0.0.2.02", "7.01.01", "7.01.01.2.02", "RENJA 209"),
    ("7 0 0 2 0 7", "7.01.01", "7.01.01.2.07", "RENJA 233"),
    ("7.0.0.2.08", "7.01.01", "7.01.01.2.08", "RENJA 236"),
    ("7 01 03 2 01 04", None, "7.01.03.2.01.0004", "RENJA 256"),
    ("7.01.01.2.01.0001", None, "7.01.01.2.01.0001", "canonical"),
    (" 7.01.06.2.01.0011 ", None, "7.01.06.2.01.0011", "canonical with spaces"),
]


@pytest.mark.parametrize("printed,context,canonical,where", SEED_FORMS, ids=[f[3] + " " + f[0] for f in SEED_FORMS])
def test_seed_forms_become_canonical(printed, context, canonical, where):
    assert parse_kode(printed, context=context) == canonical


@pytest.mark.parametrize(
    "printed,context,message",
    [
        ("", None, "Kode kosong"),
        ("abc", None, "karakter selain angka"),
        ("7.01.01.2.01.0001.5", None, "terlalu panjang"),
        ("205", None, "tidak lengkap"),
        ("7.0.0.2.08", None, "kehilangan nomor bidang/program"),
        ("7.0.0.2.08", "7.01.03", None),  # resolves under another program: not a contradiction
        ("7.02.0.2.08", "7.01.01", "bertentangan"),
        ("7.01.01.2.00", None, "Nomor kegiatan"),
        ("7.01.01.2.01.0000", None, "Nomor sub kegiatan"),
        ("7.01.01.2.01.12345", None, "Nomor sub kegiatan"),
        ("7.01.01.999", None, "tidak dikenali"),
        ("0.01.01", None, "urusan"),
        # a stray space is read away only when the result is a valid code (issue 16)
        ("7.01.01.2.01.0 3 4 5 6", None, "terlalu panjang"),
        ("7.01.01.2.01.0001 5", None, "terlalu panjang"),
        ("7 01 01 2 01 0 3", None, "terlalu panjang"),  # no dots: every space separates
        ("7.01.01.2.0 0", None, "Nomor kegiatan"),
        ("7.01.0 1.2.01.0 3x", None, "karakter selain angka"),
    ],
)
def test_nonsense_is_refused_with_indonesian_message(printed, context, message):
    if message is None:
        assert parse_kode(printed, context=context) == "7.01.03.2.08"
        return
    with pytest.raises(KodeError) as exc:
        parse_kode(printed, context=context)
    assert message in str(exc.value)


@pytest.mark.parametrize(
    "printed,context,canonical",
    [
        ("7.01.01.2.01.0 3", None, "7.01.01.2.01.0003"),  # the Renja of a fifth kecamatan (issue 16)
        ("7.01.01.2.01.00 03", None, "7.01.01.2.01.0003"),
        ("7.01.01.2.0 1", None, "7.01.01.2.01"),
        ("7.0 1.01.2.01.0003", None, "7.01.01.2.01.0003"),
        ("7.01.03.2.06.0 1", None, "7.01.03.2.06.0001"),
        ("0 3", "7.01.01.2.01", "7.01.01.2.01.0003"),  # truncated: the digits below the kegiatan
        # a space that separates two segments keeps doing so
        ("7.01.01.2 01.1", None, "7.01.01.2.01.0001"),
        ("7.01.01.2 01.0 3", None, "7.01.01.2.01.0003"),
    ],
)
def test_stray_space_inside_a_segment_reads_as_the_code_meant(printed, context, canonical):
    assert parse_kode(printed, context=context) == canonical


def test_levels_and_parents():
    assert level_of("7.01.01") == "program"
    assert level_of("7.01.01.2.01") == "kegiatan"
    assert level_of("7.01.01.2.01.0001") == "subkegiatan"
    assert parent_of("7.01.01.2.01.0001") == "7.01.01.2.01"
    assert parent_of("7.01.01.2.01") == "7.01.01"
    assert parent_of("7.01.01") is None


def test_numeric_order_equals_text_order_of_canonical_codes():
    codes = ["7.01.06.2.01.0011", "7.01.06.2.01.0002", "7.01.06.2.01.0008", "7.01.01.2.09"]
    assert sorted(codes) == sorted(codes, key=sort_key)
