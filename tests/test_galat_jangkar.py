"""Errors lead to their fields, a save returns to its row (issue 19): the error summary of the writing
pages (templates/kecamatan/_ringkasan_galat.html: the count and one link per field, to the field's id)
and the #anchor of the edited row in the redirect after a save, an id the page really has."""

import re

import pytest
from django import forms
from django.urls import reverse

from kecamatan.models import (
    Dokumen,
    Indikator,
    Peran,
    Program,
    ProgramLalu,
    Sasaran,
    SubKegiatan,
    Tujuan,
    UsulanPemangku,
)
from tests.factories import PeriodeFactory, ProgramLaluFactory, build_cascade, build_renja, user_with_role

pytestmark = pytest.mark.django_db


def summary(html: str) -> tuple[str, list[str], str]:
    """The summary's heading, the ids its links point to, and its text."""
    box = re.search(r'<div class="alert alert-danger ringkasan-galat[^"]*" id="ringkasan-galat".*?</ol>', html, re.DOTALL)
    assert box, "no error summary on the page"
    heading = re.sub(r"<[^>]+>", "", re.search(r"<h2.*?</h2>", box.group(), re.DOTALL).group())
    links = re.findall(r'<a class="alert-link" href="#([^"]+)" data-galat="\1">', box.group())
    return heading, links, re.sub(r"<[^>]+>", "", box.group())


def field_ids(html: str) -> set[str]:
    return set(re.findall(r'<(?:input|textarea|select)[^>]*\bid="([^"]+)"', html))


def post_data(form) -> dict:
    """What a browser sends back for the form as shown (its versi too, whatever the form carries)."""
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if isinstance(field, forms.BooleanField):
            if value:
                data[name] = "on"
        else:
            data[name] = "" if value is None else str(value)
    return data


@pytest.fixture
def periode(client):
    periode = PeriodeFactory()
    client.force_login(user_with_role("op.galat", Peran.OPERATOR, periode.kecamatan))
    return periode


def realisasi_post(periode, values: dict) -> dict:
    doc = Dokumen.objects.filter(periode=periode, jenis="realisasi", tahun=2024, triwulan=1).first()
    data = {"versi": str(doc.versi if doc else 0)}
    for ind in Indikator.objects.filter(periode=periode):
        data[f"nilai_{ind.pk}"] = data[f"keterangan_{ind.pk}"] = ""
    for sub in SubKegiatan.objects.filter(kegiatan__program__periode=periode):
        data[f"rp_{sub.pk}"] = ""
    return data | values


def test_triwulan_grid_counts_its_errors_and_links_each_to_its_field(client, periode):
    build_cascade(periode, n_sub=3)
    ind = Indikator.objects.filter(periode=periode, subkegiatan__isnull=False).order_by("pk")[1]
    sub = SubKegiatan.objects.filter(kegiatan__program__periode=periode).order_by("pk")[2]
    url = reverse("kecamatan:realisasi", args=[periode.pk, 2024, 1])
    html = client.post(url, realisasi_post(periode, {f"nilai_{ind.pk}": "1.5", f"rp_{sub.pk}": "-1.000"})).content.decode()
    heading, links, text = summary(html)
    assert heading.strip() == "2 isian perlu diperbaiki"
    assert links == [f"id_nilai_{ind.pk}", f"id_rp_{sub.pk}"]
    assert set(links) <= field_ids(html)  # each link lands on a field of the page
    assert f"Realisasi: {ind.uraian}" in text and "meragukan" in text  # which row, and what is wrong
    assert "Realisasi Rp tidak boleh negatif." in text
    # a page without errors has no summary
    assert 'id="ringkasan-galat"' not in client.get(url).content.decode()


def test_indicator_form_has_a_summary_too(client, periode):
    sasaran = Sasaran.objects.create(tujuan=Tujuan.objects.create(periode=periode, uraian="T"), uraian="S")
    data = {"versi": 0, "urutan": 1, "uraian": "", "satuan": "Persen", "polaritas": "positif", "aturan_akhir": "",
            "formula": "", "penjelasan": "", "sumber_data": "", "penanggung_jawab": "", "kondisi_awal_teks": "",
            **{f"target_{t}": "" for t in periode.tahun_list}, "target_2025": "1.5"}
    html = client.post(reverse("kecamatan:indikator_tambah", args=["sasaran", sasaran.pk]), data).content.decode()
    heading, links, _ = summary(html)
    assert heading.strip() == "2 isian perlu diperbaiki"
    assert links == ["id_uraian", "id_target_2025"]
    assert set(links) <= field_ids(html)
    assert not Indikator.objects.exists()


def test_triwulan_save_returns_to_the_last_row_changed(client, periode):
    build_cascade(periode, n_sub=3)
    ind = Indikator.objects.filter(periode=periode, subkegiatan__isnull=False).order_by("pk")[0]
    sub = SubKegiatan.objects.filter(kegiatan__program__periode=periode).order_by("pk")[1]
    url = reverse("kecamatan:realisasi", args=[periode.pk, 2024, 1])
    response = client.post(url, realisasi_post(periode, {f"nilai_{ind.pk}": "1,5", f"rp_{sub.pk}": "250"}))
    assert response.status_code == 302 and response["Location"] == f"{url}#subkegiatan-{sub.pk}"
    page = client.get(url).content.decode()
    assert f'id="subkegiatan-{sub.pk}"' in page and f'id="indikator-{ind.pk}"' in page
    # saved again with only the indicator's keterangan changed: back to that indicator, not the bottom
    data = realisasi_post(periode, {f"nilai_{ind.pk}": "1,5", f"rp_{sub.pk}": "250", f"keterangan_{ind.pk}": "x"})
    assert client.post(url, data)["Location"] == f"{url}#indikator-{ind.pk}"


def test_cascade_saves_return_to_their_row(client, periode):
    build_cascade(periode, n_sub=1)
    program = Program.objects.get(periode=periode)
    susun = reverse("kecamatan:renstra_susun", args=[periode.pk])
    edit = reverse("kecamatan:program_ubah", args=[program.pk])
    data = post_data(client.get(edit).context["form"]) | {"nama": "Program yang diubah"}
    response = client.post(edit, data)
    assert response.status_code == 302 and response["Location"] == f"{susun}#program-{program.pk}"
    sasaran = Sasaran.objects.create(tujuan=Tujuan.objects.create(periode=periode, uraian="T"), uraian="S")
    tambah = reverse("kecamatan:indikator_tambah", args=["sasaran", sasaran.pk])
    data = post_data(client.get(tambah).context["form"]) | {"uraian": "Indeks baru", "satuan": "Indeks",
                                                            "polaritas": "positif"}
    response = client.post(tambah, data)
    ind = Indikator.objects.get(sasaran=sasaran)
    assert response.status_code == 302 and response["Location"] == f"{susun}#indikator-{ind.pk}"
    page = client.get(susun).content.decode()
    assert f'id="program-{program.pk}"' in page and f'id="indikator-{ind.pk}"' in page
    assert f'id="sasaran-{sasaran.pk}"' in page


def test_renstra_history_grid_save_returns_to_its_row(client, periode):
    row = ProgramLaluFactory(periode=periode)
    url = reverse("kecamatan:renstra_tc24", args=[periode.pk])
    data = post_data(client.get(url).context["form"])
    cell = f"anggaran_{row.pk}_{row.berlaku_sampai}"
    assert cell in data
    response = client.post(url, data | {cell: "1.267.300.839.000"})
    assert response.status_code == 302, response.context["form"].errors
    assert response["Location"] == f"{url}#baris-{row.pk}"
    page = client.get(url).content.decode()
    assert f'id="baris-{row.pk}"' in page and 'value="1.267.300.839.000"' in page
    assert ProgramLalu.objects.get().pk == row.pk


def test_renja_row_saves_return_to_their_row(client, periode):
    build_renja(periode, n_sub=1)
    usulan = UsulanPemangku.objects.get()
    edit = reverse("kecamatan:renja_usulan_ubah", args=[periode.pk, 2024, usulan.pk])
    response = client.post(edit, post_data(client.get(edit).context["form"]) | {"pengusul": "Desa Uji"})
    back = reverse("kecamatan:renja_usulan", args=[periode.pk, 2024])
    assert response.status_code == 302 and response["Location"] == f"{back}#usulan-{usulan.pk}"
    assert f'id="usulan-{usulan.pk}"' in client.get(back).content.decode()


def test_renstra_history_grid_summary_names_the_row(client, periode):
    rows = [ProgramLaluFactory(periode=periode) for _ in range(2)]
    url = reverse("kecamatan:renstra_tc24", args=[periode.pk])
    data = post_data(client.get(url).context["form"])
    bad = {f"anggaran_{row.pk}_{row.berlaku_sampai}": "-5" for row in rows}
    html = client.post(url, data | bad).content.decode()
    heading, links, text = summary(html)
    assert heading.strip() == "2 isian perlu diperbaiki"
    assert links == [f"id_{name}" for name in bad] and set(links) <= field_ids(html)
    for row in rows:  # the same column twice: each link says its row
        assert f"Anggaran {row.berlaku_sampai}: {row.uraian}" in text
