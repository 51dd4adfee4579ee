"""Keys and titles of the documents a kecamatan submits ("renstra", "renja-2025", "realisasi-2025-2",
"lkj-2024"). Pure: the builders of the comparison print them without the models (`models.Dokumen` uses
the same values for its `Jenis`)."""

from __future__ import annotations

import re

RENSTRA, RENJA, REALISASI, LKJ = "renstra", "renja", "realisasi", "lkj"
JENIS_LABEL = {RENSTRA: "Renstra", RENJA: "Renja", REALISASI: "Realisasi triwulan", LKJ: "LKj"}
TW_ROMAWI = {1: "I", 2: "II", 3: "III", 4: "IV"}


_KUNCI = re.compile(r"^(?P<jenis>renstra|renja|lkj|realisasi)(?:-(?P<tahun>\d{4}))?(?:-(?P<tw>[1-4]))?$")


def kunci_dokumen(jenis: str, tahun: int | None = None, triwulan: int | None = None) -> str:
    if jenis == RENSTRA:
        return "renstra"
    if jenis == REALISASI:
        return f"realisasi-{tahun}-{triwulan}"
    return f"{jenis}-{tahun}"


def parse_kunci(kunci: str) -> tuple[str, int | None, int | None] | None:
    """(jenis, tahun, triwulan) of a document key, or None when the key is malformed."""
    match = _KUNCI.match(kunci or "")
    if not match:
        return None
    jenis, tahun, tw = match["jenis"], match["tahun"], match["tw"]
    if jenis == RENSTRA:
        return (jenis, None, None) if not tahun and not tw else None
    if jenis == REALISASI:
        return (jenis, int(tahun), int(tw)) if tahun and tw else None
    return (jenis, int(tahun), None) if tahun and not tw else None


def judul_dokumen(jenis: str, tahun: int | None, triwulan: int | None, periode_label: str = "") -> str:
    if jenis == RENSTRA:
        return f"Renstra {periode_label}".strip()
    if jenis == REALISASI:
        return f"Realisasi {tahun} TW {TW_ROMAWI.get(triwulan, triwulan)}"
    return f"{JENIS_LABEL[jenis]} {tahun}"
