"""Background prints (issue 17): a whole document or a long table leaves the request as a task on
the database queue, a real `db_worker` (run here in this process, inside the test's transaction)
lays it out into the PDF cache, the progress page follows it, and the print of unchanged data is
served at once without a task. The browser test (tests/browser/test_cetakan.py) runs the worker
as a separate process."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from kecamatan.cetak import latar
from kecamatan.models import Cetakan, Peran
from kecamatan.tables import pdf_cache
from tests.factories import KecamatanFactory, PeriodeFactory, build_cascade, user_with_role
from tests.reports.helpers import pdf_pages

pytestmark = pytest.mark.django_db


@pytest.fixture
def periode():
    periode = PeriodeFactory()
    build_cascade(periode, n_sub=2)
    return periode


@pytest.fixture
def operator(periode, client):
    user = user_with_role("op.cetak", Peran.OPERATOR, periode.kecamatan)
    client.force_login(user)
    return user


@pytest.fixture(autouse=True)
def _empty_pdf_cache():
    pdf_cache.store().clear()


def run_worker(monkeypatch):
    """`manage.py db_worker --batch`: every queued task, then exit. Its connection clean-up would
    close the test's connection inside its transaction, so that one call is left out here."""
    monkeypatch.setattr("django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None)
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


def _unduh_naskah(client, periode):
    return client.get(reverse("kecamatan:naskah_unduh", args=[periode.pk, "renstra", "pdf"]))


def _text(content: bytes) -> str:
    return " ".join(" ".join(pdf_pages(content)).split())


def test_whole_document_is_printed_by_the_worker_then_served_from_the_cache(client, periode, operator, monkeypatch):
    response = _unduh_naskah(client, periode)
    cetakan = Cetakan.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("kecamatan:cetakan", args=[cetakan.pk])
    assert (cetakan.status, cetakan.diminta_oleh, cetakan.nama) == (Cetakan.Status.ANTRE, operator, "dokumen-renstra")
    assert DBTaskResult.objects.get(id=cetakan.task_id).status == TaskResultStatus.READY
    page = client.get(response["Location"]).content.decode()
    assert "dalam antrean" in page and '<meta http-equiv="refresh" content="2">' in page and "Siap diunduh" not in page

    run_worker(monkeypatch)
    cetakan.refresh_from_db()
    assert cetakan.status == Cetakan.Status.SIAP and cetakan.selesai is not None
    assert DBTaskResult.objects.get(id=cetakan.task_id).status == TaskResultStatus.SUCCESSFUL
    page = client.get(response["Location"]).content.decode()
    assert "Siap diunduh" in page and "http-equiv" not in page  # finished: no more refreshing
    pdf = client.get(reverse("kecamatan:cetakan_unduh", args=[cetakan.pk]))
    assert pdf["Content-Type"] == "application/pdf" and cetakan.nama_berkas in pdf["Content-Disposition"]
    assert " ".join(cetakan.judul.split()) in _text(pdf.content)

    # unchanged data: the same PDF at once, no task, no new Cetakan
    again = _unduh_naskah(client, periode)
    assert again.status_code == 200 and again.content == pdf.content
    assert Cetakan.objects.count() == 1 and DBTaskResult.objects.count() == 1

    # the cache let the file go: downloading queues the print again
    pdf_cache.store().delete(cetakan.kunci_pdf)
    gone = client.get(reverse("kecamatan:cetakan_unduh", args=[cetakan.pk]), follow=True)
    cetakan.refresh_from_db()
    assert cetakan.status == Cetakan.Status.ANTRE and DBTaskResult.objects.count() == 2
    assert "sedang disiapkan ulang" in gone.content.decode()


def test_a_failed_print_says_so_and_can_be_tried_again(client, periode, operator, monkeypatch):
    cetakan_url = _unduh_naskah(client, periode)["Location"]
    cetakan = Cetakan.objects.get()
    with monkeypatch.context() as mp:
        mp.setattr(latar, "pdf_source", lambda *a, **kw: 1 / 0)
        run_worker(monkeypatch)
    cetakan.refresh_from_db()
    assert cetakan.status == Cetakan.Status.GAGAL and cetakan.pesan == latar.GAGAL_UMUM
    assert DBTaskResult.objects.get(id=cetakan.task_id).status == TaskResultStatus.FAILED
    page = client.get(cetakan_url).content.decode()
    assert "PDF tidak dapat dibuat" in page and "Coba lagi" in page and "http-equiv" not in page
    assert client.get(reverse("kecamatan:cetakan_unduh", args=[cetakan.pk]))["Location"] == cetakan_url

    client.post(reverse("kecamatan:cetakan_ulang", args=[cetakan.pk]))
    cetakan.refresh_from_db()
    assert cetakan.status == Cetakan.Status.ANTRE and DBTaskResult.objects.count() == 2
    assert "dalam antrean" in client.get(cetakan_url).content.decode()


def test_asking_twice_follows_the_first_print(client, periode, operator):
    first = _unduh_naskah(client, periode)["Location"]
    assert _unduh_naskah(client, periode)["Location"] == first
    assert Cetakan.objects.count() == 1 and DBTaskResult.objects.count() == 1


def test_a_task_that_died_shows_as_failed(client, periode, operator):
    url = _unduh_naskah(client, periode)["Location"]
    cetakan = Cetakan.objects.get()
    DBTaskResult.objects.filter(id=cetakan.task_id).update(status=TaskResultStatus.FAILED)  # worker killed
    assert latar.TERHENTI in client.get(url).content.decode()
    cetakan.refresh_from_db()
    assert cetakan.status == Cetakan.Status.GAGAL


def test_short_tables_print_at_once_and_long_ones_in_the_background(client, periode, operator, monkeypatch):
    url = reverse("kecamatan:tabel_unduh", args=[periode.pk, "tc27", "pdf"])
    source = latar.pdf_source("tc27", periode_id=periode.pk, tahun=None)
    assert source.halaman == 1 and not source.dokumen
    response = client.get(url)
    assert response["Content-Type"] == "application/pdf" and not Cetakan.objects.exists()

    pdf_cache.store().clear()
    monkeypatch.setattr(latar, "MAX_HALAMAN_LANGSUNG", 0)
    response = client.get(url)
    cetakan = Cetakan.objects.get()
    assert response["Location"] == reverse("kecamatan:cetakan", args=[cetakan.pk])
    assert (cetakan.nama, cetakan.nama_berkas) == ("tc27", source.filename)


def test_another_kecamatan_sees_nothing(client, periode, operator):
    _unduh_naskah(client, periode)
    cetakan = Cetakan.objects.get()
    client.force_login(user_with_role("op.lain", Peran.OPERATOR, KecamatanFactory(nama="Lain")))
    for name in ("cetakan", "cetakan_unduh"):
        assert client.get(reverse(f"kecamatan:{name}", args=[cetakan.pk])).status_code == 404
    assert client.post(reverse("kecamatan:cetakan_ulang", args=[cetakan.pk])).status_code == 404
