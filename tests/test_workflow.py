"""The document workflow: draft → diajukan → diverifikasi, or diajukan → dikembalikan → draft;
who may do what; every transition recorded; no lost update."""

from decimal import Decimal as D

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from kecamatan.core import errors as core_errors
from kecamatan.core.formatting import Nilai
from kecamatan.models import CatatanItem, Dokumen, Indikator, Peran, Realisasi, Riwayat, SubKegiatan
from kecamatan.realisasi import services as realisasi_services
from kecamatan.workflow import services as workflow_services
from tests.factories import PeriodeFactory, build_cascade, user_with_role

pytestmark = pytest.mark.django_db

KUNCI = "realisasi-2024-1"


@pytest.fixture
def team():
    periode = PeriodeFactory()
    build_cascade(periode, n_sub=2)
    return {
        "periode": periode,
        "operator": user_with_role("op", Peran.OPERATOR, periode.kecamatan),
        "camat": user_with_role("camat", Peran.CAMAT, periode.kecamatan),
        "bappeda": user_with_role("bappeda", Peran.VERIFIKATOR),
        "admin": user_with_role("adm", Peran.ADMIN),
    }


def fill(team, value="2", by="operator", versi=None):
    periode = team["periode"]
    doc = Dokumen.objects.filter(periode=periode, jenis="realisasi", tahun=2024, triwulan=1).first()
    return realisasi_services.save_realisasi_triwulan(
        periode=periode, tahun=2024, triwulan=1, versi=doc.versi if versi is None and doc else (versi or 0),
        indikator={i.pk: (Nilai(D(value)), "") for i in Indikator.objects.filter(periode=periode)},
        anggaran={}, by=team[by],
    )


def status():
    return Dokumen.objects.get(jenis="realisasi").status


def test_full_cycle_records_every_transition(team):
    periode = team["periode"]
    fill(team)
    workflow_services.ajukan_dokumen(periode=periode, kunci=KUNCI, by=team["camat"])
    assert status() == "diajukan"
    ind = Indikator.objects.filter(periode=periode).first()
    workflow_services.kembalikan_dokumen(periode=periode, kunci=KUNCI, by=team["bappeda"], catatan="Cek angka TW I",
                                catatan_indikator={ind.pk: "Bukti dukung belum ada"})
    assert status() == "dikembalikan"
    assert CatatanItem.objects.get().indikator == ind
    fill(team, "3")  # the fix: a returned document becomes a draft again once saved
    assert status() == "draft"
    workflow_services.ajukan_dokumen(periode=periode, kunci=KUNCI, by=team["camat"])
    workflow_services.verifikasi_dokumen(periode=periode, kunci=KUNCI, by=team["bappeda"])
    assert status() == "diverifikasi"
    workflow_services.buka_kembali_dokumen(periode=periode, kunci=KUNCI, by=team["bappeda"], alasan="Salah ketik TW I")
    assert status() == "draft"
    steps = list(Riwayat.objects.filter(dokumen__jenis="realisasi").order_by("waktu", "pk")
                 .values_list("aksi", "dari_status", "ke_status", "oleh__username"))
    assert steps == [
        ("buat", "", "draft", "op"),
        ("ubah", "draft", "draft", "op"),
        ("ajukan", "draft", "diajukan", "camat"),
        ("kembalikan", "diajukan", "dikembalikan", "bappeda"),
        ("ubah", "dikembalikan", "draft", "op"),
        ("ajukan", "draft", "diajukan", "camat"),
        ("verifikasi", "diajukan", "diverifikasi", "bappeda"),
        ("buka_kembali", "diverifikasi", "draft", "bappeda"),
    ]
    assert Riwayat.objects.get(aksi="buka_kembali").catatan == "Salah ketik TW I"


@pytest.mark.parametrize("who", ["operator", "bappeda", "admin"])
def test_only_the_camat_submits(team, who):
    fill(team)
    with pytest.raises(PermissionDenied):
        workflow_services.ajukan_dokumen(periode=team["periode"], kunci=KUNCI, by=team[who])
    assert status() == "draft"


@pytest.mark.parametrize("who", ["operator", "camat", "admin"])
def test_only_bappeda_verifies_returns_and_reopens(team, who):
    periode = team["periode"]
    fill(team)
    workflow_services.ajukan_dokumen(periode=periode, kunci=KUNCI, by=team["camat"])
    with pytest.raises(PermissionDenied):
        workflow_services.verifikasi_dokumen(periode=periode, kunci=KUNCI, by=team[who])
    with pytest.raises(PermissionDenied):
        workflow_services.kembalikan_dokumen(periode=periode, kunci=KUNCI, by=team[who], catatan="x")
    workflow_services.verifikasi_dokumen(periode=periode, kunci=KUNCI, by=team["bappeda"])
    with pytest.raises(PermissionDenied):
        workflow_services.buka_kembali_dokumen(periode=periode, kunci=KUNCI, by=team[who], alasan="x")
    assert status() == "diverifikasi"


def test_bappeda_edits_no_data(team):
    with pytest.raises(PermissionDenied):
        fill(team, by="bappeda")
    assert not Realisasi.objects.exists()


def test_incomplete_realisasi_cannot_be_submitted(team):
    periode = team["periode"]
    ind = Indikator.objects.filter(periode=periode).first()
    realisasi_services.save_realisasi_triwulan(periode=periode, tahun=2024, triwulan=1, versi=0,
                                     indikator={ind.pk: (Nilai(D(1)), "")}, anggaran={}, by=team["operator"])
    with pytest.raises(ValidationError, match="belum lengkap: 3 indikator belum diisi"):
        workflow_services.ajukan_dokumen(periode=periode, kunci=KUNCI, by=team["camat"])
    assert status() == "draft"


def test_wrong_state_transitions_are_refused(team):
    periode = team["periode"]
    fill(team)
    with pytest.raises(ValidationError, match="Hanya dokumen berstatus Diajukan"):
        workflow_services.verifikasi_dokumen(periode=periode, kunci=KUNCI, by=team["bappeda"])
    with pytest.raises(ValidationError, match="Diverifikasi yang dapat dibuka kembali"):
        workflow_services.buka_kembali_dokumen(periode=periode, kunci=KUNCI, by=team["bappeda"], alasan="x")
    workflow_services.ajukan_dokumen(periode=periode, kunci=KUNCI, by=team["camat"])
    with pytest.raises(ValidationError, match="Hanya dokumen berstatus Draf"):
        workflow_services.ajukan_dokumen(periode=periode, kunci=KUNCI, by=team["camat"])
    with pytest.raises(ValidationError):
        workflow_services.kembalikan_dokumen(periode=periode, kunci=KUNCI, by=team["bappeda"], catatan="  ")
    workflow_services.verifikasi_dokumen(periode=periode, kunci=KUNCI, by=team["bappeda"])
    with pytest.raises(ValidationError, match="alasan"):
        workflow_services.buka_kembali_dokumen(periode=periode, kunci=KUNCI, by=team["bappeda"], alasan="")
    assert status() == "diverifikasi"


def test_a_returned_document_must_be_fixed_before_resubmitting(team):
    periode = team["periode"]
    fill(team)
    workflow_services.ajukan_dokumen(periode=periode, kunci=KUNCI, by=team["camat"])
    workflow_services.kembalikan_dokumen(periode=periode, kunci=KUNCI, by=team["bappeda"], catatan="Perbaiki")
    with pytest.raises(ValidationError, match="Simpan perbaikan"):
        workflow_services.ajukan_dokumen(periode=periode, kunci=KUNCI, by=team["camat"])


def test_notes_cannot_point_at_another_kecamatan(team):
    periode = team["periode"]
    other = PeriodeFactory()
    build_cascade(other, n_sub=1)
    foreign = Indikator.objects.filter(periode=other).first()
    fill(team)
    workflow_services.ajukan_dokumen(periode=periode, kunci=KUNCI, by=team["camat"])
    with pytest.raises(ValidationError):
        workflow_services.kembalikan_dokumen(periode=periode, kunci=KUNCI, by=team["bappeda"], catatan="x",
                                    catatan_indikator={foreign.pk: "x"})
    assert status() == "diajukan"


# --- no lost update --------------------------------------------------------------------------


def test_stale_version_is_refused_with_what_changed(team):
    fill(team, "2")  # versi 1
    fill(team, "3", by="camat", versi=1)  # versi 2
    with pytest.raises(core_errors.Bentrok) as exc:
        fill(team, "4", versi=1)
    assert "sudah diubah oleh camat" in exc.value.pesan
    assert [p["ke"] for r in exc.value.riwayat for p in r.perubahan][:1] == ["3"]
    assert set(Realisasi.objects.values_list("nilai", flat=True)) == {D(3)}


def test_two_sessions_load_and_save_one_wins_the_other_sees_the_conflict(team):
    periode = team["periode"]
    url = reverse("kecamatan:realisasi", args=[periode.pk, 2024, 1])
    first, second = Client(), Client()
    first.force_login(team["operator"])
    second.force_login(team["camat"])
    forms = []
    for client in (first, second):
        response = client.get(url)
        assert response.status_code == 200
        forms.append(response.context["form"])
    ind = Indikator.objects.filter(periode=periode).order_by("pk").first()

    def posted(form, value):
        data = {name: form[name].value() for name in form.fields}
        data = {k: ("" if v is None else form.fields[k].prepare_value(v)) for k, v in data.items()}
        data[f"nilai_{ind.pk}"] = value
        return data

    assert first.post(url, posted(forms[0], "5")).status_code == 302
    response = second.post(url, posted(forms[1], "7"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Isian Anda TIDAK disimpan" in html and "sudah diubah oleh op" in html
    assert f"Realisasi TW I: {ind.uraian}: - → <strong>5</strong>" in html  # what the other one changed
    assert 'value="7"' in html  # what this one typed is still on the page
    assert Realisasi.objects.get(indikator=ind).nilai == D(5)


# --- through the browser's forms --------------------------------------------------------------


def confirmed(client, name, kunci, periode, data):
    """Press a workflow button (the first POST answers with the confirmation page, changing nothing),
    then confirm with the fields the confirmation page carries."""
    url = reverse(f"kecamatan:{name}", args=[periode.pk, kunci])
    before = list(Dokumen.objects.filter(periode=periode).values_list("status", flat=True))
    page = client.post(url, data)
    assert page.status_code == 200 and 'id="konfirmasi"' in page.content.decode()
    assert list(Dokumen.objects.filter(periode=periode).values_list("status", flat=True)) == before
    hidden = dict(page.context["hidden"])
    return client.post(url, {**data, **hidden, "next": page.context["back"], "konfirmasi": "1",
                             "versi": page.context["dokumen"].versi})


def test_workflow_buttons_post_and_come_back(client, team):
    periode = team["periode"]
    fill(team)
    page = reverse("kecamatan:realisasi", args=[periode.pk, 2024, 1])
    client.force_login(team["camat"])
    assert "Ajukan ke Bappeda" in client.get(page).content.decode()
    response = confirmed(client, "ajukan", KUNCI, periode, {"next": page})
    assert response.status_code == 302 and response["Location"] == page
    assert status() == "diajukan"
    client.force_login(team["bappeda"])
    html = client.get(page).content.decode()
    assert "Kembalikan dengan catatan" in html and "Verifikasi" in html
    sub = SubKegiatan.objects.filter(kegiatan__program__periode=periode).first()
    confirmed(client, "kembalikan", KUNCI, periode,
              {"catatan": "Rp TW I belum diisi", f"catatan_s_{sub.pk}": "Isi realisasi Rp", "next": page})
    assert status() == "dikembalikan"
    client.force_login(team["operator"])
    html = client.get(page).content.decode()
    assert "Rp TW I belum diisi" in html and "Catatan Bappeda: Isi realisasi Rp" in html
    home = client.get(reverse("kecamatan:beranda")).content.decode()
    assert "Realisasi 2024 TW I dikembalikan Bappeda" in home and "Rp TW I belum diisi" in home


def test_return_without_catatan_is_refused_in_indonesian(client, team):
    periode = team["periode"]
    fill(team)
    workflow_services.ajukan_dokumen(periode=periode, kunci=KUNCI, by=team["camat"])
    client.force_login(team["bappeda"])
    response = client.post(reverse("kecamatan:kembalikan", args=[periode.pk, KUNCI]), {"catatan": ""}, follow=True)
    assert "Tulis catatan" in response.content.decode()
    assert status() == "diajukan"


def test_actions_refuse_get(client, team):
    client.force_login(team["camat"])
    assert client.get(reverse("kecamatan:ajukan", args=[team["periode"].pk, KUNCI])).status_code == 405


def test_services_record_the_acting_user_in_the_audit_history(team):
    """Outside a request (no middleware) the service itself names who changed each value."""
    fill(team, "2")
    fill(team, "3", by="camat")
    users = set(Realisasi.history.values_list("history_type", "history_user__username"))
    assert users == {("+", "op"), ("~", "camat")}


def test_service_refuses_negative_rupiah_whatever_the_form_did(team):
    periode = team["periode"]
    sub = SubKegiatan.objects.filter(kegiatan__program__periode=periode).first()
    with pytest.raises(ValidationError) as exc:
        realisasi_services.save_realisasi_triwulan(periode=periode, tahun=2024, triwulan=1, versi=0, indikator={},
                                         anggaran={sub.pk: D(-1)}, by=team["operator"])
    assert exc.value.message_dict == {f"rp_{sub.pk}": ["Realisasi Rp tidak boleh negatif."]}
    assert not Dokumen.objects.exists()


def test_renstra_is_returned_with_notes_per_row_from_the_document_page(client, team):
    periode = team["periode"]
    ind = Indikator.objects.filter(periode=periode).first()
    client.force_login(team["camat"])
    # this Renstra has indicators without targets: the consistency check (issue 11) asks the Camat to
    # confirm submitting with its galat (tests/checks/test_ajukan.py covers the refusal itself)
    confirmed(client, "ajukan", "renstra", periode, {"konfirmasi_galat": "1"})
    assert Dokumen.objects.get(jenis="renstra").status == "diajukan"
    client.force_login(team["bappeda"])
    page = client.get(reverse("kecamatan:dokumen", args=[periode.pk, "renstra"])).content.decode()
    assert f'name="catatan_i_{ind.pk}"' in page
    confirmed(client, "kembalikan", "renstra", periode,
              {"catatan": "Target belum selaras RPJMD", f"catatan_i_{ind.pk}": "Target 2026 terlalu rendah"})
    client.force_login(team["operator"])
    susun = client.get(reverse("kecamatan:renstra_susun", args=[periode.pk])).content.decode()
    assert "Target belum selaras RPJMD" in susun and f"{ind.uraian}: Target 2026 terlalu rendah" in susun
    timeline = client.get(reverse("kecamatan:dokumen", args=[periode.pk, "renstra"])).content.decode()
    assert "Target 2026 terlalu rendah" in timeline


@pytest.mark.django_db(transaction=True)
def test_truly_simultaneous_saves_one_wins_one_conflicts(team):
    """Two threads save version 0 of the same page at the same moment: the row lock serialises
    them, so exactly one is written and the other gets the conflict (PostgreSQL only: SQLite
    locks the whole database instead)."""
    import threading

    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("needs concurrent transactions (PostgreSQL)")
    periode = team["periode"]
    ind = Indikator.objects.filter(periode=periode).first()
    # the document exists already, so both go straight for its row lock
    Dokumen.objects.create(periode=periode, jenis="realisasi", tahun=2024, triwulan=1, versi=0)
    barrier = threading.Barrier(2)
    results = {}

    def save(who, value):
        try:
            barrier.wait(timeout=10)
            realisasi_services.save_realisasi_triwulan(periode=periode, tahun=2024, triwulan=1, versi=0,
                                             indikator={ind.pk: (Nilai(D(value)), "")}, anggaran={}, by=team[who])
            results[who] = "saved"
        except core_errors.Bentrok:
            results[who] = "conflict"
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=("operator", 5)), threading.Thread(target=save, args=("camat", 7))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert sorted(results.values()) == ["conflict", "saved"]
    winner = next(who for who, r in results.items() if r == "saved")
    assert Realisasi.objects.get(indikator=ind).nilai == {"operator": D(5), "camat": D(7)}[winner]
    assert Dokumen.objects.get(jenis="realisasi").versi == 1
