"""`python manage.py muat_acuan [--kabupaten KODE]`: load the reference data a production
installation needs and create no account: the kabupaten of `--kabupaten` (kode wilayah such as
35.10, or a slug such as banyuwangi; settings.SAKIP_KABUPATEN without it) with its kecamatan and
their kode wilayah, the nomenclature catalog and the Tabel 3.1 scale (kecamatan/acuan/services.py).
One transaction; idempotent, and never overwrites what the admin kabupaten changed. The first admin
comes from `createsuperuser`."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from kecamatan.acuan.services import AcuanTidakAda, muat_acuan
from kecamatan.demo.muat import akun_demo_terbuka


class Command(BaseCommand):
    help = ("Muat data acuan kabupaten (kecamatan, katalog nomenklatur, skala kriteria Tabel 3.1) tanpa membuat "
            "akun pengguna.")

    def add_arguments(self, parser):
        parser.add_argument(
            "--kabupaten", default=settings.SAKIP_KABUPATEN,
            help="kode wilayah (mis. 35.08, 35.10) atau slug (mis. lumajang, banyuwangi, kota-malang) kabupaten/kota; "
                 "cari kodenya di fixtures/wilayah_indonesia.csv (bawaan: SAKIP_KABUPATEN, lumajang)")

    def handle(self, *args, **options):
        try:
            kabupaten, hasil = muat_acuan(options["kabupaten"])
        except AcuanTidakAda as exc:
            raise CommandError(str(exc)) from None
        if hasil.created:
            made = ", ".join(f"{n:,} {what}".replace(",", ".") for what, n in hasil.created.items())
            self.stdout.write(self.style.SUCCESS(f"Data acuan {kabupaten} dimuat: {made}."))
        else:
            self.stdout.write(f"Data acuan {kabupaten} sudah lengkap; tidak ada yang diubah.")
        self.stdout.write(f"Kode wilayah {kabupaten.kode}, Provinsi {kabupaten.provinsi}: "
                          f"{kabupaten.kecamatan.count()} kecamatan. Tidak ada akun yang dibuat.")
        if not get_user_model().objects.filter(is_superuser=True, is_active=True).exists():
            self.stdout.write("Belum ada admin: buat dengan `python manage.py createsuperuser`, lalu lengkapi kop, "
                              "skala dan pengguna di halaman Kelola (/kelola/).")
        terbuka = akun_demo_terbuka()
        if terbuka:
            self.stderr.write(self.style.WARNING(
                f"PERINGATAN: akun demo {', '.join(terbuka)} masih masuk dengan kata sandi publik demo; bila ini "
                "basis data produksi, hapus atau nonaktifkan akun itu sekarang."))
