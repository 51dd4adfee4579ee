"""The comparison builders on hand-made data: no database. Exact Decimals, medians, colours,
sorting, lateness, links, charts."""

import datetime
from decimal import Decimal as D

from kecamatan.core.computations import AturanAkhir, Polaritas
from kecamatan.core.formatting import Nilai
from kecamatan.perbandingan.data import (
    AnggaranProgram,
    DokumenInfo,
    IndikatorKecamatan,
    KecamatanInfo,
    PerbandinganData,
    Pilihan,
)
from kecamatan.perbandingan.rules import WARNA_PREDIKAT, AturanTenggat, kunci_indikator
from kecamatan.perbandingan.tables.common import pilihan_indikator
from kecamatan.perbandingan.tables.kelengkapan import build_kelengkapan
from kecamatan.perbandingan.tables.matriks import build_matriks
from kecamatan.perbandingan.tables.penyerapan import build_penyerapan_kecamatan, build_penyerapan_program
from kecamatan.perbandingan.tables.tren import build_tren
from kecamatan.tables.base import format_cell
from kecamatan.tables.grafik import Batang, GrafikBatang, GrafikGaris, Series, render_svg

HARI_INI = datetime.date(2025, 8, 1)
IPP = "Indeks Pelayanan Publik"
FASILITASI = "Persentase hasil fasilitasi dan koordinasi yang ditindaklanjuti"
N = Nilai()
K_IPP, K_FASILITASI = kunci_indikator(IPP), kunci_indikator(FASILITASI)  # the matrix's column keys: "capaian:<kunci>"


def cells(row, *keys) -> tuple:
    return tuple(row.cells[k] for k in keys)


def kec(pk, nama, periode=True, demo=False):
    if not periode:
        return KecamatanInfo(pk, nama, nama.lower(), None)
    return KecamatanInfo(pk, nama, nama.lower(), pk * 10, demo=demo, url_renstra=f"/renstra/{pk * 10}/",
                         pola_realisasi=f"/renstra/{pk * 10}/realisasi/{{tahun}}/{{triwulan}}/",
                         pola_dokumen=f"/renstra/{pk * 10}/dokumen/{{kunci}}/")


def ind(pk, kec_id, uraian, target, tw, *, level="sasaran", satuan="Persen", aturan=AturanAkhir.NILAI_AKHIR,
        polaritas=Polaritas.POSITIF, program="", tahun=2025):
    return IndikatorKecamatan(
        id=pk, kecamatan_id=kec_id, kunci=kunci_indikator(uraian), uraian=uraian, satuan=satuan, level=level,
        program_kode=program, iku=level != "program", polaritas=polaritas, aturan=aturan,
        target={tahun: target}, realisasi={tahun: tuple(tw)},
    )


def data(**overrides) -> PerbandinganData:
    """Three kecamatan: Alfa and Beta report, Gamma has no Renstra yet. Beta writes "Presentase"."""
    base = dict(
        kabupaten="Lumajang", provinsi="Jawa Timur", bappeda="Badan Perencanaan Pembangunan Daerah",
        alamat_bappeda="", pilihan=Pilihan(tahun=2025, triwulan=2, hari_ini=HARI_INI),
        tahun_list=(2024, 2025, 2026),
        kecamatan=(kec(1, "Alfa"), kec(2, "Beta", demo=True), kec(3, "Gamma", periode=False)),
        program=(("7.01.06", "PROGRAM PEMBINAAN DAN PENGAWASAN PEMERINTAHAN DESA"),),
        indikator=(
            ind(11, 1, IPP, Nilai(D("62"), "B-"), [N, N, N, N], level="tujuan", satuan="Angka"),
            ind(12, 1, FASILITASI, Nilai(D("80")), [Nilai(D("20")), Nilai(D("44")), N, N]),
            ind(21, 2, IPP, Nilai(D("64"), "B-"), [N, N, N, N], level="tujuan", satuan="Angka"),
            ind(22, 2, "Presentase hasil fasilitasi dan koordinasi yang ditindaklanjuti", Nilai(D("90")),
                [Nilai(D("30")), N, N, N]),
            ind(23, 2, "Indikator yang hanya dipakai Beta", Nilai(D("5")), [N, N, N, N]),
        ),
    )
    base.update(overrides)
    return PerbandinganData(**base)


def test_matrix_matches_variant_wordings_and_computes_capaian():
    report = build_matriks(data())
    groups = [g for g, _, _ in report.header_groups()]
    assert groups == ["No", "Kecamatan", "Indeks Pelayanan Publik (Angka)",
                      "Fasilitasi dan koordinasi ditindaklanjuti (Persen)", "Rata-rata capaian", "Predikat",
                      "Realisasi TW II 2025"]
    assert report.keys == ("no", "kecamatan", f"target:{K_IPP}", f"realisasi:{K_IPP}", f"capaian:{K_IPP}",
                           f"target:{K_FASILITASI}", f"realisasi:{K_FASILITASI}", f"capaian:{K_FASILITASI}",
                           "rata-rata", "predikat", "status")
    assert [c.number for c in report.columns] == [str(n) for n in range(1, 12)]
    alfa, beta, gamma, median = report.rows
    assert alfa.cells["kecamatan"] == "Alfa" and beta.cells["kecamatan"] == "Beta (demo)"
    assert gamma.cells["kecamatan"] == "Gamma"
    # Alfa: 44 s.d. TW II of 80 → 55%; IPP has no value before TW IV → "-"
    assert cells(alfa, f"target:{K_IPP}", f"realisasi:{K_IPP}", f"capaian:{K_IPP}") == (
        Nilai(D("62"), "B-"), None, None)
    assert alfa.cells[f"realisasi:{K_FASILITASI}"] == D("44") and alfa.cells[f"capaian:{K_FASILITASI}"] == D("55")
    # Beta entered TW I only: the latest value stands for a percentage (30 of 90)
    assert beta.cells[f"realisasi:{K_FASILITASI}"] == D("30")
    assert beta.cells[f"capaian:{K_FASILITASI}"] == D("30") / D("90") * 100
    assert alfa.cells["rata-rata"] == D("55") and alfa.cells["predikat"] == "Rendah"
    assert alfa.fill[f"capaian:{K_FASILITASI}"] == WARNA_PREDIKAT["Rendah"]
    assert beta.fill[f"capaian:{K_FASILITASI}"] == WARNA_PREDIKAT["Sangat Rendah"]
    assert gamma.cells["status"] == "Belum ada Renstra" and gamma.cells[f"capaian:{K_FASILITASI}"] is None
    assert median.kind == "total" and median.cells["kecamatan"] == "Median kabupaten"
    assert median.cells[f"target:{K_IPP}"] == Nilai(D("63")) and median.cells[f"realisasi:{K_FASILITASI}"] == D("37")
    assert median.cells[f"capaian:{K_FASILITASI}"] == (D("55") + D("30") / D("90") * 100) / 2
    assert "1 rumusan indikator hanya dipakai satu kecamatan sehingga tidak dibandingkan." in report.notes
    assert any("(demo)" in n for n in report.notes)


def test_matrix_links_each_cell_to_the_kecamatan_pages():
    alfa = build_matriks(data()).rows[0]
    assert alfa.links["kecamatan"] == "/renstra/10/"
    assert alfa.links[f"capaian:{K_FASILITASI}"] == "/renstra/10/realisasi/2025/2/#indikator-12"
    assert alfa.links["status"] == "/renstra/10/dokumen/realisasi-2025-2/"
    gamma = build_matriks(data()).rows[2]
    assert gamma.links == {}


def test_matrix_sorts_by_capaian_with_missing_values_last_both_ways():
    down = build_matriks(data(pilihan=Pilihan(2025, 2, HARI_INI, urut="capaian", turun=True)))
    assert [r.cells["kecamatan"] for r in down.rows[:-1]] == ["Alfa", "Beta (demo)", "Gamma"]
    up = build_matriks(data(pilihan=Pilihan(2025, 2, HARI_INI, urut="capaian", turun=False)))
    assert [r.cells["kecamatan"] for r in up.rows[:-1]] == ["Beta (demo)", "Alfa", "Gamma"]
    assert [r.cells["no"] for r in up.rows[:-1]] == ["1", "2", "3"]
    by_name_desc = build_matriks(data(pilihan=Pilihan(2025, 2, HARI_INI, turun=True)))
    assert [r.cells["kecamatan"] for r in by_name_desc.rows[:-1]] == ["Gamma", "Beta (demo)", "Alfa"]


def test_matrix_filtered_to_one_indicator_charts_its_capaian():
    key = kunci_indikator(FASILITASI)
    report = build_matriks(data(pilihan=Pilihan(2025, 2, HARI_INI, indikator=key)))
    assert len(report.columns) == 2 + 3 + 3
    chart = report.charts[0]
    assert chart.judul.startswith("Capaian Fasilitasi dan koordinasi ditindaklanjuti")
    assert [b.nilai for b in chart.batang] == [D("55"), D("30") / D("90") * 100, None]
    assert report.keys[4] == f"capaian:{key}" and chart.acuan == report.rows[-1].cells[f"capaian:{key}"]
    assert pilihan_indikator(data()) == [(kunci_indikator(IPP), "Indeks Pelayanan Publik"),
                                         (key, "Fasilitasi dan koordinasi ditindaklanjuti")]


def test_negative_polarity_and_counts_follow_the_kecamatan_page():
    inds = (
        ind(1, 1, "Jumlah aduan", Nilai(D(10)), [Nilai(D(7)), Nilai(D(5)), N, N], satuan="Aduan",
            aturan=AturanAkhir.JUMLAH, polaritas=Polaritas.NEGATIF),
        ind(2, 2, "Jumlah aduan", Nilai(D(10)), [Nilai(D(3)), N, N, N], satuan="Aduan",
            aturan=AturanAkhir.JUMLAH, polaritas=Polaritas.NEGATIF),
    )
    rows = build_matriks(data(indikator=inds)).rows
    aduan = kunci_indikator("Jumlah aduan")
    realisasi, capaian = f"realisasi:{aduan}", f"capaian:{aduan}"
    assert rows[0].cells[realisasi] == D(12) and rows[0].cells[capaian] == D(80)  # 7 + 5 aduan against 10: (20 − 12)/10
    assert rows[1].cells[realisasi] == D(3) and rows[1].cells[capaian] == D(170)


def anggaran():
    return (
        AnggaranProgram(1, "7.01.01", 2025, D("1000000"), (D("100000"), D("150000"), D("300000"), D(0))),
        AnggaranProgram(1, "7.01.06", 2025, D("200000"), (D(0), D("50000"), D(0), D(0))),
        AnggaranProgram(2, "7.01.01", 2025, D("500000"), (D("400000"), D(0), D(0), D(0))),
        AnggaranProgram(2, "7.01.01", 2024, D("999"), (D("999"), D(0), D(0), D(0))),  # another year: ignored
    )


def test_absorption_per_kecamatan_with_efisiensi_median_and_total():
    program_ind = ind(13, 1, "Persentase Desa yang menetapkan RKPDes Tepat Waktu", Nilai(D(100)),
                      [Nilai(D(40)), Nilai(D(60)), N, N], level="program", program="7.01.06")
    report = build_penyerapan_kecamatan(data(anggaran=anggaran(), indikator=(*data().indikator, program_ind)))
    alfa, beta, gamma, median, total = report.rows
    money = ("pagu", "realisasi", "penyerapan")
    assert cells(alfa, *money) == (D("1200000"), D("300000"), D(25))
    assert alfa.cells["capaian"] == D(55)  # the IKU capaian of the matrix; the program indicator stays out
    assert alfa.cells["efisiensi"] == D(30)  # efisiensi = 55 − 25
    assert cells(beta, *money) == (D("500000"), D("400000"), D(80))
    assert gamma.cells["pagu"] is None and gamma.cells["penyerapan"] is None
    assert gamma.cells["status"] == "Belum ada Renstra"
    assert median.cells["penyerapan"] == D("52.5")
    assert cells(total, *money) == (D("1700000"), D("700000"), D("700000") / D("1700000") * 100)
    assert alfa.links["realisasi"] == "/renstra/10/realisasi/2025/2/#anggaran"


def test_absorption_per_program_sums_kecamatan_and_takes_the_program_indicator():
    program_ind = ind(13, 1, "Persentase Desa yang menetapkan RKPDes Tepat Waktu", Nilai(D(100)),
                      [Nilai(D(40)), Nilai(D(60)), N, N], level="program", program="7.01.06")
    report = build_penyerapan_program(data(anggaran=anggaran(), indikator=(program_ind,)))
    p1, p6, total = report.rows
    # TW I + TW II: Alfa 250.000 of 1.000.000 (25%), Beta 400.000 of 500.000 (80%)
    money = ("pagu", "realisasi", "penyerapan")
    assert p1.cells["kode"] == "7.01.01"
    assert cells(p1, *money) == (D("1500000"), D("650000"), D("650000") / D("1500000") * 100)
    assert p1.cells["median:penyerapan"] == (D(25) + D(80)) / 2  # the median of the kecamatan's own penyerapan
    assert p6.cells["program"] == "PROGRAM PEMBINAAN DAN PENGAWASAN PEMERINTAHAN DESA"
    assert cells(p6, "penyerapan", "median:capaian", "efisiensi") == (D(25), D(60), D(35))
    assert cells(total, *money) == (D("1700000"), D("700000"), D("700000") / D("1700000") * 100)


def _dok(kec_id, jenis, tahun, tw, status, dibuat=None, diajukan=None, diverifikasi=None):
    labels = {"draft": "Draf", "diajukan": "Diajukan", "diverifikasi": "Diverifikasi", "dikembalikan": "Dikembalikan"}
    return DokumenInfo(kec_id, jenis, tahun, tw, status, labels[status], dibuat, diajukan, diverifikasi)


def test_completeness_says_who_entered_submitted_verified_and_who_is_late():
    d = datetime.date
    docs = (
        _dok(1, "realisasi", 2025, 1, "diverifikasi", d(2025, 4, 2), d(2025, 4, 10), d(2025, 4, 20)),
        _dok(1, "realisasi", 2025, 2, "diajukan", d(2025, 7, 10), d(2025, 7, 20)),  # 5 days late
        _dok(2, "realisasi", 2025, 1, "draft", d(2025, 4, 14)),  # never submitted, past the deadline
        _dok(2, "renja", 2025, None, "diverifikasi", d(2024, 6, 1), d(2024, 6, 30), d(2024, 7, 2)),
    )
    report = build_kelengkapan(data(dokumen=docs, jumlah_indikator={1: 10, 2: 8},
                                    terisi={(1, 2025, 1): 10, (1, 2025, 2): 10, (2, 2025, 1): 5},
                                    sumber_dana_kosong={(2, 2025): 3, (1, 2025): 4}))
    assert report.keys == ("no", "kecamatan", "renja-2025", "realisasi-2025-1", "realisasi-2025-2", "realisasi-2025-3",
                           "realisasi-2025-4", "lkj-2025", "terlambat")
    tw1 = report.column("realisasi-2025-1")
    assert tw1.label == "TW I, tenggat 15 April 2025" and tw1.group == "Realisasi 2025"
    assert report.column("renja-2025").label == "Renja 2025, tenggat 30 Juni 2024"
    alfa, beta, gamma, total = report.rows
    assert alfa.cells["realisasi-2025-1"] == (
        "Diverifikasi\nTerisi 10/10\nDiajukan 10 April 2025\nDiverifikasi 20 April 2025")
    assert alfa.cells["realisasi-2025-2"] == "Diajukan\nTerisi 10/10\nDiajukan 20 Juli 2025\nTERLAMBAT 5 hari"
    assert alfa.cells["renja-2025"] == "Belum dibuat\nTERLAMBAT 397 hari"  # Renja 2025 was due 30 June 2024
    assert alfa.cells["realisasi-2025-3"] == "Belum dibuat"  # TW III not due yet on 1 August 2025
    assert alfa.cells["terlambat"] == D(2)
    assert beta.cells["realisasi-2025-1"] == "Draf\nTerisi 5/8\nDiisi 14 April 2025\nTERLAMBAT 108 hari"
    # a Renja whose sub-kegiatan lack a sumber dana says how many (alfa has no Renja 2025: nothing to list)
    assert beta.cells["renja-2025"] == ("Diverifikasi\nDiajukan 30 Juni 2024\nDiverifikasi 2 Juli 2024\n"
                                        "Sumber dana kosong: 3 sub kegiatan")
    assert beta.fill["realisasi-2025-1"] == "EE9A9A" and alfa.fill["realisasi-2025-2"] == "F7C19B"
    assert alfa.fill["realisasi-2025-1"] == "C4E8B0"
    assert alfa.links["realisasi-2025-2"] == "/renstra/10/dokumen/realisasi-2025-2/"
    assert gamma.cells["renja-2025"] == "Belum ada Renstra"
    assert total.cells["realisasi-2025-1"] == "Diverifikasi 1\nDiajukan 0\nTerlambat 1"
    assert any("15 hari setelah triwulan berakhir" in n for n in report.notes)


def test_completeness_follows_the_kabupaten_deadlines():
    """A kabupaten that allows 90 days: TW II submitted 20 July is on time; the never-submitted TW I,
    due 29 June, is late by 33 days on 1 August instead of 108; the labels and notes say the new dates."""
    d = datetime.date
    docs = (_dok(1, "realisasi", 2025, 2, "diajukan", d(2025, 7, 10), d(2025, 7, 20)),
            _dok(2, "realisasi", 2025, 1, "draft", d(2025, 4, 14)))
    before = build_kelengkapan(data(dokumen=docs))
    assert before.rows[0].cells["realisasi-2025-2"].endswith("TERLAMBAT 5 hari")
    aturan = AturanTenggat(hari_realisasi=90, renja_tanggal=31, renja_bulan=12, lkj_tanggal=31, lkj_bulan=3)
    report = build_kelengkapan(data(dokumen=docs, tenggat=aturan))
    alfa, beta, _, _ = report.rows
    assert alfa.cells["realisasi-2025-2"] == "Diajukan\nTerisi 0/0\nDiajukan 20 Juli 2025"
    assert beta.cells["realisasi-2025-1"] == "Draf\nTerisi 0/0\nDiisi 14 April 2025\nTERLAMBAT 33 hari"
    assert alfa.cells["renja-2025"] == "Belum dibuat\nTERLAMBAT 213 hari"  # due 31 December 2024: still late
    # Alfa: Renja and TW I never made, both past due; TW II no longer late
    assert (before.rows[0].cells["terlambat"], alfa.cells["terlambat"]) == (D(3), D(2))
    assert report.column("realisasi-2025-1").label == "TW I, tenggat 29 Juni 2025"
    assert report.column("renja-2025").label == "Renja 2025, tenggat 31 Desember 2024"
    assert report.column("lkj-2025").label == "LKj 2025, tenggat 31 Maret 2026"
    assert any("90 hari setelah triwulan berakhir" in n and "31 Maret tahun N+1" in n for n in report.notes)


def test_completeness_sorted_by_lateness():
    docs = (_dok(1, "realisasi", 2025, 1, "diverifikasi", None, datetime.date(2025, 4, 1)),)
    report = build_kelengkapan(data(dokumen=docs, pilihan=Pilihan(2025, 2, HARI_INI, urut="terlambat", turun=True)))
    assert [r.cells["kecamatan"] for r in report.rows[:-1]] == ["Beta (demo)", "Alfa", "Gamma"]


def test_trend_per_triwulan_beside_the_median():
    inds = (
        ind(12, 1, FASILITASI, Nilai(D(80)), [Nilai(D(20)), Nilai(D(40)), N, N]),
        ind(22, 2, FASILITASI, Nilai(D(50)), [Nilai(D(25)), Nilai(D(50)), N, N]),
    )
    money = (AnggaranProgram(1, "7.01.01", 2025, D(1000), (D(100), D(300), D(0), D(0))),
             AnggaranProgram(2, "7.01.01", 2025, D(1000), (D(500), D(0), D(0), D(0))))
    report = build_tren(data(indikator=inds, anggaran=money, tahun_list=(2025,),
                             pilihan=Pilihan(2025, 2, HARI_INI, kecamatan="alfa")))
    assert report.title[0] == "Tren Capaian Kinerja dan Penyerapan Anggaran Kecamatan Alfa"
    tw1, tw2 = report.rows
    assert report.keys[1:] == ("tahun", "triwulan", "capaian", "capaian:median", "penyerapan", "penyerapan:median",
                               "status")
    assert cells(tw1, *report.keys[1:]) == (
        "2025", "I", D(25), (D(25) + D(50)) / 2, D(10), (D(10) + D(50)) / 2, "Belum diisi")
    assert cells(tw2, "capaian", "capaian:median", "penyerapan", "penyerapan:median") == (D(50), D(75), D(40), D(45))
    assert tw2.links["triwulan"] == "/renstra/10/realisasi/2025/2/"
    capaian, serap = report.charts
    assert capaian.seri[0].values == (D(25), D(50)) and capaian.seri[1].dashed
    assert serap.kategori == ("2025 TW I", "2025 TW II")


def test_bar_chart_svg_has_a_bar_per_value_the_median_line_and_escaped_labels():
    svg = render_svg(GrafikBatang("Capaian <uji>", (Batang("A&B", D(50)), Batang("C", None), Batang("D", D(120))),
                                  acuan=D(85), id="g"))
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" id="g"')
    assert svg.count("<rect") == 2
    assert "A&amp;B" in svg and "Capaian &lt;uji&gt;" in svg and "<uji>" not in svg
    assert "Median kabupaten: 85,00%" in svg
    assert ">120%</text>" in svg and ">140%</text>" not in svg  # the axis grows past 100 when a value does
    assert "http" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_line_chart_breaks_at_missing_values():
    svg = render_svg(GrafikGaris("Tren", ("I", "II", "III", "IV"), (
        Series("Kecamatan", (D(10), None, D(30), D(40))), Series("Median", (D(20), D(30), D(40), D(50)), dashed=True))))
    assert svg.count("<polyline") == 2  # kecamatan: only III–IV is a segment; the median is whole
    assert svg.count("<circle") == 7
    assert 'stroke-dasharray="7 5"' in svg


def test_renderers_print_fills_and_links_on_screen_only_and_single_row_headers():
    from kecamatan.tables.base import Column, Report, Row
    from kecamatan.tables.render_html import render_table_html, table_context

    report = Report("X", ("Uji",), (Column("kecamatan", "Kecamatan", number="1"),
                                    Column("capaian", "Capaian", kind="persen", number="2")),
                    (Row("kecamatan", {"kecamatan": "Alfa", "capaian": D(95)}, fill={"capaian": "7BC98F"},
                         links={"kecamatan": "/renstra/1/"}),))
    assert [g["rowspan"] for g in table_context(report)["groups"]] == [1, 1]  # no group: one header row
    screen = render_table_html(report, links=True)
    assert '<a href="/renstra/1/">Alfa</a>' in screen and 'style="background-color: #7BC98F"' in screen
    printed = render_table_html(report)
    assert "<a " not in printed and 'style="background-color: #7BC98F"' in printed
    grouped = build_matriks(data())
    spans = {g["label"]: g["rowspan"] for g in table_context(grouped)["groups"]}
    assert spans["Kecamatan"] == 2 and spans["Indeks Pelayanan Publik (Angka)"] == 1


def test_jatiroto_lkj_2024_figures_are_computed_not_copied():
    """Seed 002 (LKj Jatiroto 2024) entered as a kecamatan would enter it: Tabel 3.2 realisasi per
    triwulan (lines 682-684), Tabel 3.9 anggaran and realisasi per program (969-974). The comparison
    computes what the document typed: IPP capaian 89,53 (printed 89,52 and 89,43, L-16), predikat
    from Tabel 3.1 (100% and 105,89% are "Sangat Tinggi", the text says "tinggi", L-17), realisasi
    total 1.745.051.543 = 98,13% (printed 1.713.542.193 = 96,35%, L-14)."""
    from kecamatan.core.formatting import format_persen

    inds = (
        ind(1, 1, IPP, Nilai(D("61.50"), "B-"), [N, N, N, Nilai(D("55.06"))], level="tujuan", satuan="Angka",
            tahun=2024),
        ind(2, 1, "presentase hasil fasilitasi dan koordinasi yang ditindaklanjuti", Nilai(D("87.72")),
            [Nilai(D("14.62")), Nilai(D("14.62")), Nilai(D("41")), Nilai(D("87.72"))], tahun=2024),
        ind(3, 1, "Rata - Rata Persentase Desa yang menyusun dokumen administrasi pemerintahan desa tepat waktu",
            Nilai(D("94.44")), [Nilai(D("12.69")), Nilai(D("12.68")), Nilai(D("33")), Nilai(D("94.44"))],
            tahun=2024),
    )
    tabel_3_9 = [("7.01.01", "1707501397", "1674216543"), ("7.01.02", "2250000", "2250000"),
                 ("7.01.03", "41875000", "41875000"), ("7.01.04", "3520000", "3520000"),
                 ("7.01.05", "7200000", "7200000"), ("7.01.06", "15990000", "15990000")]
    money = tuple(AnggaranProgram(1, kode, 2024, D(pagu), (D(0), D(0), D(0), D(rp))) for kode, pagu, rp in tabel_3_9)
    jatiroto = data(kecamatan=(kec(1, "Jatiroto"),), indikator=inds, anggaran=money,
                    pilihan=Pilihan(2024, 4, datetime.date(2025, 1, 15)))
    matriks = build_matriks(jatiroto)
    row = matriks.rows[0]
    k_ipp, k_fasilitasi, k_desa = (kunci_indikator(i.uraian) for i in inds)
    assert matriks.keys[4:11:3] == (f"capaian:{k_ipp}", f"capaian:{k_desa}", f"capaian:{k_fasilitasi}")
    assert format_persen(row.cells[f"capaian:{k_ipp}"]) == "89,53%"
    assert row.fill[f"capaian:{k_ipp}"] == WARNA_PREDIKAT["Tinggi"]
    # desa documents (columns 5-7): Tabel 3.2 types TW IV 94,44 but "Realisasi Total" 100 and capaian 105
    # (L-19); the total cannot come from the triwulan typed, so the app shows 94,44 → 100% and the
    # kecamatan must correct TW IV to 100 to get 105,89%
    assert row.cells[f"realisasi:{k_desa}"] == D("94.44") and row.cells[f"capaian:{k_desa}"] == D(100)
    assert row.fill[f"capaian:{k_desa}"] == WARNA_PREDIKAT["Sangat Tinggi"]
    # fasilitasi (8-10): latest value, not the sum
    assert row.cells[f"realisasi:{k_fasilitasi}"] == D("87.72") and row.cells[f"capaian:{k_fasilitasi}"] == D(100)
    serap = build_penyerapan_kecamatan(jatiroto).rows[-1]
    assert cells(serap, "pagu", "realisasi") == (D("1778336397"), D("1745051543"))
    assert format_persen(serap.cells["penyerapan"]) == "98,13%"


def test_matrix_median_is_printed_with_two_decimals_like_every_computed_cell():
    """61,12 and 61,17 have the median 61,145: the median row printed "61,145" beside two-decimal
    cells (issue 19); a computed value is rounded half up to two decimals."""
    report = build_matriks(data(indikator=(
        ind(11, 1, IPP, Nilai(D("61.12")), [N, N, N, N], level="tujuan", satuan="Angka"),
        ind(21, 2, IPP, Nilai(D("61.17")), [N, N, N, N], level="tujuan", satuan="Angka"),
    )))
    median = report.rows[-1]
    assert median.cells[f"target:{K_IPP}"] == Nilai(D("61.15"))
    assert format_cell(median.cells[f"target:{K_IPP}"], "nilai") == "61,15"
