"""The kabupaten-year export (issue 20): Bappeda asks for a year, a real `db_worker` (run here in
this process) writes the ZIP of CSV files into the file cache, the progress page follows it and
the download carries the demo's figures as plain decimals, with a dictionary naming every file and
column. Kecamatan staff and other kabupaten see none of it (404)."""

import csv
import io
import zipfile
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from kecamatan.ekspor import latar
from kecamatan.models import Ekspor, Kabupaten, Kecamatan, Peran
from kecamatan.tables import pdf_cache
from tests.factories import KabupatenFactory, KecamatanFactory, PeriodeFactory, user_with_role

pytestmark = pytest.mark.django_db

BERKAS = {"kecamatan.csv", "tujuan.csv", "sasaran.csv", "program.csv", "kegiatan.csv", "subkegiatan.csv",
          "indikator.csv", "target.csv", "pagu.csv", "realisasi.csv", "realisasi_anggaran.csv", "dokumen.csv",
          "dokumen_riwayat.csv", "BACA_SAYA.txt", "kamus_data.csv"}


def run_worker(monkeypatch):
    """`manage.py db_worker --batch` (see tests/cetak/test_latar.py: its connection clean-up is left out)."""
    monkeypatch.setattr("django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None)
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


def read_zip(content: bytes) -> dict[str, list[dict[str, str]] | str]:
    """Each CSV of the ZIP as a list of rows keyed by header; the text files as text."""
    out = {}
    with zipfile.ZipFile(io.BytesIO(content)) as zf:
        for name in zf.namelist():
            text = zf.read(name).decode("utf-8")
            out[name] = list(csv.DictReader(io.StringIO(text, newline=""))) if name.endswith(".csv") else text
    return out


@pytest.fixture
def bappeda(demo, client):
    user = user_with_role("ekspor.bappeda", Peran.VERIFIKATOR, kabupaten=Kabupaten.objects.get(slug="lumajang"))
    client.force_login(user)
    return user


def _total(rows, **match) -> Decimal:
    return sum((Decimal(r["jumlah_rp"]) for r in rows if all(r[k] == v for k, v in match.items())), Decimal(0))


def test_bappeda_exports_a_year_through_the_worker(client, bappeda, monkeypatch):
    response = client.post(reverse("kecamatan:ekspor"), {"tahun": "2024"})
    ekspor = Ekspor.objects.get()
    assert response["Location"] == reverse("kecamatan:ekspor_status", args=[ekspor.pk])
    assert (ekspor.status, ekspor.tahun, ekspor.diminta_oleh) == (Ekspor.Status.ANTRE, 2024, bappeda)
    page = client.get(response["Location"]).content.decode()
    assert "dalam antrean" in page and '<meta http-equiv="refresh" content="2">' in page
    assert client.post(reverse("kecamatan:ekspor"), {"tahun": "2024"})["Location"] == response["Location"]  # asked twice

    run_worker(monkeypatch)
    ekspor.refresh_from_db()
    assert ekspor.status == Ekspor.Status.SIAP and ekspor.ukuran > 0
    assert DBTaskResult.objects.get(id=ekspor.task_id).status == TaskResultStatus.SUCCESSFUL
    page = client.get(response["Location"]).content.decode()
    assert "siap" in page and "http-equiv" not in page
    download = client.get(reverse("kecamatan:ekspor_unduh", args=[ekspor.pk]))
    assert download["Content-Type"] == "application/zip" and ekspor.nama_berkas in download["Content-Disposition"]
    assert ekspor.nama_berkas.startswith("sakip-lumajang-2024-")
    files = read_zip(download.content)
    assert set(files) == BERKAS

    # T-C.27 of Randuagung: the Renstra pagu of 2024 as a plain decimal
    pagu = files["pagu.csv"]
    assert list(pagu[0]) == ["kode_kecamatan", "kecamatan", "subkegiatan_id", "kode_subkegiatan", "tahun", "tahap",
                             "jumlah_rp", "sumber"]
    assert _total(pagu, kecamatan="Randuagung", tahun="2024", tahap="renstra") == Decimal(1916486189)
    assert all(r["jumlah_rp"].count(".") == 1 and "," not in r["jumlah_rp"] for r in pagu)
    # T-C.33 of Senduro: the Renja's dana is the sum of its aktivitas, stored as no pagu of its own
    senduro = [r for r in pagu if r["kecamatan"] == "Senduro"]
    assert _total(senduro, tahun="2024", tahap="renja") == Decimal(2080252824)
    assert _total(senduro, tahun="2025", tahap="prakiraan") == Decimal(2621874277)
    assert {r["sumber"] for r in senduro if r["tahap"] == "renja"} == {"aktivitas"}
    # Jatiroto's LKj 2024: program 7.01.01 spent 1.674.216.543 (spread over its sub-kegiatan, TW IV)
    ra = [r for r in files["realisasi_anggaran.csv"] if r["kecamatan"] == "Jatiroto"]
    assert sum(Decimal(r["jumlah_rp"]) for r in ra if r["kode_subkegiatan"].startswith("7.01.01.")
               and r["triwulan"] == "4") == Decimal(1674216543)

    kecamatan = {r["kecamatan"]: r for r in files["kecamatan.csv"]}
    assert len(kecamatan) == Kecamatan.objects.filter(kabupaten__slug="lumajang").count()
    assert kecamatan["Randuagung"]["renstra"] == "2024-2026" and kecamatan["Randuagung"]["data_demo"] == "tidak"
    program = {r["kode"] for r in files["program.csv"] if r["kecamatan"] == "Randuagung"}
    assert "7.01.01" in program
    indikator = files["indikator.csv"]
    assert {r["tingkat"] for r in indikator} >= {"tujuan", "sasaran", "program", "kegiatan", "subkegiatan"}
    ids = {r["indikator_id"] for r in indikator}
    assert files["target.csv"] and {r["indikator_id"] for r in files["target.csv"]} <= ids
    dokumen = {(r["kecamatan"], r["kunci"]): r for r in files["dokumen.csv"]}
    assert dokumen[("Senduro", "renja-2024")]["status"] in {"draft", "diajukan", "diverifikasi", "dikembalikan"}

    # the dictionary names every file and every column, and says how decimals are written
    kamus = {(r["berkas"], r["kolom"]) for r in files["kamus_data.csv"]}
    with zipfile.ZipFile(io.BytesIO(download.content)) as zf:
        for name in BERKAS - {"kamus_data.csv", "BACA_SAYA.txt"}:
            header = zf.read(name).decode().splitlines()[0].split(",")
            assert {(name, k) for k in header} <= kamus, name
            assert f"{name} (" in files["BACA_SAYA.txt"]
    assert "TITIK sebagai pemisah desimal" in files["BACA_SAYA.txt"]
    assert "KABUPATEN LUMAJANG TAHUN 2024" in files["BACA_SAYA.txt"]


def test_another_year_and_a_refused_one(client, bappeda):
    content = latar.tulis(Ekspor(kabupaten=Kabupaten.objects.get(slug="lumajang"), tahun=2025, diminta_oleh=bappeda))
    pagu = read_zip(content)["pagu.csv"]
    assert _total(pagu, kecamatan="Randuagung", tahun="2025", tahap="renstra") == Decimal(2351113139)

    response = client.post(reverse("kecamatan:ekspor"), {"tahun": "1990"})
    assert response.status_code == 200 and "Tidak ada Renstra kecamatan untuk tahun itu" in response.content.decode()
    assert not Ekspor.objects.exists()


def test_a_failed_export_says_so_and_can_be_asked_again(client, bappeda, monkeypatch):
    client.post(reverse("kecamatan:ekspor"), {"tahun": "2024"})
    ekspor = Ekspor.objects.get()
    with monkeypatch.context() as mp:
        mp.setattr(latar, "tulis", lambda e: 1 / 0)
        run_worker(monkeypatch)
    ekspor.refresh_from_db()
    assert ekspor.status == Ekspor.Status.GAGAL and ekspor.pesan == latar.GAGAL_UMUM
    page = client.get(reverse("kecamatan:ekspor_status", args=[ekspor.pk])).content.decode()
    assert "tidak dapat dibuat" in page and "Coba lagi" in page
    assert client.get(reverse("kecamatan:ekspor_unduh", args=[ekspor.pk])).status_code == 302
    again = client.post(reverse("kecamatan:ekspor"), {"tahun": "2024"})
    assert Ekspor.objects.count() == 2 and again["Location"] != reverse("kecamatan:ekspor_status", args=[ekspor.pk])


def test_a_zip_the_cache_let_go_is_made_again(client, bappeda, monkeypatch):
    client.post(reverse("kecamatan:ekspor"), {"tahun": "2024"})
    run_worker(monkeypatch)
    ekspor = Ekspor.objects.get()
    pdf_cache.store().delete(ekspor.kunci_berkas)
    gone = client.get(reverse("kecamatan:ekspor_unduh", args=[ekspor.pk]), follow=True)
    ekspor.refresh_from_db()
    assert ekspor.status == Ekspor.Status.ANTRE and "sedang dibuat ulang" in gone.content.decode()


def test_only_bappeda_and_admin_of_the_kabupaten(client, demo):
    lumajang = Kabupaten.objects.get(slug="lumajang")
    bappeda = user_with_role("ekspor.bappeda", Peran.VERIFIKATOR, kabupaten=lumajang)
    ekspor = latar.minta_ekspor(kabupaten=lumajang, tahun=2024, by=bappeda)
    urls = [reverse("kecamatan:ekspor"), reverse("kecamatan:ekspor_status", args=[ekspor.pk]),
            reverse("kecamatan:ekspor_unduh", args=[ekspor.pk])]
    randuagung = Kecamatan.objects.get(nama="Randuagung")
    lain = KabupatenFactory(nama="Lain", slug="lain")
    KecamatanFactory(kabupaten=lain, nama="Seberang")
    for user, expected in (
        (user_with_role("ekspor.op", Peran.OPERATOR, randuagung), [404, 404, 404]),
        (user_with_role("ekspor.camat", Peran.CAMAT, randuagung), [404, 404, 404]),
        (user_with_role("ekspor.lain", Peran.VERIFIKATOR, kabupaten=lain), [200, 404, 404]),
        (user_with_role("ekspor.admin", Peran.ADMIN, kabupaten=lumajang), [200, 200, 302]),  # 302: not ready yet
    ):
        client.force_login(user)
        assert [client.get(url).status_code for url in urls] == expected, user.username
    page = client.get(reverse("kecamatan:beranda")).content.decode()
    assert f'href="{urls[0]}"' in page  # reachable from the dashboard …
    page = client.get(reverse("kecamatan:perbandingan_penyerapan"), {"tahun": 2025}).content.decode()
    assert f'href="{urls[0]}?tahun=2025"' in page  # … and from the comparison, with its year
    # Bappeda of another kabupaten exports its own kabupaten, never Lumajang
    client.force_login(user_with_role("ekspor.lain2", Peran.ADMIN, kabupaten=lain))
    PeriodeFactory(kecamatan=Kecamatan.objects.get(nama="Seberang"))
    client.post(reverse("kecamatan:ekspor"), {"tahun": "2024"})
    assert Ekspor.objects.filter(kabupaten=lain).count() == 1
