"""What the Panduan pages read: the deadlines in force for the user's kabupaten."""

from __future__ import annotations

from kecamatan.core import access
from kecamatan.perbandingan.rules import ATURAN_TENGGAT
from kecamatan.perbandingan.selectors import aturan_tenggat


def tenggat_keterangan(user) -> tuple[str, ...]:
    """The deadline rules in words: of the user's own kabupaten (operator and Camat: their
    kecamatan's); a superuser without a profile reads the first real kabupaten's; the app's defaults
    when there is none. At most 1 query."""
    profil = access.profil_of(user)
    if profil is not None:
        kabupaten = profil.kecamatan.kabupaten if profil.kecamatan_id else profil.kabupaten
    else:
        kabupaten = access.kabupaten_halaman(user)
    return (aturan_tenggat(kabupaten) if kabupaten else ATURAN_TENGGAT).keterangan()
