"""The pages of the checker: the kecamatan-year page (grouped, counted, linked, fixed query count),
the document page's list, submitting with galat (refused until confirmed, then recorded), the
document list's badges and Bappeda's counts of every kecamatan on the dashboard."""

import datetime
from decimal import Decimal as D

import pytest
from django.urls import reverse

from kecamatan import models as m
from kecamatan.models import Peran
from tests.checks.test_selectors import build_tahun
from tests.factories import PeriodeFactory, build_cascade, user_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def tahun():
    periode = PeriodeFactory()
    build_tahun(periode, n_sub=2)
    return periode


@pytest.mark.parametrize("n_sub", [1, 50])
def test_the_page_of_a_kecamatan_year_has_a_fixed_query_count(client, django_assert_num_queries, n_sub):
    periode = PeriodeFactory()
    build_tahun(periode, n_sub=n_sub)
    client.force_login(user_with_role("bappeda", Peran.VERIFIKATOR))
    # session, user, profil, periode, the snapshot's 40, the stored counts' upsert
    with django_assert_num_queries(45):
        response = client.get(reverse("kecamatan:periksa", args=[periode.pk, 2024]))
    assert response.status_code == 200
    assert m.HasilPeriksa.objects.filter(periode=periode, tahun=2024).exists()


def test_the_page_groups_findings_by_document_and_rule(client, tahun):
    m.Indikator.objects.filter(periode=tahun, subkegiatan__isnull=False).update(satuan="")
    # 17 digits: fixed on the kecamatan's Camat page; the LKj signed after the Camat's term: fixed on
    # the LKj's signatory page; a percentage of desa while the kecamatan's number of desa is unknown:
    # only the admin kabupaten can fill it in
    m.Camat.objects.filter(kecamatan=tahun.kecamatan).update(nip="19611141990031004", selesai=datetime.date(2024, 6, 30))
    m.Dokumen.objects.filter(periode=tahun, jenis="lkj").update(ttd_tanggal=datetime.date(2025, 2, 1))
    m.Kecamatan.objects.filter(pk=tahun.kecamatan_id).update(jumlah_desa=None)
    m.Indikator.objects.filter(periode=tahun, sasaran__isnull=False).update(
        satuan="%", formula="Jumlah desa yang menyusun RKPDes tepat waktu dibagi jumlah desa dikali 100")
    client.force_login(user_with_role("op", Peran.OPERATOR, tahun.kecamatan))
    html = client.get(reverse("kecamatan:periksa", args=[tahun.pk, 2024])).content.decode()
    assert html.count('class="card mb-3 dokumen-periksa"') == 7  # Renstra, Renja, TW I-IV, LKj
    renstra = html[html.index('data-kunci="renstra"'):html.index('data-kunci="renja-2024"')]
    assert 'data-aturan="indikator-tanpa-satuan"' in renstra and "Indikator tanpa satuan" in renstra
    ind = m.Indikator.objects.filter(periode=tahun, subkegiatan__isnull=False).first()
    assert f'href="{reverse("kecamatan:indikator_ubah", args=[ind.pk])}"' in renstra
    assert 'data-galat="2"' in renstra  # the two sub-kegiatan indicators
    camat = m.Camat.objects.filter(kecamatan=tahun.kecamatan).first()
    assert f'href="{reverse("kecamatan:renstra_camat_ubah", args=[tahun.pk, camat.pk])}"' in html
    lkj = html[html.index('data-kunci="lkj-2024"'):]
    assert f'href="{reverse("kecamatan:lkj_penandatangan", args=[tahun.pk, 2024])}"' in lkj
    # the operator is told who can fix what sits in the admin; the link itself is for staff only
    assert 'data-aturan="kelipatan-desa"' in renstra and "admin kabupaten" in renstra and "/admin/" not in html
    only = client.get(reverse("kecamatan:periksa", args=[tahun.pk, 2024]) + "?dokumen=renstra").content.decode()
    assert only.count('class="card mb-3 dokumen-periksa"') == 1 and "tampilkan semua dokumen" in only


def test_a_year_outside_the_period_is_404(client, tahun):
    client.force_login(user_with_role("bappeda", Peran.VERIFIKATOR))
    assert client.get(reverse("kecamatan:periksa", args=[tahun.pk, 2030])).status_code == 404


def test_submitting_with_galat_needs_a_confirmation_and_is_recorded(client, tahun):
    camat = user_with_role("camat.uji", Peran.CAMAT, tahun.kecamatan)
    client.force_login(camat)
    page = reverse("kecamatan:dokumen", args=[tahun.pk, "renstra"])
    html = client.get(page).content.decode()
    assert 'id="pemeriksaan"' in html and 'name="konfirmasi_galat"' not in html  # asked on the confirmation
    url = reverse("kecamatan:ajukan", args=[tahun.pk, "renstra"])
    # the Ajukan button answers with the confirmation page, which asks to tick that the galat were read
    konfirmasi = client.post(url, {"next": page}).content.decode()
    assert 'id="konfirmasi"' in konfirmasi and 'name="konfirmasi_galat"' in konfirmasi
    versi = m.Dokumen.objects.filter(periode=tahun, jenis="renstra").values_list("versi", flat=True).first() or 0
    response = client.post(url, {"next": page, "konfirmasi": "1", "versi": versi})
    assert response.status_code == 200 and 'name="konfirmasi_galat"' in response.content.decode()
    assert "belum diajukan: pemeriksaan konsistensi masih menemukan" in response.content.decode()
    assert not m.Dokumen.objects.filter(periode=tahun, jenis="renstra", status="diajukan").exists()
    client.post(url, {"konfirmasi_galat": "1", "konfirmasi": "1", "versi": versi})
    dokumen = m.Dokumen.objects.get(periode=tahun, jenis="renstra")
    assert dokumen.status == "diajukan"
    riwayat = dokumen.riwayat.get(aksi="ajukan")
    stored = m.HasilPeriksa.objects.get(periode=tahun, tahun=2024).per_dokumen["renstra"]
    assert riwayat.catatan == (f"Diajukan dengan {stored['galat']} galat dan {stored['peringatan']} peringatan "
                               "pemeriksaan konsistensi.")


def test_a_document_without_galat_is_submitted_at_once(client):
    periode = PeriodeFactory()
    build_cascade(periode, n_sub=1)
    camat = user_with_role("camat.uji", Peran.CAMAT, periode.kecamatan)
    client.force_login(camat)
    client.post(reverse("kecamatan:ajukan", args=[periode.pk, "lkj-2024"]), {"konfirmasi": "1", "versi": 0})
    dokumen = m.Dokumen.objects.get(periode=periode, jenis="lkj")
    assert dokumen.status == "diajukan"
    assert dokumen.riwayat.get(aksi="ajukan").catatan.startswith("Diajukan dengan 0 galat dan ")


def test_document_list_and_dashboard_show_the_stored_counts(client, tahun):
    bappeda = user_with_role("bappeda", Peran.VERIFIKATOR)
    client.force_login(bappeda)
    home = client.get(reverse("kecamatan:beranda")).content.decode()
    assert 'id="periksa-kabupaten"' in home and "belum diperiksa" in home
    client.get(reverse("kecamatan:periksa", args=[tahun.pk, 2024]))
    stored = m.HasilPeriksa.objects.get(periode=tahun, tahun=2024)
    home = client.get(reverse("kecamatan:beranda")).content.decode()
    table = home[home.index('id="periksa-kabupaten"'):home.index("Rencana Strategis (Renstra) dan dokumen")]
    assert f'data-galat="{stored.galat}" data-peringatan="{stored.peringatan}"' in table
    assert "perlu diperiksa ulang" not in table
    listing = client.get(reverse("kecamatan:dokumen_list", args=[tahun.pk])).content.decode()
    renja = stored.per_dokumen["renja-2024"]
    row = listing[listing.index('data-kunci="renja-2024"'):]
    assert f'data-galat="{renja["galat"]}" data-peringatan="{renja["peringatan"]}"' in row.split("</tr>")[0]
    # someone saves the Renja: the counts are shown as outdated until the next check
    m.Dokumen.objects.filter(periode=tahun, jenis="renja").update(versi=5)
    home = client.get(reverse("kecamatan:beranda")).content.decode()
    assert "perlu diperiksa ulang" in home[home.index('id="periksa-kabupaten"'):]


def test_kecamatan_staff_see_their_counts_on_the_dashboard_but_not_the_kabupaten_table(client, tahun):
    client.force_login(user_with_role("op", Peran.OPERATOR, tahun.kecamatan))
    client.get(reverse("kecamatan:periksa", args=[tahun.pk, 2024]))
    home = client.get(reverse("kecamatan:beranda")).content.decode()
    assert 'id="periksa-kabupaten"' not in home
    assert 'class="small mb-2 periksa-periode"' in home and 'data-galat="' in home


def test_the_document_page_lists_only_its_own_findings(client, tahun):
    m.Realisasi.objects.create(indikator=m.Indikator.objects.filter(periode=tahun, sasaran__isnull=False).get(),
                               tahun=2024, triwulan=3, nilai=D(10))  # TW III after TW I, TW II empty
    client.force_login(user_with_role("bappeda", Peran.VERIFIKATOR))
    tw3 = client.get(reverse("kecamatan:dokumen", args=[tahun.pk, "realisasi-2024-3"])).content.decode()
    panel = tw3[tw3.index('id="pemeriksaan"'):tw3.index('id="timeline"') if 'id="timeline"' in tw3 else None]
    assert 'data-aturan="realisasi-lompat-triwulan"' in panel and 'data-aturan="indikator-tanpa-target"' not in panel
