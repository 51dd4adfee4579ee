"""manage.py ukur_naskah [--sub 200] [--paragraf 4] [--tracemalloc]: how long a long whole document takes on this
machine, and how much memory: a synthetic Renstra of a made-up kecamatan (programs, kegiatan and
`--sub` sub-kegiatan with indicators, targets and pagu; every narrative section filled with
`--paragraf` paragraphs, a list and a table) is fetched, numbered, written as HTML and laid out
as one PDF by WeasyPrint. Prints the page count, the time of each step, the peak of Python
allocations (`--tracemalloc`: a second, untimed print, since tracemalloc slows Python down several
times) and the process's peak resident memory (ru_maxrss). Runs inside a
transaction that is rolled back: nothing stays."""

from __future__ import annotations

import resource
import time
import tracemalloc
from decimal import Decimal

from django.core.management.base import BaseCommand
from django.db import transaction

from kecamatan.core.formatting import format_number
from kecamatan.models import (
    Camat,
    Dokumen,
    Indikator,
    Kabupaten,
    Kecamatan,
    Kegiatan,
    Narasi,
    Nomenklatur,
    Pagu,
    Periode,
    Program,
    Sasaran,
    SubKegiatan,
    Target,
    Tujuan,
)
from kecamatan.naskah.document import bagian_keys
from kecamatan.naskah.render import NASKAH_CSS, print_page
from kecamatan.naskah.selectors import Kunci, naskah_data
from kecamatan.tables.render_pdf import pdf_document

TAHUN = (2024, 2025, 2026)
KALIMAT = (
    "Kecamatan menyelenggarakan pelayanan publik, fasilitasi dan koordinasi pemerintahan desa sesuai kewenangan "
    "yang dilimpahkan Bupati, dengan memperhatikan kebutuhan masyarakat dan kemampuan anggaran daerah. "
    "Setiap kegiatan direncanakan, dilaksanakan, dipantau dan dievaluasi secara berkala agar target kinerja "
    "tahunan dan target akhir periode Renstra dapat dicapai dengan sumber daya yang tersedia. "
)


class _Rollback(Exception):
    pass


def _mb(value: float) -> str:
    return f"{format_number(Decimal(str(value)), 1)} MB"


def _s(value: float) -> str:
    return f"{format_number(Decimal(str(value)), 2)} s"


def build_renstra(n_sub: int, paragraf: int) -> Periode:
    """A Renstra 2024-2026 with 6 programs, 5 kegiatan each and `n_sub` sub-kegiatan spread over
    them, indicators with targets on every level, pagu on every sub-kegiatan, and the narrative."""
    kabupaten, _ = Kabupaten.objects.get_or_create(slug="ukur-naskah", defaults={"nama": "Ukur", "provinsi": "-"})
    kecamatan = Kecamatan.objects.create(kabupaten=kabupaten, nama="Ukur Naskah", slug="ukur-naskah",
                                         alamat="Jalan Uji No. 1")
    camat = Camat.objects.create(kecamatan=kecamatan, nama="Drs. CAMAT UKUR", nip="196509051990031009")
    periode = Periode.objects.create(kecamatan=kecamatan, tahun_mulai=2024, tahun_selesai=2026, tahun_kondisi_awal=2022)
    dokumen = Dokumen.objects.create(periode=periode, jenis=Dokumen.Jenis.RENSTRA, camat=camat, ttd_tempat="Ukur")

    tujuan = Tujuan.objects.create(periode=periode, uraian="Optimalnya penyelenggaraan reformasi birokrasi")
    indikator = [Indikator(periode=periode, tujuan=tujuan, uraian="Indeks Pelayanan Publik", satuan="Angka")]
    sasaran = [Sasaran.objects.create(tujuan=tujuan, urutan=i, uraian=f"Meningkatnya kinerja bidang {i}")
               for i in range(1, 4)]
    indikator += [Indikator(periode=periode, sasaran=s, uraian=f"Persentase capaian bidang {s.urutan}",
                            satuan="Persen", iku=True) for s in sasaran]
    n_prog, n_keg = 6, 5
    programs, kegiatan, subs = [], [], []
    for p in range(n_prog):
        nom = Nomenklatur.objects.create(kode=f"7.01.{90 + p}", level="program", nama=f"PROGRAM UKUR {p + 1}")
        programs.append(Program.objects.create(periode=periode, nomenklatur=nom, nama=nom.nama,
                                               rumusan_sasaran=f"Terselenggaranya program ukur {p + 1}"))
        for k in range(n_keg):
            knom = Nomenklatur.objects.create(kode=f"{nom.kode}.2.{k + 1:02d}", level="kegiatan", parent=nom,
                                              nama=f"Kegiatan ukur {p + 1}.{k + 1}")
            kegiatan.append(Kegiatan.objects.create(program=programs[-1], nomenklatur=knom, nama=knom.nama,
                                                    rumusan_sasaran=f"Terlaksananya kegiatan ukur {p + 1}.{k + 1}"))
    for i in range(n_sub):
        keg = kegiatan[i % len(kegiatan)]
        nom = Nomenklatur.objects.create(kode=f"{keg.nomenklatur.kode}.{i // len(kegiatan) + 1:04d}",
                                         level="subkegiatan", parent=keg.nomenklatur,
                                         nama=f"Penyediaan layanan administrasi dan koordinasi ukur nomor {i + 1}")
        subs.append(SubKegiatan(kegiatan=keg, nomenklatur=nom, nama=nom.nama,
                                rumusan_sasaran=f"Tersedianya layanan ukur nomor {i + 1}"))
    subs = SubKegiatan.objects.bulk_create(subs)
    indikator += [Indikator(periode=periode, program=p, uraian=f"Persentase pemenuhan {p.nama.lower()}",
                            satuan="Persen", formula="Jumlah yang dipenuhi dibagi jumlah yang direncanakan dikali 100")
                  for p in programs]
    indikator += [Indikator(periode=periode, kegiatan=k, uraian=f"Persentase fasilitasi {k.nama.lower()}",
                            satuan="Persen") for k in kegiatan]
    indikator += [Indikator(periode=periode, subkegiatan=s, uraian=f"Jumlah laporan {s.nama.lower()}",
                            satuan="Laporan", formula="Jumlah laporan yang disusun") for s in subs]
    indikator = Indikator.objects.bulk_create(indikator)
    Target.objects.bulk_create([Target(indikator=ind, tahun=t, nilai=Decimal(100 if ind.satuan != "Laporan" else 12))
                                for ind in indikator for t in TAHUN])
    Pagu.objects.bulk_create([Pagu(subkegiatan=s, tahun=t, tahap=Pagu.Tahap.RENSTRA,
                                   jumlah=Decimal(1_250_000 + 37_500 * (i % 40))) for i, s in enumerate(subs) for t in TAHUN])

    if paragraf:  # 0: no narrative at all (the tables only)
        text = "\n".join([KALIMAT * 3] * paragraf)
        items = "\n".join(f"{i}. {KALIMAT[:120]}" for i in range(1, 6))
        table = "Tabel: Data pendukung\n| No | Uraian | Jumlah |\n|---|---|---|\n" + "\n".join(
            f"| {i}. | Uraian data pendukung nomor {i} | {i * 3} |" for i in range(1, 16))
        data = naskah_data(periode, Kunci(Dokumen.Jenis.RENSTRA))
        Narasi.objects.bulk_create([
            Narasi(dokumen=dokumen, kunci=kunci, teks=f"{text}\n{items}\n{table if n % 3 == 0 else ''}")
            for n, (kunci, _, _) in enumerate(bagian_keys(data.susunan.naskah))
        ])
    return Periode.objects.select_related("kecamatan__kabupaten").get(pk=periode.pk)


class Command(BaseCommand):
    help = "Ukur waktu dan memori mencetak satu dokumen utuh yang panjang (Renstra sintetis); data dibatalkan."

    def add_arguments(self, parser):
        parser.add_argument("--sub", type=int, default=200, help="jumlah sub kegiatan (bawaan 200)")
        parser.add_argument("--paragraf", type=int, default=4, help="paragraf per bagian naskah (bawaan 4; 0: tanpa narasi)")
        parser.add_argument("--tracemalloc", action="store_true",
                            help="cetak sekali lagi dengan tracemalloc untuk puncak alokasi Python (lebih lambat)")

    def handle(self, *args, sub, paragraf, tracemalloc, **options):
        try:
            with transaction.atomic():
                periode = build_renstra(sub, paragraf)
                self._measure(periode, sub)
                if tracemalloc:
                    self._allocations(periode)
                raise _Rollback
        except _Rollback:
            pass

    def _allocations(self, periode: Periode) -> None:
        """A second print under tracemalloc (which slows Python down several times, so it is not timed)."""
        tracemalloc.start()
        susunan = naskah_data(periode, Kunci(Dokumen.Jenis.RENSTRA)).susunan
        pdf_document(print_page(susunan), NASKAH_CSS).write_pdf()
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        self.stdout.write(f"Memori puncak alokasi Python (tracemalloc, cetak kedua): {_mb(peak / 1024 / 1024)}")

    def _measure(self, periode: Periode, n_sub: int) -> None:
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        t0 = time.perf_counter()
        susunan = naskah_data(periode, Kunci(Dokumen.Jenis.RENSTRA)).susunan
        t1 = time.perf_counter()
        html = print_page(susunan)
        t2 = time.perf_counter()
        document = pdf_document(html, NASKAH_CSS)
        t3 = time.perf_counter()
        content = document.write_pdf()
        t4 = time.perf_counter()
        rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        pages = len(document.pages)
        out = self.stdout
        out.write(f"Renstra sintetis: {n_sub} sub kegiatan, {len(susunan.teks)} bagian naskah, "
                  f"{len(susunan.tables)} tabel, {len(susunan.figures)} gambar")
        out.write(f"PDF: {pages} halaman, {format_number(Decimal(len(content)) / 1024, 0)} KB")
        out.write(f"  ambil data + susun naskah   {_s(t1 - t0)}")
        out.write(f"  HTML                        {_s(t2 - t1)}")
        out.write(f"  tata letak (WeasyPrint)     {_s(t3 - t2)}")
        out.write(f"  tulis PDF                   {_s(t4 - t3)}")
        out.write(f"  total                       {_s(t4 - t0)} ({_s((t4 - t0) / max(pages, 1))} per halaman)")
        out.write(f"Memori puncak proses (ru_maxrss): {_mb(rss_after)} (sebelum mencetak {_mb(rss_before)})")
