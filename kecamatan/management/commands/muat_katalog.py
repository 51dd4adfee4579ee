"""`python manage.py muat_katalog [file.csv]`: load the nomenclature catalog alone, e.g. a newer
catalog file (muat_acuan and muat_demo run the same load with fixtures/nomenklatur_7_01.csv).

Idempotent; never overwrites what the admin kabupaten changed on the catalog page."""

from pathlib import Path

from django.core.management.base import BaseCommand

from kecamatan.katalog.services import KATALOG_CSV, muat_katalog


class Command(BaseCommand):
    help = "Muat katalog nomenklatur program/kegiatan/sub kegiatan (fixtures/nomenklatur_7_01.csv)."

    def add_arguments(self, parser):
        parser.add_argument("berkas", nargs="?", default=str(KATALOG_CSV), help="berkas CSV katalog")

    def handle(self, *args, berkas=None, **options):
        hasil = muat_katalog(Path(berkas))
        self.stdout.write(self.style.SUCCESS(
            f"Katalog dimuat: {hasil.dibuat} kode baru, {hasil.nama_diperbarui} nama diperbarui, "
            f"{hasil.dilengkapi} kode dilengkapi."))
