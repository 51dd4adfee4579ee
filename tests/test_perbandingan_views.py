"""The comparison pages against the database: fixed query counts at 3, 21 and 210 kecamatan,
figures that agree with each kecamatan's own triwulan page, filters, access."""

import datetime
import io
from decimal import Decimal as D

import pytest
from django.core.management import call_command
from django.urls import reverse

from kecamatan.acuan.services import HasilAcuan, muat_nomenklatur
from kecamatan.demo.kabupaten import bangun_demo, kabupaten_sintetis
from kecamatan.models import Indikator, Kabupaten, Kecamatan, Peran, Periode, Realisasi
from kecamatan.perbandingan.data import Pilihan
from kecamatan.perbandingan.rules import kunci_indikator
from kecamatan.perbandingan.selectors import matriks_data, penyerapan_data
from kecamatan.perbandingan.tables.common import kolom_indikator
from kecamatan.perbandingan.tables.matriks import baris_matriks, build_matriks
from kecamatan.perbandingan.tables.penyerapan import baris_penyerapan
from kecamatan.realisasi.selectors import realisasi_triwulan_data
from kecamatan.realisasi.tables.triwulan import build_realisasi
from tests.factories import KabupatenFactory, user_with_role

pytestmark = pytest.mark.django_db

SAMPAI = datetime.date(2025, 11, 1)
PAGES = ["kecamatan:perbandingan", "kecamatan:perbandingan_penyerapan", "kecamatan:perbandingan_kelengkapan",
         "kecamatan:perbandingan_tren"]
# session, user, profil with its kabupaten; years; then the selector (see selectors_perbandingan)
QUERIES = {"kecamatan:perbandingan": 11, "kecamatan:perbandingan_penyerapan": 14,
           "kecamatan:perbandingan_kelengkapan": 11, "kecamatan:perbandingan_tren": 14}


@pytest.fixture
def bappeda(client):
    """A verifikator of the synthetic kabupaten the tests build (made here, before its kecamatan):
    the comparison shows the user's own kabupaten (issue 21)."""
    kabupaten = KabupatenFactory(slug="sintetis-001", nama="Sintetis 001", provinsi="Provinsi Uji", demo=True)
    client.force_login(user_with_role("bappeda.uji", Peran.VERIFIKATOR, kabupaten=kabupaten))
    return client


@pytest.fixture
def bappeda_lumajang(client, demo):
    lumajang = Kabupaten.objects.get(slug="lumajang")
    client.force_login(user_with_role("bappeda.uji", Peran.VERIFIKATOR, kabupaten=lumajang))
    return client


def synthetic(n: int) -> Kabupaten:
    muat_nomenklatur(HasilAcuan())
    kabupaten_sintetis(1, per_kabupaten=n, sampai=SAMPAI)
    return Kabupaten.objects.get(slug="sintetis-001")


def _url(name, **query):
    params = {"kabupaten": "sintetis-001", "tahun": 2025, "triwulan": 2, **query}
    return reverse(name) + "?" + "&".join(f"{k}={v}" for k, v in params.items())


@pytest.mark.parametrize("n_kecamatan", [3, 21])
def test_each_page_runs_a_fixed_number_of_queries(bappeda, django_assert_num_queries, n_kecamatan):
    synthetic(n_kecamatan)
    assert Periode.objects.filter(demo=True).count() == n_kecamatan
    for name in PAGES:
        with django_assert_num_queries(QUERIES[name]):
            response = bappeda.get(_url(name, kecamatan="sintetis-001-002"))
        assert response.status_code == 200, name
        rows = response.content.count(b'<tr class="baris-kecamatan">')
        assert rows == (6 if name.endswith("tren") else n_kecamatan), name  # trend: 2024 TW I … 2025 TW II
    with django_assert_num_queries(QUERIES["kecamatan:perbandingan"]):
        assert bappeda.get(_url("kecamatan:perbandingan", program="7.01.06", urut="capaian")).status_code == 200


def test_query_count_holds_at_210_kecamatan_built_by_the_demo_command(bappeda, django_assert_num_queries):
    muat_nomenklatur(HasilAcuan())
    call_command("demo_kabupaten", "--sintetis", "1", "--kecamatan", "210", "--sampai", "2024-05-01",
                 stdout=io.StringIO())
    assert Periode.objects.filter(kecamatan__kabupaten__slug="sintetis-001").count() == 210
    for name in PAGES:
        with django_assert_num_queries(QUERIES[name]):
            response = bappeda.get(_url(name, tahun=2024, triwulan=1, kecamatan="sintetis-001-100"))
        assert response.status_code == 200
        rows = response.content.count(b'<tr class="baris-kecamatan">')
        assert rows == (1 if name.endswith("tren") else 210), name


def test_matrix_cells_agree_with_each_kecamatan_own_triwulan_page():
    kabupaten = synthetic(6)
    for tahun, tw in [(2025, 2), (2024, 4), (2025, 3)]:
        data = matriks_data(kabupaten, Pilihan(tahun, tw, SAMPAI))
        kolom, _ = kolom_indikator(data)
        assert len(kolom) == 3  # the IPP and the two sasaran IKU, matched across the six kecamatan
        checked = 0
        for row in baris_matriks(data, kolom):
            periode = Periode.objects.get(pk=row.kecamatan.periode_id)
            own = build_realisasi(realisasi_triwulan_data(periode, tahun, tw))
            own_rows = {b.data.id: b for g in own.kelompok for b in g.baris}
            for sel in row.sel:
                mine = own_rows[sel.indikator.id]
                assert sel.target.nilai == mine.data.target.nilai
                assert sel.realisasi == mine.kumulatif
                assert sel.capaian == mine.capaian
                checked += 1
        assert checked == 18


def test_absorption_agrees_with_each_kecamatan_own_triwulan_page():
    kabupaten = synthetic(4)
    for tahun, tw in [(2025, 2), (2024, 4)]:
        rows = baris_penyerapan(penyerapan_data(kabupaten, Pilihan(tahun, tw, SAMPAI)))
        assert len(rows) == 4
        for row in rows:
            own = build_realisasi(realisasi_triwulan_data(Periode.objects.get(pk=row.kecamatan.periode_id), tahun, tw))
            assert (row.pagu, row.realisasi, row.penyerapan) == (own.total_pagu, own.total_kumulatif,
                                                                  own.total_penyerapan)


def test_a_variant_wording_lands_in_the_same_column():
    kabupaten = synthetic(3)
    first = Indikator.objects.filter(periode__kecamatan__slug="sintetis-001-001",
                                     uraian__startswith="Persentase hasil fasilitasi").get()
    first.uraian = "Presentase hasil fasilitasi dan koordinasi yang ditindak lanjuti"  # as the Jatiroto LKj writes it
    first.save()
    data = matriks_data(kabupaten, Pilihan(2025, 2, SAMPAI))
    kolom, single = kolom_indikator(data)
    fasilitasi = next(c for c in kolom if c.label == "Fasilitasi dan koordinasi ditindaklanjuti")
    assert len(fasilitasi.per_kecamatan) == 3 and single == 0


def test_program_and_indicator_filters(bappeda):
    kabupaten = synthetic(3)
    data = matriks_data(kabupaten, Pilihan(2025, 2, SAMPAI, program="7.01.06"))
    kolom, _ = kolom_indikator(data)
    labels = [c.label for c in kolom]
    assert "Persentase Desa yang menetapkan RKPDes Tepat Waktu" in labels
    assert all(i.program_kode == "7.01.06" for i in data.indikator)
    key = kunci_indikator("Persentase Desa yang menetapkan LPPDes Tepat Waktu")
    response = bappeda.get(_url("kecamatan:perbandingan", program="7.01.06", indikator=key))
    assert response.status_code == 200
    report = build_matriks(matriks_data(kabupaten, Pilihan(2025, 2, SAMPAI, program="7.01.06", indikator=key)))
    assert [g for g, _, _ in report.header_groups()][2] == "Persentase Desa yang menetapkan LPPDes Tepat Waktu (Persen)"


def test_pages_mark_demo_data_and_link_to_the_kecamatan_pages(bappeda):
    synthetic(3)
    html = bappeda.get(_url("kecamatan:perbandingan")).content.decode()
    assert 'id="tanda-demo"' in html and "Sintetis 001-001 (demo)" in html
    periode = Periode.objects.get(kecamatan__slug="sintetis-001-001")
    assert f'href="/renstra/{periode.pk}/realisasi/2025/2/#indikator-' in html
    assert f'href="/renstra/{periode.pk}/dokumen/realisasi-2025-2/"' in html
    assert '<svg xmlns="http://www.w3.org/2000/svg" id="grafik-capaian"' in html
    own = bappeda.get(reverse("kecamatan:renstra_detail", args=[periode.pk])).content.decode()
    assert 'id="tanda-demo"' in own


def _two_more(sampai=SAMPAI):
    """Two generated kecamatan beside Randuagung's real Renstra: enough to compare."""
    bangun_demo(Kecamatan.objects.filter(nama__in=["Klakah", "Tekung"]).select_related("kabupaten"), sampai=sampai)


def test_default_is_the_latest_ended_triwulan_within_the_renstra_years(bappeda_lumajang):
    bappeda = bappeda_lumajang
    _two_more()
    response = bappeda.get(reverse("kecamatan:perbandingan"))
    assert response.status_code == 200
    pilihan = response.context["pilihan"]
    assert (pilihan.tahun, pilihan.triwulan) in {(2026, 1), (2026, 2), (2026, 3), (2026, 4)}
    assert bappeda.get(reverse("kecamatan:perbandingan") + "?tahun=2031").status_code == 404
    assert bappeda.get(reverse("kecamatan:perbandingan") + "?triwulan=5").status_code == 404
    assert bappeda.get(reverse("kecamatan:perbandingan") + "?kabupaten=atlantis").status_code == 404
    assert bappeda.get(reverse("kecamatan:perbandingan") + "?urut=../../etc").status_code == 200


def test_kecamatan_staff_get_404_even_for_downloads(client, demo):
    client.force_login(user_with_role("op.uji", Peran.OPERATOR, Periode.objects.get(kecamatan__nama="Randuagung").kecamatan))
    for name in PAGES:
        assert client.get(reverse(name)).status_code == 404
    assert client.get(reverse("kecamatan:perbandingan_unduh", args=["matriks", "pdf"])).status_code == 404


@pytest.mark.sqlite
def test_randuagung_real_figures_are_compared_as_entered(randuagung):
    """A real kecamatan's own entries show up unchanged beside the generated ones."""
    _two_more()
    ind = Indikator.objects.get(periode=randuagung, uraian__startswith="Persentase hasil fasilitasi")
    Realisasi.objects.create(indikator=ind, tahun=2025, triwulan=1, nilai=D("40"))
    data = matriks_data(Kabupaten.objects.get(slug="lumajang"), Pilihan(2025, 1, SAMPAI))
    kolom, _ = kolom_indikator(data)
    row = next(r for r in baris_matriks(data, kolom) if r.kecamatan.nama == "Randuagung")
    sel = next(s for s in row.sel if s and s.indikator.id == ind.pk)
    assert sel.target.nilai == D("84.31") and sel.realisasi == D(40) and sel.capaian == D(40) / D("84.31") * 100
    assert not row.kecamatan.demo


def test_completeness_page_follows_the_deadlines_the_kabupaten_set(bappeda):
    """The admin kabupaten's deadlines reach the page: later deadlines, fewer documents late."""
    kab = synthetic(3)
    url = _url("kecamatan:perbandingan_kelengkapan")

    def late(response):
        return response.context["sections"][0]["report"].rows[-1].cells["terlambat"]

    before = bappeda.get(url)
    assert "TW I, tenggat 15 April 2025" in before.content.decode() and late(before) > 0
    Kabupaten.objects.filter(pk=kab.pk).update(tenggat_realisasi_hari=90, tenggat_renja_tanggal=31,
                                               tenggat_renja_bulan=12, tenggat_lkj_tanggal=31, tenggat_lkj_bulan=3)
    after = bappeda.get(url)
    html = after.content.decode()
    assert "TW I, tenggat 29 Juni 2025" in html and "Renja 2025, tenggat 31 Desember 2024" in html
    assert "Realisasi triwulan: 90 hari setelah triwulan berakhir" in html
    assert late(after) < late(before)
