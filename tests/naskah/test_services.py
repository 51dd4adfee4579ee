"""Writes to a document's narrative: who may, when (a submitted document is read-only), no lost
update, history, the user's version of a draft, and last year's text as a starting point."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kecamatan.core.errors import Bentrok
from kecamatan.models import Dokumen, Narasi, Peran, Periode, Riwayat
from kecamatan.naskah import services
from kecamatan.naskah.selectors import Kunci, narasi_sebelumnya, parse_kunci
from tests.factories import CamatFactory, PeriodeFactory, user_with_role

pytestmark = pytest.mark.django_db

LKJ = Kunci(Dokumen.Jenis.LKJ, 2024)


@pytest.fixture
def world():
    periode = PeriodeFactory()
    camat = CamatFactory(kecamatan=periode.kecamatan)
    return {
        "periode": periode, "camat": camat,
        "operator": user_with_role("op", Peran.OPERATOR, periode.kecamatan),
        "bappeda": user_with_role("bappeda", Peran.VERIFIKATOR),
    }


def simpan(world, teks, *, bagian="kata-pengantar", versi=None, by=None, kunci=LKJ):
    return services.simpan_narasi(periode=world["periode"], kunci=kunci, bagian=bagian, judul="Kata Pengantar",
                                  teks=teks, versi=versi, by=by or world["operator"])


def test_first_save_creates_the_document_signed_by_the_camat_and_records_the_change(world):
    dokumen = simpan(world, "Puji syukur …\r\nParagraf dua.\n\n")
    assert (dokumen.jenis, dokumen.tahun, dokumen.camat, dokumen.versi) == ("lkj", 2024, world["camat"], 1)
    assert Narasi.objects.get(dokumen=dokumen, kunci="kata-pengantar").teks == "Puji syukur …\nParagraf dua."
    last = Riwayat.objects.filter(dokumen=dokumen).order_by("pk").last()
    assert (last.aksi, last.oleh, last.versi) == (Riwayat.Aksi.UBAH, world["operator"], 1)
    assert last.perubahan == [{"item": "Naskah: Kata Pengantar", "dari": "(kosong)", "ke": "Puji syukur … Paragraf dua."}]
    assert Narasi.history.filter(kunci="kata-pengantar").first().history_user == world["operator"]


def test_saving_the_same_text_changes_nothing_and_an_empty_text_removes_the_section(world):
    dokumen = simpan(world, "Teks.")
    assert simpan(world, "Teks.", versi=1).versi == 1
    dokumen = simpan(world, "  \n", versi=1)
    assert dokumen.versi == 2 and not Narasi.objects.filter(dokumen=dokumen).exists()


def test_a_page_loaded_before_someone_elses_save_is_refused(world):
    simpan(world, "Versi pertama.")
    simpan(world, "Versi kedua.", versi=1)
    with pytest.raises(Bentrok) as exc:
        simpan(world, "Versi saya.", versi=1)
    assert "Naskah: Kata Pengantar" in [p["item"] for r in exc.value.riwayat for p in r.perubahan]
    assert Narasi.objects.get(kunci="kata-pengantar").teks == "Versi kedua."


@pytest.mark.parametrize("status", [Dokumen.Status.DIAJUKAN, Dokumen.Status.DIVERIFIKASI])
def test_a_submitted_or_verified_document_is_read_only(world, status):
    dokumen = simpan(world, "Teks.")
    Dokumen.objects.filter(pk=dokumen.pk).update(status=status)
    with pytest.raises(ValidationError, match="tidak dapat diubah"):
        simpan(world, "Ubah.", versi=1)
    with pytest.raises(ValidationError, match="tidak dapat diubah"):
        services.simpan_draf(periode=world["periode"], kunci=LKJ, bagian="capaian:1", judul="x", teks="t", draf="d",
                             versi=1, by=world["operator"])
    assert Narasi.objects.get(kunci="kata-pengantar").teks == "Teks."


def test_only_the_kecamatan_writes(world):
    with pytest.raises(PermissionDenied):
        simpan(world, "Teks Bappeda.", by=world["bappeda"])
    assert not Narasi.objects.exists()


def test_keys_and_lengths_are_checked(world):
    with pytest.raises(ValidationError):
        simpan(world, "x", bagian="<script>")
    with pytest.raises(ValidationError):
        simpan(world, "x", bagian="draf:capaian:1")  # drafts have their own page
    with pytest.raises(ValidationError, match="terlalu panjang"):
        simpan(world, "x" * 100_001)


def test_the_users_version_of_a_draft_keeps_the_draft_it_answers_and_can_go_back(world):
    dokumen = services.simpan_draf(periode=world["periode"], kunci=LKJ, bagian="capaian:7", judul="Capaian IPP",
                                   teks="Teks saya.", draf="Draf aplikasi.", versi=None, by=world["operator"])
    row = Narasi.objects.get(dokumen=dokumen, kunci="draf:capaian:7")
    assert (row.teks, row.draf_dasar) == ("Teks saya.", "Draf aplikasi.")
    dokumen = services.simpan_draf(periode=world["periode"], kunci=LKJ, bagian="capaian:7", judul="Capaian IPP",
                                   teks="", draf="Draf aplikasi.", versi=dokumen.versi, by=world["operator"])
    assert Narasi.objects.get(kunci="draf:capaian:7").teks == ""  # kept: an empty version leaves the paragraph out
    dokumen = services.kembalikan_draf(periode=world["periode"], kunci=LKJ, bagian="capaian:7", judul="Capaian IPP",
                                       versi=dokumen.versi, by=world["operator"])
    assert not Narasi.objects.filter(kunci="draf:capaian:7").exists()
    assert Riwayat.objects.filter(dokumen=dokumen).last().perubahan[0]["ke"] == "(draf otomatis)"


def test_last_years_text_is_offered_and_copied_only_into_empty_sections(world):
    lalu = Periode.objects.create(kecamatan=world["periode"].kecamatan, tahun_mulai=2019, tahun_selesai=2023,
                                  tahun_kondisi_awal=2018)
    old = Dokumen.objects.create(periode=lalu, jenis=Dokumen.Jenis.LKJ, tahun=2023)
    Narasi.objects.create(dokumen=old, kunci="kata-pengantar", teks="Pengantar 2023.")
    Narasi.objects.create(dokumen=old, kunci="pendahuluan", teks="Pendahuluan 2023.")
    Narasi.objects.create(dokumen=old, kunci="draf:capaian:1", teks="Bukan untuk disalin.")
    found, texts = narasi_sebelumnya(world["periode"], LKJ)
    assert found == old and texts == {"kata-pengantar": "Pengantar 2023.", "pendahuluan": "Pendahuluan 2023."}

    dokumen = simpan(world, "Pengantar 2024 yang sudah ditulis.")
    dokumen = services.salin_tahun_lalu(periode=world["periode"], kunci=LKJ, versi=dokumen.versi, by=world["operator"],
                                        bagian={"kata-pengantar": "Kata Pengantar", "pendahuluan": "Pendahuluan",
                                                "draf:capaian:1": "x"})
    assert dict(Narasi.objects.filter(dokumen=dokumen).values_list("kunci", "teks")) == {
        "kata-pengantar": "Pengantar 2024 yang sudah ditulis.", "pendahuluan": "Pendahuluan 2023."}
    with pytest.raises(ValidationError, match="Tidak ada teks tahun lalu"):
        services.salin_tahun_lalu(periode=world["periode"], kunci=LKJ, versi=dokumen.versi, by=world["operator"],
                                  bagian={"kata-pengantar": "Kata Pengantar", "pendahuluan": "Pendahuluan"})


def test_the_renstra_takes_the_previous_periods_renstra_as_last_years(world):
    lalu = Periode.objects.create(kecamatan=world["periode"].kecamatan, tahun_mulai=2019, tahun_selesai=2023,
                                  tahun_kondisi_awal=2018)
    old = Dokumen.objects.create(periode=lalu, jenis=Dokumen.Jenis.RENSTRA)
    Narasi.objects.create(dokumen=old, kunci="latar-belakang", teks="Renstra lama.")
    assert narasi_sebelumnya(world["periode"], Kunci(Dokumen.Jenis.RENSTRA)) == (old, {"latar-belakang": "Renstra lama."})


def test_document_keys():
    periode = Periode(tahun_mulai=2024, tahun_selesai=2026)
    assert parse_kunci(periode, "lkj-2025") == Kunci("lkj", 2025)
    assert parse_kunci(periode, "renstra") == Kunci("renstra")
    for bad in ("lkj-2027", "realisasi-2024-1", "renja", "lkj-20x4", ""):
        assert parse_kunci(periode, bad) is None
