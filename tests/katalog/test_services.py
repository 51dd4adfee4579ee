"""Writes to the catalog: the admin kabupaten's services and the idempotent load of the file."""

import csv

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kecamatan.core.errors import Bentrok
from kecamatan.katalog import services
from kecamatan.katalog.selectors import daftar
from kecamatan.models import Nomenklatur, Peran
from tests.factories import ProgramFactory, nomenklatur, user_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin():
    return user_with_role("adm", Peran.ADMIN)


def test_add_reads_the_printed_form_and_takes_level_and_parent_from_the_code(admin):
    kegiatan = nomenklatur("7.01.03.2.06", "Pemberdayaan dan Kesejahteraan Keluarga")
    node = services.tambah_kode(kode="7.01.03.2.06.0 1", nama=" Fasilitasi PKK ", satuan="Laporan",
                                sumber="Kepmendagri 900.1.15.5-3406/2024", by=admin)
    assert (node.kode, node.level, node.parent, node.nama) == ("7.01.03.2.06.0001", "subkegiatan", kegiatan, "Fasilitasi PKK")


@pytest.mark.parametrize("kode,message", [
    ("7.01.09.2.01", "Induk kode ini, program 7.01.09, belum ada di katalog"),
    ("7.01.01.2.01.12345", "Nomor sub kegiatan"),
    ("tujuh", "karakter selain angka"),
    ("205", "tidak lengkap"),
    ("7.01.01", "sudah ada di katalog"),
])
def test_add_refuses_with_the_message_at_the_code_field(admin, kode, message):
    nomenklatur("7.01.01.2.01")
    with pytest.raises(ValidationError) as exc:
        services.tambah_kode(kode=kode, nama="Baru", by=admin)
    assert message in " ".join(exc.value.message_dict["kode"])


def test_program_and_kegiatan_carry_no_kinerja(admin):
    with pytest.raises(ValidationError) as exc:
        services.tambah_kode(kode="7.01.07", nama="PROGRAM BARU", indikator="Jumlah", by=admin)
    assert "hanya diisi untuk sub kegiatan" in exc.value.message_dict["indikator"][0]


def test_only_the_admin_kabupaten_writes(admin):
    for peran in (Peran.VERIFIKATOR,):
        with pytest.raises(PermissionDenied):
            services.tambah_kode(kode="7.01.07", nama="PROGRAM BARU", by=user_with_role("v", peran))
    assert not Nomenklatur.objects.filter(kode="7.01.07").exists()


def test_edit_checks_the_version(admin):
    node = nomenklatur("7.01.01", "LAMA")
    services.ubah_kode(node=node, versi=0, nama="BARU", by=admin)
    with pytest.raises(Bentrok, match="TIDAK disimpan"):
        services.ubah_kode(node=node, versi=0, nama="LAGI", by=admin)
    node.refresh_from_db()
    assert (node.nama, node.versi) == ("BARU", 1)


def test_a_code_in_use_is_deactivated_not_deleted(admin):
    program = ProgramFactory()
    node = program.nomenklatur
    with pytest.raises(ValidationError, match="dipakai 1 baris Renstra"):
        services.hapus_kode(node=node, by=admin)
    services.atur_aktif(node=node, aktif=False, versi=0, by=admin)
    node.refresh_from_db()
    assert not node.aktif
    assert [b.dipakai for b in daftar(q=node.kode)] == [1]


def test_an_unused_leaf_is_deleted_and_a_parent_is_not(admin):
    sub = nomenklatur("7.01.01.2.01.0001")
    with pytest.raises(ValidationError, match="mempunyai kode di bawahnya"):
        services.hapus_kode(node=sub.parent, by=admin)
    services.hapus_kode(node=sub, by=admin)
    assert not Nomenklatur.objects.filter(kode="7.01.01.2.01.0001").exists()


def test_search_keeps_the_rows_above_a_match():
    nomenklatur("7.01.03.2.06.0003", "Peningkatan Ketahanan Pangan Keluarga")
    nomenklatur("7.01.03.2.01.0001", "Forum Musyawarah")
    rows = daftar(q="pangan keluarga")
    assert [(b.node.kode, b.cocok) for b in rows] == [
        ("7.01.03", False), ("7.01.03.2.06", False), ("7.01.03.2.06.0003", True)]
    assert [b.node.kode for b in daftar(q="7.01.03.2 06")] == ["7.01.03", "7.01.03.2.06", "7.01.03.2.06.0003"]
    assert [b.node.kode for b in daftar(tingkat="program")] == ["7.01.03"]


def _csv(path, rows):
    fields = ["level", "kode", "nama", "kinerja", "indikator", "satuan", "aktif", "sumber", "nama_sebelumnya"]
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields)
        writer.writeheader()
        for row in rows:
            writer.writerow({f: row.get(f, "") for f in fields})
    return path


def test_the_load_is_idempotent_and_keeps_the_admins_corrections(tmp_path, admin):
    lama = _csv(tmp_path / "lama.csv", [
        {"level": "program", "kode": "7.01.01", "nama": "PROGRAM A", "aktif": "1"},
        {"level": "kegiatan", "kode": "7.01.01.2.07", "nama": "Pemerintahan", "aktif": "1"},
        {"level": "kegiatan", "kode": "7.01.01.2.08", "nama": "Jasa", "aktif": "1"},
        {"level": "subkegiatan", "kode": "7.01.01.2.07.0001", "nama": "Sub", "aktif": "1"},
    ])
    services.muat_katalog(lama)
    # the admin corrects one name and deactivates a code the file keeps active
    services.ubah_kode(node=Nomenklatur.objects.get(kode="7.01.01.2.08"), versi=0, nama="Jasa (ralat admin)",
                       by=admin)
    services.atur_aktif(node=Nomenklatur.objects.get(kode="7.01.01"), aktif=False, versi=0, by=admin)
    baru = _csv(tmp_path / "baru.csv", [
        {"level": "program", "kode": "7.01.01", "nama": "PROGRAM A", "aktif": "1", "sumber": "seed 000 line 959"},
        {"level": "kegiatan", "kode": "7.01.01.2.07", "nama": "Pemerintah", "nama_sebelumnya": "Pemerintahan"},
        {"level": "kegiatan", "kode": "7.01.01.2.08", "nama": "Jasa Penunjang", "nama_sebelumnya": "Jasa"},
        {"level": "subkegiatan", "kode": "7.01.01.2.07.0001", "nama": "Sub", "kinerja": "Tersedianya",
         "indikator": "Jumlah", "satuan": "Unit"},
        {"level": "subkegiatan", "kode": "7.01.01.2.07.0002", "nama": "Baru", "aktif": "0"},
    ])
    hasil = services.muat_katalog(baru)
    assert (hasil.dibuat, hasil.nama_diperbarui, hasil.dilengkapi) == (1, 1, 2)
    node = {n.kode: n for n in Nomenklatur.objects.all()}
    assert node["7.01.01.2.07"].nama == "Pemerintah"  # still the file's old name: updated
    assert node["7.01.01.2.08"].nama == "Jasa (ralat admin)"  # the admin's: kept
    assert not node["7.01.01"].aktif and node["7.01.01"].sumber == "seed 000 line 959"
    assert (node["7.01.01.2.07.0001"].satuan, node["7.01.01.2.07.0002"].aktif) == ("Unit", False)
    again = services.muat_katalog(baru)
    assert (again.dibuat, again.nama_diperbarui, again.dilengkapi) == (0, 0, 0)


def test_the_catalog_file_loads_whole():
    hasil = services.muat_katalog()
    assert hasil.dibuat == Nomenklatur.objects.count() == 116
    assert Nomenklatur.objects.get(kode="7.01.01.2.03.0006").satuan == "Laporan"
    assert not Nomenklatur.objects.get(kode="7.01.03.2.01.0004").aktif  # printed once, official name unknown
    for node in Nomenklatur.objects.select_related("parent"):
        node.full_clean()
