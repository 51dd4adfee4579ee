"""Reads for the Renja of a year. Each returns everything its caller touches in a fixed number of
queries, whatever the number of sub-kegiatan."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from decimal import Decimal

from django.db.models import BooleanField, CharField, DecimalField, F, IntegerField, Q, Sum, Value

from kecamatan.core.formatting import Nilai
from kecamatan.dokumen.selectors import penandatangan_of
from kecamatan.dokumen.tataletak import tata_letak_dokumen
from kecamatan.models import (
    Aktivitas,
    AnalisisKinerjaPelayanan,
    CatatanSumber,
    Dokumen,
    Indikator,
    Kegiatan,
    Pagu,
    Periode,
    Program,
    Realisasi,
    RealisasiAnggaran,
    RenjaSubKegiatan,
    ReviewRanwal,
    RiwayatCapaian,
    SubKegiatan,
    TargetRenja,
    UsulanPemangku,
)
from kecamatan.renja.data import (
    AktivitasData,
    AnalisisData,
    CatatanData,
    RanwalData,
    RenjaData,
    RincianData,
    RiwayatData,
    UsulanData,
)
from kecamatan.renstra.selectors import renstra_data


def dokumen_renja(periode: Periode, tahun: int) -> Dokumen | None:
    """The Renja document of a year (with its signatory), or None if it was not started."""
    return (
        Dokumen.objects.filter(periode=periode, jenis=Dokumen.Jenis.RENJA, tahun=tahun)
        .select_related("camat", "periode__kecamatan")
        .first()
    )


def renja_data(periode_id: int, tahun: int, tata_letak: Mapping[str, str] | None = None) -> RenjaData:
    """The Renstra cascade with everything the Renja of `tahun` adds: 23 queries whatever its size.
    `tata_letak` ({table: layout}) overrides the layouts the document prints (kecamatan.dokumen.tataletak)."""
    renstra = renstra_data(periode_id, tahap=Pagu.Tahap.RENJA)  # 10 queries; node pagu = tahap renja
    dokumen = (
        Dokumen.objects.filter(periode_id=periode_id, jenis=Dokumen.Jenis.RENJA, tahun=tahun)
        .select_related("camat")
        .first()
    )
    renja_docs = {"dokumen__periode_id": periode_id, "dokumen__jenis": Dokumen.Jenis.RENJA}
    this_renja = {**renja_docs, "dokumen__tahun": tahun}
    rincian = _rincian(renja_docs)
    prakiraan, perubahan = _pagu_prakiraan_perubahan(periode_id)
    realisasi, riwayat = _realisasi(periode_id)
    return RenjaData(
        renstra=renstra,
        tahun=tahun,
        status=dokumen.get_status_display() if dokumen else "",
        rincian=rincian,
        pagu_prakiraan=prakiraan,
        pagu_perubahan=perubahan,
        realisasi_anggaran=_realisasi_anggaran(periode_id),
        target_renja=_target_renja(periode_id),
        realisasi=realisasi,
        riwayat=riwayat,
        ranwal=_ranwal(this_renja),
        usulan=tuple(
            UsulanData(urutan=u.urutan, program=u.program, kegiatan=u.kegiatan, lokasi=u.lokasi,
                       indikator=u.indikator, volume=u.volume, satuan=u.satuan,
                       subkegiatan=u.subkegiatan, catatan=u.catatan)
            for u in UsulanPemangku.objects.filter(**this_renja).order_by("urutan", "pk")
        ),
        analisis={
            a.indikator_id: AnalisisData(spm=Nilai(a.spm, a.spm_label), ikk=Nilai(a.ikk, a.ikk_label),
                                         catatan=a.catatan)
            for a in AnalisisKinerjaPelayanan.objects.filter(**this_renja)
        },
        catatan=tuple(
            CatatanData(tabel=c.tabel, baris_sumber=c.baris_sumber, kunci=c.kunci, kolom=c.kolom,
                        tercetak=c.tercetak, uraian=c.uraian)
            for c in CatatanSumber.objects.filter(**this_renja).order_by("tabel", "urutan", "pk")
        ),
        penandatangan=penandatangan_of(dokumen, renstra.kecamatan),
        tata_letak=tata_letak_dokumen(dokumen, periode_id, tata_letak),
    )


def _rincian(renja_docs: dict) -> dict[int, dict[int, RincianData]]:
    """Per year and sub-kegiatan, what every Renja of the period says about it, with its aktivitas (2 queries)."""
    aktivitas: dict[int, list[AktivitasData]] = defaultdict(list)
    for a in Aktivitas.objects.filter(**{f"rincian__{k}": v for k, v in renja_docs.items()}).order_by(
        "rincian_id", "urutan", "pk"
    ):
        aktivitas[a.rincian_id].append(
            AktivitasData(urutan=a.urutan, uraian=a.uraian, jumlah=a.jumlah, skala_prioritas=a.skala_prioritas,
                          volume=a.volume, satuan=a.satuan, catatan=a.catatan, id=a.pk,
                          prakiraan=a.prakiraan)
        )
    rincian: dict[int, dict[int, RincianData]] = defaultdict(dict)
    for r in RenjaSubKegiatan.objects.filter(**renja_docs).select_related("dokumen").only(
        "pk", "subkegiatan_id", "lokasi", "sumber_dana", "catatan", "dokumen__tahun"
    ):
        rincian[r.dokumen.tahun][r.subkegiatan_id] = RincianData(
            subkegiatan_id=r.subkegiatan_id, lokasi=r.lokasi, sumber_dana=r.sumber_dana, catatan=r.catatan,
            aktivitas=tuple(aktivitas.get(r.pk, ())),
        )
    return {year: dict(subs) for year, subs in rincian.items()}


def _pagu_prakiraan_perubahan(periode_id: int) -> tuple[dict[int, dict[int, Decimal]], dict[int, dict[int, Decimal]]]:
    """The pagu of the prakiraan maju and perubahan stages per sub-kegiatan and year (1 query)."""
    prakiraan: dict[int, dict[int, Decimal]] = defaultdict(dict)
    perubahan: dict[int, dict[int, Decimal]] = defaultdict(dict)
    for p in Pagu.objects.filter(
        subkegiatan__kegiatan__program__periode_id=periode_id, tahap__in=[Pagu.Tahap.PRAKIRAAN, Pagu.Tahap.PERUBAHAN]
    ).only("subkegiatan_id", "tahun", "tahap", "jumlah"):
        (prakiraan if p.tahap == Pagu.Tahap.PRAKIRAAN else perubahan)[p.subkegiatan_id][p.tahun] = p.jumlah
    return dict(prakiraan), dict(perubahan)


def _realisasi_anggaran(periode_id: int) -> dict[int, dict[int, Decimal]]:
    """Realisasi anggaran per sub-kegiatan and year, the triwulan summed (1 query)."""
    realisasi_anggaran: dict[int, dict[int, Decimal]] = defaultdict(dict)
    for row in (
        RealisasiAnggaran.objects.filter(subkegiatan__kegiatan__program__periode_id=periode_id)
        .values("subkegiatan_id", "tahun")
        .annotate(total=Sum("jumlah"))
        .order_by()
    ):
        realisasi_anggaran[row["subkegiatan_id"]][row["tahun"]] = row["total"]
    return dict(realisasi_anggaran)


def _target_renja(periode_id: int) -> dict[int, dict[tuple[str, int], Nilai]]:
    """The Renja targets per indicator, by (tahap, year) (1 query)."""
    target_renja: dict[int, dict[tuple[str, int], Nilai]] = defaultdict(dict)
    for t in TargetRenja.objects.filter(indikator__periode_id=periode_id).only(
        "indikator_id", "tahun", "tahap", "nilai", "label"
    ):
        target_renja[t.indikator_id][(t.tahap, t.tahun)] = Nilai(t.nilai, t.label)
    return dict(target_renja)


def _realisasi(periode_id: int) -> tuple[dict[int, dict[int, dict[int, Nilai]]], dict[int, dict[int, RiwayatData]]]:
    """Realisasi per indicator, year and triwulan; and the history typed for the years the reports
    do not cover (RiwayatCapaian), per indicator and year: one query (a UNION, triwulan 0 marks a
    history row)."""
    reports = Realisasi.objects.filter(indikator__periode_id=periode_id).values(
        i=F("indikator_id"), y=F("tahun"), tw=F("triwulan"), v=F("nilai"), vl=F("label"),
        t=Value(None, output_field=DecimalField()), tl=Value("", output_field=CharField()),
        p=Value(False, output_field=BooleanField()),
    ).order_by()  # no Meta ordering: SQLite refuses ORDER BY inside a UNION
    history = RiwayatCapaian.objects.filter(indikator__periode_id=periode_id).values(
        i=F("indikator_id"), y=F("tahun"), tw=Value(0, output_field=IntegerField()), v=F("realisasi"),
        vl=F("realisasi_label"), t=F("target"), tl=F("target_label"), p=F("perkiraan"),
    ).order_by()
    realisasi: dict[int, dict[int, dict[int, Nilai]]] = defaultdict(lambda: defaultdict(dict))
    riwayat: dict[int, dict[int, RiwayatData]] = defaultdict(dict)
    for r in reports.union(history, all=True):
        if r["tw"]:
            realisasi[r["i"]][r["y"]][r["tw"]] = Nilai(r["v"], r["vl"])
        else:
            riwayat[r["i"]][r["y"]] = RiwayatData(Nilai(r["t"], r["tl"]), Nilai(r["v"], r["vl"]), bool(r["p"]))
    return {ind: dict(years) for ind, years in realisasi.items()}, dict(riwayat)


def _ranwal(this_renja: dict) -> tuple[RanwalData, ...]:
    """T-C.31's rows: the Rancangan Awal reviewed, each linked to its node when it has one (1 query)."""
    return tuple(
        RanwalData(
            id=r.pk, urutan=r.urutan, tingkat=r.tingkat, nama=r.ranwal_nama, lokasi=r.ranwal_lokasi,
            indikator=r.ranwal_indikator, target=Nilai(r.ranwal_target, r.ranwal_target_label),
            satuan=r.ranwal_satuan, pagu=r.ranwal_pagu, catatan=r.catatan,
            kebutuhan_target=Nilai(r.kebutuhan_target, r.kebutuhan_target_label), kebutuhan_dana=r.kebutuhan_dana,
            node_key=(
                ("program", r.program_id) if r.program_id
                else ("kegiatan", r.kegiatan_id) if r.kegiatan_id
                else ("subkegiatan", r.subkegiatan_id) if r.subkegiatan_id
                else None
            ),
        )
        for r in ReviewRanwal.objects.filter(**this_renja).order_by("urutan")
    )


OWNERS = ("tujuan", "sasaran", "program__nomenklatur", "kegiatan__nomenklatur", "subkegiatan__nomenklatur")


def owner_label(ind: Indikator) -> str:
    """'7.01.01.2.01 Perencanaan …' or 'Sasaran 1. …' for an indicator's owner."""
    owner = ind.owner
    if ind.tujuan_id:
        return f"Tujuan: {owner.uraian}"
    if ind.sasaran_id:
        return f"Sasaran: {owner.uraian}"
    return f"{owner.nomenklatur.kode} {owner.nama}"


def _sort_key(ind: Indikator):
    level_order = {"tujuan": 0, "sasaran": 1, "program": 2, "kegiatan": 2, "subkegiatan": 2}
    owner = ind.owner
    code = owner.nomenklatur.kode if ind.level in ("program", "kegiatan", "subkegiatan") else ""
    return (level_order[ind.level], tuple(int(p) for p in code.split(".")) if code else (), ind.urutan, ind.pk)


def indikator_of(periode: Periode, levels: tuple[str, ...]) -> list[Indikator]:
    """The indicators of the given owner levels of a Renstra, in document order, owners fetched (1 query)."""
    condition = Q()
    for level in levels:
        condition |= Q(**{f"{level}__isnull": False})
    rows = list(Indikator.objects.filter(condition, periode=periode).select_related(*OWNERS))
    return sorted(rows, key=_sort_key)


def target_renja_values(indikator: list[Indikator], pairs: list[tuple[int, str]]) -> dict[tuple[int, int, str], Nilai]:
    """Renja targets of these indicators for the (year, tahap) pairs asked (1 query)."""
    years = {tahun for tahun, _ in pairs}
    out = {}
    for t in TargetRenja.objects.filter(indikator__in=[i.pk for i in indikator], tahun__in=years):
        if (t.tahun, t.tahap) in pairs:
            out[(t.indikator_id, t.tahun, t.tahap)] = Nilai(t.nilai, t.label)
    return out


def realisasi_tw4(indikator: list[Indikator], tahun: int) -> dict[int, Nilai]:
    """The yearly realisasi typed for T-C.29 (kept as the TW IV report) of these indicators (1 query)."""
    return {
        r.indikator_id: Nilai(r.nilai, r.label)
        for r in Realisasi.objects.filter(indikator__in=[i.pk for i in indikator], tahun=tahun, triwulan=4)
    }


def subkegiatan_of(periode: Periode, pk: int) -> SubKegiatan | None:
    return (
        SubKegiatan.objects.filter(pk=pk, kegiatan__program__periode=periode)
        .select_related("nomenklatur", "kegiatan__nomenklatur", "kegiatan__program__nomenklatur")
        .first()
    )


def pilihan_subkegiatan(periode: Periode, dokumen: Dokumen | None):
    """Sub-kegiatan of the Renstra that the Renja does not fund yet (a lazy queryset for a select)."""
    qs = SubKegiatan.objects.filter(kegiatan__program__periode=periode).select_related("nomenklatur")
    if dokumen is not None:
        qs = qs.exclude(rincian_renja__dokumen=dokumen)
    return qs.order_by("nomenklatur__kode")


def rincian_for_edit(dokumen: Dokumen, sub: SubKegiatan) -> dict:
    """Everything the page of one sub-kegiatan of the Renja shows and edits (6 queries)."""
    n = dokumen.tahun
    rincian = RenjaSubKegiatan.objects.filter(dokumen=dokumen, subkegiatan=sub).first()
    aktivitas = list(rincian.aktivitas.order_by("urutan", "pk")) if rincian else []
    pagu = {(p.tahun, p.tahap): p.jumlah for p in Pagu.objects.filter(
        subkegiatan=sub, tahun__in=[n, n + 1], tahap__in=[Pagu.Tahap.RENJA, Pagu.Tahap.PRAKIRAAN])}
    indikator = list(Indikator.objects.filter(subkegiatan=sub).order_by("urutan", "pk"))
    targets = target_renja_values(indikator, [(n, "renja"), (n + 1, "prakiraan")])
    return {
        "rincian": rincian,
        "aktivitas": aktivitas,
        "dana_aktivitas": sum((a.jumlah for a in aktivitas), Decimal(0)) if aktivitas else None,
        "prakiraan_aktivitas": (sum((a.prakiraan for a in aktivitas if a.prakiraan is not None), Decimal(0))
                                if any(a.prakiraan is not None for a in aktivitas) else None),
        "dana": pagu.get((n, Pagu.Tahap.RENJA)),
        "prakiraan": pagu.get((n + 1, Pagu.Tahap.PRAKIRAAN)),
        "indikator": indikator,
        "targets": targets,
    }


def node_of(periode: Periode, key: str):
    """'program:12' / 'kegiatan:5' / 'subkegiatan:40' → that row of the Renstra, or None."""
    if not key:
        return None
    level, _, pk = key.partition(":")
    model = {"program": Program, "kegiatan": Kegiatan, "subkegiatan": SubKegiatan}.get(level)
    if model is None or not pk.isdigit():
        return None
    scope = {"program": "periode", "kegiatan": "program__periode", "subkegiatan": "kegiatan__program__periode"}[level]
    return model.objects.filter(pk=int(pk), **{scope: periode}).first()


def ranwal_rows(dokumen: Dokumen | None) -> list[ReviewRanwal]:
    if dokumen is None:
        return []
    return list(ReviewRanwal.objects.filter(dokumen=dokumen).select_related(
        "program__nomenklatur", "kegiatan__nomenklatur", "subkegiatan__nomenklatur").order_by("urutan"))


def ranwal_row(dokumen: Dokumen, pk: int) -> ReviewRanwal | None:
    return ReviewRanwal.objects.filter(dokumen=dokumen, pk=pk).select_related("program", "kegiatan", "subkegiatan").first()


def usulan_rows(dokumen: Dokumen | None) -> list[UsulanPemangku]:
    return list(UsulanPemangku.objects.filter(dokumen=dokumen).order_by("urutan", "pk")) if dokumen else []


def usulan_row(dokumen: Dokumen, pk: int) -> UsulanPemangku | None:
    return UsulanPemangku.objects.filter(dokumen=dokumen, pk=pk).first()


def analisis_values(dokumen: Dokumen, indikator: list[Indikator]) -> dict[int, AnalisisKinerjaPelayanan]:
    return {a.indikator_id: a for a in AnalisisKinerjaPelayanan.objects.filter(dokumen=dokumen, indikator__in=indikator)}
