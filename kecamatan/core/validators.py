"""Validators for identifiers people type: NIP and nomenclature codes."""

from __future__ import annotations

import datetime
import re

from django.core.exceptions import ValidationError

from kecamatan.core import kode as kode_mod


def normalize_nip(raw: str) -> str:
    """Digits only: 'NIP. 19650905 199003 1 009' → '196509051990031009'."""
    return re.sub(r"\D", "", raw or "")


def nip_problem(raw: str) -> str | None:
    """Why a NIP is invalid (Indonesian), or None. A NIP is 18 digits:
    birth date YYYYMMDD, TMT YYYYMM, gender 1/2, sequence NNN."""
    digits = normalize_nip(raw)
    if len(digits) != 18:
        return f"NIP harus 18 angka; yang tertulis {len(digits)} angka."
    try:
        datetime.date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return "Delapan angka pertama NIP bukan tanggal lahir yang sah (TTTTBBHH)."
    year, month = int(digits[8:12]), int(digits[12:14])
    if not (1 <= month <= 12) or year < int(digits[0:4]):
        return "Angka ke-9 s.d. ke-14 NIP bukan bulan TMT yang sah (TTTTBB)."
    if digits[14] not in "12":
        return "Angka ke-15 NIP (jenis kelamin) harus 1 atau 2."
    return None


def format_nip(raw: str) -> str:
    """Print form: '19650905 199003 1 009'."""
    d = normalize_nip(raw)
    if len(d) != 18:
        return raw
    return f"{d[0:8]} {d[8:14]} {d[14]} {d[15:18]}"


def validate_nip(value: str) -> None:
    problem = nip_problem(value)
    if problem:
        raise ValidationError(problem, code="nip")


def validate_kode(value: str) -> None:
    if not kode_mod.is_canonical(value):
        raise ValidationError(
            f"Kode '{value}' bukan bentuk baku (contoh 7.01.01, 7.01.01.2.01, 7.01.01.2.01.0001).",
            code="kode",
        )


LOGO_MAX_BYTES = 1024 * 1024
LOGO_FORMATS = {"PNG": "image/png", "JPEG": "image/jpeg"}


def logo_format(content: bytes) -> str | None:
    """The MIME type of a PNG or JPEG image, from its first bytes; None for anything else
    (SVG is refused on purpose: it may reference other files or run script)."""
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        return LOGO_FORMATS["PNG"]
    if content.startswith(b"\xff\xd8\xff"):
        return LOGO_FORMATS["JPEG"]
    return None


def validate_logo(file) -> None:
    """A kabupaten logo: PNG or JPEG, at most 1 MB (it is embedded in every cover)."""
    size = getattr(file, "size", None)
    if size is not None and size > LOGO_MAX_BYTES:
        raise ValidationError("Logo paling besar 1 MB; perkecil gambarnya.", code="logo_besar")
    position = file.tell() if hasattr(file, "tell") else None
    try:
        file.seek(0)
        head = file.read(16)
    finally:
        if position is not None:
            file.seek(position)
    if logo_format(head) is None:
        raise ValidationError("Logo harus berkas PNG atau JPEG.", code="logo_format")
