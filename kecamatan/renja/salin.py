""""Salin dari Renstra" / "Lengkapi dari Renstra": the starting Renja of year n from the Renstra
(the rule is in `salin_rencana`, pure). `salin_data` reads the snapshot (a fixed number of
queries), `salin_dari_renstra` writes the plan in one transaction after checking the document's
version and editability; it never overwrites and only fills what is missing."""

from __future__ import annotations

from django.db import transaction
from simple_history.utils import bulk_create_with_history

from kecamatan.core.formatting import Nilai, format_rupiah
from kecamatan.dokumen.services import lock_for_edit, nilai_text, record_change
from kecamatan.models import Aktivitas, Dokumen, Indikator, Pagu, RenjaSubKegiatan, SubKegiatan, Target, TargetRenja
from kecamatan.renja.salin_rencana import (
    PRAKIRAAN,
    RENJA,
    IndikatorSalin,
    RencanaSalin,
    SalinData,
    SubSalin,
    rencana_salin,
)

ALASAN = "Salin dari Renstra"


def salin_data(dokumen: Dokumen) -> SalinData:
    """The Renstra's subs, pagu and targets of n and n+1 beside what the Renja of n holds (7 queries)."""
    periode, n = dokumen.periode_id, dokumen.tahun
    subs = list(SubKegiatan.objects.filter(kegiatan__program__periode_id=periode)
                .select_related("nomenklatur", "kegiatan").order_by("nomenklatur__kode", "pk"))
    pagu = {(p.subkegiatan_id, p.tahun, p.tahap): p.jumlah for p in Pagu.objects.filter(
        subkegiatan__kegiatan__program__periode_id=periode, tahun__in=[n, n + 1],
        tahap__in=[Pagu.Tahap.RENSTRA, Pagu.Tahap.RENJA, Pagu.Tahap.PRAKIRAAN])}
    in_renja = set(RenjaSubKegiatan.objects.filter(dokumen=dokumen).values_list("subkegiatan_id", flat=True))
    aktivitas = {}
    for sub_id, prakiraan in Aktivitas.objects.filter(rincian__dokumen=dokumen).values_list(
            "rincian__subkegiatan_id", "prakiraan"):
        aktivitas[sub_id] = aktivitas.get(sub_id, False) or prakiraan is not None
    renstra = Pagu.Tahap.RENSTRA
    sub_data = tuple(SubSalin(
        id=s.pk, kode=s.kode, pagu_n=pagu.get((s.pk, n, renstra)), pagu_n1=pagu.get((s.pk, n + 1, renstra)),
        in_renja=s.pk in in_renja, has_aktivitas=s.pk in aktivitas, aktivitas_prakiraan=aktivitas.get(s.pk, False),
        has_dana=(s.pk, n, Pagu.Tahap.RENJA) in pagu, has_prakiraan=(s.pk, n + 1, Pagu.Tahap.PRAKIRAAN) in pagu,
    ) for s in subs)
    under = {}
    for s in subs:
        for key in (("subkegiatan", s.pk), ("kegiatan", s.kegiatan_id), ("program", s.kegiatan.program_id)):
            under.setdefault(key, set()).add(s.pk)
    return SalinData(n, sub_data, _indikator(periode, n, under))


def _indikator(periode: int, n: int, under: dict) -> tuple[IndikatorSalin, ...]:
    indikator = list(Indikator.objects.filter(periode_id=periode).order_by("urutan", "pk"))
    target = {(t.indikator_id, t.tahun): t.as_nilai for t in Target.objects.filter(
        indikator__periode_id=periode, tahun__in=[n, n + 1])}
    renja = set(TargetRenja.objects.filter(indikator__periode_id=periode).filter(
        tahun=n, tahap=RENJA).values_list("indikator_id", flat=True))
    prakiraan = set(TargetRenja.objects.filter(indikator__periode_id=periode).filter(
        tahun=n + 1, tahap=PRAKIRAAN).values_list("indikator_id", flat=True))
    out = []
    for ind in indikator:
        owner = next(((level, getattr(ind, f"{level}_id")) for level in ("subkegiatan", "kegiatan", "program")
                      if getattr(ind, f"{level}_id")), None)
        subs = None if owner is None else frozenset(under.get(owner, ()))
        out.append(IndikatorSalin(
            id=ind.pk, subs=subs, target_n=target.get((ind.pk, n), Nilai()), target_n1=target.get((ind.pk, n + 1), Nilai()),
            has_target_n=ind.pk in renja, has_target_n1=ind.pk in prakiraan, subkegiatan_id=ind.subkegiatan_id,
            uraian=ind.uraian,
        ))
    return tuple(out)


def rencana_for(dokumen: Dokumen) -> RencanaSalin:
    """What the action would add now (for the confirmation page)."""
    return rencana_salin(salin_data(dokumen))


@transaction.atomic
def salin_dari_renstra(*, dokumen: Dokumen, by, versi: int | None) -> RencanaSalin:
    """Fill the Renja of year n from the Renstra (see `salin_rencana`); an empty plan writes nothing."""
    dokumen = lock_for_edit(dokumen.periode, dokumen.kunci, by=by, versi=versi)
    data = salin_data(dokumen)
    rencana = rencana_salin(data)
    if rencana.kosong:
        return rencana
    kode = {s.id: s.kode for s in data.subs}
    lokasi = f"Kec. {dokumen.periode.kecamatan.nama}"
    rincian = [RenjaSubKegiatan(dokumen=dokumen, subkegiatan_id=sub_id, lokasi=lokasi) for sub_id in rencana.rincian]
    pagu = [Pagu(subkegiatan_id=sub_id, tahun=tahun, tahap=tahap, jumlah=jumlah)
            for sub_id, tahun, tahap, jumlah in rencana.pagu]
    target = []
    for ind_id, tahun, tahap, value in rencana.target:
        obj = TargetRenja(indikator_id=ind_id, tahun=tahun, tahap=tahap)
        obj.set_nilai(value)
        target.append(obj)
    for obj in [*rincian, *pagu, *target]:
        obj.full_clean(exclude=["dokumen", "subkegiatan", "indikator"], validate_unique=False,
                       validate_constraints=False)  # the plan never adds what exists
    RenjaSubKegiatan.objects.bulk_create(rincian)
    bulk_create_with_history(pagu, Pagu, default_user=by, default_change_reason=ALASAN)
    TargetRenja.objects.bulk_create(target)
    apa = {RENJA: f"Kebutuhan dana {dokumen.tahun}", PRAKIRAAN: f"Prakiraan maju {dokumen.tahun + 1}"}
    perubahan = [{"item": f"Sub kegiatan {kode[s]}", "dari": "-", "ke": "masuk Renja"} for s in rencana.rincian]
    perubahan += [{"item": f"{apa[tahap]} {kode[s]}", "dari": "-", "ke": format_rupiah(jumlah)}
                  for s, _tahun, tahap, jumlah in rencana.pagu]
    uraian = {ind.id: ind.uraian for ind in data.indikator}
    perubahan += [{"item": f"Target {tahun}: {uraian[i]}"[:200], "dari": "-", "ke": nilai_text(v.nilai, v.label)}
                  for i, tahun, _tahap, v in rencana.target]
    record_change(dokumen, by, perubahan, catatan=f"{ALASAN}: " + "; ".join(rencana.ringkasan(dokumen.tahun)) + ".")
    return rencana
