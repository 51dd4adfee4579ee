"""Files that must be refused with a clear Indonesian message, and nothing saved: another
kecamatan's template, another document's, a missing sheet, shifted columns, text in number cells,
formulas, not an .xlsx at all, an old .xls, a 20 MB file, a template without its identity sheet;
hostile files (tests/importing/bad_xlsx.py: XXE, billion laughs, zip bombs, a bad CRC, a file cut
short) refused as damaged or too big at the import page and the Riwayat capaian page, never a 500."""

import io
import zipfile

import pytest
from django.utils.html import escape

from kecamatan.importing import services as importing_services
from kecamatan.importing.base import MAX_BYTES, RUSAK, FileError
from kecamatan.models import Indikator, SubKegiatan
from tests.factories import KecamatanFactory, PeriodeFactory, build_cascade
from tests.importing import bad_xlsx as bad
from tests.importing.helpers import do_import, edit, find_row, operator, preview, save, state, template, workbook

pytestmark = pytest.mark.django_db


def refused(periode, content, kunci="renstra") -> str:
    """The whole-file message; checks that the import writes nothing."""
    with pytest.raises(FileError) as exc:
        preview(periode, content, kunci)
    before = state()
    with pytest.raises(FileError):
        do_import(periode, content, kunci)
    assert state() == before
    return exc.value.pesan


def row_errors(periode, content, kunci="renstra") -> list[str]:
    """The row errors; checks that the import writes nothing."""
    errors = [str(e) for e in preview(periode, content, kunci).errors]
    before = state()
    with pytest.raises(importing_services.ImporDitolak):
        do_import(periode, content, kunci)
    assert state() == before
    return errors


def test_another_kecamatans_template(randuagung):
    # a kecamatan of the same kabupaten with its own Renstra (not a demo one: those change)
    other = PeriodeFactory(kecamatan=KecamatanFactory(nama="Senduri", kabupaten=randuagung.kecamatan.kabupaten))
    build_cascade(other, n_sub=2)
    message = refused(randuagung, template(other))
    assert message.startswith("Templat ini milik Kecamatan Senduri, bukan Kecamatan Randuagung.")


def test_another_documents_template(randuagung):
    message = refused(randuagung, template(randuagung, "realisasi-2024-1"))
    assert message.startswith("Templat ini untuk Realisasi 2024 TW I, bukan Renstra 2024-2026.")
    message = refused(randuagung, template(randuagung, "realisasi-2024-1"), "realisasi-2024-2")
    assert "bukan Realisasi 2024 TW II" in message


def test_missing_sheet(kecil):
    wb = workbook(template(kecil))
    wb.security.lockStructure = False
    wb.remove(wb["Pagu"])
    assert row_errors(kecil, save(wb)) == [
        "Lembar 'Pagu' tidak ada di berkas. Jangan menghapus atau mengganti nama lembar templat; unduh templat baru."]


def test_shifted_columns(kecil):
    wb = workbook(template(kecil))
    wb["Target"].insert_cols(6)  # a column inserted before Satuan: everything after it moves right
    [error] = row_errors(kecil, save(wb))
    assert error.startswith("Lembar Target · Baris 4, kolom Satuan: judul kolom F kosong, seharusnya 'Satuan' "
                            "(dan 4 kolom lain). Kolom tergeser")


def test_values_pasted_one_column_off(kecil):
    """The headings are intact but someone pasted a block one column to the right."""
    wb = workbook(template(kecil))
    ws = wb["Pagu"]
    sub = SubKegiatan.objects.filter(kegiatan__program__periode=kecil).order_by("nomenklatur__kode").first()
    r = find_row(ws, f"subkegiatan:{sub.pk}")
    ws.cell(r, 4).value, ws.cell(r, 5).value = None, ws.cell(r, 4).value  # the name lands in Pagu 2024
    [error] = row_errors(kecil, save(wb))
    assert error.startswith(f"Lembar Pagu · Baris {r}, kolom Pagu 2024 (Rp): '{sub.nama}' bukan angka.")


def test_text_in_number_cells(kecil):
    ind = Indikator.objects.get(periode=kecil, sasaran__urutan=1)
    sub = SubKegiatan.objects.filter(kegiatan__program__periode=kecil).order_by("nomenklatur__kode").first()
    content = edit(template(kecil), "Target", {(f"indikator:{ind.pk}", "Target 2025"): "1.2.3"})
    content = edit(content, "Pagu", {(f"subkegiatan:{sub.pk}", "Pagu 2025 (Rp)"): "empat juta"})
    r_ind, r_sub = find_row(workbook(content)["Target"], f"indikator:{ind.pk}"), find_row(workbook(content)["Pagu"],
                                                                                         f"subkegiatan:{sub.pk}")
    assert row_errors(kecil, content) == [
        f"Lembar Target · Baris {r_ind}, kolom Target 2025: '1.2.3' bukan angka yang sah: pemisah ribuan harus per "
        "tiga angka. Contoh: 1.500.000,50 atau 84,31",
        f"Lembar Pagu · Baris {r_sub}, kolom Pagu 2025 (Rp): 'empat juta' bukan angka. Contoh: 1.500.000,50 atau 84,31",
    ]


def test_formula_in_an_input_cell(kecil):
    sub = SubKegiatan.objects.filter(kegiatan__program__periode=kecil).order_by("nomenklatur__kode").first()
    content = edit(template(kecil), "Pagu", {(f"subkegiatan:{sub.pk}", "Pagu 2025 (Rp)"): "=2*2000000"})
    [error] = row_errors(kecil, content)
    assert error.endswith("kolom Pagu 2025 (Rp): Berisi rumus; salin lalu tempel sebagai nilai saja (Paste Special → "
                          "Values).")


def test_not_an_xlsx_at_all(kecil):
    assert refused(kecil, b"%PDF-1.4\n%...").startswith("Berkas ini bukan berkas Excel .xlsx.")
    assert refused(kecil, "Kode;Target\n7.01.01;100\n".encode()).startswith("Berkas ini bukan berkas Excel")
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("catatan.txt", "bukan excel")
    assert refused(kecil, archive.getvalue()).startswith("Berkas ini bukan berkas Excel")
    assert refused(kecil, b"").startswith("Berkas kosong.")


def test_an_old_xls(kecil):
    xls = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512
    assert "Excel lama (.xls)" in refused(kecil, xls)


def test_a_20_mb_file_is_refused_by_its_size(kecil, monkeypatch):
    import kecamatan.importing.workbook as workbook

    def must_not_open(*args, **kwargs):
        raise AssertionError("opened a file that is too big")

    monkeypatch.setattr(workbook, "load_workbook", must_not_open)
    monkeypatch.setattr(workbook.zipfile, "is_zipfile", must_not_open)
    content = template(kecil) + b"\0" * (20 * 1024 * 1024)
    message = refused(kecil, content)
    assert message.startswith("Berkas terlalu besar (20,0 MB); paling besar 5,0 MB.")
    assert len(content) > MAX_BYTES


def test_a_template_without_its_identity_sheet(kecil):
    wb = workbook(template(kecil))
    wb.security.lockStructure = False
    wb.remove(wb["Identitas"])
    assert refused(kecil, save(wb)).startswith("Berkas ini bukan templat SAKIP Kecamatan (lembar identitas")


def test_an_excel_file_that_is_not_our_template(kecil):
    from openpyxl import Workbook

    wb = Workbook()
    wb.active["A1"] = "Renstra Randuagung"
    assert refused(kecil, save(wb)).startswith("Berkas ini bukan templat SAKIP Kecamatan")


def test_a_damaged_identity_sheet(kecil):
    wb = workbook(template(kecil))
    ws = wb["Identitas"]
    ws["B5"] = "tiga belas"  # kecamatan_id
    assert "rusak" in refused(kecil, save(wb))


def test_rows_that_cannot_be_trusted(kecil):
    """A data row copied below the table, a value typed over a program's sum, an ID typed over."""
    wb = workbook(template(kecil))
    ws = wb["Pagu"]
    sub = SubKegiatan.objects.filter(kegiatan__program__periode=kecil).order_by("nomenklatur__kode").first()
    r_sub = find_row(ws, f"subkegiatan:{sub.pk}")
    copy = ws.max_row + 2
    for c in range(1, ws.max_column + 1):
        ws.cell(copy, c).value = ws.cell(r_sub, c).value
    r_program = find_row(ws, f"program:{sub.kegiatan.program_id}")
    ws.cell(r_program, 5).value = 5_000_000  # over the sum of its kegiatan
    last_sub = find_row(ws, f"subkegiatan:{SubKegiatan.objects.order_by('-nomenklatur__kode').first().pk}")
    ws.cell(last_sub, 1).value = "subkegiatan:999999"
    assert row_errors(kecil, save(wb)) == [
        f"Lembar Pagu · Baris {r_program}: Baris {sub.kegiatan.program.kode} tidak untuk diisi; isi baris sub "
        "kegiatannya.",
        f"Lembar Pagu · Baris {last_sub}, kolom ID: ID baris 'subkegiatan:999999' tidak dikenal. Jangan mengubah kolom "
        "tersembunyi ID; unduh templat baru.",
        f"Lembar Pagu · Baris {copy}, kolom ID: Baris ini sama dengan baris {r_sub} ({sub.kode}); hapus salah satunya.",
    ]


# --- hostile files (issue 17 item 6): refused as damaged ("rusak") or too big, never a 500 ---------------------


def test_openpyxl_reads_worksheets_through_defusedxml():
    """With defusedxml installed openpyxl parses every part with it: entity declarations are refused."""
    import defusedxml.ElementTree
    import openpyxl.worksheet._reader as worksheet_reader
    from openpyxl import xml

    assert xml.DEFUSEDXML is True
    assert worksheet_reader.iterparse is defusedxml.ElementTree.iterparse


def _edited(periode) -> bytes:
    """The template with one real change: were the file read, the import would write it."""
    ind = Indikator.objects.filter(periode=periode, target__tahun=2025).first()
    return edit(template(periode), "Target", {(f"indikator:{ind.pk}", "Target 2025"): "2,5"})


HOSTILE = {  # name → (how to make it from a filled template, the message it gets)
    "xxe": (lambda c: bad.with_doctype(c, bad.sheet_part(c, "Target"), bad.XXE, bad.XXE_REF), RUSAK),
    "xxe-dtd-deep": (lambda c: bad.with_doctype(c, bad.sheet_part(c, "Target"), bad.XXE_DTD, bad.XXE_REF, deep=True),
                     RUSAK),
    "xxe-identitas": (lambda c: bad.with_doctype(c, bad.sheet_part(c, "Identitas"), bad.XXE, bad.XXE_REF), RUSAK),
    "xxe-workbook": (lambda c: bad.with_doctype(c, "xl/workbook.xml", bad.XXE, ""), RUSAK),
    "billion-laughs": (lambda c: bad.with_doctype(c, bad.sheet_part(c, "Target"), bad.LAUGHS, bad.LAUGHS_REF), RUSAK),
    "billion-laughs-deep": (lambda c: bad.with_doctype(c, bad.sheet_part(c, "Pagu"), bad.LAUGHS, bad.LAUGHS_REF,
                                                       deep=True), RUSAK),
    "zip-bomb": (lambda c: bad.padded(c, bad.sheet_part(c, "Target"), 300), "Isi berkas terlalu besar (300,"),
    "sizes-under-declared": (lambda c: bad.padded(c, bad.sheet_part(c, "Target"), 300, declared=40_000), RUSAK),
    "bad-crc": (lambda c: bad.bad_crc(c, bad.sheet_part(c, "Pagu")), RUSAK),
    "truncated": (bad.truncated, RUSAK),
}


@pytest.mark.parametrize("kind", HOSTILE)
def test_hostile_files_are_refused_with_nothing_written(kecil, kind):
    make, message = HOSTILE[kind]
    content = make(_edited(kecil))
    assert refused(kecil, content).startswith(message)


def test_a_zip_bomb_is_refused_from_its_directory_before_anything_is_unpacked(kecil, monkeypatch):
    from kecamatan.importing import workbook

    content = bad.padded(_edited(kecil), bad.sheet_part(template(kecil), "Target"), 300)
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        assert sum(info.file_size for info in archive.infolist()) > 300 * 1024 * 1024
    assert len(content) < 1024 * 1024  # small on disk

    def must_not_open(*args, **kwargs):
        raise AssertionError("opened a zip bomb")

    monkeypatch.setattr(workbook, "load_workbook", must_not_open)
    monkeypatch.setattr(workbook.zipfile.ZipFile, "open", must_not_open)
    message = refused(kecil, content)
    assert message.startswith("Isi berkas terlalu besar (300,0 MB setelah dibuka dari 0,3 MB).")


def test_one_part_unpacking_far_beyond_its_size_is_a_bomb_too(kecil):
    """Under the total limit, but one part unpacks to over 200 times what it takes in the zip."""
    content = bad.padded(_edited(kecil), bad.sheet_part(template(kecil), "Target"), 50)
    assert refused(kecil, content).startswith("Isi berkas terlalu besar (50,")


@pytest.mark.parametrize("kind", ["xxe-dtd-deep", "billion-laughs-deep", "bad-crc", "zip-bomb", "truncated"])
def test_hostile_uploads_through_the_import_page(client, kecil, kind):
    """Posted to the real upload view: the page says why, nothing is written and nothing stays
    pending (the XXE case answered HTTP 500 before)."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from kecamatan.models import ImporTertunda

    make, message = HOSTILE[kind]
    content = make(_edited(kecil))
    client.force_login(operator(kecil))
    page = reverse("kecamatan:impor", args=[kecil.pk, "renstra"])
    before = state()
    response = client.post(page, {"berkas": SimpleUploadedFile("isian.xlsx", content)}, follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Berkas ditolak, tidak ada yang disimpan." in html and escape(message) in html
    assert state() == before
    assert not ImporTertunda.objects.exists()
    assert not [k for k in client.session.keys() if k.startswith("impor:")]  # noqa: SIM118 (not iterable)
    response = client.post(reverse("kecamatan:impor_simpan", args=[kecil.pk, "renstra"]), {"versi": "0"}, follow=True)
    assert "Tidak ada berkas yang menunggu disimpan." in response.content.decode() and state() == before


def test_hostile_uploads_of_the_riwayat_capaian_grid(client, senduro):
    """The Riwayat capaian import refuses each one at its page with the same message, nothing saved."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from kecamatan.models import Peran, RiwayatCapaian
    from tests.factories import user_with_role

    client.force_login(user_with_role("op.senduro", Peran.OPERATOR, senduro.kecamatan))
    grid = client.get(reverse("kecamatan:renstra_riwayat_capaian_unduh", args=[senduro.pk])).content
    sheet = bad.sheet_part(grid, "Riwayat capaian")
    files = {
        "xxe": bad.with_doctype(grid, sheet, bad.XXE, bad.XXE_REF),
        "xxe-dtd-deep": bad.with_doctype(grid, sheet, bad.XXE_DTD, bad.XXE_REF, deep=True),
        "billion-laughs": bad.with_doctype(grid, sheet, bad.LAUGHS, bad.LAUGHS_REF),
        "bad-crc": bad.bad_crc(grid, sheet),
        "truncated": bad.truncated(grid),
        "zip-bomb": bad.padded(grid, sheet, 300),
    }
    before = sorted(RiwayatCapaian.objects.values_list("pk", "tahun", "target", "realisasi", "perkiraan"))
    for kind, content in files.items():
        response = client.post(reverse("kecamatan:renstra_riwayat_capaian_unggah", args=[senduro.pk]),
                               {"berkas": SimpleUploadedFile("riwayat.xlsx", content)}, follow=True)
        assert response.status_code == 200, kind
        messages = [str(m) for m in response.context["messages"]]
        expected = "Isi berkas terlalu besar (300," if kind == "zip-bomb" else RUSAK
        assert len(messages) == 1 and messages[0].startswith(expected), (kind, messages)
    assert sorted(RiwayatCapaian.objects.values_list("pk", "tahun", "target", "realisasi", "perkiraan")) == before


def test_the_app_refuses_to_start_when_openpyxl_would_parse_without_defusedxml(monkeypatch):
    """`manage.py check` (run by serve.sh before gunicorn starts) names it: an installation that lost
    defusedxml, or set OPENPYXL_DEFUSEDXML=False, does not start silently unsafe."""
    from openpyxl import xml

    from kecamatan.apps import defusedxml_in_use

    assert defusedxml_in_use() == []
    monkeypatch.setattr(xml, "DEFUSEDXML", False)
    [error] = defusedxml_in_use()
    assert error.id == "kecamatan.E001" and "defusedxml" in error.msg
