"""Drafted narrative on hand-made LKj data (no database): the sentences read like an office's
and take every figure from the cells of the tables the document prints beside them."""

from dataclasses import replace
from decimal import Decimal as D

import pytest

from kecamatan.core.computations import Polaritas
from kecamatan.core.formatting import Nilai
from kecamatan.lkj.data import PembandingData, PeriodeLalu
from kecamatan.naskah.document_lkj import build_reports
from kecamatan.naskah.drafts import draf_pendanaan_renja, lkj_drafts, selisih
from kecamatan.tables.base import format_cell
from tests.reports.test_lkj_builders import lkj, q, renstra


def with_negative_sasaran(**changes):
    """Sasaran 1 measured by a negative-polarity indicator (fewer late complaints is better)."""
    r = renstra()
    t = r.tujuan[0]
    s1 = t.sasaran[0]
    neg = replace(s1.indikator[0], uraian="Persentase aduan pelayanan yang terlambat", polaritas=Polaritas.NEGATIF)
    return lkj(renstra=replace(r, tujuan=(replace(t, sasaran=(replace(s1, indikator=(neg,)), t.sasaran[1])),)),
               **changes)


def drafts(data):
    return {d.kunci: d.teks for ds in lkj_drafts(data, build_reports(data)).values() for d in ds}


REALISASI = {
    (1, 2024): q(None, None, None, Nilai(D("55.06"), "C")),
    (2, 2024): q("10", "20", "60", "80"),
    # sasaran 2 (indicator 3): nothing reported for 2024
}


def test_negative_polarity_sentence():
    text = drafts(with_negative_sasaran(realisasi=REALISASI))["capaian:2"]
    assert text == (
        "Sasaran strategis 1 \u201cMeningkatnya pelayanan publik\u201d diukur dengan indikator Persentase aduan pelayanan "
        "yang terlambat, indikator berpolaritas negatif: makin rendah realisasinya, makin baik kinerjanya. Target "
        "tahun 2024 sebesar 87,72% dan realisasinya 80%, lebih rendah dari target, berarti lebih baik, sehingga "
        "capaian kinerjanya 108,80% ((2 × target − realisasi) ÷ target × 100) dengan kriteria Sangat Tinggi menurut "
        "{tabel:lkj31}."
    )


def test_sentence_for_an_indicator_without_realisasi():
    text = drafts(with_negative_sasaran(realisasi=REALISASI))["capaian:3"]
    assert text == (
        "Sasaran strategis 2 \u201cMeningkatnya akuntabilitas desa\u201d diukur dengan indikator Rata-rata persentase "
        "desa, dengan target tahun 2024 sebesar 94,44%. Realisasi tahun 2024 belum dilaporkan, sehingga capaian "
        "kinerja dan kriterianya belum dapat dihitung."
    )


def test_a_realisasi_reported_as_na_is_named():
    realisasi = {**REALISASI, (3, 2024): q(None, None, None, Nilai(None, "N/A"))}
    assert "Realisasi tahun 2024 tercatat N/A, sehingga" in drafts(lkj(realisasi=realisasi))["capaian:3"]


def test_positive_polarity_with_label_and_criterion():
    assert drafts(lkj())["capaian:1"] == (
        "Tujuan \u201cOptimalnya reformasi birokrasi\u201d diukur dengan indikator Indeks Pelayanan Publik. Target tahun "
        "2024 sebesar 61,5 (B-) dan realisasinya 55,06 (C), di bawah target, sehingga capaian kinerjanya 89,53% "
        "(realisasi ÷ target × 100) dengan kriteria Tinggi menurut {tabel:lkj31}."
    )


def test_every_figure_is_the_table_cell_and_moves_with_it():
    """Text and table cannot disagree: change the realisasi and both change, to the same print."""
    for value in ("87.72", "90.1"):
        data = lkj(realisasi={**REALISASI, (2, 2024): q(None, None, None, value)})
        reports = build_reports(data)
        row = reports.lkj33.rows[1]
        printed = [format_cell(row.cells[key], reports.lkj33.column(key).kind)
                   for key in ("target", "realisasi", "capaian", "kriteria")]
        text = drafts(data)["capaian:2"]
        assert all(p in text for p in printed), (printed, text)
    assert "realisasinya 90,1%, melampaui target, sehingga capaian kinerjanya 102,71%" in text


def test_change_from_last_year_within_the_renstra_and_negative_polarity():
    data = with_negative_sasaran(realisasi={**REALISASI, (2, 2023): q(None, None, None, "85"),
                                            (3, 2023): q(None, None, None, "90")})
    data = replace(data, renstra=replace(data.renstra, tahun=(2023, 2024, 2025)))
    texts = drafts(data)
    assert texts["tahun-lalu:2"] == (
        "Dibandingkan tahun sebelumnya ({tabel:lkj35}), realisasi indikator Persentase aduan pelayanan yang terlambat "
        "turun 5 poin persen, dari 85% pada tahun 2023 menjadi 80% pada tahun 2024. Karena indikator ini berpolaritas "
        "negatif, penurunan realisasi berarti kinerja membaik.")
    assert texts["tahun-lalu:3"] == (
        "Realisasi indikator Rata-rata persentase desa tahun 2024 belum dilaporkan, sehingga belum dapat "
        "dibandingkan dengan tahun 2023 (realisasi 90%; {tabel:lkj35}).")


def test_change_from_last_year_reads_the_previous_renstra_by_indicator_wording():
    r = renstra()
    lalu_items = [item for item in lkj().items() if item.level == "sasaran"]
    periode = PeriodeLalu(label="2019-2023", tahun=(2022, 2023), items=tuple(lalu_items),
                          realisasi={(2, 2023): q(None, None, None, "85.75")})
    texts = drafts(lkj(periode_lalu=(periode,), renstra=r))
    assert texts["tahun-lalu:2"].startswith(
        "Dibandingkan tahun sebelumnya ({tabel:lkj34}), realisasi indikator Persentase hasil fasilitasi naik 1,97 poin "
        "persen, dari 85,75% pada tahun 2023 menjadi 87,72% pada tahun 2024")
    assert "capaian kinerjanya" not in texts["tahun-lalu:2"]  # no 2023 target in this hand-made period
    assert texts["tahun-lalu:1"].startswith("Indikator Indeks Pelayanan Publik tidak mempunyai realisasi tahun 2023")


def test_end_of_renstra_target_and_the_gap_left():
    texts = drafts(lkj())
    assert texts["akhir-renstra:2"] == (
        "Target akhir Renstra 2024-2026 untuk indikator Persentase hasil fasilitasi sebesar 91,23%; dengan realisasi "
        "tahun 2024 sebesar 87,72%, capaiannya terhadap target akhir 96,15%, sehingga target akhir Renstra belum "
        "terpenuhi: realisasi masih perlu ditingkatkan 3,51 poin persen sampai tahun 2026.")


def test_other_kecamatan_both_ways_and_missing():
    data = lkj(pembanding=PembandingData("Yosowilangun", {2: Nilai(D("87.30"))}, {2: "x"}))
    texts = drafts(data)
    assert texts["pembanding:2"] == (
        "Realisasi indikator Persentase hasil fasilitasi Kecamatan Uji tahun 2024 sebesar 87,72%, lebih tinggi 0,42 "
        "poin persen daripada Kecamatan Yosowilangun (87,3%).")
    assert texts["pembanding:3"] == (
        "Kecamatan Yosowilangun belum mempunyai realisasi tahun 2024 untuk indikator Rata-rata persentase desa.")
    assert drafts(lkj())["pembanding:1"] == "Belum dipilih kecamatan pembanding untuk tabel perbandingan."


def test_efficiency_sentence_from_tabel_38():
    texts = drafts(lkj())
    assert texts["efisiensi:3"] == (
        "Anggaran yang mendukung Sasaran strategis 2 \u201cMeningkatnya akuntabilitas desa\u201d tahun 2024 sebesar "
        "Rp 400 dengan realisasi Rp 400, sehingga penyerapan anggarannya 100,00%. Dengan capaian kinerja 105,89%, "
        "tingkat efisiensinya 5,89% (capaian kinerja − penyerapan anggaran, {tabel:lkj38}): capaian kinerja lebih "
        "tinggi daripada penyerapan anggaran, sehingga anggaran digunakan efisien.")


def test_summaries():
    texts = drafts(lkj())
    assert texts["ringkasan-pengukuran"].splitlines()[1:] == [
        "1. indikator dengan capaian 100% atau lebih: 2;", "2. indikator dengan capaian di bawah 100%: 1;",
        "3. indikator yang belum dapat diukur capaiannya: 0."]
    assert texts["ringkasan-anggaran"] == (
        "Anggaran Kecamatan Uji tahun 2024 sebesar Rp 7.400 dengan realisasi sampai 31 Desember 2024 sebesar Rp 7.200 "
        "atau 97,30% ({tabel:lkj39}). Penyerapan terendah pada PROGRAM SATU (97,14%).")
    assert texts["penutup-capaian"].splitlines()[-1] == (
        "3. Rata-rata persentase desa: target 94,44%, realisasi 100%, capaian 105,89% (Sangat Tinggi).")


@pytest.mark.parametrize("delta, satuan, expected", [
    (D("-4.15"), "Persen", "4,15 poin persen"), (D(2), "Dokumen", "2 Dokumen"), (D("1.5"), "Indeks", "1,5 poin")])
def test_differences_in_the_indicators_unit(delta, satuan, expected):
    assert selisih(delta, satuan) == expected


def test_renja_funding_reads_tabel_41_and_tc33():
    from kecamatan.renja.tables.renja41 import build_renja41
    from kecamatan.renja.tables.tc33 import build_tc33
    from tests.reports.renja_fixtures import small_renja as renja

    data = renja()
    assert draf_pendanaan_renja("Uji", 2024, build_renja41(data), build_tc33(data)).splitlines() == [
        "Jumlah anggaran yang direncanakan untuk program dan kegiatan Kecamatan Uji Tahun Anggaran 2024 sebesar "
        "Rp 16.438.500 ({tabel:renja41}), dengan rincian per program:",
        "- PROGRAM PENUNJANG: Rp 16.438.500",  # the program's two indicator rows are one program
        "Prakiraan maju kebutuhan dana tahun 2025 sebesar Rp 9.204.470 ({tabel:tc33}).",
    ]
