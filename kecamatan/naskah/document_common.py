"""What the three whole-document outlines share: who the document is of, for the cover. Pure."""

from __future__ import annotations

from dataclasses import dataclass

from kecamatan.core.formatting import sebutan_kabupaten
from kecamatan.naskah.document import Sampul
from kecamatan.tables.base import Kantor


@dataclass(frozen=True)
class Identitas:
    kabupaten: str  # "Lumajang"
    kecamatan: str
    kantor: Kantor = Kantor()  # the office's address, printed under its name on the cover
    logo: str = ""  # data: URI of the kabupaten's uploaded logo, "" when none


def sampul(identitas: Identitas, judul: tuple[str, ...]) -> Sampul:
    return Sampul(
        pemerintah=f"PEMERINTAH {sebutan_kabupaten(identitas.kabupaten).upper()}",
        judul=judul,
        instansi=(f"PEMERINTAH {sebutan_kabupaten(identitas.kabupaten).upper()}",
                  f"KECAMATAN {identitas.kecamatan.upper()}"),
        alamat=identitas.kantor.lines(identitas.kecamatan),
        logo=identitas.logo,
    )
