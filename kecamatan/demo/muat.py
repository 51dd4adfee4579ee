"""Reference and demo data: the kabupaten and its kecamatan, the nomenclature catalog, the real
Renstra of Randuagung, demo users; then the other loaders of this package, in order. Used by
`manage.py muat_demo`; safe to run again (it only creates what is missing and never overwrites
what people changed)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.text import slugify

from kecamatan.core import kode as kode_mod
from kecamatan.demo.common import FIXTURES, LoadReport
from kecamatan.demo.kabupaten import demo_kabupaten
from kecamatan.demo.kinerja import load_kinerja
from kecamatan.demo.naskah import load_naskah_demo
from kecamatan.demo.renja import load_renja_demo
from kecamatan.demo.renstra import load_renstra, load_renstra_lanjutan
from kecamatan.models import Kabupaten, Kecamatan, Nomenklatur, Peran, Periode, Profil

DEMO_PASSWORD = "demo-sakip-2024"


def load_wilayah(report: LoadReport, path: Path = FIXTURES / "wilayah_lumajang.json") -> Kabupaten:
    data = json.loads(path.read_text(encoding="utf-8"))
    kab, created = Kabupaten.objects.get_or_create(
        slug=data["kabupaten"]["slug"],
        defaults={"nama": data["kabupaten"]["nama"], "provinsi": data["kabupaten"]["provinsi"]},
    )
    report.count("kabupaten", created)
    for nama in data["kecamatan"]:
        _, created = Kecamatan.objects.get_or_create(
            kabupaten=kab, slug=slugify(nama), defaults={"nama": nama}
        )
        report.count("kecamatan", created)
    for nama, kontak in _kontak(data).items():
        for field, value in kontak.items():
            # only where nobody has set it: running again (or after the admin typed it) changes nothing
            updated = Kecamatan.objects.filter(kabupaten=kab, nama=nama, **{field: ""}).update(**{field: value})
            report.count(f"kecamatan {field}", bool(updated))
    for nama, jumlah in data.get("jumlah_desa", {}).items():
        # only where nobody has set it: running again changes nothing
        updated = Kecamatan.objects.filter(kabupaten=kab, nama=nama, jumlah_desa__isnull=True).update(jumlah_desa=jumlah)
        report.count("jumlah desa", bool(updated))
    return kab


def _kontak(data: dict) -> dict[str, dict[str, str]]:
    """The kop lines of each kecamatan that the seeds print: alamat, telepon, kode pos."""
    kontak: dict[str, dict[str, str]] = {nama: {"alamat": alamat} for nama, alamat in data.get("alamat", {}).items()}
    for nama, fields in data.get("kontak", {}).items():
        kontak.setdefault(nama, {}).update(fields)
    return kontak


def load_nomenklatur(report: LoadReport, path: Path = FIXTURES / "nomenklatur_7_01.csv") -> None:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = sorted(csv.DictReader(fh), key=lambda r: kode_mod.sort_key(r["kode"]))
    existing = {n.kode: n for n in Nomenklatur.objects.all()}
    for row in rows:  # parents sort before children
        if row["kode"] in existing:
            continue
        parent_kode = kode_mod.parent_of(row["kode"])
        node = Nomenklatur(
            kode=row["kode"], level=row["level"], nama=row["nama"], parent=existing.get(parent_kode) if parent_kode else None,
            kinerja=row["kinerja"], indikator=row["indikator"], satuan=row["satuan"],
        )
        node.full_clean()
        node.save()
        existing[node.kode] = node
        report.count("nomenklatur", True)


DEMO_USERS = [
    # username, role, kecamatan name or None, is_staff/superuser
    ("operator.randuagung", Peran.OPERATOR, "Randuagung"),
    ("camat.randuagung", Peran.CAMAT, "Randuagung"),
    ("operator.senduro", Peran.OPERATOR, "Senduro"),
    ("operator.jatiroto", Peran.OPERATOR, "Jatiroto"),
    ("bappeda", Peran.VERIFIKATOR, None),
    ("admin", Peran.ADMIN, None),
]


def create_demo_users(report: LoadReport, kabupaten: Kabupaten) -> None:
    User = get_user_model()
    for username, peran, kec_nama in DEMO_USERS:
        user, created = User.objects.get_or_create(username=username)
        if created:
            user.set_password(DEMO_PASSWORD)
            if peran == Peran.ADMIN:
                user.is_staff = user.is_superuser = True
            user.save()
        report.count("pengguna", created)
        kecamatan = Kecamatan.objects.get(kabupaten=kabupaten, nama=kec_nama) if kec_nama else None
        Profil.objects.get_or_create(user=user, defaults={"peran": peran, "kecamatan": kecamatan})
        report.users.append((username, DEMO_PASSWORD, Peran(peran).label + (f" {kec_nama}" if kec_nama else "")))


RENSTRA_FIXTURES = ["renstra_randuagung_2024_2026.json"]
# T-C.23, T-C.24 and T-C.26 of the same Renstras (issue 5), loaded after them
RENSTRA_LANJUTAN_FIXTURES = ["renstra_randuagung_2024_2026_tc23_tc24_tc26.json"]


def replace_generated(report: LoadReport, kabupaten: Kabupaten, path: Path) -> None:
    """Real data wins: a Renstra generated by demo_kabupaten for a kecamatan whose real document has
    since been added as a fixture is removed before the real one is loaded."""
    nama = json.loads(path.read_text(encoding="utf-8"))["kecamatan"]
    removed = Periode.objects.filter(kecamatan__kabupaten=kabupaten, kecamatan__nama=nama, demo=True)
    for periode in removed:
        periode.delete()
        report.count("renstra demo diganti data asli", True)


@transaction.atomic
def muat_demo(*, kabupaten_demo: bool = True) -> LoadReport:
    """Load all reference and demo data; later issues add their loaders here. `kabupaten_demo`:
    also generate the other kecamatan of Lumajang (`demo_kabupaten`); tests that need only the
    real documents leave it out, it is the slowest part."""
    report = LoadReport()
    kabupaten = load_wilayah(report)
    load_nomenklatur(report)
    for name in RENSTRA_FIXTURES:
        replace_generated(report, kabupaten, FIXTURES / name)
        load_renstra(report, kabupaten, FIXTURES / name)
    for name in RENSTRA_LANJUTAN_FIXTURES:
        load_renstra_lanjutan(report, kabupaten, FIXTURES / name)
    load_renja_demo(report, kabupaten)
    load_kinerja(report, kabupaten)  # Jatiroto's Renstra, LKj 2024 and PK; Randuagung's IKU 2025
    load_naskah_demo(report, kabupaten)  # the narrative of the three whole documents (issue 10)
    create_demo_users(report, kabupaten)
    if kabupaten_demo:  # last: every kecamatan with a real Renstra keeps it
        for what, n in demo_kabupaten(kabupaten).created.items():
            report.created[f"{what} (demo)"] = report.created.get(f"{what} (demo)", 0) + n
    return report
