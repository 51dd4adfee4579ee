"""The country's wilayah: every provinsi, kabupaten/kota and kecamatan with its kode wilayah
(fixtures/wilayah_indonesia.csv, Kepmendagri 300.2.2-2430 Tahun 2025; source in fixtures/README.md).
`kabupaten_wilayah("35.10")` or `kabupaten_wilayah("banyuwangi")` gives one kabupaten/kota with its
kecamatan as the app stores them: a kabupaten by its bare name ("Lumajang", printed "Kabupaten
Lumajang"), a kota with its word ("Kota Malang"), so the two Malang stay apart."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.utils.text import slugify

WILAYAH_CSV = Path(settings.BASE_DIR) / "fixtures" / "wilayah_indonesia.csv"
KEPMENDAGRI = "Kepmendagri Nomor 300.2.2-2430 Tahun 2025"
_KODE = re.compile(r"^(\d{2})\.?(\d{2})$")


class WilayahTidakDikenal(Exception):
    """The kode or name matches no kabupaten/kota of the list; the message says how to find one."""


@dataclass(frozen=True)
class WilayahKabupaten:
    kode: str  # "35.08"
    nama: str  # "Lumajang", "Kota Malang"
    provinsi: str  # "Jawa Timur"
    slug: str  # "lumajang", "kota-malang"
    kecamatan: tuple[tuple[str, str], ...]  # (("35.08.01", "Tempursari"), …)


def nama_kabupaten(resmi: str) -> str:
    """"Kabupaten Lumajang" → "Lumajang" (the app prints "Kabupaten" itself); a kota keeps its word."""
    return resmi.removeprefix("Kabupaten ")


@lru_cache(maxsize=1)
def semua_wilayah() -> tuple[tuple[str, str], ...]:
    """(kode, nama) of every row of the file, in the order of the kode."""
    with WILAYAH_CSV.open(encoding="utf-8", newline="") as fh:
        return tuple((row["kode"], row["nama"]) for row in csv.DictReader(fh))


@lru_cache(maxsize=1)
def _kabupaten_index() -> dict[str, tuple[str, str]]:
    """kode kabupaten → (nama as stored, slug)."""
    return {kode: (nama_kabupaten(nama), slugify(nama_kabupaten(nama)))
            for kode, nama in semua_wilayah() if kode.count(".") == 1}


def kabupaten_wilayah(ref: str) -> WilayahKabupaten:
    """The kabupaten/kota named by kode wilayah ("35.10", "3510") or by slug or name
    ("banyuwangi", "Kota Malang", "kota-malang"); WilayahTidakDikenal otherwise."""
    ref = (ref or "").strip()
    index = _kabupaten_index()
    match = _KODE.match(ref)
    if match:
        kode = f"{match[1]}.{match[2]}"
    else:
        slug = slugify(ref).removeprefix("kabupaten-")
        kode = next((k for k, (_, s) in index.items() if s == slug), "")
    if kode not in index:
        raise WilayahTidakDikenal(_pesan(ref))
    nama, slug = index[kode]
    rows = semua_wilayah()
    provinsi = next(n for k, n in rows if k == kode[:2])
    kecamatan = tuple((k, n) for k, n in rows if k.count(".") == 2 and k.startswith(kode + "."))
    return WilayahKabupaten(kode=kode, nama=nama, provinsi=provinsi, slug=slug, kecamatan=kecamatan)


def _pesan(ref: str) -> str:
    kata = slugify(ref).removeprefix("kabupaten-")
    mirip = [f"{slug} ({kode})" for kode, (_, slug) in _kabupaten_index().items() if kata and kata in slug][:8]
    if re.fullmatch(r"\d{2}", ref):
        sebab = "itu kode provinsi; kode kabupaten/kota berbentuk 35.08"
    elif re.fullmatch(r"\d{2}\.\d{2}\.\d{2}", ref):
        sebab = "itu kode kecamatan; kode kabupaten/kota berbentuk 35.08"
    else:
        sebab = f"tidak ada dalam daftar wilayah {KEPMENDAGRI}"
    saran = f" Mungkin: {', '.join(mirip)}." if mirip else ""
    return (f"Kabupaten/kota '{ref}' tidak dikenal: {sebab}.{saran} Tulis kode wilayahnya (mis. 35.08 untuk "
            "Lumajang, 35.73 untuk Kota Malang) atau slug namanya (mis. banyuwangi, kota-malang); cari kodenya "
            "dengan `grep -i NAMA fixtures/wilayah_indonesia.csv`.")
