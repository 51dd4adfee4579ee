"""Which layout each table of a document prints (kecamatan.tables.layout): the layouts the
document was submitted with while it is submitted or verified, else the kabupaten's choice;
a table nobody chose prints its default (the annex). Names only: the table modules know what
a name means."""

from __future__ import annotations

from collections.abc import Mapping

from kecamatan.models import Dokumen, PilihanTataLetak


def pilihan_kabupaten(periode_id: int) -> dict[str, str]:
    """{tabel: tata letak} the kabupaten of that Renstra chose (one query)."""
    rows = PilihanTataLetak.objects.filter(kabupaten__kecamatan__periode__pk=periode_id)
    return dict(rows.values_list("tabel", "tata_letak"))


def tata_letak_dokumen(dokumen: Dokumen | None, periode_id: int,
                       pilihan: Mapping[str, str] | None = None) -> dict[str, str]:
    """What the document prints: its frozen layouts once submitted, else the kabupaten's choice;
    `pilihan` (a layout asked for on screen or by `cetak --opsi tata_letak=…`) overrides both."""
    if dokumen is not None and dokumen.status in Dokumen.LOCKED and dokumen.tata_letak is not None:
        chosen = dict(dokumen.tata_letak)
    else:
        chosen = pilihan_kabupaten(periode_id)
    chosen.update({k: v for k, v in (pilihan or {}).items() if v})
    return chosen


def bekukan(dokumen: Dokumen) -> None:
    """On submission: the document keeps the kabupaten's current choice (caller saves)."""
    dokumen.tata_letak = pilihan_kabupaten(dokumen.periode_id)


def cairkan(dokumen: Dokumen) -> None:
    """Back in the office's hands (returned, reopened): it follows the kabupaten's choice again."""
    dokumen.tata_letak = None
