"""demo_kabupaten: deterministic, idempotent, realistic spread, never touches real data; its Renja
are filled the way the Renja tables and the checker read them."""

import datetime
from collections import Counter

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models import Count, Max, Sum
from django.utils import timezone

from kecamatan.acuan.indonesia import kabupaten_wilayah
from kecamatan.acuan.services import HasilAcuan, muat_nomenklatur, muat_wilayah
from kecamatan.beranda.selectors import kecamatan_tanpa_renstra
from kecamatan.checks.selectors import periksa
from kecamatan.demo.kabupaten import DEMO_SAMPAI, bangun_demo, demo_kabupaten, kabupaten_sintetis
from kecamatan.demo.muat import muat_demo
from kecamatan.models import (
    Dokumen,
    Indikator,
    Kabupaten,
    Kecamatan,
    Pagu,
    Peran,
    Periode,
    Realisasi,
    RealisasiAnggaran,
    RenjaSubKegiatan,
    Riwayat,
    SubKegiatan,
    Target,
    TargetRenja,
)
from kecamatan.perbandingan.rules import tenggat
from kecamatan.renja.selectors import renja_data
from kecamatan.renja.tables import tc33
from tests.factories import user_with_role

pytestmark = pytest.mark.django_db


def _signature(kabupaten_slug: str):
    """What was generated, without database ids: equal for equal seeds."""
    where = {"indikator__periode__kecamatan__kabupaten__slug": kabupaten_slug}
    return (
        sorted(Realisasi.objects.filter(**where).values_list(
            "indikator__periode__kecamatan__slug", "indikator__uraian", "tahun", "triwulan", "nilai", "label")),
        sorted(Target.objects.filter(**where).values_list("indikator__periode__kecamatan__slug", "indikator__uraian",
                                                          "tahun", "nilai", "label")),
        sorted(RealisasiAnggaran.objects.filter(subkegiatan__kegiatan__program__periode__kecamatan__kabupaten__slug=
                                                kabupaten_slug)
               .values_list("subkegiatan__kegiatan__program__periode__kecamatan__slug", "subkegiatan__nomenklatur__kode",
                            "tahun", "triwulan", "jumlah")),
        sorted(Riwayat.objects.filter(dokumen__periode__kecamatan__kabupaten__slug=kabupaten_slug).values_list(
            "dokumen__periode__kecamatan__slug", "dokumen__jenis", "dokumen__tahun", "dokumen__triwulan", "aksi",
            "waktu")),
        sorted(Pagu.objects.filter(subkegiatan__kegiatan__program__periode__kecamatan__kabupaten__slug=kabupaten_slug)
               .values_list("subkegiatan__kegiatan__program__periode__kecamatan__slug",
                            "subkegiatan__nomenklatur__kode", "tahun", "tahap", "jumlah")),
        sorted(TargetRenja.objects.filter(**where).values_list(
            "indikator__periode__kecamatan__slug", "indikator__uraian", "tahun", "tahap", "nilai", "label")),
        sorted(RenjaSubKegiatan.objects.filter(dokumen__periode__kecamatan__kabupaten__slug=kabupaten_slug)
               .values_list("dokumen__periode__kecamatan__slug", "dokumen__tahun", "subkegiatan__nomenklatur__kode",
                            "lokasi", "sumber_dana")),
    )


def _generated(seed: int):
    """Generate three kecamatan, read them back, and roll the writes back."""
    with transaction.atomic():
        made = kabupaten_sintetis(1, per_kabupaten=3, seed=seed)
        signature = _signature("sintetis-001")
        transaction.set_rollback(True)
    assert made.created["periode"] == 3 and made.created["realisasi"] > 0
    return signature


def test_same_seed_same_data_other_seed_other_data(db):
    muat_nomenklatur(HasilAcuan())
    once = _generated(7)
    assert Periode.objects.count() == 0
    assert _generated(7) == once
    assert _generated(8) != once


def test_a_second_run_creates_nothing(db):
    muat_nomenklatur(HasilAcuan())
    kabupaten_sintetis(1, per_kabupaten=2)
    before = Counter(Realisasi.objects.values_list("indikator__periode", flat=True))
    assert kabupaten_sintetis(1, per_kabupaten=2).created == {}
    assert Counter(Realisasi.objects.values_list("indikator__periode", flat=True)) == before


def test_real_renstra_is_kept_and_every_other_kecamatan_gets_a_demo(randuagung):
    before = Indikator.objects.filter(periode=randuagung).count(), Target.objects.filter(indikator__periode=randuagung).count()
    hasil = demo_kabupaten(Kabupaten.objects.get(slug="lumajang"))
    real = {"Randuagung", "Senduro", "Jatiroto"}  # the seeded kecamatan keep their real data
    assert len(hasil.kecamatan) == 21 - len(real) and not real & set(hasil.kecamatan)
    assert not Periode.objects.get(pk=randuagung.pk).demo
    assert (Indikator.objects.filter(periode=randuagung).count(),
            Target.objects.filter(indikator__periode=randuagung).count()) == before
    assert Periode.objects.filter(demo=True).count() == 21 - len(real)
    # the admin's list of kecamatan still lacking a real Renstra names them as demo-only
    admin = user_with_role("admin.lumajang", Peran.ADMIN, kabupaten=Kabupaten.objects.get(slug="lumajang"))
    tanpa = kecamatan_tanpa_renstra(admin)
    assert len(tanpa) == 21 - len(real) and "Klakah (hanya data demo)" in tanpa
    assert not any(k in n for n in tanpa for k in real)


def test_a_real_fixture_replaces_a_generated_renstra(db):
    kabupaten = muat_wilayah(HasilAcuan(), kabupaten_wilayah("lumajang"))
    muat_nomenklatur(HasilAcuan())
    # generated before Randuagung's real document was loaded
    bangun_demo(Kecamatan.objects.filter(kabupaten=kabupaten, nama__in=["Randuagung", "Klakah"])
                .select_related("kabupaten"))
    assert Periode.objects.get(kecamatan__nama="Randuagung").demo
    report = muat_demo(kabupaten_demo=False)
    assert report.created["renstra demo diganti data asli"] == 1
    real = Periode.objects.get(kecamatan__nama="Randuagung")
    assert not real.demo and Indikator.objects.filter(periode=real).count() == 75
    assert list(Periode.objects.filter(demo=True).values_list("kecamatan__nama", flat=True)) == ["Klakah"]


@pytest.fixture
def lumajang_demo(full_demo):
    """What demo_kabupaten(lumajang) generated after the demo: muat_demo()'s last step."""
    return Periode.objects.filter(demo=True)


def test_lumajang_demo_has_a_realistic_spread_and_follows_the_app_rules(lumajang_demo):
    _spread(lumajang_demo)
    _rules(lumajang_demo)


def _spread(lumajang_demo):
    """Some late, some under-absorbing, some entries missing."""
    realisasi = Dokumen.objects.filter(periode__in=lumajang_demo, jenis="realisasi")
    statuses = Counter(realisasi.values_list("status", flat=True))
    assert statuses["diverifikasi"] > statuses["diajukan"] > 0 and statuses["draft"] > 0
    assert Riwayat.objects.filter(dokumen__in=realisasi, aksi="kembalikan").exists()
    # late: first submitted after the deadline
    late = on_time = 0
    for doc in realisasi.annotate(first=Sum("pk")).filter(status__in=["diajukan", "diverifikasi"]):
        first = doc.riwayat.filter(aksi="ajukan").order_by("waktu").first().waktu
        if timezone.localtime(first).date() > tenggat("realisasi", doc.tahun, doc.triwulan):
            late += 1
        else:
            on_time += 1
    assert late > 0 and on_time > late
    # missing: triwulan never entered, and drafts with indicators still empty
    expected = 20 * 11  # 2024 TW I–IV, 2025 TW I–IV, 2026 TW I–III ended before the demo's date
    assert realisasi.count() < expected
    n_ind = dict(Indikator.objects.filter(periode__in=lumajang_demo).values_list("periode").annotate(n=Count("pk")))
    partial = [d for d in realisasi.filter(status="draft")
               if Realisasi.objects.filter(indikator__periode=d.periode_id, tahun=d.tahun, triwulan=d.triwulan).count()
               < n_ind[d.periode_id]]
    assert partial
    # absorption 2024 (the whole year): most kecamatan 80-99%, some far below
    pagu = {}
    for periode in lumajang_demo:
        subs = Pagu.objects.filter(subkegiatan__kegiatan__program__periode=periode, tahun=2024, tahap="perubahan")
        spent = RealisasiAnggaran.objects.filter(subkegiatan__kegiatan__program__periode=periode, tahun=2024)
        total = subs.aggregate(s=Sum("jumlah"))["s"]
        pagu[periode.pk] = (spent.aggregate(s=Sum("jumlah"))["s"] or 0) / total * 100
    assert any(p < 75 for p in pagu.values()) and sum(p > 80 for p in pagu.values()) >= 10


def _rules(lumajang_demo):
    """Submitted triwulan are complete (the ajukan rule); no event after the demo's date; rows
    pass their model validation."""
    last = Riwayat.objects.filter(dokumen__periode__in=lumajang_demo).aggregate(m=Max("waktu"))["m"]
    assert timezone.localtime(last).date() < DEMO_SAMPAI
    n_ind = dict(Indikator.objects.filter(periode__in=lumajang_demo).values_list("periode").annotate(n=Count("pk")))
    for doc in Dokumen.objects.filter(periode__in=lumajang_demo, jenis="realisasi", status__in=["diajukan",
                                                                                                "diverifikasi"]):
        filled = Realisasi.objects.filter(indikator__periode=doc.periode_id, tahun=doc.tahun, triwulan=doc.triwulan)
        assert filled.count() == n_ind[doc.periode_id], doc
    for model in (Indikator, Target, Realisasi, Pagu, Dokumen):
        for obj in model.objects.filter(pk__in=model.objects.order_by("-pk").values("pk")[:40]):
            obj.full_clean()
    # the generator's own dates did not leak into later writes: auto_now_add is back
    doc = Dokumen.objects.filter(periode__in=lumajang_demo).first()
    fresh = Riwayat.objects.create(dokumen=doc, aksi="ubah", waktu=timezone.now() - datetime.timedelta(days=900))
    assert fresh.waktu > timezone.now() - datetime.timedelta(minutes=1)


def test_command_needs_the_catalog_and_reports_what_it_made(db, capsys):
    with pytest.raises(CommandError, match="muat_demo"):
        call_command("demo_kabupaten")
    muat_nomenklatur(HasilAcuan())
    call_command("demo_kabupaten", "--sintetis", "2", "--kecamatan", "2", "--sampai", "2024-05-01")
    out = capsys.readouterr().out
    assert "2 kabupaten sintetis × 2 kecamatan: dibuat" in out
    assert Kecamatan.objects.filter(kabupaten__demo=True).count() == 4
    assert Kabupaten.objects.filter(demo=True).count() == 2


RENJA_RULES_QUIET = {"renja-tanpa-target", "renja-sub-tanpa-dana", "renja-target-renstra"}


def _check_renja(periode: Periode, tahun: int) -> None:
    """A generated Renja as its tables and the checker read it: every sub-kegiatan of the Renstra in
    T-C.33, its total the Renja-stage Pagu, the targets the Renstra's, and no finding about an
    empty Renja (only the program money the generator lets differ from the Renstra's)."""
    subs = SubKegiatan.objects.filter(kegiatan__program__periode=periode)
    pagu = Pagu.objects.filter(subkegiatan__in=subs)
    report = tc33.build_tc33(renja_data(periode.pk, tahun))
    sub_rows = [r for r in report.rows if r.kind == "subkegiatan"]
    assert len({r.cells[tc33.KODE_] for r in sub_rows}) == subs.count() > 0
    total = next(r for r in report.rows if r.key == "TOTAL PAGU")
    assert total.cells[tc33.DANA] == pagu.filter(tahun=tahun, tahap="renja").aggregate(s=Sum("jumlah"))["s"] > 0
    assert total.cells[tc33.DANA_1] == pagu.filter(tahun=tahun + 1, tahap="prakiraan").aggregate(
        s=Sum("jumlah"))["s"] > 0
    first = sub_rows[0]
    renstra = Target.objects.get(indikator__subkegiatan__nomenklatur__kode=first.cells[tc33.KODE_],
                                 indikator__periode=periode, indikator__urutan=1, tahun=tahun)
    assert first.cells[tc33.TARGET].nilai.nilai == renstra.nilai
    assert first.cells[tc33.TARGET_1].nilai.nilai is not None

    temuan = [t for t in periksa(periode.pk, tahun).temuan if t.dokumen == f"renja-{tahun}"]
    assert [t.pesan for t in temuan if t.aturan in RENJA_RULES_QUIET] == []
    pagu_renstra = [t.pesan for t in temuan if t.aturan == "renja-pagu-renstra"]
    assert all(p.startswith("Kebutuhan dana program") for p in pagu_renstra), pagu_renstra
    assert len(pagu_renstra) <= 6  # at most one per program of the catalog


def test_every_generated_renja_is_filled_as_tc33_and_the_checker_read_it(db):
    muat_nomenklatur(HasilAcuan())
    kabupaten_sintetis(1, per_kabupaten=2)
    renja = Dokumen.objects.filter(periode__demo=True, jenis="renja").select_related("periode")
    assert sorted(renja.values_list("tahun", flat=True)) == [2024, 2024, 2025, 2025, 2026, 2026]
    for dokumen in renja:
        _check_renja(dokumen.periode, dokumen.tahun)


def test_a_renja_drafted_before_its_deadline_has_its_money_too(db):
    """As of 25 June 2024 the Renja 2025 (due 30 June) is a draft: its sub-kegiatan already carry dana."""
    muat_nomenklatur(HasilAcuan())
    sampai = datetime.date(2024, 6, 25)
    kabupaten_sintetis(1, per_kabupaten=3, sampai=sampai)
    drafts = Dokumen.objects.filter(periode__demo=True, jenis="renja", tahun=2025).select_related("periode")
    assert drafts and tenggat("renja", 2025) > sampai
    for dokumen in drafts:
        _check_renja(dokumen.periode, 2025)
