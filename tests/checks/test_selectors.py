"""The checker on the database: the snapshot of a kecamatan-year in a fixed number of queries (the
same for 1 and 50 sub-kegiatan), what it reads, a finding on live data with a link that resolves,
and the stored counts the dashboards read."""

import datetime
from decimal import Decimal as D

import pytest

from kecamatan import models as m
from kecamatan.checks.selectors import hasil_tersimpan, lencana_dokumen, lencana_tahun, periksa, periksa_data
from kecamatan.checks.services import simpan_hasil
from tests.factories import CamatFactory, PeriodeFactory, build_renja, build_riwayat

pytestmark = pytest.mark.django_db

QUERIES = 40


def build_tahun(periode: m.Periode, *, n_sub: int) -> None:
    """A kecamatan-year with everything the checker reads: Renja 2024 (build_renja), T-C.23/T-C.24,
    Renstra pagu, pagu perubahan, triwulan realisasi and Rp, PK awal and perubahan, IKU sheet, LKj."""
    renja = build_renja(periode, n_sub=n_sub)
    build_riwayat(periode, n=2)
    camat = renja.camat
    sasaran_ind = m.Indikator.objects.get(periode=periode, sasaran__isnull=False)
    program = m.Program.objects.get(periode=periode)
    for sub in m.SubKegiatan.objects.filter(kegiatan__program__periode=periode):
        m.Pagu.objects.create(subkegiatan=sub, tahun=2024, tahap=m.Pagu.Tahap.PERUBAHAN, jumlah=D(1000))
        m.RealisasiAnggaran.objects.create(subkegiatan=sub, tahun=2024, triwulan=1, jumlah=D(100))
    m.Realisasi.objects.create(indikator=sasaran_ind, tahun=2024, triwulan=1, nilai=D(20))
    for versi in ("awal", "perubahan"):
        pk = m.PerjanjianKinerja.objects.create(periode=periode, tahun=2024, versi=versi, camat=camat,
                                                pihak_kedua_nama="BUPATI", ttd_tanggal=datetime.date(2024, 1, 10))
        m.TargetPK.objects.create(perjanjian=pk, indikator=sasaran_ind, nilai=D(80))
        m.ProgramPK.objects.create(perjanjian=pk, program=program)
    m.PenetapanIKU.objects.create(periode=periode, tahun=2024, camat=camat)
    m.Dokumen.objects.create(periode=periode, jenis="lkj", tahun=2024, camat=camat)


@pytest.mark.parametrize("n_sub", [1, 50])
def test_the_snapshot_of_a_kecamatan_year_takes_a_fixed_number_of_queries(django_assert_num_queries, n_sub):
    periode = PeriodeFactory()
    build_tahun(periode, n_sub=n_sub)
    with django_assert_num_queries(QUERIES):
        data = periksa_data(periode.pk, 2024)
    assert sum(1 for _ in data.subkegiatan()) == n_sub
    with django_assert_num_queries(QUERIES):
        periksa(periode.pk, 2024)  # the checks themselves read no more


def test_the_snapshot_holds_what_the_checks_read():
    periode = PeriodeFactory()
    build_tahun(periode, n_sub=2)
    periode.kecamatan.jumlah_desa = 9
    periode.kecamatan.save()
    data = periksa_data(periode.pk, 2024)
    assert data.jumlah_desa == 9 and data.tahun == 2024 and data.renstra.tahun == (2024, 2025, 2026)
    assert set(data.dokumen) == {"renja-2024", "lkj-2024"}
    assert [t.label for t in data.tanda_tangan] == ["LKj 2024", "Renja 2024", "Perjanjian Kinerja awal 2024",
                                                   "Perubahan Perjanjian Kinerja 2024", "Lembar IKU 2024"]
    assert set(data.pk_id) == {"awal", "perubahan"} and data.iku_ditetapkan
    sub_ids = [s.id for s in data.subkegiatan()]
    assert data.rp_triwulan == {s: {1: D(100)} for s in sub_ids}
    assert data.pagu_renstra == {s: {2024: D(1000), 2025: D(1000), 2026: D(1000)} for s in sub_ids}
    assert data.lkj.pagu_perubahan == {s: D(1000) for s in sub_ids}
    assert len(data.riwayat.indikator) == 2 and len(data.riwayat.program) == 2
    assert all(kode in data.katalog for kode in (n.kode for n in data.nodes()))
    with pytest.raises(ValueError, match="di luar periode"):
        periksa_data(periode.pk, 2027)


def test_a_finding_on_live_data_links_to_a_page_that_exists(client):
    periode = PeriodeFactory()
    build_tahun(periode, n_sub=1)
    # a Camat saved around the model's validation (a 17-digit NIP, RENJA 890) signs the Renja
    salah = m.Camat.objects.create(kecamatan=periode.kecamatan, nama="Pujiyanto", nip="19611141990031004")
    m.Dokumen.objects.filter(periode=periode, jenis="renja").update(camat=salah)
    hasil = periksa(periode.pk, 2024)
    nip = [t for t in hasil.temuan if t.aturan == "nip-tidak-sah"]
    assert [(t.dokumen, t.tingkat) for t in nip] == [("renja-2024", "galat")]
    assert nip[0].tautan.url() == f"/renstra/{periode.pk}/camat/{salah.pk}/"  # the kecamatan's own Camat page
    for t in hasil.temuan:  # every link resolves
        if t.tautan:
            assert t.tautan.url().startswith("/")


def test_stored_counts_are_replaced_and_outdated_once_a_document_is_saved(django_assert_num_queries):
    periode = PeriodeFactory()
    build_tahun(periode, n_sub=1)
    hasil = periksa(periode.pk, 2024)
    with django_assert_num_queries(1):  # an upsert
        simpan_hasil(hasil)
    simpan_hasil(periksa(periode.pk, 2024))
    stored = m.HasilPeriksa.objects.get()
    assert (stored.galat, stored.peringatan) == (hasil.galat, hasil.peringatan)
    assert stored.per_dokumen["renja-2024"] == {"galat": hasil.untuk("renja-2024").galat,
                                                "peringatan": hasil.untuk("renja-2024").peringatan}
    assert stored.sidik == "renstra:0|renja-2024:1|realisasi-2024-1:0|realisasi-2024-2:0|realisasi-2024-3:0|" \
                           "realisasi-2024-4:0|lkj-2024:1"
    docs = list(m.Dokumen.objects.filter(periode=periode))
    assert not lencana_tahun(periode, docs, hasil_tersimpan([periode]))[2024].lama
    m.Dokumen.objects.filter(periode=periode, jenis="renja").update(versi=2)
    docs = list(m.Dokumen.objects.filter(periode=periode))
    assert lencana_tahun(periode, docs, hasil_tersimpan([periode]))[2024].lama
    badges = lencana_dokumen(periode, docs, hasil_tersimpan([periode]))
    assert set(badges) == set(hasil.ringkasan()) and badges["lkj-2024"].tahun == 2024


def test_a_camat_signing_outside_the_term_is_found_through_the_database():
    periode = PeriodeFactory()
    camat = CamatFactory(kecamatan=periode.kecamatan, mulai=datetime.date(2024, 6, 1))
    m.Dokumen.objects.create(periode=periode, jenis="renstra", camat=camat, ttd_tanggal=datetime.date(2023, 5, 1))
    hasil = periksa(periode.pk, 2024)
    assert [t.aturan for t in hasil.temuan if t.dokumen == "renstra"] == ["penandatangan-masa-jabatan"]
