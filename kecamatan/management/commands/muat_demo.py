"""`python manage.py muat_demo`: load reference and demo data into a migrated database, for the
demo only: it creates the demo accounts (admin included) with a public password. Production loads
its reference data with `muat_acuan` and gets its first admin from `createsuperuser`.

It refuses a database that looks like production: DEBUG off and accounts that are not the demo's.
run.sh (DEBUG on) and a fresh database (no accounts yet, as in the tests) are never refused.

Idempotent: a second run creates nothing and changes nothing."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from kecamatan.demo.muat import DEMO_PASSWORD, muat_demo, pengguna_bukan_demo

PERINGATAN = (
    "PERINGATAN: muat_demo hanya untuk demo. Perintah ini membuat akun demo (termasuk admin) dengan kata sandi "
    f"publik {DEMO_PASSWORD}; jangan pernah menjalankannya pada basis data produksi. Untuk produksi: "
    "`manage.py muat_acuan` lalu `manage.py createsuperuser`."
)


class Command(BaseCommand):
    help = ("Khusus demo: muat data acuan dan data demo (Renstra Randuagung, dll.) serta akun demo berkata sandi "
            "publik. Jangan dijalankan pada basis data produksi; gunakan muat_acuan.")

    def add_arguments(self, parser):
        parser.add_argument("--tanpa-demo-kabupaten", action="store_true",
                            help="jangan bangkitkan Renstra demo untuk kecamatan lain (demo_kabupaten)")

    def handle(self, *args, tanpa_demo_kabupaten=False, **options):
        self.stderr.write(self.style.WARNING(PERINGATAN))
        lain = pengguna_bukan_demo()
        if lain and not settings.DEBUG:
            raise CommandError(
                f"Basis data ini sudah memuat akun yang bukan akun demo ({', '.join(lain[:5])}"
                f"{', …' if len(lain) > 5 else ''}): tampaknya basis data "
                "produksi, jadi muat_demo tidak dijalankan. Data acuan dimuat dengan `manage.py muat_acuan`.")
        report = muat_demo(kabupaten_demo=not tanpa_demo_kabupaten)
        if report.created:
            made = ", ".join(f"{n} {what}" for what, n in sorted(report.created.items()))
            self.stdout.write(self.style.SUCCESS(f"Dibuat: {made}."))
        else:
            self.stdout.write("Data demo sudah lengkap; tidak ada yang diubah.")
        self.stdout.write("Login demo (kata sandi sama untuk semua):")
        for username, password, role in report.users:
            self.stdout.write(f"  {username:<22} {password}   {role}")
