"""T-C.28 and the kondisi awal taken from T-C.23 (also printed in T-C.27 column 17)."""

from decimal import Decimal as D

import pytest

from kecamatan.core.computations import AturanAkhir
from kecamatan.core.formatting import Nilai
from kecamatan.renstra.data import IndikatorData, NodeData, RenstraData, SasaranData, TujuanData
from kecamatan.renstra.data_tabel import KondisiAwalTercatat, apply_kondisi_awal
from kecamatan.renstra.tables.tc28 import build_tc28
from kecamatan.tables.base import COVERED
from tests.reports.helpers import xlsx_rows

TAHUN = (2024, 2025, 2026)


def _ind(id, uraian, targets, awal=Nilai(D(100)), satuan="Persen"):
    return IndikatorData(id=id, uraian=uraian, satuan=satuan, aturan=AturanAkhir.NILAI_AKHIR, kondisi_awal=awal,
                         target={t: v for t, v in zip(TAHUN, targets)})


def renstra() -> RenstraData:
    ipp = _ind(1, "Indeks Pelayanan Publik", [Nilai(D(62), "B-"), Nilai(D(64), "B-"), Nilai(D(66), "B-")],
               awal=Nilai(None, "-"), satuan="Angka")
    s1 = SasaranData(11, 1, "Pelayanan publik", indikator=(_ind(2, "Fasilitasi", [Nilai(D(78)), Nilai(D("84.31")),
                                                                                     Nilai(D("88.89"))]),))
    s2 = SasaranData(12, 2, "Akuntabilitas desa", indikator=(_ind(3, "Rata-rata desa", [Nilai(D(83))] * 3),))
    p1 = NodeData(21, "program", "7.01.01", "PROGRAM PENUNJANG", rumusan_sasaran="Terselenggaranya operasional",
                  indikator=(_ind(4, "Operasional", [Nilai(D(100))] * 3),), sasaran_id=11)
    p6 = NodeData(26, "program", "7.01.06", "PROGRAM DESA", rumusan_sasaran="Meningkatnya pembinaan desa",
                  indikator=(_ind(5, "RKPDes", [Nilai(D("83.33")), Nilai(D("91.67")), Nilai(D("91.67"))]),
                             _ind(6, "LPPDes", [Nilai(D("83.33")), Nilai(D("91.67")), Nilai(D(100))])),
                  sasaran_id=12)
    p9 = NodeData(29, "program", "7.01.09", "PROGRAM LEPAS", indikator=(_ind(7, "Lepas", [Nilai(D(1))] * 3),))
    return RenstraData(periode_id=1, kecamatan="Uji", kabupaten="Lumajang", provinsi="Jawa Timur", tahun=TAHUN,
                       tahun_kondisi_awal=2022, tujuan=(TujuanData(1, 1, "Optimalnya reformasi birokrasi",
                                                                    indikator=(ipp,), sasaran=(s1, s2)),),
                       program=(p6, p1, p9))


def test_columns_1_to_10_name_the_rpd_and_the_baseline_year():
    report = build_tc28(renstra())
    assert [c.number for c in report.columns] == [str(n) for n in range(1, 11)]
    assert report.column("kondisi-awal").label == "Kondisi Kinerja pada awal periode RPD (Tahun 2022)"
    assert report.column("kondisi-akhir").label == "Kondisi Kinerja pada akhir periode RPD"
    assert (report.index("kondisi-awal"), report.index("kondisi-akhir")) == (5, 9)


def test_rows_group_programs_under_their_sasaran_with_bands():
    rows = build_tc28(renstra()).rows
    layout = [r.text if r.kind == "band" else (r.kind, r.cells["no"], r.cells["indikator"]) for r in rows]
    assert layout == [
        "TUJUAN", ("tujuan", "", "Indeks Pelayanan Publik"),
        "SASARAN", ("sasaran", "1", "Fasilitasi"), "PROGRAM", ("indikator-program", "", "Operasional"),
        "SASARAN", ("sasaran", "2", "Rata-rata desa"), "PROGRAM", ("indikator-program", "", "RKPDes"),
        ("indikator-program", COVERED, "LPPDes"),
        "PROGRAM", ("indikator-program", "", "Lepas"),
    ]


def test_akhir_periode_is_the_last_year_and_drops_the_label():
    rows = [r for r in build_tc28(renstra()).rows if r.kind != "band"]
    assert rows[0].cells["kondisi-akhir"] == D(66) and rows[0].cells["kondisi-awal"] == Nilai(None, "-")
    assert rows[1].cells["kondisi-akhir"] == D("88.89")
    rkpdes, lppdes = rows[4], rows[5]
    assert (rkpdes.cells["kondisi-akhir"], lppdes.cells["kondisi-akhir"]) == (D("91.67"), D(100))
    assert rkpdes.rowspan == {"no": 2, "sasaran": 2} and lppdes.cells["sasaran"] is COVERED


def test_kondisi_awal_from_t_c23_replaces_the_typed_one_and_says_so():
    tercatat = {2: KondisiAwalTercatat(2022, Nilai(D("87.3"))), 4: KondisiAwalTercatat(2022, Nilai(D(100))),
                6: KondisiAwalTercatat(2022, Nilai())}
    data, notes = apply_kondisi_awal(renstra(), tercatat)
    sasaran1 = data.tujuan[0].sasaran[0].indikator[0]
    assert sasaran1.kondisi_awal == Nilai(D("87.3"))
    assert set(notes) == {2}  # 4 agrees with what was typed; 6 has no realisasi recorded
    assert "87,3" in notes[2] and "realisasi 2022 menurut T-C.23" in notes[2] and "100" in notes[2]
    report = build_tc28(data, notes)
    assert report.notes == (notes[2],)
    assert apply_kondisi_awal(renstra(), {}) == (renstra(), {})


@pytest.mark.django_db  # the session-built tables need the test database
def test_randuagung_tc28_fixes_the_seed(randuagung_tables):
    content = randuagung_tables["tc28"].xlsx
    rows = xlsx_rows(content)
    by_indikator = {r[2]: r for r in rows if r[2]}
    # R-10: kondisi awal 2022 is T-C.23's realisasi 2022, not the 100 % / 83 % typed in T-C.28
    assert by_indikator["Persentase hasil fasilitasi dan koordinasi yang ditindaklanjuti"][5] == 87.3
    assert by_indikator["Rata - rata persentase Desa yang menyusun dokumen administrasi Pemerintahan Desa "
                        "tepat waktu"][5] == 88.33
    # R-9: program 7.01.06 prints T-C.27's targets, each with its own akhir periode
    assert by_indikator["Persentase Desa yang menetapkan APBDes Tepat Waktu"][6:10] == (83.33, 83.33, 83.33, 83.33)
    assert by_indikator["Persentase Desa yang menetapkan LPPDes Tepat Waktu"][6:10] == (83.33, 91.67, 100, 100)
    # program 7.01.05 prints its own indicator, not a copy of the Trantibum one
    assert "Persentase fasilitas penyelenggaraan urusan pemerintahan umum" in by_indikator
    ipp = by_indikator["Indeks Pelayanan Publik"]
    assert ipp[6:10] == ("62 (B-)", "64 (B-)", "66 (B-)", 66)


@pytest.mark.django_db  # the session-built tables need the test database
def test_randuagung_tc27_column_17_takes_the_same_kondisi_awal(randuagung_tables):
    content = randuagung_tables["tc27"].xlsx
    rows = xlsx_rows(content)
    by_indikator = {r[3]: r for r in rows if r[3]}
    assert by_indikator["rata-rata persentase fasilitas pemberdayaan masyarakat"][6] == 87.5
    assert by_indikator["Persentase Desa yang menetapkan RKPDes Tepat Waktu"][6] == 83
    assert by_indikator["Persentase Desa yang menetapkan APBDes Tepat Waktu"][6] == 100
    notes = [r[0] for r in rows if r[0] and str(r[0]).startswith("Kondisi awal")]
    assert len(notes) == 3  # 7.01.03, RKPDes, LPPDes: typed 100, T-C.23 says 87,5 / 83 / 83
