"""The triwulan realisasi page: Indonesian numbers in, capaian and penyerapan out; the whole page
saved at once or not at all; locked documents; the query count."""

from decimal import Decimal as D

import pytest
from django.urls import reverse

from kecamatan.models import Dokumen, Indikator, Peran, Realisasi, RealisasiAnggaran, Riwayat, SubKegiatan
from tests.factories import PeriodeFactory, build_cascade, user_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup():
    """A small period: one program, one kegiatan, three sub-kegiatan, five indicators."""
    periode = PeriodeFactory()
    build_cascade(periode, n_sub=3)
    operator = user_with_role("op", Peran.OPERATOR, periode.kecamatan)
    return periode, operator


def url(periode, tahun=2024, tw=1):
    return reverse("kecamatan:realisasi", args=[periode.pk, tahun, tw])


def page_post(client, periode, values: dict, *, versi=None, tahun=2024, tw=1):
    """Everything the page would post: each indicator and sub-kegiatan, empty unless given."""
    data = {"versi": str(versi if versi is not None else _versi(periode, tahun, tw))}
    for ind in Indikator.objects.filter(periode=periode):
        data[f"nilai_{ind.pk}"] = ""
        data[f"keterangan_{ind.pk}"] = ""
    for sub in SubKegiatan.objects.filter(kegiatan__program__periode=periode):
        data[f"rp_{sub.pk}"] = ""
    data.update(values)
    return client.post(url(periode, tahun, tw), data)


def _versi(periode, tahun, tw):
    doc = Dokumen.objects.filter(periode=periode, jenis="realisasi", tahun=tahun, triwulan=tw).first()
    return doc.versi if doc else 0


def _subkegiatan_indikator(periode):
    return list(Indikator.objects.filter(periode=periode, subkegiatan__isnull=False).order_by("pk"))


def _subs(periode):
    return list(SubKegiatan.objects.filter(kegiatan__program__periode=periode).order_by("pk"))


def test_indonesian_numbers_are_saved_and_capaian_shown(client, setup):
    periode, operator = setup
    client.force_login(operator)
    ind = _subkegiatan_indikator(periode)
    sub = _subs(periode)
    response = page_post(client, periode, {
        f"nilai_{ind[0].pk}": "1,5", f"nilai_{ind[1].pk}": "N/A", f"keterangan_{ind[1].pk}": "Belum berlaku tahun ini",
        f"rp_{sub[0].pk}": "Rp 1.500,50", f"rp_{sub[1].pk}": "250",
    })
    assert response.status_code == 302
    assert Realisasi.objects.get(indikator=ind[0], tahun=2024, triwulan=1).nilai == D("1.5")
    na = Realisasi.objects.get(indikator=ind[1], tahun=2024, triwulan=1)
    assert (na.nilai, na.label, na.keterangan) == (None, "N/A", "Belum berlaku tahun ini")
    assert RealisasiAnggaran.objects.get(subkegiatan=sub[0], tahun=2024, triwulan=1).jumlah == D("1500.50")
    doc = Dokumen.objects.get(periode=periode, jenis="realisasi", tahun=2024, triwulan=1)
    assert doc.versi == 1 and doc.status == "draft"
    html = client.get(url(periode)).content.decode()
    assert "75,00%" in html  # capaian 1,5 / target 2
    assert "150,05%" in html  # penyerapan 1.500,50 / pagu 1.000
    assert 'value="1,5"' in html and 'value="1.500,50"' in html  # shown back the Indonesian way
    # the next triwulan shows the cumulative so far: a count indicator sums over the quarters
    page_post(client, periode, {f"nilai_{ind[0].pk}": "0,5"}, tw=2)
    tw2 = client.get(url(periode, tw=2)).content.decode()
    assert "100,00%" in tw2  # (1,5 + 0,5) / 2


@pytest.mark.parametrize("field, value, message", [
    ("nilai", "1.5", "meragukan"),
    ("nilai", "dua", "bukan nilai yang dikenali"),
    ("rp", "-1.000", "Realisasi Rp tidak boleh negatif."),
    ("rp", "1.000.00", "Format angka tidak dikenali"),
])
def test_bad_input_is_refused_in_indonesian_and_nothing_is_saved(client, setup, field, value, message):
    periode, operator = setup
    client.force_login(operator)
    ind = _subkegiatan_indikator(periode)
    sub = _subs(periode)
    bad = {"nilai": f"nilai_{ind[1].pk}", "rp": f"rp_{sub[1].pk}"}[field]
    response = page_post(client, periode, {f"nilai_{ind[0].pk}": "2", f"rp_{sub[0].pk}": "900", bad: value})
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "Isian belum disimpan" in html
    assert f'value="{value}"' in html  # the page keeps what was typed
    assert 'value="900"' in html
    assert not Realisasi.objects.exists() and not RealisasiAnggaran.objects.exists()  # nothing half-saved
    assert not Dokumen.objects.filter(jenis="realisasi").exists()


def test_na_without_reason_is_refused_at_its_row(client, setup):
    periode, operator = setup
    client.force_login(operator)
    ind = _subkegiatan_indikator(periode)
    response = page_post(client, periode, {f"nilai_{ind[0].pk}": "2", f"nilai_{ind[1].pk}": "N/A"})
    assert response.status_code == 200
    assert "Beri alasan mengapa realisasi &#x27;N/A&#x27;." in response.content.decode()
    assert not Realisasi.objects.exists()


def test_value_on_a_locked_document_is_refused(client, setup):
    periode, operator = setup
    client.force_login(operator)
    ind = _subkegiatan_indikator(periode)
    page_post(client, periode, {f"nilai_{ind[0].pk}": "2"})
    doc = Dokumen.objects.get(jenis="realisasi")
    for status in ("diajukan", "diverifikasi"):
        Dokumen.objects.filter(pk=doc.pk).update(status=status)
        response = page_post(client, periode, {f"nilai_{ind[0].pk}": "3"})
        assert response.status_code == 200
        assert "isinya tidak dapat diubah" in response.content.decode()
        assert Realisasi.objects.get(indikator=ind[0]).nilai == D("2")
        assert Dokumen.objects.get(pk=doc.pk).versi == 1
        # and the page itself offers no input
        assert f'name="nilai_{ind[0].pk}"' not in client.get(url(periode)).content.decode()


def test_clearing_a_value_removes_it_and_history_keeps_it(client, setup):
    periode, operator = setup
    client.force_login(operator)
    ind = _subkegiatan_indikator(periode)[0]
    page_post(client, periode, {f"nilai_{ind.pk}": "2"})
    page_post(client, periode, {f"nilai_{ind.pk}": "3"})
    page_post(client, periode, {f"nilai_{ind.pk}": ""})
    assert not Realisasi.objects.filter(indikator=ind).exists()
    history = client.get(reverse("kecamatan:riwayat_indikator", args=[ind.pk])).content.decode()
    assert history.count("Realisasi 2024 TW I") == 3
    assert "Dibuat" in history and "Diubah" in history and "Dihapus" in history
    assert "op" in history
    types = list(Realisasi.history.filter(indikator_id=ind.pk).order_by("history_date")
                 .values_list("history_type", "nilai", "history_user__username"))
    assert [(t, u) for t, _, u in types] == [("+", "op"), ("~", "op"), ("-", "op")]


def test_every_save_is_a_riwayat_row_with_what_changed(client, setup):
    periode, operator = setup
    client.force_login(operator)
    ind = _subkegiatan_indikator(periode)[0]
    page_post(client, periode, {f"nilai_{ind.pk}": "2"})
    page_post(client, periode, {f"nilai_{ind.pk}": "2"})  # no change: no new version
    riwayat = Riwayat.objects.filter(dokumen__jenis="realisasi", aksi="ubah")
    assert riwayat.count() == 1
    assert riwayat.get().perubahan == [{"item": f"Realisasi TW I: {ind.uraian}", "dari": "-", "ke": "2"}]


def test_verifikator_and_admin_cannot_post(client, setup):
    periode, _ = setup
    for peran in (Peran.VERIFIKATOR, Peran.ADMIN):
        client.force_login(user_with_role(f"u-{peran}", peran))
        assert client.get(url(periode)).status_code == 200
        assert page_post(client, periode, {}).status_code == 403
    assert not Dokumen.objects.exists()


def test_triwulan_outside_the_period_is_404(client, setup):
    periode, operator = setup
    client.force_login(operator)
    assert client.get(url(periode, 2030, 1)).status_code == 404
    assert client.get(url(periode, 2024, 5)).status_code == 404


@pytest.mark.parametrize("n_sub", [1, 40])
def test_realisasi_page_query_count_is_fixed(client, django_assert_num_queries, n_sub):
    periode = PeriodeFactory()
    build_cascade(periode, n_sub=n_sub)
    for ind in Indikator.objects.filter(periode=periode):
        Realisasi.objects.create(indikator=ind, tahun=2024, triwulan=1, nilai=D(1))
    for sub in SubKegiatan.objects.filter(kegiatan__program__periode=periode):
        RealisasiAnggaran.objects.create(subkegiatan=sub, tahun=2024, triwulan=1, jumlah=D(10))
    client.force_login(user_with_role("uji", Peran.OPERATOR, periode.kecamatan))
    # session + user + profil + periode (with its kecamatan), dokumen, riwayat (none yet), 10 for the page data
    with django_assert_num_queries(16):
        response = client.get(url(periode, tw=2))
    assert response.status_code == 200
    assert response.content.decode().count('data-kolom="nilai"') == n_sub + 2


def test_values_outside_the_indicators_range_are_refused_at_their_field(client, setup):
    """Issue 19 item 3: −5 for a Persen indicator was saved and printed capaian "−5,00%"."""
    periode, operator = setup
    client.force_login(operator)
    persen = Indikator.objects.filter(periode=periode, satuan="Persen").order_by("pk")
    ind, boleh = persen[0], persen[1]
    boleh.boleh_lebih_100 = True
    boleh.save()
    dokumen = _subkegiatan_indikator(periode)[0]
    assert dokumen.satuan == "Dokumen"
    response = page_post(client, periode, {f"nilai_{ind.pk}": "-5", f"nilai_{dokumen.pk}": "-1",
                                           f"nilai_{boleh.pk}": "105"})
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors[f"nilai_{ind.pk}"] == ["Realisasi indikator bersatuan persen tidak boleh negatif."]
    assert errors[f"nilai_{dokumen.pk}"] == ["Realisasi indikator bersatuan dokumen tidak boleh negatif."]
    assert f"nilai_{boleh.pk}" not in errors  # this indicator allows more than 100
    assert not Realisasi.objects.exists()
    response = page_post(client, periode, {f"nilai_{ind.pk}": "100,5", f"nilai_{boleh.pk}": "105"})
    assert "tidak boleh lebih dari 100% (indikator ini tidak mengizinkan nilai di atas 100" in \
        response.context["form"].errors[f"nilai_{ind.pk}"][0]
    response = page_post(client, periode, {f"nilai_{ind.pk}": "62 (B-)", f"nilai_{boleh.pk}": "105"})
    assert response.status_code == 302
    assert sorted(Realisasi.objects.values_list("nilai", "label")) == [(D(62), "B-"), (D(105), "")]
