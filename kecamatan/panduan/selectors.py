"""What the Panduan pages read: the deadlines in force for the user's kabupaten."""

from __future__ import annotations

from kecamatan.core import access
from kecamatan.models import Kabupaten
from kecamatan.perbandingan.rules import ATURAN_TENGGAT
from kecamatan.perbandingan.selectors import aturan_tenggat


def tenggat_keterangan(user) -> tuple[str, ...]:
    """The deadline rules in words: of the user's own kabupaten for kecamatan staff, of the (first
    real) kabupaten for Bappeda and admin, the app's defaults when there is none. At most 1 query."""
    profil = access.profil_of(user)
    if profil is not None and profil.kecamatan_id:
        kabupaten = profil.kecamatan.kabupaten
    else:
        kabupaten = Kabupaten.objects.order_by("demo", "nama").first()
    return (aturan_tenggat(kabupaten) if kabupaten else ATURAN_TENGGAT).keterangan()
