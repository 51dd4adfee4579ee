"""T-C.23: the pure builder on hand-made data, and Randuagung's table against the document."""

import json
from decimal import Decimal as D

import pytest

from kecamatan.core.computations import Polaritas
from kecamatan.core.formatting import Nilai, parse_nilai, quantize
from kecamatan.demo.common import FIXTURES
from kecamatan.renstra.data_tabel import IndikatorLaluData, RiwayatData
from kecamatan.renstra.tables.tc23 import build_tc23

TAHUN = (2019, 2020, 2021, 2022, 2023)
LALU = "renstra_randuagung_2024_2026_tc23_tc24_tc26.json"


def _ind(id, uraian, mulai, sampai, values, bernomor=False, polaritas=Polaritas.POSITIF):
    return IndikatorLaluData(
        id=id, uraian=uraian, mulai=mulai, sampai=sampai, bernomor=bernomor, polaritas=polaritas,
        target={t: Nilai(D(v[0])) for t, v in values.items()},
        realisasi={t: Nilai(D(v[1])) if v[1] is not None else Nilai() for t, v in values.items()},
    )


def riwayat() -> RiwayatData:
    return RiwayatData(
        periode_id=1, kecamatan="Uji", kabupaten="Lumajang", tahun=TAHUN,
        indikator=(
            _ind(1, "IKM", 2019, 2020, {2019: ("72", "75"), 2020: ("76", "76")}, bernomor=True),
            _ind(2, "Program lama", 2019, 2020, {2019: ("79", "79"), 2020: ("80", "79")}),
            _ind(3, "Fasilitasi", 2022, 2023, {2022: ("91.33", "87.3"), 2023: ("93.33", None)}, bernomor=True),
            _ind(4, "Desa", 2022, 2023, {2022: ("88.33", "88.33")}, bernomor=True),
            _ind(5, "Aduan", 2022, 2023, {2022: ("10", "12")}, polaritas=Polaritas.NEGATIF),
        ),
    )


def test_columns_are_numbered_1_to_20_in_three_year_groups():
    report = build_tc23(riwayat())
    assert [c.number for c in report.columns] == [str(n) for n in range(1, 21)]
    groups = [g[0] for g in report.header_groups()]
    assert groups[5:] == ["Target Renstra Perangkat Daerah Tahun", "Realisasi Capaian Tahun", "Rasio Capaian Tahun"]
    assert [report.column(f"target:{t}").label for t in range(2019, 2024)] == ["2019", "2020", "2021", "2022", "2023"]
    assert report.keys[5:10] == tuple(f"target:{t}" for t in range(2019, 2024))


def test_bands_number_rows_and_print_na_outside_the_band():
    rows = build_tc23(riwayat()).rows
    assert [r.text for r in rows if r.kind == "band"] == ["2019 - 2020", "2022 - 2023"]
    ikm, lama, _band, fasilitasi, desa, aduan = rows[1:]
    # numbering restarts in each band; program indicators are not numbered
    assert tuple(r.cells["no"] for r in (ikm, lama, fasilitasi, desa, aduan)) == ("1", "", "1", "2", "")
    assert ikm.cells["target:2021"] == Nilai(None, "N/A") and ikm.cells["rasio:2021"] == Nilai(None, "N/A")
    assert fasilitasi.cells["target:2019"] == Nilai(None, "N/A")  # 2019 is outside 2022-2023


def test_rasio_is_realisasi_over_target_for_both_polarities():
    rows = build_tc23(riwayat()).rows
    ikm, lama, fasilitasi, aduan = rows[1], rows[2], rows[4], rows[6]
    assert quantize(ikm.cells["rasio:2019"], 2) == D("104.17")  # 75 / 72, printed "104" in the seed (line 483)
    assert quantize(lama.cells["rasio:2020"], 2) == D("98.75")
    assert quantize(fasilitasi.cells["rasio:2022"], 2) == D("95.59")  # 87,3 / 91,33, printed "96" (line 513)
    assert fasilitasi.cells["rasio:2023"] is None  # no realisasi yet: no ratio, printed "-"
    assert aduan.cells["rasio:2022"] == D(80)  # negative polarity: (2×10 − 12) / 10


def _printed_rasio():
    data = json.loads((FIXTURES / LALU).read_text(encoding="utf-8"))
    for kelompok in data["tc23"]["kelompok"]:
        for item in kelompok["indikator"]:
            for tahun, values in item["tahun"].items():
                yield item, int(tahun), values


@pytest.mark.django_db  # the session-built tables need the test database
def test_randuagung_rasio_reproduces_the_document_except_fractions(randuagung_tables):
    """Every computed rasio equals the printed one rounded as printed, except the 2023 desa rows
    whose realisasi the document wrote as fractions (R-6): there it prints 0,88 for 87,89 %."""
    report = randuagung_tables["tc23"].reports[0]
    computed = {}
    for row in report.rows:
        if row.kind != "band":
            for tahun in TAHUN:
                if not isinstance(row.cells[f"rasio:{tahun}"], Nilai):  # N/A outside the band
                    computed.setdefault((row.cells["indikator"], tahun), []).append(row.cells[f"rasio:{tahun}"])
    checked = mismatched = 0
    for item, tahun, values in _printed_rasio():
        got = computed[(item["uraian"], tahun)].pop(0)
        printed = parse_nilai(values["rasio_tercetak"]).nilai
        places = max(0, -printed.normalize().as_tuple().exponent)
        if "realisasi_tercetak" in values:  # printed as a fraction of 1
            assert quantize(got, places) != printed and abs(got - printed * 100) < 1
            mismatched += 1
            continue
        assert quantize(got, places) == printed, (item["uraian"], tahun, got, printed)
        checked += 1
    assert (checked, mismatched) == (37, 4)


@pytest.mark.django_db  # the session-built tables need the test database
def test_randuagung_html_prints_the_computed_rasio(randuagung_tables):
    html = randuagung_tables["tc23"].html
    for text in ("104,17%", "92,03%", "95,59%", "87,89%", "83,55", "80,99", "2019 - 2020", "2022 - 2023",
                 "Tabel T-C.23", "Kecamatan Randuagung Kabupaten Lumajang Tahun 2019 s/d 2023"):
        assert text in html, text
