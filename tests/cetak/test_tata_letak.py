"""Layouts as data (issue 16): the annex by default, a variant when the admin kabupaten chooses it,
and a submitted document keeps the layouts it was submitted with."""


import pytest
from django.test import Client

from kecamatan.cetak.output import produce
from kecamatan.dokumen.services import transition
from kecamatan.models import Dokumen, Kabupaten, Peran, Periode, PilihanTataLetak
from kecamatan.renja.selectors import renja_data
from kecamatan.renja.tables.tc29 import build_tc29
from tests.factories import user_with_role
from tests.reports.helpers import pdf_pages

pytestmark = pytest.mark.django_db


@pytest.fixture
def senduro(demo) -> Periode:
    return Periode.objects.get(kecamatan__nama="Senduro", tahun_mulai=2024)


def _numbers(report):
    return [c.number for c in report.columns]


def test_senduro_tc29_pdf_prints_the_annex_eleven_columns_by_default_and_the_rupiah_layout_when_chosen(senduro):
    text = "\n".join(pdf_pages(produce("tc29", periode_id=senduro.pk, tahun=2024, fmt="pdf").content))
    for number in ("8=(7/6)", "10=(5+7+9)", "11=(10/4)"):
        assert number in text
    assert "14=(13/12)" not in text and "Anggaran Tahun 2022" not in text  # no 12th column
    assert "115%" in text  # 7.01.02 column 8: 99 / 86, whole percent as the seed prints it
    PilihanTataLetak.objects.create(kabupaten=senduro.kecamatan.kabupaten, tabel="tc29", tata_letak="rupiah")
    text = "\n".join(pdf_pages(produce("tc29", periode_id=senduro.pk, tahun=2024, fmt="pdf").content))
    assert "14=(13/12)" in text and "Anggaran Tahun 2022" in text and "115,12%" in text


def test_the_seed_renja_keeps_its_own_tc33_layout_and_totals_while_the_annex_is_the_default(senduro):
    data = renja_data(senduro.pk, 2024)
    assert data.tata_letak == {"tc30": "renstra", "tc32": "senduro", "tc33": "senduro"}  # taken over from paper
    own = produce("tc33", periode_id=senduro.pk, tahun=2024, fmt="html").content.decode()
    annex = produce("tc33", periode_id=senduro.pk, tahun=2024, fmt="html", options={"tata_letak": "lampiran"})
    annex = annex.content.decode()
    for html in (own, annex):
        assert "2.080.252.824" in html and "2.621.874.277" in html
    assert "Skala Prioritas" in own and "Skala Prioritas" not in annex


def _admin_client(username="adm"):
    client = Client()
    client.force_login(user_with_role(username, Peran.ADMIN))
    return client


def test_admin_chooses_a_layout_on_the_page_and_every_kecamatan_prints_it(senduro):
    client = _admin_client()
    page = client.get("/tata-letak/")
    assert page.status_code == 200 and "Lampiran: 11 kolom" in page.content.decode()
    sidik = page.context["form"].initial["sidik"]
    response = client.post("/tata-letak/", {"sidik": sidik, "tc29": "rupiah", "tc30": "lampiran", "tc32": "lampiran", "tc33": "lampiran"},
                           follow=True)
    assert "Tata letak disimpan (1 tabel berubah)" in response.content.decode()
    assert PilihanTataLetak.objects.get(tabel="tc29").tata_letak == "rupiah"
    assert len(build_tc29(renja_data(senduro.pk, 2024)).columns) == 15


def test_a_second_admin_saving_on_a_stale_page_is_refused_and_nothing_changes(senduro):
    first, second = _admin_client("adm1"), _admin_client("adm2")
    sidik = first.get("/tata-letak/").context["form"].initial["sidik"]
    assert second.get("/tata-letak/").context["form"].initial["sidik"] == sidik
    first.post("/tata-letak/", {"sidik": sidik, "tc29": "rupiah", "tc30": "lampiran", "tc32": "lampiran", "tc33": "lampiran"})
    response = second.post("/tata-letak/", {"sidik": sidik, "tc29": "lampiran-akhir-periode", "tc30": "renstra",
                                            "tc32": "senduro", "tc33": "lampiran"}, follow=True)
    assert "Pilihan TIDAK disimpan" in response.content.decode()
    assert dict(PilihanTataLetak.objects.values_list("tabel", "tata_letak")) == {
        "tc29": "rupiah", "tc30": "lampiran", "tc32": "lampiran", "tc33": "lampiran"}


def test_bappeda_sees_the_choice_but_cannot_change_it(senduro):
    client = Client()
    client.force_login(user_with_role("bappeda1", Peran.VERIFIKATOR))
    page = client.get("/tata-letak/")
    assert page.status_code == 200 and "Hanya admin kabupaten" in page.content.decode()
    sidik = page.context["form"].initial["sidik"]
    assert client.post("/tata-letak/", {"sidik": sidik, "tc29": "rupiah"}).status_code == 404
    assert not PilihanTataLetak.objects.exists()


def test_a_submitted_renja_keeps_its_layout_until_it_is_returned(senduro):
    kabupaten = Kabupaten.objects.get(pk=senduro.kecamatan.kabupaten_id)
    dokumen = Dokumen.objects.get(periode=senduro, jenis=Dokumen.Jenis.RENJA, tahun=2024)
    choice = PilihanTataLetak.objects.create(kabupaten=kabupaten, tabel="tc29", tata_letak="rupiah")
    transition(dokumen, None, "ajukan", Dokumen.Status.DIAJUKAN)
    dokumen.refresh_from_db()
    assert dokumen.tata_letak == {"tc29": "rupiah", "tc30": "renstra", "tc32": "senduro", "tc33": "senduro"}
    choice.tata_letak = "lampiran"
    choice.save()
    assert len(build_tc29(renja_data(senduro.pk, 2024)).columns) == 15  # as it was submitted
    transition(dokumen, None, "kembalikan", Dokumen.Status.DIKEMBALIKAN)
    assert len(build_tc29(renja_data(senduro.pk, 2024)).columns) == 11  # back to the kabupaten's choice


def test_a_table_left_without_a_choice_is_named_at_its_place_and_nothing_is_saved(senduro):
    client = _admin_client()
    sidik = client.get("/tata-letak/").context["form"].initial["sidik"]
    page = client.post("/tata-letak/", {"sidik": sidik, "tc29": "rupiah", "tc32": "lampiran", "tc33": "lampiran"})
    assert page.status_code == 200 and page.context["form"].errors["tc30"] == ["Bidang ini tidak boleh kosong."]
    assert "Bidang ini tidak boleh kosong." in page.content.decode()
    assert not PilihanTataLetak.objects.exists()
