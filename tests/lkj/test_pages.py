"""LKj entry pages over generated data: Indonesian numbers stored as Decimal and printed, errors
at the field with nothing saved, read-only for readers and while the LKj is submitted, 404 for
another kecamatan, and a fixed number of SQL queries at 1 and 40 indicators/programs."""

import datetime
from decimal import Decimal as D

import pytest
from django.urls import reverse

from kecamatan.lkj.selectors_data import lkj_data
from kecamatan.lkj.tables.iku import build_iku
from kecamatan.lkj.tables.lkj37 import build_lkj37
from kecamatan.lkj.tables.pk import build_pk
from kecamatan.models import (
    Dokumen,
    NilaiPembanding,
    Pagu,
    PenetapanIKU,
    PengaturanLKj,
    Peran,
    PerjanjianKinerja,
    ProgramPK,
    Sasaran,
    Target,
    TargetPK,
    Tujuan,
)
from tests.factories import (
    CamatFactory,
    IndikatorFactory,
    KecamatanFactory,
    KegiatanFactory,
    PeriodeFactory,
    ProgramFactory,
    SubKegiatanFactory,
    user_with_role,
)
from tests.lkj.helpers import form_data

pytestmark = pytest.mark.django_db
TAHUN = 2024


def build_lkj(periode, n: int) -> dict:
    """n sasaran indicators (IKU, with a Renstra target), n programs with Pagu, a PK awal listing
    them all, the IKU sheet, settings with a pembanding and its typed values."""
    camat = CamatFactory(kecamatan=periode.kecamatan)
    tujuan = Tujuan.objects.create(periode=periode, uraian="Meningkatnya pelayanan")
    IndikatorFactory(periode=periode, tujuan=tujuan, satuan="Persen")
    sasaran = Sasaran.objects.create(tujuan=tujuan, uraian="Meningkatnya kualitas pelayanan")
    indikator = [IndikatorFactory(periode=periode, sasaran=sasaran, satuan="Persen", iku=True, urutan=i)
                 for i in range(1, n + 1)]
    Target.objects.bulk_create([Target(indikator=i, tahun=TAHUN, nilai=D(80)) for i in indikator])
    programs = []
    for _ in range(n):
        program = ProgramFactory(periode=periode)
        sub = SubKegiatanFactory(kegiatan=KegiatanFactory(program=program))
        Pagu.objects.create(subkegiatan=sub, tahun=TAHUN, tahap=Pagu.Tahap.RENJA, jumlah=D(1000))
        programs.append(program)
    pk = PerjanjianKinerja.objects.create(periode=periode, tahun=TAHUN, camat=camat, pihak_kedua_nama="BUPATI UJI")
    TargetPK.objects.bulk_create([TargetPK(perjanjian=pk, indikator=i, urutan=u, nilai=D(80))
                                  for u, i in enumerate(indikator, 1)])
    ProgramPK.objects.bulk_create([ProgramPK(perjanjian=pk, program=p, urutan=u, keterangan="Sumber DAU")
                                   for u, p in enumerate(programs, 1)])
    PenetapanIKU.objects.create(periode=periode, tahun=TAHUN, camat=camat, tugas_pokok="Tugas")
    lain = KecamatanFactory(kabupaten=periode.kecamatan.kabupaten, nama="Pembanding")
    PengaturanLKj.objects.create(periode=periode, tahun=TAHUN, kecamatan_pembanding=lain)
    NilaiPembanding.objects.bulk_create([NilaiPembanding(indikator=i, tahun=TAHUN, kecamatan=lain, nilai=D(70))
                                         for i in indikator])
    return {"camat": camat, "indikator": indikator, "programs": programs, "pk": pk, "lain": lain}


@pytest.fixture
def world(client):
    periode = PeriodeFactory()
    objects = build_lkj(periode, 2)
    client.force_login(user_with_role("operator.uji", Peran.OPERATOR, periode.kecamatan))
    return periode, objects


def _url(name, periode, *args):
    return reverse(f"kecamatan:{name}", args=[periode.pk, TAHUN, *args])


def test_pk_target_in_indonesian_notation_is_stored_as_decimal_and_printed(client, world):
    periode, o = world
    ind = o["indikator"][1]
    form = client.get(_url("lkj_pk", periode, "awal")).context["form"]
    data = form_data(form, **{f"target_{ind.pk}": "-1,5", "ttd_tanggal": "2024-02-01",
                              f"program_{o['programs'][0].pk}": None})
    response = client.post(_url("lkj_pk", periode, "awal"), data)  # a persen indicator: never negative
    assert response.context["form"].errors[f"target_{ind.pk}"] == [
        "Target indikator bersatuan persen tidak boleh negatif."]
    ind.boleh_lebih_100 = True  # 1.234,5 %: only for an indicator that allows more than 100
    ind.save()
    data = form_data(form, **{f"target_{ind.pk}": "1.234,5", "ttd_tanggal": "2024-02-01",
                              f"program_{o['programs'][0].pk}": None})
    assert client.post(_url("lkj_pk", periode, "awal"), data).status_code == 302
    assert TargetPK.objects.get(perjanjian=o["pk"], indikator=ind).nilai == D("1234.5")
    target, anggaran = build_pk(lkj_data(periode.pk, TAHUN))
    assert target.keys[-1] == "target:awal" and target.rows[1].cells["target:awal"].nilai.nilai == D("1234.5")
    assert len(anggaran.rows) == 2  # one program left out, then JUMLAH
    assert PerjanjianKinerja.objects.get(pk=o["pk"].pk).ttd_tanggal == datetime.date(2024, 2, 1)


def test_pk_signatory_must_be_a_camat_of_this_kecamatan(client, world):
    periode, o = world
    other = CamatFactory(kecamatan=KecamatanFactory(nama="Asing"))
    form = client.get(_url("lkj_pk", periode, "awal")).context["form"]
    response = client.post(_url("lkj_pk", periode, "awal"), form_data(form, camat=other.pk))
    assert response.status_code == 200 and response.context["form"].errors["camat"]
    assert PerjanjianKinerja.objects.get(pk=o["pk"].pk).camat_id == o["camat"].pk


def test_lkj_signatory_is_chosen_on_its_page_and_printed(client, world):
    periode, o = world
    assert not Dokumen.objects.filter(periode=periode, jenis="lkj").exists()  # made by the first save
    form = client.get(_url("lkj_penandatangan", periode)).context["form"]
    assert form["camat"].value() == o["camat"].pk  # the kecamatan's Camat is offered
    data = form_data(form, ttd_tempat="Lumajang", ttd_tanggal="2025-01-15")
    assert client.post(_url("lkj_penandatangan", periode), data).status_code == 302
    dokumen = Dokumen.objects.get(periode=periode, jenis="lkj", tahun=TAHUN)
    assert (dokumen.camat_id, dokumen.ttd_tanggal, dokumen.versi) == (o["camat"].pk, datetime.date(2025, 1, 15), 1)
    ttd = lkj_data(periode.pk, TAHUN).penandatangan
    assert (ttd.nama, ttd.tempat, ttd.nip) == (o["camat"].nama, "Lumajang", o["camat"].nip_cetak)
    other = CamatFactory(kecamatan=KecamatanFactory(nama="Asing"))
    response = client.post(_url("lkj_penandatangan", periode), form_data(form, camat=other.pk, versi=1))
    assert response.status_code == 200 and response.context["form"].errors["camat"]
    assert Dokumen.objects.get(pk=dokumen.pk).camat_id == o["camat"].pk


def test_a_concurrent_save_is_refused(client, world):
    periode, o = world
    form = client.get(_url("lkj_pk", periode, "awal")).context["form"]
    ind = o["indikator"][0]
    assert client.post(_url("lkj_pk", periode, "awal"), form_data(form, **{f"target_{ind.pk}": "81"})).status_code == 302
    response = client.post(_url("lkj_pk", periode, "awal"), form_data(form, **{f"target_{ind.pk}": "82"}))
    assert response.status_code == 200 and "TIDAK disimpan" in response.content.decode()
    assert TargetPK.objects.get(perjanjian=o["pk"], indikator=ind).nilai == D(81)


def test_iku_sheet_fields_are_saved_and_printed(client, world):
    periode, o = world
    form = client.get(_url("lkj_iku", periode)).context["form"]
    data = form_data(form, tugas_pokok="Membantu Bupati", fungsi="a. koordinasi\nb. pelayanan",
                     ttd_tempat="Lumajang", ttd_tanggal="2024-01-02")
    assert client.post(_url("lkj_iku", periode), data).status_code == 302
    report = build_iku(lkj_data(periode.pk, TAHUN))
    assert report.penandatangan.tempat == "Lumajang" and report.penandatangan.nama == o["camat"].nama
    assert PenetapanIKU.objects.get(periode=periode, tahun=TAHUN).fungsi == "a. koordinasi\nb. pelayanan"


def test_settings_and_pembanding_values_reach_tabel_37(client, world):
    periode, o = world
    kedua = KecamatanFactory(kabupaten=periode.kecamatan.kabupaten, nama="Kedua")
    form = client.get(_url("lkj_pengaturan", periode)).context["form"]
    assert client.post(_url("lkj_pengaturan", periode),
                       form_data(form, kecamatan_pembanding=kedua.pk, catatan_anggaran="Data SIPD")).status_code == 302
    assert PengaturanLKj.objects.get(periode=periode, tahun=TAHUN).kecamatan_pembanding == kedua
    ind = o["indikator"][0]
    page = client.get(_url("lkj_pembanding", periode))
    assert page.context["kecamatan"] == kedua
    data = form_data(page.context["form"], kecamatan="kedua", **{f"nilai_{ind.pk}": "87,5", f"sumber_{ind.pk}": "LKj"})
    assert client.post(_url("lkj_pembanding", periode), data).status_code == 302
    stored = NilaiPembanding.objects.get(indikator=ind, kecamatan=kedua, tahun=TAHUN)
    assert (stored.nilai, stored.sumber) == (D("87.5"), "LKj")
    assert lkj_data(periode.pk, TAHUN).pembanding.nilai[ind.pk].nilai == D("87.5")
    build_lkj37(lkj_data(periode.pk, TAHUN))  # prints


def test_invalid_pembanding_value_saves_nothing(client, world):
    periode, o = world
    a, b = o["indikator"]
    page = client.get(_url("lkj_pembanding", periode))
    response = client.post(_url("lkj_pembanding", periode), form_data(
        page.context["form"], kecamatan="pembanding", **{f"nilai_{a.pk}": "sedang", f"nilai_{b.pk}": "1"}))
    assert response.status_code == 200 and "bukan nilai yang dikenali" in response.content.decode()
    assert NilaiPembanding.objects.get(indikator=b, kecamatan=o["lain"]).nilai == D(70)


def test_own_kecamatan_is_no_pembanding(client, world):
    periode, o = world
    assert client.get(_url("lkj_pembanding", periode) + f"?kecamatan={periode.kecamatan.slug}").status_code == 404


def test_reader_sees_read_only_and_cannot_post(client, world):
    periode, o = world
    client.force_login(user_with_role("bappeda.uji", Peran.VERIFIKATOR))
    ind = o["indikator"][0]
    for name, args in (("lkj_pk", ["awal"]), ("lkj_iku", []), ("lkj_pengaturan", []), ("lkj_pembanding", [])):
        page = client.get(_url(name, periode, *args))
        html = page.content.decode()
        assert page.status_code == 200 and "hanya dapat dilihat" in html and ">Simpan</button>" not in html, name
        assert client.post(_url(name, periode, *args), form_data(page.context["form"])).status_code == 403, name
    assert TargetPK.objects.get(perjanjian=o["pk"], indikator=ind).nilai == D(80)


def test_another_kecamatan_gets_404(client, world):
    periode, o = world
    client.force_login(user_with_role("op.lain", Peran.OPERATOR, KecamatanFactory(nama="Lain")))
    for name, args in (("lkj_isian", []), ("lkj_pk", ["awal"]), ("lkj_pk", ["perubahan"]), ("lkj_iku", []),
                       ("lkj_pengaturan", []), ("lkj_pembanding", [])):
        assert client.get(_url(name, periode, *args)).status_code == 404, name
        assert client.post(_url(name, periode, *args), {}).status_code == 404, name
    assert client.post(_url("lkj_pk_perubahan", periode), {"versi": 0}).status_code == 404
    assert not PerjanjianKinerja.objects.filter(periode=periode, versi="perubahan").exists()


def test_locked_lkj_refuses_every_page(client, world):
    periode, o = world
    Dokumen.objects.create(periode=periode, jenis=Dokumen.Jenis.LKJ, tahun=TAHUN, status=Dokumen.Status.DIVERIFIKASI)
    for name, args in (("lkj_pk", ["awal"]), ("lkj_iku", []), ("lkj_pengaturan", []), ("lkj_pembanding", [])):
        page = client.get(_url(name, periode, *args))
        assert "<fieldset disabled" in page.content.decode(), name
        response = client.post(_url(name, periode, *args), form_data(page.context["form"]), follow=True)
        assert "tidak dapat diubah" in response.content.decode(), name
    response = client.post(_url("lkj_pk_perubahan", periode), {"versi": 0}, follow=True)
    assert "tidak dapat diubah" in response.content.decode()
    assert not PerjanjianKinerja.objects.filter(periode=periode, versi="perubahan").exists()


# session + user + profil + periode (access) + LKj document, then each page's own
PAGES = {
    ("lkj_isian",): 8,  # + PK versions, IKU sheet, settings
    ("lkj_pk", "awal"): 12,  # + PK versions, indicators, programs, targets, programs listed, pagu sums, Camat
    ("lkj_pk", "perubahan"): 10,  # not made yet: no form, only the offer to copy the awal
    ("lkj_iku",): 9,  # + IKU sheet, Camat, indicators, their targets
    ("lkj_pengaturan",): 7,  # + settings, the other kecamatan
    ("lkj_pembanding",): 9,  # + settings, indicators, typed values, the other kecamatan
    ("lkj_penandatangan",): 7,  # + the Camat offered by default, the Camat records to pick from
}


@pytest.mark.parametrize("n", [1, 40])
@pytest.mark.parametrize("page", sorted(PAGES), ids=lambda p: "-".join(p))
def test_page_query_count_is_fixed(client, django_assert_num_queries, page, n):
    periode = PeriodeFactory()
    build_lkj(periode, n)
    client.force_login(user_with_role("operator.uji", Peran.OPERATOR, periode.kecamatan))
    url = _url(page[0], periode, *page[1:])
    with django_assert_num_queries(PAGES[page]):
        assert client.get(url).status_code == 200
