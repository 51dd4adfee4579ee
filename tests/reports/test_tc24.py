"""T-C.24: one amount per program per year, ratios and growth from `computations`, a total that
cannot count a year twice (R-1); Randuagung's figures against the document."""

import json
from decimal import Decimal as D

import pytest

from kecamatan.core.formatting import parse_number, quantize
from kecamatan.demo.common import FIXTURES
from kecamatan.renstra.data_tabel import ProgramLaluData, RiwayatData
from kecamatan.renstra.tables.tc24 import build_tc24
from tests.reports.helpers import xlsx_rows, xlsx_sheet

TAHUN = (2019, 2020, 2021, 2022, 2023)
LALU = "renstra_randuagung_2024_2026_tc23_tc24_tc26.json"


def riwayat() -> RiwayatData:
    return RiwayatData(
        periode_id=1, kecamatan="Uji", kabupaten="Lumajang", tahun=TAHUN,
        program=(
            ProgramLaluData(1, "PROGRAM PELAYANAN ADMINISTRASI PERKANTORAN", 2019, 2020,
                            anggaran={2019: D("324038000"), 2020: D("279616600")},
                            realisasi={2019: D("278581421"), 2020: D("268857128")}),
            ProgramLaluData(2, "PROGRAM SARANA", 2019, 2020,
                            anggaran={2019: D("262652000"), 2020: D("50895000")},
                            realisasi={2019: D("255725590"), 2020: D("49566300")}),
            ProgramLaluData(3, "PROGRAM PENUNJANG", 2021, 2023,
                            anggaran={2021: D("1000"), 2022: D(0), 2023: None},
                            realisasi={2021: D("900"), 2022: D(0)}),
        ),
    )


def test_columns_are_numbered_1_to_18():
    report = build_tc24(riwayat())
    assert [c.number for c in report.columns] == [str(n) for n in range(1, 19)]
    assert [g[0] for g in report.header_groups()] == [
        "Uraian", "Anggaran pada Tahun", "Realisasi Anggaran pada Tahun",
        "Rasio antara Realisasi dan Anggaran Tahun", "Rata-Rata Pertumbuhan",
    ]


def test_rasio_and_growth_come_from_the_amounts():
    rows = build_tc24(riwayat()).rows
    assert [r.text for r in rows if r.kind == "band"] == ["2019 - 2020", "2021 - 2023"]
    admin = rows[1]
    assert quantize(admin.cells["rasio:2019"], 2) == D("0.86") and quantize(admin.cells["rasio:2020"], 2) == D("0.96")
    assert quantize(admin.cells["pertumbuhan:anggaran"], 2) == D("-13.71")
    assert quantize(admin.cells["pertumbuhan:realisasi"], 2) == D("-3.49")
    assert admin.cells["anggaran:2021"] == ""  # 2021: the program did not run, left blank as in the document
    penunjang = rows[4]
    assert penunjang.cells["rasio:2022"] is None  # 0 / 0: no ratio
    assert penunjang.cells["anggaran:2023"] is None  # 2023 anggaran not filled: "-"


def test_total_sums_each_year_once_and_its_rasio_is_the_ratio_of_sums():
    total = build_tc24(riwayat()).rows[-1]
    assert total.kind == "total" and total.cells["uraian"] == "Jumlah"
    assert total.cells["anggaran:2019"] == D("586690000") and total.cells["realisasi:2019"] == D("534307011")
    assert total.cells["anggaran:2021"] == D("1000") and total.cells["realisasi:2021"] == D("900")
    # the seed sums the program ratios (0,86 + 0,97 = 1,83); the ratio of the sums is 0,91
    assert quantize(total.cells["rasio:2019"], 4) == D("0.9107")


def _lalu():
    return json.loads((FIXTURES / LALU).read_text(encoding="utf-8"))


@pytest.fixture
def tc24_rows(randuagung_tables):
    return randuagung_tables["tc24"].reports[0].rows


@pytest.mark.django_db  # the session-built tables need the test database
def test_randuagung_total_reproduces_the_document_except_the_double_counted_2021(tc24_rows):
    printed = _lalu()["tc24"]["jumlah_tercetak"]
    total = tc24_rows[-1]
    for i, tahun in enumerate(TAHUN):
        anggaran, realisasi = total.cells[f"anggaran:{tahun}"], total.cells[f"realisasi:{tahun}"]
        if tahun == 2021:  # printed 3.501.826.114 / 3.453.845.392, 2021 counted twice
            assert (anggaran, realisasi) == (D("1744725057"), D("1718634696"))
            assert parse_number(printed["anggaran"][i]) == anggaran + D("1757101057")
            continue
        assert anggaran == parse_number(printed["anggaran"][i]), tahun
        assert realisasi == parse_number(printed["realisasi"][i]), tahun
    assert quantize(total.cells["rasio:2019"], 2) == D("0.96")  # printed 3,83


@pytest.mark.django_db  # the session-built tables need the test database
def test_randuagung_ratios_and_growth_of_2019_2020_match_the_document(tc24_rows):
    """The 2019-2020 band is right in the document; the app reproduces its rasio and growth."""
    by_name = {r.cells["uraian"]: r for r in tc24_rows if r.kind == "program-lalu"}
    checked = 0
    for program in _lalu()["tc24"]["kelompok"][0]["program"]:
        row = by_name[program["uraian"]]
        for tahun in (2019, 2020):
            printed = program["tahun"][str(tahun)]["rasio_tercetak"]
            assert quantize(row.cells[f"rasio:{tahun}"], 2) == parse_number(printed)
        for key, printed in zip(("pertumbuhan:anggaran", "pertumbuhan:realisasi"), program["pertumbuhan_tercetak"]):
            assert quantize(row.cells[key], 2) == parse_number(printed)
        checked += 1
    assert checked == 4
    # the 2021-2023 growth is not what the seed prints (-169,1 %): anggaran grows ~7,8 % a year
    penunjang = by_name["PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN / KOTA"]
    assert quantize(penunjang.cells["pertumbuhan:anggaran"], 2) == D("7.80")


@pytest.mark.django_db  # the session-built tables need the test database
def test_randuagung_xlsx_has_numbers_and_one_row_per_program(randuagung_tables):
    content = randuagung_tables["tc24"].xlsx
    rows = xlsx_rows(content)
    jumlah = next(r for r in rows if r[0] == "Jumlah")
    assert jumlah[1:6] == (1248000000, 724607600, 1744725057, 1886306636, 2118733989)
    assert sum(1 for r in rows if r[0] and str(r[0]).startswith("PROGRAM")) == 10
    ws = xlsx_sheet(content)
    number_row = next(i for i, r in enumerate(rows, start=1) if r[0] == "1" and r[1] == "2")
    assert ws.cell(number_row + 2, 12).number_format == "0.00"  # rasio 2019 of the first program
