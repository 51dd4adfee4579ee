"""Reference and demo data: the kabupaten and its kecamatan, the nomenclature catalog, the real
Renstra of Randuagung, demo users. Used by `manage.py muat_demo`; safe to run again (it only
creates what is missing and never overwrites what people changed)."""

from __future__ import annotations

import csv
import datetime
import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.text import slugify

from kecamatan.core import kode as kode_mod
from kecamatan.core.formatting import parse_nilai, parse_number
from kecamatan.demo.renstra import load_renstra_lanjutan
from kecamatan.models import (
    Camat,
    Dokumen,
    Indikator,
    Kabupaten,
    Kecamatan,
    Kegiatan,
    Nomenklatur,
    Pagu,
    Peran,
    Periode,
    Profil,
    Program,
    Riwayat,
    Sasaran,
    SubKegiatan,
    Target,
    Tujuan,
)

FIXTURES = Path(settings.BASE_DIR) / "fixtures"
DEMO_PASSWORD = "demo-sakip-2024"


@dataclass
class LoadReport:
    created: dict[str, int] = field(default_factory=dict)
    users: list[tuple[str, str, str]] = field(default_factory=list)  # (username, password, role)

    def count(self, what: str, created: bool) -> None:
        if created:
            self.created[what] = self.created.get(what, 0) + 1


def load_wilayah(report: LoadReport, path: Path = FIXTURES / "wilayah_lumajang.json") -> Kabupaten:
    data = json.loads(path.read_text(encoding="utf-8"))
    kab, created = Kabupaten.objects.get_or_create(
        slug=data["kabupaten"]["slug"],
        defaults={"nama": data["kabupaten"]["nama"], "provinsi": data["kabupaten"]["provinsi"]},
    )
    report.count("kabupaten", created)
    for nama in data["kecamatan"]:
        _, created = Kecamatan.objects.get_or_create(
            kabupaten=kab, slug=slugify(nama), defaults={"nama": nama, "alamat": data["alamat"].get(nama, "")}
        )
        report.count("kecamatan", created)
    for nama, jumlah in data.get("jumlah_desa", {}).items():
        # only where nobody has set it: running again changes nothing
        updated = Kecamatan.objects.filter(kabupaten=kab, nama=nama, jumlah_desa__isnull=True).update(jumlah_desa=jumlah)
        report.count("jumlah desa", bool(updated))
    return kab


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


def _nilai_fields(text: str | None) -> tuple[Decimal | None, str]:
    value = parse_nilai(text)
    return value.nilai, value.label


def _indikator(report: LoadReport, periode: Periode, owner_field: str, owner, items: list[dict]) -> None:
    for urutan, item in enumerate(items, start=1):
        awal, awal_label = _nilai_fields(item.get("kondisi_awal"))
        ind, created = Indikator.objects.get_or_create(
            periode=periode, **{owner_field: owner}, urutan=urutan,
            defaults={
                "uraian": item["uraian"], "satuan": item["satuan"], "formula": item.get("formula", ""),
                "penjelasan": item.get("penjelasan", ""), "kondisi_awal": awal, "kondisi_awal_label": awal_label,
                "iku": item.get("iku", False), "sumber_data": item.get("sumber_data", ""),
                "penanggung_jawab": item.get("penanggung_jawab", ""), "polaritas": item.get("polaritas", "positif"),
                "aturan_akhir": item.get("aturan_akhir", ""),
            },
        )
        report.count("indikator", created)
        for tahun, text in item.get("target", {}).items():
            nilai, label = _nilai_fields(text)
            _, created = Target.objects.get_or_create(
                indikator=ind, tahun=int(tahun), defaults={"nilai": nilai, "label": label}
            )
            report.count("target", created)


def _node(model, report: LoadReport, *, nomenklatur: Nomenklatur, item: dict, parent_kwargs: dict):
    obj, created = model.objects.get_or_create(
        nomenklatur=nomenklatur, **parent_kwargs,
        defaults={"nama": item["nama"], "rumusan_sasaran": item.get("rumusan_sasaran", "")},
    )
    report.count(model._meta.model_name, created)
    return obj


def kode_of(item: dict, context: str | None = None) -> str:
    """Canonical code of a fixture row: the right code given in "kode" (documents that print no
    codes, or print a wrong rather than broken one, Renja J-6), else its printed code
    ("kode_tercetak") through `parse_kode`, with the row above as context."""
    if item.get("kode"):
        return kode_mod.parse_kode(item["kode"])
    return kode_mod.parse_kode(item["kode_tercetak"], context=context)


def load_renstra(report: LoadReport, kabupaten: Kabupaten, path: Path) -> Periode:
    """A Renstra period from a JSON fixture; codes are read as printed, through `parse_kode`."""
    data = json.loads(path.read_text(encoding="utf-8"))
    kecamatan = Kecamatan.objects.get(kabupaten=kabupaten, nama=data["kecamatan"])
    camat, created = Camat.objects.get_or_create(
        kecamatan=kecamatan, nip=data["camat"]["nip"].replace(" ", ""),
        defaults={"nama": data["camat"]["nama"], "pangkat": data["camat"].get("pangkat", "")},
    )
    report.count("camat", created)
    periode, created = Periode.objects.get_or_create(
        kecamatan=kecamatan, tahun_mulai=data["tahun_mulai"],
        defaults={"tahun_selesai": data["tahun_selesai"], "tahun_kondisi_awal": data["tahun_kondisi_awal"]},
    )
    report.count("periode", created)
    ttd = data.get("ttd", {})
    dokumen, created = Dokumen.objects.get_or_create(
        periode=periode, jenis=Dokumen.Jenis.RENSTRA,
        defaults={
            "camat": camat, "ttd_tempat": ttd.get("tempat", ""),
            "ttd_tanggal": datetime.date.fromisoformat(ttd["tanggal"]) if ttd.get("tanggal") else None,
            "ttd_hanya_bulan": ttd.get("hanya_bulan", False),
        },
    )
    if created:
        Riwayat.objects.create(dokumen=dokumen, aksi=Riwayat.Aksi.BUAT, ke_status=dokumen.status,
                               catatan="Dimuat dari data demo (dokumen asli).")
    report.count("dokumen", created)
    catalog = {n.kode: n for n in Nomenklatur.objects.all()}
    sasaran_by_no: dict[int, Sasaran] = {}
    for t_no, t_item in enumerate(data["tujuan"], start=1):
        tujuan, created = Tujuan.objects.get_or_create(periode=periode, urutan=t_no, defaults={"uraian": t_item["uraian"]})
        report.count("tujuan", created)
        _indikator(report, periode, "tujuan", tujuan, t_item.get("indikator", []))
        for s_no, s_item in enumerate(t_item.get("sasaran", []), start=len(sasaran_by_no) + 1):
            sasaran, created = Sasaran.objects.get_or_create(
                tujuan=tujuan, urutan=s_no, defaults={"uraian": s_item["uraian"]}
            )
            report.count("sasaran", created)
            sasaran_by_no[s_no] = sasaran
            _indikator(report, periode, "sasaran", sasaran, s_item.get("indikator", []))
    for p_item in data["program"]:
        p_kode = kode_of(p_item)
        program = _node(Program, report, nomenklatur=catalog[p_kode], item=p_item, parent_kwargs={"periode": periode})
        if program.sasaran_id is None and p_item.get("sasaran"):
            program.sasaran = sasaran_by_no[p_item["sasaran"]]
            program.save(update_fields=["sasaran"])
        _indikator(report, periode, "program", program, p_item.get("indikator", []))
        for k_item in p_item.get("kegiatan", []):
            k_kode = kode_of(k_item, p_kode)
            kegiatan = _node(Kegiatan, report, nomenklatur=catalog[k_kode], item=k_item, parent_kwargs={"program": program})
            _indikator(report, periode, "kegiatan", kegiatan, k_item.get("indikator", []))
            for s_item in k_item.get("subkegiatan", []):
                s_kode = kode_of(s_item, k_kode)
                sub = _node(SubKegiatan, report, nomenklatur=catalog[s_kode], item=s_item,
                            parent_kwargs={"kegiatan": kegiatan})
                _indikator(report, periode, "subkegiatan", sub, s_item.get("indikator", []))
                for tahun, amount in s_item.get("pagu", {}).items():
                    _, created = Pagu.objects.get_or_create(
                        subkegiatan=sub, tahun=int(tahun), tahap=Pagu.Tahap.RENSTRA,
                        defaults={"jumlah": parse_number(amount)},
                    )
                    report.count("pagu", created)
    return periode


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
    from kecamatan.demo.kabupaten import demo_kabupaten

    report = LoadReport()
    kabupaten = load_wilayah(report)
    load_nomenklatur(report)
    for name in RENSTRA_FIXTURES:
        replace_generated(report, kabupaten, FIXTURES / name)
        load_renstra(report, kabupaten, FIXTURES / name)
    for name in RENSTRA_LANJUTAN_FIXTURES:
        load_renstra_lanjutan(report, kabupaten, FIXTURES / name)
    from kecamatan.demo.renja import load_renja_demo

    load_renja_demo(report, kabupaten)
    from kecamatan.demo.kinerja import load_kinerja  # imports this module

    load_kinerja(report, kabupaten)  # Jatiroto's Renstra, LKj 2024 and PK; Randuagung's IKU 2025
    from kecamatan.demo.naskah import load_naskah_demo

    load_naskah_demo(report, kabupaten)  # the narrative of the three whole documents (issue 10)
    create_demo_users(report, kabupaten)
    if kabupaten_demo:  # last: every kecamatan with a real Renstra keeps it
        for what, n in demo_kabupaten(kabupaten).created.items():
            report.created[f"{what} (demo)"] = report.created.get(f"{what} (demo)", 0) + n
    return report
