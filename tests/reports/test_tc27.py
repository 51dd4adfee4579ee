"""T-C.27: the pure builder, and the same rows in HTML, PDF and Excel."""

from decimal import Decimal as D
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from kecamatan.cetak.output import produce
from kecamatan.core.computations import AturanAkhir
from kecamatan.core.formatting import Nilai
from kecamatan.models import Peran
from kecamatan.renstra.data import IndikatorData, NodeData, RenstraData
from kecamatan.renstra.tables.tc27 import build_tc27
from kecamatan.tables.base import COVERED
from tests.factories import PeriodeFactory, build_cascade, user_with_role
from tests.reports.helpers import pdf_pages, xlsx_rows, xlsx_sheet

TAHUN = (2024, 2025, 2026)


def _ind(uraian, satuan, targets, aturan):
    return IndikatorData(id=hash(uraian) % 10_000, uraian=uraian, satuan=satuan, aturan=aturan,
                         target={t: Nilai(v) for t, v in zip(TAHUN, targets)})


def small_renstra() -> RenstraData:
    sub1 = NodeData(1, "subkegiatan", "7.01.06.2.01.0001", "Fasilitasi Perdes",
                    indikator=(_ind("Jumlah dokumen", "Dokumen", [D(3), D(3), D(4)], AturanAkhir.JUMLAH),),
                    pagu={2024: D("3000000"), 2025: D("9000000"), 2026: D("10800000")})
    sub2 = NodeData(2, "subkegiatan", "7.01.06.2.01.0006", "Pilkades",
                    indikator=(_ind("Jumlah dokumen pilkades", "Dokumen", [None, D(1), None], AturanAkhir.JUMLAH),),
                    pagu={2025: D("29750000")})
    keg = NodeData(3, "kegiatan", "7.01.06.2.01", "Fasilitasi", children=(sub1, sub2))
    prog = NodeData(4, "program", "7.01.06", "PROGRAM PEMBINAAN", children=(keg,), indikator=(
        _ind("RKPDes tepat waktu", "Persen", [D("83.33"), D("91.67"), D("91.67")], AturanAkhir.NILAI_AKHIR),
        _ind("APBDes tepat waktu", "Persen", [D("83.33")] * 3, AturanAkhir.NILAI_AKHIR),
        _ind("LPPDes tepat waktu", "Persen", [D("83.33"), D("91.67"), D(100)], AturanAkhir.NILAI_AKHIR),
    ))
    return RenstraData(periode_id=1, kecamatan="Uji", kabupaten="Lumajang", provinsi="Jawa Timur", tahun=TAHUN,
                       tahun_kondisi_awal=2022, program=(prog,))


def test_builder_numbers_columns_11_to_26_and_groups_years():
    report = build_tc27(small_renstra())
    assert [c.number for c in report.columns] == [str(n) for n in range(11, 27)]
    assert [g[0] for g in report.header_groups()][7:] == ["2024", "2025", "2026", "Akhir Periode", "Unit Kerja"]


def test_builder_rolls_up_and_sums_akhir_periode():
    rows = build_tc27(small_renstra()).rows
    total, program, *_ = rows
    assert total.kind == "total" and total.cells["nama"] == "Unsur Kewilayahan"
    assert total.cells["rp:2024"] == D("3000000") and total.cells["rp:2025"] == D("38750000")
    assert total.cells["rp:2026"] == D("10800000")
    assert total.cells["rp:akhir"] == D("52550000")
    assert program.cells["rp:2024"] == D("3000000") and program.cells["rp:akhir"] == D("52550000")
    sub2 = rows[-1]
    assert sub2.cells["kode"] == "7.01.06.2.01.0006"
    assert sub2.cells["rp:2024"] == D(0)  # no pagu in 2024: a zero, printed "-"
    assert sub2.cells["target:akhir"] == D(1)  # – + 1 + – = 1


def test_multi_indicator_program_merges_shared_cells():
    rows = build_tc27(small_renstra()).rows
    first, second, third = rows[1], rows[2], rows[3]
    assert first.rowspan["kode"] == 3 and first.rowspan["rp:2024"] == 3
    assert second.cells["kode"] is COVERED and second.cells["rp:2024"] is COVERED
    assert [r.cells["indikator"] for r in (first, second, third)] == [
        "RKPDes tepat waktu", "APBDes tepat waktu", "LPPDes tepat waktu"]
    # last year's value, not a sum
    assert first.cells["target:akhir"] == D("91.67") and third.cells["target:akhir"] == D(100)


@pytest.mark.django_db
@pytest.mark.sqlite
def test_xlsx_reproduces_randuagung_totals(randuagung):
    out = produce("tc27", periode_id=randuagung.pk, tahun=None, fmt="xlsx")
    rows = xlsx_rows(out.content)
    total = next(r for r in rows if "Unsur Kewilayahan" in r)
    numbers = [v for v in total if isinstance(v, (int, float))]
    assert numbers == [1916486189, 2351113139, 2254684419, 6522283747]
    program = next(r for r in rows if r[0] == "7.01.01")
    assert program[8] == 1699465689
    ws = xlsx_sheet(out.content)
    assert ws.freeze_panes is not None
    assert ws.page_setup.orientation == "landscape"
    number_row = next(i for i, r in enumerate(rows, start=1) if r[0] == "11")
    assert ws.print_title_rows.endswith(f"{number_row}")
    rp_cell = ws.cell(number_row + 2, 9)  # program 7.01.01, Rp 2024
    assert rp_cell.value == 1699465689 and rp_cell.number_format.startswith("#,##0")
    assert any(str(rng).startswith("H") for rng in ws.merged_cells.ranges)  # year groups merged


@pytest.mark.django_db
def test_pdf_has_figures_header_on_every_page_and_signature(randuagung):
    out = produce("tc27", periode_id=randuagung.pk, tahun=None, fmt="pdf")
    pages = pdf_pages(out.content)
    assert len(pages) > 3
    text = "\n".join(pages)
    for figure in ("1.916.486.189", "2.351.113.139", "2.254.684.419", "6.522.283.747", "1.699.465.689"):
        assert figure in text
    for i, page in enumerate(pages, start=1):
        assert "11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26" in " ".join(page.split()), f"page {i}"
        assert f"Halaman {i} dari {len(pages)}" in page
    assert "NIP. 19650905 199003 1 009" in pages[-1]
    assert "ISKANDAR" in pages[-1] and "Randuagung, Mei 2023" in pages[-1]
    assert "PEMERINTAH KABUPATEN LUMAJANG" in pages[0]


@pytest.mark.django_db
def test_cetak_command_writes_the_file(randuagung, tmp_path: Path):
    target = tmp_path / "tc27.xlsx"
    call_command("cetak", "tc27", "--kecamatan", "randuagung", "--periode", "2024-2026", "--format", "xlsx",
                 "--output", str(target))
    assert any("Unsur Kewilayahan" in r for r in xlsx_rows(target.read_bytes()))


@pytest.mark.django_db
def test_cetak_command_refuses_unknown_things(randuagung):
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="tidak dikenal"):
        call_command("cetak", "tc99", "--kecamatan", "randuagung", "--periode", "2024-2026", "--format", "pdf")
    with pytest.raises(CommandError, match="tidak ditemukan"):
        call_command("cetak", "tc27", "--kecamatan", "atlantis", "--periode", "2024-2026")
    with pytest.raises(CommandError, match="tidak ditemukan"):
        call_command("cetak", "tc27", "--kecamatan", "randuagung", "--periode", "2019-2023")


@pytest.mark.django_db
@pytest.mark.parametrize("n_sub", [1, 50])
def test_tc27_page_query_count_is_fixed(client, django_assert_num_queries, n_sub):
    periode = PeriodeFactory()
    build_cascade(periode, n_sub=n_sub)
    client.force_login(user_with_role("uji", Peran.OPERATOR, periode.kecamatan))
    url = reverse("kecamatan:tabel", args=[periode.pk, "tc27"])
    # session, user, profil, periode + 10 for the cascade + 1 for the kondisi awal recorded in T-C.23
    with django_assert_num_queries(15):
        response = client.get(url)
    assert response.status_code == 200
    assert response.content.decode().count('class="baris-subkegiatan"') == n_sub
