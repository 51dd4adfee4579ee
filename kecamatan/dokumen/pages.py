"""The frame of a page about one document of one year (a Renja, an LKj): its period, year, document,
whether the user may edit it now, and its URLs."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from kecamatan.models import Dokumen, Periode


@dataclass
class YearPage:
    periode: Periode
    tahun: int
    dokumen: Dokumen | None
    can_edit: bool

    @property
    def editable(self) -> bool:
        return self.can_edit and self.dokumen is not None and not self.dokumen.is_locked

    def url(self, name: str, *args) -> str:
        return reverse(f"kecamatan:{name}", args=[self.periode.pk, self.tahun, *args])

    def context(self, **extra) -> dict:
        return {"periode": self.periode, "tahun": self.tahun, "dokumen": self.dokumen, "can_edit": self.can_edit,
                "editable": self.editable, "detail_url": self.url("renja_detail"), **extra}
