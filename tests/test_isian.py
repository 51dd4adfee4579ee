"""The Renstra entry pages beyond the cascade: T-C.23/T-C.24 history grids, T-C.26, Camat records
and the Renstra's signatory. Saves go through the page (Indonesian numbers), land in the official
tables (builders), follow the Renstra's lock and version and leave a Riwayat row."""

from decimal import Decimal as D

import pytest
from django import forms
from django.urls import reverse

from kecamatan.core.formatting import Nilai
from kecamatan.models import (
    AnggaranLalu,
    ArahKebijakan,
    Camat,
    CapaianLalu,
    Dokumen,
    IndikatorLalu,
    Peran,
    ProgramLalu,
    Riwayat,
    Sasaran,
    Strategi,
)
from kecamatan.renstra.selectors_tabel import riwayat_data, strategi_data
from kecamatan.renstra.tables.tc23 import RASIO, REALISASI, build_tc23
from kecamatan.renstra.tables.tc24 import build_tc24
from kecamatan.renstra.tables.tc26 import build_tc26
from tests.factories import (
    CamatFactory,
    IndikatorLaluFactory,
    KecamatanFactory,
    PeriodeFactory,
    ProgramLaluFactory,
    user_with_role,
)

pytestmark = pytest.mark.django_db


def url(name, periode, *args):
    return reverse(f"kecamatan:{name}", args=[periode.pk, *args])


def post_data(form) -> dict:
    """What a browser sends back for the form as shown, unchanged."""
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if isinstance(field, forms.BooleanField):
            if value:
                data[name] = "on"
        elif isinstance(field, forms.MultipleChoiceField):
            data[name] = [str(v) for v in value or []]
        else:
            data[name] = "" if value is None else str(value)
    return data


def page_data(client, address) -> dict:
    response = client.get(address)
    assert response.status_code == 200
    return post_data(response.context["form"])


def cells(report) -> dict:
    """Every printed value by (row index, column key); a band row's text under the key None."""
    out = {}
    for i, row in enumerate(report.rows):
        out.update({(i, key): value for key, value in row.cells.items()})
        if row.kind == "band":
            out[(i, None)] = row.text
    return out


def diff(before, after) -> set:
    return {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)}


def type_cell(client, name, periode, field, shown, typed):
    """Open the grid, check what the cell shows, type into it and save: the redirect of a good save."""
    data = page_data(client, url(name, periode))
    assert data[field] == shown
    data[field] = typed
    response = client.post(url(name, periode), data)
    assert response.status_code == 302, response.context["form"].errors


@pytest.fixture
def operator(client, randuagung):
    client.force_login(user_with_role("op.uji", Peran.OPERATOR, randuagung.kecamatan))
    return client


def renstra(periode) -> Dokumen:
    return Dokumen.objects.get(periode=periode, jenis=Dokumen.Jenis.RENSTRA)


# --- T-C.23 ----------------------------------------------------------------------------------------


def test_tc23_edit_changes_exactly_that_cell(operator, randuagung):
    ind = IndikatorLalu.objects.filter(periode=randuagung, uraian="Nilai IKM Kecamatan").order_by("berlaku_mulai")[0]
    before = cells(build_tc23(riwayat_data(randuagung.pk)))
    versi = renstra(randuagung).versi
    type_cell(operator, "renstra_tc23", randuagung, f"realisasi_{ind.pk}_2020", "84", "85,25")
    assert CapaianLalu.objects.get(indikator_lalu=ind, tahun=2020).realisasi == D("85.25")
    report = build_tc23(riwayat_data(randuagung.pk))
    after = cells(report)
    changed = diff(before, after)
    realisasi_col, rasio_col = "realisasi:2020", "rasio:2020"
    assert (report.column(realisasi_col).group, report.column(rasio_col).group) == (REALISASI, RASIO)
    (row,) = {i for i, _ in changed}
    assert changed == {(row, realisasi_col), (row, rasio_col)}  # the cell and its computed capaian
    assert after[(row, realisasi_col)] == Nilai(D("85.25"))
    dokumen = renstra(randuagung)
    assert dokumen.versi == versi + 1
    last = dokumen.riwayat.order_by("-pk").first()
    assert last.aksi == Riwayat.Aksi.UBAH and last.oleh.username == "op.uji"
    assert last.perubahan == [
        {"item": "T-C.23 indikator “Nilai IKM Kecamatan” 2020", "dari": "84 / 84", "ke": "84 / 85,25"}]


def test_tc23_adds_a_row_and_rejects_a_year_outside_its_term(operator, randuagung):
    page = url("renstra_tc23", randuagung)
    data = page_data(operator, page)
    data.update({"tingkat_baru": "program", "uraian_baru": "Indikator baru", "satuan_baru": "%",
                 "berlaku_mulai_baru": "2022", "berlaku_sampai_baru": "2023", "target_baru_2021": "50"})
    response = operator.post(page, data)
    assert response.status_code == 200
    assert "di luar masa berlaku 2022 - 2023" in str(response.context["form"].errors["target_baru_2021"])
    assert not IndikatorLalu.objects.filter(uraian="Indikator baru").exists()
    data["target_baru_2021"], data["target_baru_2023"] = "", "N/A"
    assert operator.post(page, data).status_code == 302
    baru = IndikatorLalu.objects.get(uraian="Indikator baru")
    assert baru.urutan == 1 + max(IndikatorLalu.objects.filter(periode=randuagung, berlaku_mulai=2022)
                                  .exclude(pk=baru.pk).values_list("urutan", flat=True))
    assert CapaianLalu.objects.get(indikator_lalu=baru, tahun=2023).target_label == "N/A"


def test_tc23_text_in_a_number_is_refused_at_the_field(operator, randuagung):
    ind = IndikatorLalu.objects.filter(periode=randuagung).first()
    versi = renstra(randuagung).versi
    data = page_data(operator, url("renstra_tc23", randuagung))
    tahun = ind.berlaku_mulai
    data[f"uraian_{ind.pk}"] = "Diubah juga"
    data[f"target_{ind.pk}_{tahun}"] = "delapan puluh"
    response = operator.post(url("renstra_tc23", randuagung), data)
    assert response.status_code == 200
    assert response.context["form"].errors[f"target_{ind.pk}_{tahun}"] == [
        "'delapan puluh' bukan nilai yang dikenali. Contoh: 84,31 atau 62 (B-) atau N/A"]
    ind.refresh_from_db()
    assert ind.uraian != "Diubah juga" and renstra(randuagung).versi == versi


# --- T-C.24 ----------------------------------------------------------------------------------------


def test_tc24_edit_changes_that_anggaran_and_its_rasio_follows(operator, randuagung):
    program = ProgramLalu.objects.filter(periode=randuagung).order_by("berlaku_mulai", "urutan")[0]
    before_report = build_tc24(riwayat_data(randuagung.pk))
    before = cells(before_report)
    type_cell(operator, "renstra_tc24", randuagung, f"anggaran_{program.pk}_2019", "324.038.000", "300.000.000,50")
    assert AnggaranLalu.objects.get(program_lalu=program, tahun=2019).anggaran == D("300000000.50")
    report = build_tc24(riwayat_data(randuagung.pk))
    after = cells(report)
    row = next(i for i, r in enumerate(report.rows) if r.cells.get("uraian") == program.uraian)
    a19, r19, q19 = "anggaran:2019", "realisasi:2019", "rasio:2019"
    assert after[(row, a19)] == D("300000000.50")
    assert after[(row, q19)] == after[(row, r19)] / D("300000000.50") != before[(row, q19)]
    changed_rows = {i for i, _ in diff(before, after)}
    assert changed_rows == {row, len(report.rows) - 1}  # the program and the Jumlah row, nothing else
    assert {j for i, j in diff(before, after) if i == row} == {
        a19, q19, "pertumbuhan:anggaran"}


@pytest.mark.parametrize("typed, message", [("-5.000", "tidak boleh negatif"), ("lima juta", "angka")])
def test_tc24_negative_or_text_rupiah_is_refused(operator, randuagung, typed, message):
    program = ProgramLalu.objects.filter(periode=randuagung).order_by("berlaku_mulai", "urutan")[0]
    data = page_data(operator, url("renstra_tc24", randuagung))
    data[f"uraian_{program.pk}"] = "Tidak tersimpan"
    data[f"anggaran_{program.pk}_2019"] = typed
    response = operator.post(url("renstra_tc24", randuagung), data)
    assert response.status_code == 200
    assert message in str(response.context["form"].errors[f"anggaran_{program.pk}_2019"])
    program.refresh_from_db()
    assert program.uraian != "Tidak tersimpan"
    assert AnggaranLalu.objects.get(program_lalu=program, tahun=2019).anggaran == D("324038000")


def test_tc24_duplicate_urutan_is_refused_and_rows_can_swap(operator, randuagung):
    a, b = ProgramLalu.objects.filter(periode=randuagung, berlaku_mulai=2019).order_by("urutan")[:2]
    page = url("renstra_tc24", randuagung)
    data = page_data(operator, page)
    data[f"urutan_{a.pk}"] = str(b.urutan)
    response = operator.post(page, data)
    assert "sudah dipakai" in str(response.context["form"].errors)
    data[f"urutan_{b.pk}"] = str(a.urutan)
    assert operator.post(page, data).status_code == 302
    a_urutan, b_urutan = a.urutan, b.urutan
    a.refresh_from_db(), b.refresh_from_db()
    assert (a.urutan, b.urutan) == (b_urutan, a_urutan)


def test_tc24_hapus_removes_the_program_with_its_amounts(operator, randuagung):
    program = ProgramLalu.objects.filter(periode=randuagung).first()
    data = page_data(operator, url("renstra_tc24", randuagung))
    data[f"hapus_{program.pk}"] = "on"
    assert operator.post(url("renstra_tc24", randuagung), data).status_code == 302
    assert not ProgramLalu.objects.filter(pk=program.pk).exists()
    assert not AnggaranLalu.objects.filter(program_lalu_id=program.pk).exists()


# --- lock, version, readers, scope -------------------------------------------------------------------


@pytest.mark.parametrize("name", ["renstra_tc23", "renstra_tc24", "renstra_strategi"])
def test_locked_renstra_is_read_only(operator, randuagung, name):
    data = page_data(operator, url(name, randuagung))
    Dokumen.objects.filter(periode=randuagung, jenis=Dokumen.Jenis.RENSTRA).update(status=Dokumen.Status.DIAJUKAN)
    response = operator.get(url(name, randuagung))
    assert response.status_code == 200 and b"hanya baca" in response.content
    assert all(f.disabled for n, f in response.context["form"].fields.items() if n != "versi")
    versi = renstra(randuagung).versi
    response = operator.post(url(name, randuagung), data, follow=True)
    assert "tidak dapat diubah" in response.content.decode()
    assert renstra(randuagung).versi == versi


def test_service_refuses_a_locked_renstra_too(randuagung):
    from kecamatan.renstra.grid import TC24
    from kecamatan.renstra.services_isian import save_grid

    user = user_with_role("op.uji", Peran.OPERATOR, randuagung.kecamatan)
    Dokumen.objects.filter(periode=randuagung, jenis=Dokumen.Jenis.RENSTRA).update(status=Dokumen.Status.DIVERIFIKASI)
    with pytest.raises(Exception, match="tidak dapat diubah"):
        save_grid(periode=randuagung, grid=TC24, rows=[], by=user, versi=renstra(randuagung).versi)


def test_stale_page_is_a_conflict(operator, randuagung):
    page = url("renstra_tc24", randuagung)
    data = page_data(operator, page)
    Dokumen.objects.filter(periode=randuagung, jenis=Dokumen.Jenis.RENSTRA).update(versi=99)
    program = ProgramLalu.objects.filter(periode=randuagung).first()
    data[f"uraian_{program.pk}"] = "Basi"
    response = operator.post(page, data)
    assert response.status_code == 200 and "TIDAK disimpan" in response.content.decode()
    program.refresh_from_db()
    assert program.uraian != "Basi"


def test_bappeda_reads_without_inputs_and_cannot_post(client, randuagung):
    client.force_login(user_with_role("bappeda.uji", Peran.VERIFIKATOR))
    response = client.get(url("renstra_tc24", randuagung))
    assert response.status_code == 200 and b"hanya baca" in response.content
    assert client.post(url("renstra_tc24", randuagung), {"versi": "1"}).status_code == 403


def test_another_kecamatan_gets_404(client, randuagung):
    client.force_login(user_with_role("op.lain", Peran.OPERATOR, KecamatanFactory(nama="Lain")))
    for name in ("renstra_tc23", "renstra_tc24", "renstra_strategi", "renstra_camat", "renstra_penandatangan"):
        assert client.get(url(name, randuagung)).status_code == 404
    camat = Camat.objects.filter(kecamatan=randuagung.kecamatan).first()
    assert client.get(url("renstra_camat_ubah", randuagung, camat.pk)).status_code == 404


# --- T-C.26 ------------------------------------------------------------------------------------------


def test_tc26_edit_add_link_and_remove(operator, randuagung):
    sasaran = Sasaran.objects.filter(tujuan__periode=randuagung, strategi__isnull=False).distinct().first()
    first, *_ = Strategi.objects.filter(sasaran=sasaran).order_by("urutan")
    page = url("renstra_strategi", randuagung)
    data = page_data(operator, page)
    data[f"strategi_{first.pk}"] = "Strategi yang diperbaiki"
    data[f"strategi_baru_{sasaran.pk}"] = "Strategi tambahan"
    data[f"arah_baru_{sasaran.pk}"] = "Arah tambahan"
    data[f"arah_baru_{sasaran.pk}_strategi"] = [str(first.pk)]
    assert operator.post(page, data).status_code == 302
    report = build_tc26(strategi_data(randuagung.pk))
    texts = {c for row in report.rows for c in row.cells.values() if isinstance(c, str)}
    for typed in ("Strategi yang diperbaiki", "Strategi tambahan", "Arah tambahan"):
        assert any(typed in t for t in texts), typed
    assert not any(first.uraian in t for t in texts)
    arah = ArahKebijakan.objects.get(uraian="Arah tambahan")
    assert list(arah.strategi.values_list("pk", flat=True)) == [first.pk]
    assert Strategi.objects.get(uraian="Strategi tambahan").urutan == Strategi.objects.filter(sasaran=sasaran).count()

    data = page_data(operator, page)
    data[f"hapus_strategi_{first.pk}"] = "on"
    assert operator.post(page, data).status_code == 302
    assert list(Strategi.objects.filter(sasaran=sasaran).order_by("urutan").values_list("urutan", flat=True)) == \
        list(range(1, Strategi.objects.filter(sasaran=sasaran).count() + 1))
    assert not arah.strategi.exists()


def test_tc26_blank_text_is_refused(operator, randuagung):
    strategi = Strategi.objects.filter(sasaran__tujuan__periode=randuagung).first()
    data = page_data(operator, url("renstra_strategi", randuagung))
    data[f"strategi_{strategi.pk}"] = "  "
    response = operator.post(url("renstra_strategi", randuagung), data)
    assert "centang hapus" in str(response.context["form"].errors[f"strategi_{strategi.pk}"])
    strategi.refresh_from_db()
    assert strategi.uraian.strip()


# --- Camat and the Renstra's signatory ---------------------------------------------------------------


def test_camat_nip_of_17_digits_is_refused_at_the_field(operator, randuagung):
    n = Camat.objects.count()
    response = operator.post(url("renstra_camat", randuagung), {"nama": "Drs. BARU", "nip": "19700101 199503 1 00"})
    assert response.status_code == 200
    assert "NIP harus 18 angka; yang tertulis 17 angka." in str(response.context["form"].errors["nip"])
    assert Camat.objects.count() == n


def test_camat_added_with_spaced_nip_and_chosen_as_renstra_signatory(operator, randuagung):
    response = operator.post(url("renstra_camat", randuagung), {
        "nama": "Drs. BARU", "pangkat": "Pembina", "golongan": "IV/a", "nip": "19700101 199503 1 002",
        "mulai": "2025-01-02"})
    assert response.status_code == 302
    camat = Camat.objects.get(nama="Drs. BARU")
    assert camat.nip_cetak == "19700101 199503 1 002"
    data = page_data(operator, url("renstra_penandatangan", randuagung))
    data["camat"] = str(camat.pk)
    versi = renstra(randuagung).versi
    assert operator.post(url("renstra_penandatangan", randuagung), data).status_code == 302
    assert renstra(randuagung).camat == camat and renstra(randuagung).versi == versi + 1
    assert riwayat_data(randuagung.pk).penandatangan.nama == "Drs. BARU"


def test_camat_signing_a_locked_document_keeps_name_and_nip(operator, randuagung):
    camat = renstra(randuagung).camat
    Dokumen.objects.filter(periode=randuagung, jenis=Dokumen.Jenis.RENSTRA).update(status=Dokumen.Status.DIVERIFIKASI)
    data = page_data(operator, url("renstra_camat_ubah", randuagung, camat.pk))
    data["nip"] = "19650905 199003 1 008"
    response = operator.post(url("renstra_camat_ubah", randuagung, camat.pk), data)
    assert response.status_code == 200 and "tidak dapat diubah" in response.content.decode()
    camat.refresh_from_db()
    assert camat.nip.endswith("009")
    assert operator.get(url("renstra_penandatangan", randuagung)).status_code == 302  # locked: back to the Renstra


def test_camat_of_another_kecamatan_is_404(operator, randuagung):
    other = CamatFactory(kecamatan=KecamatanFactory(nama="Lain"))
    assert operator.get(url("renstra_camat_ubah", randuagung, other.pk)).status_code == 404


# --- bounded queries -----------------------------------------------------------------------------------


@pytest.mark.parametrize("n", [1, 25])
def test_grid_and_strategi_pages_query_count_is_fixed(client, django_assert_num_queries, n):
    periode = PeriodeFactory()
    client.force_login(user_with_role(f"op{n}", Peran.OPERATOR, periode.kecamatan))
    tujuan = periode.tujuan.create(uraian="Tujuan")
    for i in range(1, n + 1):
        ind = IndikatorLaluFactory(periode=periode, urutan=i)
        CapaianLalu.objects.create(indikator_lalu=ind, tahun=2022, target=D(80), realisasi=D(81))
        program = ProgramLaluFactory(periode=periode, urutan=i)
        AnggaranLalu.objects.create(program_lalu=program, tahun=2022, anggaran=D(1000), realisasi=D(900))
        sasaran = Sasaran.objects.create(tujuan=tujuan, urutan=i, uraian=f"Sasaran {i}")
        s = Strategi.objects.create(sasaran=sasaran, urutan=1, uraian="Strategi")
        ArahKebijakan.objects.create(sasaran=sasaran, urutan=1, uraian="Arah").strategi.add(s)
        CamatFactory(kecamatan=periode.kecamatan, nip=f"1965090519900310{i % 10}{i % 10}"[:18])
    for name, queries in (("renstra_tc23", 7), ("renstra_tc24", 7), ("renstra_strategi", 9), ("renstra_camat", 7)):
        with django_assert_num_queries(queries):
            assert client.get(url(name, periode)).status_code == 200, name
