"""What every official print of the demo shows and never shows (issue 16 item 6): the kop with the
office's address lines from Kecamatan, the document's title above a table printed on its own, and
no checker remark ("Periksa: …") nor placeholder ("LOGO"). Every table of the cetak registry, for
each document of the demo (its kecamatan and years), as printable HTML and Excel: the same
Reports and templates as the PDF, whose text the PDF tests of each document read (test_renstra_pdf,
test_lkj_output, test_renja_senduro, naskah/test_pdf). Built once for the module."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from django.urls import reverse

from kecamatan.cetak.registry import TABLES
from kecamatan.models import Dokumen, Peran, Periode
from kecamatan.tables.base import Kantor, Kop, Report, kop_kecamatan
from kecamatan.tables.render_pdf import print_html
from kecamatan.tables.render_xlsx import render_xlsx
from tests.factories import user_with_role
from tests.reports.demo_once import demo_once  # noqa: F401 (module-scoped demo)
from tests.reports.helpers import xlsx_rows

pytestmark = pytest.mark.django_db

ALAMAT = {"Randuagung": "Jalan Raya Randuagung No.82", "Jatiroto": "Jalan Gajah Mada No. 02"}
WHOLE = {"renstra", "renja", "lkj"}
OWN_DOCUMENTS = {"iku", "pk"}
EXCEL = {("Randuagung", "tc27"), ("Senduro", "tc29"), ("Jatiroto", "lkj23"), ("Jatiroto", "lkj32"), ("Jatiroto", "pk")}  # documents of their own, not tables of the LKj: no LKj title


@dataclass(frozen=True)
class Printed:
    kecamatan: str
    name: str
    tahun: int | None
    judul: str  # the title of the document the table belongs to
    html: str
    xlsx: list[tuple] | None  # the workbook's rows, for the tables in EXCEL

    @property
    def text(self) -> str:
        return " ".join(re.sub(r"<[^>]+>", " ", self.html).split())


def _judul(jenis: str, kecamatan: str, periode: Periode, tahun: int | None) -> str:
    k = kecamatan.upper()
    return {"renstra": f"RENCANA STRATEGIS (RENSTRA) KECAMATAN {k} TAHUN {periode.label}",
            "renja": f"RENCANA KERJA (RENJA) KECAMATAN {k} TAHUN {tahun}",
            "lkj": f"LAPORAN KINERJA KECAMATAN {k} TAHUN {tahun}"}[jenis]


@pytest.fixture(scope="module")
def printed(demo_once) -> list[Printed]:
    """Every table of the registry for every document of the demo (a Renstra's tables once, a
    Renja's or an LKj's for the document's year), built once and printed as HTML; a few as Excel
    too (the workbook costs more than the rest together). The whole-document entries (`renstra`,
    `renja`, `lkj`: the same builders' Reports one after the other) are read as PDFs by the PDF
    tests of each document."""
    out = []
    for dokumen in Dokumen.objects.filter(jenis__in=["renstra", "renja", "lkj"], triwulan=None).select_related(
            "periode__kecamatan").order_by("periode__kecamatan__nama", "jenis", "tahun"):
        periode, nama = dokumen.periode, dokumen.periode.kecamatan.nama
        for spec in TABLES.values():
            if spec.dokumen != dokumen.jenis or spec.name in WHOLE:
                continue
            tahun = dokumen.tahun if spec.needs_tahun else None
            reports = spec.run(periode.pk, tahun)
            xlsx = xlsx_rows(render_xlsx(reports)) if (nama, spec.name) in EXCEL else None
            out.append(Printed(nama, spec.name, tahun, _judul(spec.dokumen, nama, periode, tahun), print_html(reports),
                               xlsx))
    return out


def test_the_demo_prints_every_kind_of_document(printed):
    assert {(p.kecamatan, p.name) for p in printed} >= {
        ("Randuagung", "tc27"), ("Senduro", "tc29"), ("Jatiroto", "lkj32"), ("Jatiroto", "pk")}


def test_no_print_shows_a_checker_remark_or_a_placeholder(printed):
    assert sum(p.xlsx is not None for p in printed) == len(EXCEL)
    for p in printed:
        cells = " ".join(str(v) for row in p.xlsx or () for v in row if v is not None)
        for text in (p.text, cells):
            assert "Periksa:" not in text and "LOGO" not in text, (p.kecamatan, p.name, p.tahun)


def test_the_kop_prints_the_office_address_and_a_table_on_its_own_its_document_title(printed):
    for p in printed:
        if "kop-instansi" not in p.html:  # IKU: no kop, as the document prints it
            continue
        if p.kecamatan in ALAMAT:
            assert ALAMAT[p.kecamatan] in p.text, p.name
        if p.name in OWN_DOCUMENTS:
            assert "judul-dokumen" not in p.html, p.name
            continue
        # under the kop, above the table's own title
        assert p.html.index("kop-instansi") < p.html.index(p.judul) < p.html.index('class="judul-tabel"'), p.name
    jatiroto = next(p for p in printed if (p.kecamatan, p.name) == ("Jatiroto", "lkj32"))
    assert "Jalan Gajah Mada No. 02 Telp. (0334) 321 465" in jatiroto.text and "JATIROTO 67355" in jatiroto.text


def test_the_workbook_heading_has_the_address_and_the_document_title(printed):
    for p in (p for p in printed if p.xlsx is not None):
        first_column = [row[0] for row in p.xlsx]
        instansi = first_column.index(f"KECAMATAN {p.kecamatan.upper()}")
        if p.kecamatan in ALAMAT:
            assert first_column[instansi + 1].startswith(ALAMAT[p.kecamatan]), p.name
        if p.name in OWN_DOCUMENTS:
            assert p.judul not in first_column, p.name
        else:
            assert first_column.index(p.judul) > instansi, p.name


def test_the_screen_shows_the_checker_remarks_the_print_leaves_out(client, printed):
    periode = Periode.objects.get(kecamatan__nama="Jatiroto", tahun_mulai=2024)
    client.force_login(user_with_role("op-jatiroto", Peran.OPERATOR, periode.kecamatan))
    page = client.get(reverse("kecamatan:tabel", args=[periode.pk, "lkj32"]), {"tahun": 2024}).content.decode()
    assert "Catatan pemeriksaan" in page and "Periksa: realisasi" in page and "lebih kecil dari TW I" in page
    assert reverse("kecamatan:periksa", args=[periode.pk, 2024]) in page
    lkj32 = next(p for p in printed if (p.kecamatan, p.name) == ("Jatiroto", "lkj32"))
    assert "lebih kecil dari TW I" not in lkj32.text
    # the whole document's preview too, above the table the remark is about
    preview = client.get(reverse("kecamatan:naskah", args=[periode.pk, "lkj-2024"])).content.decode()
    assert "Catatan pemeriksaan" in preview and "lebih kecil dari TW I" in preview


# --- pure: the kop's lines -------------------------------------------------------------------


def test_kop_lines_leave_out_what_is_empty():
    jatiroto = Kantor(alamat="Jalan Gajah Mada No. 02", telepon="(0334) 321 465", kode_pos="67355")
    assert jatiroto.lines("Jatiroto") == ("Jalan Gajah Mada No. 02 Telp. (0334) 321 465", "JATIROTO 67355")
    assert Kantor(alamat="Jalan Raya Randuagung No.82", telepon="(0334) 323313").lines("Randuagung") == (
        "Jalan Raya Randuagung No.82 Telp. (0334) 323313",)
    assert Kantor(email="kec@lumajangkab.go.id").lines("X") == ("Email: kec@lumajangkab.go.id",)
    assert Kantor(telepon=" ").lines("X") == () and Kantor().lines("X") == ()


def test_print_and_excel_put_the_address_and_document_title_under_the_kop_and_never_the_remarks():
    from kecamatan.tables.base import Column, Row

    kop = kop_kecamatan("Lumajang", "Uji", Kantor(alamat="Jalan Uji 1", kode_pos="67300"), "LAPORAN KINERJA X")
    assert kop == Kop("PEMERINTAH KABUPATEN LUMAJANG", "KECAMATAN UJI", ("Jalan Uji 1", "UJI 67300"),
                      "LAPORAN KINERJA X")
    report = Report(code="T", title=("Tabel Uji",), columns=(Column("a", "A"),), rows=(Row("x", {"a": "1"}),),
                    kop=kop, notes=("Sumber: uji.",), periksa=("Periksa: sesuatu.",))
    html = print_html([report]).split("</head>")[1]
    assert html.index("Jalan Uji 1") < html.index("UJI 67300") < html.index("LAPORAN KINERJA X") < html.index(
        'class="judul-tabel"')
    assert "Periksa" not in html and "Sumber: uji." in html
    column = [row[0] for row in xlsx_rows(render_xlsx([report]))]
    assert column[:6] == ["PEMERINTAH KABUPATEN LUMAJANG", "KECAMATAN UJI", "Jalan Uji 1", "UJI 67300", None,
                          "LAPORAN KINERJA X"]
    assert column[6] == "Tabel Uji" and not any("Periksa" in str(v) for v in column)
