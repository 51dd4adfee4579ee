"""A whole official document (Renstra, Renja of a year, LKj of a year) as the office submits it:
cover, kata pengantar, lists, chapters with their narrative, tables, drafted paragraphs and
charts, lampiran. Pure: no Django, no database.

This module is the outline. A kind-specific builder (`document_lkj`, `document_renja`,
`document_renstra`) returns a `Naskah`: chapters (`Bab`) and sections (`Bagian`) holding what
people write (`Teks`, by key), what the app drafts (`Draf`), the official tables (`Tabel`:
Reports of the earlier issues, never computed again here), charts (`Gambar`), signatures and
standalone signed documents (`Lampiran`: the Perjanjian Kinerja). `bagian_keys` lists its
narrative sections for the editor. `susunan.susun` numbers the outline (BAB I, 1.1, Tabel 3.1,
the daftar isi/tabel/gambar) and the renderer (`render_document`) prints the result.
"""

from __future__ import annotations

from dataclasses import dataclass

from kecamatan.tables.base import PenandatanganData, Report

# --- the outline ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Teks:
    """A narrative section people write; `kunci` is stable across years, so last year's text
    can be offered as the starting point."""

    kunci: str
    judul: str = ""  # how the editor names it when it has no heading of its own
    petunjuk: str = ""  # what belongs here (shown in the editor and where the text is missing)
    wajib: bool = True  # an empty optional text (an intro, a continuation) prints nothing


@dataclass(frozen=True)
class Draf:
    """A paragraph the app drafts from the computed figures; the user may keep, edit or replace it.
    `teks` is markup and may point at tables and figures by reference: {tabel:lkj31}."""

    kunci: str
    judul: str
    teks: str


@dataclass(frozen=True)
class Tabel:
    """Official table(s) of the earlier issues, printed where the document puts them and numbered
    by it. Several Reports: the first has the caption, the others continue it (Tabel 2.3)."""

    ref: str
    reports: tuple[Report, ...]
    ttd: PenandatanganData | None = None  # a signature right after the table (Renja T-C.33)


@dataclass(frozen=True)
class Gambar:
    ref: str
    judul: str
    svg: str
    sumber: str = ""  # "Sumber: {tabel:lkj33}"


@dataclass(frozen=True)
class TandaTangan:
    penandatangan: PenandatanganData | None


@dataclass(frozen=True)
class Lampiran:
    """A standalone signed document in the appendix (Perjanjian Kinerja, IKU), printed as its own
    builder lays it out: title, statement, tables, both signatures."""

    reports: tuple[Report, ...]


@dataclass(frozen=True)
class Bagian:
    judul: str
    isi: tuple = ()
    bernomor: bool = True


@dataclass(frozen=True)
class Bab:
    judul: str
    isi: tuple = ()


@dataclass(frozen=True)
class Sampul:
    pemerintah: str  # "PEMERINTAH KABUPATEN LUMAJANG"
    judul: tuple[str, ...]  # ("LAPORAN KINERJA", "CAMAT JATIROTO", "TAHUN 2024")
    instansi: tuple[str, ...]  # ("PEMERINTAH KABUPATEN LUMAJANG", "KECAMATAN JATIROTO")
    alamat: tuple[str, ...] = ()  # the office's address lines (tables.base.Kantor.lines)
    logo: str = ""  # a data: URI of the uploaded logo; "" prints no logo at all


@dataclass(frozen=True)
class Naskah:
    jenis: str  # lkj | renja | renstra
    judul: str  # running header: "Laporan Kinerja Kecamatan Jatiroto Tahun 2024"
    sampul: Sampul
    kata_pengantar: tuple = ()
    pembuka: tuple[Bagian, ...] = ()  # unnumbered front sections after the lists (Ikhtisar Eksekutif)
    bab: tuple[Bab, ...] = ()
    lampiran: tuple[Bagian, ...] = ()
    filename: str = "naskah"


@dataclass(frozen=True)
class NarasiTeks:
    """What is stored for a key: the text, and for a user's version of a draft, the draft it was
    written against."""

    teks: str
    draf_dasar: str = ""



# --- narrative sections ----------------------------------------------------------------------


def teks_titles(nodes, judul: str) -> dict[int, str]:
    """How the editor names each narrative text of a container: its own title, else the section's,
    with "(lanjutan)" for the second one, "(lanjutan 2)" for the third … (a text before a table and
    another after it must not look the same)."""
    out: dict[int, str] = {}
    count = 0
    for node in nodes:
        if isinstance(node, Teks):
            count += 1
            if node.judul:
                out[id(node)] = node.judul
            elif count == 1:
                out[id(node)] = judul
            else:
                out[id(node)] = f"{judul} (lanjutan{'' if count == 2 else f' {count - 1}'})"
    return out



def bagian_keys(naskah: Naskah) -> list[tuple[str, str, str]]:
    """(kunci, judul, petunjuk) of every narrative section, in document order: what the editor
    lists and what last year's document is searched for."""
    out: list[tuple[str, str, str]] = []

    def walk(nodes, judul: str) -> None:
        titles = teks_titles(nodes, judul)
        for node in nodes:
            if isinstance(node, Bagian):
                walk(node.isi, node.judul)
            elif isinstance(node, Bab):
                walk(node.isi, node.judul)
            elif isinstance(node, Teks):
                out.append((node.kunci, titles[id(node)], node.petunjuk))

    walk(naskah.kata_pengantar, "Kata Pengantar")
    walk(naskah.pembuka, "")
    walk(naskah.bab, "")
    walk(naskah.lampiran, "")
    return out
