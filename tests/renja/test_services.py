"""Writes to the Renja: one source of truth for a sub-kegiatan's dana, the lock of a submitted
Renja, permissions, history, and the inputs T-C.29 … T-C.32 read."""

from decimal import Decimal as D

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kecamatan.core.formatting import Nilai
from kecamatan.models import (
    Dokumen,
    Indikator,
    Pagu,
    Peran,
    Realisasi,
    ReviewRanwal,
    Riwayat,
    SubKegiatan,
    TahapTarget,
    TargetRenja,
)
from kecamatan.renja import services
from kecamatan.renja.selectors import renja_data
from kecamatan.renja.tables.tc32 import build_tc32
from kecamatan.renja.tables.tc33 import build_tc33
from tests.factories import CamatFactory, KecamatanFactory, PeriodeFactory, build_renja, user_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def renja():
    periode = PeriodeFactory()
    dokumen = build_renja(periode, n_sub=2)
    operator = user_with_role("operator.uji", Peran.OPERATOR, periode.kecamatan)
    sub = SubKegiatan.objects.filter(kegiatan__program__periode=periode).order_by("nomenklatur__kode").first()
    return periode, dokumen, operator, sub


def _simpan(dokumen, sub, by, *, dana=None, aktivitas=(), prakiraan=D(1200), targets=None):
    return services.simpan_rincian(
        dokumen=dokumen, subkegiatan=sub, lokasi="Kec. Uji", sumber_dana="DAK", catatan="", dana=dana,
        prakiraan=prakiraan, targets=targets or {}, aktivitas=list(aktivitas), by=by,
    )


def _dana(periode, sub, tahun=2024):
    data = renja_data(periode.pk, tahun)
    node = next(n for n in data.renstra.nodes() if n.key == ("subkegiatan", sub.pk))
    return data.dana(node)


def test_dana_of_a_subkegiatan_with_aktivitas_is_their_sum_and_no_pagu_is_kept(renja):
    periode, dokumen, operator, sub = renja
    _simpan(dokumen, sub, operator, dana=D(7000))  # no aktivitas: the typed dana is the Pagu
    assert Pagu.objects.get(subkegiatan=sub, tahun=2024, tahap=Pagu.Tahap.RENJA).jumlah == D(7000)
    assert _dana(periode, sub) == D(7000)
    _simpan(dokumen, sub, operator, aktivitas=[
        {"uraian": "Renja", "skala_prioritas": 1, "volume": None, "satuan": "", "jumlah": D("5136500"), "catatan": ""},
        {"uraian": "Perubahan Renja", "skala_prioritas": 2, "volume": None, "satuan": "", "jumlah": D("4704500"),
         "catatan": ""},
    ])
    assert not Pagu.objects.filter(subkegiatan=sub, tahun=2024, tahap=Pagu.Tahap.RENJA).exists()
    assert _dana(periode, sub) == D("9841000")


def test_typing_dana_beside_aktivitas_is_refused(renja):
    periode, dokumen, operator, sub = renja
    with pytest.raises(ValidationError) as exc:
        _simpan(dokumen, sub, operator, dana=D(1), aktivitas=[
            {"uraian": "A", "skala_prioritas": None, "volume": None, "satuan": "", "jumlah": D(5), "catatan": ""}])
    assert "dana" in exc.value.message_dict
    assert _dana(periode, sub) == D(1000)  # unchanged: the two aktivitas of 500 build_renja made


def test_prakiraan_and_targets_are_saved_and_rolled_up(renja):
    periode, dokumen, operator, sub = renja
    ind = Indikator.objects.get(subkegiatan=sub)
    _simpan(dokumen, sub, operator, prakiraan=D(5000), targets={ind.pk: (Nilai(D(4)), Nilai(None, "N/A"))})
    assert TargetRenja.objects.get(indikator=ind, tahun=2024, tahap=TahapTarget.RENJA).nilai == D(4)
    assert TargetRenja.objects.get(indikator=ind, tahun=2025, tahap=TahapTarget.PRAKIRAAN).label == "N/A"
    report = build_tc33(renja_data(periode.pk, 2024))
    total = next(r for r in report.rows if r.key == "TOTAL PAGU")
    assert total.cells["dana:n+1"] == D(5000 + 1200)  # prakiraan of the two sub-kegiatan


def test_a_submitted_renja_is_read_only(renja):
    periode, dokumen, operator, sub = renja
    Dokumen.objects.filter(pk=dokumen.pk).update(status=Dokumen.Status.DIAJUKAN)
    dokumen.refresh_from_db()
    attempts = [
        lambda: _simpan(dokumen, sub, operator, dana=D(1)),
        lambda: services.tambah_subkegiatan(dokumen=dokumen, subkegiatan=sub, by=operator),
        lambda: services.hapus_subkegiatan(dokumen=dokumen, subkegiatan=sub, by=operator),
        lambda: services.simpan_target_renja(dokumen=dokumen, values={}, by=operator),
        lambda: services.simpan_evaluasi(dokumen=dokumen, values={}, by=operator),
        lambda: services.simpan_analisis_kinerja(dokumen=dokumen, values={}, by=operator),
        lambda: services.simpan_usulan(dokumen=dokumen, usulan=None, data={"program": "X"}, by=operator),
        lambda: services.simpan_review_ranwal(dokumen=dokumen, baris=None, data={"urutan": 1, "tingkat": "program",
                                              "ranwal_nama": "X"}, node=None, by=operator),
    ]
    for attempt in attempts:
        with pytest.raises(ValidationError, match="Diajukan"):
            attempt()
    assert _dana(periode, sub) == D(1000)


def test_only_the_kecamatans_staff_may_edit(renja):
    """The app's one rule (access.can_edit): operator and Camat of the kecamatan; Bappeda and the
    kabupaten admin read only."""
    periode, dokumen, operator, sub = renja
    bappeda = user_with_role("bappeda.uji", Peran.VERIFIKATOR)
    other = user_with_role("operator.lain", Peran.OPERATOR, KecamatanFactory(nama="Lain"))
    admin = user_with_role("admin.uji", Peran.ADMIN)
    for user in (bappeda, other, admin):
        with pytest.raises(PermissionDenied):
            _simpan(dokumen, sub, user, dana=D(1))
    assert services.can_edit_renja(operator, periode)
    camat = user_with_role("camat.uji", Peran.CAMAT, periode.kecamatan)
    assert services.can_edit_renja(camat, periode)


def test_every_change_is_in_the_history_and_bumps_the_version(renja):
    periode, dokumen, operator, sub = renja
    before = dokumen.versi
    _simpan(dokumen, sub, operator, dana=D(1))
    dokumen.refresh_from_db()
    assert dokumen.versi == before + 1
    last = Riwayat.objects.filter(dokumen=dokumen).latest("pk")
    assert last.aksi == Riwayat.Aksi.UBAH and last.oleh == operator and sub.kode in last.catatan


def test_mulai_renja_is_a_draft_signed_by_the_latest_camat_and_idempotent(db):
    periode = PeriodeFactory()
    operator = user_with_role("operator.uji", Peran.OPERATOR, periode.kecamatan)
    import datetime

    CamatFactory(kecamatan=periode.kecamatan, nama="LAMA", mulai=datetime.date(2019, 1, 1))
    CamatFactory(kecamatan=periode.kecamatan, nama="BARU", mulai=datetime.date(2023, 1, 1))
    dokumen = services.mulai_renja(periode=periode, tahun=2025, by=operator)
    assert dokumen.status == Dokumen.Status.DRAFT and dokumen.camat.nama == "BARU"
    assert services.mulai_renja(periode=periode, tahun=2025, by=operator) == dokumen
    with pytest.raises(ValidationError):
        services.mulai_renja(periode=periode, tahun=2030, by=operator)  # outside the Renstra period


def test_taking_a_subkegiatan_out_removes_what_the_renja_set_for_it(renja):
    periode, dokumen, operator, sub = renja
    services.hapus_subkegiatan(dokumen=dokumen, subkegiatan=sub, by=operator)
    assert not Pagu.objects.filter(subkegiatan=sub, tahap=Pagu.Tahap.PRAKIRAAN).exists()
    assert not TargetRenja.objects.filter(indikator__subkegiatan=sub, tahun__in=[2024, 2025]).exists()
    assert TargetRenja.objects.filter(indikator__subkegiatan=sub, tahun=2022).exists()  # T-C.29 history stays
    assert ("subkegiatan", sub.pk) not in renja_data(periode.pk, 2024).rolled_up_dana()
    services.tambah_subkegiatan(dokumen=dokumen, subkegiatan=sub, by=operator)
    with pytest.raises(ValidationError, match="sudah ada"):
        services.tambah_subkegiatan(dokumen=dokumen, subkegiatan=sub, by=operator)


def test_evaluasi_writes_renja_targets_and_the_yearly_realisasi(renja):
    periode, dokumen, operator, sub = renja
    ind = Indikator.objects.get(subkegiatan=sub)
    services.simpan_evaluasi(dokumen=dokumen, by=operator, values={ind.pk: {
        "target_n2": Nilai(D(5)), "realisasi_n2": Nilai(None, "N/A"), "target_n1": Nilai()}})
    assert TargetRenja.objects.get(indikator=ind, tahun=2022).nilai == D(5)
    assert not TargetRenja.objects.filter(indikator=ind, tahun=2023).exists()
    realisasi = Realisasi.objects.get(indikator=ind, tahun=2022, triwulan=4)
    assert realisasi.label == "N/A" and realisasi.keterangan  # an N/A needs a reason; one is given


def test_evaluasi_inputs_of_a_renja_held_in_the_app_are_read_only(renja):
    periode, dokumen, operator, sub = renja
    renja_2026 = services.mulai_renja(periode=periode, tahun=2026, by=operator)  # Renja 2024 is `dokumen`
    assert services.evaluasi_terkunci(periode, 2026) == {"target_n2": "diisi pada Renja 2024"}
    assert services.evaluasi_terkunci(periode, 2024) == {}  # 2022 and 2023 are before the period
    ind = Indikator.objects.get(subkegiatan=sub)
    with pytest.raises(ValidationError, match="Renja 2024"):
        services.simpan_evaluasi(dokumen=renja_2026, by=operator, values={ind.pk: {"target_n2": Nilai(D(9))}})


def test_target_renja_years_are_bounded_by_the_period(renja):
    periode, dokumen, operator, sub = renja
    ind = Indikator.objects.get(subkegiatan=sub)
    with pytest.raises(ValidationError, match="di luar"):
        TargetRenja(indikator=ind, tahun=2021, nilai=D(1)).full_clean()
    TargetRenja(indikator=ind, tahun=2027, tahap=TahapTarget.PRAKIRAAN, nilai=D(1)).full_clean()


def test_review_ranwal_rows_can_be_inserted_and_must_match_their_level(renja):
    periode, dokumen, operator, sub = renja
    first = ReviewRanwal.objects.get(dokumen=dokumen, urutan=1)
    baris = services.simpan_review_ranwal(dokumen=dokumen, baris=None, by=operator, node=None, data={
        "urutan": 1, "tingkat": "program", "ranwal_nama": "Program baru", "ranwal_pagu": None})
    assert baris.urutan == 1
    first.refresh_from_db()
    assert first.urutan == 2  # moved down to make room
    with pytest.raises(ValidationError):
        services.simpan_review_ranwal(dokumen=dokumen, baris=None, by=operator, node=sub, data={
            "urutan": 9, "tingkat": "program", "ranwal_nama": "Salah tingkat"})
    with pytest.raises(ValidationError, match="Pagu indikatif"):
        services.simpan_review_ranwal(dokumen=dokumen, baris=None, by=operator, node=None, data={
            "urutan": 9, "tingkat": "program", "ranwal_nama": "X", "ranwal_pagu": D(5)})


def test_a_proposal_replaces_nihil_in_tc32(renja):
    periode, dokumen, operator, sub = renja
    dokumen.usulan_pemangku.all().delete()
    nihil = build_tc32(renja_data(periode.pk, 2024)).rows[0]
    assert nihil.kind == "band" and nihil.text == "NIHIL"
    services.simpan_usulan(dokumen=dokumen, usulan=None, by=operator, data={
        "program": "Program X", "kegiatan": "Kegiatan Y", "lokasi": "Desa Z", "indikator": "Jumlah", "volume": D(3),
        "satuan": "Unit", "pengusul": "Musrenbang"})
    assert build_tc32(renja_data(periode.pk, 2024)).rows[0].cells["usulan"] == "Program X\nKegiatan Y"
