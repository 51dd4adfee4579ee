"""Aktivitas at document scale in the Renja template: seven aktivitas for one sub-kegiatan with
their own prakiraan maju n+1 in one upload, the sub-kegiatan's dana and prakiraan then being their
sums; the round trip (download the filled template, upload it) reproduces the Renja."""

from decimal import Decimal as D

import pytest

from kecamatan.importing.renja import FREE_ROWS
from kecamatan.models import Aktivitas, Pagu
from kecamatan.renja.selectors import renja_data
from kecamatan.renja.tables.tc33 import DANA, DANA_1, build_tc33
from tests.importing.helpers import do_import, edit, find_row, preview, state, template, workbook
from tests.importing.test_renja_xlsx import DANA_2024, DANA_2025, KUNCI, SHEET, sub, tc33_totals

pytestmark = pytest.mark.django_db

SEVEN = [(f"Aktivitas pelayanan {k}", D(100_000 * k), D(110_000 * k)) for k in range(1, 8)]


def test_seven_aktivitas_with_their_prakiraan_in_one_upload_then_the_round_trip_changes_nothing(senduro):
    assert FREE_ROWS >= 7
    s3 = sub(senduro, "7.01.01.2.01.0003")  # one aktivitas in the seed, prakiraan 2.147.750 typed for the sub
    Aktivitas.objects.filter(rincian__subkegiatan=s3).delete()
    Pagu.objects.create(subkegiatan=s3, tahun=2024, tahap="renja", jumlah=D(2_000_000))
    total_2024, total_2025 = tc33_totals(senduro)
    prakiraan_lama = Pagu.objects.get(subkegiatan=s3, tahun=2025, tahap="prakiraan").jumlah

    cells = {(f"subkegiatan:{s3.pk}", DANA_2024): None, (f"subkegiatan:{s3.pk}", DANA_2025): None}
    for j, (uraian, dana, maju) in enumerate(SEVEN, start=1):
        ref = f"aktivitas-baru:{s3.pk}:{j}"
        cells |= {(ref, "Aktivitas"): uraian, (ref, "Skala Prioritas"): j, (ref, DANA_2024): f"{dana:,}".replace(",", "."),
                  (ref, DANA_2025): int(maju)}
    filled = edit(template(senduro, KUNCI), SHEET, cells)
    result = preview(senduro, filled, KUNCI)
    assert result.errors == []
    assert len(result.changes) == 9  # seven aktivitas, the typed dana and prakiraan of the sub-kegiatan go
    do_import(senduro, filled, kunci=KUNCI)

    saved = list(Aktivitas.objects.filter(rincian__subkegiatan=s3).order_by("urutan"))
    assert [(a.urutan, a.uraian, a.skala_prioritas, a.jumlah, a.prakiraan) for a in saved] == [
        (j, uraian, j, dana, maju) for j, (uraian, dana, maju) in enumerate(SEVEN, start=1)]
    assert not Pagu.objects.filter(subkegiatan=s3, tahun__in=[2024, 2025], tahap__in=["renja", "prakiraan"]).exists()
    report = build_tc33(renja_data(senduro.pk, 2024))
    row = next(r for r in report.rows if r.key == s3.nomenklatur.kode)
    assert (row.cells[DANA], row.cells[DANA_1]) == (D(2_800_000), D(3_080_000))  # Σ dana, Σ prakiraan
    aktivitas_rows = report.rows[report.rows.index(row) + 1:report.rows.index(row) + 8]
    assert [r.cells[DANA_1] for r in aktivitas_rows] == [maju for _, _, maju in SEVEN]
    assert tc33_totals(senduro) == (total_2024 - D(2_000_000) + D(2_800_000),
                                    total_2025 - prakiraan_lama + D(3_080_000))

    # the same file again: nothing to do (the free rows find the aktivitas they created)
    assert preview(senduro, filled, KUNCI).changes == []
    # the filled template: each aktivitas on its own row, the sub-kegiatan's two sums locked, ten free rows more
    again = template(senduro, KUNCI)
    ws = workbook(again)[SHEET]
    r = find_row(ws, f"subkegiatan:{s3.pk}")
    assert ws.cell(r, 13).value == f"=SUM(M{r + 1}:M{r + 7 + FREE_ROWS})" and ws.cell(r, 13).protection.locked
    assert ws.cell(r, 17).value == f"=SUM(Q{r + 1}:Q{r + 7 + FREE_ROWS})" and ws.cell(r, 17).protection.locked
    assert [ws.cell(r + j, 1).value for j in range(1, 8)] == [f"aktivitas:{a.pk}" for a in saved]
    assert [ws.cell(r + j, 17).value for j in range(1, 8)] == [int(maju) for _, _, maju in SEVEN]
    before = state()
    result = preview(senduro, again, KUNCI)
    assert (result.errors, result.changes) == ([], [])
    do_import(senduro, again, kunci=KUNCI)
    assert state() == before


def test_a_prakiraan_typed_beside_itemised_ones_is_refused_at_its_cell(senduro):
    s1 = sub(senduro, "7.01.01.2.01.0001")  # two aktivitas, prakiraan 5.435.320 typed for the sub-kegiatan
    a1 = Aktivitas.objects.filter(rincian__subkegiatan=s1).order_by("urutan").first()
    content = edit(template(senduro, KUNCI), SHEET, {(f"aktivitas:{a1.pk}", DANA_2025): "6.000.000"})
    [error] = preview(senduro, content, KUNCI).errors
    ws = workbook(content)[SHEET]
    assert (error.baris, error.kolom) == (find_row(ws, f"subkegiatan:{s1.pk}"), DANA_2025)
    assert error.pesan.startswith("1 aktivitas sub kegiatan ini mempunyai prakiraan maju sendiri (jumlah 6.000.000)")
    fixed = edit(content, SHEET, {(f"subkegiatan:{s1.pk}", DANA_2025): None})
    do_import(senduro, fixed, kunci=KUNCI)
    assert not Pagu.objects.filter(subkegiatan=s1, tahun=2025, tahap="prakiraan").exists()
    node = next(n for n in renja_data(senduro.pk, 2024).renstra.nodes() if n.id == s1.pk)
    assert renja_data(senduro.pk, 2024).prakiraan(node) == D(6_000_000)
