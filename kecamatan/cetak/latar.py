"""Long prints off the request: a whole document, or a table of more than a few pages, is laid out
by a background task (Django's Tasks API, the `django-tasks` backport; queued in the database and
run by `manage.py db_worker`) while the user watches a progress page. A print whose PDF is already
in the PDF cache is served at once, without a task. `manage.py cetak` stays synchronous.

The task renders through the same functions as a download (kecamatan/cetak/output.py) and leaves
its PDF in the PDF cache; the Cetakan row says where (the cache key) and how it went."""

from __future__ import annotations

import logging

from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone
from django_tasks import TaskResultStatus, default_task_backend, task
from django_tasks.exceptions import TaskResultDoesNotExist

from kecamatan.cetak.output import PdfSource, pdf_source
from kecamatan.models import Cetakan, Periode
from kecamatan.tables.output import FORMATS, Output
from kecamatan.tables.pdf_cache import pdf_key, store

logger = logging.getLogger(__name__)

MAX_HALAMAN_LANGSUNG = 5  # a table estimated at more pages is printed in the background (~1.5 s a page)
GAGAL_UMUM = "Pencetakan gagal karena kesalahan di server. Silakan coba lagi; bila tetap gagal, hubungi admin."
TERHENTI = "Pencetakan terhenti sebelum selesai (pekerja cetak berhenti). Silakan coba lagi."


def cached_output(source: PdfSource) -> Output | None:
    """The PDF of `source` if the cache still has it."""
    content = store().get(pdf_key(source.html, source.stylesheets))
    return None if content is None else Output(content, FORMATS["pdf"], source.filename, cache_hit=True)


def minta_pdf(*, nama: str, periode: Periode, tahun: int | None, opsi: dict[str, str] | None,
              by: AbstractBaseUser) -> Output | Cetakan:
    """A PDF download as the user asked for it: the file when it is cached or short (rendered here),
    else a Cetakan queued for the worker. ValueError (Indonesian) for a print that cannot be made."""
    source = pdf_source(nama, periode_id=periode.pk, tahun=tahun, options=opsi)
    if (out := cached_output(source)) is not None:
        return out
    if not source.dokumen and source.halaman <= MAX_HALAMAN_LANGSUNG:
        content, hit = source.render()
        return Output(content, FORMATS["pdf"], source.filename, cache_hit=hit)
    pending = Cetakan.objects.filter(diminta_oleh=by, periode=periode, nama=nama, tahun=tahun, opsi=opsi or {},
                                     status__in=[Cetakan.Status.ANTRE, Cetakan.Status.DICETAK]).first()
    if pending is not None:  # the same print asked twice: follow the first
        return pending
    cetakan = Cetakan.objects.create(diminta_oleh=by, periode=periode, nama=nama, tahun=tahun, opsi=opsi or {},
                                     judul=source.judul[:200], nama_berkas=source.filename)
    return antrekan(cetakan)


def antrekan(cetakan: Cetakan) -> Cetakan:
    """(Re)queue the print of `cetakan`. The queue is a table of the same database, so the task is
    committed together with the row it prints (no on_commit needed)."""
    Cetakan.objects.filter(pk=cetakan.pk).update(status=Cetakan.Status.ANTRE, pesan="", selesai=None, task_id="")
    result = cetak_pdf.enqueue(cetakan.pk)
    Cetakan.objects.filter(pk=cetakan.pk).update(task_id=str(result.id))
    cetakan.refresh_from_db()
    return cetakan


def _selesai(cetakan_id: int, status: str, **fields) -> None:
    Cetakan.objects.filter(pk=cetakan_id).update(status=status, selesai=timezone.now(), **fields)


@task()
def cetak_pdf(cetakan_id: int) -> str:
    """The background task: lay out the print described by Cetakan `cetakan_id` into the PDF cache."""
    cetakan = Cetakan.objects.filter(pk=cetakan_id).first()
    if cetakan is None:  # deleted while queued (its Renstra or user removed)
        return ""
    Cetakan.objects.filter(pk=cetakan_id).update(status=Cetakan.Status.DICETAK)
    try:
        source = pdf_source(cetakan.nama, periode_id=cetakan.periode_id, tahun=cetakan.tahun, options=cetakan.opsi)
        source.render()
    except ValueError as exc:  # the registry's Indonesian messages (a year outside the period …)
        _selesai(cetakan_id, Cetakan.Status.GAGAL, pesan=str(exc))
        raise
    except Exception:
        logger.exception("Cetakan %s (%s) gagal", cetakan_id, cetakan.nama)
        _selesai(cetakan_id, Cetakan.Status.GAGAL, pesan=GAGAL_UMUM)
        raise
    key = pdf_key(source.html, source.stylesheets)
    _selesai(cetakan_id, Cetakan.Status.SIAP, kunci_pdf=key, nama_berkas=source.filename, pesan="")
    return key


def keadaan(cetakan: Cetakan) -> Cetakan:
    """`cetakan` (just read) as it stands, also when its task died without saying so (worker killed,
    result pruned)."""
    if cetakan.is_finished or not cetakan.task_id:
        return cetakan
    try:
        status = default_task_backend.get_result(cetakan.task_id).status
    except TaskResultDoesNotExist:
        status = TaskResultStatus.FAILED
    if status == TaskResultStatus.FAILED:
        # unless the task itself said why, a moment ago
        Cetakan.objects.filter(pk=cetakan.pk, status__in=[Cetakan.Status.ANTRE, Cetakan.Status.DICETAK]).update(
            status=Cetakan.Status.GAGAL, pesan=TERHENTI, selesai=timezone.now())
        cetakan.refresh_from_db(fields=["status", "pesan", "selesai"])
    return cetakan


def berkas(cetakan: Cetakan) -> Output | None:
    """The finished PDF, or None when the cache has let it go (then print it again)."""
    if cetakan.status != Cetakan.Status.SIAP or not cetakan.kunci_pdf:
        return None
    content = store().get(cetakan.kunci_pdf)
    return None if content is None else Output(content, FORMATS["pdf"], cetakan.nama_berkas, cache_hit=True)
