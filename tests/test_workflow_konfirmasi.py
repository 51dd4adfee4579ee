"""Roles said plainly (issue 19): every workflow button asks for a confirmation showing the document
and the checker's counts before it acts; the Camat can withdraw a submission Bappeda has not opened;
whoever cannot act is told who can."""

import re
from decimal import Decimal as D

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from kecamatan.core.formatting import Nilai
from kecamatan.dokumen import services as dokumen_services
from kecamatan.models import Dokumen, HasilPeriksa, Indikator, Peran, Riwayat, SubKegiatan
from kecamatan.realisasi import services as realisasi_services
from kecamatan.workflow import services as workflow_services
from tests.factories import PeriodeFactory, build_cascade, user_with_role

pytestmark = pytest.mark.django_db

KUNCI = "realisasi-2024-1"
HANYA_CAMAT = "Hanya Camat yang dapat mengajukan dokumen ini. Beri tahu Camat bila isian sudah lengkap."


@pytest.fixture
def team():
    periode = PeriodeFactory()
    build_cascade(periode, n_sub=2)
    realisasi_services.save_realisasi_triwulan(
        periode=periode, tahun=2024, triwulan=1, versi=0, anggaran={},
        indikator={i.pk: (Nilai(D(2)), "") for i in Indikator.objects.filter(periode=periode)},
        by=user_with_role("op", Peran.OPERATOR, periode.kecamatan),
    )
    return {
        "periode": periode,
        "operator": user_with_role("op2", Peran.OPERATOR, periode.kecamatan),
        "camat": user_with_role("camat", Peran.CAMAT, periode.kecamatan),
        "bappeda": user_with_role("bappeda", Peran.VERIFIKATOR),
        "admin": user_with_role("adm", Peran.ADMIN),
    }


def dokumen():
    return Dokumen.objects.get(jenis="realisasi", tahun=2024, triwulan=1)


def ajukan(team):
    return workflow_services.ajukan_dokumen(periode=team["periode"], kunci=KUNCI, by=team["camat"])


def url(team, name, kunci=KUNCI):
    return reverse(f"kecamatan:{name}", args=[team["periode"].pk, kunci])


def page(team, client):
    return client.get(reverse("kecamatan:realisasi", args=[team["periode"].pk, 2024, 1])).content.decode()


# --- withdraw (services) ------------------------------------------------------------------------


def test_the_camat_withdraws_a_submission_bappeda_has_not_opened(team):
    ajukan(team)
    workflow_services.tarik_dokumen(periode=team["periode"], kunci=KUNCI, by=team["camat"], versi=1)
    assert dokumen().status == "draft"
    tarik = Riwayat.objects.get(aksi="tarik")
    assert (tarik.dari_status, tarik.ke_status, tarik.oleh.username) == ("diajukan", "draft", "camat")
    assert tarik.catatan == "Pengajuan ditarik Camat sebelum dibuka Bappeda."
    ajukan(team)  # and submits again
    assert dokumen().status == "diajukan"


def test_once_bappeda_opened_it_the_submission_cannot_be_withdrawn(team, client):
    ajukan(team)
    client.force_login(team["bappeda"])
    client.get(url(team, "dokumen"))  # Bappeda opens the document's page
    opened = dokumen().dibuka_bappeda
    assert opened is not None
    with pytest.raises(ValidationError, match="tidak dapat ditarik lagi: Bappeda sudah membukanya pada "
                                              r"\d+ \w+ 2\d{3} pukul \d\d\.\d\d\. Bila ada yang perlu"):
        workflow_services.tarik_dokumen(periode=team["periode"], kunci=KUNCI, by=team["camat"])
    assert dokumen().status == "diajukan" and not Riwayat.objects.filter(aksi="tarik").exists()
    client.get(url(team, "dokumen"))
    assert dokumen().dibuka_bappeda == opened  # the first opening counts
    # returned and submitted again: a new submission, not opened yet, can be withdrawn
    workflow_services.kembalikan_dokumen(periode=team["periode"], kunci=KUNCI, by=team["bappeda"], catatan="Cek")
    realisasi_services.save_realisasi_triwulan(periode=team["periode"], tahun=2024, triwulan=1, versi=1,
                                               indikator={}, anggaran={}, by=team["operator"])
    ajukan(team)
    assert dokumen().dibuka_bappeda is None
    workflow_services.tarik_dokumen(periode=team["periode"], kunci=KUNCI, by=team["camat"])
    assert dokumen().status == "draft"


def test_opening_is_recorded_only_for_bappeda_and_a_submitted_document(team, client):
    for who in ("operator", "camat", "admin"):
        client.force_login(team[who])
        page(team, client)
    assert dokumen().dibuka_bappeda is None  # a draft, and nobody from Bappeda
    ajukan(team)
    for who in ("operator", "camat", "admin"):
        client.force_login(team[who])
        page(team, client)
        client.get(url(team, "dokumen"))
    assert dokumen().dibuka_bappeda is None
    client.force_login(team["bappeda"])
    page(team, client)  # the triwulan page is where Bappeda reviews a realisasi
    assert dokumen().dibuka_bappeda is not None


@pytest.mark.parametrize("who", ["operator", "bappeda", "admin"])
def test_only_the_camat_withdraws(team, who):
    ajukan(team)
    with pytest.raises(PermissionDenied):
        workflow_services.tarik_dokumen(periode=team["periode"], kunci=KUNCI, by=team[who])
    assert dokumen().status == "diajukan"


def test_only_a_submitted_document_is_withdrawn(team):
    with pytest.raises(ValidationError, match="Hanya dokumen berstatus Diajukan yang dapat ditarik"):
        workflow_services.tarik_dokumen(periode=team["periode"], kunci=KUNCI, by=team["camat"])
    assert dokumen().status == "draft"


def test_an_action_confirmed_on_an_older_versi_is_refused(team):
    with pytest.raises(workflow_services.VersiBerubah, match=r"versi 0 → 1"):
        workflow_services.ajukan_dokumen(periode=team["periode"], kunci=KUNCI, by=team["camat"], versi=0)
    assert dokumen().status == "draft"
    workflow_services.ajukan_dokumen(periode=team["periode"], kunci=KUNCI, by=team["camat"], versi=1)
    assert dokumen().status == "diajukan"


def test_opening_cannot_race_a_withdrawal(team):
    """The mark is conditional on the row's status: a withdrawn document is not marked opened."""
    ajukan(team)
    stale = dokumen()
    workflow_services.tarik_dokumen(periode=team["periode"], kunci=KUNCI, by=team["camat"])
    dokumen_services.tandai_dibuka_bappeda(stale, team["bappeda"])
    assert dokumen().dibuka_bappeda is None


# --- the confirmation step (views) --------------------------------------------------------------


def _first_step(team, name):
    """Bring the document to the state where `name` is allowed; who presses it; its form data."""
    if name == "ajukan":
        return "camat", {}
    ajukan(team)
    if name == "tarik":
        return "camat", {}
    sub = SubKegiatan.objects.filter(kegiatan__program__periode=team["periode"]).first()
    if name == "kembalikan":
        return "bappeda", {"catatan": "Lampirkan bukti", f"catatan_s_{sub.pk}": "Rp belum diisi"}
    return "bappeda", {}


@pytest.mark.parametrize("name", ["ajukan", "tarik", "verifikasi", "kembalikan"])
def test_a_post_without_confirmation_changes_nothing_and_shows_the_counts(team, client, name):
    who, data = _first_step(team, name)
    before = (dokumen().status, Riwayat.objects.count())
    client.force_login(team[who])
    response = client.post(url(team, name), {**data, "next": "/beranda-asal/"})
    assert response.status_code == 200
    assert (dokumen().status, Riwayat.objects.count()) == before
    html = response.content.decode()
    stored = HasilPeriksa.objects.get(periode=team["periode"], tahun=2024).per_dokumen[KUNCI]
    counts = re.search(r'id="konfirmasi-periksa">.*?data-galat="(\d+)" data-peringatan="(\d+)"', html, re.S)
    assert counts.groups() == (str(stored["galat"]), str(stored["peringatan"]))
    assert f"{stored['galat']} galat, {stored['peringatan']} peringatan" in html
    assert 'name="konfirmasi" value="1"' in html and f'name="versi" value="{dokumen().versi}"' in html
    assert 'name="next" value="/beranda-asal/"' in html
    form = response.context
    confirmed = client.post(url(team, name), {**data, **dict(form["hidden"]), "next": form["back"],
                                              "konfirmasi": "1", "versi": dokumen().versi})
    assert confirmed.status_code == 302 and confirmed["Location"] == "/beranda-asal/"
    assert dokumen().status == {"ajukan": "diajukan", "tarik": "draft", "verifikasi": "diverifikasi",
                                "kembalikan": "dikembalikan"}[name]


def test_the_return_confirmation_shows_and_carries_the_notes(team, client):
    who, data = _first_step(team, "kembalikan")
    client.force_login(team[who])
    html = client.post(url(team, "kembalikan"), data).content.decode()
    sub = SubKegiatan.objects.filter(kegiatan__program__periode=team["periode"]).first()
    assert "Lampirkan bukti" in html and f"{sub.nomenklatur.kode} {sub.nama}: <em>Rp belum diisi</em>" in html
    assert f'name="catatan_s_{sub.pk}" value="Rp belum diisi"' in html
    assert dokumen().dibuka_bappeda is not None  # deciding on it is opening it


def test_a_confirmation_of_an_older_versi_is_shown_again_with_the_current_document(team, client):
    client.force_login(team["camat"])
    response = client.post(url(team, "ajukan"), {"konfirmasi": "1", "versi": 0})
    html = response.content.decode()
    assert response.status_code == 200 and "sudah disimpan lagi (versi 0 → 1)" in html
    assert 'name="versi" value="1"' in html and 'id="versi-berubah"' in html
    assert dokumen().status == "draft"


def test_a_refused_action_goes_back_with_the_reason_without_a_confirmation(team, client):
    client.force_login(team["camat"])
    response = client.post(url(team, "tarik"), {"next": "/asal/"}, follow=False)
    assert response.status_code == 302 and response["Location"] == "/asal/"
    ajukan(team)
    client.force_login(team["bappeda"])
    client.get(url(team, "dokumen"))
    client.force_login(team["camat"])
    response = client.post(url(team, "tarik"), follow=True)
    assert "tidak dapat ditarik lagi: Bappeda sudah membukanya" in response.content.decode()
    assert dokumen().status == "diajukan"


# --- who is told what ---------------------------------------------------------------------------


def test_the_operator_sees_who_submits_instead_of_a_button(team, client):
    client.force_login(team["operator"])
    for html in (page(team, client), client.get(url(team, "dokumen")).content.decode()):
        assert HANYA_CAMAT in html and "Ajukan ke Bappeda" not in html
        assert url(team, "ajukan") not in html
    client.force_login(team["camat"])
    html = page(team, client)
    assert "Ajukan ke Bappeda" in html and "Hanya Camat yang dapat" not in html
    client.force_login(team["bappeda"])
    html = page(team, client)
    assert "Hanya Camat yang dapat mengajukan dokumen ini." in html and "Beri tahu Camat" not in html


def test_while_submitted_each_role_is_told_who_acts(team, client):
    ajukan(team)
    client.force_login(team["operator"])
    html = page(team, client)
    assert "hanya verifikator Bappeda yang dapat memverifikasi atau mengembalikan dokumen ini" in html
    assert "minta Camat menarik pengajuan" in html and url(team, "tarik") not in html
    assert url(team, "verifikasi") not in html
    client.force_login(team["camat"])
    html = page(team, client)
    assert "Anda masih dapat menarik pengajuan" in html and "Tarik pengajuan</button>" in html
    client.force_login(team["bappeda"])
    html = page(team, client)
    assert "Verifikasi</button>" in html and "Tarik pengajuan" not in html and "menarik pengajuan" not in html
    client.force_login(team["camat"])
    html = page(team, client)
    assert "Bappeda membukanya pada" in html and "tidak dapat ditarik lagi" in html
    assert "Tarik pengajuan</button>" not in html


def test_after_a_return_the_operator_is_told_the_camat_submits_again(team, client):
    ajukan(team)
    workflow_services.kembalikan_dokumen(periode=team["periode"], kunci=KUNCI, by=team["bappeda"], catatan="Cek")
    client.force_login(team["operator"])
    html = page(team, client)
    assert "Perbaiki sesuai catatan Bappeda, lalu simpan." in html
    assert "hanya Camat yang dapat mengajukannya lagi" in html and "Ajukan ke Bappeda" not in html
