"""Uploads that meet other people's work: data changed since the template was made (conflicting
cells are shown and not overwritten), data changed between preview and confirm (refused, look
again), a locked document (refused); and a fault in the middle of saving (nothing written)."""

from decimal import Decimal as D

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError

from kecamatan.core import errors as core_errors
from kecamatan.core.formatting import Nilai
from kecamatan.importing import writers
from kecamatan.models import Dokumen, Indikator, Peran, SubKegiatan, Target
from kecamatan.renstra import services as renstra_services
from tests.factories import user_with_role
from tests.importing.helpers import do_import, dokumen, edit, operator, preview, state, template

pytestmark = pytest.mark.django_db


@pytest.fixture
def inds(kecil):
    """The indicators with a target each year (2 for the sub-kegiatan's, 70-72 for the sasaran's)."""
    return list(Indikator.objects.filter(periode=kecil, target__tahun=2025).order_by("pk"))


def someone_saves_target(periode, ind, tahun, value):
    """Another operator changes a target on the web page after the template was downloaded."""
    other = (get_user_model().objects.filter(username="operator.lain").first()
             or user_with_role("operator.lain", Peran.OPERATOR, periode.kecamatan))
    targets = {t.tahun: Nilai(t.nilai, t.label) for t in Target.objects.filter(indikator=ind)}
    targets[tahun] = Nilai(D(value))
    renstra_services.save_indikator(indikator=ind, targets=targets, by=other, versi=dokumen(periode, "renstra").versi)


def test_cells_changed_by_someone_else_since_download_are_shown_not_overwritten(kecil, inds):
    content = template(kecil)
    downloaded = dokumen(kecil, "renstra").versi
    someone_saves_target(kecil, inds[0], 2025, "9")  # they change A
    someone_saves_target(kecil, inds[1], 2025, "8")  # and B
    edited = edit(content, "Target", {
        (f"indikator:{inds[0].pk}", "Target 2025"): "5",  # the file changes A too: conflict
        (f"indikator:{inds[2].pk}", "Target 2025"): "7",  # and C, which nobody else touched
    })  # B is left as downloaded: theirs stays
    result = preview(kecil, edited)
    assert result.stale and result.identitas.versi == downloaded < result.versi_sekarang
    assert [(c.label, c.asal, c.sekarang, c.berkas) for c in result.conflicts] == [
        (f"Target 2025: {inds[0].uraian}", "2", "9", "5")]
    assert [(c.label, c.dari, c.ke) for c in result.changes] == [(f"Target 2025: {inds[2].uraian}", "2", "7")]
    assert result.kept_theirs == 1

    do_import(kecil, edited)
    values = {t.indikator_id: t.nilai for t in Target.objects.filter(tahun=2025, indikator__in=inds[:3])}
    assert values == {inds[0].pk: D(9), inds[1].pk: D(8), inds[2].pk: D(7)}
    riwayat = dokumen(kecil, "renstra").riwayat.latest("pk")
    assert riwayat.aksi == "impor" and "1 isian bentrok tidak ditimpa" in riwayat.catatan


def test_a_row_deleted_since_download(kecil, inds):
    content = template(kecil)
    victim = inds[-1]
    renstra_services.delete_indikator(indikator=victim, by=operator(kecil), versi=dokumen(kecil, "renstra").versi)
    [error] = preview(kecil, content).errors
    assert error.kolom == "ID" and "sudah tidak ada di data sekarang" in error.pesan


def test_data_changed_between_preview_and_confirm(kecil, inds):
    content = edit(template(kecil), "Target", {(f"indikator:{inds[2].pk}", "Target 2025"): "7"})
    seen = preview(kecil, content).versi_sekarang
    someone_saves_target(kecil, inds[0], 2024, "3")
    before = state()
    with pytest.raises(core_errors.Bentrok) as exc:
        do_import(kecil, content, versi=seen)
    assert [r.oleh.username for r in exc.value.riwayat] == ["operator.lain"]
    assert state() == before


@pytest.mark.parametrize("status", ["diajukan", "diverifikasi"])
def test_locked_document_refuses_the_upload(kecil, inds, status):
    content = edit(template(kecil), "Target", {(f"indikator:{inds[2].pk}", "Target 2025"): "7"})
    Dokumen.objects.create(periode=kecil, jenis="renstra", status=status)
    before = state()
    with pytest.raises(ValidationError) as exc:
        do_import(kecil, content)
    assert f"berstatus {status.capitalize()}: isinya tidak dapat diubah" in exc.value.messages[0]
    assert state() == before


def test_only_the_kecamatans_editors_import(kecil, inds):
    content = edit(template(kecil), "Target", {(f"indikator:{inds[2].pk}", "Target 2025"): "7"})
    before = state()
    for user in (user_with_role("bappeda", Peran.VERIFIKATOR), user_with_role("adm", Peran.ADMIN)):
        with pytest.raises(PermissionDenied):
            do_import(kecil, content, by=user)
    assert state() == before


def test_an_exception_in_the_middle_of_saving_leaves_the_database_as_before(kecil, inds, monkeypatch):
    sub = SubKegiatan.objects.filter(kegiatan__program__periode=kecil).first()
    content = edit(template(kecil), "Target", {(f"indikator:{i.pk}", "Target 2026"): "11" for i in inds})
    content = edit(content, "Target", {(f"indikator:{inds[0].pk}", "Satuan"): "Dokumen"})
    content = edit(content, "Pagu", {(f"subkegiatan:{sub.pk}", "Pagu 2024 (Rp)"): "Rp 9.000.000"})
    before = state()
    written = {}

    def fail_after_targets(periode, entries, by, reason):
        # satuan and targets are already written at this point (in the transaction)
        written["targets"] = Target.objects.filter(tahun=2026, nilai=11).count()
        written["satuan"] = Indikator.objects.get(pk=inds[0].pk).satuan
        raise RuntimeError("disk penuh")

    monkeypatch.setitem(writers.WRITERS, "pagu", (fail_after_targets, writers.WRITERS["pagu"][1]))
    with pytest.raises(RuntimeError, match="disk penuh"):
        do_import(kecil, content)
    assert written == {"targets": len(inds), "satuan": "Dokumen"}  # the fault really came mid-way
    assert state() == before
