"""`python manage.py muat_demo`: load reference and demo data into a migrated database.

Idempotent: a second run creates nothing and changes nothing."""

from django.core.management.base import BaseCommand

from kecamatan.demo.muat import muat_demo


class Command(BaseCommand):
    help = "Muat data acuan (kecamatan, nomenklatur) dan data demo (Renstra Randuagung, pengguna demo)."

    def add_arguments(self, parser):
        parser.add_argument("--tanpa-demo-kabupaten", action="store_true",
                            help="jangan bangkitkan Renstra demo untuk kecamatan lain (demo_kabupaten)")

    def handle(self, *args, tanpa_demo_kabupaten=False, **options):
        report = muat_demo(kabupaten_demo=not tanpa_demo_kabupaten)
        if report.created:
            made = ", ".join(f"{n} {what}" for what, n in sorted(report.created.items()))
            self.stdout.write(self.style.SUCCESS(f"Dibuat: {made}."))
        else:
            self.stdout.write("Data demo sudah lengkap; tidak ada yang diubah.")
        self.stdout.write("Login demo (kata sandi sama untuk semua):")
        for username, password, role in report.users:
            self.stdout.write(f"  {username:<22} {password}   {role}")
