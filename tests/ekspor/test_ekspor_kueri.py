"""The export's queries do not grow with the kabupaten: the same count at 1 and at 4 kecamatan,
each with a Renstra, a Renja itemised into aktivitas, realisasi and a document timeline; and its
rows are what was built (a sum checked per file)."""

import io
import zipfile
from decimal import Decimal

import pytest

from kecamatan.ekspor import latar
from kecamatan.ekspor.isi import berkas_list
from kecamatan.ekspor.selectors import lingkup
from kecamatan.models import Dokumen, Ekspor, Indikator, Pagu, Peran, Realisasi, RealisasiAnggaran, Riwayat, SubKegiatan
from tests.ekspor.test_ekspor import read_zip
from tests.factories import KabupatenFactory, KecamatanFactory, PeriodeFactory, build_renja, user_with_role

pytestmark = pytest.mark.django_db

QUERIES = 17  # period, kecamatan, 6 cascade files, target 2, pagu 3, realisasi, Rp, documents, timeline


def _kecamatan(kabupaten, n: int, user) -> None:
    periode = PeriodeFactory(kecamatan=KecamatanFactory(kabupaten=kabupaten, nama=f"Kec{n}", kode=f"35.08.{n:02d}"))
    renja = build_renja(periode, n_sub=2)
    Riwayat.objects.create(dokumen=renja, oleh=user, aksi=Riwayat.Aksi.AJUKAN, dari_status="draft", ke_status="diajukan")
    for ind in Indikator.objects.filter(periode=periode):
        Realisasi.objects.create(indikator=ind, tahun=2024, triwulan=1, nilai=Decimal("12.5"))
    for sub in SubKegiatan.objects.filter(kegiatan__program__periode=periode):
        RealisasiAnggaran.objects.create(subkegiatan=sub, tahun=2024, triwulan=2, jumlah=Decimal("250.50"))
    # a stray stored Renja pagu beside the aktivitas (the services delete it): the aktivitas' sum wins
    Pagu.objects.create(subkegiatan=sub, tahun=2024, tahap=Pagu.Tahap.RENJA, jumlah=Decimal(999))


@pytest.mark.sqlite  # nulls-first ordering and the aktivitas subqueries on run.sh's database too
@pytest.mark.parametrize("n", [1, 4])
def test_queries_do_not_grow_with_the_kecamatan(n, django_assert_num_queries):
    kabupaten = KabupatenFactory(kode="35.08")
    user = user_with_role("bappeda", Peran.VERIFIKATOR, kabupaten=kabupaten)
    for i in range(1, n + 1):
        _kecamatan(kabupaten, i, user)
    KecamatanFactory(kabupaten=kabupaten, nama="Tanpa Renstra")
    ekspor = Ekspor(kabupaten=kabupaten, tahun=2024, diminta_oleh=user)
    with django_assert_num_queries(QUERIES):
        content = latar.tulis(ekspor)
    files = read_zip(content)
    assert len(files["kecamatan.csv"]) == n + 1 and files["kecamatan.csv"][0]["kode_kecamatan"] == "35.08.01"
    pagu = files["pagu.csv"]
    # each sub-kegiatan: Renstra 1000, Renja = its two aktivitas of 500, prakiraan maju 1200 (stored)
    assert {(r["tahap"], r["jumlah_rp"], r["sumber"]) for r in pagu} == {
        ("renstra", "1000.00", "pagu"), ("renja", "1000.00", "aktivitas"), ("prakiraan", "1200.00", "pagu")}
    assert len(pagu) == 3 * 2 * n
    assert sum(Decimal(r["jumlah_rp"]) for r in files["realisasi_anggaran.csv"]) == Decimal("501.00") * n
    assert {r["nilai"] for r in files["realisasi.csv"]} == {"12.5"}
    assert {r["jenis"] for r in files["target.csv"]} == {"renstra", "renja", "prakiraan"}
    assert [r["aksi"] for r in files["dokumen_riwayat.csv"]] == ["ajukan"] * n
    assert {(r["kunci"], r["status"]) for r in files["dokumen.csv"]} == {("renja-2024", Dokumen.Status.DRAFT)}
    assert len(files["indikator.csv"]) == Indikator.objects.count()


def test_a_large_file_is_streamed_not_listed():
    """The streamed files hand the ZIP an iterator over the database cursor, not a list."""
    kabupaten = KabupatenFactory()
    user = user_with_role("bappeda", Peran.VERIFIKATOR, kabupaten=kabupaten)
    for b in berkas_list(lingkup(kabupaten, 2024)):
        if b.nama not in ("pagu.csv", "kecamatan.csv"):
            rows = b.baris()
            assert not isinstance(rows, (list, tuple)) and iter(rows) is rows, b.nama
    assert zipfile.is_zipfile(io.BytesIO(latar.tulis(Ekspor(kabupaten=kabupaten, tahun=2024, diminta_oleh=user))))
