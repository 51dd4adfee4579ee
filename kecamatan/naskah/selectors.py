"""Reads for the whole documents: the snapshot each kind prints (`lkj_data`, `renja_data`,
`renstra_lengkap`, each a fixed number of queries), the narrative stored for the document, last
year's narrative offered as a starting point, and the kabupaten's logo. The number of queries
does not grow with the number of programs, sub-kegiatan, indicators or sections."""

from __future__ import annotations

import base64
from dataclasses import dataclass

from kecamatan.core.validators import LOGO_MAX_BYTES, logo_format
from kecamatan.dokumen.selectors import kantor_of
from kecamatan.lkj.selectors_data import lkj_data
from kecamatan.models import Dokumen, Narasi, Periode
from kecamatan.naskah.document import NarasiTeks, Naskah
from kecamatan.naskah.document_common import Identitas
from kecamatan.naskah.document_lkj import build_naskah_lkj
from kecamatan.naskah.document_renja import build_naskah_renja
from kecamatan.naskah.document_renstra import build_naskah_renstra
from kecamatan.naskah.susunan import Susunan, susun
from kecamatan.renja.selectors import renja_data
from kecamatan.renstra.selectors_tabel import renstra_lengkap

JENIS_NASKAH = (Dokumen.Jenis.RENSTRA, Dokumen.Jenis.RENJA, Dokumen.Jenis.LKJ)


@dataclass(frozen=True)
class Kunci:
    """Which document of a period: renstra, renja-2024, lkj-2024."""

    jenis: str
    tahun: int | None = None

    @property
    def teks(self) -> str:
        return "renstra" if self.jenis == Dokumen.Jenis.RENSTRA else f"{self.jenis}-{self.tahun}"

    @property
    def judul(self) -> str:
        label = {"renstra": "Renstra", "renja": "Renja", "lkj": "LKj"}[self.jenis]
        return label if self.tahun is None else f"{label} {self.tahun}"


def parse_kunci(periode: Periode, kunci: str) -> Kunci | None:
    """The document a key names in this period, or None (also for a triwulan realisasi, which
    has no document text)."""
    if kunci == "renstra":
        return Kunci(Dokumen.Jenis.RENSTRA)
    jenis, _, tahun = kunci.partition("-")
    if jenis not in (Dokumen.Jenis.RENJA, Dokumen.Jenis.LKJ) or not tahun.isdigit():
        return None
    if not periode.tahun_mulai <= int(tahun) <= periode.tahun_selesai:
        return None
    return Kunci(jenis, int(tahun))


def dokumen_of(periode: Periode, kunci: Kunci) -> Dokumen | None:
    return (Dokumen.objects.filter(periode=periode, jenis=kunci.jenis, tahun=kunci.tahun, triwulan=None)
            .select_related("camat").first())


def identitas(periode: Periode) -> Identitas:
    """Who the document is of, for the cover; the logo as a data: URI (never a URL to fetch)."""
    kabupaten = periode.kecamatan.kabupaten
    return Identitas(kabupaten=kabupaten.nama, kecamatan=periode.kecamatan.nama, kantor=kantor_of(periode.kecamatan),
                     logo=logo_uri(kabupaten.logo))


def logo_uri(field) -> str:
    if not field:
        return ""
    try:
        with field.open("rb") as fh:
            content = fh.read(LOGO_MAX_BYTES + 1)
    except (OSError, ValueError):
        return ""  # the file is gone: print the placeholder rather than fail the whole document
    mime = logo_format(content)
    if mime is None or len(content) > LOGO_MAX_BYTES:
        return ""
    return f"data:{mime};base64,{base64.b64encode(content).decode('ascii')}"


def narasi_of(dokumen: Dokumen | None) -> dict[str, NarasiTeks]:
    if dokumen is None or dokumen.pk is None:
        return {}
    return {n.kunci: NarasiTeks(n.teks, n.draf_dasar)
            for n in Narasi.objects.filter(dokumen=dokumen).only("kunci", "teks", "draf_dasar")}


def dokumen_sebelumnya(periode: Periode, kunci: Kunci) -> Dokumen | None:
    """Last year's document of the same kind (the Renja or LKj of the year before, in whichever
    Renstra period it was), or for a Renstra the previous period's: one query."""
    qs = Dokumen.objects.filter(periode__kecamatan_id=periode.kecamatan_id, jenis=kunci.jenis, triwulan=None)
    if kunci.jenis == Dokumen.Jenis.RENSTRA:
        return qs.filter(periode__tahun_mulai__lt=periode.tahun_mulai).order_by("-periode__tahun_mulai").first()
    return qs.filter(tahun=kunci.tahun - 1).first()


def narasi_sebelumnya(periode: Periode, kunci: Kunci) -> tuple[Dokumen | None, dict[str, str]]:
    """Last year's narrative sections (not its draft overrides): two queries."""
    lalu = dokumen_sebelumnya(periode, kunci)
    if lalu is None:
        return None, {}
    texts = dict(Narasi.objects.filter(dokumen=lalu).exclude(kunci__startswith="draf:").exclude(teks="")
                 .values_list("kunci", "teks"))
    return lalu, texts


def outline(periode: Periode, kunci: Kunci, *, pembanding: str | None = None) -> Naskah:
    """The document's outline with every table built from one snapshot of its kind."""
    ident = identitas(periode)
    if kunci.jenis == Dokumen.Jenis.LKJ:
        return build_naskah_lkj(lkj_data(periode.pk, kunci.tahun, pembanding=pembanding), ident)
    if kunci.jenis == Dokumen.Jenis.RENJA:
        return build_naskah_renja(renja_data(periode.pk, kunci.tahun), ident)
    return build_naskah_renstra(renstra_lengkap(periode.pk), ident)


@dataclass(frozen=True)
class NaskahData:
    periode: Periode
    kunci: Kunci
    dokumen: Dokumen | None
    susunan: Susunan
    teks: dict[str, NarasiTeks]


def naskah_data(periode: Periode, kunci: Kunci, *, pembanding: str | None = None) -> NaskahData:
    """The numbered document with this year's narrative: the kind's snapshot plus two queries."""
    dokumen = dokumen_of(periode, kunci)
    teks = narasi_of(dokumen)
    return NaskahData(periode, kunci, dokumen, susun(outline(periode, kunci, pembanding=pembanding), teks), teks)
