"""Issue 16's acceptance: a kecamatan that has only generated data is set up and served without
the Django admin. The admin kabupaten creates its operator and Camat, fills its profile and starts
its real Renstra (retiring the demo data); the operator changes the first password, builds a small
Renstra and the Renja of year 1 through the pages, and T-C.27 and T-C.33 print. Every URL the
browser asks for is recorded: none is under /admin/."""

import re
import subprocess
from urllib.parse import urlparse

import pytest

from kecamatan.models import Kecamatan, Pagu, Periode, Peran, Profil, SubKegiatan
from tests.browser.conftest import fill_all, login
from tests.factories import PeriodeFactory, build_cascade, user_with_role
from tests.importing.helpers import edit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SANDI_OP = "Pelayanan-prima-77"


def _save(page, name="Simpan"):
    page.get_by_role("button", name=name).click()
    page.wait_for_load_state()


def _pilih_kode(page, kode):
    select = page.locator('select[name="nomenklatur"]')
    value = select.locator("option").filter(has_text=re.compile(rf"^{re.escape(kode)} ")).first.get_attribute("value")
    select.select_option(value)


def _pdf_text(page, tmp_path, name):
    with page.expect_download() as info:
        page.get_by_role("link", name="Unduh PDF").click()
    path = tmp_path / f"{name}.pdf"
    info.value.save_as(path)
    return subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout


def _admin_sets_up_klakah(page, live_server, klakah) -> str:
    login(page, live_server, "admin.lumajang", password="rahasia-uji-123")
    page.get_by_role("link", name="Kelola kabupaten").first.click()
    row = page.locator('#kecamatan-list tr[data-kecamatan="Klakah"]')
    assert "hanya data demo" in row.inner_text()
    page.set_viewport_size({"width": 390, "height": 844})  # a phone: nothing wider than the screen
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    row.get_by_role("link", name="+ pengguna").click()
    page.get_by_label("Nama pengguna").fill("op.klakah")
    page.get_by_label("Nama lengkap").fill("Rina Operator Klakah")
    _save(page)
    sandi = page.locator("#sandi-awal").inner_text().strip()
    page.get_by_role("link", name="Tambah pengguna lain").click()
    page.get_by_label("Nama pengguna").fill("camat.klakah")
    page.get_by_label("Nama lengkap").fill("Drs. Camat Klakah")
    page.get_by_label("Peran").select_option("camat")
    page.get_by_label("Kata sandi awal").fill("Pertama-Lmj-7731")
    _save(page)
    assert page.locator("#sandi-awal").inner_text().strip() == "Pertama-Lmj-7731"
    assert Profil.objects.get(user__username="camat.klakah").kecamatan == klakah

    page.get_by_role("link", name="Kelola kabupaten").first.click()
    row.get_by_role("link", name="Profil").click()
    page.get_by_label("Alamat kantor").fill("Jalan Raya Klakah No. 1")
    page.get_by_label("Telepon").fill("(0334) 391001")
    page.get_by_label("E-mail").fill("kec.klakah@lumajangkab.go.id")
    page.get_by_label("Kode pos").fill("67356")
    page.get_by_label("Jumlah desa/kelurahan").fill("12")
    _save(page)
    assert "Profil Kecamatan Klakah disimpan." in page.content()

    row.get_by_role("link", name="Mulai Renstra asli").click()
    assert "Renstra 2024-2026 (data demo)" in page.locator("#akan-dihapus").inner_text()
    _save(page, "Hapus data demo dan mulai Renstra asli")
    assert "Data demo Kecamatan Klakah dihapus (1 periode)" in page.content()
    page.get_by_label("Tahun awal").fill("2025")
    page.get_by_label("Tahun akhir").fill("2029")
    page.get_by_label("Tahun kondisi awal").fill("2024")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    _save(page, "Buat periode Renstra")
    page.set_viewport_size({"width": 1280, "height": 900})
    assert "Periode Renstra 2025-2029 Kecamatan Klakah dibuat." in page.content()
    page.get_by_role("button", name="Keluar").click()
    page.wait_for_load_state()
    return sandi


def _operator_first_sign_in(page, live_server, sandi):
    login(page, live_server, "op.klakah", password=sandi)
    assert urlparse(page.url).path == "/sandi/ganti/"
    page.locator("#id_old_password").fill(sandi)
    page.locator("#id_new_password1").fill(SANDI_OP)
    page.locator("#id_new_password2").fill(SANDI_OP)
    _save(page, "Ganti kata sandi")
    page.get_by_role("link", name="Lanjut ke beranda").click()
    page.wait_for_load_state()


def _operator_builds_renstra(page):
    page.get_by_role("link", name="Lihat Renstra").first.click()
    page.get_by_role("link", name="Susun / ubah cascading").click()
    page.get_by_role("link", name="+ Tujuan").click()
    page.locator("[name=uraian]").fill("Meningkatnya kualitas pelayanan Kecamatan Klakah")
    _save(page)
    page.get_by_role("link", name="+ sasaran").click()
    page.locator("[name=uraian]").fill("Meningkatnya kepuasan masyarakat atas pelayanan kecamatan")
    _save(page)
    page.get_by_role("link", name="+ Program").click()
    _pilih_kode(page, "7.01.01")
    _save(page)
    page.get_by_role("link", name="+ kegiatan").click()
    _pilih_kode(page, "7.01.01.2.01")
    _save(page)
    page.get_by_role("link", name="+ sub kegiatan").click()
    _pilih_kode(page, "7.01.01.2.01.0001")
    _save(page)
    page.locator('[data-kode="7.01.01.2.01.0001"] >> text="+ indikator"').first.click()
    page.get_by_label("Indikator*").fill("Jumlah dokumen perencanaan yang disusun")
    page.get_by_label("Satuan*").fill("Dokumen")
    page.get_by_label("Kondisi awal").fill("2")
    for tahun in range(2025, 2030):
        page.get_by_label(f"Target {tahun}").fill("3")
    _save(page)
    page.locator('[data-kode="7.01.01.2.01.0001"] >> text="pagu"').first.click()
    for tahun, rp in zip(range(2025, 2030), ("10.500.000", "11.000.000", "11.500.000", "12.000.000", "12.500.000")):
        page.locator(f'input[name="pagu_{tahun}_renstra"]').fill(rp)
    _save(page)


def _operator_builds_renja(page):
    page.get_by_role("link", name="Beranda").first.click()
    page.get_by_role("link", name="Lihat Renstra").first.click()
    page.get_by_role("link", name="Renja 2025").first.click()
    _save(page, "Mulai Renja 2025")
    page.get_by_label("Sub kegiatan Renstra").select_option(index=1)
    _save(page, "Tambahkan ke Renja")  # straight on to the new row's page
    assert re.search(r"/renja/2025/sub/\d+/$", page.url)
    page.locator("[name=lokasi]").fill("Kecamatan Klakah")
    page.locator('input[name="aktivitas-0-uraian"]').fill("Penyusunan Renja Kecamatan")
    page.locator('input[name="aktivitas-0-jumlah"]').fill("10.250.000")
    page.locator("[name=prakiraan]").fill("11.000.000")
    assert fill_all(page.locator('input[name^="target_"]'), "3") > 0
    assert fill_all(page.locator('input[name^="prakiraan_"]'), "3") > 0
    _save(page)
    assert "10.250.000" in page.locator('#tabel-renja tr[data-kode="7.01.01.2.01.0001"]').inner_text()


def _operator_adds_an_aktivitas_by_excel(page, periode, tmp_path):
    sub = SubKegiatan.objects.get(kegiatan__program__periode=periode)
    page.locator("#link-impor").click()
    with page.expect_download() as info:
        page.get_by_role("link", name="Unduh templat Excel").click()
    filled = edit(open(info.value.path(), "rb").read(), "Renja 2025", {
        (f"aktivitas-baru:{sub.pk}:1", "Aktivitas"): "Rapat koordinasi perencanaan",
        (f"aktivitas-baru:{sub.pk}:1", "Kebutuhan Dana 2025 (Rp)"): "Rp 1.000.000"})
    path = tmp_path / "renja klakah.xlsx"
    path.write_bytes(filled)
    page.set_input_files("#id_berkas", str(path))
    _save(page, "Unggah dan periksa")
    _save(page, "Simpan 1 perubahan")
    assert "11.250.000" in page.locator('#tabel-renja tr[data-kode="7.01.01.2.01.0001"]').inner_text()


def test_admin_sets_up_a_generated_kecamatan_and_its_operator_prints_renstra_and_renja(
        page, live_server, demo, tmp_path):
    klakah = Kecamatan.objects.get(nama="Klakah")
    build_cascade(PeriodeFactory(kecamatan=klakah, demo=True), n_sub=1)
    user_with_role("admin.lumajang", Peran.ADMIN)
    visited = []
    page.on("request", lambda request: visited.append(urlparse(request.url).path))

    sandi = _admin_sets_up_klakah(page, live_server, klakah)
    periode = Periode.objects.get(kecamatan=klakah)
    assert (periode.label, periode.demo) == ("2025-2029", False)
    klakah.refresh_from_db()
    assert (klakah.alamat, klakah.kode_pos, klakah.jumlah_desa) == ("Jalan Raya Klakah No. 1", "67356", 12)

    _operator_first_sign_in(page, live_server, sandi)
    assert Profil.objects.get(user__username="op.klakah").wajib_ganti_sandi is False
    _operator_builds_renstra(page)
    assert sorted(Pagu.objects.filter(subkegiatan__kegiatan__program__periode=periode, tahap="renstra")
                  .values_list("jumlah", flat=True))[0] == 10_500_000
    _operator_builds_renja(page)
    _operator_adds_an_aktivitas_by_excel(page, periode, tmp_path)

    page.goto(f"{live_server.url}/renstra/{periode.pk}/tabel/tc27/")
    tc27 = _pdf_text(page, tmp_path, "tc27")
    assert "7.01.01.2.01.0001" in tc27 and "10.500.000" in tc27 and "57.500.000" in tc27
    page.goto(f"{live_server.url}/renstra/{periode.pk}/renja/2025/")
    page.get_by_role("link", name=re.compile(r"^T-C\.33")).first.click()
    tc33 = _pdf_text(page, tmp_path, "tc33")
    assert "7.01.01.2.01.0001" in tc33 and "11.250.000" in tc33 and "11.000.000" in tc33

    assert "/sandi/ganti/" in visited and any(p.startswith("/kelola/") for p in visited)
    assert [p for p in visited if p.startswith("/admin")] == []
