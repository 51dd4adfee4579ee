"""`python manage.py cetak <tabel> [--kabupaten banyuwangi|35.10] --kecamatan <nama> --periode 2024-2026
--format html|pdf|xlsx --output FILE [--tahun N]`: print an official table of one kecamatan in batch (Bappeda), in tests
and benchmarks. `cetak dokumen-renstra|dokumen-renja|dokumen-lkj …` prints a whole document (cover,
narrative, every table in its place) as one PDF.

Kabupaten-level reports have no single kecamatan: `cetak perbandingan --tahun 2024 --triwulan 2
--format pdf` prints every comparison page of all kecamatan as one document, and
`perbandingan-matriks`, `-penyerapan`, `-kelengkapan`, `-tren` one page each (options --program,
--indikator, --kecamatan for the trend, --urut, --tanggal).

--kabupaten (slug or kode wilayah) may be left out only where the installation holds one real
kabupaten (core/wilayah.kabupaten_dari); with several, the error lists them."""

import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from kecamatan.cetak.output import produce
from kecamatan.cetak.registry import DOCUMENTS, TABLES, UnknownTable
from kecamatan.core.wilayah import TIDAK_JELAS, kabupaten_dari, kecamatan_dari, kecamatan_di
from kecamatan.models import Periode
from kecamatan.perbandingan.data import URUT_PILIHAN, Pilihan
from kecamatan.perbandingan.registry import NAMES, produce_kabupaten
from kecamatan.perbandingan.rules import kunci_indikator
from kecamatan.tables.output import FORMATS


class Command(BaseCommand):
    help = "Cetak tabel resmi (HTML, PDF, Excel) satu kecamatan, atau perbandingan seluruh kecamatan kabupaten."

    def add_arguments(self, parser):
        parser.add_argument("tabel", help=f"nama tabel: {', '.join(sorted(TABLES))}; dokumen utuh: "
                                          f"{', '.join(DOCUMENTS)}; perbandingan: {', '.join(NAMES)}")
        parser.add_argument("--kabupaten", help="slug atau kode wilayah kabupaten, mis. banyuwangi atau 35.10 "
                                                "(boleh dikosongkan bila hanya ada satu kabupaten)")
        parser.add_argument("--kecamatan", help="nama kecamatan, mis. randuagung (perbandingan-tren: kecamatan trennya)")
        parser.add_argument("--periode", help="periode Renstra, mis. 2024-2026 (boleh dikosongkan bila --tahun diisi)")
        parser.add_argument("--tahun", type=int, help="tahun untuk tabel tahunan (Renja, LKj) dan perbandingan")
        parser.add_argument("--format", default="pdf", choices=sorted(FORMATS))
        parser.add_argument("--output", help="nama berkas hasil (bawaan: nama tabel di folder ini)")
        parser.add_argument("--opsi", action="append", default=[], metavar="NAMA=NILAI",
                            help="pilihan tambahan tabel, mis. --opsi pembanding=yosowilangun (LKj Tabel 3.7)")

        group = parser.add_argument_group("perbandingan seluruh kecamatan")
        group.add_argument("--triwulan", type=int, choices=[1, 2, 3, 4], default=4, help="s.d. triwulan (bawaan 4)")
        group.add_argument("--program", default="", help="kode program, mis. 7.01.06")
        group.add_argument("--indikator", default="", help="uraian indikator (dicocokkan seperti di halaman)")
        group.add_argument("--urut", default="nama", help=f"urutan: {', '.join(URUT_PILIHAN)}, k0, k1 …")
        group.add_argument("--turun", action="store_true", help="urutkan dari yang terbesar")
        group.add_argument("--tanggal", type=datetime.date.fromisoformat,
                           help="keadaan data per tanggal (bawaan hari ini): menentukan keterlambatan")

    def handle(self, *args, tabel, kecamatan, periode, tahun, format, output, opsi, **options):
        try:
            if tabel.lower() in NAMES:
                out = self._perbandingan(tabel.lower(), kecamatan, tahun, format, **options)
            else:
                out = self._kecamatan(tabel, kecamatan, options["kabupaten"], periode, tahun, format, self._opsi(opsi))
        except TIDAK_JELAS as exc:
            raise CommandError(str(exc)) from None
        path = Path(output or out.filename)
        path.write_bytes(out.content)
        self.stdout.write(f"{path} ({len(out.content):,} bita)".replace(",", "."))

    def _perbandingan(self, name, kecamatan, tahun, fmt, *, triwulan, kabupaten, program, indikator, urut, turun,
                      tanggal, **options):
        kab = kabupaten_dari(kabupaten)
        if tahun is None:
            raise CommandError("Isi --tahun, mis. --tahun 2024 --triwulan 2.")
        kec_slug = kecamatan_di(kab, kecamatan).slug if kecamatan else ""
        pilihan = Pilihan(tahun=tahun, triwulan=triwulan, hari_ini=tanggal or timezone.localdate(), program=program,
                          indikator=kunci_indikator(indikator) if indikator else "", kecamatan=kec_slug,
                          urut=urut, turun=turun)
        return produce_kabupaten(name, kabupaten=kab, pilihan=pilihan, fmt=fmt)

    @staticmethod
    def _opsi(opsi: list[str]) -> dict[str, str]:
        pilihan: dict[str, str] = {}
        for item in opsi:
            nama, sep, nilai = item.partition("=")
            if not sep or not nama.strip():
                raise CommandError(f"Tulis opsi sebagai NAMA=NILAI, bukan '{item}'.")
            pilihan[nama.strip()] = nilai.strip()
        return pilihan

    def _kecamatan(self, tabel, kecamatan, kabupaten, periode, tahun, fmt, pilihan):
        if not kecamatan:
            raise CommandError("Isi --kecamatan, mis. --kecamatan randuagung.")
        kec = kecamatan_dari(kecamatan, kabupaten)
        qs = Periode.objects.filter(kecamatan=kec)
        if periode:
            try:
                mulai, selesai = (int(x) for x in periode.split("-"))
            except ValueError:
                raise CommandError("Tulis periode sebagai TAHUN-TAHUN, mis. 2024-2026.") from None
            qs = qs.filter(tahun_mulai=mulai, tahun_selesai=selesai)
        elif tahun:
            qs = qs.filter(tahun_mulai__lte=tahun, tahun_selesai__gte=tahun)
        else:
            raise CommandError("Isi --periode atau --tahun.")
        found = qs.first()
        if found is None:
            raise CommandError(f"Renstra Kecamatan {kec.nama} (Kabupaten {kec.kabupaten.nama}) {periode or tahun} "
                               "tidak ditemukan.")
        try:
            return produce(tabel, periode_id=found.pk, tahun=tahun, fmt=fmt, options=pilihan)
        except (UnknownTable, ValueError) as exc:
            raise CommandError(str(exc.args[0] if exc.args else exc)) from None
