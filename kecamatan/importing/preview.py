"""What an upload amounts to: the changes it makes, the conflicts with what others changed since
the template was made, the errors; shown before anything is written. Pure."""

from __future__ import annotations

from dataclasses import dataclass, field

from kecamatan.importing.base import RowError
from kecamatan.importing.layout import Identitas


@dataclass(frozen=True)
class Change:
    lembar: str
    baris: int
    key: str
    label: str
    dari: str
    ke: str
    value: object  # the new value, for the writers


@dataclass(frozen=True)
class Conflict:
    """A cell the file changes that someone else also changed since the template was made."""

    lembar: str
    baris: int
    label: str
    asal: str  # at download
    sekarang: str  # in the database now
    berkas: str  # in the file


@dataclass
class Preview:
    identitas: Identitas  # as the file says
    versi_sekarang: int
    changes: list[Change] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    unchanged: int = 0
    kept_theirs: int = 0  # cells the file leaves as downloaded while someone changed them since
    rows_read: int = 0
    missing_rows: int = 0  # rows of the template the file no longer has: their data stays as it is
    # totals typed over the template's formulas that disagree with the sum of the file's own values
    # (checks.jumlah.JumlahTertulis): findings, never written; the app sums by itself
    jumlah_tertulis: list = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def stale(self) -> bool:
        return self.identitas.versi != self.versi_sekarang

    def perubahan(self) -> list[dict]:
        """The change list a Riwayat row keeps."""
        return [{"item": c.label, "dari": c.dari, "ke": c.ke} for c in self.changes]
