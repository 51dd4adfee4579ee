"""Which layout each table of a document prints (kecamatan.tables.layout): the layouts pinned on the
document (`Dokumen.tata_letak`), else the kabupaten's choice; a table nobody chose prints its
default (the annex). Names only: the table modules know what a name means.

Pins are set when the document is submitted (the kabupaten's choice of that moment, so a later
choice never changes what was signed) and removed when it goes back to the office (returned or
reopened), which then follows the kabupaten's choice again. A document taken over from paper
(the demo's Renja of Senduro) is pinned to the layouts it was printed in."""

from __future__ import annotations

from collections.abc import Mapping

from kecamatan.models import Dokumen, PilihanTataLetak


def pilihan_kabupaten(periode_id: int) -> dict[str, str]:
    """{tabel: tata letak} the kabupaten of that Renstra chose (one query)."""
    rows = PilihanTataLetak.objects.filter(kabupaten__kecamatan__periode__pk=periode_id)
    return dict(rows.values_list("tabel", "tata_letak"))


def tata_letak_dokumen(dokumen: Dokumen | None, periode_id: int,
                       pilihan: Mapping[str, str] | None = None) -> dict[str, str]:
    """What the document prints: its pinned layouts over the kabupaten's choice;
    `pilihan` (a layout asked for on screen or by `cetak --opsi tata_letak=…`) overrides both."""
    chosen = pilihan_kabupaten(periode_id)
    if dokumen is not None and dokumen.tata_letak:
        chosen.update(dokumen.tata_letak)
    chosen.update({k: v for k, v in (pilihan or {}).items() if v})
    return chosen


def bekukan(dokumen: Dokumen) -> None:
    """On submission: the document keeps the kabupaten's current choice and its own pins (caller saves)."""
    dokumen.tata_letak = {**pilihan_kabupaten(dokumen.periode_id), **(dokumen.tata_letak or {})}


def cairkan(dokumen: Dokumen) -> None:
    """Back in the office's hands (returned, reopened): it follows the kabupaten's choice again."""
    dokumen.tata_letak = None
