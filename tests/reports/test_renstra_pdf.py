"""Every Renstra table of Randuagung as a PDF, rendered once for this module: numbered header and
"Halaman x dari y" on every page, signature on the last, nothing out of its cell or off the page,
and every page as a PNG in artifacts/pdf/<table>/ for a person to look at."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from django.db import transaction

from kecamatan.cetak.registry import get_table
from kecamatan.models import Periode
from kecamatan.tables.render_pdf import pdf_document, print_html
from tests.reports.helpers import pdf_pages, xlsx_sheet
from tests.reports.layout import layout_problems

ARTIFACTS = Path(settings.BASE_DIR) / "artifacts" / "pdf"
NUMBERS = {
    "tc23": " ".join(str(n) for n in range(1, 21)),
    "tc24": " ".join(str(n) for n in range(1, 19)),
    "tc25": "1 2 3 4 5 6 7 8",
    "cascading": "12 13 14 15 16",
    "tc26": "1 2 3 4",
    "tc27": " ".join(str(n) for n in range(11, 27)),
    "tc28": " ".join(str(n) for n in range(1, 11)),
}
# the module's PDFs are built from the test database: every test declares it needs it
pytestmark = pytest.mark.django_db

CODES = ["T-C.23", "T-C.24", "T-C.25", "Tabel 4.2", "T-C.26", "T-C.27", "T-C.28"]
NIP = "NIP. 19650905 199003 1 009"


@dataclass(frozen=True)
class Rendered:
    pages: list[str]
    problems: list[str]
    pngs: list[Path]


def _png(name: str, content: bytes) -> list[Path]:
    folder = ARTIFACTS / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    (folder / f"{name}.pdf").write_bytes(content)
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(folder / f"{name}.pdf"), str(folder / "page")], check=True)
    return sorted(folder.glob("page-*.png"))


@pytest.fixture(scope="module")
def rendered(full_demo_snapshot, django_db_blocker) -> dict[str, Rendered]:
    assert shutil.which("pdftoppm"), "pdftoppm (poppler-utils) is needed; scripts/test.sh installs it"
    out = {}
    with django_db_blocker.unblock(), transaction.atomic():
        full_demo_snapshot.restore()  # muat_demo(), copied from the session's load
        periode = Periode.objects.get(kecamatan__nama="Randuagung", tahun_mulai=2024)
        for name in [*NUMBERS, "renstra"]:
            document = pdf_document(print_html(get_table(name).build(periode.pk, None)))
            content = document.write_pdf()
            out[name] = Rendered(pdf_pages(content), layout_problems(document), _png(name, content))
        transaction.set_rollback(True)
    return out


@pytest.mark.parametrize("name", list(NUMBERS))
def test_every_page_has_the_numbered_header_and_page_x_of_y(rendered, name):
    pages = rendered[name].pages
    for i, page in enumerate(pages, start=1):
        assert NUMBERS[name] in " ".join(page.split()), f"{name} halaman {i}"
        assert f"Halaman {i} dari {len(pages)}" in page
    assert "PEMERINTAH KABUPATEN LUMAJANG" in pages[0] and "KECAMATAN RANDUAGUNG" in pages[0]
    assert NIP in pages[-1] and "ISKANDAR" in pages[-1] and "Randuagung, Mei 2023" in pages[-1]
    assert all(NIP not in page for page in pages[:-1])


def test_the_kop_prints_the_office_address_and_the_renstra_title_and_nothing_else(rendered):
    """Issue 16: the seeds' own kop line; a table on its own says which document it is of; no
    checker remark and no placeholder in any page."""
    first = " ".join(rendered["tc27"].pages[0].split())
    assert "KECAMATAN RANDUAGUNG Jalan Raya Randuagung No.82 Telp. (0334) 323313" in first
    assert "RENCANA STRATEGIS (RENSTRA) KECAMATAN RANDUAGUNG TAHUN 2024-2026" in first
    assert "Telp. Telp" not in first and "Email" not in first  # the demo's Randuagung has no e-mail
    for name, r in rendered.items():
        text = "\n".join(r.pages)
        assert "Periksa:" not in text and "LOGO" not in text, name


@pytest.mark.parametrize("name", [*NUMBERS, "renstra"])
def test_nothing_sticks_out_of_a_cell_or_off_the_page(rendered, name):
    assert rendered[name].problems == []


@pytest.mark.parametrize("name", [*NUMBERS, "renstra"])
def test_every_page_is_rendered_to_png_for_review(rendered, name):
    pngs = rendered[name].pngs
    assert len(pngs) == len(rendered[name].pages)
    assert all(p.stat().st_size > 1000 for p in pngs)


def test_pdf_figures(rendered):
    tc24 = " ".join(rendered["tc24"].pages)
    for figure in ("1.744.725.057", "1.718.634.696", "-13,71%", "0,86", "1.248.000.000"):
        assert figure in tc24
    assert "3.501.826.114" not in tc24  # the seed's double-counted 2021 total
    tc23 = " ".join(rendered["tc23"].pages)
    assert "104,17%" in tc23 and "92,03%" in tc23
    tc28 = " ".join(rendered["tc28"].pages)
    assert "87,3" in tc28 and "62 (B-)" in tc28


def test_renstra_prints_the_tables_in_document_order_and_signs_once(rendered):
    pages = rendered["renstra"].pages
    first_page = [next(i for i, page in enumerate(pages) if f"{code} ·" in page) for code in CODES]
    assert first_page == sorted(first_page) and first_page[0] == 0
    assert len(pages) <= sum(len(rendered[name].pages) for name in NUMBERS)  # signed once: may save a page
    assert [i for i, page in enumerate(pages) if NIP in page] == [len(pages) - 1]
    for i, page in enumerate(pages, start=1):
        assert f"Halaman {i} dari {len(pages)}" in page


def test_renstra_xlsx_has_one_sheet_per_table_in_order(randuagung_tables):
    out = randuagung_tables["renstra"]
    assert out.xlsx_filename == "renstra-randuagung-2024-2026.xlsx"
    assert xlsx_sheet(out.xlsx).parent.sheetnames == CODES
