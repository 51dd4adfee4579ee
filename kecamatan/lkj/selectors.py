"""Reads of the LKj entry pages: each returns everything its page touches in a fixed number of
queries, whatever the number of indicators or programs."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Sum

from kecamatan.core.formatting import Nilai
from kecamatan.models import (
    Camat,
    Dokumen,
    Indikator,
    Kecamatan,
    NilaiPembanding,
    Pagu,
    PenetapanIKU,
    PengaturanLKj,
    Periode,
    PerjanjianKinerja,
    Program,
    ProgramPK,
    Target,
    TargetPK,
)
from kecamatan.renja.selectors import indikator_of, owner_label

LEVELS = ("tujuan", "sasaran")


def dokumen_lkj(periode: Periode, tahun: int) -> Dokumen | None:
    return Dokumen.objects.filter(periode=periode, jenis=Dokumen.Jenis.LKJ, tahun=tahun).select_related("camat").first()


def camat_of(periode: Periode):
    """The kecamatan's Camat records, newest first: the signatories a page may pick."""
    return Camat.objects.filter(kecamatan_id=periode.kecamatan_id).order_by("-mulai", "-pk")


def indikator_rows(periode: Periode) -> list[tuple[str, Indikator]]:
    """Tujuan and sasaran indicators in document order with their owner's label (1 query)."""
    return [(owner_label(ind), ind) for ind in indikator_of(periode, LEVELS)]


def perjanjian(periode: Periode, tahun: int) -> dict[str, PerjanjianKinerja]:
    """The year's PK versions by versi (1 query)."""
    return {pk.versi: pk for pk in PerjanjianKinerja.objects.filter(periode=periode, tahun=tahun)}


def pk_targets(pk: PerjanjianKinerja | None) -> dict[int, Nilai]:
    if pk is None:
        return {}
    return {t.indikator_id: Nilai(t.nilai, t.label) for t in TargetPK.objects.filter(perjanjian=pk)}


def pk_programs(pk: PerjanjianKinerja | None) -> dict[int, ProgramPK]:
    if pk is None:
        return {}
    return {p.program_id: p for p in ProgramPK.objects.filter(perjanjian=pk)}


def programs_of(periode: Periode) -> list[Program]:
    return list(Program.objects.filter(periode=periode).select_related("nomenklatur").order_by("nomenklatur__kode"))


def anggaran_program(periode: Periode, tahun: int, tahap: str) -> dict[int, Decimal]:
    """Each program's anggaran for the PK: the sum of its sub-kegiatan Pagu of the stage (1 query).
    Never typed: the PK prints the same roll-up (LkjData.rolled)."""
    rows = (Pagu.objects.filter(subkegiatan__kegiatan__program__periode=periode, tahun=tahun, tahap=tahap)
            .values("subkegiatan__kegiatan__program").annotate(jumlah=Sum("jumlah")))
    return {r["subkegiatan__kegiatan__program"]: r["jumlah"] for r in rows}


def penetapan_iku(periode: Periode, tahun: int) -> PenetapanIKU | None:
    return PenetapanIKU.objects.filter(periode=periode, tahun=tahun).first()


def iku_rows(periode: Periode, tahun: int) -> list[tuple[str, Indikator, Nilai]]:
    """The IKU indicators (flag set in the Renstra editor) with the year's Renstra target (2 queries)."""
    rows = [(label, ind) for label, ind in indikator_rows(periode) if ind.iku]
    targets = {t.indikator_id: Nilai(t.nilai, t.label)
               for t in Target.objects.filter(indikator__in=[ind.pk for _, ind in rows], tahun=tahun)}
    return [(label, ind, targets.get(ind.pk, Nilai())) for label, ind in rows]


def pengaturan(periode: Periode, tahun: int) -> PengaturanLKj | None:
    return (PengaturanLKj.objects.filter(periode=periode, tahun=tahun)
            .select_related("kecamatan_pembanding").first())


def kecamatan_lain(periode: Periode):
    """The other kecamatan of the same kabupaten, the choices of a comparison."""
    return (Kecamatan.objects.filter(kabupaten_id=periode.kecamatan.kabupaten_id)
            .exclude(pk=periode.kecamatan_id).order_by("nama"))


def nilai_pembanding(periode: Periode, tahun: int, kecamatan: Kecamatan) -> dict[int, NilaiPembanding]:
    return {n.indikator_id: n for n in NilaiPembanding.objects.filter(
        indikator__periode=periode, tahun=tahun, kecamatan=kecamatan)}
