"""The checker over the demo data (Randuagung's Renstra, Senduro's Renja 2024, Jatiroto's LKj 2024):
what it finds is pinned, rule by rule, and the seed inconsistencies it must catch are named."""

from collections import Counter

import pytest

from kecamatan.checks.selectors import periksa
from kecamatan.models import Periode
from tests.reports.demo_once import demo_once  # noqa: F401 (module-scoped demo)

pytestmark = pytest.mark.django_db

# the demo's triwulan of 2024 are past their deadlines (15 days after each quarter) and not filled in
# (Jatiroto's LKj brings 2 or 3 of its 78 indicators): one warning per triwulan, with the count
BELUM_DIISI = {(f"realisasi-2024-{tw}", "realisasi-belum-diisi", "peringatan"): 1 for tw in (1, 2, 3, 4)}
RANDUAGUNG = {
    ("renstra", "indikator-tanpa-target", "galat"): 10,  # T-C.27 rows printed without a target for a year
    ("renstra", "kelipatan-desa", "peringatan"): 1,  # jumlah desa left empty (7 listed, 12 implied)
    ("renstra", "kondisi-awal-tc23", "peringatan"): 5,
    ("renstra", "nama-kode", "galat"): 1,  # 7.01.01.2.03.0006 named as 0005 of the catalog
    ("renstra", "nilai-bersatuan-lain", "galat"): 1,  # "10 unsur" for Lembaga Kemasyarakatan (line 1044)
    ("renstra", "riwayat-tahun-hilang", "peringatan"): 1,  # a 2021 only in the second band
    ("renstra", "rumusan-sasaran-sama", "peringatan"): 2,  # R-8: 7.01.05's sasaran copied from 7.01.06
    ("renstra", "target-melonjak", "peringatan"): 2,
    **BELUM_DIISI,
}
SENDURO = {
    ("renja-2024", "catatan-sumber", "peringatan"): 58,  # J-1 … J-14 where the paper Renja prints other figures
    ("renja-2024", "ranwal-indikator", "peringatan"): 3,  # J-11
    ("renja-2024", "renja-target-renstra", "peringatan"): 11,  # J-4, J-14
    ("renja-2024", "target-melonjak", "peringatan"): 2,  # J-7
    ("renstra", "indikator-tanpa-target", "galat"): 63,  # the Renja shows only 2024 of the Renstra
    ("renstra", "kelipatan-desa", "peringatan"): 1,  # RKPDes 86% of 12 desa
    **BELUM_DIISI,
}
JATIROTO = {
    ("lkj-2024", "lkj-realisasi", "peringatan"): 1,  # realizations loaded, never verified in the app
    ("lkj-2024", "pk-target", "galat"): 1,  # L-18
    ("realisasi-2024-2", "realisasi-kumulatif-turun", "peringatan"): 1,  # L-19
    ("renstra", "indikator-tanpa-target", "galat"): 78,  # the LKj shows only 2024 (2026 for tujuan/sasaran)
    ("renstra", "kelipatan-desa", "peringatan"): 1,  # L-23
    **BELUM_DIISI,
}


def hasil(nama: str):
    return periksa(Periode.objects.get(kecamatan__nama=nama, tahun_mulai=2024).pk, 2024)


def counts(h) -> dict:
    return dict(Counter((t.dokumen, t.aturan, t.tingkat) for t in h.temuan))


def messages(h, aturan: str) -> list[str]:
    return [t.pesan for t in h.temuan if t.aturan == aturan]


def test_randuagung_renstra(demo_once):
    h = hasil("Randuagung")
    assert counts(h) == RANDUAGUNG
    assert ("Kondisi awal “Persentase hasil fasilitasi dan koordinasi yang ditindaklanjuti” diisi 100%, tetapi T-C.23 "
            "mencatat realisasi 2022 87,3%. T-C.27 dan T-C.28 mencetak angka T-C.23; samakan isian kondisi awal."
            ) in messages(h, "kondisi-awal-tc23")
    assert "Rumusan sasaran “Meningkatnya Kualitas Fasilitas Pembinaan dan Pengawasan Pemerintahan Desa” sama dengan " \
           "rumusan sasaran 7.01.06" in messages(h, "rumusan-sasaran-sama")[0]
    assert "(kondisi awal: 10 (unsur)) padahal satuan indikatornya Lembaga Kemasyarakatan" in \
           messages(h, "nilai-bersatuan-lain")[0]


def test_senduro_renja(demo_once):
    h = hasil("Senduro")
    assert counts(h) == SENDURO
    renja = messages(h, "renja-target-renstra")
    assert ("Target Renja 2024 “Jumlah Orang yang Menerima Gaji dan Tunjangan ASN” 12 Orang/Bulan, target Renstra "
            "2024 11 Orang/Bulan. Bila Renja memang merevisi target, tuliskan alasannya; bila tidak, samakan.") in renja
    sumber = messages(h, "catatan-sumber")
    for printed in ("mencetak 2.517.22.415 (bukan angka yang sah) pada T-C.31 baris 1 kolom 6 (baris 369 dokumen "
                    "sumber); aplikasi menghitung 2.360.255.415",  # J-8
                    "mencetak 91.527.593 pada T-C.31 baris 19 kolom 11 (baris 398 dokumen sumber); aplikasi "
                    "menghitung 91.572.593",  # J-9
                    "mencetak 1.771.564.845 pada T-C.31 baris 8 kolom 6 (baris 382 dokumen sumber); aplikasi "
                    "menghitung 1.966.564.845",  # J-10
                    "mencetak 100% pada T-C.29 baris 7.01.03 kolom 8 (baris 250 dokumen sumber); aplikasi menghitung "
                    "116%",  # J-1: the annex layout prints whole percents
                    "mencetak 7.01.01.2.03 pada T-C.33 baris 7.01.01.2.05 kolom 1"):  # J-6
        assert any(printed in m for m in sumber), printed
    assert any("(Renja 2024 → prakiraan maju 2025: 1 → 12 (12×))" in m for m in messages(h, "target-melonjak"))
    assert "(2024: 86%) bukan kelipatan 8,33% (100 dibagi 12 desa)" in messages(h, "kelipatan-desa")[0]


def test_jatiroto_lkj(demo_once):
    h = hasil("Jatiroto")
    assert counts(h) == JATIROTO
    assert "Tenggat Realisasi 2024 TW IV (15 Januari 2025) sudah lewat, tetapi 75 dari 78 indikator belum diisi (" \
        in messages(h, "realisasi-belum-diisi")[3]
    assert messages(h, "pk-target") == [
        "Perjanjian Kinerja awal 2024 menjanjikan 88,89% untuk “Rata-rata persentase desa yang menyusun dokumen "
        "administrasi pemerintahan desa tepat waktu”, padahal target Renstra 2024 94,44%. PK awal menetapkan target "
        "yang direncanakan."]
    assert "TW II (12,68%) lebih rendah dari TW I (12,69%)" in messages(h, "realisasi-kumulatif-turun")[0]
    assert "(2024: 88,89%) bukan kelipatan 16,67% (100 dibagi 6 desa)" in messages(h, "kelipatan-desa")[0]


def test_the_earlier_period_and_the_other_years(demo_once):
    jatiroto_lalu = Periode.objects.get(kecamatan__nama="Jatiroto", tahun_mulai=2019)
    assert [periksa(jatiroto_lalu.pk, t).galat for t in jatiroto_lalu.tahun_list] == [0, 0, 0, 0, 0]
    # the Renstra's findings are the same in every year's check
    randuagung = Periode.objects.get(kecamatan__nama="Randuagung")
    tanpa_tenggat = {k: v for k, v in RANDUAGUNG.items() if k[1] != "realisasi-belum-diisi"}  # 2026's depend on today
    assert {k: v for k, v in counts(periksa(randuagung.pk, 2026)).items()
            if k[1] != "realisasi-belum-diisi"} == tanpa_tenggat


def test_printed_figures_of_the_jatiroto_lkj_against_the_apps_tables(demo_once):
    """A document brought in from outside: the LKj's printed PK lampiran (Tabel 2.3 / PK murni and
    perubahan) and Tabel 3.9 figures, kept in the fixture, against what the app computes from the
    sub-kegiatan. Each disagreement is a finding: L-1, L-2, L-14 and the malformed numbers of §0.2."""
    import json

    from kecamatan.checks.jumlah import banding_tercetak
    from kecamatan.core.computations import penyerapan
    from kecamatan.demo.common import FIXTURES
    from kecamatan.lkj.selectors_data import lkj_data
    from kecamatan.renstra.data import TOTAL

    fixture = json.loads((FIXTURES / "lkj_jatiroto_2024.json").read_text(encoding="utf-8"))
    data = lkj_data(Periode.objects.get(kecamatan__nama="Jatiroto", tahun_mulai=2024).pk, 2024)
    programs = {p.kode: p.key for p in data.renstra.program}
    amounts = {"awal": data.rolled(data.pagu_awal), "perubahan": data.rolled(data.pagu_perubahan)}
    found = []

    def check(tempat, tercetak, value):
        temuan = banding_tercetak("lkj-2024", tempat, tercetak, value)
        if temuan is not None:
            found.append(temuan.pesan)

    for versi in fixture["perjanjian_kinerja"]:
        rolled = amounts[versi["versi"]]
        for row in versi["program"]:
            for where, printed in row.get("tercetak", {}).items():
                if not where.startswith("baris"):
                    check(f"{where} PK {versi['versi']} {row['kode']}", printed, rolled[programs[row["kode"]]])
        for where, printed in versi.get("jumlah_tercetak", {}).items():
            if not where.startswith("baris"):
                check(f"{where} PK {versi['versi']} jumlah", printed, rolled[TOTAL])
    akhir, realisasi = data.rolled(data.pagu_akhir), data.rolled(data.realisasi_anggaran)
    for row in fixture["realisasi_anggaran"]["program"]:
        key = programs[row["kode"]]
        check(f"Tabel 3.9 {row['kode']} anggaran", row["tercetak"]["anggaran"], akhir[key])
        check(f"Tabel 3.9 {row['kode']} %", row["tercetak"]["persen"], penyerapan(akhir[key], realisasi[key]))
    total = fixture["realisasi_anggaran"]["total_tercetak"]
    check("Tabel 3.9 total anggaran", total["anggaran"], akhir[TOTAL])
    check("Tabel 3.9 total realisasi", total["realisasi"], realisasi[TOTAL])
    check("Tabel 3.9 total %", total["persen"], penyerapan(akhir[TOTAL], realisasi[TOTAL]))
    malformed = [p for p in found if "(bukan angka yang sah)" in p]  # "1.743.266.949.00", "41,875.000.00" (§0.2)
    assert len(malformed) == 14 and all("pada tabel_2_3 PK" in p for p in malformed)
    assert [p for p in found if p not in malformed] == [
        "Dokumen sumber mencetak 1.823.606.126,00 pada lampiran PK awal 7.01.01; aplikasi menghitung 1.743.266.949.",
        "Dokumen sumber mencetak 2.034.406.126,00 pada lampiran PK awal jumlah; aplikasi menghitung 1.954.066.949.",
        "Dokumen sumber mencetak 1.713.542.193 pada Tabel 3.9 total realisasi; aplikasi menghitung 1.745.051.543.",
        "Dokumen sumber mencetak 96,35 pada Tabel 3.9 total %; aplikasi menghitung 98,13.",
    ]  # L-1, L-2, L-14 (twice); every other printed figure agrees with the app's (98.05 = 98,05 …)
