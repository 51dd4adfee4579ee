"""Renja entry pages: login, scope, Indonesian numbers in forms, errors on fields, read-only when locked."""

from decimal import Decimal

import pytest
from django.urls import reverse

from kecamatan.models import Aktivitas, Dokumen, Indikator, Pagu, Peran, SubKegiatan, TargetRenja
from tests.factories import KecamatanFactory, PeriodeFactory, build_renja, user_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def renja(client):
    periode = PeriodeFactory()
    dokumen = build_renja(periode, n_sub=2)
    client.force_login(user_with_role("operator.uji", Peran.OPERATOR, periode.kecamatan))
    sub = SubKegiatan.objects.filter(kegiatan__program__periode=periode).order_by("nomenklatur__kode").first()
    return periode, dokumen, sub


def _url(name, periode, *args, tahun=2024):
    return reverse(f"kecamatan:{name}", args=[periode.pk, tahun, *args])


def _v(periode, tahun=2024):
    """The Renja's version now: every entry form posts the version its page was loaded with."""
    dokumen = Dokumen.objects.filter(periode=periode, jenis="renja", tahun=tahun).first()
    return str(dokumen.versi) if dokumen else "0"


def _rincian_post(sub, **extra):
    ind = Indikator.objects.get(subkegiatan=sub)
    data = {
        "versi": _v(sub.kegiatan.program.periode),
        "lokasi": "Kab. Lumajang, Kec. Uji", "sumber_dana": "DAU", "catatan": "", "dana": "", "prakiraan": "5.435.320",
        f"target_{ind.pk}": "2", f"prakiraan_{ind.pk}": "3",
        "aktivitas-TOTAL_FORMS": "3", "aktivitas-INITIAL_FORMS": "0", "aktivitas-MIN_NUM_FORMS": "0",
        "aktivitas-MAX_NUM_FORMS": "1000",
        "aktivitas-0-uraian": "Penyusunan Dokumen Renja", "aktivitas-0-skala_prioritas": "1",
        "aktivitas-0-jumlah": "5.136.500",
        "aktivitas-1-uraian": "Penyusunan Dokumen Perubahan Renja", "aktivitas-1-skala_prioritas": "2",
        "aktivitas-1-jumlah": "Rp 4.704.500",
    }
    data.update(extra)
    return data


def test_renja_pages_need_login(db):
    from django.test import Client

    periode = PeriodeFactory()
    response = Client().get(_url("renja_detail", periode))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_other_kecamatan_gets_404_and_bappeda_reads_only(client, renja):
    periode, dokumen, sub = renja
    client.force_login(user_with_role("operator.lain", Peran.OPERATOR, KecamatanFactory(nama="Lain")))
    assert client.get(_url("renja_detail", periode)).status_code == 404
    assert client.post(_url("renja_rincian", periode, sub.pk), _rincian_post(sub)).status_code == 404
    client.force_login(user_with_role("bappeda.uji", Peran.VERIFIKATOR))
    html = client.get(_url("renja_detail", periode)).content.decode()
    assert "Tambahkan ke Renja" not in html and ">Lihat</a>" in html
    response = client.post(_url("renja_rincian", periode, sub.pk), _rincian_post(sub), follow=True)
    assert "hanya dapat melihat" in response.content.decode()
    assert Aktivitas.objects.filter(rincian__subkegiatan=sub).count() == 2  # unchanged


def test_rincian_form_takes_indonesian_numbers_and_sums_aktivitas(client, renja):
    periode, dokumen, sub = renja
    response = client.post(_url("renja_rincian", periode, sub.pk), _rincian_post(sub))
    assert response.status_code == 302
    assert sorted(Aktivitas.objects.filter(rincian__subkegiatan=sub).values_list("jumlah", flat=True)) == [
        4704500, 5136500]
    assert not Pagu.objects.filter(subkegiatan=sub, tahun=2024, tahap=Pagu.Tahap.RENJA).exists()
    assert Pagu.objects.get(subkegiatan=sub, tahun=2025, tahap=Pagu.Tahap.PRAKIRAAN).jumlah == 5435320
    html = client.get(_url("renja_detail", periode)).content.decode()
    assert "9.841.000" in html and "Σ 2 aktivitas" in html
    table = client.get(reverse("kecamatan:tabel", args=[periode.pk, "tc33"]) + "?tahun=2024").content.decode()
    assert "9.841.000" in table and "5.435.320" in table and "2 Dokumen" in table


def test_rincian_form_errors_land_on_their_fields_and_keep_the_input(client, renja):
    periode, dokumen, sub = renja
    ind = Indikator.objects.get(subkegiatan=sub)
    response = client.post(_url("renja_rincian", periode, sub.pk), _rincian_post(
        sub, **{"prakiraan": "1.5", f"target_{ind.pk}": "dua", "aktivitas-0-jumlah": "10.000,000"}))
    assert response.status_code == 200
    html = response.content.decode()
    assert "titik adalah pemisah ribuan" in html  # prakiraan 1.5
    assert "bukan nilai yang dikenali" in html  # target 'dua'
    assert "pemisah ribuan dan desimal bercampur" in html  # the seed's 10.000,000
    assert 'value="dua"' in html
    assert not TargetRenja.objects.filter(indikator=ind, tahun=2024, nilai=None, label="dua").exists()


def test_dana_next_to_aktivitas_is_refused_on_its_field(client, renja):
    periode, dokumen, sub = renja
    Aktivitas.objects.filter(rincian__subkegiatan=sub).delete()  # the dana field is enabled again
    response = client.post(_url("renja_rincian", periode, sub.pk), _rincian_post(sub, dana="1.000"))
    assert response.status_code == 200
    assert "dijumlahkan dari aktivitasnya" in response.content.decode()


def test_a_submitted_renja_shows_read_only_and_refuses_posts(client, renja):
    periode, dokumen, sub = renja
    Dokumen.objects.filter(pk=dokumen.pk).update(status=Dokumen.Status.DIAJUKAN)
    page = client.get(_url("renja_rincian", periode, sub.pk)).content.decode()
    assert "<fieldset disabled>" in page and ">Simpan</button>" not in page
    assert "Tambahkan ke Renja" not in client.get(_url("renja_detail", periode)).content.decode()
    for name, args in (("renja_rincian", [sub.pk]), ("renja_target", []), ("renja_evaluasi", []),
                       ("renja_analisis", []), ("renja_ranwal", []), ("renja_usulan", [])):
        response = client.post(_url(name, periode, *args), _rincian_post(sub), follow=True)
        assert "berstatus Diajukan" in response.content.decode(), name
    assert Aktivitas.objects.filter(rincian__subkegiatan=sub).count() == 2


def test_start_a_renja_and_add_a_subkegiatan(client, renja):
    periode, dokumen, sub = renja
    html = client.get(_url("renja_detail", periode, tahun=2025)).content.decode()
    assert "belum dimulai" in html
    client.post(_url("renja_mulai", periode, tahun=2025))
    assert Dokumen.objects.filter(periode=periode, jenis="renja", tahun=2025, status="draft").exists()
    response = client.post(_url("renja_sub_tambah", periode, tahun=2025), {"subkegiatan": sub.pk,
                                                                                   "versi": _v(periode, 2025)})
    assert response.status_code == 302 and response["Location"] == _url("renja_rincian", periode, sub.pk, tahun=2025)
    assert client.get(response["Location"]).status_code == 200


def test_target_evaluasi_analisis_ranwal_usulan_pages_save(client, renja):
    periode, dokumen, sub = renja
    program_ind = Indikator.objects.get(program__periode=periode)
    assert client.post(_url("renja_target", periode), {"versi": _v(periode), f"target_{program_ind.pk}": "84,31",
                                                        f"prakiraan_{program_ind.pk}": "N/A"}).status_code == 302
    assert TargetRenja.objects.get(indikator=program_ind, tahun=2024).nilai == Decimal("84.31")
    sub_ind = Indikator.objects.get(subkegiatan=sub)
    response = client.get(_url("renja_evaluasi", periode))
    form = response.context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    data = {k: (v if isinstance(v, str) else form[k].field.prepare_value(v)) for k, v in data.items()}
    data[f"realisasi_n2_{sub_ind.pk}"] = "N/A"
    assert client.post(_url("renja_evaluasi", periode), data).status_code == 302
    assert client.post(_url("renja_usulan", periode), {"program": "Program X", "volume": "1.000",
                                                         "versi": _v(periode)}).status_code == 302
    assert client.post(_url("renja_ranwal", periode), {"versi": _v(periode),
        "urutan": "1", "tingkat": "subkegiatan", "ranwal_nama": "Sub Ranwal", "ranwal_pagu": "2.000.000",
        "kebutuhan": f"subkegiatan:{sub.pk}", "ranwal_target": "1"}).status_code == 302
    bad = client.post(_url("renja_ranwal", periode), {"urutan": "1", "tingkat": "program", "versi": _v(periode),
                                                      "kebutuhan": f"subkegiatan:{sub.pk}"})
    assert "setingkat" in bad.content.decode()


def test_whole_renja_on_screen_puts_each_table_under_its_title(client, renja):
    periode, dokumen, sub = renja
    html = client.get(reverse("kecamatan:tabel", args=[periode.pk, "renja"]) + "?tahun=2024").content.decode()
    positions = []
    for code in ("T-C.29", "T-C.30", "T-C.31", "T-C.32", "T-C.33", "Tabel 4.1", "Catatan"):
        positions += [html.index(f"<div>{'Catatan terhadap Dokumen Sumber' if code == 'Catatan' else ('Tabel ' + code if code.startswith('T-') else code)}</div>"),
                      html.index(f'data-kode="{code}"')]
    assert positions == sorted(positions)
    assert "NIHIL" not in html  # build_renja made one proposal


def test_dash_means_an_absent_figure_in_rp_and_volume_fields(client, renja):
    """As the Excel import reads a cell: "-" in Rp is 0 (tables.md §0.4), "-" for a volume is none."""
    periode, dokumen, sub = renja
    response = client.post(_url("renja_rincian", periode, sub.pk), _rincian_post(
        sub, **{"prakiraan": "-", "aktivitas-1-jumlah": "-", "aktivitas-1-volume": "-", "sumber_dana": ""}))
    assert response.status_code == 302, response.content.decode()[:3000]
    a1, a2 = Aktivitas.objects.filter(rincian__subkegiatan=sub).order_by("urutan")
    assert (a2.jumlah, a2.volume) == (Decimal(0), None)
    assert Pagu.objects.get(subkegiatan=sub, tahun=2025, tahap="prakiraan").jumlah == Decimal(0)
    assert sub.rincian_renja.get().sumber_dana == ""  # optional: left unknown
    assert client.post(_url("renja_ranwal", periode), {"versi": _v(periode),
        "urutan": "1", "tingkat": "subkegiatan", "ranwal_nama": "Sub Ranwal", "ranwal_pagu": "-",
        "ranwal_target": "-"}).status_code == 302
    assert dokumen.review_ranwal.get(urutan=1).ranwal_pagu == Decimal(0)
    # on a program row the pagu is a sum: "-" there is simply nothing typed
    assert client.post(_url("renja_ranwal", periode), {"versi": _v(periode),
        "urutan": "2", "tingkat": "program", "ranwal_nama": "Program Ranwal", "ranwal_pagu": "—"}).status_code == 302
    assert dokumen.review_ranwal.get(urutan=2).ranwal_pagu is None


def test_aktivitas_prakiraan_sum_replaces_the_typed_one(client, renja):
    periode, dokumen, sub = renja
    data = _rincian_post(sub, **{"aktivitas-0-prakiraan": "5.500.000", "aktivitas-1-prakiraan": "Rp 4.800.000"})
    bad = client.post(_url("renja_rincian", periode, sub.pk), data)  # prakiraan 5.435.320 still typed
    assert bad.status_code == 200
    assert "dijumlahkan dari prakiraan aktivitasnya" in bad.content.decode()
    data["prakiraan"] = ""
    assert client.post(_url("renja_rincian", periode, sub.pk), data).status_code == 302
    assert not Pagu.objects.filter(subkegiatan=sub, tahun=2025, tahap="prakiraan").exists()
    html = client.get(_url("renja_rincian", periode, sub.pk)).content.decode()
    assert 'id="prakiraan-aktivitas">10.300.000<' in html
    assert 'name="prakiraan" value="" ' not in html or "disabled" in html


def test_renja_targets_outside_the_range_of_the_satuan_are_refused_at_their_field(client, renja):
    periode, dokumen, sub = renja
    program_ind = Indikator.objects.get(program__periode=periode)
    assert program_ind.satuan == "Persen"
    response = client.post(_url("renja_target", periode), {f"target_{program_ind.pk}": "150",
                                                            f"prakiraan_{program_ind.pk}": "-1"})
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors[f"target_{program_ind.pk}"][0].startswith(
        "Target 2024 indikator bersatuan persen tidak boleh lebih dari 100% (indikator ini tidak mengizinkan")
    assert errors[f"prakiraan_{program_ind.pk}"] == ["Target 2025 indikator bersatuan persen tidak boleh negatif."]
    assert not TargetRenja.objects.filter(indikator=program_ind, tahun=2024, nilai=150).exists()
    sub_ind = Indikator.objects.get(subkegiatan=sub)  # a count: the rincian page refuses a negative target too
    response = client.post(_url("renja_rincian", periode, sub.pk), _rincian_post(sub, **{f"target_{sub_ind.pk}": "-2"}))
    assert response.context["form"].errors[f"target_{sub_ind.pk}"] == [
        "Target 2024 indikator bersatuan dokumen tidak boleh negatif."]
