"""The triwulan page builder: cumulative realisasi by the indicator's rule, capaian, penyerapan. No DB."""

from decimal import Decimal as D

from kecamatan.core.computations import AturanAkhir, Polaritas
from kecamatan.core.formatting import Nilai
from kecamatan.realisasi.data import AnggaranRealisasi, IndikatorRealisasi, PemilikRealisasi, RealisasiTriwulanData
from kecamatan.realisasi.tables.triwulan import build_realisasi


def ind(pk, aturan, values, target="100", polaritas=Polaritas.POSITIF):
    return IndikatorRealisasi(
        id=pk, uraian=f"I{pk}", satuan="x", polaritas=polaritas, aturan=aturan, target=Nilai(D(target)),
        per_triwulan=tuple(Nilai(None if v is None else D(v)) for v in values), keterangan=("", "", "", ""),
    )


def data(triwulan, indicators, anggaran=()):
    return RealisasiTriwulanData(periode_id=1, kecamatan="K", tahun=2024, triwulan=triwulan,
                                 pemilik=(PemilikRealisasi("program", "7.01.01", "P", tuple(indicators)),
                                          PemilikRealisasi("kegiatan", "7.01.01.2.01", "empty", ())),
                                 anggaran=tuple(anggaran))


def test_counts_add_up_levels_take_the_latest():
    page = build_realisasi(data(3, [
        ind(1, AturanAkhir.JUMLAH, ["10", "20", "5", None]),
        ind(2, AturanAkhir.NILAI_AKHIR, ["14.62", "41", "87.72", None]),
        ind(3, AturanAkhir.JUMLAH, [None, None, None, None]),
    ]))
    assert len(page.kelompok) == 1  # owners without indicators are skipped
    rows = page.kelompok[0].baris
    assert (rows[0].kumulatif_sebelum, rows[0].kumulatif, rows[0].capaian) == (D(30), D(35), D(35))
    assert (rows[1].kumulatif_sebelum, rows[1].kumulatif) == (D(41), D("87.72"))
    assert rows[1].nilai == Nilai(D("87.72"))
    assert rows[2].capaian is None
    assert page.belum_diisi == 1


def test_first_triwulan_has_nothing_before_and_negative_polarity():
    rows = build_realisasi(data(1, [ind(1, AturanAkhir.NILAI_AKHIR, ["12", None, None, None], target="10",
                                       polaritas=Polaritas.NEGATIF)])).kelompok[0].baris
    assert rows[0].kumulatif_sebelum is None
    assert rows[0].capaian == D(80)  # (2×10 − 12) / 10


def test_penyerapan_per_subkegiatan_and_total():
    page = build_realisasi(data(2, [], anggaran=[
        AnggaranRealisasi(1, "a", "A", D(1000), "Renja", (D(100), D(150), D(999), None)),
        AnggaranRealisasi(2, "b", "B", None, "", (D(50), None, None, None)),
    ]))
    a, b = page.anggaran
    assert (a.jumlah, a.kumulatif_sebelum, a.kumulatif, a.penyerapan) == (D(150), D(100), D(250), D(25))
    assert (b.kumulatif, b.penyerapan) == (D(50), None)
    assert (page.total_pagu, page.total_kumulatif, page.total_penyerapan) == (D(1000), D(300), D(30))
