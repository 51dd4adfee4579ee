"""IKU, PK and LKj builders on hand-made data: no database. Roll-ups, capaian of both
polarities, criteria, efisiensi, comparison, previous years, end-of-Renstra target."""

from dataclasses import replace
from decimal import Decimal as D

import pytest

from kecamatan.core.computations import AturanAkhir, Polaritas, Predikat
from kecamatan.core.formatting import Nilai
from kecamatan.demo.kinerja import spread
from kecamatan.lkj.data import (
    AWAL,
    PERUBAHAN,
    IkuData,
    KinerjaItem,
    LkjData,
    PembandingData,
    PeriodeLalu,
    PKData,
    normalize_uraian,
    realisasi_total,
)
from kecamatan.lkj.tables.iku import build_iku
from kecamatan.lkj.tables.lkj import build_lkj
from kecamatan.lkj.tables.lkj21 import build_lkj21
from kecamatan.lkj.tables.lkj24 import build_lkj24
from kecamatan.lkj.tables.lkj31 import build_lkj31, intervals
from kecamatan.lkj.tables.lkj32 import build_lkj32
from kecamatan.lkj.tables.lkj33 import build_lkj33
from kecamatan.lkj.tables.lkj34 import build_lkj34
from kecamatan.lkj.tables.lkj36 import build_lkj36
from kecamatan.lkj.tables.lkj37 import build_lkj37
from kecamatan.lkj.tables.lkj38 import build_lkj38
from kecamatan.lkj.tables.lkj39 import build_lkj39
from kecamatan.lkj.tables.pk import build_pk, build_tabel_23
from kecamatan.renstra.data import IndikatorData, NodeData, RenstraData, SasaranData, TujuanData
from kecamatan.tables.base import COVERED, Besaran, PenandatanganData, Report, format_cell

TAHUN = (2024, 2025, 2026)
CAMAT = PenandatanganData(nama="Drs. CAMAT UJI", jabatan="Camat Uji", nip="19650905 199003 1 009", tempat="Lumajang",
                          sebutan="Pihak Pertama")
BUPATI = PenandatanganData(nama="BUPATI UJI", jabatan="Bupati Lumajang", nip="", sebutan="Pihak Kedua")


def _ind(id_, uraian, satuan, target, *, polaritas=Polaritas.POSITIF, aturan=AturanAkhir.NILAI_AKHIR, iku=False):
    return IndikatorData(id=id_, uraian=uraian, satuan=satuan, polaritas=polaritas, aturan=aturan, iku=iku,
                         formula=f"Rumus {uraian}", penjelasan="Baris satu.\n1. butir satu\n2. butir dua",
                         sumber_data="Seksi Uji", penanggung_jawab="Camat",
                         target={t: (v if isinstance(v, Nilai) else Nilai(v)) for t, v in zip(TAHUN, target) if v is not None})


def _sub(id_, kode, *extra):
    return NodeData(id_, "subkegiatan", kode, f"Sub {kode}",
                    indikator=(_ind(900 + id_, f"Jumlah dokumen {kode}", "Dokumen", [D(2), D(3), D(2)],
                                    aturan=AturanAkhir.JUMLAH),))


def renstra() -> RenstraData:
    ipp = _ind(1, "Indeks Pelayanan Publik", "Angka", [Nilai(D("61.5"), "B-"), None, Nilai(D(70), "B-")])
    s1 = _ind(2, "Persentase hasil fasilitasi", "Persen", [D("87.72"), None, D("91.23")], iku=True)
    s2 = _ind(3, "Rata-rata persentase desa", "Persen", [D("94.44"), None, D("94.44")], iku=True)
    s2b = _ind(4, "Indikator sasaran bukan IKU", "Persen", [D(50), None, D(60)])
    keg1 = NodeData(20, "kegiatan", "7.01.01.2.01", "Kegiatan satu", children=(_sub(30, "7.01.01.2.01.0001"),
                                                                               _sub(31, "7.01.01.2.01.0002")))
    keg2 = NodeData(21, "kegiatan", "7.01.01.2.02", "Kegiatan dua", children=(_sub(32, "7.01.01.2.02.0001"),))
    prog1 = NodeData(10, "program", "7.01.01", "PROGRAM SATU", children=(keg1, keg2), sasaran_id=200,
                     indikator=(_ind(11, "Persentase program satu", "Persen", [D(100)] * 3),))
    keg3 = NodeData(22, "kegiatan", "7.01.06.2.01", "Kegiatan desa", children=(_sub(33, "7.01.06.2.01.0001"),))
    prog2 = NodeData(12, "program", "7.01.06", "PROGRAM DESA", children=(keg3,), sasaran_id=300, indikator=(
        _ind(13, "RKPDes tepat waktu", "Persen", [D(100)] * 3), _ind(14, "LPPDes tepat waktu", "Persen", [D("88.89")] * 3)))
    tujuan = TujuanData(100, 1, "Optimalnya reformasi birokrasi", indikator=(ipp,), sasaran=(
        SasaranData(200, 1, "Meningkatnya pelayanan publik", indikator=(s1,)),
        SasaranData(300, 2, "Meningkatnya akuntabilitas desa", indikator=(s2, s2b)),
    ))
    return RenstraData(periode_id=1, kecamatan="Uji", kabupaten="Lumajang", provinsi="Jawa Timur", tahun=TAHUN,
                       tahun_kondisi_awal=2022, tujuan=(tujuan,), program=(prog1, prog2))


def q(*values):
    return tuple(None if v is None else (v if isinstance(v, Nilai) else Nilai(D(v))) for v in values)


def lkj(**changes) -> LkjData:
    data = LkjData(
        renstra=renstra(), tahun=2024,
        pagu_awal={30: D(1000), 31: D(2000), 32: D(7000), 33: D(500)},
        pagu_perubahan={30: D(1000), 31: D(0), 32: D(6000), 33: D(400)},
        realisasi_anggaran={30: D(900), 32: D(5900), 33: D(400)},
        realisasi={
            (1, 2024): q(None, None, None, Nilai(D("55.06"), "C")),
            (2, 2024): q("14.62", "14.62", "41", "87.72"),
            (3, 2024): q("12.69", "12.68", "33", "100"),
        },
        pk={
            AWAL: PKData(AWAL, CAMAT, BUPATI, target=((2, Nilai(D("87.72"))), (3, Nilai(D("88.89")))),
                         program=((10, "Sumber DAU"), (12, "Sumber DAU"))),
            PERUBAHAN: PKData(PERUBAHAN, CAMAT, BUPATI, target=((2, Nilai(D("87.72"))), (3, Nilai(D("94.44")))),
                              program=((10, ""), (12, ""))),
        },
        penandatangan=PenandatanganData(nama="Drs. CAMAT UJI", jabatan="Camat Uji", nip="19650905 199003 1 009"),
    )
    return replace(data, **changes)


def col(report: Report, label: str) -> str:
    """The key of the column headed `label`."""
    return next(c.key for c in report.columns if c.label == label)


def row_of(report: Report, text: str):
    return next(r for r in report.rows if r.kind != "band" and any(c == text for c in r.cells.values()))


def cells(row, *keys) -> tuple:
    return tuple(row.cells[k] for k in keys)


# --- data ----------------------------------------------------------------------------------


def test_items_are_tujuan_then_iku_sasaran_indicators():
    items = lkj().items()
    assert [(i.level, i.indikator.id) for i in items] == [("tujuan", 1), ("sasaran", 2), ("sasaran", 3)]


def test_items_fall_back_to_every_sasaran_indicator_when_none_is_marked_iku():
    r = renstra()
    t = r.tujuan[0]
    unmarked = tuple(replace(s, indikator=tuple(replace(i, iku=False) for i in s.indikator)) for s in t.sasaran)
    data = lkj(renstra=replace(r, tujuan=(replace(t, sasaran=unmarked),)))
    assert [i.indikator.id for i in data.items()] == [1, 2, 3, 4]


def test_roll_up_goes_through_program_to_sasaran_tujuan_and_total():
    data = lkj()
    awal = data.rolled(data.pagu_awal)
    assert awal[("kegiatan", 20)] == D(3000)
    assert awal[("program", 10)] == D(10000)
    assert awal[("sasaran", 200)] == D(10000) and awal[("sasaran", 300)] == D(500)
    assert awal[("tujuan", 100)] == D(10500) == awal["total"]


def test_target_kinerja_prefers_pk_perubahan_then_awal_then_renstra():
    data = lkj()
    ipp, s1, s2 = data.items()
    assert data.target_kinerja(s2) == Nilai(D("94.44"))
    assert lkj(pk={AWAL: data.pk[AWAL]}).target_kinerja(s2) == Nilai(D("88.89"))
    assert data.target_kinerja(ipp) == Nilai(D("61.5"), "B-")  # no PK row: the Renstra's


@pytest.mark.parametrize(("quarters", "aturan", "expected"), [
    (q(None, None, None, "55.06"), AturanAkhir.NILAI_AKHIR, Nilai(D("55.06"))),
    (q("14.62", "14.62", "41", None), AturanAkhir.NILAI_AKHIR, Nilai(D(41))),  # year to date after TW III
    (q("2", "3", None, "1"), AturanAkhir.JUMLAH, Nilai(D(6))),
    (q(None, None, None, None), AturanAkhir.JUMLAH, Nilai()),
    ((None, Nilai(None, "N/A"), None, None), AturanAkhir.NILAI_AKHIR, Nilai(None, "N/A")),
])
def test_realisasi_total_follows_the_indicator_rule(quarters, aturan, expected):
    assert realisasi_total(quarters, aturan) == expected


def test_realisasi_total_keeps_the_label_of_the_latest_quarter():
    assert realisasi_total(q(None, None, None, Nilai(D("55.06"), "C")), AturanAkhir.NILAI_AKHIR) == Nilai(D("55.06"), "C")


def test_normalize_uraian_ignores_case_spacing_and_dashes():
    assert normalize_uraian("Rata - rata persentase Desa  yang") == normalize_uraian("Rata-Rata Persentase desa yang")


# --- capaian, criteria, efisiensi -------------------------------------------------------------


def test_tabel_32_capaian_and_criteria_from_the_realisasi_rows():
    report = build_lkj32(lkj())
    c, k = col(report, "Capaian (%)"), col(report, "Kriteria")
    ipp, s1, s2 = report.rows
    assert ipp.cells[c].quantize(D("0.01")) == D("89.53") and ipp.cells[k] == "Tinggi"
    assert s1.cells[c] == D(100) and s1.cells[k] == "Sangat Tinggi"
    assert s2.cells[c].quantize(D("0.01")) == D("105.89") and s2.cells[k] == "Sangat Tinggi"
    assert str(ipp.cells[col(report, "Realisasi Total")]) == "55,06 (C)"
    quarters = ("realisasi:tw1", "realisasi:tw2", "realisasi:tw3", "realisasi:tw4")
    assert [c.label for c in report.columns if c.key in quarters] == ["TW I", "TW II", "TW III", "TW IV"]
    assert [str(x) for x in cells(s1, *quarters)] == ["14,62%", "14,62%", "41%", "87,72%"]
    assert ipp.cells["realisasi:tw1"] is None  # not reported: "-"


def test_tabel_32_flags_a_cumulative_percentage_that_falls_on_screen_only():
    report = build_lkj32(lkj())
    periksa = " ".join(report.periksa)
    assert "TW II (12,68) lebih kecil dari TW I (12,69)" in periksa
    assert "Persentase hasil fasilitasi" not in periksa  # 14,62 → 14,62 → 41 → 87,72 rises
    assert not any("Periksa" in n for n in report.notes)  # a checker remark is never printed


def test_negative_polarity_capaian_uses_2t_minus_r():
    r = renstra()
    neg = replace(r.tujuan[0].indikator[0], polaritas=Polaritas.NEGATIF, target={2024: Nilai(D(10))})
    data = lkj(renstra=replace(r, tujuan=(replace(r.tujuan[0], indikator=(neg,)),)),
               realisasi={(1, 2024): q(None, None, None, "12")})
    row = build_lkj33(data).rows[0]
    assert row.cells["capaian"] == D(80)  # (10 − (12 − 10)) / 10 × 100
    assert row.cells["kriteria"] == "Tinggi"


@pytest.mark.parametrize(("capaian", "kriteria"), [
    ("90.004", "Tinggi"),  # printed 90,00%: the criterion follows what is printed
    ("90.005", "Sangat Tinggi"), ("75", "Sedang"), ("65", "Rendah"), ("50", "Sangat Rendah"), ("112", "Sangat Tinggi"),
])
def test_criteria_boundaries_follow_the_printed_capaian(capaian, kriteria):
    r = renstra()
    ind = replace(r.tujuan[0].indikator[0], target={2024: Nilai(D(100))})
    data = lkj(renstra=replace(r, tujuan=(replace(r.tujuan[0], indikator=(ind,)),)),
               realisasi={(1, 2024): q(None, None, None, capaian)})
    assert build_lkj33(data).rows[0].cells["kriteria"] == kriteria


def test_criteria_scale_is_data():
    skala = (Predikat(D(80), "Baik"), Predikat(None, "Kurang"))
    data = lkj(skala=skala, skala_asal="Kabupaten Uji, berlaku mulai 2024")
    assert intervals(skala) == [("> 80%", "Baik"), ("≤ 80%", "Kurang")]
    assert build_lkj33(data).rows[1].cells["kriteria"] == "Baik"
    report = build_lkj31(data)
    assert [r.cells["interval"] for r in report.rows] == ["> 80%", "≤ 80%"]
    assert "Kabupaten Uji" in report.notes[0]


def test_default_scale_prints_tabel_31():
    assert [cells(r, "interval", "kriteria") for r in build_lkj31(lkj()).rows] == [
        ("> 90%", "Sangat Tinggi"), ("> 75% - 90%", "Tinggi"), ("> 65% - 75%", "Sedang"), ("> 50% - 65%", "Rendah"),
        ("≤ 50%", "Sangat Rendah")]


def test_tabel_38_efisiensi_is_capaian_minus_penyerapan_of_supporting_programs():
    report = build_lkj38(lkj())
    for row in report.rows:
        capaian, serapan, efisiensi = cells(row, "capaian", "penyerapan", "efisiensi")
        assert efisiensi == capaian - serapan
    tujuan, s1, s2 = report.rows
    assert tujuan.cells["penyerapan"] == D("97.30")  # 7.200 / 7.400 of all programs
    assert s1.cells["penyerapan"] == D("97.14")  # program satu only: 6.800 / 7.000
    assert s2.cells["penyerapan"] == D("100.00")


def test_tabel_39_total_and_percent_per_program():
    report = build_lkj39(lkj())
    prog1, prog2, total = report.rows
    assert cells(prog1, "anggaran", "realisasi") == (D(7000), D(6800))
    assert prog1.cells["penyerapan"].quantize(D("0.01")) == D("97.14")
    assert cells(total, "anggaran", "realisasi") == (D(7400), D(7200))


def test_tabel_39_uses_awal_while_there_is_no_perubahan_and_prints_the_note():
    data = lkj(pagu_perubahan={}, pk={AWAL: lkj().pk[AWAL]}, catatan_anggaran="Catatan asal data.")
    report = build_lkj39(data)
    assert report.rows[-1].cells["anggaran"] == D(10500)
    assert "Catatan asal data." in report.notes


# --- Tabel 2.3 / PK / 2.4 ------------------------------------------------------------------


def test_tabel_23_shows_awal_beside_perubahan_from_the_pagu_stages():
    target, anggaran = build_tabel_23(lkj())
    assert [(c.key, c.label) for c in target.columns][-2:] == [
        ("target:awal", "Target Awal"), ("target:perubahan", "Target Perubahan")]
    assert [str(c) for c in cells(target.rows[1], "target:awal", "target:perubahan")] == ["88,89%", "94,44%"]
    assert anggaran.keys[2:] == ("anggaran:awal", "anggaran:perubahan")
    assert [cells(r, "anggaran:awal", "anggaran:perubahan") for r in anggaran.rows] == [
        (D(10000), D(7000)), (D(500), D(400)), (D(10500), D(7400))]
    assert anggaran.continues and anggaran.penandatangan.nama == "Drs. CAMAT UJI"


def test_pk_with_only_awal_has_one_target_and_one_budget_column():
    target, anggaran = build_pk(lkj(pk={AWAL: lkj().pk[AWAL]}, pagu_perubahan={}))
    assert [c.label for c in target.columns][-1] == "Target" and len(target.columns) == 4
    assert target.keys[-1] == "target:awal"
    assert [(c.key, c.label) for c in anggaran.columns][2:] == [("anggaran:awal", "Anggaran (Rp.)"),
                                                               ("keterangan", "Keterangan")]
    assert target.title[0] == "PERJANJIAN KINERJA TAHUN 2024"
    assert anggaran.counter_signatory.nama == "BUPATI UJI" and anggaran.penandatangan.sebutan == "Pihak Pertama"
    assert ("Nama", "Drs. CAMAT UJI") in target.intro


def test_pk_perubahan_keeps_the_awal():
    target, anggaran = build_pk(lkj())
    assert target.title[0] == "PERUBAHAN PERJANJIAN KINERJA TAHUN 2024"
    assert target.keys[-2:] == ("target:awal", "target:perubahan")
    assert [str(c) for c in cells(target.rows[1], "target:awal", "target:perubahan")] == ["88,89%", "94,44%"]
    assert cells(anggaran.rows[-1], "anggaran:awal", "anggaran:perubahan") == (D(10500), D(7400))


def test_pk_reports_a_budgeted_program_missing_from_it():
    data = lkj()
    awal = replace(data.pk[AWAL], program=((10, "Sumber DAU"),))
    _, anggaran = build_pk(lkj(pk={AWAL: awal}, pagu_perubahan={}))
    assert any("PROGRAM DESA beranggaran Rp 500" in n for n in anggaran.periksa)
    assert not any("PROGRAM DESA" in n for n in anggaran.notes)


def test_pk_without_any_version_says_so():
    target, _ = build_pk(lkj(pk={}))
    assert target.rows[-1].kind == "band" and "Belum ada Perjanjian Kinerja" in target.rows[-1].text


def test_tabel_24_rolls_up_every_level_and_hides_unbudgeted_rows():
    report = build_lkj24(lkj())
    tujuan, sasaran1 = report.rows[0], report.rows[1]
    assert tujuan.cells["anggaran:awal"] == D(10500) and tujuan.cells["anggaran:perubahan"] == D(7400)
    assert sasaran1.cells["anggaran:awal"] == D(10000) and str(sasaran1.cells["target:awal"]) == "87,72%"
    sub31 = next(r for r in report.rows if "7.01.01.2.01.0002" in str(r.cells.get("uraian")))
    assert cells(sub31, "anggaran:awal", "target:perubahan", "anggaran:perubahan") == (
        D(2000), None, D(0))  # dropped in perubahan
    sasaran2 = next(r for r in report.rows if str(r.cells.get("uraian")).startswith("Sasaran 2"))
    assert [str(c) for c in cells(sasaran2, "target:awal", "target:perubahan")] == ["88,89%", "94,44%"]
    desa = next(r for r in report.rows if r.cells.get("uraian") == "PROGRAM DESA")
    assert desa.rowspan["anggaran:awal"] == 2  # two indicators share one anggaran cell
    assert report.rows[report.rows.index(desa) + 1].cells["anggaran:awal"] is COVERED


# --- comparisons ---------------------------------------------------------------------------


def test_tabel_37_without_comparison_prints_dashes():
    report = build_lkj37(lkj())
    assert report.column("pembanding").label == "Kecamatan Lain"
    assert all(r.cells["pembanding"] is None for r in report.rows)
    assert "-" == format_cell(report.rows[0].cells["pembanding"], report.column("pembanding").kind)


def test_tabel_37_prints_the_other_kecamatan_and_keeps_own_capaian():
    p = PembandingData("Yosowilangun", nilai={1: Nilai(D("59.47"))}, sumber={1: "diisi Kecamatan Uji"})
    report = build_lkj37(lkj(pembanding=p))
    assert report.title[-1].endswith("Kecamatan Yosowilangun")
    assert str(report.rows[0].cells["pembanding"]) == "59,47" and report.rows[1].cells["pembanding"] is None
    assert report.rows[0].cells["capaian"].quantize(D("0.01")) == D("89.53")
    assert "diisi Kecamatan Uji" in report.notes[0]


def test_tabel_34_prints_realisasi_under_r_and_computes_c():
    ikm = _ind(50, "IKM", "Indeks", [None, None, None])
    ikm = replace(ikm, target={2022: Nilai(D("83.85")), 2023: Nilai(D("84.12"))})
    periode = PeriodeLalu("2019-2023", tuple(range(2019, 2024)), (KinerjaItem("tujuan", 1, "Kepuasan", 9, ikm),),
                          realisasi={(50, 2022): q(None, None, None, "87.78"), (50, 2023): q(None, None, None, "78.94")})
    report, = build_lkj34(lkj(periode_lalu=(periode,)))
    assert [g[0] for g in report.header_groups()][3:] == ["TAHUN 2022", "TAHUN 2023"]  # years with data only
    row = report.rows[0]
    assert report.keys[3:6] == ("target:2022", "realisasi:2022", "capaian:2022")
    assert str(row.cells["target:2022"]) == "83,85" and str(row.cells["realisasi:2022"]) == "87,78"
    assert row.cells["capaian:2022"].quantize(D("0.01")) == D("104.69")
    assert row.cells["capaian:2023"].quantize(D("0.01")) == D("93.84")


def test_tabel_34_without_an_earlier_period_says_so():
    report, = build_lkj34(lkj())
    assert report.rows[0].kind == "band"


def test_tabel_36_target_akhir_comes_from_the_renstra_years():
    report = build_lkj36(lkj())
    ipp, s1, _ = report.rows
    assert str(ipp.cells["target:akhir"]) == "70 (B-)" and ipp.cells["capaian"].quantize(D("0.01")) == D("78.66")
    assert str(s1.cells["target:akhir"]) == "91,23%" and s1.cells["capaian"].quantize(D("0.01")) == D("96.15")


# --- IKU sheet, the whole LKj ---------------------------------------------------------------


def test_iku_sheet_rows_targets_and_rumus_with_penjelasan():
    iku = IkuData(tugas_pokok="Membantu Bupati", fungsi="a. satu\nb. dua",
                  penandatangan=PenandatanganData(nama="Dra. CAMAT", jabatan="Camat Uji", nip="19680901 199202 2 002"))
    report = build_iku(lkj(tahun=2026, iku=iku))
    assert report.column("target").label == "Target Tahun 2026" and report.index("target") == 4
    assert all(c.number == "" for c in report.columns)  # the sheet has no numbering row
    first = report.rows[0]
    assert first.cells["no"] == "1." and str(first.cells["target"]) == "91,23%"
    assert first.cells["rumus"] == (
        "Rumus Persentase hasil fasilitasi\n\nPenjelasan :\nBaris satu.\n1. butir satu\n2. butir dua")
    assert report.split_rows and report.penandatangan.nama == "Dra. CAMAT"
    assert ("Fungsi", "a. satu\nb. dua") in report.intro and ("Indikator Tujuan", "Indeks Pelayanan Publik") in report.intro


def test_iku_sheet_without_penetapan_is_unsigned_and_says_so():
    report = build_iku(lkj())
    assert report.penandatangan is None and any("belum ditetapkan" in n for n in report.periksa)
    assert not any("belum ditetapkan" in n for n in report.notes)


def test_lkj_document_is_signed_once_at_the_end():
    reports = build_lkj(lkj())
    assert [r.code for r in reports][:5] == ["Tabel 2.1", "Tabel 2.2", "Tabel 2.3", "Tabel 2.3 (Anggaran)", "Tabel 2.4"]
    assert reports[-1].code == "Tabel 3.9" and reports[-1].penandatangan is not None
    assert all(r.penandatangan is None for r in reports[:-1])
    assert len({r.filename for r in reports}) == 1


def test_tabel_21_blocks():
    report = build_lkj21(lkj())
    assert [r.text for r in report.rows if r.kind == "band"] == ["Tujuan", "Sasaran Strategis"]


# --- cells and the demo's spread of program realisasi -----------------------------------------


@pytest.mark.parametrize(("nilai", "satuan", "text"), [
    (Nilai(D("87.72")), "Persen", "87,72%"), (Nilai(D(2)), "Dokumen", "2 Dokumen"),
    (Nilai(D("61.5"), "B-"), "Angka", "61,5 (B-)"), (Nilai(None, "N/A"), "Persen", "N/A"), (Nilai(), "Persen", "-"),
])
def test_besaran_prints_the_unit(nilai, satuan, text):
    assert str(Besaran(nilai, satuan)) == text


def test_spread_shares_a_total_in_proportion_and_exactly():
    weights = [("a", D("1356749795")), ("b", D("20475000")), ("c", D("330276602"))]
    shares = spread(D("1674216543"), weights)
    assert sum(shares.values()) == D("1674216543")
    for key, weight in weights:
        exact = D("1674216543") * weight / D("1707501397")
        assert shares[key] == shares[key].to_integral_value() and abs(shares[key] - exact) < 1
    assert spread(D(10), [("x", D(1)), ("y", D(1)), ("z", D(1))]) == {"x": D(4), "y": D(3), "z": D(3)}


def test_a_table_without_groups_keeps_its_numbering_row_visible():
    from kecamatan.tables.render_html import table_context

    target, _ = build_pk(lkj())
    context = table_context(target)
    assert all(g["rowspan"] == 1 for g in context["groups"]) and context["numbered"]
    grouped = table_context(build_lkj32(lkj()))
    assert {g["label"]: g["rowspan"] for g in grouped["groups"]}["Target"] == 2
