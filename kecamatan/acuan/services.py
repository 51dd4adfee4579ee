"""Reference data: what a production installation needs before anyone signs in, and no account.
For one kabupaten (its `kode`, the slug of settings.SAKIP_KABUPATEN): the kabupaten with its
Bappeda kop and its kecamatan with their kop lines and jumlah desa (fixtures/wilayah_<kode>.json),
the nomenclature catalog (`katalog.services.muat_katalog`, fixtures/nomenklatur_7_01.csv) and the
kabupaten's Tabel 3.1 scale (fixtures/skala_kriteria_<kode>.json). `manage.py muat_acuan` runs it;
`muat_demo` runs the same before its demo documents and accounts.

Safe to run again: it creates only what is missing and fills only what is still empty, so what
the admin kabupaten typed or changed on /kelola/ (a kop line, a name, the scale) stays."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.text import slugify

from kecamatan.core.formatting import parse_number
from kecamatan.katalog.services import KATALOG_CSV, muat_katalog
from kecamatan.models import Kabupaten, Kecamatan, SkalaKriteria

FIXTURES = Path(settings.BASE_DIR) / "fixtures"
KABUPATEN_FIELDS = ("nama", "provinsi", "bappeda", "alamat_bappeda")
KONTAK_FIELDS = {"alamat": "alamat kecamatan", "telepon": "telepon kecamatan", "kode_pos": "kode pos kecamatan",
                 "email": "e-mail kecamatan"}


class AcuanTidakAda(Exception):
    """No reference file for the kabupaten asked for; the message says which, in Indonesian."""


@dataclass
class HasilAcuan:
    """What a load created or filled in, by what (Indonesian, for the summary): {"kecamatan": 21}."""

    created: dict[str, int] = field(default_factory=dict)

    def count(self, what: str, created: bool | int) -> None:
        if created:
            self.created[what] = self.created.get(what, 0) + int(created)


def berkas_wilayah(kode: str) -> Path:
    return FIXTURES / f"wilayah_{kode}.json"


def berkas_skala(kode: str) -> Path:
    return FIXTURES / f"skala_kriteria_{kode}.json"


@transaction.atomic
def muat_acuan(kode: str, hasil: HasilAcuan | None = None) -> tuple[Kabupaten, HasilAcuan]:
    """Load the reference data of kabupaten `kode` in one transaction; (the kabupaten, the tally).
    `hasil`: a tally to add to (muat_demo passes its own)."""
    hasil = HasilAcuan() if hasil is None else hasil
    path = berkas_wilayah(kode)
    if not path.is_file():
        raise AcuanTidakAda(f"Data acuan kabupaten '{kode}' tidak ada: berkas {path.relative_to(settings.BASE_DIR)} "
                            "tidak ditemukan.")
    kabupaten = muat_wilayah(hasil, path)
    if kabupaten.slug != kode:
        raise AcuanTidakAda(f"Berkas {path.name} memuat kabupaten '{kabupaten.slug}', bukan '{kode}'.")
    muat_nomenklatur(hasil)
    if berkas_skala(kode).is_file():  # else the app's default scale applies until the admin sets one
        muat_skala(hasil, kabupaten, berkas_skala(kode))
    return kabupaten, hasil


def muat_wilayah(hasil: HasilAcuan, path: Path) -> Kabupaten:
    """The kabupaten and its kecamatan; kop lines and jumlah desa only where still empty."""
    data = json.loads(path.read_text(encoding="utf-8"))
    info = data["kabupaten"]
    kab, created = Kabupaten.objects.get_or_create(
        slug=info["slug"], defaults={f: info[f] for f in KABUPATEN_FIELDS if f in info})
    hasil.count("kabupaten", created)
    if not created and info.get("alamat_bappeda") and not kab.alamat_bappeda:
        kab.alamat_bappeda = info["alamat_bappeda"]
        kab.save(update_fields=["alamat_bappeda"])
        hasil.count("alamat Bappeda", True)
    for nama in data["kecamatan"]:
        _, created = Kecamatan.objects.get_or_create(kabupaten=kab, slug=slugify(nama), defaults={"nama": nama})
        hasil.count("kecamatan", created)
    for nama, kontak in _kontak(data).items():
        for name, value in kontak.items():
            # only where nobody has set it: running again (or after the admin typed it) changes nothing
            filled = Kecamatan.objects.filter(kabupaten=kab, nama=nama, **{name: ""}).update(**{name: value})
            hasil.count(KONTAK_FIELDS[name], filled)
    for nama, jumlah in data.get("jumlah_desa", {}).items():
        filled = Kecamatan.objects.filter(kabupaten=kab, nama=nama, jumlah_desa__isnull=True).update(jumlah_desa=jumlah)
        hasil.count("jumlah desa", filled)
    return kab


def _kontak(data: dict) -> dict[str, dict[str, str]]:
    """The kop lines of each kecamatan that the seeds print: alamat, telepon, kode pos."""
    kontak: dict[str, dict[str, str]] = {nama: {"alamat": alamat} for nama, alamat in data.get("alamat", {}).items()}
    for nama, fields in data.get("kontak", {}).items():
        kontak.setdefault(nama, {}).update(fields)
    return kontak


def muat_nomenklatur(hasil: HasilAcuan, path: Path = KATALOG_CSV) -> None:
    """The nomenclature catalog (katalog.services.muat_katalog, also `manage.py muat_katalog`)."""
    dimuat = muat_katalog(path)
    hasil.count("nomenklatur", dimuat.dibuat)
    hasil.count("nama nomenklatur diperbarui", dimuat.nama_diperbarui)
    hasil.count("nomenklatur dilengkapi", dimuat.dilengkapi)


def muat_skala(hasil: HasilAcuan, kabupaten: Kabupaten, path: Path) -> None:
    """The Tabel 3.1 scale, only for a kabupaten that has none: the admin replaces the scale as a
    whole (kelola.services.simpan_skala), so bands added beside theirs would corrupt it."""
    if SkalaKriteria.objects.filter(kabupaten=kabupaten).exists():
        return
    data = json.loads(path.read_text(encoding="utf-8"))
    if data["kabupaten"] != kabupaten.slug:
        raise AcuanTidakAda(f"Berkas {path.name} memuat skala kabupaten '{data['kabupaten']}', bukan '{kabupaten.slug}'.")
    for band in data["skala"]:
        skala = SkalaKriteria(kabupaten=kabupaten, berlaku_mulai=data["berlaku_mulai"], kriteria=band["kriteria"],
                              batas_bawah=None if band["batas_bawah"] is None else parse_number(band["batas_bawah"]))
        skala.full_clean(validate_constraints=False)
        skala.save()
        hasil.count("skala kriteria", True)
