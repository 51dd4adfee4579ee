"""How the Renja template's cells are read: aktivitas over six cells (emptying uraian and dana
deletes it), sumber dana by code or as people write it, a sub-kegiatan's dana that is a sum.
Pure: no database."""

from decimal import Decimal as D

import pytest

from kecamatan.importing.cells import CellError, Sel
from kecamatan.importing.kinds import KOSONG
from kecamatan.importing.renja_kinds import AKTIVITAS, DANA_DIHITUNG, AktivitasIsian, sumber_dana_kind

SUMBER = sumber_dana_kind([("DAU", "DAU (Dana Alokasi Umum)"), ("BK", "Bantuan Keuangan Provinsi")])


def cells(uraian=None, prioritas=None, volume=None, satuan=None, dana=None, catatan=None, prakiraan=None):
    return [Sel(v) for v in (uraian, prioritas, volume, satuan, dana, catatan, prakiraan)]


@pytest.mark.parametrize("typed, expected", [
    (cells("Rapat", 1, "2", "Kegiatan", "Rp 1.500.000", "Triwulan I"),
     AktivitasIsian("Rapat", 1, D(2), "Kegiatan", D(1500000), "Triwulan I")),
    (cells("Rapat", 2.0, 1.5, None, 750000), AktivitasIsian("Rapat", 2, D("1.5"), "", D(750000))),
    (cells("Rapat", None, "1.250", None, "-"), AktivitasIsian("Rapat", None, D(1250), "", D(0))),  # - is 0
    # its own prakiraan maju n+1; "-" for an absent volume, as the Renja page takes it
    (cells("Rapat", None, "-", None, "1.000", None, "Rp 1.100"),
     AktivitasIsian("Rapat", None, None, "", D(1000), "", D(1100))),
    (cells(None, 3, "2", "Paket", None, "sisa isian"), AktivitasIsian()),  # no uraian, no dana: deleted
    (cells(), AktivitasIsian()),
])
def test_aktivitas_as_people_fill_it(typed, expected):
    assert AKTIVITAS.read(typed) == expected


@pytest.mark.parametrize("typed, part, message", [
    (cells(None, None, None, None, "1.000.000"), 0, "uraian aktivitas kosong padahal dananya diisi"),
    (cells("Rapat"), 4, "dana aktivitas wajib diisi"),
    (cells("Rapat", "utama", None, None, 1), 1, "skala prioritas berupa bilangan bulat"),
    (cells("Rapat", 1.5, None, None, 1), 1, "skala prioritas berupa bilangan bulat"),
    (cells("Rapat", None, "-2", None, 1), 2, "volume tidak boleh negatif"),
    (cells("Rapat", None, None, None, "84%"), 4, "berupa persen"),
    (cells("x" * 301, None, None, None, 1), 0, "paling banyak 300 huruf"),
    (cells(None, None, None, None, None, None, "1.000"), 6, "prakiraan maju diisi pada baris tanpa aktivitas"),
    (cells("Rapat", None, None, None, 1, None, "-5"), 6, "tidak boleh negatif"),
])
def test_aktivitas_errors_name_their_cell(typed, part, message):
    with pytest.raises(CellError) as exc:
        AKTIVITAS.read(typed)
    assert exc.value.part == part and message in exc.value.pesan


def test_aktivitas_round_trips_through_the_hidden_sheet_and_the_cells():
    value = AktivitasIsian("Rapat", 1, D("2.5"), "Kegiatan", D("1500000.50"), "catatan")
    assert AKTIVITAS.decode(AKTIVITAS.encode(value)) == value
    assert AKTIVITAS.decode(AKTIVITAS.encode(value)[:6]) == value  # a template from before prakiraan n+1
    maju = AktivitasIsian("Rapat", None, None, "", D(1000), "", D(1100))
    assert AKTIVITAS.decode(AKTIVITAS.encode(maju)) == maju
    assert AKTIVITAS.read([Sel(v) for v in AKTIVITAS.to_cells(maju)]) == maju
    assert AKTIVITAS.show(maju) == "Rapat · Rp 1.000 · prakiraan Rp 1.100"
    assert AKTIVITAS.read([Sel(v) for v in AKTIVITAS.to_cells(value)]) == value
    assert AKTIVITAS.decode(AKTIVITAS.encode(AktivitasIsian())) == AktivitasIsian()
    assert AKTIVITAS.show(value) == "Rapat · prioritas 1 · 2,5 Kegiatan · Rp 1.500.000,50 · catatan"
    assert AKTIVITAS.show(AktivitasIsian()) == KOSONG


@pytest.mark.parametrize("typed, expected", [
    ("DAU", "DAU"), (" dau ", "DAU"), ("Dana Alokasi Umum", "DAU"), ("DAU (Dana Alokasi Umum)", "DAU"),
    ("bantuan keuangan provinsi", "BK"),
])
def test_sumber_dana_by_code_or_name(typed, expected):
    assert SUMBER.read([Sel(typed)]) == expected


def test_sumber_dana_must_be_in_the_list_or_empty():
    with pytest.raises(CellError, match="'APBN' tidak ada di daftar. Pilih salah satu: DAU, BK."):
        SUMBER.read([Sel("APBN")])
    assert SUMBER.read([Sel(None)]) == ""  # unknown yet: the checker lists it
    assert SUMBER.read([Sel("-")]) == ""


def test_a_dana_that_is_a_sum_reads_as_no_amount_typed():
    assert DANA_DIHITUNG.read([Sel("=SUM(M9:M13)", data_type="f")]) is None
    assert DANA_DIHITUNG.read([Sel("Rp 2.000.000")]) == D(2000000)  # typed: the layout's rule decides
