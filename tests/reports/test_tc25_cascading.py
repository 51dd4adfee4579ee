"""T-C.25 and the cascading table (Tabel 4.2): pure builders on hand-made data, and Randuagung."""

from decimal import Decimal as D

import pytest

from kecamatan.core.computations import AturanAkhir
from kecamatan.core.formatting import Nilai
from kecamatan.renstra.data import IndikatorData, NodeData, RenstraData, SasaranData, TujuanData
from kecamatan.renstra.tables.cascading import build_cascading
from kecamatan.renstra.tables.tc25 import build_tc25
from kecamatan.tables.base import COVERED

TAHUN = (2024, 2025, 2026)


def _ind(id, uraian, satuan, targets, aturan=AturanAkhir.NILAI_AKHIR):
    return IndikatorData(id=id, uraian=uraian, satuan=satuan, aturan=aturan, formula=f"Rumus {uraian}",
                         target={t: v for t, v in zip(TAHUN, targets)})


def renstra() -> RenstraData:
    tujuan = TujuanData(1, 1, "Optimalnya reformasi birokrasi", indikator=(
        _ind(1, "Indeks Pelayanan Publik", "Angka", [Nilai(D(62), "B-"), Nilai(D(64), "B-"), Nilai(D(66), "B-")]),
    ), sasaran=(
        SasaranData(1, 1, "Pelayanan publik", indikator=(_ind(2, "Fasilitasi", "Persen", [Nilai(D(78))] * 3),)),
        SasaranData(2, 2, "Akuntabilitas desa", indikator=(
            _ind(3, "RKPDes", "Persen", [Nilai(D(83))] * 3), _ind(4, "APBDes", "Persen", [Nilai(D(89))] * 3),
        )),
        SasaranData(3, 3, "Sasaran tanpa indikator"),
    ))
    sub = NodeData(5, "subkegiatan", "7.01.06.2.01.0001", "Fasilitasi Perdes", rumusan_sasaran="Terfasilitasinya",
                   indikator=(_ind(6, "Jumlah dokumen", "Dokumen", [Nilai(D(3))] * 3, AturanAkhir.JUMLAH),))
    keg = NodeData(7, "kegiatan", "7.01.06.2.01", "Fasilitasi", children=(sub,))
    prog = NodeData(8, "program", "7.01.06", "PROGRAM PEMBINAAN", rumusan_sasaran="Meningkatnya pembinaan",
                    children=(keg,), indikator=(_ind(9, "RKPDes", "Persen", [Nilai(D(83))] * 3),
                                                _ind(10, "LPPDes", "Persen", [Nilai(D(100))] * 3)))
    return RenstraData(periode_id=1, kecamatan="Uji", kabupaten="Lumajang", provinsi="Jawa Timur", tahun=TAHUN,
                       tahun_kondisi_awal=2022, tujuan=(tujuan,), program=(prog,))


def test_tc25_columns_and_merged_tujuan_and_sasaran_cells():
    report = build_tc25(renstra())
    assert [c.number for c in report.columns] == [str(n) for n in range(1, 9)]
    assert [c.label for c in report.columns][5:] == ["2024", "2025", "2026"]
    assert report.keys[5:] == ("target:2024", "target:2025", "target:2026")
    tujuan, s1, s2a, s2b, s3 = report.rows
    assert tujuan.cells["tujuan"] == "Optimalnya reformasi birokrasi" and tujuan.rowspan == {"tujuan": 5}
    assert tujuan.cells["sasaran"] == "" and tujuan.cells["target:2024"] == Nilai(D(62), "B-")
    assert all(r.cells["tujuan"] is COVERED for r in (s1, s2a, s2b, s3))
    assert s2a.rowspan == {"sasaran": 2} and s2b.cells["sasaran"] is COVERED and s2b.cells["indikator"] == "APBDes"
    assert s3.cells["sasaran"] == "Sasaran tanpa indikator" and s3.cells["indikator"] == ""
    assert s3.cells["target:2024"] is None


def test_cascading_is_t_c27_without_codes_and_money():
    report = build_cascading(renstra())
    assert [c.number for c in report.columns] == ["12", "13", "14", "15", "16"]
    band, prog1, prog2, keg, sub = report.rows
    assert band.kind == "band" and band.text == "Unsur Kewilayahan"
    assert tuple(prog1.cells[k] for k in ("sasaran", "nama", "indikator")) == (
        "Meningkatnya pembinaan", "PROGRAM PEMBINAAN", "RKPDes")
    assert prog1.rowspan == {"sasaran": 2, "nama": 2}
    assert prog2.cells["nama"] is COVERED and prog2.cells["indikator"] == "LPPDes"
    assert keg.cells["indikator"] == "" and keg.level == 1  # a kegiatan without indicator still prints
    assert (sub.cells["satuan"], sub.cells["formulasi"]) == ("Dokumen", "Rumus Jumlah dokumen") and sub.level == 2


@pytest.mark.django_db  # the session-built tables need the test database
def test_randuagung_tc25_and_cascading_html(randuagung_tables):
    tc25 = randuagung_tables["tc25"].html
    for text in ("62 (B-)", "64 (B-)", "66 (B-)", "84,31", "88,89", "Indeks Pelayanan Publik",
                 "Tujuan dan Sasaran Jangka Menengah Pelayanan Perangkat Daerah"):
        assert text in tc25, text
    cascading = randuagung_tables["cascading"].html
    assert cascading.count('class="baris-subkegiatan"') == 49
    assert cascading.count('class="baris-program"') == 8  # six programs, 7.01.06 with three indicators
    assert "Cascading Kinerja Perangkat Daerah Kecamatan Randuagung" in cascading
    assert "7.01.01" not in cascading  # no code column
