"""HTML and PDF of a whole document (`susunan.Susunan`): the same fragment for the browser
preview and the PDF, so what people check on screen is what prints.

The tables are the shared `render_table_html` of each Report (one computation, three
renderings); narrative and drafts go through `markup` (escaped, never raw HTML); charts are
inline SVG; the logo a data: URI. WeasyPrint lays the PDF out with `print.css` (the tables)
and `naskah.css` (pages): a cover, front matter numbered i, ii, iii, the chapters from BAB I
numbered 1, 2, 3 (one `isi` page group, so the counter restarts once), wide tables on
landscape pages inside the portrait document, page numbers of the daftar isi, daftar tabel and
daftar gambar from `target-counter()`, and PDF bookmarks for chapters, sections, tables and
figures. Rendered PDFs are cached by content (`pdf_cache`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from django.template.loader import render_to_string
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from kecamatan.core import markup
from kecamatan.naskah.document import Lampiran, TandaTangan
from kecamatan.naskah.susunan import DrafTersusun, GambarTersusun, Judul, Susunan, TabelTersusun, TeksTersusun
from kecamatan.tables import lebar
from kecamatan.tables.base import Report
from kecamatan.tables.pdf_cache import cached_pdf
from kecamatan.tables.render_html import render_table_html

NASKAH_CSS = ("kecamatan/print.css", "kecamatan/naskah.css")


@dataclass(frozen=True)
class Tautan:
    """Links the screen preview adds for people who may edit: kunci -> URL."""

    teks: Callable[[str], str] | None = None
    draf: Callable[[str], str] | None = None


def _heading(piece: Judul) -> str:
    if piece.tingkat == 0:
        bab = format_html('<span class="label-bab">{}</span> ', piece.bab) if piece.bab else ""
        return format_html('<h1 class="judul-bab" id="{}">{}{}</h1>', piece.anchor, bab, piece.teks)
    level = min(piece.tingkat + 1, 6)
    return format_html('<h{} class="judul-bagian tingkat-{}" id="{}">{}</h{}>', level, piece.tingkat, piece.anchor,
                       piece.teks, level)


def _teks(piece: TeksTersusun, screen: bool, tautan: Tautan | None) -> str:
    edit = ""
    if screen and tautan and tautan.teks:
        edit = format_html('<a class="ubah-naskah" href="{}">Ubah \u201c{}\u201d</a>', tautan.teks(piece.kunci),
                           piece.judul)
    if piece.kosong and not piece.wajib:
        if not screen:
            return ""
        return format_html('<div class="narasi kosong opsional" id="n-{}" data-kunci="{}">{}</div>', piece.kunci,
                           piece.kunci, mark_safe(edit.replace("Ubah", "Tulis (opsional)", 1)) if edit else "")
    if piece.kosong:
        hint = format_html('<span class="petunjuk"> {}</span>', piece.petunjuk) if screen and piece.petunjuk else ""
        return format_html('<div class="narasi kosong" id="n-{}" data-kunci="{}">{}<p class="belum-diisi">(Bagian ini '
                           'belum diisi.){}</p></div>', piece.kunci, piece.kunci, mark_safe(edit), hint)
    labels = piece.labels
    body = markup.render_html(piece.blocks, lambda i: labels[i] if i < len(labels) else ("", ""))
    return format_html('<div class="narasi" id="n-{}" data-kunci="{}">{}{}</div>', piece.kunci, piece.kunci,
                       mark_safe(edit), mark_safe(body))


def _draf(piece: DrafTersusun, screen: bool, tautan: Tautan | None) -> str:
    extra = ""
    if screen:
        badges = []
        if piece.diganti:
            badges.append('<span class="badge text-bg-secondary">teks pengguna</span>')
        else:
            badges.append('<span class="badge text-bg-info">draf otomatis</span>')
        if piece.berubah:
            badges.append('<span class="badge text-bg-warning">draf berubah sejak teks ini disimpan</span>')
        link = format_html(' <a class="ubah-naskah" href="{}">Periksa/ubah</a>', tautan.draf(piece.kunci)) \
            if tautan and tautan.draf else ""
        extra = format_html('<div class="tanda-draf">{}{}</div>', mark_safe(" ".join(badges)), link)
    css = "draf" + (" diganti" if piece.diganti else "") + (" berubah" if piece.berubah else "")
    return format_html('<div class="{}" id="d-{}" data-kunci="{}">{}{}</div>', css, piece.kunci, piece.kunci, extra,
                       mark_safe(markup.render_html(piece.blocks)))


LANSKAP_MM, POTRET_MM = 270.0, 160.0  # content width of naskah.css's landscape and portrait (isi) pages


def _bare(report: Report) -> Report:
    return replace(report, kop=None, penandatangan=None, counter_signatory=None)


def _tables(report: Report, lanskap: bool, screen: bool) -> list[str]:
    """A table as the document prints it: on paper, widths and size from its content on the page it
    stands on (tables.lebar), its further columns after it when too wide; on screen, as it is."""
    if screen:
        return [render_table_html(report)]
    page_mm, sizes = (LANSKAP_MM, lebar.SIZES) if lanskap else (POTRET_MM, (6.5, *lebar.SIZES))
    out = []
    for bagian in lebar.fit(report, page_mm, sizes):
        if bagian.part > 1:
            out.append(format_html('<div class="keterangan-tabel">{} (lanjutan)</div>', report.title[-1]))
        out.append(render_table_html(bagian.report, cetak=bagian.cetak))
    return out


def _tabel(piece: TabelTersusun, before: str = "", screen: bool = False) -> str:
    """A table with its numbered caption; `before` is headings that open it (they go on its
    landscape page rather than alone on a portrait one). On screen, the checker remarks of its
    reports above it (never in the print)."""
    parts = [before] if before else []
    if screen:
        parts += [render_to_string("reports/_periksa.html", {"report": r}) for r in piece.reports if r.periksa]
    lines = "".join(format_html("<div>{}</div>", line) for line in piece.judul)
    number = format_html('<div class="nomor-tabel">{}</div>', piece.nomor) if piece.nomor else ""
    parts.append(format_html('<div class="judul-tabel-naskah" id="{}" data-bookmark="{}">{}{}</div>', piece.anchor,
                             piece.entri, number, mark_safe(lines)))
    for report in piece.reports:
        if report.intro or report.caption:
            parts.append(render_to_string("reports/_pengantar.html", {"report": report}))
        parts += _tables(_bare(report), piece.lanskap, screen)
    if piece.ttd is not None:
        parts.append(render_to_string("reports/_tanda_tangan.html", {"p": piece.ttd, "kiri": False}))
    css = "tabel-naskah lanskap" if piece.lanskap else "tabel-naskah"
    return format_html('<div class="{}" data-ref="{}">{}</div>', css, piece.ref, mark_safe("".join(parts)))


def _gambar(piece: GambarTersusun) -> str:
    sumber = format_html('<div class="sumber-gambar">{}</div>', piece.sumber) if piece.sumber else ""
    # the SVG is built by grafik.py, every text in it escaped there
    return format_html('<figure class="gambar" data-ref="{}">{}<figcaption id="{}">{} {}</figcaption>{}</figure>',
                       piece.ref, mark_safe(piece.svg), piece.anchor, piece.nomor, piece.judul, sumber)


def _lampiran(piece: Lampiran) -> str:
    return render_to_string("reports/naskah/_lampiran.html", {"sections": [
        {"report": r, "table": mark_safe(render_table_html(replace(r, penandatangan=None, counter_signatory=None)))}
        for r in piece.reports
    ]})


def piece_html(piece, *, screen: bool = False, tautan: Tautan | None = None) -> str:
    if isinstance(piece, Judul):
        return _heading(piece)
    if isinstance(piece, TeksTersusun):
        return _teks(piece, screen, tautan)
    if isinstance(piece, DrafTersusun):
        return _draf(piece, screen, tautan)
    if isinstance(piece, TabelTersusun):
        return _tabel(piece, screen=screen)
    if isinstance(piece, GambarTersusun):
        return _gambar(piece)
    if isinstance(piece, TandaTangan):
        if piece.penandatangan is None:
            return '<p class="belum-diisi">(Penanda tangan belum dipilih.)</p>'
        return render_to_string("reports/_tanda_tangan.html", {"p": piece.penandatangan, "kiri": False})
    if isinstance(piece, Lampiran):
        return _lampiran(piece)
    raise TypeError(f"unknown piece {piece!r}")  # pragma: no cover


def _join(pieces, screen: bool, tautan: Tautan | None) -> SafeString:
    """Pieces in order; headings right before a landscape table move onto its page with it."""
    out: list[str] = []
    headings: list[str] = []
    for piece in pieces:
        if isinstance(piece, Judul):
            headings.append(_heading(piece))
            continue
        if isinstance(piece, TabelTersusun) and piece.lanskap and headings:
            out.append(_tabel(piece, "".join(headings), screen))
        else:
            out.extend(headings)
            out.append(piece_html(piece, screen=screen, tautan=tautan))
        headings = []
    out.extend(headings)
    return mark_safe("".join(out))


def _logo(susunan: Susunan) -> SafeString:
    """The kabupaten's uploaded logo; without one, nothing (no placeholder box on an official cover)."""
    uri = susunan.naskah.sampul.logo
    return format_html('<img class="logo" src="{}" alt="Logo Kabupaten">', uri) if uri else mark_safe("")


def body_html(susunan: Susunan, *, screen: bool = False, tautan: Tautan | None = None) -> SafeString:
    """The document's HTML fragment: cover, front matter, chapters, lampiran."""
    return mark_safe(render_to_string("reports/naskah/_isi.html", {
        "s": susunan,
        "naskah": susunan.naskah,
        "logo": _logo(susunan),
        "depan": _join(susunan.depan, screen, tautan),
        "pembuka": _join(susunan.pembuka, screen, tautan),
        "bab": [_join(bab, screen, tautan) for bab in susunan.bab],
        "lampiran": _join(susunan.lampiran, screen, tautan),
        "screen": screen,
    }))


def print_page(susunan: Susunan) -> str:
    return render_to_string("reports/naskah/cetak.html", {"naskah": susunan.naskah, "isi": body_html(susunan)})


def render_document_pdf(susunan: Susunan) -> tuple[bytes, bool]:
    """The PDF and whether it came from the cache."""
    return cached_pdf(print_page(susunan), NASKAH_CSS)


__all__ = ["NASKAH_CSS", "Tautan", "body_html", "escape", "piece_html", "print_page", "render_document_pdf"]
