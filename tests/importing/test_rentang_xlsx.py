"""Values outside their indicator's range (core.rentang) in an upload: refused at their sheet, row and
column in Indonesian, and nothing of the file is written."""

import pytest

from kecamatan.importing import services as importing_services
from kecamatan.models import Dokumen, Indikator
from tests.importing.helpers import do_import, edit, find_row, preview, state, template, workbook

pytestmark = pytest.mark.django_db


def _indikator(periode, satuan: str, n: int = 1) -> list[Indikator]:
    return list(Indikator.objects.filter(periode=periode, satuan=satuan).order_by("pk")[:n])


def test_a_triwulan_with_a_negative_persen_and_a_count_is_refused_whole(randuagung):
    kunci = "realisasi-2024-1"
    content = template(randuagung, kunci)
    persen, persen_excel = _indikator(randuagung, "Persen", 2)
    dokumen = _indikator(randuagung, "Dokumen")[0]
    bad = edit(content, "Realisasi Kinerja", {
        (f"indikator:{persen.pk}", "Realisasi TW I"): "-5",
        (f"indikator:{dokumen.pk}", "Realisasi TW I"): -1,
    })
    bad = edit(bad, "Realisasi Kinerja", {(f"indikator:{persen_excel.pk}", "Realisasi TW I"): 1.2}, fmt="0%")  # 120%
    result = preview(randuagung, bad, kunci)
    ws = workbook(bad)["Realisasi Kinerja"]
    rows = {ind.pk: find_row(ws, f"indikator:{ind.pk}") for ind in (persen, persen_excel, dokumen)}
    expected = {
        f"Lembar Realisasi Kinerja · Baris {rows[persen.pk]}, kolom Realisasi TW I: Realisasi indikator bersatuan "
        "persen tidak boleh negatif.",
        f"Lembar Realisasi Kinerja · Baris {rows[dokumen.pk]}, kolom Realisasi TW I: Realisasi indikator bersatuan "
        "dokumen tidak boleh negatif.",
        f"Lembar Realisasi Kinerja · Baris {rows[persen_excel.pk]}, kolom Realisasi TW I: Realisasi indikator "
        "bersatuan persen tidak boleh lebih dari 100% (indikator ini tidak mengizinkan nilai di atas 100; bila memang "
        "dapat, centang “Nilai persen boleh di atas 100” pada isian indikator).",
    }
    assert {str(e) for e in result.errors} == expected
    before = state()
    with pytest.raises(importing_services.ImporDitolak):
        do_import(randuagung, bad, kunci)
    assert state() == before
    assert not Dokumen.objects.filter(periode=randuagung, jenis="realisasi", tahun=2024, triwulan=1).exists()
    # the indicator that may exceed 100 takes its 120%
    persen_excel.boleh_lebih_100 = True
    persen_excel.save()
    ok = edit(content, "Realisasi Kinerja", {(f"indikator:{persen_excel.pk}", "Realisasi TW I"): 1.2}, fmt="0%")
    assert preview(randuagung, ok, kunci).errors == []


def test_renstra_targets_are_checked_against_the_satuan_the_same_row_sets(randuagung):
    content = template(randuagung, "renstra")
    dokumen = _indikator(randuagung, "Dokumen")[0]
    persen = _indikator(randuagung, "Persen")[0]
    bad = edit(content, "Target", {
        (f"indikator:{dokumen.pk}", "Satuan"): "Persen",  # now a percentage: 150 cannot be
        (f"indikator:{dokumen.pk}", "Target 2025"): "150",
        (f"indikator:{persen.pk}", "Target 2024"): "62 (B-)",  # a labelled value within range passes
    })
    result = preview(randuagung, bad, "renstra")
    row = find_row(workbook(bad)["Target"], f"indikator:{dokumen.pk}")
    assert [str(e) for e in result.errors] == [
        f"Lembar Target · Baris {row}, kolom Target 2025: Target 2025 indikator bersatuan persen tidak boleh lebih "
        "dari 100% (indikator ini tidak mengizinkan nilai di atas 100; bila memang dapat, centang “Nilai persen boleh "
        "di atas 100” pada isian indikator)."]
    before = state()
    with pytest.raises(importing_services.ImporDitolak):
        do_import(randuagung, bad, "renstra")
    assert state() == before
