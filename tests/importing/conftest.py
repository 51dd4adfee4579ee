import pytest

from kecamatan.models import Indikator, Peran, Sasaran, Target, Tujuan
from tests.factories import KecamatanFactory, PeriodeFactory, build_cascade, user_with_role


@pytest.fixture
def kecil(db):
    """A small Renstra (a tujuan, a sasaran, one program → kegiatan → 3 sub-kegiatan, each level
    with an indicator, targets and pagu per year) with its operator and Camat: quicker than the demo."""
    periode = PeriodeFactory(kecamatan=KecamatanFactory(nama="Kecil"))
    build_cascade(periode, n_sub=3)
    tujuan = Tujuan.objects.create(periode=periode, uraian="Tujuan uji")
    sasaran = Sasaran.objects.create(tujuan=tujuan, uraian="Sasaran uji")
    ind = Indikator.objects.create(sasaran=sasaran, uraian="Indeks uji", satuan="Indeks")
    for tahun in periode.tahun_list:
        Target.objects.create(indikator=ind, tahun=tahun, nilai=70 + tahun - 2024)
    user_with_role("operator.kecil", Peran.OPERATOR, periode.kecamatan)
    user_with_role("camat.kecil", Peran.CAMAT, periode.kecamatan)
    return periode
