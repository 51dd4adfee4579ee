"""One rule for "the Renja/DPA budget" of a sub-kegiatan everywhere it is read: the sum of its
aktivitas when its Renja itemises it (then no Pagu of tahap renja exists, issue 6), else its Pagu.
The Renja tables, the LKj/PK (lkj_data reads renstra_data(tahap=renja)), the triwulan page's
penyerapan and Bappeda's absorption comparison must all see the same figure."""

import datetime
from decimal import Decimal as D

import pytest

from kecamatan.models import Aktivitas, Kabupaten, Pagu, SubKegiatan
from kecamatan.perbandingan.data import Pilihan
from kecamatan.perbandingan.selectors import penyerapan_data
from kecamatan.realisasi.selectors import realisasi_triwulan_data
from kecamatan.renstra.selectors import renstra_data
from tests.factories import PeriodeFactory, build_renja

pytestmark = pytest.mark.django_db


@pytest.fixture
def itemised():
    """A Renja 2024 of three sub-kegiatan, each itemised into two aktivitas (500 + 500); one
    aktivitas raised to 700, so that sub-kegiatan's dana is 1.200 while its Renstra pagu is 1.000."""
    periode = PeriodeFactory()
    build_renja(periode, n_sub=3)
    first = Aktivitas.objects.filter(rincian__dokumen__periode=periode).order_by("pk").first()
    first.jumlah = D(700)
    first.save()
    sub = SubKegiatan.objects.get(rincian_renja__aktivitas=first)
    assert not Pagu.objects.filter(subkegiatan__kegiatan__program__periode=periode, tahap="renja").exists()
    return periode, sub


def test_renstra_data_of_tahap_renja_takes_the_aktivitas_sum(itemised):
    periode, sub = itemised
    data = renstra_data(periode.pk, tahap=Pagu.Tahap.RENJA)
    pagu = {node.id: node.pagu for node in data.nodes() if node.level == "subkegiatan"}
    assert pagu[sub.pk] == {2024: D(1200)}
    assert sorted(p[2024] for p in pagu.values()) == [D(1000), D(1000), D(1200)]
    # the Renstra stage is untouched
    renstra = {n.id: n.pagu for n in renstra_data(periode.pk).nodes() if n.level == "subkegiatan"}
    assert renstra[sub.pk][2024] == D(1000)


def test_triwulan_page_measures_penyerapan_against_the_renja_dana(itemised):
    periode, sub = itemised
    data = realisasi_triwulan_data(periode, 2024, 1)
    row = next(a for a in data.anggaran if a.id == sub.pk)
    assert (row.pagu, row.tahap_pagu) == (D(1200), Pagu.Tahap.RENJA.label)


def test_bappeda_absorption_takes_the_aktivitas_sum_unless_there_is_a_perubahan(itemised):
    periode, sub = itemised
    pilihan = Pilihan(2024, 4, datetime.date(2025, 1, 31))
    kabupaten = Kabupaten.objects.get(pk=periode.kecamatan.kabupaten_id)

    def pagu_2024():
        data = penyerapan_data(kabupaten, pilihan)
        return sum(a.pagu for a in data.anggaran if a.kecamatan_id == periode.kecamatan_id and a.tahun == 2024)

    assert pagu_2024() == D(3200)  # 1.200 + 1.000 + 1.000, not the Renstra's 3 × 1.000
    Pagu.objects.create(subkegiatan=sub, tahun=2024, tahap=Pagu.Tahap.PERUBAHAN, jumlah=D(900))
    assert pagu_2024() == D(2900)  # the Perubahan is the latest stage of that sub-kegiatan


def test_a_prakiraan_maju_is_no_budget_of_its_year(itemised):
    """The Renja 2024's prakiraan maju of 2025 is a forecast, not a stage of the 2025 budget: until a
    Renja 2025 exists, 2025 is measured against the Renstra pagu alone, never against both added up."""
    periode, sub = itemised
    kabupaten = Kabupaten.objects.get(pk=periode.kecamatan.kabupaten_id)
    Pagu.objects.filter(subkegiatan__kegiatan__program__periode=periode, tahun=2025).delete()
    Pagu.objects.create(subkegiatan=sub, tahun=2025, tahap=Pagu.Tahap.RENSTRA, jumlah=D(1100))
    Pagu.objects.create(subkegiatan=sub, tahun=2025, tahap=Pagu.Tahap.PRAKIRAAN, jumlah=D(1300))
    data = penyerapan_data(kabupaten, Pilihan(2025, 4, datetime.date(2026, 1, 31)))
    assert sum(a.pagu for a in data.anggaran if a.kecamatan_id == periode.kecamatan_id and a.tahun == 2025) == D(1100)
    row = next(a for a in realisasi_triwulan_data(periode, 2025, 1).anggaran if a.id == sub.pk)
    assert row.pagu == D(1100)  # the kecamatan's own triwulan page agrees
