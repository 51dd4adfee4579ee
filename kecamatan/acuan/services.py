"""Reference data: what a production installation needs before anyone signs in, and no account.
For one kabupaten (its kode wilayah or slug; settings.SAKIP_KABUPATEN by default): the kabupaten
and all its kecamatan with their kode wilayah (acuan/indonesia.py, fixtures/wilayah_indonesia.csv);
where the kabupaten has fixtures/wilayah_<slug>.json (Lumajang), its Bappeda kop and its kecamatan's
kop lines and jumlah desa; the nomenclature catalog (`katalog.services.muat_katalog`,
fixtures/nomenklatur_7_01.csv) and the kabupaten's Tabel 3.1 scale (fixtures/skala_kriteria_<slug>.json).
`manage.py muat_acuan` runs it; `muat_demo` runs the same before its demo documents and accounts.

Safe to run again: it creates only what is missing and fills only what is still empty, so what
the admin kabupaten typed or changed on /kelola/ (a kop line, a name, the scale) stays."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils.text import slugify

from kecamatan.acuan.indonesia import KEPMENDAGRI, WilayahKabupaten, WilayahTidakDikenal, kabupaten_wilayah
from kecamatan.core.formatting import parse_number
from kecamatan.katalog.services import KATALOG_CSV, muat_katalog
from kecamatan.models import Kabupaten, Kecamatan, SkalaKriteria

FIXTURES = Path(settings.BASE_DIR) / "fixtures"
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
def muat_acuan(ref: str, hasil: HasilAcuan | None = None) -> tuple[Kabupaten, HasilAcuan]:
    """Load the reference data of kabupaten `ref` (kode wilayah "35.08" or slug "lumajang") in one
    transaction; (the kabupaten, the tally). `hasil`: a tally to add to (muat_demo passes its own)."""
    hasil = HasilAcuan() if hasil is None else hasil
    try:
        wilayah = kabupaten_wilayah(ref)
    except WilayahTidakDikenal as exc:
        raise AcuanTidakAda(str(exc)) from None
    kabupaten = muat_wilayah(hasil, wilayah)
    muat_nomenklatur(hasil)
    if berkas_skala(wilayah.slug).is_file():  # else the app's default scale applies until the admin sets one
        muat_skala(hasil, kabupaten, berkas_skala(wilayah.slug))
    return kabupaten, hasil


def muat_wilayah(hasil: HasilAcuan, wilayah: WilayahKabupaten) -> Kabupaten:
    """The kabupaten and its kecamatan with their kode wilayah (rows made before the codes, matched
    by name, get theirs); where fixtures/wilayah_<slug>.json exists, its Bappeda kop, kecamatan kop
    lines and jumlah desa, only where still empty."""
    path = berkas_wilayah(wilayah.slug)
    data = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {"kabupaten": {}}
    if data["kabupaten"] and data["kabupaten"].get("slug") != wilayah.slug:
        raise AcuanTidakAda(f"Berkas {path.name} memuat kabupaten '{data['kabupaten'].get('slug')}', "
                            f"bukan '{wilayah.slug}'.")
    lain = set(data.get("kecamatan", ())) - {nama for _, nama in wilayah.kecamatan}
    if lain:
        raise AcuanTidakAda(f"Berkas {path.name} menyebut kecamatan yang tidak ada di {wilayah.kode} menurut "
                            f"{KEPMENDAGRI}: {', '.join(sorted(lain))}.")
    kab = _kabupaten(hasil, wilayah, data["kabupaten"])
    _kecamatan(hasil, kab, wilayah)
    for nama, kontak in _kontak(data).items():
        for name, value in kontak.items():
            # only where nobody has set it: running again (or after the admin typed it) changes nothing
            filled = Kecamatan.objects.filter(kabupaten=kab, nama=nama, **{name: ""}).update(**{name: value})
            hasil.count(KONTAK_FIELDS[name], filled)
    for nama, jumlah in data.get("jumlah_desa", {}).items():
        filled = Kecamatan.objects.filter(kabupaten=kab, nama=nama, jumlah_desa__isnull=True).update(jumlah_desa=jumlah)
        hasil.count("jumlah desa", filled)
    return kab


def _kabupaten(hasil: HasilAcuan, wilayah: WilayahKabupaten, info: dict) -> Kabupaten:
    """The kabupaten by its kode, else the one of its slug or name still without a kode (it gets
    the kode), else a new one; what the admin changed (name, kop) stays."""
    kab = Kabupaten.objects.filter(kode=wilayah.kode).first() or Kabupaten.objects.filter(
        Q(slug=wilayah.slug) | Q(nama__iexact=wilayah.nama), demo=False).first()
    if kab is None:
        kab = Kabupaten.objects.create(
            kode=wilayah.kode, nama=wilayah.nama, provinsi=wilayah.provinsi, slug=wilayah.slug,
            **{f: info[f] for f in ("bappeda", "alamat_bappeda") if info.get(f)})
        hasil.count("kabupaten", True)
        return kab
    if kab.kode and kab.kode != wilayah.kode:
        raise AcuanTidakAda(f"{kab} sudah ada dengan kode wilayah {kab.kode}, bukan {wilayah.kode}: perbaiki kodenya "
                            "di halaman Kelola atau admin Django.")
    if not kab.kode:
        kab.kode = wilayah.kode
        kab.save(update_fields=["kode"])
        hasil.count("kode wilayah kabupaten", True)
    if info.get("alamat_bappeda") and not kab.alamat_bappeda:
        kab.alamat_bappeda = info["alamat_bappeda"]
        kab.save(update_fields=["alamat_bappeda"])
        hasil.count("alamat Bappeda", True)
    return kab


def _kecamatan(hasil: HasilAcuan, kab: Kabupaten, wilayah: WilayahKabupaten) -> None:
    """Every kecamatan of the kabupaten: found by kode, else by name or slug among those without a
    kode (they get it), else created."""
    kodes = [kode for kode, _ in wilayah.kecamatan]
    salah = Kecamatan.objects.filter(kode__in=kodes).exclude(kabupaten=kab).first()
    if salah:
        raise AcuanTidakAda(f"Kode wilayah {salah.kode} sudah dipakai {salah} di {salah.kabupaten}.")
    ada = list(kab.kecamatan.all())
    punya_kode = {k.kode for k in ada if k.kode}
    tanpa_kode = {key: k for k in ada if not k.kode for key in (k.nama.casefold(), k.slug)}
    for kode, nama in wilayah.kecamatan:
        if kode in punya_kode:
            continue
        row = tanpa_kode.get(nama.casefold()) or tanpa_kode.get(slugify(nama))
        if row is not None:
            tanpa_kode = {key: k for key, k in tanpa_kode.items() if k is not row}
            row.kode = kode
            row.save(update_fields=["kode"])
            hasil.count("kode wilayah kecamatan", True)
        else:
            Kecamatan.objects.create(kabupaten=kab, kode=kode, nama=nama, slug=slugify(nama))
            hasil.count("kecamatan", True)


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
