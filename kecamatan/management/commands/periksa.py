"""`python manage.py periksa [--kabupaten lumajang|35.08] [--kecamatan randuagung] [--tahun 2024]
[--dokumen renja-2024] [--ringkas]`: the consistency check of kecamatan-years, printed in Indonesian,
grouped by document and rule with counts; for batch use by Bappeda. --kabupaten may be left out
only where the installation holds one real kabupaten. Without --kecamatan every kecamatan of the
kabupaten with a Renstra is checked;
without --tahun every year of its period(s). Each check's counts are kept for the dashboards.
Exits with status 1 when galat remain, 0 otherwise (peringatan do not fail a batch)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from kecamatan.checks.base import GALAT
from kecamatan.checks.selectors import periksa
from kecamatan.checks.services import simpan_hasil
from kecamatan.core.wilayah import TIDAK_JELAS, kabupaten_untuk
from kecamatan.models import Periode


class Command(BaseCommand):
    help = "Periksa konsistensi angka Renstra, Renja, realisasi, LKj, PK dan IKU per kecamatan dan tahun."

    def add_arguments(self, parser):
        parser.add_argument("--kabupaten", help="slug atau kode wilayah kabupaten, mis. lumajang atau 35.08 "
                                                "(boleh dikosongkan bila hanya ada satu kabupaten)")
        parser.add_argument("--kecamatan", action="append", default=[],
                            help="slug atau nama kecamatan; boleh berulang. Tanpa ini: semua kecamatan kabupaten.")
        parser.add_argument("--tahun", type=int, action="append", default=[],
                            help="tahun yang diperiksa; boleh berulang. Tanpa ini: semua tahun periode Renstra.")
        parser.add_argument("--dokumen", default="", help="hanya satu dokumen, mis. renstra, renja-2024, lkj-2024")
        parser.add_argument("--ringkas", action="store_true", help="jumlah saja, tanpa daftar temuan")

    def handle(self, *args, kabupaten, kecamatan, tahun, dokumen, ringkas, **options):
        try:
            kab = kabupaten_untuk(kabupaten, kecamatan[0] if kecamatan else None)
        except TIDAK_JELAS as exc:
            raise CommandError(str(exc)) from None
        periodes = list(Periode.objects.filter(kecamatan__kabupaten=kab).select_related("kecamatan")
                        .order_by("kecamatan__nama", "tahun_mulai"))
        if kecamatan:
            wanted = {k.strip().lower() for k in kecamatan}
            periodes = [p for p in periodes if wanted & _names(p.kecamatan)]
            found = {name for p in periodes for name in _names(p.kecamatan)}
            missing = sorted(wanted - found)
            if missing:
                raise CommandError(f"Kecamatan tanpa Renstra atau tidak dikenal: {', '.join(missing)} "
                                   f"(Kabupaten {kab.nama}).")
        runs = [(p, t) for p in periodes for t in p.tahun_list if not tahun or t in tahun]
        if not runs:
            raise CommandError("Tidak ada Renstra yang mencakup tahun itu." if tahun
                               else f"Belum ada Renstra di Kabupaten {kab.nama}.")
        total_galat = total_peringatan = 0
        for periode, t in runs:
            hasil = periksa(periode.pk, t)
            simpan_hasil(hasil)
            if dokumen:
                hasil = hasil.untuk(dokumen)
            total_galat += hasil.galat
            total_peringatan += hasil.peringatan
            self.stdout.write(f"Kecamatan {periode.kecamatan.nama} {t} (Renstra {periode.label}): "
                              f"{hasil.galat} galat, {hasil.peringatan} peringatan")
            for kelompok in hasil.per_dokumen(kosong=False):
                self.stdout.write(f"  {kelompok.judul}: {kelompok.galat} galat, {kelompok.peringatan} peringatan")
                if ringkas:
                    continue
                for aturan in kelompok.per_aturan():
                    self.stdout.write(f"    [{aturan.kode}] {aturan.judul}: {aturan.galat} galat, "
                                      f"{aturan.peringatan} peringatan")
                    for temuan in aturan.temuan:
                        tanda = "GALAT" if temuan.tingkat == GALAT else "peringatan"
                        tempat = f"{temuan.tempat}: " if temuan.tempat else ""
                        self.stdout.write(f"      - {tanda}: {tempat}{temuan.pesan}")
        self.stdout.write(f"Jumlah: {len(runs)} kecamatan-tahun, {total_galat} galat, {total_peringatan} peringatan.")
        if total_galat:
            raise SystemExit(1)


def _names(kecamatan) -> set[str]:
    """What --kecamatan may say: slug, name or kode wilayah."""
    return {kecamatan.slug.lower(), kecamatan.nama.lower()} | ({kecamatan.kode} if kecamatan.kode else set())
