"""The benchmark command: it times both rounds and leaves nothing behind."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from kecamatan.models import Kecamatan, Nomenklatur, Realisasi, Riwayat

pytestmark = pytest.mark.django_db


def counts():
    return (Kecamatan.objects.count(), Nomenklatur.objects.count(), get_user_model().objects.count(),
            Realisasi.objects.count(), Realisasi.history.count(), Riwayat.objects.count())


def test_prints_the_times_and_rolls_everything_back():
    before = counts()
    out = io.StringIO()
    call_command("ukur_impor", "--baris", "40", stdout=out)
    text = out.getvalue()
    assert "40 baris (20 indikator + 20 sub kegiatan)" in text
    for what in ("isian baru", "semua diubah"):
        line = next(line for line in text.splitlines() if what in line)
        assert re.search(r"validasi \d+,\d\d s · simpan \d+,\d\d s \(validasi ulang \+ tulis, \d+ kueri SQL\) · "
                         r"total \d+,\d\d s \(CPU \d+,\d\d s\)", line), line
    assert "Sasaran ≤ 5 s per unggahan" in text and "dibatalkan (rollback)" in text
    assert counts() == before


def test_refuses_an_odd_number_of_rows():
    with pytest.raises(CommandError, match="genap"):
        call_command("ukur_impor", "--baris", "5", stdout=io.StringIO())
