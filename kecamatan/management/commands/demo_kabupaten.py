"""`python manage.py demo_kabupaten [--seed 1] [--sampai 2026-11-15] [--kabupaten N] [--kecamatan 21]`:
give every kecamatan of the kabupaten without a Renstra a generated one with its history, and
optionally build N synthetic kabupaten for benchmarks. Idempotent; real data is never touched."""

import datetime
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from kecamatan.demo.kabupaten import DEMO_SAMPAI, demo_kabupaten, kabupaten_sintetis
from kecamatan.models import Kabupaten, Nomenklatur


class Command(BaseCommand):
    help = "Bangkitkan data demo seluruh kecamatan (tanpa data asli) dan, bila diminta, kabupaten sintetis."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=1, help="benih acak: hasil sama untuk benih sama")
        parser.add_argument("--sampai", type=datetime.date.fromisoformat, default=DEMO_SAMPAI,
                            help=f"riwayat dibangkitkan sampai tanggal ini (bawaan {DEMO_SAMPAI.isoformat()})")
        parser.add_argument("--kabupaten", type=int, default=0, metavar="N",
                            help="tambahkan N kabupaten sintetis untuk uji beban")
        parser.add_argument("--kecamatan", type=int, default=21, metavar="K",
                            help="jumlah kecamatan per kabupaten sintetis (bawaan 21)")

    def handle(self, *args, seed, sampai, kabupaten, kecamatan, **options):
        if not Nomenklatur.objects.exists():
            raise CommandError("Katalog nomenklatur kosong: jalankan dulu `python manage.py muat_demo`.")
        start = time.perf_counter()
        kab = Kabupaten.objects.filter(slug=settings.SAKIP_KABUPATEN).first()
        if kab is not None:
            hasil = demo_kabupaten(kab, seed=seed, sampai=sampai)
            self._say(f"Kabupaten {kab.nama}", hasil)
        elif not kabupaten:
            raise CommandError(f"Kabupaten '{settings.SAKIP_KABUPATEN}' belum ada: jalankan dulu "
                               "`python manage.py muat_demo`.")
        if kabupaten:
            hasil = kabupaten_sintetis(kabupaten, per_kabupaten=kecamatan, seed=seed, sampai=sampai)
            self._say(f"{kabupaten} kabupaten sintetis × {kecamatan} kecamatan", hasil)
        self.stdout.write(f"Selesai dalam {time.perf_counter() - start:.1f} detik.")

    def _say(self, what, hasil):
        if hasil.created:
            made = ", ".join(f"{n:,} {k}".replace(",", ".") for k, n in sorted(hasil.created.items()))
            self.stdout.write(self.style.SUCCESS(f"{what}: dibuat {made}."))
        else:
            self.stdout.write(f"{what}: setiap kecamatan sudah mempunyai Renstra; tidak ada yang dibuat.")
