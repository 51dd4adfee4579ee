"""A kabupaten-year export off the request: asking queues a background task (Django's Tasks API,
`django-tasks` with its database queue, run by `manage.py db_worker` as the background prints are)
that writes the ZIP of CSV files and leaves it in the shared file cache; the Ekspor row says where
and how it went, the progress page follows it. A ZIP the cache has let go is made again on download."""

from __future__ import annotations

import logging
import tempfile
import uuid
import zoneinfo

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone
from django_tasks import TaskResultStatus, default_task_backend, task
from django_tasks.exceptions import TaskResultDoesNotExist

from kecamatan.ekspor.isi import berkas_list
from kecamatan.ekspor.selectors import lingkup
from kecamatan.ekspor.zip_csv import tulis_zip
from kecamatan.models import Ekspor, Kabupaten
from kecamatan.tables.pdf_cache import TIMEOUT, store

logger = logging.getLogger(__name__)

GAGAL_UMUM = "Ekspor gagal karena kesalahan di server. Silakan coba lagi; bila tetap gagal, hubungi admin."
TERHENTI = "Ekspor terhenti sebelum selesai (pekerja latar berhenti). Silakan coba lagi."
SPOOL = 16 * 1024 * 1024  # a ZIP up to this size is built in memory, a larger one in a temporary file


def minta_ekspor(*, kabupaten: Kabupaten, tahun: int, by: AbstractBaseUser) -> Ekspor:
    """The export of the kabupaten-year for `by`: the one already queued or running for them, else a new one."""
    pending = Ekspor.objects.filter(diminta_oleh=by, kabupaten=kabupaten, tahun=tahun,
                                    status__in=[Ekspor.Status.ANTRE, Ekspor.Status.DIBUAT]).first()
    if pending is not None:  # asked twice: follow the first
        return pending
    ekspor = Ekspor.objects.create(diminta_oleh=by, kabupaten=kabupaten, tahun=tahun,
                                   nama_berkas=f"sakip-{kabupaten.slug}-{tahun}.zip")
    return antrekan(ekspor)


def antrekan(ekspor: Ekspor) -> Ekspor:
    """(Re)queue `ekspor`. The queue is a table of the same database: the task commits with the row."""
    Ekspor.objects.filter(pk=ekspor.pk).update(status=Ekspor.Status.ANTRE, pesan="", selesai=None, task_id="")
    result = buat_ekspor.enqueue(ekspor.pk)
    Ekspor.objects.filter(pk=ekspor.pk).update(task_id=str(result.id))
    ekspor.refresh_from_db()
    return ekspor


def pengantar(ekspor: Ekspor, kabupaten: Kabupaten) -> list[str]:
    """The opening lines of the dictionary: what, for whom, when."""
    user = ekspor.diminta_oleh
    nama = user.get_full_name() or user.get_username()
    return [
        f"EKSPOR DATA SAKIP KECAMATAN - KABUPATEN {kabupaten.nama.upper()} TAHUN {ekspor.tahun}",
        "",
        f"Dibuat {timezone.localtime().strftime('%Y-%m-%d %H:%M %Z')} atas permintaan {nama}.",
        f"Berisi data seluruh kecamatan Kabupaten {kabupaten.nama} ({kabupaten.provinsi}) untuk tahun {ekspor.tahun}:",
        "Renstra yang mencakup tahun itu (tujuan, sasaran, program, kegiatan, sub kegiatan, indikator), target,",
        "pagu per tahap, realisasi per triwulan (nilai indikator dan rupiah), serta status dan riwayat dokumen.",
        "Angka sebagaimana tersimpan di aplikasi saat ekspor dibuat, termasuk dokumen yang masih draf:",
        "lihat dokumen.csv untuk status tiap dokumen.",
    ]


def tulis(ekspor: Ekspor) -> bytes:
    """The ZIP of `ekspor`, written row by row (temporary file beyond SPOOL bytes)."""
    kabupaten = ekspor.kabupaten
    lk = lingkup(kabupaten, ekspor.tahun)
    with tempfile.SpooledTemporaryFile(max_size=SPOOL) as fh:
        tulis_zip(fh, berkas_list(lk), pengantar=pengantar(ekspor, kabupaten),
                  zona=zoneinfo.ZoneInfo(settings.TIME_ZONE))
        fh.seek(0)
        return fh.read()


def _selesai(ekspor_id: int, status: str, **fields) -> None:
    Ekspor.objects.filter(pk=ekspor_id).update(status=status, selesai=timezone.now(), **fields)


@task()
def buat_ekspor(ekspor_id: int) -> str:
    """The background task: write the ZIP of Ekspor `ekspor_id` into the file cache."""
    ekspor = Ekspor.objects.select_related("kabupaten", "diminta_oleh").filter(pk=ekspor_id).first()
    if ekspor is None:  # deleted while queued (its user or kabupaten removed)
        return ""
    Ekspor.objects.filter(pk=ekspor_id).update(status=Ekspor.Status.DIBUAT)
    try:
        content = tulis(ekspor)
        key = f"ekspor:{ekspor_id}:{uuid.uuid4().hex}"
        store().set(key, content, TIMEOUT)
    except Exception:
        logger.exception("Ekspor %s (%s %s) gagal", ekspor_id, ekspor.kabupaten.slug, ekspor.tahun)
        _selesai(ekspor_id, Ekspor.Status.GAGAL, pesan=GAGAL_UMUM)
        raise
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    _selesai(ekspor_id, Ekspor.Status.SIAP, kunci_berkas=key, ukuran=len(content), pesan="",
             nama_berkas=f"sakip-{ekspor.kabupaten.slug}-{ekspor.tahun}-{stamp}.zip")
    logger.info("Ekspor %s siap: %d bita", ekspor_id, len(content))
    return key


def keadaan(ekspor: Ekspor) -> Ekspor:
    """`ekspor` as it stands, also when its task died without saying so (worker killed, result pruned)."""
    if ekspor.is_finished or not ekspor.task_id:
        return ekspor
    try:
        status = default_task_backend.get_result(ekspor.task_id).status
    except TaskResultDoesNotExist:
        status = TaskResultStatus.FAILED
    if status == TaskResultStatus.FAILED:
        Ekspor.objects.filter(pk=ekspor.pk, status__in=[Ekspor.Status.ANTRE, Ekspor.Status.DIBUAT]).update(
            status=Ekspor.Status.GAGAL, pesan=TERHENTI, selesai=timezone.now())
        ekspor.refresh_from_db(fields=["status", "pesan", "selesai"])
    return ekspor


def berkas(ekspor: Ekspor) -> bytes | None:
    """The finished ZIP, or None when it is not ready or the cache has let it go."""
    if ekspor.status != Ekspor.Status.SIAP or not ekspor.kunci_berkas:
        return None
    return store().get(ekspor.kunci_berkas)
