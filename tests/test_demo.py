"""The demo data: Randuagung's Renstra 2024-2026 reproduces the document's own figures."""

import json
from decimal import Decimal as D

import pytest
from django.apps import apps

from kecamatan.core import kode as kode_mod
from kecamatan.core.formatting import parse_nilai, parse_number
from kecamatan.demo.common import FIXTURES
from kecamatan.demo.muat import muat_demo
from kecamatan.models import Kecamatan, Nomenklatur, Pagu, Periode, SubKegiatan
from kecamatan.renstra.data import TOTAL
from kecamatan.renstra.selectors import renstra_data

pytestmark = pytest.mark.django_db

LUMAJANG = {
    "Tempursari", "Pronojiwo", "Candipuro", "Pasirian", "Tempeh", "Lumajang", "Sumbersuko", "Tekung", "Kunir",
    "Yosowilangun", "Rowokangkung", "Jatiroto", "Randuagung", "Sukodono", "Padang", "Pasrujambe", "Senduro",
    "Gucialit", "Kedungjajang", "Klakah", "Ranuyoso",
}


def _snapshot():
    """Every row of every model of the app, as values, to compare before/after."""
    out = {}
    for model in apps.get_app_config("kecamatan").get_models():
        out[model.__name__] = sorted(map(repr, model.objects.values_list()))
    return out


@pytest.mark.sqlite
def test_muat_demo_loads_the_21_kecamatan_and_is_idempotent(db, full_demo_snapshot):
    """The whole demo, the generated kecamatan (demo_kabupaten) included: a second run creates and
    changes nothing. The first run is the session's `muat_demo()` on this empty test database
    (its report and rows, copied in: tests/demo_snapshot.py); the second runs here."""
    first = full_demo_snapshot.restore()
    assert set(Kecamatan.objects.values_list("nama", flat=True)) == LUMAJANG
    # every kecamatan without a real Renstra (Randuagung, Senduro, Jatiroto have one) gets a generated one
    real = set(Periode.objects.filter(demo=False).values_list("kecamatan__nama", flat=True))
    assert real == {"Randuagung", "Senduro", "Jatiroto"}
    assert first.created["periode (demo)"] == 21 - len(real)
    assert not Periode.objects.get(kecamatan__nama="Randuagung").demo
    before = _snapshot()
    second = muat_demo()
    assert second.created == {}
    assert _snapshot() == before


def test_rolled_up_pagu_reproduces_tc27(randuagung):
    pagu = renstra_data(randuagung.pk).rolled_up_pagu()
    total = pagu[TOTAL]
    assert total == {2024: D("1916486189"), 2025: D("2351113139"), 2026: D("2254684419")}
    assert sum(total.values()) == D("6522283747")
    program = {p.kode: p for p in renstra_data(randuagung.pk).program}["7.01.01"]
    assert pagu[program.key][2024] == D("1699465689")


def test_pagu_is_entered_only_on_subkegiatan(randuagung):
    # the totals are computed, not stored: the only money rows are sub-kegiatan pagu
    assert Pagu.objects.filter(subkegiatan__kegiatan__program__periode=randuagung).count() == 131
    assert SubKegiatan.objects.filter(kegiatan__program__periode=randuagung).count() == 49


def _printed_nodes():
    data = json.loads((FIXTURES / "renstra_randuagung_2024_2026.json").read_text(encoding="utf-8"))
    for program in data["program"]:
        yield program
        for kegiatan in program["kegiatan"]:
            yield kegiatan
            yield from kegiatan["subkegiatan"]


def test_every_akhir_periode_reproduces_the_document(randuagung):
    """Each indicator's computed end-of-period target and each sub-kegiatan's summed Rp equal
    what T-C.27 prints in columns 24 and 25 (tables.md §2.7: all green)."""
    data = renstra_data(randuagung.pk)
    computed = {node.nama: node for node in data.nodes()}
    pagu = data.rolled_up_pagu()
    checked = 0
    for printed in _printed_nodes():
        node = computed[printed["nama"]]
        for ind_printed, ind in zip(printed["indikator"], node.indikator, strict=True):
            expected = parse_nilai(ind_printed["akhir_tercetak"]).nilai
            got = ind.target_akhir(data.tahun)
            # percentages are printed rounded to whole numbers ("92%" for 91,67)
            assert got.quantize(D(1)) == expected.quantize(D(1)), (node.kode, ind.uraian)
            checked += 1
        if "pagu_akhir_tercetak" in printed:
            assert sum(pagu[node.key].values()) == parse_number(printed["pagu_akhir_tercetak"]), node.kode
    assert checked == 72


def test_every_code_is_canonical_and_in_the_catalog(randuagung):
    data = renstra_data(randuagung.pk)
    catalog = set(Nomenklatur.objects.values_list("kode", flat=True))
    for node in data.nodes():
        assert kode_mod.is_canonical(node.kode)
        assert node.kode in catalog
    codes = [n.kode for n in data.nodes()]
    assert "7.01.01.2.05" in codes and "7.01.01.2.05.0002" in codes  # the "205" and "2" rows


def test_catalog_rows_are_consistent(demo):
    for node in Nomenklatur.objects.select_related("parent"):
        node.full_clean()


def test_signatory_of_the_renstra(randuagung):
    data = renstra_data(randuagung.pk)
    assert data.penandatangan.nama == "ISKANDAR"
    assert data.penandatangan.nip == "19650905 199003 1 009"
    assert data.penandatangan.jabatan == "Camat Randuagung"


def test_renstra_data_query_count_does_not_grow(django_assert_num_queries, db):
    from tests.factories import PeriodeFactory, build_cascade

    small = PeriodeFactory()
    build_cascade(small, n_sub=1)
    large = PeriodeFactory()
    build_cascade(large, n_sub=60)
    with django_assert_num_queries(10):
        renstra_data(small.pk)
    with django_assert_num_queries(10):
        data = renstra_data(large.pk)
    assert len(list(data.nodes())) == 62


def test_periode_label(randuagung):
    assert str(randuagung) == "Renstra Randuagung 2024-2026"
    assert Periode.objects.count() >= 1
