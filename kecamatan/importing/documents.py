"""Which documents have an Excel template, and their layouts built from the selectors (a fixed
number of queries whatever the size). Reads only: the write is `services.import_xlsx`.

The Excel import as a whole: a template per document (pre-filled, protected, with a hidden
identity sheet) and the upload of that template back: parse all, validate all, then write all.

- `base`, `cells`, `kinds`, `layout`, `preview`  pure: the template's fixed places and errors
  (`RowError(baris, kolom, pesan)` in the sheet's own row numbers and headings), reading one
  typed cell, the item kinds (what a cell may change), sheets/columns/rows, what an upload
  amounts to (changes, conflicts, errors).
- `renstra`   pure: the Renstra layout (targets and satuan per indicator, pagu per sub-kegiatan).
- `realisasi` pure: the layout of one triwulan (realisasi per indicator, Rp per sub-kegiatan).
- `renja`, `renja_kinds`, `renja_dana`  pure: the Renja of a year (T-C.33's rows, aktivitas with
  free rows to add more, the rule that a sub-kegiatan's dana is the sum of its aktivitas).
- `template`  writes a layout to .xlsx (openpyxl).
- `reader`    reads an uploaded .xlsx against the layout (`workbook`: the file and its identity;
  `sheet`: headings, rows, values; `sums`: totals typed over formulas) and makes the three-way
  diff (value at download, value now, value in the file) → `Preview`.
- `writers`   per item kind, the bulk writes with audit history.
- this module: which documents have a template (LAYOUTS), template download and preview;
  `services.import_xlsx` writes, atomically.

A new template: a pure layout module (see `renja.py`: columns, rows with their items, lists for
drop-downs, cross-row rules in `Layout.reconcile`, free rows for new records), an entry in
LAYOUTS, and writers for its item keys in `writers.WRITERS`."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone
from django.utils.text import slugify

from kecamatan.importing.layout import Identitas, Layout
from kecamatan.importing.preview import Preview
from kecamatan.importing.reader import read_upload
from kecamatan.importing.realisasi import realisasi_layout
from kecamatan.importing.renja import renja_layout
from kecamatan.importing.renstra import renstra_layout
from kecamatan.importing.template import write_template
from kecamatan.models import Dokumen, Periode, SumberDana
from kecamatan.realisasi import selectors as realisasi_selectors
from kecamatan.renja import selectors as renja_selectors
from kecamatan.renstra import selectors as renstra_selectors

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _renstra(periode: Periode, dokumen: Dokumen, identitas: Identitas) -> Layout:
    return renstra_layout(renstra_selectors.renstra_data(periode.pk), identitas)


def _realisasi(periode: Periode, dokumen: Dokumen, identitas: Identitas) -> Layout:
    return realisasi_layout(realisasi_selectors.realisasi_triwulan_data(periode, dokumen.tahun, dokumen.triwulan), identitas)


def _renja(periode: Periode, dokumen: Dokumen, identitas: Identitas) -> Layout:
    return renja_layout(renja_selectors.renja_data(periode.pk, dokumen.tahun), identitas, SumberDana.choices)


# document kind → (template format, layout builder)
LAYOUTS = {
    Dokumen.Jenis.RENSTRA: ("renstra", _renstra),
    Dokumen.Jenis.REALISASI: ("realisasi", _realisasi),
    Dokumen.Jenis.RENJA: ("renja", _renja),
}
# a Renja is started on its page (signatory, the sub-kegiatan it funds) before it has rows to fill
STARTED_FIRST = {Dokumen.Jenis.RENJA}


def refusal(dokumen: Dokumen | None) -> str:
    """Why this document has no template (now), or "" if it has one."""
    if dokumen is None or dokumen.jenis not in LAYOUTS:
        return f"{dokumen.judul if dokumen else 'Dokumen ini'} belum mempunyai templat Excel."
    if dokumen.jenis in STARTED_FIRST and dokumen.pk is None:
        return f"{dokumen.judul} belum dimulai: mulai dan tambahkan sub kegiatannya di halaman Renja lebih dulu."
    return ""


def supports(dokumen: Dokumen | None) -> bool:
    return not refusal(dokumen)


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
