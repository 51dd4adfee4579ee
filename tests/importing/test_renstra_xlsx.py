"""The Renstra template of Randuagung: pre-filled, protected, identified; the round trip (unchanged
→ 0 changes; 5 cells → exactly those 5); the same file twice; the audit trail of an import."""

from decimal import Decimal as D

import pytest

from kecamatan.importing.base import FIRST_DATA_ROW, HEADER_ROW
from kecamatan.models import Dokumen, Indikator, Pagu, Riwayat, SubKegiatan, Target
from tests.importing.helpers import (
    do_import,
    edit,
    find_column,
    find_row,
    operator,
    preview,
    state,
    template,
    workbook,
)

pytestmark = pytest.mark.django_db

N_INDIKATOR, N_SUB, N_TAHUN = 75, 49, 3


@pytest.fixture
def rows(randuagung):
    """A few rows of Randuagung's Renstra, by what they are."""
    return {
        "ipp": Indikator.objects.get(periode=randuagung, tujuan__isnull=False),  # 62 (B-), 64 (B-), 66 (B-)
        "s1": Indikator.objects.get(periode=randuagung, sasaran__urutan=1),  # 78, 84,31, 88,89
        "sub_ind": Indikator.objects.filter(periode=randuagung, subkegiatan__isnull=False).order_by("pk").first(),
        "sub1": SubKegiatan.objects.get(kegiatan__program__periode=randuagung, nomenklatur__kode="7.01.01.2.01.0001"),
        "sub2": SubKegiatan.objects.get(kegiatan__program__periode=randuagung, nomenklatur__kode="7.01.01.2.01.0002"),
    }


def test_template_is_prefilled_protected_and_identified(randuagung, rows):
    wb = workbook(template(randuagung, by=operator()))
    assert wb.sheetnames == ["Target", "Pagu", "Daftar", "Identitas"]
    assert [wb[n].sheet_state for n in wb.sheetnames] == ["visible", "visible", "hidden", "veryHidden"]
    assert wb.security.lockStructure  # sheets cannot be removed, renamed or unhidden

    ws = wb["Target"]
    assert ws.protection.sheet and ws.column_dimensions["A"].hidden
    headings = [c.value for c in ws[HEADER_ROW]]
    assert headings == ["ID", "Tingkat", "Kode", "Tujuan / Sasaran / Program / Kegiatan / Sub Kegiatan", "Indikator",
                        "Satuan", "Kondisi Awal 2022", "Target 2024", "Target 2025", "Target 2026"]
    r = find_row(ws, f"indikator:{rows['ipp'].pk}")
    assert [c.value for c in ws[r]][1:] == ["Tujuan", "T1", "Optimalnya penyelenggaraan reformasi birokrasi",
                                            "Indeks Pelayanan Publik", "Angka", "-", "62 (B-)", "64 (B-)", "66 (B-)"]
    r = find_row(ws, f"indikator:{rows['s1'].pk}")
    assert [ws.cell(r, c).value for c in (8, 9, 10)] == [78, 84.31, 88.89]  # numbers stay numbers
    assert ws.cell(r, 9).protection.locked is False and ws.cell(r, 9).fill.fgColor.rgb.endswith("FFF2CC")
    assert ws.cell(r, 6).protection.locked is False  # satuan
    assert all(ws.cell(r, c).protection.locked for c in (1, 2, 3, 4, 5, 7))
    validations = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    assert validations[f"F{FIRST_DATA_ROW}:F{FIRST_DATA_ROW + N_INDIKATOR - 1}"].formula1.startswith("'Daftar'!$A$2")
    assert validations[f"I{FIRST_DATA_ROW}:I{FIRST_DATA_ROW + N_INDIKATOR - 1}"].formula1 == '"N/A,-"'
    satuan = [c.value for c in wb["Daftar"]["A"][1:]]
    assert {"Persen", "Orang/Bulan", "Dokumen", "Lembaga Kemasyarakatan"} <= set(satuan)

    ws = wb["Pagu"]
    assert ws.cell(FIRST_DATA_ROW, 4).value == "JUMLAH"
    assert ws.cell(FIRST_DATA_ROW, 5).value.startswith("=E6+")  # the total is an Excel sum, never typed
    r = find_row(ws, f"subkegiatan:{rows['sub1'].pk}")
    assert [ws.cell(r, c).value for c in range(3, 9)] == [
        "7.01.01.2.01.0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah", 4000000, 4000000, 4000000,
        f"=SUM(E{r}:G{r})"]
    assert ws.cell(r, 5).protection.locked is False and ws.cell(r, 5).number_format == '#,##0;-#,##0;"-"'
    kegiatan_row = find_row(ws, f"kegiatan:{rows['sub1'].kegiatan_id}")
    assert ws.cell(kegiatan_row, 5).value == f"=SUM(E{kegiatan_row + 1}:E{kegiatan_row + 5})"
    assert ws.cell(kegiatan_row, 5).protection.locked

    ident = {row[0]: row[1] for row in wb["Identitas"].iter_rows(min_row=2, max_row=13, values_only=True)}
    assert ident == {"aplikasi": "sakip-kecamatan", "format": "renstra", "versi_format": 1,
                     "kecamatan_id": randuagung.kecamatan_id, "kecamatan": "Randuagung", "periode_id": randuagung.pk,
                     "periode": "2024-2026", "dokumen": "renstra", "judul": "Renstra 2024-2026", "versi": 1,
                     "diunduh": ident["diunduh"], "oleh": "operator.randuagung"}


def _changed(before: list, after: list) -> set:
    return set(after) - set(before)


@pytest.mark.sqlite
def test_round_trip_unchanged_then_exactly_five_cells(randuagung, rows):
    content = template(randuagung)
    result = preview(randuagung, content)
    assert (result.errors, result.changes, result.conflicts) == ([], [], [])
    assert result.unchanged == N_INDIKATOR * (1 + N_TAHUN) + N_SUB * N_TAHUN
    before = state()
    do_import(randuagung, content)
    assert state() == before  # nothing written, no new version, no history

    ipp, s1, sub_ind, sub1, sub2 = (rows[k] for k in ("ipp", "s1", "sub_ind", "sub1", "sub2"))
    edited = edit(content, "Target", {
        (f"indikator:{ipp.pk}", "Target 2025"): "65 (B)",
        (f"indikator:{s1.pk}", "Target 2026"): "90,5",
        (f"indikator:{sub_ind.pk}", "Satuan"): "Laporan",
    })
    edited = edit(edited, "Pagu", {
        (f"subkegiatan:{sub1.pk}", "Pagu 2024 (Rp)"): "Rp 4.500.000",
        (f"subkegiatan:{sub2.pk}", "Pagu 2026 (Rp)"): "-",
    })
    result = preview(randuagung, edited)
    assert result.errors == [] and result.conflicts == []
    assert sorted((c.lembar, c.label.split(":")[0], c.dari, c.ke) for c in result.changes) == sorted([
        ("Target", "Target 2025", "64 (B-)", "65 (B)"),
        ("Target", "Target 2026", "88,89", "90,5"),
        ("Target", "Satuan", sub_ind.satuan, "Laporan"),
        ("Pagu", "Pagu Renstra (indikatif) 2024", "4.000.000", "4.500.000"),
        ("Pagu", "Pagu Renstra (indikatif) 2026", "5.500.000", "0"),
    ])

    before = state()
    do_import(randuagung, edited, nama_file="renstra randuagung.xlsx")
    after = state()
    assert _changed(before["target"], after["target"]) == {(ipp.pk, 2025, D(65), "B"), (s1.pk, 2026, D("90.5"), "")}
    assert _changed(before["satuan"], after["satuan"]) == {(sub_ind.pk, "Laporan")}
    assert _changed(before["pagu"], after["pagu"]) == {(sub1.pk, 2024, "renstra", D(4500000)),
                                                       (sub2.pk, 2026, "renstra", D(0))}
    assert len(after["target"]) == len(before["target"]) and len(after["pagu"]) == len(before["pagu"])
    for key in ("realisasi", "rp"):
        assert after[key] == before[key]
    renstra = Dokumen.objects.get(periode=randuagung, jenis="renstra")
    assert renstra.versi == 2
    riwayat = Riwayat.objects.filter(dokumen=renstra).latest("pk")
    assert (riwayat.aksi, riwayat.oleh.username, riwayat.versi) == ("impor", "operator.randuagung", 2)
    assert "renstra randuagung.xlsx" in riwayat.catatan and len(riwayat.perubahan) == 5
    # the audit history names the uploader and the file
    t = Target.history.filter(indikator_id=ipp.pk, tahun=2025).latest("history_date")
    p = Pagu.history.filter(subkegiatan_id=sub2.pk, tahun=2026).latest("history_date")
    for h in (t, p):
        assert h.history_type == "~" and h.history_user.username == "operator.randuagung"
        assert h.history_change_reason == "Impor Excel: renstra randuagung.xlsx"
    assert after["history"][0] - before["history"][0] == 2 and after["history"][1] - before["history"][1] == 2

    # the same file again: nothing changes the second time
    again = preview(randuagung, edited)
    assert again.changes == [] and again.conflicts == [] and again.errors == []
    do_import(randuagung, edited)
    assert state() == after


def test_empty_cell_removes_and_new_cell_creates(randuagung, rows):
    s1, sub1 = rows["s1"], rows["sub1"]
    Pagu.objects.filter(subkegiatan=sub1, tahun=2026).delete()
    content = template(randuagung)
    edited = edit(content, "Target", {(f"indikator:{s1.pk}", "Target 2024"): None})
    edited = edit(edited, "Pagu", {(f"subkegiatan:{sub1.pk}", "Pagu 2026 (Rp)"): 7_250_000})
    do_import(randuagung, edited)
    assert not Target.objects.filter(indikator=s1, tahun=2024).exists()
    assert Target.history.filter(indikator_id=s1.pk, tahun=2024).latest("history_date").history_type == "-"
    created = Pagu.objects.get(subkegiatan=sub1, tahun=2026)
    assert created.jumlah == D(7250000) and created.history.get().history_type == "+"


def test_rows_pasted_without_id_are_matched_by_their_code_even_a_broken_one(randuagung, rows):
    """Someone unprotects the sheet and pastes rows from their own file: no ID, codes as printed."""
    content = template(randuagung)
    wb = workbook(content)
    ws = wb["Pagu"]
    sub1_row = find_row(ws, f"subkegiatan:{rows['sub1'].pk}")
    sub2_row = find_row(ws, f"subkegiatan:{rows['sub2'].pk}")
    for r, code in ((sub1_row, "7.01.01.2 01.1"), (sub2_row, "2")):  # "2": the row above gives the rest
        ws.cell(r, 1).value = None
        ws.cell(r, 3).value = code
    ws.cell(sub1_row, find_column(ws, "Pagu 2025 (Rp)")).value = "4.250.000"
    ws.cell(sub2_row, find_column(ws, "Pagu 2025 (Rp)")).value = "6.000.000"
    from tests.importing.helpers import save
    result = preview(randuagung, save(wb))
    assert result.errors == []
    assert sorted(c.ke for c in result.changes) == ["4.250.000", "6.000.000"]


def test_a_code_that_does_not_match_its_row_is_an_error(randuagung, rows):
    content = template(randuagung)
    edited = edit(content, "Pagu", {(f"subkegiatan:{rows['sub1'].pk}", "Kode"): "7.01.01.2.01.0002"})
    result = preview(randuagung, edited)
    [error] = result.errors
    assert (error.lembar, error.kolom) == ("Pagu", "Kode")
    assert "tidak cocok dengan baris ini (7.01.01.2.01.0001)" in error.pesan
