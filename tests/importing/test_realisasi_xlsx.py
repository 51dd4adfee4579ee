"""The triwulan template: earlier triwulan shown and locked, the triwulan's value or label with its
reason, Rp per sub-kegiatan; errors at their sheet, row and column; the import creates the
document on first use."""

from decimal import Decimal as D

import pytest

from kecamatan.core.formatting import Nilai
from kecamatan.importing import services as importing_services
from kecamatan.importing.base import HEADER_ROW
from kecamatan.models import Dokumen, Indikator, Realisasi, RealisasiAnggaran, Riwayat, SubKegiatan
from kecamatan.realisasi import services as realisasi_services
from tests.importing.helpers import do_import, edit, find_row, operator, preview, state, template, workbook

pytestmark = pytest.mark.django_db

KUNCI = "realisasi-2024-2"


@pytest.fixture
def tw1(randuagung):
    """TW I 2024 saved through the page's service: every indicator 1, Rp 100.000 on one sub."""
    sub = SubKegiatan.objects.filter(kegiatan__program__periode=randuagung).order_by("nomenklatur__kode").first()
    realisasi_services.save_realisasi_triwulan(
        periode=randuagung, tahun=2024, triwulan=1, versi=0, by=operator(),
        indikator={i.pk: (Nilai(D(1)), "") for i in Indikator.objects.filter(periode=randuagung)},
        anggaran={sub.pk: D(100000)},
    )
    return sub


def test_template_of_a_triwulan(randuagung, tw1):
    wb = workbook(template(randuagung, KUNCI))
    assert wb.sheetnames == ["Realisasi Kinerja", "Realisasi Anggaran", "Identitas"]
    ws = wb["Realisasi Kinerja"]
    assert [c.value for c in ws[HEADER_ROW]][5:] == ["Satuan", "Target 2024", "Realisasi TW I", "Realisasi TW II",
                                                      "Keterangan TW II"]
    ind = Indikator.objects.filter(periode=randuagung, sasaran__urutan=1).get()
    r = find_row(ws, f"indikator:{ind.pk}")
    assert [ws.cell(r, c).value for c in (7, 8, 9, 10)] == [78, 1, None, None]
    assert ws.cell(r, 8).protection.locked and not ws.cell(r, 9).protection.locked
    assert not ws.cell(r, 10).protection.locked
    ws = wb["Realisasi Anggaran"]
    r = find_row(ws, f"subkegiatan:{tw1.pk}")
    assert [ws.cell(r, c).value for c in range(3, 9)] == [
        tw1.kode, tw1.nama, 4000000, "Renstra (indikatif)", 100000, None]
    assert ws.cell(r, 7).protection.locked and not ws.cell(r, 8).protection.locked


def test_fill_a_triwulan_with_errors_then_fixed(randuagung, tw1):
    content = template(randuagung, KUNCI)
    assert preview(randuagung, content, KUNCI).changes == []
    inds = list(Indikator.objects.filter(periode=randuagung).order_by("pk")[:3])
    subs = list(SubKegiatan.objects.filter(kegiatan__program__periode=randuagung).order_by("nomenklatur__kode")[:3])
    bad = edit(content, "Realisasi Kinerja", {
        (f"indikator:{inds[0].pk}", "Realisasi TW II"): "84,5",
        (f"indikator:{inds[1].pk}", "Realisasi TW II"): "N/A",
        (f"indikator:{inds[1].pk}", "Keterangan TW II"): "Survei IPP belum terbit",
        (f"indikator:{inds[2].pk}", "Realisasi TW II"): "N/A",  # no reason
    })
    bad = edit(bad, "Realisasi Anggaran", {
        (f"subkegiatan:{subs[0].pk}", "Realisasi Rp TW II"): "Rp 1.500.000",
        (f"subkegiatan:{subs[1].pk}", "Realisasi Rp TW II"): "1.500.000,50",
        (f"subkegiatan:{subs[2].pk}", "Realisasi Rp TW II"): "1.2.3",
    })
    result = preview(randuagung, bad, KUNCI)
    ws = workbook(bad)
    row_ind = find_row(ws["Realisasi Kinerja"], f"indikator:{inds[2].pk}")
    row_sub = find_row(ws["Realisasi Anggaran"], f"subkegiatan:{subs[2].pk}")
    assert [str(e) for e in result.errors] == [
        f"Lembar Realisasi Kinerja · Baris {row_ind}, kolom Keterangan TW II: Beri alasan mengapa realisasi 'N/A'.",
        f"Lembar Realisasi Anggaran · Baris {row_sub}, kolom Realisasi Rp TW II: '1.2.3' bukan angka yang sah: "
        "pemisah ribuan harus per tiga angka. Contoh: 1.500.000,50 atau 84,31",
    ]
    before = state()
    with pytest.raises(importing_services.ImporDitolak):
        do_import(randuagung, bad, KUNCI)
    assert state() == before
    assert not Dokumen.objects.filter(periode=randuagung, jenis="realisasi", triwulan=2).exists()  # not even created

    fixed = edit(bad, "Realisasi Kinerja", {(f"indikator:{inds[2].pk}", "Keterangan TW II"): "Belum diukur"})
    fixed = edit(fixed, "Realisasi Anggaran", {(f"subkegiatan:{subs[2].pk}", "Realisasi Rp TW II"): 2500000})
    assert len(preview(randuagung, fixed, KUNCI).changes) == 6
    do_import(randuagung, fixed, KUNCI)
    got = {r.indikator_id: (r.nilai, r.label, r.keterangan) for r in Realisasi.objects.filter(indikator__periode=randuagung, triwulan=2)}
    assert got == {inds[0].pk: (D("84.5"), "", ""), inds[1].pk: (None, "N/A", "Survei IPP belum terbit"),
                   inds[2].pk: (None, "N/A", "Belum diukur")}
    rp = {r.subkegiatan_id: r.jumlah for r in RealisasiAnggaran.objects.filter(subkegiatan__kegiatan__program__periode=randuagung, triwulan=2)}
    assert rp == {subs[0].pk: D(1500000), subs[1].pk: D("1500000.50"), subs[2].pk: D(2500000)}
    doc = Dokumen.objects.get(periode=randuagung, jenis="realisasi", tahun=2024, triwulan=2)
    assert doc.versi == 1 and list(doc.riwayat.values_list("aksi", flat=True)) == ["buat", "impor"]
    assert Realisasi.history.filter(triwulan=2).first().history_change_reason == "Impor Excel: isian.xlsx"


def test_percent_typed_into_excel_is_read_as_percent(randuagung, tw1):
    ind = Indikator.objects.filter(periode=randuagung, sasaran__urutan=1).get()
    content = edit(template(randuagung, KUNCI), "Realisasi Kinerja",
                   {(f"indikator:{ind.pk}", "Realisasi TW II"): 0.845}, fmt="0.0%")
    [change] = preview(randuagung, content, KUNCI).changes
    assert change.ke == "84,5"


def test_clearing_a_realisasi_removes_it_with_history(randuagung, tw1):
    ind = Indikator.objects.filter(periode=randuagung, sasaran__urutan=1).get()
    content = edit(template(randuagung, "realisasi-2024-1"), "Realisasi Kinerja",
                   {(f"indikator:{ind.pk}", "Realisasi TW I"): None})
    do_import(randuagung, content, "realisasi-2024-1")
    assert not Realisasi.objects.filter(indikator=ind, triwulan=1).exists()
    assert Realisasi.history.filter(indikator_id=ind.pk, triwulan=1).latest("history_date").history_type == "-"
    assert Riwayat.objects.filter(aksi="impor").get().perubahan[0]["ke"] == "(kosong)"
