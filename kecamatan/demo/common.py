"""What every demo loader shares: where the fixtures are, the tally of what a run created, and
how a fixture's values and printed codes are read. Below every other demo module, so the loaders
import it and `muat` imports the loaders, never the other way round."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.conf import settings

from kecamatan.acuan.services import HasilAcuan
from kecamatan.core import kode as kode_mod
from kecamatan.core.formatting import parse_nilai

FIXTURES = Path(settings.BASE_DIR) / "fixtures"


@dataclass
class LoadReport(HasilAcuan):
    """The tally of the reference data (`created`, shared with muat_acuan) plus the demo logins."""

    users: list[tuple[str, str, str]] = field(default_factory=list)  # (username, password, role)


def nilai_fields(text: str | None) -> tuple[Decimal | None, str]:
    """(nilai, label) of a value as a fixture writes it: "62 (B-)", "N/A", "84,31"."""
    value = parse_nilai(text)
    return value.nilai, value.label


def kode_of(item: dict, context: str | None = None) -> str:
    """Canonical code of a fixture row: the right code given in "kode" (documents that print no
    codes, or print a wrong rather than broken one, Renja J-6), else its printed code
    ("kode_tercetak") through `parse_kode`, with the row above as context."""
    if item.get("kode"):
        return kode_mod.parse_kode(item["kode"])
    return kode_mod.parse_kode(item["kode_tercetak"], context=context)
