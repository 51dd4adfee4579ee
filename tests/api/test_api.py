"""The API (issue 20) on the demo: its OpenAPI document, tokens and their scope, the official tables
as data (the same decimals as the workbook) and the triwulan write through the grid's service."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.contrib.staticfiles import finders
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from kecamatan import models as m
from kecamatan.api import tokens
from kecamatan.cetak.output import produce
from tests.reports.demo_once import demo_once  # noqa: F401 (module-scoped demo)
from tests.reports.helpers import xlsx_rows

pytestmark = pytest.mark.django_db
TC27_TOTALS = [Decimal(1916486189), Decimal(2351113139), Decimal(2254684419), Decimal(6522283747)]


def _user(username):
    return get_user_model().objects.get(username=username)


def _token(username, **extra) -> str:
    _, rahasia = tokens.buat_token(_user(username), "uji", 30)
    if extra:
        m.TokenApi.objects.filter(hash=m.token.hash_token(rahasia)).update(**extra)
    return rahasia


def _api(token: str) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Bearer {token}")


def _periode(slug: str) -> m.Periode:
    return m.Periode.objects.get(kecamatan__slug=slug, tahun_mulai=2024)


@pytest.fixture
def randuagung(demo_once):
    return _periode("randuagung")


@pytest.fixture
def senduro(demo_once):
    return _periode("senduro")


def test_openapi_document_validates_and_the_docs_are_served_locally(demo_once):
    response = Client().get("/api/openapi.json")
    assert response.status_code == 200
    doc = json.loads(response.content)
    assert doc["openapi"].startswith("3.")
    assert len(doc["paths"]) >= 13
    for path, operations in doc["paths"].items():
        for method, op in operations.items():
            assert op["responses"], f"{method.upper()} {path} has no responses"
            assert op.get("security"), f"{method.upper()} {path} is open to anyone"
    post = doc["paths"]["/api/periode/{pk}/realisasi/{tahun}/{triwulan}/"]["post"]
    assert {"200", "403", "409", "422"} <= set(post["responses"])
    assert [next(iter(s)) for s in post["security"]] == ["TokenBearer"]  # writes: a token only, never the session
    docs = Client().get("/api/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle." in docs and "http://" not in docs and "https://" not in docs
    for name in ("ninja/swagger-ui-bundle.js", "ninja/swagger-ui.css", "ninja/swagger-ui-init.js"):
        assert finders.find(name), f"{name} is not found by collectstatic"


def test_tc27_of_randuagung_carries_the_same_decimals_as_the_workbook(randuagung):
    response = _api(_token("operator.randuagung")).get(f"/api/periode/{randuagung.pk}/tabel/tc27/")
    assert response.status_code == 200
    body = response.json()
    report = body["reports"][0]
    assert report["code"] == "T-C.27" and body["tata_letak"] is None
    rupiah = [c["key"] for c in report["columns"] if c["kind"] == "rupiah"]
    total = next(r for r in report["rows"] if any("Unsur Kewilayahan" in str(v) for v in r["cells"].values()))
    figures = [total["cells"][k] for k in rupiah if k in total["cells"]]
    assert figures == [str(n) for n in TC27_TOTALS]  # decimal strings, exact
    workbook = next(r for r in xlsx_rows(produce("tc27", periode_id=randuagung.pk, tahun=None, fmt="xlsx").content)
                    if "Unsur Kewilayahan" in r)
    assert [Decimal(f) for f in figures] == [Decimal(v) for v in workbook if isinstance(v, (int, float))]


def test_tc33_of_senduro_by_api_with_its_layout(senduro):
    client = _api(_token("operator.senduro"))
    body = client.get(f"/api/periode/{senduro.pk}/tabel/tc33/", {"tahun": 2024}).json()
    report = body["reports"][0]
    col = {c["number"]: c["key"] for c in report["columns"]}
    total = next(r for r in report["rows"] if r["key"] == "TOTAL PAGU")
    assert (total["cells"][col["8"]], total["cells"][col["12"]]) == ("2080252824", "2621874277")
    assert body["tata_letak"]  # the layout it printed in, by name
    tables = {t["name"]: t for t in client.get("/api/tabel/").json()}
    assert body["tata_letak"] in tables["tc33"]["options"]["tata_letak"]
    wrong = client.get(f"/api/periode/{senduro.pk}/tabel/tc33/", {"tahun": 2024, "tata_letak": "tidak-ada"})
    assert wrong.status_code == 422 and "tidak dikenal" in wrong.json()["detail"]


def test_a_senduro_token_reads_nothing_of_randuagung(randuagung, senduro):
    client = _api(_token("operator.senduro"))
    base = f"/api/periode/{randuagung.pk}"
    for url in (f"{base}/", f"{base}/tabel/tc27/", f"{base}/realisasi/2024/1/", f"{base}/indikator/",
                f"{base}/subkegiatan/", f"{base}/cascade/", f"{base}/dokumen/", f"{base}/dokumen/renstra/",
                f"/api/kecamatan/{randuagung.kecamatan_id}/"):
        assert client.get(url).status_code == 404, url
    post = client.post(f"{base}/realisasi/2024/1/", {"versi": 0}, content_type="application/json")
    assert post.status_code == 404
    assert [p["id"] for p in client.get("/api/periode/").json()["items"]] == [senduro.pk]
    assert [k["nama"] for k in client.get("/api/kecamatan/").json()["items"]] == ["Senduro"]
    # Bappeda sees both, like on the pages
    bappeda = _api(_token("bappeda")).get("/api/periode/").json()
    assert {randuagung.pk, senduro.pk} <= {p["id"] for p in bappeda["items"]}


@pytest.mark.parametrize("state", ["dicabut", "kedaluwarsa", "palsu", "tanpa"])
def test_a_revoked_expired_or_unknown_token_gets_401(senduro, state):
    now = timezone.now()
    if state == "dicabut":
        client = _api(_token("operator.senduro", dicabut=now))
    elif state == "kedaluwarsa":
        client = _api(_token("operator.senduro", kedaluwarsa=now - datetime.timedelta(seconds=1)))
    elif state == "palsu":
        client = _api("sakip_" + "x" * 43)
    else:
        client = Client()
    for url in ("/api/periode/", f"/api/periode/{senduro.pk}/realisasi/2024/1/"):
        response = client.get(url)
        assert response.status_code == 401 and "Token" in response.json()["detail"], url


def _tw1(client, periode):
    return client.get(f"/api/periode/{periode.pk}/realisasi/2024/1/").json()


def test_stale_versi_is_refused_and_a_good_one_shows_in_the_grid_and_riwayat(randuagung):
    client = _api(_token("operator.randuagung"))
    url = f"/api/periode/{randuagung.pk}/realisasi/2024/1/"
    before = _tw1(client, randuagung)
    ind = before["indikator"][0]["indikator_id"]
    sub = before["anggaran"][0]["subkegiatan_id"]
    stale = client.post(url, {"versi": before["versi"] - 1 if before["versi"] else 99, "indikator": [
        {"indikator_id": ind, "nilai": "12.5"}], "anggaran": [{"subkegiatan_id": sub, "jumlah": "777000"}]},
        content_type="application/json")
    assert stale.status_code == 409 and "TIDAK disimpan" in stale.json()["detail"]
    assert _tw1(client, randuagung) == before  # nothing changed, not even the versi

    good = client.post(url, {"versi": before["versi"], "indikator": [{"indikator_id": ind, "nilai": "12.5"}],
                             "anggaran": [{"subkegiatan_id": sub, "jumlah": "777000"}]}, content_type="application/json")
    assert good.status_code == 200, good.content
    after = good.json()
    assert after["versi"] == before["versi"] + 1
    assert next(i for i in after["indikator"] if i["indikator_id"] == ind)["nilai"] == "12.5"
    assert next(a for a in after["anggaran"] if a["subkegiatan_id"] == sub)["jumlah"] == "777000"
    # the triwulan grid shows it, and its Riwayat names the token's user
    page = Client()
    page.force_login(_user("camat.randuagung"))
    html = page.get(reverse("kecamatan:realisasi", args=[randuagung.pk, 2024, 1])).content.decode()
    assert 'value="12,5"' in html and 'value="777.000"' in html
    riwayat = client.get(f"/api/periode/{randuagung.pk}/dokumen/realisasi-2024-1/").json()["riwayat"]
    assert riwayat[-1]["oleh"] == "operator.randuagung" and riwayat[-1]["versi"] == after["versi"]
    assert any("777.000" in p["ke"] for p in riwayat[-1]["perubahan"])
    dokumen = m.Dokumen.objects.get(periode=randuagung, jenis="realisasi", tahun=2024, triwulan=1)
    assert dokumen.riwayat.order_by("-pk").first().oleh.username == "operator.randuagung"
    assert m.RealisasiAnggaran.history.filter(subkegiatan_id=sub).latest("history_date").history_user.username \
        == "operator.randuagung"


def test_errors_per_row_in_indonesian_and_all_or_nothing(randuagung):
    client = _api(_token("operator.randuagung"))
    url = f"/api/periode/{randuagung.pk}/realisasi/2024/1/"
    before = _tw1(client, randuagung)
    ind = before["indikator"][0]["indikator_id"]
    sub = before["anggaran"][0]["subkegiatan_id"]
    response = client.post(url, {"versi": before["versi"], "indikator": [{"indikator_id": ind, "nilai": "12.5"}],
                                 "anggaran": [{"subkegiatan_id": sub, "jumlah": "-5"},
                                              {"subkegiatan_id": 999999, "jumlah": "1"}]},
                           content_type="application/json")
    assert response.status_code == 422
    baris = response.json()["baris"]
    assert baris["subkegiatan:999999"] == ["Sub kegiatan 999999 tidak ada dalam Renstra ini."]
    bad = client.post(url, {"versi": before["versi"], "anggaran": [{"subkegiatan_id": sub, "jumlah": "-5"}]},
                      content_type="application/json").json()
    assert bad["baris"][f"subkegiatan:{sub}"] == ["Realisasi Rp tidak boleh negatif."]
    typo = client.post(url, {"versi": before["versi"], "anggaran": [{"subkegiatan_id": sub, "jumlah": "1.250.000"}]},
                       content_type="application/json").json()
    assert "bukan angka desimal" in typo["baris"][f"subkegiatan:{sub}"][0]
    assert _tw1(client, randuagung) == before  # the good row of the same request was not saved either


def test_reading_roles_and_locked_documents_cannot_write(randuagung):
    url = f"/api/periode/{randuagung.pk}/realisasi/2024/1/"
    before = _tw1(_api(_token("bappeda")), randuagung)
    refused = _api(_token("bappeda")).post(url, {"versi": before["versi"]}, content_type="application/json")
    assert refused.status_code == 403 and "operator dan Camat" in refused.json()["detail"]
    m.Dokumen.objects.update_or_create(periode=randuagung, jenis="realisasi", tahun=2024, triwulan=1,
                                       defaults={"status": m.Dokumen.Status.DIAJUKAN, "versi": before["versi"]})
    locked = _api(_token("operator.randuagung")).post(url, {"versi": before["versi"]}, content_type="application/json")
    assert locked.status_code == 409 and "Diajukan" in locked.json()["detail"]
    # a session cannot write through the API (a browser page could be made to): only a token
    session = Client()
    session.force_login(_user("operator.randuagung"))
    assert session.post(url, {"versi": before["versi"]}, content_type="application/json").status_code == 401
    assert session.get(url).status_code == 200


def test_lists_paginate_in_a_stable_order(randuagung):
    client = _api(_token("bappeda"))
    first = client.get(f"/api/periode/{randuagung.pk}/indikator/", {"limit": 5}).json()
    second = client.get(f"/api/periode/{randuagung.pk}/indikator/", {"limit": 5, "offset": 5}).json()
    every = client.get(f"/api/periode/{randuagung.pk}/indikator/", {"limit": 1000}).json()
    assert first["count"] == every["count"] > 10
    assert [i["id"] for i in first["items"] + second["items"]] == [i["id"] for i in every["items"][:10]]
    assert [i["id"] for i in every["items"]] == sorted(i["id"] for i in every["items"])
    subs = client.get(f"/api/periode/{randuagung.pk}/subkegiatan/", {"limit": 1000}).json()["items"]
    assert any(p["tahap"] == "renstra" for s in subs for p in s["pagu"])
    cascade = client.get(f"/api/periode/{randuagung.pk}/cascade/").json()
    ids = {i for level in cascade.values() for node in level for i in node["indikator"]}
    assert ids == {i["id"] for i in every["items"]}


def test_the_rate_limit_answers_429(senduro, monkeypatch):
    from kecamatan.api.main import PEMBATAS

    monkeypatch.setattr(PEMBATAS, "num_requests", 2)
    client = _api(_token("operator.senduro"))
    assert [client.get("/api/periode/").status_code for _ in range(3)] == [200, 200, 429]
    limited = client.get("/api/periode/")
    assert "Terlalu banyak permintaan" in limited.json()["detail"] and int(limited["Retry-After"]) >= 1
    assert _api(_token("operator.randuagung")).get("/api/periode/").status_code == 200  # per user


def test_token_page_shows_a_token_once_and_revokes_it(senduro):
    page = Client()
    page.force_login(_user("operator.senduro"))
    assert "Token API" in page.get(reverse("password_change")).content.decode()
    response = page.post(reverse("kecamatan:token_api"), {"nama": "e-Monev", "masa": "30"})
    html = response.content.decode()
    rahasia = html.split('id="token-baru" readonly value="')[1].split('"')[0]
    assert rahasia.startswith("sakip_") and "hanya ditampilkan sekali" in html
    token = m.TokenApi.objects.get(user__username="operator.senduro", nama="e-Monev")
    assert token.hash != rahasia and rahasia not in token.hash
    assert 29 <= (token.kedaluwarsa - timezone.now()).days <= 30
    assert rahasia not in page.get(reverse("kecamatan:token_api")).content.decode()  # shown once
    assert _api(rahasia).get("/api/periode/").status_code == 200
    token.refresh_from_db()
    assert token.terakhir_dipakai is not None
    other = Client()
    other.force_login(_user("operator.randuagung"))
    assert other.post(reverse("kecamatan:token_cabut", args=[token.pk])).status_code == 404  # not theirs
    page.post(reverse("kecamatan:token_cabut", args=[token.pk]))
    assert _api(rahasia).get("/api/periode/").status_code == 401
