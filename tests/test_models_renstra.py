"""Models of the Renstra tables beyond the cascade: T-C.23/T-C.24 history, T-C.26 strategi."""

from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from kecamatan import models as m
from tests.factories import IndikatorFactory, IndikatorLaluFactory, PeriodeFactory, ProgramFactory, ProgramLaluFactory

pytestmark = pytest.mark.django_db


def test_one_anggaran_per_program_per_year():
    program = ProgramLaluFactory()
    m.AnggaranLalu.objects.create(program_lalu=program, tahun=2021, anggaran=D(1), realisasi=D(1))
    with pytest.raises(IntegrityError), transaction.atomic():
        m.AnggaranLalu.objects.create(program_lalu=program, tahun=2021, anggaran=D(2), realisasi=D(2))


def test_history_years_must_lie_in_the_band_and_before_the_period():
    ind = IndikatorLaluFactory(berlaku_mulai=2022, berlaku_sampai=2023)
    with pytest.raises(ValidationError, match="di luar masa berlaku 2022 - 2023"):
        m.CapaianLalu(indikator_lalu=ind, tahun=2021, target=D(1)).full_clean()
    program = ProgramLaluFactory(berlaku_mulai=2021, berlaku_sampai=2021)
    with pytest.raises(ValidationError, match="di luar masa berlaku 2021"):
        m.AnggaranLalu(program_lalu=program, tahun=2022, anggaran=D(1)).full_clean()
    late = m.IndikatorLalu(periode=ind.periode, berlaku_mulai=2023, berlaku_sampai=2024, uraian="x")
    with pytest.raises(ValidationError, match="sebelum periode Renstra 2024-2026"):
        late.full_clean()
    reversed_band = m.ProgramLalu(periode=ind.periode, berlaku_mulai=2021, berlaku_sampai=2020, uraian="x")
    with pytest.raises(ValidationError, match="tidak boleh sebelum"):
        reversed_band.full_clean()


def test_negative_amounts_are_refused():
    program = ProgramLaluFactory()
    with pytest.raises(ValidationError):
        m.AnggaranLalu(program_lalu=program, tahun=2021, anggaran=D(-1)).full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        m.AnggaranLalu.objects.create(program_lalu=program, tahun=2022, realisasi=D(-1))


def test_continued_indicator_must_belong_to_the_same_period():
    ind = IndikatorLaluFactory()
    other = IndikatorFactory(program=ProgramFactory(periode=PeriodeFactory()), satuan="Persen")
    ind.indikator = other
    with pytest.raises(ValidationError, match="periode Renstra yang sama"):
        ind.full_clean()
    ind.indikator = IndikatorFactory(program=ProgramFactory(periode=ind.periode), satuan="Persen")
    ind.full_clean()


def test_randuagung_history_is_loaded_once_per_program_and_year(randuagung):
    assert m.AnggaranLalu.objects.filter(program_lalu__periode=randuagung).count() == 25
    assert m.CapaianLalu.objects.filter(indikator_lalu__periode=randuagung).count() == 41
    linked = m.IndikatorLalu.objects.filter(periode=randuagung, indikator__isnull=False)
    assert linked.count() == 8 and all(i.berlaku_label == "2022 - 2023" for i in linked)
    assert m.ArahKebijakan.strategi.through.objects.filter(
        arahkebijakan__sasaran__tujuan__periode=randuagung).count() == 9
