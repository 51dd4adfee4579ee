"""Validation of the yearly performance models: what a user could get wrong in the admin."""

from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from kecamatan import models as m
from tests.factories import CamatFactory, IndikatorFactory, KecamatanFactory, PeriodeFactory, ProgramFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def periode():
    return PeriodeFactory()


def _pk(periode, versi="awal", **kw):
    return m.PerjanjianKinerja(periode=periode, tahun=2024, versi=versi, camat=CamatFactory(kecamatan=periode.kecamatan),
                               pihak_kedua_nama="BUPATI UJI", **kw)


def test_a_perubahan_needs_its_awal(periode):
    with pytest.raises(ValidationError, match="Buat dulu Perjanjian Kinerja awal tahun 2024"):
        _pk(periode, "perubahan").full_clean()
    _pk(periode).save()
    _pk(periode, "perubahan").full_clean()


def test_pk_year_and_signatory_belong_to_the_period(periode):
    with pytest.raises(ValidationError, match="di luar periode"):
        m.PerjanjianKinerja(periode=periode, tahun=2030, camat=CamatFactory(kecamatan=periode.kecamatan),
                            pihak_kedua_nama="B").full_clean()
    with pytest.raises(ValidationError, match="Camat dari kecamatan yang sama"):
        m.PerjanjianKinerja(periode=periode, tahun=2024, camat=CamatFactory(), pihak_kedua_nama="B").full_clean()


def test_pk_targets_are_tujuan_or_sasaran_indicators_of_the_same_renstra(periode):
    pk = _pk(periode)
    pk.save()
    program = ProgramFactory(periode=periode)
    with pytest.raises(ValidationError, match="indikator tujuan atau sasaran"):
        m.TargetPK(perjanjian=pk, indikator=IndikatorFactory(periode=periode, program=program), nilai=D(1)).full_clean()
    other = PeriodeFactory()
    tujuan = m.Tujuan.objects.create(periode=other, uraian="Lain")
    with pytest.raises(ValidationError, match="Renstra yang sama"):
        m.TargetPK(perjanjian=pk, indikator=IndikatorFactory(periode=other, tujuan=tujuan), nilai=D(1)).full_clean()
    with pytest.raises(ValidationError, match="Renstra yang sama"):
        m.ProgramPK(perjanjian=pk, program=ProgramFactory(periode=other)).full_clean()


def test_comparison_kecamatan_is_another_one_of_the_same_kabupaten(periode):
    with pytest.raises(ValidationError, match="kecamatan lain"):
        m.PengaturanLKj(periode=periode, tahun=2024, kecamatan_pembanding=periode.kecamatan).full_clean()
    kab_lain = m.Kabupaten.objects.create(nama="Jember", provinsi="Jawa Timur", slug="jember")
    with pytest.raises(ValidationError, match="kabupaten yang sama"):
        m.PengaturanLKj(periode=periode, tahun=2024,
                        kecamatan_pembanding=KecamatanFactory(kabupaten=kab_lain)).full_clean()
    m.PengaturanLKj(periode=periode, tahun=2024,
                    kecamatan_pembanding=KecamatanFactory(kabupaten=periode.kecamatan.kabupaten)).full_clean()


def test_typed_comparison_value_is_for_another_kecamatan(periode):
    ind = IndikatorFactory(periode=periode, tujuan=m.Tujuan.objects.create(periode=periode, uraian="T"))
    with pytest.raises(ValidationError, match="kecamatan lain"):
        m.NilaiPembanding(indikator=ind, tahun=2024, kecamatan=periode.kecamatan, nilai=D(1)).full_clean()


def test_a_scale_has_one_lowest_band_per_kabupaten_and_year(periode):
    kab = periode.kecamatan.kabupaten
    m.SkalaKriteria.objects.create(kabupaten=kab, berlaku_mulai=2024, batas_bawah=None, kriteria="Sangat Rendah")
    with pytest.raises(IntegrityError), transaction.atomic():
        m.SkalaKriteria.objects.create(kabupaten=kab, berlaku_mulai=2024, batas_bawah=None, kriteria="Lain")
    m.SkalaKriteria.objects.create(kabupaten=kab, berlaku_mulai=2025, batas_bawah=None, kriteria="Sangat Rendah")


def test_penetapan_iku_signatory_is_the_kecamatans_camat(periode):
    with pytest.raises(ValidationError, match="Camat dari kecamatan yang sama"):
        m.PenetapanIKU(periode=periode, tahun=2025, camat=CamatFactory()).full_clean()
