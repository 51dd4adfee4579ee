"""The Renja template of Senduro 2024: pre-filled, protected, identified, adding up like T-C.33; the
round trip (unchanged → 0 changes; a lokasi, a sumber dana, an aktivitas dana, a new aktivitas in a
free row and a prakiraan → exactly those, and T-C.33's totals follow); deleting an aktivitas;
one source for a sub-kegiatan's dana; bad cells; a locked Renja; other people's changes."""

import re
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction

from kecamatan.core.formatting import Nilai
from kecamatan.importing import services as importing_services
from kecamatan.importing import writers
from kecamatan.importing.base import FIRST_DATA_ROW, HEADER_ROW
from kecamatan.importing.preview import Change
from kecamatan.importing.renja import FREE_ROWS
from kecamatan.models import Aktivitas, Dokumen, Indikator, Pagu, Peran, RenjaSubKegiatan, Riwayat, SubKegiatan
from kecamatan.renja import services as renja_services
from kecamatan.renja.selectors import renja_data
from kecamatan.renja.tables.tc33 import DANA, DANA_1, build_tc33
from tests.factories import user_with_role
from tests.importing.helpers import (
    do_import,
    edit,
    find_row,
    operator,
    preview,
    save,
    state,
    template,
    workbook,
)

pytestmark = pytest.mark.django_db

KUNCI = "renja-2024"
SHEET = "Renja 2024"
DANA_2024, DANA_2025 = "Kebutuhan Dana 2024 (Rp)", "Prakiraan Maju 2025 (Rp)"
N_PROGRAM, N_KEGIATAN, N_SUB, N_AKTIVITAS = 6, 15, 36, 67  # Senduro's Renja 2024: sub-kegiatan funded, their aktivitas


def sub(periode, kode) -> SubKegiatan:
    return SubKegiatan.objects.get(kegiatan__program__periode=periode, nomenklatur__kode=kode)


def aktivitas(periode, kode, uraian) -> Aktivitas:
    return Aktivitas.objects.get(rincian__subkegiatan=sub(periode, kode), uraian=uraian)


def tc33_totals(periode) -> tuple[D, D]:
    report = build_tc33(renja_data(periode.pk, 2024))
    [total] = [r for r in report.rows if r.key == "TOTAL PAGU"]
    return total.cells[DANA], total.cells[DANA_1]


def evaluate(ws) -> dict[str, D]:
    """The values of the sheet's sums, as Excel computes them on opening (=A1+B2, =SUM(A1:A9))."""
    cache: dict[str, D] = {}

    def value(ref: str) -> D:
        if ref in cache:
            return cache[ref]
        raw = ws[ref].value
        if isinstance(raw, str) and raw.startswith("=SUM("):
            col, a, _, b = re.match(r"=SUM\(([A-Z]+)(\d+):([A-Z]+)(\d+)\)", raw).groups()
            result = sum((value(f"{col}{r}") for r in range(int(a), int(b) + 1)), D(0))
        elif isinstance(raw, str) and raw.startswith("="):
            result = sum((value(part) for part in raw[1:].split("+") if part != "0"), D(0))
        else:
            result = D(str(raw)) if raw is not None else D(0)
        cache[ref] = result
        return result

    return value


def test_template_is_prefilled_protected_and_identified(senduro):
    wb = workbook(template(senduro, KUNCI, by=operator(senduro)))
    assert wb.sheetnames == [SHEET, "Daftar", "Identitas"]
    ws = wb[SHEET]
    assert ws.protection.sheet and ws.column_dimensions["A"].hidden and wb.security.lockStructure
    assert [c.value for c in ws[HEADER_ROW]] == [
        "ID", "Tingkat", "Kode", "Program / Kegiatan / Sub Kegiatan", "Indikator", "Satuan", "Aktivitas",
        "Skala Prioritas", "Volume", "Satuan Volume", "Lokasi", "Target 2024", DANA_2024, "Sumber Dana",
        "Catatan Penting", "Target 2025", DANA_2025]
    assert "kosongkan uraian dan dananya" in ws["B3"].value  # how to delete an aktivitas, in the sheet itself

    s1 = sub(senduro, "7.01.01.2.01.0001")
    r = find_row(ws, f"subkegiatan:{s1.pk}")
    a1, a2 = Aktivitas.objects.filter(rincian__subkegiatan=s1).order_by("urutan")
    assert [c.value for c in ws[r]][1:] == [
        "Sub Kegiatan", "7.01.01.2.01.0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah",
        "Jumlah Dokumen Perencanaan Perangkat Daerah", "Dokumen", None, None, None, None,
        "Kab. Lumajang, Kec. Senduro", 2, f"=SUM(M{r + 1}:M{r + 12})", "DAU", None, 3, 5435320]
    dana = ws.cell(r, 13)
    assert dana.protection.locked and not dana.fill.fgColor.rgb.endswith("FFF2CC")  # a sum, not an input
    assert all(not ws.cell(r, c).protection.locked for c in (11, 12, 14, 15, 16, 17))
    assert all(ws.cell(r, c).protection.locked for c in (2, 3, 4, 5, 6, 7))
    assert [c.value for c in ws[r + 1]][:13] == [f"aktivitas:{a1.pk}", "Aktivitas", None, None, None, None,
                                                  "Penyusunan Dokumen Renja", 1, None, None, None, None, 5136500]
    assert ws.cell(r + 2, 1).value == f"aktivitas:{a2.pk}"
    for free in range(3, 13):  # ten free rows to add aktivitas
        assert ws.cell(r + free, 1).value == f"aktivitas-baru:{s1.pk}:{free - 2}"
        assert ws.cell(r + free, 2).value == "Aktivitas baru"
        assert all(not ws.cell(r + free, c).protection.locked for c in (7, 8, 9, 10, 13, 15, 17))
        assert ws.cell(r + free, 11).protection.locked  # lokasi is the sub-kegiatan's
    kegiatan = find_row(ws, f"kegiatan:{s1.kegiatan_id}")
    assert ws.cell(kegiatan, 13).value.startswith(f"=M{r}+M") and ws.cell(kegiatan, 13).protection.locked
    assert ws.cell(FIRST_DATA_ROW, 4).value == "JUMLAH RENJA 2024"

    validations = {dv.formula1: str(dv.sqref) for dv in ws.data_validations.dataValidation}
    last = ws.max_row
    assert validations["'Daftar'!$B$2:$B$9"] == f"N{FIRST_DATA_ROW}:N{last}"  # sumber dana drop-down
    assert [c.value for c in wb["Daftar"]["B"][1:] if c.value] == ["DAU", "DAK", "DBHCHT", "DBH", "DID", "PAD", "BK", "LAIN"]
    ident = {row[0]: row[1] for row in wb["Identitas"].iter_rows(min_row=2, max_row=13, values_only=True)}
    assert (ident["format"], ident["dokumen"], ident["judul"], ident["kecamatan"]) == (
        "renja", KUNCI, "Renja 2024", "Senduro")


def test_the_sheet_adds_up_like_tc33(senduro):
    """Program, kegiatan, sub-kegiatan with aktivitas and the total are Excel sums that give T-C.33's figures."""
    ws = workbook(template(senduro, KUNCI))[SHEET]
    value = evaluate(ws)
    assert (value(f"M{FIRST_DATA_ROW}"), value(f"Q{FIRST_DATA_ROW}")) == tc33_totals(senduro)
    report = build_tc33(renja_data(senduro.pk, 2024))
    printed = {row.key: (row.cells[DANA], row.cells[DANA_1]) for row in report.rows if row.key}
    checked = 0
    for r in range(FIRST_DATA_ROW + 1, ws.max_row + 1):
        kode = ws.cell(r, 3).value
        if kode and ws.cell(r - 1, 3).value != kode:  # the first row of a program, kegiatan, sub-kegiatan
            assert (value(f"M{r}"), value(f"Q{r}")) == printed[kode], kode
            checked += 1
    assert checked == N_PROGRAM + N_KEGIATAN + N_SUB


def test_round_trip_unchanged_then_exactly_five_cells(senduro):
    content = template(senduro, KUNCI)
    result = preview(senduro, content, KUNCI)
    assert (result.errors, result.changes, result.conflicts) == ([], [], [])
    before = state()
    do_import(senduro, content, kunci=KUNCI)
    assert state() == before  # nothing written, no new version

    s1, s2, s3, s6 = (sub(senduro, f"7.01.01.2.01.000{k}") for k in (1, 2, 3, 6))
    renja = aktivitas(senduro, "7.01.01.2.01.0001", "Penyusunan Dokumen Renja")
    total_2024, total_2025 = tc33_totals(senduro)
    edited = edit(content, SHEET, {
        (f"subkegiatan:{s1.pk}", "Lokasi"): "Kantor Kecamatan Senduro",
        (f"subkegiatan:{s2.pk}", "Sumber Dana"): "Dana Alokasi Khusus",  # as people write it: DAK
        (f"aktivitas:{renja.pk}", DANA_2024): "Rp 5.500.000",
        (f"aktivitas-baru:{s3.pk}:1", "Aktivitas"): "Rapat koordinasi perubahan RKA",
        (f"aktivitas-baru:{s3.pk}:1", "Skala Prioritas"): 2,
        (f"aktivitas-baru:{s3.pk}:1", "Volume"): "2",
        (f"aktivitas-baru:{s3.pk}:1", "Satuan Volume"): "Kegiatan",
        (f"aktivitas-baru:{s3.pk}:1", DANA_2024): "1.250.000",
        (f"subkegiatan:{s6.pk}", DANA_2025): "2.500.000",
    })
    result = preview(senduro, edited, KUNCI)
    assert result.errors == [] and result.conflicts == []
    assert sorted((c.label, c.dari, c.ke) for c in result.changes) == sorted([
        (f"Lokasi: {s1.kode} {s1.nama}", "Kab. Lumajang, Kec. Senduro", "Kantor Kecamatan Senduro"),
        (f"Sumber dana: {s2.kode} {s2.nama}", "DAU", "DAK"),
        (f"Aktivitas 1 · {s1.kode} {s1.nama}", "Penyusunan Dokumen Renja · prioritas 1 · Rp 5.136.500",
         "Penyusunan Dokumen Renja · prioritas 1 · Rp 5.500.000"),
        (f"Aktivitas baru · {s3.kode} {s3.nama}", "(kosong)",
         "Rapat koordinasi perubahan RKA · prioritas 2 · 2 Kegiatan · Rp 1.250.000"),
        (f"Prakiraan maju 2025 (Rp): {s6.kode} {s6.nama}", "2.184.050", "2.500.000"),
    ])

    before = state()
    do_import(senduro, edited, kunci=KUNCI, nama_file="renja senduro.xlsx")
    after = state()
    assert set(after["rincian"]) - set(before["rincian"]) == {
        (RenjaSubKegiatan.objects.get(subkegiatan=s1).pk, "Kantor Kecamatan Senduro", "DAU", ""),
        (RenjaSubKegiatan.objects.get(subkegiatan=s2).pk, "Kab. Lumajang, Kec. Senduro", "DAK", "")}
    new = Aktivitas.objects.get(rincian__subkegiatan=s3, uraian="Rapat koordinasi perubahan RKA")
    assert (new.urutan, new.skala_prioritas, new.volume, new.satuan, new.jumlah) == (2, 2, D(2), "Kegiatan",
                                                                                   D(1250000))
    assert {a[0] for a in set(after["aktivitas"]) - set(before["aktivitas"])} == {renja.pk, new.pk}
    assert len(after["aktivitas"]) == len(before["aktivitas"]) + 1 == N_AKTIVITAS + 1
    assert set(after["pagu"]) - set(before["pagu"]) == {(s6.pk, 2025, "prakiraan", D(2500000))}
    assert after["target_renja"] == before["target_renja"] and after["target"] == before["target"]
    # T-C.33 follows: year n by the aktivitas difference and the new aktivitas, n+1 by the prakiraan
    assert tc33_totals(senduro) == (total_2024 + D(363500) + D(1250000), total_2025 + D(315950))

    dokumen = Dokumen.objects.get(periode=senduro, jenis="renja", tahun=2024)
    assert dokumen.versi == 2
    riwayat = Riwayat.objects.filter(dokumen=dokumen).latest("pk")
    assert (riwayat.aksi, riwayat.oleh.username, riwayat.versi) == ("impor", "operator.senduro", 2)
    assert "renja senduro.xlsx" in riwayat.catatan and len(riwayat.perubahan) == 5
    history = Pagu.history.filter(subkegiatan_id=s6.pk, tahun=2025, tahap="prakiraan").latest("history_date")
    assert (history.history_type, history.history_user.username, history.history_change_reason) == (
        "~", "operator.senduro", "Impor Excel: renja senduro.xlsx")

    # the same file again: nothing changes the second time (the new aktivitas is recognised)
    again = preview(senduro, edited, KUNCI)
    assert (again.changes, again.conflicts, again.errors) == ([], [], [])
    do_import(senduro, edited, kunci=KUNCI)
    assert state() == after

    # a fresh template has the new aktivitas under its sub-kegiatan, inside its sum
    ws = workbook(template(senduro, KUNCI))[SHEET]
    r = find_row(ws, f"subkegiatan:{s3.pk}")
    assert ws.cell(r + 2, 1).value == f"aktivitas:{new.pk}" and ws.cell(r, 13).value == f"=SUM(M{r + 1}:M{r + 2 + FREE_ROWS})"


def test_deleting_aktivitas_by_emptying_uraian_and_dana(senduro):
    s1 = sub(senduro, "7.01.01.2.01.0001")
    perubahan = aktivitas(senduro, "7.01.01.2.01.0001", "Penyusunan Dokumen Perubahan Renja")
    total_2024, _ = tc33_totals(senduro)
    content = edit(template(senduro, KUNCI), SHEET, {
        (f"aktivitas:{perubahan.pk}", "Aktivitas"): None, (f"aktivitas:{perubahan.pk}", DANA_2024): None})
    [change] = preview(senduro, content, KUNCI).changes
    assert (change.dari, change.ke) == ("Penyusunan Dokumen Perubahan Renja · prioritas 2 · Rp 4.704.500", "(kosong)")
    do_import(senduro, content, kunci=KUNCI)
    assert not Aktivitas.objects.filter(pk=perubahan.pk).exists()
    assert Aktivitas.objects.filter(rincian__subkegiatan=s1).count() == 1
    assert tc33_totals(senduro)[0] == total_2024 - D(4704500)
    after = state()
    again = preview(senduro, content, KUNCI)  # its row now names an aktivitas that is gone: already done
    assert (again.changes, again.errors) == ([], [])
    do_import(senduro, content, kunci=KUNCI)
    assert state() == after


def test_a_sub_kegiatan_without_aktivitas_gets_its_first_ones(senduro):
    """Its dana was typed (Pagu renja); adding aktivitas makes their sum its dana: the typed one must go."""
    s3 = sub(senduro, "7.01.01.2.01.0003")
    Aktivitas.objects.filter(rincian__subkegiatan=s3).delete()
    Pagu.objects.create(subkegiatan=s3, tahun=2024, tahap="renja", jumlah=D(2000000))
    total_2024, _ = tc33_totals(senduro)
    content = template(senduro, KUNCI)
    ws = workbook(content)[SHEET]
    r = find_row(ws, f"subkegiatan:{s3.pk}")
    assert ws.cell(r, 13).value == 2000000 and not ws.cell(r, 13).protection.locked  # typed, not a sum

    filled = edit(content, SHEET, {(f"aktivitas-baru:{s3.pk}:1", "Aktivitas"): "Penyusunan perubahan RKA",
                                   (f"aktivitas-baru:{s3.pk}:1", DANA_2024): "1.500.000",
                                   (f"aktivitas-baru:{s3.pk}:2", "Aktivitas"): "Asistensi perubahan RKA",
                                   (f"aktivitas-baru:{s3.pk}:2", DANA_2024): 700000})
    result = preview(senduro, filled, KUNCI)
    [error] = result.errors
    assert (error.lembar, error.baris, error.kolom) == (SHEET, r, DANA_2024)
    assert error.pesan.startswith("Sub kegiatan ini dirinci per aktivitas (2 aktivitas, jumlah 2.200.000): "
                                  "kebutuhan dananya adalah jumlah dana aktivitas, tidak diketik. Kosongkan sel ini")
    before = state()
    with pytest.raises(importing_services.ImporDitolak):
        do_import(senduro, filled, kunci=KUNCI)
    assert state() == before

    fixed = edit(filled, SHEET, {(f"subkegiatan:{s3.pk}", DANA_2024): None})
    assert {c.ke for c in preview(senduro, fixed, KUNCI).changes} >= {"(kosong)"}
    do_import(senduro, fixed, kunci=KUNCI)
    assert not Pagu.objects.filter(subkegiatan=s3, tahun=2024, tahap="renja").exists()
    assert Pagu.history.filter(subkegiatan_id=s3.pk, tahap="renja").latest("history_date").history_type == "-"
    assert tc33_totals(senduro)[0] == total_2024 - D(2000000) + D(2200000)
    after = state()
    do_import(senduro, fixed, kunci=KUNCI)  # again: the two free rows are the aktivitas now there
    assert state() == after


def test_deleting_every_aktivitas_lets_the_dana_be_typed_again(senduro):
    s2 = sub(senduro, "7.01.01.2.01.0002")
    [only] = Aktivitas.objects.filter(rincian__subkegiatan=s2)
    wb = workbook(template(senduro, KUNCI))
    ws = wb[SHEET]
    r = find_row(ws, f"subkegiatan:{s2.pk}")
    ws.cell(r + 1, 7).value = ws.cell(r + 1, 13).value = None  # the aktivitas goes
    ws.cell(r, 13).value = "6.000.000"  # typed where the sum was (sheet unprotected)
    do_import(senduro, save(wb), kunci=KUNCI)
    assert not Aktivitas.objects.filter(pk=only.pk).exists()
    assert Pagu.objects.get(subkegiatan=s2, tahun=2024, tahap="renja").jumlah == D(6000000)


def test_a_sum_saved_as_its_value_is_accepted(senduro):
    """Some programs save formulas as values: the sub-kegiatan's exact sum is not a second dana."""
    s1 = sub(senduro, "7.01.01.2.01.0001")
    content = edit(template(senduro, KUNCI), SHEET, {(f"subkegiatan:{s1.pk}", DANA_2024): 9841000})
    result = preview(senduro, content, KUNCI)
    assert (result.errors, result.changes) == ([], [])
    content = edit(content, SHEET, {(f"subkegiatan:{s1.pk}", DANA_2024): 9841001})
    [error] = preview(senduro, content, KUNCI).errors
    assert error.kolom == DANA_2024 and "dirinci per aktivitas (2 aktivitas, jumlah 9.841.000)" in error.pesan


BAD_CELLS = [  # (row, column typed into, what is typed, the message expected; at that cell unless said)
    ("sub", DANA_2024, "7.500.000", "Sub kegiatan ini dirinci per aktivitas (2 aktivitas, jumlah 9.841.000)"),
    ("sub", "Sumber Dana", "APBN",
     "Sumber dana 'APBN' tidak ada di daftar. Pilih salah satu: DAU, DAK, DBHCHT, DBH, DID, PAD, BK, LAIN."),
    ("baru", DANA_2025, "1.000", "Prakiraan maju diisi pada baris tanpa aktivitas"),
    ("akt", DANA_2025, "1.000", "aktivitas sub kegiatan ini mempunyai prakiraan maju sendiri", DANA_2025, "sub"),
    ("akt", DANA_2024, "lima juta", "'lima juta' bukan angka. Contoh: 1.500.000,50"),
    ("akt", "Volume", "1.2.3", "'1.2.3' bukan angka yang sah"),
    ("akt", "Skala Prioritas", "0", "Skala prioritas berupa bilangan bulat 1, 2, 3"),
    ("akt", DANA_2024, None, "Dana aktivitas wajib diisi, contoh 1.500.000"),
    ("baru", DANA_2024, "1.000.000", "Uraian aktivitas kosong padahal dananya diisi", "Aktivitas"),
    ("sub", DANA_2025, "Rp 1,5 juta", "bukan angka"),
    ("sub", "Target 2024", "1.2.3", "'1.2.3' bukan angka yang sah"),
]


def test_bad_cells_are_refused_at_their_place_and_nothing_is_saved(senduro):
    s1 = sub(senduro, "7.01.01.2.01.0001")
    akt = aktivitas(senduro, "7.01.01.2.01.0001", "Penyusunan Dokumen Renja")
    refs = {"sub": f"subkegiatan:{s1.pk}", "akt": f"aktivitas:{akt.pk}", "baru": f"aktivitas-baru:{s1.pk}:1"}
    good = edit(template(senduro, KUNCI), SHEET, {(f"subkegiatan:{s1.pk}", "Lokasi"): "Kantor Kecamatan"})
    ws = workbook(good)[SHEET]
    before = state()
    for who, kolom, typed, pesan, *at in BAD_CELLS:
        content = edit(good, SHEET, {(refs[who], kolom): typed})
        result = preview(senduro, content, KUNCI)
        [error] = result.errors
        where = refs[at[1]] if len(at) > 1 else refs[who]  # the sub-kegiatan's cell, for a rule across rows
        assert (error.lembar, error.baris, error.kolom) == (SHEET, find_row(ws, where), (at or [kolom])[0]), typed
        assert pesan in error.pesan, typed
        with pytest.raises(importing_services.ImporDitolak):
            do_import(senduro, content, kunci=KUNCI)
        assert state() == before, typed


def test_a_locked_renja_refuses_the_upload(senduro):
    s1 = sub(senduro, "7.01.01.2.01.0001")
    content = edit(template(senduro, KUNCI), SHEET, {(f"subkegiatan:{s1.pk}", "Lokasi"): "Kantor Kecamatan"})
    for status in ("diajukan", "diverifikasi"):
        Dokumen.objects.filter(periode=senduro, jenis="renja", tahun=2024).update(status=status)
        before = state()
        with pytest.raises(ValidationError) as exc:
            do_import(senduro, content, kunci=KUNCI)
        assert f"Renja 2024 berstatus {status.capitalize()}: isinya tidak dapat diubah" in exc.value.messages[0]
        assert state() == before


def test_a_renja_not_started_has_no_template(senduro):
    with pytest.raises(ValidationError) as exc:
        do_import(senduro, b"", kunci="renja-2025")
    assert "Renja 2025 belum dimulai" in exc.value.messages[0]
    assert not Dokumen.objects.filter(periode=senduro, jenis="renja", tahun=2025).exists()


def _simpan_rincian_web(periode, s, *, lokasi=None, dana=None, by):
    """Another user saves the sub-kegiatan's page (lokasi, aktivitas) in the browser."""
    dokumen = Dokumen.objects.get(periode=periode, jenis="renja", tahun=2024)
    rincian = RenjaSubKegiatan.objects.get(dokumen=dokumen, subkegiatan=s)
    items = [{"uraian": a.uraian, "skala_prioritas": a.skala_prioritas, "volume": a.volume, "satuan": a.satuan,
              "jumlah": a.jumlah, "catatan": a.catatan} for a in rincian.aktivitas.order_by("urutan")]
    if dana is not None:
        items[0]["jumlah"] = dana
    renja_services.simpan_rincian(
        dokumen=dokumen, subkegiatan=s, lokasi=lokasi or rincian.lokasi, sumber_dana=rincian.sumber_dana,
        catatan=rincian.catatan, dana=None, prakiraan=Pagu.objects.get(subkegiatan=s, tahap="prakiraan").jumlah,
        targets={}, aktivitas=items, by=by)


def test_cells_changed_by_someone_else_since_download_are_shown_not_overwritten(senduro):
    other = user_with_role("operator.lain", Peran.OPERATOR, senduro.kecamatan)
    s1, s2, s3 = (sub(senduro, f"7.01.01.2.01.000{k}") for k in (1, 2, 3))
    renja = aktivitas(senduro, "7.01.01.2.01.0001", "Penyusunan Dokumen Renja")
    content = template(senduro, KUNCI)
    _simpan_rincian_web(senduro, s1, lokasi="Desa Senduro", dana=D(5000000), by=other)  # they change s1
    _simpan_rincian_web(senduro, s2, lokasi="Desa Burno", by=other)  # and s2's lokasi
    edited = edit(content, SHEET, {
        (f"subkegiatan:{s1.pk}", "Lokasi"): "Kantor Kecamatan",  # both changed it: a conflict
        (f"aktivitas:{renja.pk}", DANA_2024): "5.200.000",  # both changed it: a conflict
        (f"subkegiatan:{s3.pk}", "Lokasi"): "Kecamatan Senduro",  # nobody else touched s3: a change
    })  # s2 left as downloaded: theirs stays
    result = preview(senduro, edited, KUNCI)
    assert result.stale and result.errors == []
    assert sorted((c.label, c.asal, c.sekarang, c.berkas) for c in result.conflicts) == [
        (f"Aktivitas 1 · {s1.kode} {s1.nama}", "Penyusunan Dokumen Renja · prioritas 1 · Rp 5.136.500",
         "Penyusunan Dokumen Renja · prioritas 1 · Rp 5.000.000",
         "Penyusunan Dokumen Renja · prioritas 1 · Rp 5.200.000"),
        (f"Lokasi: {s1.kode} {s1.nama}", "Kab. Lumajang, Kec. Senduro", "Desa Senduro", "Kantor Kecamatan"),
    ]
    assert [(c.label, c.ke) for c in result.changes] == [(f"Lokasi: {s3.kode} {s3.nama}", "Kecamatan Senduro")]
    assert result.kept_theirs == 1
    do_import(senduro, edited, kunci=KUNCI)
    lokasi = dict(RenjaSubKegiatan.objects.filter(subkegiatan__in=[s1, s2, s3]).values_list("subkegiatan", "lokasi"))
    assert lokasi == {s1.pk: "Desa Senduro", s2.pk: "Desa Burno", s3.pk: "Kecamatan Senduro"}
    assert Aktivitas.objects.get(pk=renja.pk).jumlah == D(5000000)


def test_the_write_itself_keeps_one_source_for_the_dana(senduro):
    """Even a change list the reader would refuse cannot leave a typed dana beside aktivitas."""
    s1 = sub(senduro, "7.01.01.2.01.0001")
    before = state()
    change = Change(SHEET, 8, f"pagu:{s1.pk}:2024:renja", "Kebutuhan dana", "(kosong)", "1", D(1000000))
    with pytest.raises(ValidationError) as exc:
        with transaction.atomic():
            writers.write_changes(periode=senduro, changes=[change], by=operator(senduro), reason="uji")
    assert "7.01.01.2.01.0001 akan mempunyai aktivitas sekaligus kebutuhan dana 2024" in exc.value.messages[0]
    assert state() == before


def test_a_fault_while_writing_aktivitas_leaves_everything_as_before(senduro, monkeypatch):
    s1, s3 = sub(senduro, "7.01.01.2.01.0001"), sub(senduro, "7.01.01.2.01.0003")
    content = edit(template(senduro, KUNCI), SHEET, {
        (f"subkegiatan:{s1.pk}", "Lokasi"): "Kantor Kecamatan",
        (f"subkegiatan:{s1.pk}", DANA_2025): "9.000.000",
        (f"aktivitas-baru:{s3.pk}:1", "Aktivitas"): "Baru", (f"aktivitas-baru:{s3.pk}:1", DANA_2024): 1})
    before = state()
    written = {}

    def fail(periode, entries, by, reason):
        written["lokasi"] = RenjaSubKegiatan.objects.get(subkegiatan=s1).lokasi
        written["pagu"] = Pagu.objects.get(subkegiatan=s1, tahap="prakiraan").jumlah
        raise RuntimeError("disk penuh")

    monkeypatch.setitem(writers.WRITERS, "aktivitas", (fail, writers.WRITERS["aktivitas"][1]))
    with pytest.raises(RuntimeError, match="disk penuh"):
        do_import(senduro, content, kunci=KUNCI)
    assert written == {"lokasi": "Kantor Kecamatan", "pagu": D(9000000)}  # the fault really came mid-way
    assert state() == before


def test_targets_of_programs_and_sub_kegiatan_including_prakiraan(senduro):
    s1 = sub(senduro, "7.01.01.2.01.0001")
    [ind] = s1.indikator.all()
    second = Indikator.objects.create(periode=senduro, subkegiatan=s1, urutan=2, uraian="Indikator kedua",
                                      satuan="Persen")
    program_ind = s1.kegiatan.program.indikator.first()
    content = template(senduro, KUNCI)
    ws = workbook(content)[SHEET]
    r = find_row(ws, f"subkegiatan:{s1.pk}")  # a row per indicator, then the aktivitas inside the sum
    assert [ws.cell(r + 1, c).value for c in (1, 3, 5, 13)] == [f"indikator:{second.pk}", s1.kode, "Indikator kedua",
                                                                None]
    assert ws.cell(r, 13).value == f"=SUM(M{r + 2}:M{r + 3 + FREE_ROWS})" and not ws.cell(r + 1, 12).protection.locked
    content = edit(content, SHEET, {
        (f"subkegiatan:{s1.pk}", "Target 2025"): "4",
        (f"indikator:{second.pk}", "Target 2024"): "75,5",
        (f"program:{s1.kegiatan.program_id}", "Target 2024"): "N/A",
    })
    do_import(senduro, content, kunci=KUNCI)
    data = renja_data(senduro.pk, 2024)
    assert data.target_renja_of(ind.pk, 2025, "prakiraan") == Nilai(D(4))
    assert data.target_renja_of(second.pk, 2024) == Nilai(D("75.5"))
    assert data.target_renja_of(program_ind.pk, 2024) == Nilai(None, "N/A")


def test_a_sub_kegiatan_with_aktivitas_has_no_stored_dana_even_if_a_stale_one_exists(senduro):
    """A Pagu of tahap renja left beside aktivitas (made outside the Renja pages), or a selector that
    reports their sum as the sub-kegiatan's pagu, is not a stored dana: an unchanged file changes
    nothing, and writing its aktivitas clears the stale row as the Renja page's save does."""
    s1 = sub(senduro, "7.01.01.2.01.0001")
    Pagu.objects.create(subkegiatan=s1, tahun=2024, tahap="renja", jumlah=D(1))
    content = template(senduro, KUNCI)
    result = preview(senduro, content, KUNCI)
    assert (result.errors, result.changes) == ([], [])
    renja = aktivitas(senduro, "7.01.01.2.01.0001", "Penyusunan Dokumen Renja")
    do_import(senduro, edit(content, SHEET, {(f"aktivitas:{renja.pk}", DANA_2024): 5000000}), kunci=KUNCI,
              nama_file="r.xlsx")
    assert not Pagu.objects.filter(subkegiatan=s1, tahun=2024, tahap="renja").exists()
    history = Pagu.history.filter(subkegiatan_id=s1.pk, tahap="renja").latest("history_date")
    assert (history.history_type, history.history_change_reason) == ("-", "Impor Excel: r.xlsx")
