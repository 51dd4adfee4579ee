"""One entry point from (table, period, year, format) to the bytes or text to deliver, shared by
the download views and `manage.py cetak`."""

from __future__ import annotations

from kecamatan.cetak.registry import DOCUMENTS, get_table
from kecamatan.models import Periode
from kecamatan.naskah.render import print_page, render_document_pdf
from kecamatan.naskah.selectors import Kunci, naskah_data
from kecamatan.tables.output import FORMATS, Output, render_reports
from kecamatan.tables.render_xlsx import render_xlsx


def produce_document(name: str, *, periode_id: int, tahun: int | None, fmt: str,
                     options: dict[str, str] | None = None) -> Output:
    """A whole document: PDF (cached by content), its print HTML, or every table of it in one
    workbook. The only option is the LKj's `pembanding` (Tabel 3.7)."""
    spec = DOCUMENTS[name]
    if spec.needs_tahun and tahun is None:
        raise ValueError(f"Dokumen {spec.name} memerlukan tahun (--tahun).")
    if fmt not in FORMATS:
        raise ValueError(f"Format '{fmt}' tidak dikenal. Pilihan: html, pdf, xlsx.")
    options = dict(options or {})
    pembanding = options.pop("pembanding", None) if spec.jenis == "lkj" else None
    if options:
        raise ValueError(f"Opsi '{next(iter(options))}' tidak dikenal untuk {spec.name}.")
    periode = Periode.objects.select_related("kecamatan__kabupaten").get(pk=periode_id)
    if tahun is not None and spec.needs_tahun and not periode.tahun_mulai <= tahun <= periode.tahun_selesai:
        raise ValueError(f"Tahun {tahun} di luar periode Renstra {periode.label}.")
    kunci = Kunci(spec.jenis, tahun if spec.needs_tahun else None)
    susunan = naskah_data(periode, kunci, pembanding=pembanding or None).susunan
    hit = None
    if fmt == "pdf":
        content, hit = render_document_pdf(susunan)
    elif fmt == "xlsx":
        content = render_xlsx(susunan.reports())
    else:
        content = print_page(susunan).encode("utf-8")
    return Output(content, FORMATS[fmt], f"{susunan.naskah.filename}.{fmt}", hit)


def produce(name: str, *, periode_id: int, tahun: int | None, fmt: str, options: dict[str, str] | None = None) -> Output:
    if name.lower() in DOCUMENTS:
        return produce_document(name.lower(), periode_id=periode_id, tahun=tahun, fmt=fmt, options=options)
    spec = get_table(name)
    if spec.needs_tahun and tahun is None:
        raise ValueError(f"Tabel {spec.name} memerlukan tahun (--tahun).")
    if fmt not in FORMATS:
        raise ValueError(f"Format '{fmt}' tidak dikenal. Pilihan: html, pdf, xlsx.")
    if options:
        options = spec.clean_options(options, spec.param_choices(periode_id))
    reports = spec.run(periode_id, tahun, options)
    base = reports[0].filename or spec.name
    if tahun is not None and str(tahun) not in base:
        base = f"{base}-{tahun}"
    return render_reports(reports, fmt=fmt, base=base)


