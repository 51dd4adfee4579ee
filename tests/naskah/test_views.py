"""The document pages: preview with edit links for editors only, the section editor offering last
year's text, saving, the lock of a submitted document, typed HTML shown as text, and a fixed
number of queries whatever the size of the Renstra."""

import pytest
from django.urls import reverse

from kecamatan.models import Dokumen, Indikator, Narasi, Peran, Periode, Sasaran, Tujuan
from kecamatan.naskah.selectors import Kunci, naskah_data
from tests.factories import CamatFactory, PeriodeFactory, build_cascade, user_with_role

pytestmark = pytest.mark.django_db

EVIL = '<script>alert("x")</script>\n<img src=http://example.invalid/logo.png>'


def make_periode(n_sub: int) -> Periode:
    periode = PeriodeFactory()
    CamatFactory(kecamatan=periode.kecamatan)
    build_cascade(periode, n_sub=n_sub)
    tujuan = Tujuan.objects.create(periode=periode, uraian="Tujuan uji")
    sasaran = Sasaran.objects.create(tujuan=tujuan, uraian="Sasaran uji")
    Indikator.objects.create(tujuan=tujuan, uraian="Indeks uji", satuan="Indeks")
    Indikator.objects.create(sasaran=sasaran, uraian="Persentase uji", satuan="Persen", iku=True)
    return periode


@pytest.fixture
def periode():
    return make_periode(2)


def url(periode, name, *args, kunci="lkj-2024"):
    return reverse(f"kecamatan:{name}", args=[periode.pk, kunci, *args])


def client_as(client, periode, peran=Peran.OPERATOR, username="op"):
    user = user_with_role(username, peran, periode.kecamatan if peran in (Peran.OPERATOR, Peran.CAMAT) else None)
    client.force_login(user)
    return user


def test_preview_shows_the_document_and_edit_links_to_editors_only(client, periode):
    client_as(client, periode)
    html = client.get(url(periode, "naskah")).content.decode()
    assert "LAPORAN KINERJA" in html and "BAB III" in html and "Tabel 3.9" in html
    assert url(periode, "naskah_bagian", "kata-pengantar") in html
    assert url(periode, "naskah_draf", "ringkasan-pengukuran") in html
    client_as(client, periode, Peran.VERIFIKATOR, "bappeda")
    html = client.get(url(periode, "naskah")).content.decode()
    assert "LAPORAN KINERJA" in html and url(periode, "naskah_bagian", "kata-pengantar") not in html


def test_every_kind_of_document_has_a_preview(client, periode):
    client_as(client, periode)
    for kunci, text in (("renstra", "RENCANA STRATEGIS"), ("renja-2025", "RENCANA KERJA (RENJA)"), ("lkj-2026", "TAHUN 2026")):
        response = client.get(url(periode, "naskah", kunci=kunci))
        assert response.status_code == 200 and text in response.content.decode(), kunci
    assert client.get(url(periode, "naskah", kunci="realisasi-2024-1")).status_code == 404
    assert client.get(url(periode, "naskah", kunci="lkj-2030")).status_code == 404


def test_saving_a_section_and_reading_it_back(client, periode):
    user = client_as(client, periode)
    page = client.get(url(periode, "naskah_bagian", "kata-pengantar"))
    assert page.status_code == 200 and page.context["form"].initial["versi"] == 0
    response = client.post(url(periode, "naskah_bagian", "kata-pengantar"),
                           {"teks": "Puji syukur.\n- butir **satu**", "versi": 0})
    assert response.status_code == 302 and response["Location"].endswith("#n-kata-pengantar")
    dokumen = Dokumen.objects.get(periode=periode, jenis="lkj", tahun=2024)
    assert Narasi.objects.get(dokumen=dokumen, kunci="kata-pengantar").diubah_oleh == user
    html = client.get(url(periode, "naskah")).content.decode()
    assert "<p>Puji syukur.</p><ul><li>butir <strong>satu</strong></li></ul>" in html
    stale = client.post(url(periode, "naskah_bagian", "kata-pengantar"), {"teks": "Versi lama.", "versi": 0})
    assert stale.status_code == 200 and "TIDAK disimpan" in stale.content.decode()


def test_an_unknown_section_is_404(client, periode):
    client_as(client, periode)
    assert client.get(url(periode, "naskah_bagian", "tidak-ada")).status_code == 404
    assert client.get(url(periode, "naskah_draf", "tidak-ada")).status_code == 404


def test_last_years_text_is_the_starting_point_of_an_empty_section(client, periode):
    client_as(client, periode)
    lama = Dokumen.objects.create(periode=periode, jenis=Dokumen.Jenis.LKJ, tahun=2024)
    Narasi.objects.create(dokumen=lama, kunci="kata-pengantar", teks="Pengantar 2024.")
    page = client.get(url(periode, "naskah_bagian", "kata-pengantar", kunci="lkj-2025"))
    assert page.context["form"].initial["teks"] == "Pengantar 2024."
    assert "dari-tahun-lalu" in page.content.decode()
    assert not Narasi.objects.filter(dokumen__tahun=2025).exists()  # offered, not saved
    preview = client.get(url(periode, "naskah", kunci="lkj-2025")).content.decode()
    assert "form-salin" in preview
    client.post(url(periode, "naskah_salin", kunci="lkj-2025"), {"versi": 0})
    assert Narasi.objects.get(dokumen__tahun=2025, kunci="kata-pengantar").teks == "Pengantar 2024."


def test_a_submitted_document_is_shown_read_only(client, periode):
    client_as(client, periode)
    Dokumen.objects.create(periode=periode, jenis=Dokumen.Jenis.LKJ, tahun=2024, status=Dokumen.Status.DIAJUKAN)
    html = client.get(url(periode, "naskah")).content.decode()
    assert url(periode, "naskah_bagian", "kata-pengantar") not in html and "naskah terkunci" in html
    response = client.get(url(periode, "naskah_bagian", "kata-pengantar"), follow=True)
    assert "naskahnya tidak dapat diubah" in response.content.decode()
    client.post(url(periode, "naskah_bagian", "kata-pengantar"), {"teks": "Diam-diam.", "versi": 1})
    assert not Narasi.objects.exists()


def test_keeping_editing_and_returning_to_a_draft(client, periode):
    client_as(client, periode)
    page = client.get(url(periode, "naskah_draf", "ringkasan-pengukuran"))
    draf = page.context["piece"].draf
    assert draf.startswith("Dari 2 indikator kinerja tujuan dan sasaran strategis tahun 2024 (Tabel 3.3):")
    client.post(url(periode, "naskah_draf", "ringkasan-pengukuran"), {"teks": "Ringkasan saya.", "versi": 0, "draf": draf,
                                                            "aksi": "simpan"})
    row = Narasi.objects.get(kunci="draf:ringkasan-pengukuran")
    assert (row.teks, row.draf_dasar) == ("Ringkasan saya.", draf)
    Narasi.objects.filter(pk=row.pk).update(draf_dasar="Draf dengan angka lama.")
    page = client.get(url(periode, "naskah_draf", "ringkasan-pengukuran"))
    assert page.context["piece"].berubah and "draf-berubah" in page.content.decode()
    assert "draf berubah" in client.get(url(periode, "naskah")).content.decode()
    client.post(url(periode, "naskah_draf", "ringkasan-pengukuran"), {"teks": "", "versi": 1, "aksi": "kembalikan"})
    assert not Narasi.objects.filter(kunci="draf:ringkasan-pengukuran").exists()


def test_typed_html_is_shown_as_text_in_the_preview_and_the_print_html(client, periode):
    client_as(client, periode)
    client.post(url(periode, "naskah_bagian", "kata-pengantar"), {"teks": EVIL, "versi": 0})
    for page in (client.get(url(periode, "naskah")), client.get(url(periode, "naskah_unduh", "html"))):
        html = page.content.decode()
        assert '<script>alert("x")</script>' not in html and "<img src=http://example.invalid" not in html
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
        assert "&lt;img src=http://example.invalid/logo.png&gt;" in html


@pytest.mark.parametrize("n_sub", [1, 50])
def test_queries_do_not_grow_with_the_renstra(django_assert_num_queries, n_sub):
    periode = make_periode(n_sub)
    dokumen = Dokumen.objects.create(periode=periode, jenis=Dokumen.Jenis.LKJ, tahun=2024)
    Narasi.objects.create(dokumen=dokumen, kunci="kata-pengantar", teks="Teks.")
    periode = Periode.objects.select_related("kecamatan__kabupaten").get(pk=periode.pk)
    # the kind's snapshot (lkj_data 20, renja_data 22 with the aktivitas that sum the Renja dana,
    # renstra_lengkap 24) + the document, its narrative
    for kunci, queries in ((Kunci("lkj", 2024), 23), (Kunci("renja", 2024), 24), (Kunci("renstra"), 25)):
        with django_assert_num_queries(queries):
            naskah_data(periode, kunci)


@pytest.mark.parametrize("n_sub", [1, 50])
def test_preview_queries_do_not_grow(client, django_assert_num_queries, n_sub):
    periode = make_periode(n_sub)
    for jenis, tahun in (("lkj", 2024), ("renja", 2024), ("renstra", None)):
        dokumen = Dokumen.objects.create(periode=periode, jenis=jenis, tahun=tahun)
        Narasi.objects.create(dokumen=dokumen, kunci="kata-pengantar", teks="Teks.")
    client_as(client, periode)
    # + session, user, profil, periode, last year's document
    for kunci, queries in (("lkj-2024", 28), ("renja-2024", 30), ("renstra", 31)):
        with django_assert_num_queries(queries):
            assert client.get(url(periode, "naskah", kunci=kunci)).status_code == 200
