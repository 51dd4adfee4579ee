"""Any Renstra length prints cleanly (tables.lebar): the 3-, 5- and 6-year T-C.27 and the whole 6-year Renstra
(T-C.23 … T-C.28) of a Renstra with long names and Rp near 10^11 (bold totals), read back from the PDF: every word
inside the cell it belongs to (word boxes against the ruling lines), header words whole, the
columns a too-wide period continues with on the next page. The PDFs land in artifacts/pdf-lebar/."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings
from django.db import transaction

from kecamatan.cetak.registry import get_table
from kecamatan.tables import lebar
from kecamatan.tables.base import Report
from kecamatan.tables.render_pdf import pdf_document, print_html
from tests.reports.helpers import pdf_pages
from tests.reports.layout import layout_problems, weights_only
from tests.reports.lebar_fixtures import build_renstra_lebar
from tests.reports.pdf_kolom import header_words, words_outside_cells

ARTIFACTS = Path(settings.BASE_DIR) / "artifacts" / "pdf-lebar"
CASES = {"tc27-3": ("tc27", 2024, 2026), "tc27-5": ("tc27", 2026, 2030), "tc27-6": ("tc27", 2025, 2030),
         "renstra-6": ("renstra", 2025, 2030)}  # T-C.23 … T-C.28 and Tabel 4.2 in one PDF
pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class Rendered:
    reports: list[Report]
    pdf: bytes
    problems: list[str]  # the box tree's (tests.reports.layout)


@pytest.fixture(scope="module")
def rendered(django_db_setup, django_db_blocker) -> dict[str, Rendered]:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    out, periods = {}, {}
    with django_db_blocker.unblock(), transaction.atomic():
        for name, (table, mulai, selesai) in CASES.items():
            if (mulai, selesai) not in periods:
                periods[mulai, selesai] = build_renstra_lebar(f"Lebar{mulai}{selesai}", mulai, selesai)
            reports = get_table(table).build(periods[mulai, selesai].pk, None)
            document = pdf_document(print_html(reports))
            out[name] = Rendered(reports, document.write_pdf(), layout_problems(document))
            (ARTIFACTS / f"{name}.pdf").write_bytes(out[name].pdf)
        transaction.set_rollback(True)
    with mock.patch("kecamatan.tables.render_pdf.fit", weights_only):
        out["lama"] = Rendered(out["tc27-5"].reports, pdf_document(print_html(out["tc27-5"].reports)).write_pdf(), [])
    return out


@pytest.mark.parametrize("name", list(CASES))
def test_every_word_lies_inside_its_column(rendered, name):
    problems, checked = words_outside_cells(rendered[name].pdf)
    assert checked > 150, "the table's words were found between its ruling lines"
    assert problems == []
    assert rendered[name].problems == []  # the box tree agrees: nothing out of its cell or off the page


def test_the_check_sees_the_old_overflow(rendered):
    """The 5-year T-C.27 printed with the builder's fixed percentages, as before: bold Rp totals
    cross into the next column, which the word check finds."""
    problems, _ = words_outside_cells(rendered["lama"].pdf)
    assert any("99.998.429.061" in p for p in problems), problems[:5]


def _allowed(reports: list[Report]) -> set[str]:
    """What a header line may hold of a label word: the word, or its pieces split after "/" and "-"."""
    out = set()
    for text in {t for r in reports for c in r.columns for t in (c.label, c.group, c.number)}:
        for token in text.split():
            pieces = lebar.words(token)
            out |= {"".join(pieces[i:j]) for i in range(len(pieces)) for j in range(i + 1, len(pieces) + 1)}
    return out


@pytest.mark.parametrize("name", list(CASES))
def test_header_words_never_break_mid_word(rendered, name):
    report = rendered[name].reports[0]
    allowed = _allowed(rendered[name].reports)
    pages = header_words(rendered[name].pdf, report.columns[0].number, report.columns[1].number)
    assert pages[0], "the header of page 1 was found"
    assert [w.text for page in pages for w in page if w.text not in allowed] == []


def test_sizes_and_continuation_follow_the_period(rendered):
    sizes = {name: [(b.cetak.font_pt, b.part, b.parts) for b in lebar.fit(r.reports[0])] for name, r in rendered.items()}
    assert sizes["tc27-3"] == [(6.0, 1, 1)]
    assert len(sizes["tc27-5"]) == 1 and sizes["tc27-5"][0][0] < 6  # one page wide, a smaller size
    five = " ".join(pdf_pages(rendered["tc27-5"].pdf)[0].split())
    assert " ".join(str(n) for n in range(11, 31)) in five and "499.985.861.565" in five
    six = lebar.fit(rendered["tc27-6"].reports[0])
    assert [b.part for b in six] == [1, 2]
    assert six[1].report.keys[:3] == ("kode", "nama", "indikator")  # the row's names repeat
    assert {k for b in six for k in b.report.keys} == set(rendered["tc27-6"].reports[0].keys)
    pages = pdf_pages(rendered["tc27-6"].pdf)
    continued = [i for i, page in enumerate(pages) if "(lanjutan)" in page]
    assert continued and "KECAMATAN LEBAR20252030" not in pages[continued[0]]
