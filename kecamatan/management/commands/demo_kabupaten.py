"""`python manage.py demo_kabupaten [--kabupaten banyuwangi|35.10] [--seed 1] [--sampai 2026-11-15]
[--sintetis N] [--kecamatan 21]`: give every kecamatan of the kabupaten without a Renstra a generated
one with its history, and optionally build N synthetic kabupaten for benchmarks. Idempotent; real
data is never touched. --kabupaten may be left out only where the installation holds one real
kabupaten. An all-digit `--kabupaten 50` is still read as the count of synthetic kabupaten (the
option's old meaning), with a warning."""

import datetime
import time

from django.core.management.base import BaseCommand, CommandError

from kecamatan.core.wilayah import KabupatenTidakJelas, kabupaten_dari
from kecamatan.demo.kabupaten import DEMO_SAMPAI, demo_kabupaten, kabupaten_sintetis
from kecamatan.models import Kabupaten, Nomenklatur


class Command(BaseCommand):
    help = "Bangkitkan data demo seluruh kecamatan (tanpa data asli) dan, bila diminta, kabupaten sintetis."

    def add_arguments(self, parser):
        parser.add_argument("--kabupaten", default="",
                            help="slug atau kode wilayah kabupaten, mis. banyuwangi atau 35.10 (boleh dikosongkan "
                                 "bila hanya ada satu kabupaten)")
        parser.add_argument("--seed", type=int, default=1, help="benih acak: hasil sama untuk benih sama")
        parser.add_argument("--sampai", type=datetime.date.fromisoformat, default=DEMO_SAMPAI,
                            help=f"riwayat dibangkitkan sampai tanggal ini (bawaan {DEMO_SAMPAI.isoformat()})")
        parser.add_argument("--sintetis", type=int, default=0, metavar="N",
                            help="tambahkan N kabupaten sintetis untuk uji beban")
        parser.add_argument("--kecamatan", type=int, default=21, metavar="K",
                            help="jumlah kecamatan per kabupaten sintetis (bawaan 21)")

    def handle(self, *args, kabupaten, seed, sampai, sintetis, kecamatan, **options):
        ref = kabupaten.strip()
        if ref.isdigit():  # the option's old meaning: how many synthetic kabupaten
            if sintetis:
                raise CommandError("Isi jumlah kabupaten sintetis dengan --sintetis saja, bukan juga --kabupaten.")
            self.stderr.write(f"Peringatan: --kabupaten {ref} sebagai jumlah kabupaten sintetis sudah usang; pakai "
                              f"--sintetis {ref}. --kabupaten kini memilih kabupaten (slug atau kode wilayah).")
            ref, sintetis = "", int(ref)
        if not Nomenklatur.objects.exists():
            raise CommandError("Katalog nomenklatur kosong: jalankan dulu `python manage.py muat_demo`.")
        kab = self._kabupaten(ref, sintetis)
        start = time.perf_counter()
        if kab is not None:
            hasil = demo_kabupaten(kab, seed=seed, sampai=sampai)
            self._say(f"Kabupaten {kab.nama}", hasil)
        if sintetis:
            hasil = kabupaten_sintetis(sintetis, per_kabupaten=kecamatan, seed=seed, sampai=sampai)
            self._say(f"{sintetis} kabupaten sintetis × {kecamatan} kecamatan", hasil)
        self.stdout.write(f"Selesai dalam {time.perf_counter() - start:.1f} detik.")

    @staticmethod
    def _kabupaten(ref: str, sintetis: int) -> Kabupaten | None:
        """The real kabupaten to fill; None where only synthetic ones are asked for and none exists."""
        if not ref and sintetis and not Kabupaten.objects.filter(demo=False).exists():
            return None
        try:
            return kabupaten_dari(ref)
        except KabupatenTidakJelas as exc:
            raise CommandError(str(exc)) from None

    def _say(self, what, hasil):
        if hasil.created:
            made = ", ".join(f"{n:,} {k}".replace(",", ".") for k, n in sorted(hasil.created.items()))
            self.stdout.write(self.style.SUCCESS(f"{what}: dibuat {made}."))
        else:
            self.stdout.write(f"{what}: setiap kecamatan sudah mempunyai Renstra; tidak ada yang dibuat.")
