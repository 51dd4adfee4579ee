"""Typed totals in an uploaded template (issue 11): a number typed over one of the template's sums
is compared with that sum over the same file's values; each disagreement is listed in the preview.
Issue 8's rules stay as they are: a typed program or kegiatan pagu is still a row error."""

from decimal import Decimal as D

import pytest
from django.urls import reverse

from kecamatan.checks.jumlah import JumlahTertulis, parse_rumus
from kecamatan.models import SubKegiatan
from tests.importing.helpers import edit, find_row, operator, preview, template, workbook
from tests.importing.test_views import upload

pytestmark = pytest.mark.django_db


def rows(periode):
    subs = list(SubKegiatan.objects.filter(kegiatan__program__periode=periode).select_related("kegiatan__program")
                .order_by("nomenklatur__kode"))
    return subs, subs[0].kegiatan, subs[0].kegiatan.program


def test_the_template_as_downloaded_has_no_typed_total(kecil):
    assert preview(kecil, template(kecil)).jumlah_tertulis == []


def test_a_wrong_program_total_is_a_finding_beside_issue_8s_row_error(kecil):
    subs, kegiatan, program = rows(kecil)
    content = edit(template(kecil), "Pagu", {(f"program:{program.pk}", "Pagu 2024 (Rp)"): 5_000_000})
    found = preview(kecil, content)
    r = find_row(workbook(content)["Pagu"], f"program:{program.pk}")
    assert [str(e) for e in found.errors] == [f"Lembar Pagu · Baris {r}: Baris {program.kode} tidak untuk diisi; isi "
                                              "baris sub kegiatannya."]
    assert found.jumlah_tertulis == [JumlahTertulis("Pagu", r, "Pagu 2024 (Rp)", f"{program.kode} {program.nama}",
                                                    D(5_000_000), D(3000))]
    assert found.jumlah_tertulis[0].temuan("renstra").pesan == (
        f"Lembar Pagu baris {r}, kolom Pagu 2024 (Rp): jumlah diketik 5.000.000, padahal 3.000 menurut isian rinciannya "
        "di berkas ini (selisih 4.997.000). Aplikasi menjumlahkan sendiri; kembalikan rumusnya atau kosongkan sel itu.")


def test_a_right_total_typed_over_the_formula_is_no_finding(kecil):
    subs, kegiatan, program = rows(kecil)
    content = edit(template(kecil), "Pagu", {(f"kegiatan:{kegiatan.pk}", "Pagu 2025 (Rp)"): 3000,
                                             ("total", "Pagu 2026 (Rp)"): 3000})
    found = preview(kecil, content)
    assert found.jumlah_tertulis == [] and len(found.errors) == 2  # still issue 8's two row errors


def test_a_row_total_typed_over_its_sum_follows_the_files_own_values(kecil):
    subs, kegiatan, program = rows(kecil)
    content = edit(template(kecil), "Pagu", {
        (f"subkegiatan:{subs[0].pk}", "Pagu 2024 (Rp)"): "2.000",  # a change the file makes
        (f"subkegiatan:{subs[0].pk}", "Jumlah 2024-2026 (Rp)"): 3000,  # the old total, typed
        ("total", "Jumlah 2024-2026 (Rp)"): 9000,  # the JUMLAH of the three years, typed before the change
    })
    found = preview(kecil, content)
    assert found.errors == [] and len(found.changes) == 1  # the row totals are not input: no row error
    assert [(j.tempat.split()[0], j.tertulis, j.dihitung) for j in found.jumlah_tertulis] == [
        ("JUMLAH", D(9000), D(10000)), (subs[0].kode, D(3000), D(4000))]


def test_a_total_over_a_cell_that_cannot_be_read_cannot_be_computed(kecil):
    subs, kegiatan, program = rows(kecil)
    content = edit(template(kecil), "Pagu", {(f"subkegiatan:{subs[1].pk}", "Pagu 2024 (Rp)"): "1.2.3",
                                             (f"kegiatan:{kegiatan.pk}", "Pagu 2024 (Rp)"): 3000})
    found = preview(kecil, content)
    assert [(j.tertulis, j.dihitung) for j in found.jumlah_tertulis] == [(D(3000), None)]
    assert "tidak dapat dihitung (ada sel yang galat)" in found.jumlah_tertulis[0].temuan("renstra").pesan


def test_the_preview_page_lists_them(client, kecil):
    subs, kegiatan, program = rows(kecil)
    client.force_login(operator(kecil))
    url = reverse("kecamatan:impor", args=[kecil.pk, "renstra"])
    upload(client, url, edit(template(kecil), "Pagu", {(f"program:{program.pk}", "Pagu 2024 (Rp)"): 5_000_000}))
    html = client.get(url).content.decode()
    assert 'data-jumlah="jumlah-tertulis">1 jumlah tertulis tidak cocok' in html
    table = html[html.index('id="jumlah-tertulis"'):]
    assert ">5.000.000</td>" in table and ">3.000</td>" in table and ">4.997.000</td>" in table


@pytest.mark.parametrize("rumus, cells", [
    ("=SUM(E7:E9)", [("E", 7), ("E", 8), ("E", 9)]),
    ("=SUM(E5:G5)", [("E", 5), ("F", 5), ("G", 5)]),
    ("=E6+E9+AA10", [("E", 6), ("E", 9), ("AA", 10)]),
    ("=0", []),
])
def test_the_template_formulas_are_read(rumus, cells):
    assert parse_rumus(rumus) == cells


def test_other_formulas_are_refused():
    with pytest.raises(ValueError):
        parse_rumus("=E5*2")
