"""T-C.26: strategi and arah kebijakan as two lists under a sasaran, merged where linked and side
by side where not; Randuagung prints as its document."""

import pytest

from kecamatan.admin import ArahKebijakanForm
from kecamatan.renstra.data_tabel import (
    ArahKebijakanData,
    SasaranStrategiData,
    StrategiArahData,
    StrategiData,
    TujuanStrategiData,
)
from kecamatan.renstra.tables.tc26 import build_tc26, groups_of
from kecamatan.tables.base import COVERED


def S(id):
    return StrategiData(id, f"S{id}")


def A(id, *links):
    return ArahKebijakanData(id, f"A{id}", strategi_ids=links)


def data(*sasaran) -> StrategiArahData:
    return StrategiArahData(periode_id=1, kecamatan="Uji", kabupaten="Lumajang", tahun=(2024, 2025, 2026),
                            tujuan=(TujuanStrategiData(1, "Tujuan", sasaran=sasaran),))


def texts(rows, column):
    return [r.cells[column] for r in rows]


def test_linked_groups_merge_the_shorter_side_and_free_items_go_side_by_side():
    sasaran = SasaranStrategiData(
        1, "Sasaran",
        strategi=(S(1), S(2), S(3), S(4), S(5)),
        arah_kebijakan=(A(11, 1, 2), A(12, 3), A(13, 3), A(14), A(15)),
    )
    rows = build_tc26(data(sasaran)).rows
    assert texts(rows, "strategi") == ["S1", "S2", "S3", COVERED, "S4", "S5"]
    assert texts(rows, "arah") == ["A11", COVERED, "A12", "A13", "A14", "A15"]
    assert rows[0].rowspan == {"tujuan": 6, "sasaran": 6, "arah": 2}  # tujuan, sasaran, A11 over S1 and S2
    assert rows[2].rowspan == {"strategi": 2}  # S3 over A12 and A13
    assert rows[4].rowspan == {} and rows[5].rowspan == {}  # unlinked: no merge, no claim


def test_groups_follow_strategi_order_and_ignore_links_to_another_sasaran():
    sasaran = SasaranStrategiData(1, "Sasaran", strategi=(S(1), S(2), S(3)),
                                  arah_kebijakan=(A(11, 3), A(12, 1, 99), A(13, 99)))
    groups = groups_of(sasaran)
    assert [([s.id for s in st], [a.id for a in ar], linked) for st, ar, linked in groups] == [
        ([1], [12], True), ([3], [11], True), ([2], [13], False),
    ]


def test_arah_linking_two_groups_joins_them():
    sasaran = SasaranStrategiData(1, "Sasaran", strategi=(S(1), S(2), S(3)),
                                  arah_kebijakan=(A(11, 1), A(12, 3), A(13, 1, 3)))
    (strategi, arah, linked), free = groups_of(sasaran)
    assert [s.id for s in strategi] == [1, 3] and [a.id for a in arah] == [11, 12, 13] and linked
    assert [s.id for s in free[0]] == [2] and free[1] == [] and not free[2]


def test_empty_sasaran_and_tujuan_still_print_a_row():
    rows = build_tc26(data(SasaranStrategiData(1, "Sasaran kosong"))).rows
    assert len(rows) == 1
    assert rows[0].cells == {"tujuan": "Tujuan", "sasaran": "Sasaran kosong", "strategi": "", "arah": ""}
    empty = StrategiArahData(periode_id=1, kecamatan="Uji", kabupaten="Lumajang", tahun=(2024,),
                             tujuan=(TujuanStrategiData(1, "Tujuan saja"),))
    assert build_tc26(empty).rows[0].cells == {"tujuan": "Tujuan saja", "sasaran": "", "strategi": "", "arah": ""}


@pytest.mark.django_db  # the session-built tables need the test database
def test_randuagung_prints_rows_as_the_document(randuagung_tables):
    rows = randuagung_tables["tc26"].reports[0].rows
    assert len(rows) == 15  # lines 921-935
    arah = [r.cells["arah"] for r in rows]
    assert arah[0] == "Meningkatkan manajemen kinerja pemerintahan" and arah[1] is COVERED
    assert arah[2] == "Meningkatkan integritas dan budaya anti korupsi" and arah[3:5] == [COVERED, COVERED]
    # 930-932: one strategi beside the first of three arah kebijakan, no link claimed
    assert rows[9].cells["strategi"].startswith("Meningkatkan pengarusutamaan gender")
    assert rows[9].cells["arah"] == "Meningkatkan pembinaan keluarga berencana" and rows[9].rowspan == {}
    assert rows[10].cells["strategi"] == "" and rows[11].cells["arah"] == "Meningkatkan pemberdayaan perempuan"
    assert rows[12].cells["sasaran"] == "Meningkatnya akuntabilitas pemerintahan desa"
    assert rows[12].rowspan["sasaran"] == 3
    html = randuagung_tables["tc26"].html
    assert "Tujuan, Sasaran, Strategi dan Arah Kebijakan" in html and 'rowspan="15"' in html


@pytest.mark.django_db
def test_admin_form_refuses_a_strategi_of_another_sasaran(randuagung):
    from kecamatan.models import Sasaran, Strategi

    s1, s2 = Sasaran.objects.filter(tujuan__periode=randuagung).order_by("urutan")
    form = ArahKebijakanForm(data={"sasaran": s2.pk, "urutan": 9, "uraian": "Uji",
                                   "strategi": [Strategi.objects.filter(sasaran=s1).first().pk]})
    assert not form.is_valid() and "sasaran yang sama" in str(form.errors["strategi"])
    same = ArahKebijakanForm(data={"sasaran": s1.pk, "urutan": 9, "uraian": "Uji",
                                   "strategi": [Strategi.objects.filter(sasaran=s1).first().pk]})
    assert same.is_valid(), same.errors
