"""Excel in, in a browser: the operator opens the import from the triwulan page, downloads the
template, fills it (as Excel would: Indonesian numbers, N/A without its reason), uploads it, reads
the error at its row and column, fixes it, sees the diff, confirms, and finds the values saved."""

import pytest

from kecamatan.models import Indikator, Realisasi, RealisasiAnggaran, Riwayat, SubKegiatan
from tests.browser.conftest import login
from tests.importing.helpers import edit, find_row, workbook

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_download_upload_preview_confirm(page, live_server, randuagung, tmp_path):
    ind = Indikator.objects.get(periode=randuagung, sasaran__urutan=1)
    other = Indikator.objects.get(periode=randuagung, tujuan__isnull=False)
    sub = SubKegiatan.objects.filter(kegiatan__program__periode=randuagung).order_by("nomenklatur__kode").first()
    login(page, live_server, "operator.randuagung")
    page.goto(f"{live_server.url}/renstra/{randuagung.pk}/realisasi/2024/1/")
    page.get_by_role("link", name="isi lewat Excel").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().startswith("Impor Excel · Realisasi 2024 TW I")

    with page.expect_download() as info:
        page.get_by_role("link", name="Unduh templat Excel").click()
    download = info.value
    assert download.suggested_filename == "templat-realisasi-2024-1-randuagung-2024-2026.xlsx"
    content = open(download.path(), "rb").read()

    filled = edit(content, "Realisasi Kinerja", {(f"indikator:{ind.pk}", "Realisasi TW I"): "84,5",
                                                 (f"indikator:{other.pk}", "Realisasi TW I"): "N/A"})
    filled = edit(filled, "Realisasi Anggaran", {(f"subkegiatan:{sub.pk}", "Realisasi Rp TW I"): "Rp 1.500.000"})
    path = tmp_path / "realisasi tw1.xlsx"
    path.write_bytes(filled)
    page.set_input_files("#id_berkas", str(path))
    page.get_by_role("button", name="Unggah dan periksa").click()
    page.wait_for_load_state()
    row = find_row(workbook(filled)["Realisasi Kinerja"], f"indikator:{other.pk}")
    errors = page.locator("#galat-impor").inner_text()
    assert f"Realisasi Kinerja\t{row}\tKeterangan TW I\tBeri alasan mengapa realisasi 'N/A'." in errors
    assert page.get_by_role("button", name="Simpan", exact=False).count() == 0
    # scoped to Randuagung: the demo's Jatiroto LKj 2024 (issue 9) has realizations of its own
    assert not Realisasi.objects.filter(indikator__periode=randuagung).exists()

    fixed = edit(filled, "Realisasi Kinerja", {(f"indikator:{other.pk}", "Keterangan TW I"): "Survei belum terbit"})
    path.write_bytes(fixed)
    page.set_input_files("#id_berkas", str(path))
    page.get_by_role("button", name="Unggah dan periksa").click()
    page.wait_for_load_state()
    assert page.locator('[data-jumlah="perubahan"]').inner_text() == "3 perubahan"
    diff = page.locator("#perubahan-impor").inner_text()
    assert f"Realisasi TW I: {ind.uraian}\t(kosong)\t84,5" in diff
    assert f"Realisasi Rp TW I: {sub.kode} {sub.nama}\t(kosong)\t1.500.000" in diff
    assert not Realisasi.objects.filter(indikator__periode=randuagung).exists()  # still nothing saved

    page.get_by_role("button", name="Simpan 3 perubahan").click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/renstra/{randuagung.pk}/realisasi/2024/1/")
    assert "3 isian dari berkas realisasi tw1.xlsx disimpan" in page.locator(".alert-success").inner_text()
    assert page.locator(f'tr[data-indikator="{ind.pk}"] input[data-kolom="nilai"]').input_value() == "84,5"
    assert Realisasi.objects.get(indikator=ind).nilai == 84.5
    assert RealisasiAnggaran.objects.get(subkegiatan=sub).jumlah == 1500000
    assert Riwayat.objects.filter(aksi="impor", oleh__username="operator.randuagung").count() == 1


def test_renja_add_an_aktivitas_through_excel(page, live_server, senduro, tmp_path):
    """From the Renja page: the template, an aktivitas added in a free row, a dana typed beside the
    aktivitas refused at its cell, fixed, confirmed; the Renja page shows the new sum."""
    from kecamatan.models import Aktivitas

    sub = SubKegiatan.objects.get(kegiatan__program__periode=senduro, nomenklatur__kode="7.01.01.2.01.0001")
    login(page, live_server, "operator.senduro")
    page.goto(f"{live_server.url}/renstra/{senduro.pk}/renja/2024/")
    row = page.locator('#tabel-renja tr[data-kode="7.01.01.2.01.0001"]')
    assert "9.841.000" in row.inner_text()
    page.locator("#link-impor").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().startswith("Impor Excel · Renja 2024")
    with page.expect_download() as info:
        page.get_by_role("link", name="Unduh templat Excel").click()
    assert info.value.suggested_filename == "templat-renja-2024-senduro-2024-2026.xlsx"
    content = open(info.value.path(), "rb").read()

    filled = edit(content, "Renja 2024", {
        (f"aktivitas-baru:{sub.pk}:1", "Aktivitas"): "Konsultasi publik Renja",
        (f"aktivitas-baru:{sub.pk}:1", "Kebutuhan Dana 2024 (Rp)"): "Rp 1.159.000",
        (f"subkegiatan:{sub.pk}", "Kebutuhan Dana 2024 (Rp)"): "12.000.000",  # typed beside aktivitas
    })
    path = tmp_path / "renja senduro.xlsx"
    path.write_bytes(filled)
    page.set_input_files("#id_berkas", str(path))
    page.get_by_role("button", name="Unggah dan periksa").click()
    page.wait_for_load_state()
    r = find_row(workbook(filled)["Renja 2024"], f"subkegiatan:{sub.pk}")
    errors = page.locator("#galat-impor").inner_text()
    assert f"Renja 2024\t{r}\tKebutuhan Dana 2024 (Rp)\tSub kegiatan ini dirinci per aktivitas (3 aktivitas" in errors
    assert page.get_by_role("button", name="Simpan", exact=False).count() == 0

    path.write_bytes(edit(filled, "Renja 2024", {(f"subkegiatan:{sub.pk}", "Kebutuhan Dana 2024 (Rp)"): None}))
    page.set_input_files("#id_berkas", str(path))
    page.get_by_role("button", name="Unggah dan periksa").click()
    page.wait_for_load_state()
    diff = page.locator("#perubahan-impor").inner_text()
    assert f"Aktivitas baru · {sub.kode} {sub.nama}\t(kosong)\tKonsultasi publik Renja · Rp 1.159.000" in diff
    page.get_by_role("button", name="Simpan 1 perubahan").click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/renstra/{senduro.pk}/renja/2024/")
    assert "1 isian dari berkas renja senduro.xlsx disimpan" in page.locator(".alert-success").inner_text()
    assert "11.000.000" in page.locator('#tabel-renja tr[data-kode="7.01.01.2.01.0001"]').inner_text()
    assert Aktivitas.objects.filter(rincian__subkegiatan=sub).count() == 3
