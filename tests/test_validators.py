import pytest

from kecamatan.core.validators import format_nip, nip_problem


@pytest.mark.parametrize(
    "nip", ["19650905 199003 1 009", "NIP. 19680901 199202 2 002", "19680407198903 1 006", "196811141990031004"]
)
def test_valid_nips_from_the_seeds(nip):
    assert nip_problem(nip) is None


@pytest.mark.parametrize(
    "nip,message",
    [
        ("19611141990031004", "18 angka"),  # RENJA 890: 17 digits (J-12)
        ("19651305 199003 1 009", "tanggal lahir"),
        ("19650905 199013 1 009", "TMT"),
        ("19650905 199003 3 009", "jenis kelamin"),
    ],
)
def test_invalid_nips(nip, message):
    assert message in nip_problem(nip)


def test_format_nip():
    assert format_nip("196509051990031009") == "19650905 199003 1 009"
