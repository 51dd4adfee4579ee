"""Formula injection in the workbooks people download to fill (issue 17 item 5): the import
template of every document of the demo that has one and the Riwayat capaian grid, downloaded
through their views from the demo whose user texts all begin with a payload (tests/payload_demo.py).
In the sheet XML the only formulas are the template's own sums, none holding user text; every text
beginning like a formula is quote-prefixed text. Uploaded back untouched, each file reads as no
change (but the leading tab or CR the reader trims, as every form does): the payloads come back as
the text they were, not refused as formulas."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kecamatan.dokumen.selectors import dokumen_for
from kecamatan.importing import documents
from kecamatan.models import Dokumen, Peran, Periode, Realisasi
from tests.factories import user_with_role
from tests.payload_demo import poison
from tests.reports.demo_once import demo_once  # noqa: F401 (module-scoped demo)
from tests.xlsx_raw import PAYLOADS, formulas, payload_cells, raw_cells, unsafe

pytestmark = pytest.mark.django_db

CELL = r"\$?[A-Z]{1,3}\$?\d+"
OWN_SUM = re.compile(rf"SUM\({CELL}:{CELL}\)|{CELL}(\+{CELL})*|0")  # what importing/renstra.py, renja.py write


@pytest.fixture(scope="module")
def poisoned(demo_once, django_db_blocker):
    with django_db_blocker.unblock():
        poison(labels=False)
        yield


def _templated() -> list[Dokumen]:
    """Every stored document of the demo's own kecamatan that has an Excel template, and per Renstra
    the triwulan of its latest realisasi (a realisasi has no stored document until it is saved)."""
    stored = [d for d in Dokumen.objects.filter(periode__demo=False).select_related("periode__kecamatan")
              .order_by("periode_id", "jenis", "tahun", "triwulan") if documents.supports(d)]
    triwulan = []
    for periode in Periode.objects.filter(demo=False).select_related("kecamatan"):
        latest = Realisasi.objects.filter(indikator__periode=periode, tahun__gte=periode.tahun_mulai,
                                          tahun__lte=periode.tahun_selesai).order_by("-tahun", "-triwulan").first()
        if latest is not None:
            triwulan.append(dokumen_for(periode, f"realisasi-{latest.tahun}-{latest.triwulan}"))
    return stored + [d for d in triwulan if d is not None and d.pk is None]


def _check(content: bytes, what: str) -> None:
    cells = raw_cells(content)
    own = [c for c in formulas(cells) if OWN_SUM.fullmatch(c.formula)]
    bad = [c for c in unsafe(cells) if c not in own]
    assert not bad, f"{what}: {len(bad)} cells a spreadsheet would run, e.g. {bad[:3]}"
    assert any(payload_cells(cells).values()), f"{what}: no user text in the file; nothing was tested"


def _untrimmed(shown: str) -> str:
    return shown.replace("\t", "").replace("\r", "")


def test_every_import_template(poisoned, client):
    templated = _templated()
    assert {d.jenis for d in templated} == {"renstra", "renja", "realisasi"}
    sums = 0
    operators = {}
    for dokumen in templated:
        periode = dokumen.periode
        if periode.kecamatan_id not in operators:
            operators[periode.kecamatan_id] = user_with_role(f"op.{periode.kecamatan_id}", Peran.OPERATOR,
                                                             periode.kecamatan)
        client.force_login(operators[periode.kecamatan_id])
        response = client.get(reverse("kecamatan:impor_templat", args=[periode.pk, dokumen.kunci]))
        assert response.status_code == 200
        _check(response.content, f"templat {dokumen.kunci} of {periode}")
        sums += len(formulas(response.content))
        preview = documents.preview_upload(periode, dokumen, response.content)
        assert (preview.errors, preview.conflicts) == ([], []), dokumen.kunci
        # the only "changes": the tab or CR before a payload, trimmed by the reader as by every form
        assert [c for c in preview.changes if _untrimmed(c.ke) != _untrimmed(c.dari)] == [], dokumen.kunci
    assert sums  # the templates' own sums are still formulas


def test_the_riwayat_capaian_grid(poisoned, client):
    for i, periode in enumerate(Periode.objects.filter(demo=False).select_related("kecamatan")):
        client.force_login(user_with_role(f"op.rc.{i}", Peran.OPERATOR, periode.kecamatan))
        response = client.get(reverse("kecamatan:renstra_riwayat_capaian_unduh", args=[periode.pk]))
        assert response.status_code == 200
        _check(response.content, f"riwayat capaian of {periode}")
        assert not formulas(response.content)
        found = payload_cells(response.content)
        assert all(c.is_text and c.quote_prefix for hits in found.values() for c in hits)
        response = client.post(reverse("kecamatan:renstra_riwayat_capaian_unggah", args=[periode.pk]),
                               {"berkas": SimpleUploadedFile("riwayat.xlsx", response.content)}, follow=True)
        assert [str(m) for m in response.context["messages"]] == [
            "Riwayat capaian sebelum periode diimpor dari riwayat.xlsx."], periode
    assert PAYLOADS
