"""One entry point from (table, period, year, format) to the bytes or text to deliver, shared by
the download views, the background prints (kecamatan/cetak/latar.py) and `manage.py cetak`."""

from __future__ import annotations

from dataclasses import dataclass

from kecamatan.cetak.registry import DOCUMENTS, get_table
from kecamatan.models import Periode
from kecamatan.naskah.render import NASKAH_CSS, print_page
from kecamatan.naskah.selectors import Kunci, naskah_data
from kecamatan.tables.output import FORMATS, Output, render_reports
from kecamatan.tables.pdf_cache import cached_pdf
from kecamatan.tables.render_pdf import PRINT_CSS, print_html
from kecamatan.tables.render_xlsx import render_xlsx

ROWS_PER_PAGE = 10  # rows of an official table on one A4 landscape page, roughly (T-C.27: 8, T-C.29: 15)


@dataclass(frozen=True)
class PdfSource:
    """What a PDF print is before WeasyPrint lays it out (milliseconds to build, seconds to lay out):
    its print HTML and stylesheets (which key the PDF cache), file name and a page estimate."""

    html: str
    stylesheets: tuple[str, ...]
    filename: str
    judul: str
    dokumen: bool  # a whole document (cover, narrative, every table)
    halaman: int  # estimated pages, from the rows

    def render(self) -> tuple[bytes, bool]:
        """The PDF and whether it came from the cache."""
        return cached_pdf(self.html, self.stylesheets)


def _document_susunan(name: str, *, periode_id: int, tahun: int | None, options: dict[str, str] | None):
    spec = DOCUMENTS[name]
    if spec.needs_tahun and tahun is None:
        raise ValueError(f"Dokumen {spec.name} memerlukan tahun (--tahun).")
    options = dict(options or {})
    pembanding = options.pop("pembanding", None) if spec.jenis == "lkj" else None
    if options:
        raise ValueError(f"Opsi '{next(iter(options))}' tidak dikenal untuk {spec.name}.")
    periode = Periode.objects.select_related("kecamatan__kabupaten").get(pk=periode_id)
    if tahun is not None and spec.needs_tahun and not periode.tahun_mulai <= tahun <= periode.tahun_selesai:
        raise ValueError(f"Tahun {tahun} di luar periode Renstra {periode.label}.")
    kunci = Kunci(spec.jenis, tahun if spec.needs_tahun else None)
    return naskah_data(periode, kunci, pembanding=pembanding or None).susunan


def produce_document(name: str, *, periode_id: int, tahun: int | None, fmt: str,
                     options: dict[str, str] | None = None) -> Output:
    """A whole document: PDF (cached by content), its print HTML, or every table of it in one
    workbook. The only option is the LKj's `pembanding` (Tabel 3.7)."""
    if fmt not in FORMATS:
        raise ValueError(f"Format '{fmt}' tidak dikenal. Pilihan: html, pdf, xlsx.")
    susunan = _document_susunan(name, periode_id=periode_id, tahun=tahun, options=options)
    hit = None
    if fmt == "pdf":
        content, hit = cached_pdf(print_page(susunan), NASKAH_CSS)
    elif fmt == "xlsx":
        content = render_xlsx(susunan.reports())
    else:
        content = print_page(susunan).encode("utf-8")
    return Output(content, FORMATS[fmt], f"{susunan.naskah.filename}.{fmt}", hit)


def _table_reports(name: str, *, periode_id: int, tahun: int | None, options: dict[str, str] | None):
    spec = get_table(name)
    if spec.needs_tahun and tahun is None:
        raise ValueError(f"Tabel {spec.name} memerlukan tahun (--tahun).")
    if options:
        options = spec.clean_options(options, spec.param_choices(periode_id))
    reports = spec.run(periode_id, tahun, options)
    base = reports[0].filename or spec.name
    if tahun is not None and str(tahun) not in base:
        base = f"{base}-{tahun}"
    return reports, base


def _pages(reports) -> int:
    """Each table starts a page; its rows fill ROWS_PER_PAGE a page."""
    return sum(1 + len(r.rows) // ROWS_PER_PAGE for r in reports)


def pdf_source(name: str, *, periode_id: int, tahun: int | None, options: dict[str, str] | None = None) -> PdfSource:
    """The print HTML of a table or a whole document, ready to be looked up in the PDF cache or laid out."""
    if name.lower() in DOCUMENTS:
        susunan = _document_susunan(name.lower(), periode_id=periode_id, tahun=tahun, options=options)
        return PdfSource(print_page(susunan), NASKAH_CSS, f"{susunan.naskah.filename}.pdf", susunan.naskah.judul,
                         dokumen=True, halaman=_pages(susunan.reports()))
    reports, base = _table_reports(name, periode_id=periode_id, tahun=tahun, options=options)
    return PdfSource(print_html(reports), PRINT_CSS, f"{base}.pdf", " ".join(reports[0].title),
                     dokumen=False, halaman=_pages(reports))


def produce(name: str, *, periode_id: int, tahun: int | None, fmt: str, options: dict[str, str] | None = None) -> Output:
    if name.lower() in DOCUMENTS:
        return produce_document(name.lower(), periode_id=periode_id, tahun=tahun, fmt=fmt, options=options)
    if fmt not in FORMATS:
        raise ValueError(f"Format '{fmt}' tidak dikenal. Pilihan: html, pdf, xlsx.")
    reports, base = _table_reports(name, periode_id=periode_id, tahun=tahun, options=options)
    return render_reports(reports, fmt=fmt, base=base)
