"""`python manage.py cetak <tabel> --kecamatan <nama> --periode 2024-2026 --format html|pdf|xlsx
--output FILE [--tahun N]`: print an official table in batch (Bappeda), in tests and benchmarks.
`cetak dokumen-renstra|dokumen-renja|dokumen-lkj …` prints a whole document (cover, narrative,
every table in its place) as one PDF."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from kecamatan.models import Kecamatan, Periode
from kecamatan.reports.output import FORMATS, produce
from kecamatan.reports.registry import DOCUMENTS, TABLES, UnknownTable


class Command(BaseCommand):
    help = "Cetak tabel resmi (HTML, PDF, Excel) satu kecamatan."

    def add_arguments(self, parser):
        parser.add_argument("tabel", help=f"nama tabel: {', '.join(sorted(TABLES))}; dokumen utuh: "
                                          f"{', '.join(DOCUMENTS)}")
        parser.add_argument("--kecamatan", required=True, help="nama kecamatan, mis. randuagung")
        parser.add_argument("--periode", help="periode Renstra, mis. 2024-2026 (boleh dikosongkan bila --tahun diisi)")
        parser.add_argument("--tahun", type=int, help="tahun untuk tabel tahunan (Renja, LKj)")
        parser.add_argument("--format", default="pdf", choices=sorted(FORMATS))
        parser.add_argument("--output", help="nama berkas hasil (bawaan: nama tabel di folder ini)")
        parser.add_argument("--opsi", action="append", default=[], metavar="NAMA=NILAI",
                            help="pilihan tambahan tabel, mis. --opsi pembanding=yosowilangun (LKj Tabel 3.7)")

    def handle(self, *args, tabel, kecamatan, periode, tahun, format, output, opsi, **options):
        pilihan: dict[str, str] = {}
        for item in opsi:
            nama, sep, nilai = item.partition("=")
            if not sep or not nama.strip():
                raise CommandError(f"Tulis opsi sebagai NAMA=NILAI, bukan '{item}'.")
            pilihan[nama.strip()] = nilai.strip()
        kec = (
            Kecamatan.objects.filter(kabupaten__slug=settings.SAKIP_KABUPATEN)
            .filter(Q(slug__iexact=kecamatan) | Q(nama__iexact=kecamatan))
            .first()
        )
        if kec is None:
            raise CommandError(f"Kecamatan '{kecamatan}' tidak ditemukan.")
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
            raise CommandError(f"Renstra Kecamatan {kec.nama} {periode or tahun} tidak ditemukan.")
        try:
            out = produce(tabel, periode_id=found.pk, tahun=tahun, fmt=format, options=pilihan)
        except (UnknownTable, ValueError) as exc:
            raise CommandError(str(exc.args[0] if exc.args else exc)) from None
        path = Path(output or out.filename)
        path.write_bytes(out.content)
        self.stdout.write(f"{path} ({len(out.content):,} bita)".replace(",", "."))
