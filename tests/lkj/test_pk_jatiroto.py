"""The Perjanjian Kinerja of Jatiroto 2024 (demo: awal and perubahan) through its entry page:
what the page saves is what `cetak pk` prints, and the anggaran stays the Pagu roll-up."""

from decimal import Decimal as D

import pytest
from django.urls import reverse

from kecamatan.lkj.selectors_data import lkj_data
from kecamatan.lkj.tables.pk import build_pk
from kecamatan.models import (
    Dokumen,
    Indikator,
    Periode,
    PerjanjianKinerja,
    ProgramPK,
    Riwayat,
    TargetPK,
)
from kecamatan.renstra.data import TOTAL
from tests.factories import KecamatanFactory, PeriodeFactory
from tests.lkj.helpers import form_data
from tests.reports.demo_once import demo_once  # noqa: F401 (module-scoped demo)

pytestmark = pytest.mark.django_db


@pytest.fixture
def jatiroto(demo_once, db) -> Periode:
    return Periode.objects.get(kecamatan__nama="Jatiroto", tahun_mulai=2024)


@pytest.fixture
def operator(client, jatiroto):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username="operator.jatiroto"))
    return client


def _url(periode, versi):
    return reverse("kecamatan:lkj_pk", args=[periode.pk, 2024, versi])


def _cells(periode):
    return [[row.cells for row in report.rows] for report in build_pk(lkj_data(periode.pk, 2024))]


def _anggaran(periode):
    data = lkj_data(periode.pk, 2024)
    return data.rolled(data.pagu_awal)[TOTAL], data.rolled(data.pagu_perubahan)[TOTAL]


def test_changing_one_perubahan_target_changes_exactly_that_cell_of_the_pk(operator, jatiroto):
    before = _cells(jatiroto)
    pk = PerjanjianKinerja.objects.get(periode=jatiroto, tahun=2024, versi="perubahan")
    target = TargetPK.objects.filter(perjanjian=pk).order_by("urutan").first()
    form = operator.get(_url(jatiroto, "perubahan")).context["form"]
    response = operator.post(_url(jatiroto, "perubahan"), form_data(form, **{f"target_{target.indikator_id}": "91,25"}))
    assert response.status_code == 302, response.context["form"].errors
    target.refresh_from_db()
    assert (target.nilai, target.label) == (D("91.25"), "")
    after = _cells(jatiroto)
    changed = [(t, r, key) for t, (rows_b, rows_a) in enumerate(zip(before, after)) for r, (b, a) in
               enumerate(zip(rows_b, rows_a)) for key in {*b, *a} if b.get(key) != a.get(key)]
    assert len(changed) == 1
    t, r, key = changed[0]
    assert after[t][r][key].nilai.nilai == D("91.25")
    assert key == "target:perubahan"
    assert build_pk(lkj_data(jatiroto.pk, 2024))[t].column(key).label == "Target Perubahan"
    assert _anggaran(jatiroto) == (D("1954066949"), D("1778336397"))
    riwayat = Riwayat.objects.filter(dokumen__periode=jatiroto, dokumen__jenis="lkj").latest("pk")
    assert riwayat.perubahan[0]["ke"] == "91,25" and riwayat.oleh.username == "operator.jatiroto"


def test_anggaran_is_computed_whatever_the_form_says(operator, jatiroto):
    """The page shows each program's anggaran but has no field for it: a tampered anggaran is ignored."""
    for versi in ("awal", "perubahan"):
        form = operator.get(_url(jatiroto, versi)).context["form"]
        assert not any(name.startswith("anggaran") for name in form.fields)
        assert "1.954.066.949" not in form.fields  # noqa: the amounts are shown, not typed
        response = operator.post(_url(jatiroto, versi), form_data(form))
        assert response.status_code == 302
    assert _anggaran(jatiroto) == (D("1954066949"), D("1778336397"))
    html = operator.get(_url(jatiroto, "awal")).content.decode()
    assert "Rp" in html and "dijumlahkan dari pagu" in html


def test_perubahan_made_from_awal_copies_targets_and_programs(operator, jatiroto):
    PerjanjianKinerja.objects.filter(periode=jatiroto, tahun=2024, versi="perubahan").delete()
    awal = PerjanjianKinerja.objects.get(periode=jatiroto, tahun=2024, versi="awal")
    page = operator.get(_url(jatiroto, "perubahan"))
    assert page.context["form"] is None and "Buat perubahan dari PK awal" in page.content.decode()
    versi = Dokumen.objects.get(periode=jatiroto, jenis="lkj", tahun=2024).versi
    response = operator.post(reverse("kecamatan:lkj_pk_perubahan", args=[jatiroto.pk, 2024]), {"versi": versi})
    assert response.status_code == 302
    baru = PerjanjianKinerja.objects.get(periode=jatiroto, tahun=2024, versi="perubahan")
    assert baru.camat_id == awal.camat_id and baru.pihak_kedua_nama == awal.pihak_kedua_nama

    def targets(pk):
        return list(TargetPK.objects.filter(perjanjian=pk).order_by("urutan").values_list("indikator", "nilai", "label"))

    def programs(pk):
        return list(ProgramPK.objects.filter(perjanjian=pk).order_by("urutan").values_list("program", "keterangan"))

    assert targets(baru) == targets(awal) and len(targets(awal)) > 0
    assert programs(baru) == programs(awal) and len(programs(awal)) > 0


def test_text_in_a_target_is_refused_in_indonesian_and_nothing_is_saved(operator, jatiroto):
    pk = PerjanjianKinerja.objects.get(periode=jatiroto, tahun=2024, versi="perubahan")
    target = TargetPK.objects.filter(perjanjian=pk).order_by("urutan").first()
    other = TargetPK.objects.filter(perjanjian=pk).order_by("urutan").last()
    form = operator.get(_url(jatiroto, "perubahan")).context["form"]
    before = _cells(jatiroto)
    response = operator.post(_url(jatiroto, "perubahan"), form_data(
        form, **{f"target_{target.indikator_id}": "tinggi", f"target_{other.indikator_id}": "12,5",
                 "pihak_kedua_nama": "NAMA BARU"}))
    assert response.status_code == 200
    assert "bukan nilai yang dikenali" in response.context["form"].errors[f"target_{target.indikator_id}"][0]
    assert _cells(jatiroto) == before
    assert PerjanjianKinerja.objects.get(pk=pk.pk).pihak_kedua_nama != "NAMA BARU"


def test_a_target_for_another_kecamatans_indicator_is_404(operator, jatiroto):
    lain = PeriodeFactory(kecamatan=KecamatanFactory(nama="Tetangga"))
    foreign = Indikator.objects.create(periode=lain, uraian="Indeks lain", satuan="Indeks",
                                       tujuan=lain.tujuan.create(uraian="Tujuan lain"))
    form = operator.get(_url(jatiroto, "perubahan")).context["form"]
    before = _cells(jatiroto)
    response = operator.post(_url(jatiroto, "perubahan"), form_data(form, **{f"target_{foreign.pk}": "80"}))
    assert response.status_code == 404
    assert not TargetPK.objects.filter(indikator=foreign).exists() and _cells(jatiroto) == before


def test_a_locked_lkj_refuses_edits_and_shows_read_only(operator, jatiroto):
    Dokumen.objects.filter(periode=jatiroto, jenis="lkj", tahun=2024).update(status=Dokumen.Status.DIAJUKAN)
    before = _cells(jatiroto)
    page = operator.get(_url(jatiroto, "perubahan"))
    assert "hanya dapat dilihat" in page.content.decode() and "<fieldset disabled" in page.content.decode()
    form = page.context["form"]
    ind = form.indikator[0][1]
    response = operator.post(_url(jatiroto, "perubahan"), form_data(form, **{f"target_{ind.pk}": "1"}), follow=True)
    assert "tidak dapat diubah" in response.content.decode()
    assert _cells(jatiroto) == before
