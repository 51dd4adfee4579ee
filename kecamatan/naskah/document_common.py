"""What the three whole-document outlines share: who the document is of (for the cover) and
the neutral logo placeholder. Pure."""

from __future__ import annotations

from dataclasses import dataclass

from kecamatan.naskah.document import Sampul


@dataclass(frozen=True)
class Identitas:
    kabupaten: str  # "Lumajang"
    kecamatan: str
    alamat: str = ""
    logo: str = ""  # data: URI of the kabupaten's uploaded logo, "" when none


def sampul(identitas: Identitas, judul: tuple[str, ...]) -> Sampul:
    return Sampul(
        pemerintah=f"PEMERINTAH KABUPATEN {identitas.kabupaten.upper()}",
        judul=judul,
        instansi=(f"PEMERINTAH KABUPATEN {identitas.kabupaten.upper()}", f"KECAMATAN {identitas.kecamatan.upper()}"),
        alamat=identitas.alamat,
        logo=identitas.logo,
    )


# Printed on the cover when the kabupaten has no logo uploaded: a plain shield outline, no emblem.
LOGO_PLACEHOLDER = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 120" class="logo-kosong" role="img">'
    "<title>Logo kabupaten belum diunggah</title>"
    '<path d="M50 4 L94 18 L94 58 C94 88 72 106 50 116 C28 106 6 88 6 58 L6 18 Z" fill="none" '
    'stroke="#888" stroke-width="3"/>'
    '<text x="50" y="58" font-size="12" text-anchor="middle" fill="#888" '
    'font-family="DejaVu Sans, sans-serif">LOGO</text>'
    '<text x="50" y="74" font-size="8" text-anchor="middle" fill="#888" '
    'font-family="DejaVu Sans, sans-serif">KABUPATEN</text></svg>'
)
