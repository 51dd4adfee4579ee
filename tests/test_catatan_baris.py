"""Bappeda's notes per row on a submitted document (issue 19): every row beside the values of the
document's period, grouped by level with its code, in a fixed number of queries."""

import re
from decimal import Decimal as D

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kecamatan.models import CatatanItem, Dokumen, Indikator, Peran, Realisasi, RealisasiAnggaran, SubKegiatan
from kecamatan.workflow import selectors as workflow_selectors
from tests.factories import KabupatenFactory, PeriodeFactory, build_cascade, user_with_role
from tests.test_workflow import confirmed

pytestmark = pytest.mark.django_db


def row(html: str, attr: str) -> list[str]:
    """The cells' text of the row carrying `attr` (e.g. data-indikator="5")."""
    tr = html.split(attr, 1)[1].split("</tr>", 1)[0]
    return [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", tr, re.DOTALL)]


@pytest.fixture
def submitted():
    periode = PeriodeFactory()
    build_cascade(periode, n_sub=2)  # targets 2 per year, pagu 1.000 per year
    sub = SubKegiatan.objects.filter(kegiatan__program__periode=periode).select_related("nomenklatur").first()
    ind = Indikator.objects.get(subkegiatan=sub)
    Realisasi.objects.create(indikator=ind, tahun=2024, triwulan=1, nilai=D("0.5"))
    Realisasi.objects.create(indikator=ind, tahun=2024, triwulan=2, nilai=D(1))
    RealisasiAnggaran.objects.create(subkegiatan=sub, tahun=2024, triwulan=1, jumlah=D(250))
    RealisasiAnggaran.objects.create(subkegiatan=sub, tahun=2024, triwulan=2, jumlah=D(500))
    Dokumen.objects.create(periode=periode, jenis="realisasi", tahun=2024, triwulan=2, status="diajukan")
    Dokumen.objects.create(periode=periode, jenis="renstra", status="diajukan")
    return periode, sub, ind


def test_a_triwulan_row_shows_target_realisasi_and_capaian_beside_its_note(client, submitted):
    periode, sub, ind = submitted
    client.force_login(user_with_role("bappeda", Peran.VERIFIKATOR))
    html = client.get(reverse("kecamatan:dokumen", args=[periode.pk, "realisasi-2024-2"])).content.decode()
    panel = html.split('id="catatan-per-baris"')[1]
    for header in ("Target 2024", "Realisasi TW II", "Realisasi s.d. TW II", "Capaian s.d. TW II"):
        assert f">{header}</th>" in panel
    # the Dokumen indicator adds up its TW (jumlah): 0,5 + 1 = 1,5 of a target of 2
    assert row(panel, f'data-indikator="{ind.pk}"')[:6] == [ind.uraian, "Dokumen", "2", "1", "1,5", "75,00%"]
    assert f'name="catatan_i_{ind.pk}"' in panel.split(f'data-indikator="{ind.pk}"')[1].split("</tr>")[0]
    # grouped under its sub-kegiatan with the code, after the program and the kegiatan
    assert f"Sub kegiatan {sub.nomenklatur.kode} · {sub.nama}" in panel
    assert panel.index("Program ") < panel.index("Kegiatan ") < panel.index(f"Sub kegiatan {sub.nomenklatur.kode}")
    assert row(panel, f'data-subkegiatan="{sub.pk}"')[:5] == [
        sub.nomenklatur.kode, sub.nama, "1.000 (Renstra (indikatif))", "750", "75,00%"]


def test_a_renstra_row_shows_kondisi_awal_and_the_targets_of_every_year(submitted):
    periode, sub, ind = submitted
    items = workflow_selectors.baris_catatan(periode, Dokumen.objects.get(jenis="renstra"))
    assert items.kolom == ("Kondisi awal 2022", "Target 2024", "Target 2025", "Target 2026", "Akhir periode")
    baris = {b.id: b for g in items.kelompok for b in g.baris}
    assert baris[ind.pk].sel == ("-", "2", "2", "2", "6")  # Dokumen: the period sums its years
    assert {b.id: b.sel for b in items.anggaran}[sub.pk] == ("1.000", "1.000", "1.000")
    assert sorted(items.indikator_ids) == sorted(Indikator.objects.filter(periode=periode).values_list("pk", flat=True))


def test_notes_written_beside_the_values_reach_the_rows(client, submitted):
    periode, sub, ind = submitted
    client.force_login(user_with_role("bappeda", Peran.VERIFIKATOR))
    confirmed(client, "kembalikan", "realisasi-2024-2", periode,
              {"catatan": "Periksa TW II", f"catatan_i_{ind.pk}": "Bukti dukung?", f"catatan_s_{sub.pk}": "Rp naik?"})
    assert {(c.indikator_id, c.subkegiatan_id, c.catatan) for c in CatatanItem.objects.all()} == {
        (ind.pk, None, "Bukti dukung?"), (None, sub.pk, "Rp naik?")}


def test_the_document_page_query_count_does_not_grow_with_the_rows(client):
    # the verifikator of the kabupaten the periods below belong to (made before them: issue 21)
    client.force_login(user_with_role("bappeda", Peran.VERIFIKATOR, kabupaten=KabupatenFactory()))
    counts = []
    for n_sub in (2, 30):
        periode = PeriodeFactory()
        build_cascade(periode, n_sub=n_sub)
        Dokumen.objects.create(periode=periode, jenis="lkj", tahun=2024, status="diajukan")
        with CaptureQueriesContext(connection) as queries:
            html = client.get(reverse("kecamatan:dokumen", args=[periode.pk, "lkj-2024"])).content.decode()
        counts.append(len(queries))
        assert html.count('name="catatan_i_') == n_sub + 2 and html.count('name="catatan_s_') == n_sub
        assert ">Capaian 2024</th>" in html
    # most are the consistency check the page runs; the rows and their values
    # add the triwulan snapshot (11 instead of the 2 of the bare rows); one marks it opened by Bappeda
    assert counts[0] == counts[1] <= 59, counts
