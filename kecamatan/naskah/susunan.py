"""The numbered document: `susun` takes an outline (`document.Naskah`) and the stored narrative
and numbers everything the way the documents do (BAB I, 1.1, 1.1.1, Tabel 3.1, Gambar 3.1:
tables and figures per chapter, in the order they appear, narrative tables with a caption
included), resolves cross references in the drafts (`{tabel:lkj31}` → "Tabel 3.1"), chooses
between each draft and the user's version of it, and lists the entries of the daftar isi,
daftar tabel and daftar gambar. The renderer (`render_document`) prints the `Susunan` to HTML
(preview) and PDF. Pure: no Django, no database.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from kecamatan.core import markup
from kecamatan.naskah.document import (
    Bagian,
    Draf,
    Gambar,
    Lampiran,
    NarasiTeks,
    Naskah,
    Tabel,
    TandaTangan,
    Teks,
    teks_titles,
)
from kecamatan.tables.base import PenandatanganData, Report

ROMAWI = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
DRAF = "draf:"  # narrative key of the user's version of a drafted paragraph
_TOKEN = re.compile(r"\{(tabel|gambar):([\w.-]+)\}")


# --- the numbered document -----------------------------------------------------------------------


@dataclass(frozen=True)
class Entri:
    """A line of the daftar isi, daftar tabel or daftar gambar."""

    anchor: str
    teks: str
    tingkat: int = 0
    romawi: bool = False  # front matter: page number in roman numerals


@dataclass(frozen=True)
class Judul:
    anchor: str
    teks: str  # "1.1.2 Tugas dan Fungsi Perangkat Daerah", "KATA PENGANTAR"
    tingkat: int  # 0: front matter, BAB or LAMPIRAN; 1: 1.1; 2: 1.1.1 …
    bab: str = ""  # "BAB I" above a chapter title


@dataclass(frozen=True)
class TeksTersusun:
    kunci: str
    judul: str
    blocks: tuple
    labels: tuple[tuple[str, str], ...]  # (number, anchor) of each captioned table
    petunjuk: str = ""
    wajib: bool = True

    @property
    def kosong(self) -> bool:
        return not self.blocks


@dataclass(frozen=True)
class DrafTersusun:
    kunci: str
    judul: str
    draf: str  # the drafted text, references resolved
    teks: str  # what prints: the draft, or the user's version
    diganti: bool = False  # the user's version prints
    berubah: bool = False  # the draft changed since the user's version was saved
    draf_dasar: str = ""

    @property
    def blocks(self) -> tuple:
        return markup.parse(self.teks)


@dataclass(frozen=True)
class TabelTersusun:
    ref: str
    nomor: str  # "Tabel 3.1"
    anchor: str
    judul: tuple[str, ...]  # caption lines below the number
    reports: tuple[Report, ...]
    lanskap: bool
    ttd: PenandatanganData | None = None

    @property
    def entri(self) -> str:
        return " ".join(p for p in (self.nomor, *self.judul[:1]) if p)


@dataclass(frozen=True)
class GambarTersusun:
    ref: str
    nomor: str
    anchor: str
    judul: str
    svg: str
    sumber: str = ""


@dataclass(frozen=True)
class Susunan:
    naskah: Naskah
    depan: tuple = ()  # kata pengantar
    pembuka: tuple = ()
    bab: tuple[tuple, ...] = ()
    lampiran: tuple = ()
    daftar_isi: tuple[Entri, ...] = ()
    daftar_tabel: tuple[Entri, ...] = ()
    daftar_gambar: tuple[Entri, ...] = ()

    def pieces(self):
        yield from self.depan
        yield from self.pembuka
        for bab in self.bab:
            yield from bab
        yield from self.lampiran

    @property
    def teks(self) -> list[TeksTersusun]:
        return [p for p in self.pieces() if isinstance(p, TeksTersusun)]

    @property
    def drafts(self) -> list[DrafTersusun]:
        return [p for p in self.pieces() if isinstance(p, DrafTersusun)]

    @property
    def tables(self) -> list[TabelTersusun]:
        return [p for p in self.pieces() if isinstance(p, TabelTersusun)]

    @property
    def figures(self) -> list[GambarTersusun]:
        return [p for p in self.pieces() if isinstance(p, GambarTersusun)]

    def reports(self) -> list[Report]:
        """Every official table the document prints, in order (for the Excel download)."""
        out: list[Report] = []
        for piece in self.pieces():
            if isinstance(piece, (TabelTersusun, Lampiran)):
                out.extend(piece.reports)
        return out



# --- numbering -----------------------------------------------------------------------------------


def report_caption(report: Report) -> tuple[str, ...]:
    """The title lines of a Report without its own number line ("Tabel 3.3", "Tabel T-C.29");
    an official code (T-C.29) stays in front of the first line, as the documents print it."""
    lines = list(report.title)
    if lines and lines[0].strip() in {report.code, f"Tabel {report.code}"}:
        lines = lines[1:]
    if report.code.upper().startswith(("T-C", "TC")) and lines:
        lines[0] = f"{report.code} {lines[0]}"
    return tuple(lines)


@dataclass
class _Counter:
    bab: int = 0
    tabel: int = 0
    gambar: int = 0
    anon: int = 0
    refs: dict[str, str] = field(default_factory=dict)
    daftar_isi: list[Entri] = field(default_factory=list)
    daftar_tabel: list[Entri] = field(default_factory=list)
    daftar_gambar: list[Entri] = field(default_factory=list)


class _Builder:
    def __init__(self, teks: Mapping[str, NarasiTeks]):
        self.teks = teks
        self.c = _Counter()
        self.front = False  # in the front matter: page numbers in roman numerals

    # a narrative section ------------------------------------------------------------------------
    def teks_piece(self, node: Teks, judul: str) -> TeksTersusun:
        stored = self.teks.get(node.kunci)
        blocks = markup.parse(stored.teks if stored else "")
        labels = []
        for caption in markup.captions(blocks):
            if self.c.bab:
                self.c.tabel += 1
                nomor = f"Tabel {self.c.bab}.{self.c.tabel}"
                anchor = f"tabel-{self.c.bab}-{self.c.tabel}"
                self.c.daftar_tabel.append(Entri(anchor, f"{nomor} {caption}"))
            else:
                self.c.anon += 1
                nomor, anchor = "", f"tabel-x{self.c.anon}"
            labels.append((nomor, anchor))
        return TeksTersusun(node.kunci, judul, blocks, tuple(labels), node.petunjuk, node.wajib)

    def tabel_piece(self, node: Tabel) -> TabelTersusun:
        first = node.reports[0]
        if self.c.bab:
            self.c.tabel += 1
            nomor, anchor = f"Tabel {self.c.bab}.{self.c.tabel}", f"tabel-{self.c.bab}-{self.c.tabel}"
        else:
            self.c.anon += 1
            nomor, anchor = "", f"tabel-x{self.c.anon}"
        piece = TabelTersusun(node.ref, nomor, anchor, report_caption(first), node.reports,
                              lanskap=any(r.orientation == "landscape" for r in node.reports), ttd=node.ttd)
        if nomor:
            self.c.refs[f"tabel:{node.ref}"] = nomor
            self.c.daftar_tabel.append(Entri(anchor, piece.entri))
        return piece

    def gambar_piece(self, node: Gambar) -> GambarTersusun:
        self.c.gambar += 1
        prefix = f"{self.c.bab}." if self.c.bab else ""
        nomor, anchor = f"Gambar {prefix}{self.c.gambar}", f"gambar-{self.c.bab}-{self.c.gambar}"
        self.c.refs[f"gambar:{node.ref}"] = nomor
        self.c.daftar_gambar.append(Entri(anchor, f"{nomor} {node.judul}"))
        return GambarTersusun(node.ref, nomor, anchor, node.judul, node.svg, node.sumber)

    def draf_piece(self, node: Draf) -> DrafTersusun:
        return DrafTersusun(node.kunci, node.judul, node.teks, node.teks)

    # containers ------------------------------------------------------------------------------
    def isi(self, nodes, judul: str, nomor: list[int], tingkat: int) -> list:
        out: list = []
        sub = 0
        titles = teks_titles(nodes, judul)
        for node in nodes:
            if isinstance(node, Bagian):
                if node.bernomor and self.c.bab:
                    sub += 1
                    numbers = [*nomor, sub]
                    label = ".".join(str(n) for n in numbers)
                    anchor = f"bagian-{'-'.join(str(n) for n in numbers)}"
                    teks = f"{label} {node.judul}"
                else:
                    numbers = nomor
                    self.c.anon += 1
                    anchor, teks = f"bagian-x{self.c.anon}", node.judul
                out.append(Judul(anchor, teks, tingkat))
                self.c.daftar_isi.append(Entri(anchor, teks, tingkat, romawi=self.front))
                out += self.isi(node.isi, node.judul, numbers, tingkat + 1)
            elif isinstance(node, Teks):
                out.append(self.teks_piece(node, titles[id(node)]))
            elif isinstance(node, Tabel):
                out.append(self.tabel_piece(node))
            elif isinstance(node, Gambar):
                out.append(self.gambar_piece(node))
            elif isinstance(node, Draf):
                out.append(self.draf_piece(node))
            elif isinstance(node, (TandaTangan, Lampiran)):
                out.append(node)
            else:  # pragma: no cover - a builder bug
                raise TypeError(f"unknown outline node {node!r}")
        return out

    def resolve(self, text: str) -> str:
        return _TOKEN.sub(lambda m: self.c.refs.get(f"{m[1]}:{m[2]}", "tabel terkait" if m[1] == "tabel"
                                                     else "gambar terkait"), text)

    def finish(self, piece):
        if isinstance(piece, DrafTersusun):
            draf = self.resolve(piece.draf).strip()
            stored = self.teks.get(DRAF + piece.kunci)
            if stored is None:
                return replace(piece, draf=draf, teks=draf)
            return replace(piece, draf=draf, teks=stored.teks, diganti=True,
                           berubah=stored.draf_dasar.strip() != draf, draf_dasar=stored.draf_dasar)
        if isinstance(piece, GambarTersusun):
            return replace(piece, sumber=self.resolve(piece.sumber))
        return piece


def susun(naskah: Naskah, teks: Mapping[str, NarasiTeks] | None = None) -> Susunan:
    """Number the outline and put the narrative in: see the module docstring."""
    b = _Builder(teks or {})
    c = b.c
    front = [Entri("sampul", "HALAMAN JUDUL", romawi=True), Entri("kata-pengantar", "KATA PENGANTAR", romawi=True),
             Entri("daftar-isi", "DAFTAR ISI", romawi=True), Entri("daftar-tabel", "DAFTAR TABEL", romawi=True)]
    b.front = True
    depan = [Judul("kata-pengantar", "KATA PENGANTAR", 0)] + b.isi(naskah.kata_pengantar, "Kata Pengantar", [], 1)
    pembuka = []
    for bagian in naskah.pembuka:
        c.anon += 1
        anchor = f"pembuka-{c.anon}"
        pembuka.append(Judul(anchor, bagian.judul.upper(), 0))
        c.daftar_isi.append(Entri(anchor, bagian.judul.upper(), 0, romawi=True))
        pembuka += b.isi(bagian.isi, bagian.judul, [], 1)
    b.front = False
    babs = []
    for number, bab in enumerate(naskah.bab, start=1):
        c.bab, c.tabel, c.gambar = number, 0, 0
        anchor = f"bab-{number}"
        label = f"BAB {ROMAWI[number - 1]}"
        c.daftar_isi.append(Entri(anchor, f"{label} {bab.judul.upper()}", 0))
        babs.append([Judul(anchor, bab.judul.upper(), 0, bab=label)] + b.isi(bab.isi, bab.judul, [number], 1))
    c.bab = 0
    lampiran = []
    if naskah.lampiran:
        lampiran.append(Judul("lampiran", "LAMPIRAN", 0))
        c.daftar_isi.append(Entri("lampiran", "LAMPIRAN", 0))
        lampiran += b.isi([replace(bg, bernomor=False) for bg in naskah.lampiran], "Lampiran", [], 1)
    # the front lists come first in the daftar isi, whatever was collected meanwhile
    has_figures = bool(c.daftar_gambar)
    if has_figures:
        front.append(Entri("daftar-gambar", "DAFTAR GAMBAR", romawi=True))
    return Susunan(
        naskah=naskah,
        depan=tuple(b.finish(p) for p in depan),
        pembuka=tuple(b.finish(p) for p in pembuka),
        bab=tuple(tuple(b.finish(p) for p in bab) for bab in babs),
        lampiran=tuple(b.finish(p) for p in lampiran),
        daftar_isi=tuple(front + c.daftar_isi),
        daftar_tabel=tuple(c.daftar_tabel),
        daftar_gambar=tuple(c.daftar_gambar),
    )
