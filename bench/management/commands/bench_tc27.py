"""`python manage.py bench_tc27 [--kabupaten lumajang|35.08] [--kecamatan randuagung] [--periode 2024-2026]
[--ulang 5]` (--kabupaten may be left out where the installation holds one real kabupaten): how
long T-C.27 of one kecamatan takes to fetch, build and render (HTML and PDF), beside the raw-SQL
lower bound: the same rows read with plain cursor queries and nothing else. Each step is run
`--ulang` times; the best time counts (the least disturbed by other work on the machine).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from decimal import Decimal

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kecamatan.core.formatting import format_number
from kecamatan.core.wilayah import TIDAK_JELAS, kecamatan_dari
from kecamatan.models import (
    Camat,
    CapaianLalu,
    Dokumen,
    Indikator,
    IndikatorLalu,
    Kabupaten,
    Kecamatan,
    Kegiatan,
    Nomenklatur,
    Pagu,
    Periode,
    Program,
    Sasaran,
    SubKegiatan,
    Target,
    Tujuan,
)
from kecamatan.renstra.data_tabel import apply_kondisi_awal
from kecamatan.renstra.selectors import renstra_data
from kecamatan.renstra.selectors_tabel import kondisi_awal_tercatat
from kecamatan.renstra.tables.renstra import build_tc27_noted
from kecamatan.tables import pdf_cache
from kecamatan.tables.render_html import render_table_html
from kecamatan.tables.render_pdf import pdf_document, print_html


def _t(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def raw_sql_statements() -> list[str]:
    """The rows T-C.27 prints, read with one plain statement per table (placeholders: periode id)."""
    per, kec, kab = _t(Periode), _t(Kecamatan), _t(Kabupaten)
    prog, keg, sub, nom = _t(Program), _t(Kegiatan), _t(SubKegiatan), _t(Nomenklatur)
    return [
        f"SELECT p.id, p.tahun_mulai, p.tahun_selesai, p.tahun_kondisi_awal, k.nama, b.nama, b.provinsi "
        f"FROM {per} p JOIN {kec} k ON k.id = p.kecamatan_id JOIN {kab} b ON b.id = k.kabupaten_id WHERE p.id = %s",
        f"SELECT d.ttd_tempat, d.ttd_tanggal, d.ttd_hanya_bulan, c.nama, c.nip, c.pangkat, c.golongan "
        f"FROM {_t(Dokumen)} d LEFT JOIN {_t(Camat)} c ON c.id = d.camat_id WHERE d.periode_id = %s AND d.jenis = 'renstra'",
        f"SELECT id, urutan, uraian FROM {_t(Tujuan)} WHERE periode_id = %s",
        f"SELECT s.id, s.tujuan_id, s.urutan, s.uraian FROM {_t(Sasaran)} s JOIN {_t(Tujuan)} t ON t.id = s.tujuan_id "
        f"WHERE t.periode_id = %s",
        f"SELECT x.id, n.kode, x.nama, x.rumusan_sasaran, x.unit_kerja, x.sasaran_id FROM {prog} x "
        f"JOIN {nom} n ON n.id = x.nomenklatur_id WHERE x.periode_id = %s ORDER BY n.kode",
        f"SELECT x.id, x.program_id, n.kode, x.nama, x.rumusan_sasaran, x.unit_kerja FROM {keg} x "
        f"JOIN {nom} n ON n.id = x.nomenklatur_id JOIN {prog} p ON p.id = x.program_id WHERE p.periode_id = %s "
        f"ORDER BY n.kode",
        f"SELECT x.id, x.kegiatan_id, n.kode, x.nama, x.rumusan_sasaran, x.unit_kerja FROM {sub} x "
        f"JOIN {nom} n ON n.id = x.nomenklatur_id JOIN {keg} k ON k.id = x.kegiatan_id "
        f"JOIN {prog} p ON p.id = k.program_id WHERE p.periode_id = %s ORDER BY n.kode",
        f"SELECT * FROM {_t(Indikator)} WHERE periode_id = %s",
        f"SELECT t.indikator_id, t.tahun, t.nilai, t.label FROM {_t(Target)} t "
        f"JOIN {_t(Indikator)} i ON i.id = t.indikator_id WHERE i.periode_id = %s",
        f"SELECT g.subkegiatan_id, g.tahun, g.jumlah FROM {_t(Pagu)} g JOIN {sub} x ON x.id = g.subkegiatan_id "
        f"JOIN {keg} k ON k.id = x.kegiatan_id JOIN {prog} p ON p.id = k.program_id "
        f"WHERE p.periode_id = %s AND g.tahap = 'renstra'",
        f"SELECT l.indikator_id, c.tahun, c.realisasi, c.realisasi_label FROM {_t(CapaianLalu)} c "
        f"JOIN {_t(IndikatorLalu)} l ON l.id = c.indikator_lalu_id JOIN {per} p ON p.id = l.periode_id "
        f"WHERE l.periode_id = %s AND l.indikator_id IS NOT NULL AND c.tahun = p.tahun_kondisi_awal",
    ]


def best_of(n: int, fn: Callable[[], object]) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(n):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


class Command(BaseCommand):
    help = "Ukur waktu membangun dan mencetak T-C.27 satu kecamatan (HTML, PDF) dibanding batas bawah SQL mentah."

    def add_arguments(self, parser):
        parser.add_argument("--kabupaten", help="slug atau kode wilayah kabupaten (boleh dikosongkan bila hanya ada "
                                                "satu kabupaten)")
        parser.add_argument("--kecamatan", default="randuagung")
        parser.add_argument("--periode", default="2024-2026")
        parser.add_argument("--ulang", type=int, default=5, help="jumlah ulangan per langkah (waktu terbaik dipakai)")

    def handle(self, *args, kabupaten, kecamatan, periode, ulang, **options):
        try:
            mulai = int(periode.split("-")[0])
        except ValueError:
            raise CommandError("Tulis periode sebagai TAHUN-TAHUN, mis. 2024-2026.") from None
        try:
            kec = kecamatan_dari(kecamatan, kabupaten)
        except TIDAK_JELAS as exc:
            raise CommandError(str(exc)) from None
        found = Periode.objects.filter(kecamatan=kec, tahun_mulai=mulai).first()
        if found is None:
            raise CommandError(f"Renstra {kecamatan} {periode} tidak ditemukan (jalankan muat_demo?).")
        pk, n = found.pk, max(1, ulang)
        statements = raw_sql_statements()

        def raw():
            with connection.cursor() as cursor:
                rows = 0
                for sql in statements:
                    cursor.execute(sql, [pk])
                    rows += len(cursor.fetchall())
                return rows

        def fetch():
            return apply_kondisi_awal(renstra_data(pk), kondisi_awal_tercatat(pk))

        t_raw, n_rows = best_of(n, raw)
        with CaptureQueriesContext(connection) as queries:
            fetch()
        t_fetch, (data, catatan) = best_of(n, fetch)
        t_build, report = best_of(n, lambda: build_tc27_noted(data, catatan))
        t_html, _ = best_of(n, lambda: render_table_html(report))
        t_print_html, html = best_of(n, lambda: print_html([report]))
        t_pdf, pdf = best_of(min(n, 3), lambda: pdf_document(html).write_pdf())
        pdf_cache.store().delete(pdf_cache.pdf_key(html))
        t_cold, (_, hit_cold) = best_of(1, lambda: pdf_cache.render_pdf_cached([report]))
        t_warm, (_, hit_warm) = best_of(n, lambda: pdf_cache.render_pdf_cached([report]))

        subs = sum(1 for node in data.nodes() if node.level == "subkegiatan")
        self.stdout.write(f"T-C.27 Kecamatan {data.kecamatan} {periode}: {subs} sub kegiatan, {len(report.rows)} baris, "
                          f"{format_number(len(pdf))} bita PDF; waktu terbaik dari {n} kali")
        self.stdout.write(f"{'langkah':<48}{'waktu':>12}{'× SQL mentah':>15}")

        def line(label: str, seconds: float) -> None:
            ms = format_number(Decimal(f"{seconds * 1000:.1f}"), 1)
            ratio = format_number(Decimal(f"{seconds / t_raw:.1f}"), 1)
            self.stdout.write(f"{label:<48}{ms:>9} ms{ratio:>14}×")

        line(f"SQL mentah ({len(statements)} kueri, {n_rows} baris): batas bawah", t_raw)
        line(f"selector ORM ({len(queries)} kueri)", t_fetch)
        line("builder (data → Report)", t_build)
        line("render HTML tabel", t_html)
        line("render halaman cetak (HTML untuk PDF)", t_print_html)
        line("render PDF (WeasyPrint)", t_pdf)
        line("HTML: ambil + bangun + render", t_fetch + t_build + t_html)
        line("PDF: ambil + bangun + render", t_fetch + t_build + t_print_html + t_pdf)
        line(f"PDF lewat cache, pertama ({'kena' if hit_cold else 'tidak kena'})", t_cold)
        line(f"PDF lewat cache, berikutnya ({'kena' if hit_warm else 'tidak kena'})", t_warm)
        line("PDF dari cache: ambil + bangun + cache", t_fetch + t_build + t_warm)
