"""The Panduan (issue 19): each role's guide, the others a tab away; help texts on the fields whose
meaning is not obvious (polaritas, nilai akhir periode, tahap pagu …)."""

import html

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from kecamatan.core import bantuan
from kecamatan.models import Indikator, SubKegiatan
from kecamatan.renstra.forms import IndikatorForm

pytestmark = pytest.mark.django_db

PANDUAN = {  # user → (heading of their own guide, a sentence only that guide has)
    "operator.randuagung": ("Tugas Operator kecamatan", "tidak dapat mengajukan</strong> dokumen ke Bappeda"),
    "camat.randuagung": ("Tugas Camat", "satu-satunya yang mengajukan</strong>"),
    "bappeda": ("Tugas Verifikator Bappeda", "Kembalikan dengan catatan</strong>"),
    "admin": ("Tugas Admin kabupaten", "Akun terkunci</strong>"),
}


def page(client, username, url):
    client.force_login(User.objects.get(username=username))
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.mark.parametrize("username", PANDUAN)
def test_each_role_gets_its_own_guide_and_the_others_as_tabs(demo, client, username):
    text = page(client, username, reverse("kecamatan:panduan"))
    judul, khas = PANDUAN[username]
    assert judul in text and khas in text
    others = [khas_lain for u, (_, khas_lain) in PANDUAN.items() if u != username]
    assert not any(k in text for k in others)
    for peran in ("operator", "camat", "verifikator", "admin"):
        assert f'href="{reverse("kecamatan:panduan_peran", args=(peran,))}"' in text
    for bagian in ("siklus", "status", "tenggat", "menyimpan", "mencetak", "istilah"):
        assert f'id="{bagian}"' in text
    # the kabupaten's own deadlines and the meaning of each status
    assert "Realisasi triwulan: 15 hari setelah triwulan berakhir" in text
    assert "Renja tahun N: 30 Juni tahun N-1" in text
    assert "Buang isian saya dan muat ulang data terbaru" in text and "Dikembalikan</dt>" in text


def test_another_roles_guide_and_an_unknown_one(demo, client):
    text = page(client, "operator.randuagung", reverse("kecamatan:panduan_peran", args=("verifikator",)))
    assert "Tugas Verifikator Bappeda" in text and "(Anda)" in text  # the operator's own tab stays marked
    assert client.get("/panduan/bupati/").status_code == 404


def test_glossary_says_what_the_forms_say(demo, client):
    text = html.unescape(page(client, "bappeda", reverse("kecamatan:panduan")))
    for teks in (bantuan.POLARITAS, bantuan.ATURAN_AKHIR, bantuan.KONDISI_AWAL, *bantuan.TAHAP_PAGU.values()):
        assert teks in text


def test_indicator_form_explains_polaritas_aturan_akhir_satuan_formula_baseline():
    form = IndikatorForm(tahun_list=[2024, 2025])
    assert form.fields["polaritas"].help_text == bantuan.POLARITAS
    assert form.fields["aturan_akhir"].help_text == bantuan.ATURAN_AKHIR
    assert form.fields["satuan"].help_text == bantuan.SATUAN
    assert form.fields["formula"].help_text == bantuan.FORMULA
    assert form.fields["kondisi_awal_teks"].help_text == bantuan.KONDISI_AWAL
    # what they say: both capaian formulas, the three end-of-period rules and the default
    assert "realisasi ÷ target × 100%" in bantuan.POLARITAS and "(target − (realisasi − target))" in bantuan.POLARITAS
    for rule in ("Jumlah seluruh tahun", "Nilai tahun terakhir", "Rata-rata tahun", "Kosongkan untuk bawaan"):
        assert rule in bantuan.ATURAN_AKHIR


def test_indicator_and_pagu_pages_show_the_help(demo, client):
    ind = Indikator.objects.filter(periode__kecamatan__nama="Randuagung").first()
    text = html.unescape(page(client, "operator.randuagung", reverse("kecamatan:indikator_ubah", args=(ind.pk,))))
    for teks in (bantuan.POLARITAS, bantuan.ATURAN_AKHIR, bantuan.SATUAN, bantuan.KONDISI_AWAL):
        assert teks in text
    sub = SubKegiatan.objects.filter(kegiatan__program__periode__kecamatan__nama="Randuagung").first()
    text = html.unescape(page(client, "operator.randuagung", reverse("kecamatan:pagu", args=(sub.pk,))))
    assert 'id="keterangan-tahap"' in text
    for teks in bantuan.TAHAP_PAGU.values():
        assert teks in text
