"""Writes to the nomenclature catalog: the admin kabupaten's add / edit / deactivate / delete, and
the load of the catalog file (`fixtures/nomenklatur_7_01.csv`) that `muat_acuan` (so `muat_demo`
too) and `muat_katalog` run. Every write checks the role, validates with `kode.py`, runs
`full_clean()` and is atomic."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from kecamatan.core import access
from kecamatan.core import kode as kode_mod
from kecamatan.core.errors import Bentrok
from kecamatan.katalog.selectors import dipakai
from kecamatan.models import Nomenklatur, Peran

KATALOG_CSV = Path(settings.BASE_DIR) / "fixtures" / "nomenklatur_7_01.csv"
METADATA = ("kinerja", "indikator", "satuan")


def _require_admin(by) -> None:
    if access.peran_of(by) != Peran.ADMIN:
        raise PermissionDenied("Hanya admin kabupaten yang dapat mengubah katalog nomenklatur.")


def baca_kode(raw: str) -> str:
    """The canonical code typed into the catalog, or a ValidationError at the `kode` field: the
    printed forms kode.py reads are accepted ("7.01.01.2.10.1"), a truncated one is not (no row
    above it here), and the parent must already be in the catalog."""
    try:
        kode = kode_mod.parse_kode(raw)
    except kode_mod.KodeError as exc:
        raise ValidationError({"kode": str(exc)}) from None
    if Nomenklatur.objects.filter(kode=kode).exists():
        raise ValidationError({"kode": f"Kode {kode} sudah ada di katalog."})
    induk = kode_mod.parent_of(kode)
    if induk and not Nomenklatur.objects.filter(kode=induk).exists():
        tingkat = kode_mod.LEVEL_LABELS[kode_mod.level_of(induk)].lower()
        raise ValidationError({"kode": f"Induk kode ini, {tingkat} {induk}, belum ada di katalog. "
                                       f"Tambahkan {tingkat} itu lebih dulu."})
    return kode


def _check_metadata(node: Nomenklatur) -> None:
    if node.level != kode_mod.SUBKEGIATAN:
        errors = {f: "Kinerja, indikator dan satuan hanya diisi untuk sub kegiatan." for f in METADATA
                  if getattr(node, f).strip()}
        if errors:
            raise ValidationError(errors)


@transaction.atomic
def tambah_kode(*, kode: str, nama: str, kinerja: str = "", indikator: str = "", satuan: str = "",
                sumber: str = "", by) -> Nomenklatur:
    """A code the regulation adds later: level from the code, parent from the catalog."""
    _require_admin(by)
    kode = baca_kode(kode)
    induk = kode_mod.parent_of(kode)
    node = Nomenklatur(
        kode=kode, level=kode_mod.level_of(kode), nama=nama.strip(), kinerja=kinerja.strip(),
        indikator=indikator.strip(), satuan=satuan.strip(), sumber=sumber.strip(),
        parent=Nomenklatur.objects.get(kode=induk) if induk else None,
    )
    _check_metadata(node)
    node.full_clean()
    node.save()
    return node


@transaction.atomic
def ubah_kode(*, node: Nomenklatur, versi: int, by, **values: str) -> Nomenklatur:
    """New name, kinerja, indikator, satuan or sumber of a code; the code itself never changes
    (Renstra rows point to it)."""
    _require_admin(by)
    node = Nomenklatur.objects.select_for_update().get(pk=node.pk)
    if node.versi != versi:
        raise Bentrok(judul=f"Kode {node.kode}")
    for name, value in values.items():
        if name not in ("nama", "sumber", *METADATA):
            raise ValueError(name)
        setattr(node, name, value.strip())
    _check_metadata(node)
    node.full_clean()
    node.versi += 1
    node.save()
    return node


@transaction.atomic
def atur_aktif(*, node: Nomenklatur, aktif: bool, versi: int, by) -> Nomenklatur:
    """An inactive code stays on every Renstra that uses it but cannot be chosen for new rows."""
    _require_admin(by)
    node = Nomenklatur.objects.select_for_update().get(pk=node.pk)
    if node.versi != versi:
        raise Bentrok(judul=f"Kode {node.kode}")
    node.aktif = aktif
    node.versi += 1
    node.save(update_fields=["aktif", "versi"])
    return node


@transaction.atomic
def hapus_kode(*, node: Nomenklatur, by) -> None:
    """Only a code typed by mistake can go: one no Renstra uses and with nothing below it.
    A code in use is deactivated instead."""
    _require_admin(by)
    node = Nomenklatur.objects.select_for_update().get(pk=node.pk)
    if node.children.exists():
        raise ValidationError(f"Kode {node.kode} mempunyai kode di bawahnya: hapus atau nonaktifkan kode itu lebih dulu.")
    jumlah = dipakai([node.pk]).get(node.pk, 0)
    if jumlah:
        raise ValidationError(f"Kode {node.kode} dipakai {jumlah} baris Renstra: kode ini tidak dapat dihapus. "
                              "Nonaktifkan saja agar tidak dipilih lagi.")
    node.delete()


@dataclass
class HasilMuat:
    dibuat: int = 0
    nama_diperbarui: int = 0
    dilengkapi: int = 0
    kode: list[str] = field(default_factory=list)


@transaction.atomic
def muat_katalog(path: Path = KATALOG_CSV) -> HasilMuat:
    """Load the catalog file; safe to run again. A missing code is created; an existing one gets
    the file's name only while it still carries the file's previous name (`nama_sebelumnya`: the
    admin's own corrections stay), and its empty kinerja/indikator/satuan/sumber filled in. Whether
    a code is active is the admin's decision once it exists."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = sorted(csv.DictReader(fh), key=lambda r: kode_mod.sort_key(r["kode"]))
    existing = {n.kode: n for n in Nomenklatur.objects.all()}
    hasil = HasilMuat()
    for row in rows:  # parents sort before children
        node = existing.get(row["kode"])
        if node is None:
            existing[row["kode"]] = _create(row, existing)
            hasil.dibuat += 1
            hasil.kode.append(row["kode"])
        else:
            _update(node, row, hasil)
    return hasil


def _create(row: dict, existing: dict[str, Nomenklatur]) -> Nomenklatur:
    parent_kode = kode_mod.parent_of(row["kode"])
    node = Nomenklatur(
        kode=row["kode"], level=row["level"], nama=row["nama"], parent=existing.get(parent_kode) if parent_kode else None,
        kinerja=row.get("kinerja", ""), indikator=row.get("indikator", ""), satuan=row.get("satuan", ""),
        sumber=row.get("sumber", ""), aktif=row.get("aktif", "1") != "0",
    )
    node.full_clean()
    node.save()
    return node


def _update(node: Nomenklatur, row: dict, hasil: HasilMuat) -> None:
    changed = []
    if row.get("nama_sebelumnya") and node.nama == row["nama_sebelumnya"] and node.nama != row["nama"]:
        node.nama = row["nama"]
        changed.append("nama")
        hasil.nama_diperbarui += 1
    filled = [f for f in (*METADATA, "sumber") if not getattr(node, f) and row.get(f)]
    for f in filled:
        setattr(node, f, row[f])
    hasil.dilengkapi += bool(filled)
    if changed or filled:
        node.versi += 1
        node.full_clean()
        node.save(update_fields=[*changed, *filled, "versi"])
