"""Which kabupaten a command or page means: `--kabupaten lumajang`, `--kabupaten 35.08` or, in an
installation that holds one real kabupaten, that one. Messages are Indonesian, for the command line."""

from __future__ import annotations

from django.db.models import Q

from kecamatan.models import Kabupaten


class KabupatenTidakJelas(Exception):
    """No kabupaten matches, or several could be meant; the message says what to type."""


def kabupaten_dari(ref: str | None = None) -> Kabupaten:
    """The kabupaten named by slug, kode wilayah or name (case-insensitive). Without a name: the
    installation's only real kabupaten (synthetic demo kabupaten aside)."""
    ref = (ref or "").strip()
    if ref:
        kabupaten = Kabupaten.objects.filter(Q(slug__iexact=ref) | Q(kode=ref) | Q(nama__iexact=ref)).first()
        if kabupaten is None:
            raise KabupatenTidakJelas(f"Kabupaten '{ref}' tidak ditemukan. Pilihan: {_pilihan()}.")
        return kabupaten
    nyata = list(Kabupaten.objects.filter(demo=False).order_by("nama")[:2])
    if not nyata:
        raise KabupatenTidakJelas("Belum ada kabupaten: jalankan dulu `manage.py muat_acuan --kabupaten KODE`.")
    if len(nyata) > 1:
        raise KabupatenTidakJelas(f"Ada lebih dari satu kabupaten; pilih dengan --kabupaten: {_pilihan()}.")
    return nyata[0]


def _pilihan() -> str:
    rows = Kabupaten.objects.filter(demo=False).order_by("nama").values_list("slug", "kode")[:30]
    return ", ".join(f"{slug} ({kode})" if kode else slug for slug, kode in rows) or "(belum ada)"
