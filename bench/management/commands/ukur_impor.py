"""manage.py ukur_impor [--baris 5000]: how long a realization upload of that many rows takes on
this machine and database, to validate (the preview) and to save (validated again under the
document's lock, then written with audit history). Two rounds: a triwulan filled for the first
time, then every value changed. Runs inside a transaction that is rolled back: nothing stays."""

from __future__ import annotations

import io
import os
import time
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from kecamatan.core.formatting import format_number
from kecamatan.dokumen import selectors
from kecamatan.importing import documents
from kecamatan.importing import services as importing_services
from kecamatan.importing.base import FIRST_DATA_ROW, HEADER_ROW
from kecamatan.models import (
    Indikator,
    Kabupaten,
    Kecamatan,
    Kegiatan,
    Nomenklatur,
    Pagu,
    Peran,
    Periode,
    Profil,
    Program,
    SubKegiatan,
    Target,
)

TARGET_SECONDS = Decimal(5)
KUNCI = "realisasi-2024-1"


class _Rollback(Exception):
    pass


def _seconds(value: float) -> str:
    return f"{format_number(Decimal(str(value)), 2)} s"


def build_periode(n_sub: int):
    """A kecamatan whose Renstra has `n_sub` sub-kegiatan (50 per kegiatan), each with an indicator,
    a 2024 target and pagu; and its operator. Bulk inserts: seconds, not minutes."""
    kabupaten, _ = Kabupaten.objects.get_or_create(slug="ukur-impor", defaults={"nama": "Ukur Impor", "provinsi": "-"})
    kecamatan = Kecamatan.objects.create(kabupaten=kabupaten, nama="Ukur Impor", slug="ukur-impor")
    periode = Periode.objects.create(kecamatan=kecamatan, tahun_mulai=2024, tahun_selesai=2026, tahun_kondisi_awal=2022)
    n_keg = (n_sub + 49) // 50
    if n_keg > 99:
        raise CommandError("Paling banyak 9.900 sub kegiatan (99 kegiatan × 100).")
    prog_nom = Nomenklatur.objects.create(kode="7.01.98", level="program", nama="PROGRAM UKUR IMPOR")
    keg_nom = Nomenklatur.objects.bulk_create(
        [Nomenklatur(kode=f"7.01.98.2.{k:02d}", level="kegiatan", nama=f"Kegiatan {k}", parent=prog_nom)
         for k in range(1, n_keg + 1)])
    sub_nom = Nomenklatur.objects.bulk_create(
        [Nomenklatur(kode=f"{keg_nom[i // 50].kode}.{i % 50 + 1:04d}", level="subkegiatan",
                     nama=f"Sub kegiatan uji {i + 1}", parent=keg_nom[i // 50]) for i in range(n_sub)])
    program = Program.objects.create(periode=periode, nomenklatur=prog_nom, nama=prog_nom.nama)
    kegiatan = Kegiatan.objects.bulk_create([Kegiatan(program=program, nomenklatur=n, nama=n.nama) for n in keg_nom])
    subs = SubKegiatan.objects.bulk_create(
        [SubKegiatan(kegiatan=kegiatan[i // 50], nomenklatur=n, nama=n.nama) for i, n in enumerate(sub_nom)])
    inds = Indikator.objects.bulk_create(
        [Indikator(periode=periode, subkegiatan=s, uraian=f"Jumlah laporan sub kegiatan {i + 1}", satuan="Laporan")
         for i, s in enumerate(subs)])
    Target.objects.bulk_create([Target(indikator=i, tahun=2024, nilai=Decimal(4)) for i in inds])
    Pagu.objects.bulk_create([Pagu(subkegiatan=s, tahun=2024, jumlah=Decimal(10_000_000)) for s in subs])
    user = get_user_model().objects.create_user(username="ukur.impor")
    Profil.objects.create(user=user, peran=Peran.OPERATOR, kecamatan=kecamatan)
    return periode, user


def fill(content: bytes, round_no: int) -> bytes:
    """Every input cell typed the way people type: "84,5", "N/A" with a reason, "Rp 1.500.000"."""
    wb = load_workbook(io.BytesIO(content))
    ws = wb["Realisasi Kinerja"]
    headings = {ws.cell(HEADER_ROW, c).value: c for c in range(1, ws.max_column + 1)}
    nilai_col, ket_col = headings["Realisasi TW I"], headings["Keterangan TW I"]
    for r in range(FIRST_DATA_ROW, ws.max_row + 1):
        if not str(ws.cell(r, 1).value or "").startswith("indikator:"):
            continue
        if r % 10 == 0:
            ws.cell(r, nilai_col).value, ws.cell(r, ket_col).value = "N/A", f"Belum dilaporkan (putaran {round_no})"
        else:
            ws.cell(r, nilai_col).value, ws.cell(r, ket_col).value = f"{r % 7 + round_no},5", None
    ws = wb["Realisasi Anggaran"]
    rp_col = next(c for c in range(1, ws.max_column + 1) if ws.cell(HEADER_ROW, c).value == "Realisasi Rp TW I")
    for r in range(FIRST_DATA_ROW, ws.max_row + 1):
        if str(ws.cell(r, 1).value or "").startswith("subkegiatan:"):
            ws.cell(r, rp_col).value = f"Rp {format_number(Decimal(1_500_000 + 1000 * r + round_no))}"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


class Command(BaseCommand):
    help = "Mengukur waktu validasi dan penyimpanan unggahan realisasi triwulan sebanyak --baris baris (bawaan 5.000)."

    def add_arguments(self, parser):
        parser.add_argument("--baris", type=int, default=5000, help="jumlah baris isian (genap): separuh indikator, "
                                                                     "separuh sub kegiatan")

    def handle(self, *args, baris: int, **options):
        if baris < 2 or baris % 2:
            raise CommandError("--baris harus bilangan genap ≥ 2.")
        lines: list[str] = []
        try:
            with transaction.atomic():
                self._run(baris // 2, lines)
                raise _Rollback
        except _Rollback:
            pass
        for line in lines:
            self.stdout.write(line)
        self.stdout.write("Semua data uji dibatalkan (rollback): basis data tidak berubah.")

    def _run(self, n_sub: int, lines: list[str]) -> None:
        periode, user = build_periode(n_sub)
        lines.append(f"Impor realisasi TW I 2024 ({connection.vendor}): {format_number(Decimal(2 * n_sub))} baris "
                     f"({format_number(Decimal(n_sub))} indikator + {format_number(Decimal(n_sub))} sub kegiatan).")
        worst = 0.0
        for round_no, what in ((1, "isian baru"), (2, "semua diubah")):
            dokumen = selectors.dokumen_for(periode, KUNCI)
            t0 = time.perf_counter()
            template = documents.template_for(periode, dokumen, by=user).content  # downloaded after the last save
            t_template = time.perf_counter() - t0
            content = fill(template, round_no)
            t0, c0 = time.perf_counter(), time.process_time()
            preview = documents.preview_upload(periode, dokumen, content)
            t_validate = time.perf_counter() - t0
            if preview.errors or len(preview.changes) != 2 * n_sub:
                raise CommandError(f"Unggahan uji tidak sah: {len(preview.errors)} galat, {len(preview.changes)} "
                                   f"perubahan; contoh: {preview.errors[:3]}")
            with CaptureQueriesContext(connection) as queries:
                t0 = time.perf_counter()
                importing_services.import_xlsx(periode=periode, kunci=KUNCI, content=content, nama_file="ukur.xlsx",
                                     versi=dokumen.versi, by=user)
                t_save = time.perf_counter() - t0
            cpu = time.process_time() - c0
            total = t_validate + t_save
            worst = max(worst, total)
            lines.append(f"  {what:<13}: validasi {_seconds(t_validate)} · simpan {_seconds(t_save)} (validasi ulang "
                         f"+ tulis, {len(queries)} kueri SQL) · total {_seconds(total)} (CPU {_seconds(cpu)}) · berkas "
                         f"{format_number(Decimal(len(content)) / 1024, 0)} KB (templat dibuat {_seconds(t_template)}, "
                         "tidak termasuk)")
        verdict = "tercapai" if Decimal(str(worst)) <= TARGET_SECONDS else "TIDAK tercapai"
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
        beban = f" (beban mesin saat diukur: {format_number(Decimal(str(load)), 2)})" if load is not None else ""
        lines.append(f"Sasaran ≤ {format_number(TARGET_SECONDS)} s per unggahan (validasi + simpan): {verdict}{beban}.")
