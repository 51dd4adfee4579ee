"""The admin kabupaten's pages on the kabupaten and its kecamatan: profile, kabupaten data and
Tabel 3.1 scale (refused when changed meanwhile), periods, and retiring generated demo data."""

from decimal import Decimal as D

import pytest
from django.test import Client
from django.urls import reverse

from kecamatan.kelola import selectors
from kecamatan.models import Dokumen, Indikator, Kabupaten, Kecamatan, Periode, SkalaKriteria, SubKegiatan
from tests.factories import KecamatanFactory, PeriodeFactory, build_renja, user_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def klakah():
    return KecamatanFactory(nama="Klakah")


@pytest.fixture
def admin_client(klakah):
    client = Client()
    client.force_login(user_with_role("adm", "admin"))
    return client


def _profil(kec, **extra):
    return {"alamat": "Jalan Raya Klakah No. 1", "telepon": "(0334) 123456", "email": "klakah@example.org",
            "kode_pos": "67356", "jumlah_desa": "12", "sidik": selectors.sidik_kecamatan(kec), **extra}


def test_kecamatan_profile_saves_checks_its_fields_and_refuses_a_stale_page(admin_client, klakah):
    url = reverse("kecamatan:kelola_kecamatan", args=[klakah.pk])
    response = admin_client.post(url, _profil(klakah, kode_pos="6735"))
    assert "Kode pos terdiri atas 5 angka." in response.content.decode()
    stale = _profil(klakah)
    Kecamatan.objects.filter(pk=klakah.pk).update(telepon="(0334) 999")
    response = admin_client.post(url, stale)
    assert "sudah diubah orang lain" in response.content.decode()
    klakah.refresh_from_db()
    assert klakah.alamat == ""
    assert admin_client.post(url, _profil(klakah)).status_code == 302
    klakah.refresh_from_db()
    assert (klakah.alamat, klakah.kode_pos, klakah.jumlah_desa) == ("Jalan Raya Klakah No. 1", "67356", 12)


def test_kecamatan_of_another_kabupaten_is_not_found(admin_client):
    other = KecamatanFactory(kabupaten=Kabupaten.objects.create(nama="Jember", provinsi="Jawa Timur", slug="jember"))
    assert admin_client.get(reverse("kecamatan:kelola_kecamatan", args=[other.pk])).status_code == 404


TENGGAT_KINI = {"tenggat_realisasi_hari": "15", "tenggat_renja_tanggal": "30", "tenggat_renja_bulan": "6",
                "tenggat_lkj_tanggal": "29", "tenggat_lkj_bulan": "2"}


def test_kabupaten_data_and_stale_page(admin_client, klakah):
    kab = klakah.kabupaten
    url = reverse("kecamatan:kelola_kabupaten")
    data = {"nama": "Lumajang", "provinsi": "Jawa Timur", "bappeda": "Bappelitbangda", "alamat_bappeda": "Jl. Alun-alun",
            "sidik": selectors.sidik_kabupaten(kab), **TENGGAT_KINI}
    assert admin_client.post(url, data).status_code == 302
    kab.refresh_from_db()
    assert (kab.bappeda, kab.alamat_bappeda) == ("Bappelitbangda", "Jl. Alun-alun")
    response = admin_client.post(url, {**data, "bappeda": "Lain"})  # the fingerprint of before the first save
    assert "sudah diubah orang lain" in response.content.decode()
    kab.refresh_from_db()
    assert kab.bappeda == "Bappelitbangda"


def test_kabupaten_deadlines_saved_and_a_date_that_does_not_exist_refused_at_its_field(admin_client, klakah):
    kab = klakah.kabupaten
    url = reverse("kecamatan:kelola_kabupaten")
    page = admin_client.get(url).content.decode()
    assert "Tenggat pengajuan" in page and 'name="tenggat_realisasi_hari" value="15"' in page
    assert "belum dapat diubah" not in page  # the fixed, read-only list is gone
    data = {"nama": kab.nama, "provinsi": kab.provinsi, "bappeda": kab.bappeda, "alamat_bappeda": "",
            "sidik": selectors.sidik_kabupaten(kab), "tenggat_realisasi_hari": "20", "tenggat_renja_tanggal": "31",
            "tenggat_renja_bulan": "7", "tenggat_lkj_tanggal": "31", "tenggat_lkj_bulan": "3"}
    for field, bad, message in [
        ("tenggat_renja_tanggal", {"tenggat_renja_tanggal": "29", "tenggat_renja_bulan": "2"},
         "Tanggal 29 Februari tidak ada setiap tahun; pilih 28 Februari."),
        ("tenggat_lkj_tanggal", {"tenggat_lkj_tanggal": "31", "tenggat_lkj_bulan": "4"},
         "Tanggal 31 April tidak ada; April paling banyak 30 hari."),
        ("tenggat_lkj_tanggal", {"tenggat_lkj_tanggal": "30", "tenggat_lkj_bulan": "2"},
         "Tanggal 30 Februari tidak ada; Februari paling banyak 29 hari."),
        ("tenggat_realisasi_hari", {"tenggat_realisasi_hari": "91"}, "Paling lama 90 hari setelah triwulan berakhir."),
    ]:
        response = admin_client.post(url, {**data, **bad})
        html = response.content.decode()
        assert response.status_code == 200 and message in html, bad
        assert f'id="error_1_id_{field}"' in html, bad  # at the field
    kab.refresh_from_db()
    assert kab.tenggat_realisasi_hari == 15
    assert admin_client.post(url, data).status_code == 302
    kab.refresh_from_db()
    assert (kab.tenggat_realisasi_hari, kab.tenggat_renja_tanggal, kab.tenggat_renja_bulan, kab.tenggat_lkj_tanggal,
            kab.tenggat_lkj_bulan) == (20, 31, 7, 31, 3)
    stale = admin_client.post(url, {**data, "tenggat_realisasi_hari": "25"})  # the fingerprint of before
    assert "sudah diubah orang lain" in stale.content.decode()
    kab.refresh_from_db()
    assert kab.tenggat_realisasi_hari == 20
    index = admin_client.get(reverse("kecamatan:kelola")).content.decode()
    assert "Realisasi triwulan: 20 hari setelah triwulan berakhir" in index and "Renja tahun N: 31 Juli tahun N-1" in index


def _skala(rows, kab):
    data = {"skala-TOTAL_FORMS": str(len(rows)), "skala-INITIAL_FORMS": "0", "skala-MIN_NUM_FORMS": "0",
            "skala-MAX_NUM_FORMS": "1000", "sidik": selectors.sidik_skala(kab)}
    for i, (tahun, batas, kriteria) in enumerate(rows):
        data.update({f"skala-{i}-berlaku_mulai": tahun, f"skala-{i}-batas_bawah": batas, f"skala-{i}-kriteria": kriteria})
    return data


def test_skala_replaced_as_a_whole_and_needs_a_lowest_band(admin_client, klakah):
    kab = klakah.kabupaten
    url = reverse("kecamatan:kelola_skala")
    response = admin_client.post(url, _skala([("2024", "90", "Sangat Tinggi"), ("2024", "75,5", "Tinggi")], kab))
    assert "tidak mempunyai kriteria terendah" in response.content.decode()
    assert not SkalaKriteria.objects.exists()
    admin_client.post(url, _skala([("2024", "90", "Sangat Tinggi"), ("2024", "75,5", "Tinggi"),
                                   ("2024", "", "Rendah")], kab))
    assert sorted((s.batas_bawah, s.kriteria) for s in SkalaKriteria.objects.exclude(batas_bawah=None)) == [
        (D("75.5"), "Tinggi"), (D(90), "Sangat Tinggi")]
    page = admin_client.get(url).content.decode()
    assert 'value="75,50"' in page and 'value="90"' in page


def test_periode_created_with_its_rules(admin_client, klakah):
    url = reverse("kecamatan:kelola_periode", args=[klakah.pk])
    response = admin_client.post(url, {"tahun_mulai": 2025, "tahun_selesai": 2029, "tahun_kondisi_awal": 2025})
    assert "Tahun kondisi awal harus sebelum tahun awal periode." in response.content.decode()
    admin_client.post(url, {"tahun_mulai": 2025, "tahun_selesai": 2029, "tahun_kondisi_awal": 2024})
    assert Periode.objects.get(kecamatan=klakah).demo is False
    PeriodeFactory(kecamatan=KecamatanFactory(nama="Ranuyoso"), tahun_mulai=2025, tahun_selesai=2029, demo=True)
    response = admin_client.post(url, {"tahun_mulai": 2027, "tahun_selesai": 2031, "tahun_kondisi_awal": 2026})
    assert "bertumpang tindih dengan Renstra 2025-2029" in response.content.decode()


def test_mulai_asli_lists_then_removes_only_the_demo_data(admin_client, klakah):
    demo = PeriodeFactory(kecamatan=klakah, demo=True)
    build_renja(demo, n_sub=2)
    lain = PeriodeFactory(kecamatan=KecamatanFactory(nama="Ranuyoso"), demo=True)
    build_renja(lain, n_sub=1)
    url = reverse("kecamatan:kelola_mulai_asli", args=[klakah.pk])
    page = admin_client.get(url).content.decode()
    assert "Renstra 2024-2026 (data demo)" in page
    assert f"{Indikator.objects.filter(periode=demo).count()} indikator</li>" in page
    sidik = selectors.isi_demo(klakah).sidik
    response = admin_client.post(url, {"sidik": sidik})
    assert response["Location"] == reverse("kecamatan:kelola_periode", args=[klakah.pk])
    assert not Periode.objects.filter(kecamatan=klakah).exists()
    assert not Dokumen.objects.filter(periode__kecamatan=klakah).exists()
    assert SubKegiatan.objects.filter(kegiatan__program__periode=lain).count() == 1  # the other kecamatan untouched
    assert klakah.camat.count() == 1  # Camat records are not demo data


def test_mulai_asli_refuses_a_kecamatan_with_real_data(admin_client, klakah):
    PeriodeFactory(kecamatan=klakah, demo=True)
    real = PeriodeFactory(kecamatan=klakah, tahun_mulai=2027, tahun_selesai=2031, tahun_kondisi_awal=2026)
    url = reverse("kecamatan:kelola_mulai_asli", args=[klakah.pk])
    assert "sudah mempunyai Renstra asli (2027-2031)" in admin_client.get(url).content.decode()
    response = admin_client.post(url, {"sidik": selectors.isi_demo(klakah).sidik})
    assert "sudah mempunyai Renstra asli (2027-2031): data kecamatan ini tidak dihapus" in response.content.decode()
    assert Periode.objects.filter(kecamatan=klakah).count() == 2 and Periode.objects.filter(pk=real.pk).exists()


def test_mulai_asli_refuses_when_data_changed_after_the_confirmation_page(admin_client, klakah):
    demo = PeriodeFactory(kecamatan=klakah, demo=True)
    sidik = selectors.isi_demo(klakah).sidik
    build_renja(demo, n_sub=1)
    response = admin_client.post(reverse("kecamatan:kelola_mulai_asli", args=[klakah.pk]), {"sidik": sidik})
    assert "sudah diubah orang lain" in response.content.decode()
    assert Periode.objects.filter(pk=demo.pk).exists()


def test_admin_dashboard_links_to_kelola_not_to_the_django_admin(admin_client):
    page = admin_client.get(reverse("kecamatan:beranda")).content.decode()
    assert reverse("kecamatan:kelola") in page
    assert 'href="/admin/' not in page


def test_kabupaten_logo_uploaded_kept_and_refused_when_not_an_image(admin_client, klakah, settings, tmp_path):
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    settings.MEDIA_ROOT = tmp_path
    kab = klakah.kabupaten
    url = reverse("kecamatan:kelola_kabupaten")
    data = {"nama": kab.nama, "provinsi": kab.provinsi, "bappeda": kab.bappeda, "alamat_bappeda": "", **TENGGAT_KINI}
    buf = io.BytesIO()
    Image.new("RGB", (8, 8), "green").save(buf, "PNG")
    bad = SimpleUploadedFile("logo.png", b"bukan gambar", content_type="image/png")
    response = admin_client.post(url, {**data, "logo": bad, "sidik": selectors.sidik_kabupaten(kab)})
    assert response.status_code == 200 and "is-invalid" in response.content.decode()  # refused at its field
    kab.refresh_from_db()
    assert not kab.logo
    logo = SimpleUploadedFile("logo.png", buf.getvalue(), content_type="image/png")
    assert admin_client.post(url, {**data, "logo": logo, "sidik": selectors.sidik_kabupaten(kab)}).status_code == 302
    kab.refresh_from_db()
    assert kab.logo.name.startswith("logo/") and kab.logo.read()[:4] == b"\x89PNG"
    admin_client.post(url, {**data, "bappeda": "Bappeda baru", "sidik": selectors.sidik_kabupaten(kab)})
    kab.refresh_from_db()
    assert kab.bappeda == "Bappeda baru" and kab.logo.name.startswith("logo/")  # no new file: the logo stays


def test_mulai_asli_on_a_kecamatan_generated_by_demo_kabupaten(full_demo):
    """The generated data of `demo_kabupaten` (documents, history, realisasi, checks) goes in one
    transaction; every other kecamatan keeps all of its rows."""
    from kecamatan.kelola import services
    from kecamatan.models import Realisasi, Riwayat

    admin = user_with_role("adm.kab", "admin")
    klakah = Kecamatan.objects.get(nama="Klakah")
    assert list(Periode.objects.filter(kecamatan=klakah).values_list("demo", flat=True)) == [True]
    others = (Realisasi.objects.exclude(indikator__periode__kecamatan=klakah).count(),
              Riwayat.objects.exclude(dokumen__periode__kecamatan=klakah).count())
    isi = selectors.isi_demo(klakah)
    assert dict(isi.rincian)["realisasi"] == Realisasi.objects.filter(indikator__periode__kecamatan=klakah).count() > 0
    services.pensiunkan_demo(by=admin, kecamatan=klakah, sidik=isi.sidik)
    assert not Periode.objects.filter(kecamatan=klakah).exists()
    assert (Realisasi.objects.count(), Riwayat.objects.count()) == others
    randuagung = Kecamatan.objects.get(nama="Randuagung")
    with pytest.raises(Exception, match="sudah mempunyai Renstra asli"):
        services.pensiunkan_demo(by=admin, kecamatan=randuagung, sidik=selectors.isi_demo(randuagung).sidik)
