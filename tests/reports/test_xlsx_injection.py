"""Formula injection (issue 17 item 5): the demo with every user text beginning with a payload
(=HYPERLINK(...), +1+1, -1+1, @SUM(A1), tab, CR: indicator, program and kegiatan names, Renja
lokasi, keterangan, the kop's address lines, signatories …), then every table of the cetak
registry in each of its layouts for every document of the demo, and each Bappeda comparison
download, as .xlsx. In the sheet XML no cell is a formula and every text beginning like one is
quote-prefixed text; the payloads are there, as text; the seed figures stay numbers. The demo is
loaded, poisoned and printed once for the module. Whole documents (the registry's renstra, renja,
lkj and the naskah's workbook) and the four comparisons in one are the same Reports one after the
other through the same renderer, so they are not printed again."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from kecamatan import models as m
from kecamatan.cetak.output import produce
from kecamatan.cetak.registry import TABLES
from kecamatan.models import Dokumen, Kabupaten
from kecamatan.perbandingan.data import Pilihan
from kecamatan.perbandingan.registry import LAPORAN_KABUPATEN, produce_kabupaten
from tests.payload_demo import poison
from tests.reports.demo_once import demo_once  # noqa: F401 (module-scoped demo)
from tests.xlsx_raw import PAYLOADS, RawCell, payload_cells, raw_cells, unsafe

pytestmark = pytest.mark.django_db

WHOLE = {"renstra", "renja", "lkj"}


def _table_cases() -> list[tuple[str, str]]:
    """(table, layout) of every table of the registry ("" = the kabupaten's layout)."""
    cases = []
    for spec in TABLES.values():
        if spec.name not in WHOLE:
            cases.append((spec.name, ""))
            cases += [(spec.name, value) for value, _label in (spec.layouts.choices() if spec.layouts else [])]
    return cases


TABLE_CASES = _table_cases()


@pytest.fixture(scope="module")
def printed(demo_once, django_db_blocker) -> dict[tuple[str, str], list[tuple[str, list[RawCell]]]]:
    """The poisoned demo's workbooks: per (table, layout), (which document, its cells) for every
    document of the demo the table belongs to; per ("perbandingan-…", year) the comparison's."""
    out = {}
    with django_db_blocker.unblock():
        docs = [(d.periode_id, d.jenis, d.tahun, str(d)) for d in Dokumen.objects.filter(
            jenis__in=["renstra", "renja", "lkj"], triwulan=None, periode__demo=False).select_related("periode")]
        poison()
        for name, tata_letak in TABLE_CASES:
            spec = TABLES[name]
            out[name, tata_letak] = [
                (f"{label} {name} {tata_letak}", raw_cells(produce(
                    name, periode_id=periode_id, tahun=tahun if spec.needs_tahun else None, fmt="xlsx",
                    options={"tata_letak": tata_letak} if tata_letak else None).content))
                for periode_id, jenis, tahun, label in docs if jenis == spec.dokumen]
        kabupaten = Kabupaten.objects.get(slug="lumajang")
        pilihan = Pilihan(tahun=2024, triwulan=4, hari_ini=datetime.date(2025, 3, 1))
        for name in LAPORAN_KABUPATEN:
            content = produce_kabupaten(name, kabupaten=kabupaten, pilihan=pilihan, fmt="xlsx").content
            out[name, ""] = [(f"{name} 2024 TW IV", raw_cells(content))]
    return out


def _check(workbooks: list[tuple[str, list[RawCell]]]) -> dict[str, int]:
    """Fails on a cell a spreadsheet could run; how many cells begin with each payload."""
    found = dict.fromkeys(PAYLOADS, 0)
    for what, cells in workbooks:
        bad = unsafe(cells)
        assert not bad, f"{what}: {len(bad)} cells a spreadsheet would run, e.g. {bad[:3]}"
        for p, hits in payload_cells(cells).items():
            found[p] += len(hits)
    return found


@pytest.mark.parametrize(("name", "tata_letak"), [pytest.param(n, t, id=f"{n}-{t}" if t else n)
                                                  for n, t in TABLE_CASES])
def test_every_table_of_the_registry(printed, name, tata_letak):
    workbooks = printed[name, tata_letak]
    assert workbooks, f"no demo document prints {name}"
    assert any(_check(workbooks).values()), f"{name}: no user text printed; nothing was tested"


@pytest.mark.parametrize("name", list(LAPORAN_KABUPATEN))
def test_every_comparison_download(printed, name):
    assert any(_check(printed[name, ""]).values()), f"{name}: no user text printed; nothing was tested"


def test_the_payloads_arrive_as_text_and_figures_as_numbers(printed):
    """T-C.27 and T-C.33 (the tables the issue measured) carry each payload as quote-prefixed text,
    T-C.33 its lokasi among them, and their figures as numbers (T-C.27's totals, Senduro's)."""
    [tc27] = [cells for what, cells in printed["tc27", ""] if "Randuagung" in what]
    [tc33] = [cells for what, cells in printed["tc33", ""] if "Senduro" in what]
    for cells in (tc27, tc33):
        found = payload_cells(cells)
        assert all(found.values()), {p: len(c) for p, c in found.items()}
        assert all(c.is_text and c.quote_prefix for hits in found.values() for c in hits)
    senduro = m.Periode.objects.get(kecamatan__slug="senduro", tahun_mulai=2024)
    lokasi = set(m.RenjaSubKegiatan.objects.filter(dokumen__periode=senduro).exclude(lokasi="")
                 .values_list("lokasi", flat=True))
    assert lokasi and all(t.startswith(PAYLOADS) for t in lokasi)
    assert lokasi & {c.text for c in tc33 if c.is_text and c.quote_prefix}

    def numbers(cells):
        return {Decimal(c.text) for c in cells if c.type in ("n", "") and c.text}

    assert numbers(tc27) >= {Decimal(1916486189), Decimal(2351113139), Decimal(2254684419),
                             Decimal(6522283747)}
    assert numbers(tc33) >= {Decimal(2080252824), Decimal(2621874277)}
