"""History before the period: the Renstra page "Riwayat capaian sebelum periode" (save, "-" as
absent, version conflict, bad value at its cell) and what reads it: T-C.30 of Senduro 2024 in both
year schemes, printed by `cetak` (PDF text), with an estimated realisasi marked."""

from decimal import Decimal as D

import pytest
from django.core.management import call_command
from django.urls import reverse

from kecamatan.core.formatting import Nilai
from kecamatan.models import Dokumen, Indikator, Peran, RiwayatCapaian
from kecamatan.renja.selectors import renja_data
from kecamatan.renja.tables.tc30 import build_tc30
from kecamatan.tables.base import format_cell
from tests.factories import KecamatanFactory, user_with_role
from tests.reports.helpers import pdf_pages
from tests.test_isian import page_data

pytestmark = pytest.mark.django_db


def url(periode, tahun=None):
    address = reverse("kecamatan:renstra_riwayat_capaian", args=[periode.pk])
    return f"{address}?tahun={tahun}" if tahun else address


@pytest.fixture
def operator(client, senduro):
    client.force_login(user_with_role("op.senduro", Peran.OPERATOR, senduro.kecamatan))
    return client


def ipp(periode) -> Indikator:
    return Indikator.objects.get(tujuan__periode=periode, uraian="Indeks Pelayanan Publik")


def versi(periode) -> int:
    return Dokumen.objects.get(periode=periode, jenis=Dokumen.Jenis.RENSTRA).versi


def test_the_grid_saves_history_and_t_c30_prints_it_in_relative_years(operator, senduro):
    ind = ipp(senduro)
    before = versi(senduro)
    data = page_data(operator, url(senduro))
    assert f"target_{ind.pk}_2021" in data and f"target_{ind.pk}_2024" not in data  # 2021-2023 only
    data.update({f"target_{ind.pk}_2022": "58 (C)", f"realisasi_{ind.pk}_2022": "59,5 (C)",
                 f"target_{ind.pk}_2023": "59", f"realisasi_{ind.pk}_2023": "60", f"perkiraan_{ind.pk}_2023": "on",
                 f"target_{ind.pk}_2021": "-"})
    response = operator.post(url(senduro), data)
    assert response.status_code == 302, response.context["form"].errors
    assert RiwayatCapaian.objects.filter(indikator=ind).count() == 2  # "-" stores nothing
    cell = RiwayatCapaian.objects.get(indikator=ind, tahun=2022)
    assert (cell.target, cell.target_label, cell.realisasi, cell.perkiraan) == (D(58), "C", D("59.5"), False)
    assert versi(senduro) == before + 1
    dokumen = Dokumen.objects.get(periode=senduro, jenis=Dokumen.Jenis.RENSTRA)
    assert dokumen.riwayat.order_by("-pk").first().perubahan[0] == {
        "item": "Riwayat capaian 2022: “Indeks Pelayanan Publik”", "dari": "(kosong)", "ke": "58 (C) / 59,5 (C)"}

    report = build_tc30(renja_data(senduro.pk, 2024, {"tc30": "lampiran"}))  # the seed itself is pinned to its own
    row = report.rows[0]
    assert row.cells["indikator"] == "Indeks Pelayanan Publik"
    text = {k: format_cell(row.cells[k], "nilai") for k in ("target:n-2", "target:n-1", "realisasi:n-2",
                                                            "realisasi:n-1", "target:n")}
    assert text == {"target:n-2": "58 (C)", "target:n-1": "59", "realisasi:n-2": "59,5 (C)",
                    "realisasi:n-1": "60*", "target:n": "60,5 (B-)"}
    assert report.notes == ("* perkiraan realisasi (belum final)",)

    # "-" over a stored cell removes it
    data = page_data(operator, url(senduro))
    assert data[f"target_{ind.pk}_2023"] == "59" and data[f"perkiraan_{ind.pk}_2023"] == "on"
    data.update({f"target_{ind.pk}_2023": "-", f"realisasi_{ind.pk}_2023": ""})
    data.pop(f"perkiraan_{ind.pk}_2023")
    assert operator.post(url(senduro), data).status_code == 302
    assert not RiwayatCapaian.objects.filter(indikator=ind, tahun=2023).exists()


def test_a_year_of_the_period_takes_an_estimated_realisasi_only(operator, senduro):
    ind = ipp(senduro)
    data = page_data(operator, url(senduro, 2025))
    assert f"realisasi_{ind.pk}_2024" in data and f"target_{ind.pk}_2024" not in data
    data.update({f"realisasi_{ind.pk}_2024": "61 (B-)", f"perkiraan_{ind.pk}_2024": "on"})
    assert operator.post(url(senduro, 2025), data).status_code == 302
    report = build_tc30(renja_data(senduro.pk, 2025))
    assert format_cell(report.rows[0].cells["realisasi:n-1"], "nilai") == "61 (B-)*"
    assert format_cell(report.rows[0].cells["target:n-1"], "nilai") == "60,5 (B-)"  # the Renstra's own


def test_bad_values_are_refused_at_their_cell_and_nothing_is_written(operator, senduro):
    ind = ipp(senduro)
    before = versi(senduro)
    data = page_data(operator, url(senduro))
    data.update({f"target_{ind.pk}_2022": "enam puluh", f"target_{ind.pk}_2021": "50",
                 f"perkiraan_{ind.pk}_2023": "on"})
    response = operator.post(url(senduro), data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors[f"target_{ind.pk}_2022"] == ["'enam puluh' bukan nilai yang dikenali. Contoh: 84,31 atau 62 (B-) atau N/A"]
    assert errors[f"realisasi_{ind.pk}_2023"] == ["Isi realisasi yang masih perkiraan, atau hapus tanda perkiraan."]
    assert "invalid-feedback" in response.content.decode()
    assert not RiwayatCapaian.objects.filter(indikator__periode=senduro).exists() and versi(senduro) == before


def test_a_stale_page_is_a_conflict(operator, senduro):
    ind = ipp(senduro)
    data = page_data(operator, url(senduro))
    Dokumen.objects.filter(periode=senduro, jenis=Dokumen.Jenis.RENSTRA).update(versi=99)
    data[f"target_{ind.pk}_2022"] = "58"
    response = operator.post(url(senduro), data)
    assert response.status_code == 200 and "TIDAK disimpan" in response.content.decode()
    assert not RiwayatCapaian.objects.filter(indikator=ind).exists()


def test_readers_and_other_kecamatan(client, senduro):
    client.force_login(user_with_role("bappeda.uji", Peran.VERIFIKATOR))
    response = client.get(url(senduro))
    assert response.status_code == 200 and b"hanya baca" in response.content
    assert client.post(url(senduro), {"versi": "1"}).status_code == 403
    client.force_login(user_with_role("op.lain", Peran.OPERATOR, KecamatanFactory(nama="Lain")))
    assert client.get(url(senduro)).status_code == 404


def test_the_page_runs_a_fixed_number_of_queries(operator, senduro, django_assert_max_num_queries):
    with django_assert_max_num_queries(9):
        assert operator.get(url(senduro)).status_code == 200


def _cetak(tmp_path, tata_letak: str) -> str:
    target = tmp_path / f"tc30-{tata_letak}.pdf"
    call_command("cetak", "tc30", "--kecamatan", "senduro", "--tahun", "2024", "--format", "pdf",
                 "--output", str(target), "--opsi", f"tata_letak={tata_letak}")
    return " ".join(" ".join(pdf_pages(target.read_bytes())).split())


def test_cetak_tc30_of_senduro_2024_in_both_year_schemes(senduro, tmp_path):
    ind = ipp(senduro)
    RiwayatCapaian.objects.create(indikator=ind, tahun=2022, target=D(58), realisasi=D("59.5"))
    RiwayatCapaian.objects.create(indikator=ind, tahun=2023, target=D(59), realisasi=D(86), perkiraan=True)
    relatif = _cetak(tmp_path, "lampiran")
    assert "1 2 3 4 5 6 7 8 9 10 11 12 13" in relatif and "14" not in relatif.split("13", 1)[1][:4]
    for year in ("Tahun 2022", "Tahun 2023", "Tahun 2024", "Tahun 2025"):
        assert year in relatif
    assert "Tahun 2026" not in relatif
    assert "86*" in relatif and "* perkiraan realisasi" in relatif and "59,5" in relatif
    renstra = _cetak(tmp_path, "renstra")
    assert "1 2 3 4 5 6 7 8 9 10 11 12 13 14" in renstra
    assert "Tahun 2026" in renstra and "Tahun 2022" not in renstra
    assert "86*" not in renstra and "perkiraan realisasi" not in renstra  # 2023 is outside that scheme


# --- T-C.31: the needs side typed on the Ranwal page -----------------------------------------------


def test_ranwal_page_takes_typed_needs_and_t_c31_prints_them_with_its_total(operator, senduro):
    from kecamatan.models import ReviewRanwal
    from kecamatan.renja.tables.tc31 import build_tc31

    baris = ReviewRanwal.objects.filter(dokumen__periode=senduro, dokumen__tahun=2024, tingkat="program",
                                        program__isnull=False).order_by("urutan").first()
    address = reverse("kecamatan:renja_ranwal_ubah", args=[senduro.pk, 2024, baris.pk])
    renja_before = build_tc31(renja_data(senduro.pk, 2024))
    printed = next(r for r in renja_before.rows if r.key == str(baris.urutan)).cells["kebutuhan:dana"]
    data = page_data(operator, address)
    assert data["kebutuhan_dana"] == "" and data["kebutuhan_target"] == ""
    data.update({"kebutuhan_dana": "1.500.000", "kebutuhan_target": "-"})
    response = operator.post(address, data)
    assert response.status_code == 302, response.context["form"].errors
    baris.refresh_from_db()
    assert (baris.kebutuhan_dana, baris.kebutuhan_target, baris.kebutuhan_target_label) == (D(1500000), None, "")
    report = build_tc31(renja_data(senduro.pk, 2024))
    row = next(r for r in report.rows if r.key == str(baris.urutan))
    assert row.cells["kebutuhan:dana"] == D(1500000)
    total = report.rows[-1]
    assert total.key == "TOTAL" and total.cells["kebutuhan:dana"] == (
        renja_before.rows[-1].cells["kebutuhan:dana"] - printed + D(1500000))

    data = page_data(operator, address)
    data["kebutuhan_dana"] = "-"  # back to the Renja's
    assert operator.post(address, data).status_code == 302
    baris.refresh_from_db()
    assert baris.kebutuhan_dana is None
    data = page_data(operator, address)
    data["kebutuhan_dana"] = "satu juta"
    response = operator.post(address, data)
    assert response.status_code == 200 and "kebutuhan_dana" in response.context["form"].errors


@pytest.mark.sqlite
def test_history_comes_in_the_realisasi_query(senduro, django_assert_num_queries):
    """renja_data keeps its 23 queries with history rows (they come in the realisasi query, a UNION
    that reads the same on SQLite and PostgreSQL)."""
    for ind in Indikator.objects.filter(periode=senduro):
        RiwayatCapaian.objects.create(indikator=ind, tahun=2022, target=D("1.5"), target_label="B",
                                      realisasi=D(1), perkiraan=True)
    with django_assert_num_queries(23):
        data = renja_data(senduro.pk, 2024)
    assert len(data.riwayat) == Indikator.objects.filter(periode=senduro).count()
    for years in data.riwayat.values():
        assert years[2022].perkiraan is True and years[2022].target == Nilai(D("1.5"), "B")
        assert years[2022].realisasi == Nilai(D(1)) and isinstance(years[2022].target.nilai, D)
    reported = [tws for years in data.realisasi.values() for tws in years.values()]
    assert reported and all(isinstance(tw, int) and tw > 0 for tws in reported for tw in tws)


def test_the_table_page_picks_the_year_scheme(operator, senduro):
    address = reverse("kecamatan:tabel", args=[senduro.pk, "tc30"])
    # the seed Renja is pinned to the layout it was printed in, the Renstra's own years
    renstra = operator.get(f"{address}?tahun=2024").content.decode()
    relatif = operator.get(f"{address}?tahun=2024&tata_letak=lampiran").content.decode()
    assert "Tahun 2022" in relatif and "Tahun 2026" not in relatif
    assert "Tahun 2026" in renstra and "Tahun 2022" not in renstra
