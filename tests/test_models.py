"""Model rules that guard the data: one owner per indicator, no negative money, codes in place."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from kecamatan.models import Dokumen, Indikator, Kegiatan, Nomenklatur, Pagu, Target
from tests.factories import (
    CamatFactory,
    KecamatanFactory,
    KegiatanFactory,
    PeriodeFactory,
    ProgramFactory,
    SubKegiatanFactory,
    nomenklatur,
)

pytestmark = pytest.mark.django_db


def test_indicator_needs_exactly_one_owner():
    kegiatan = KegiatanFactory()
    periode = kegiatan.program.periode
    with pytest.raises(IntegrityError), transaction.atomic():
        Indikator.objects.create(periode=periode, uraian="x", satuan="Persen", kegiatan=kegiatan, program=kegiatan.program)
    with pytest.raises(IntegrityError), transaction.atomic():
        Indikator.objects.create(periode=periode, uraian="x", satuan="Persen")


def test_indicator_gets_its_periode_from_its_owner():
    sub = SubKegiatanFactory()
    ind = Indikator.objects.create(uraian="Jumlah dokumen", satuan="Dokumen", subkegiatan=sub)
    assert ind.periode_id == sub.kegiatan.program.periode_id
    assert ind.aturan.value == "jumlah"


def test_negative_pagu_is_refused_by_the_database():
    sub = SubKegiatanFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Pagu.objects.create(subkegiatan=sub, tahun=2024, jumlah=Decimal("-1"))


def test_kegiatan_must_belong_to_its_program_code():
    program = ProgramFactory(nomenklatur=nomenklatur("7.01.02"))
    wrong = nomenklatur("7.01.03.2.01")
    kegiatan = Kegiatan(program=program, nomenklatur=wrong)
    with pytest.raises(ValidationError) as exc:
        kegiatan.full_clean()
    assert "bukan bagian dari program 7.01.02" in str(exc.value)


def test_program_row_refuses_a_kegiatan_code():
    program = ProgramFactory.build(periode=PeriodeFactory(), nomenklatur=nomenklatur("7.01.01.2.01"))
    with pytest.raises(ValidationError) as exc:
        program.full_clean()
    assert "Pilih kode Program" in str(exc.value)


def test_nomenklatur_parent_must_match_code():
    nomenklatur("7.01.01.2.01")
    row = Nomenklatur(kode="7.01.01.2.01.0099", level="subkegiatan", nama="x", parent=nomenklatur("7.01.02.2.01"))
    with pytest.raises(ValidationError) as exc:
        row.full_clean()
    assert "Induk kode 7.01.01.2.01.0099 harus 7.01.01.2.01" in str(exc.value)
    bad = Nomenklatur(kode="7.01.01.201", level="kegiatan", nama="x")
    with pytest.raises(ValidationError):
        bad.full_clean()


def test_target_year_must_be_in_the_period():
    sub = SubKegiatanFactory()
    ind = Indikator.objects.create(uraian="x", satuan="Dokumen", subkegiatan=sub)
    with pytest.raises(ValidationError) as exc:
        Target(indikator=ind, tahun=2030, nilai=Decimal(1)).full_clean()
    assert "di luar periode Renstra 2024-2026" in str(exc.value)
    with pytest.raises(ValidationError) as exc:
        Target(indikator=ind, tahun=2025).full_clean()
    assert "Isi angka" in str(exc.value)


def test_camat_nip_and_periode_signatory():
    camat = CamatFactory(nip="19611141990031004")
    with pytest.raises(ValidationError) as exc:
        camat.full_clean()
    assert "18 angka" in str(exc.value)
    other = KecamatanFactory()
    dokumen = Dokumen(periode=PeriodeFactory(kecamatan=other), jenis=Dokumen.Jenis.RENSTRA, camat=CamatFactory())
    with pytest.raises(ValidationError) as exc:
        dokumen.full_clean()
    assert "Camat dari kecamatan yang sama" in str(exc.value)


def test_document_identity_rules():
    periode = PeriodeFactory()
    Dokumen.objects.create(periode=periode, jenis=Dokumen.Jenis.RENJA, tahun=2024)
    with pytest.raises(IntegrityError), transaction.atomic():
        Dokumen.objects.create(periode=periode, jenis=Dokumen.Jenis.RENJA, tahun=2024)
    Dokumen.objects.create(periode=periode, jenis=Dokumen.Jenis.REALISASI, tahun=2024, triwulan=1)
    Dokumen.objects.create(periode=periode, jenis=Dokumen.Jenis.REALISASI, tahun=2024, triwulan=2)
    with pytest.raises(ValidationError) as exc:
        Dokumen(periode=periode, jenis=Dokumen.Jenis.REALISASI, tahun=2024, triwulan=5).full_clean()
    assert "Triwulan harus 1 sampai 4" in str(exc.value)
    with pytest.raises(ValidationError) as exc:
        Dokumen(periode=periode, jenis=Dokumen.Jenis.LKJ, tahun=2030).full_clean()
    assert "di luar periode" in str(exc.value)
