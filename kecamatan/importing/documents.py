"""Which documents have an Excel template, and their layouts built from the selectors (a fixed
number of queries whatever the size). Reads only: the write is `services.import_xlsx`.

Adding the Renja (once its models exist): a pure `renja.py` building a Layout from the Renja
selector's snapshot — per sub-kegiatan row: Lokasi (`TeksKind`), Target (`NILAI`), Kebutuhan Dana
(`RUPIAH`, e.g. a Pagu of stage renja, written by `writers.write_pagu`), Sumber Dana (`PilihanKind`
with a `Layout.lists` entry: the template shows the drop-down), prakiraan maju Target/Rp of N+1; an
entry in LAYOUTS; writers for the new fields in `writers.WRITERS`. Aktivitas need one more thing:
rows a user adds under a sub-kegiatan (free rows), which the reader would read as new records of
the sub-kegiatan above."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone
from django.utils.text import slugify

from .. import selectors
from ..models import Dokumen, Periode
from .base import Identitas, Layout, Preview
from .reader import read_upload
from .realisasi import realisasi_layout
from .renstra import renstra_layout
from .template import write_template

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _renstra(periode: Periode, dokumen: Dokumen, identitas: Identitas) -> Layout:
    return renstra_layout(selectors.renstra_data(periode.pk), identitas)


def _realisasi(periode: Periode, dokumen: Dokumen, identitas: Identitas) -> Layout:
    return realisasi_layout(selectors.realisasi_triwulan_data(periode, dokumen.tahun, dokumen.triwulan), identitas)


# document kind → (template format, layout builder)
LAYOUTS = {
    Dokumen.Jenis.RENSTRA: ("renstra", _renstra),
    Dokumen.Jenis.REALISASI: ("realisasi", _realisasi),
}


def supports(dokumen: Dokumen | None) -> bool:
    return dokumen is not None and dokumen.jenis in LAYOUTS


def layout_for(periode: Periode, dokumen: Dokumen, *, by=None) -> Layout:
    """The layout of a document with its current values and versi."""
    fmt, build = LAYOUTS[dokumen.jenis]
    identitas = Identitas(
        format=fmt, kecamatan_id=periode.kecamatan_id, kecamatan=periode.kecamatan.nama, periode_id=periode.pk,
        periode=periode.label, dokumen=dokumen.kunci, judul=dokumen.judul, versi=dokumen.versi,
        diunduh=timezone.localtime().isoformat(timespec="seconds"), oleh=getattr(by, "username", "") or "",
    )
    return build(periode, dokumen, identitas)


@dataclass(frozen=True)
class Templat:
    content: bytes
    filename: str
    content_type: str = XLSX


def template_for(periode: Periode, dokumen: Dokumen, *, by=None) -> Templat:
    content = write_template(layout_for(periode, dokumen, by=by))
    name = f"templat-{dokumen.kunci}-{slugify(periode.kecamatan.nama)}-{periode.label}.xlsx"
    return Templat(content, name)


def preview_upload(periode: Periode, dokumen: Dokumen, content: bytes) -> Preview:
    """What importing `content` into the document would change now (raises FileError)."""
    return read_upload(content, layout_for(periode, dokumen))
