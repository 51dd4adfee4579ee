"""Reads for the Renja of a year. Each returns everything its caller touches in a fixed number of
queries, whatever the number of sub-kegiatan."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from django.db.models import Sum

from ..formatting import Nilai
from ..models import (
    Aktivitas, AnalisisKinerjaPelayanan, CatatanSumber, Dokumen, Indikator, Pagu, Periode, RealisasiAnggaran,
    Realisasi, RenjaSubKegiatan, ReviewRanwal, SubKegiatan, TargetRenja, UsulanPemangku,
)
from ..reports.renja_data import (
    AktivitasData, AnalisisData, CatatanData, RanwalData, RenjaData, RincianData, UsulanData,
)
from ..selectors import penandatangan_of, renstra_data


def dokumen_renja(periode: Periode, tahun: int) -> Dokumen | None:
    """The Renja document of a year (with its signatory), or None if it was not started."""
    return (
        Dokumen.objects.filter(periode=periode, jenis=Dokumen.Jenis.RENJA, tahun=tahun)
        .select_related("camat", "periode__kecamatan")
        .first()
    )


def renja_data(periode_id: int, tahun: int) -> RenjaData:
    """The Renstra cascade with everything the Renja of `tahun` adds: 21 queries whatever its size."""
    renstra = renstra_data(periode_id, tahap=Pagu.Tahap.RENJA)  # 10 queries; node pagu = tahap renja
    dokumen = (
        Dokumen.objects.filter(periode_id=periode_id, jenis=Dokumen.Jenis.RENJA, tahun=tahun)
        .select_related("camat")
        .first()
    )
    renja_docs = {"dokumen__periode_id": periode_id, "dokumen__jenis": Dokumen.Jenis.RENJA}
    this_renja = {**renja_docs, "dokumen__tahun": tahun}

    aktivitas: dict[int, list[AktivitasData]] = defaultdict(list)
    for a in Aktivitas.objects.filter(**{f"rincian__{k}": v for k, v in renja_docs.items()}).order_by(
        "rincian_id", "urutan", "pk"
    ):
        aktivitas[a.rincian_id].append(
            AktivitasData(urutan=a.urutan, uraian=a.uraian, jumlah=a.jumlah, skala_prioritas=a.skala_prioritas,
                          volume=a.volume, satuan=a.satuan, catatan=a.catatan)
        )
    rincian: dict[int, dict[int, RincianData]] = defaultdict(dict)
    for r in RenjaSubKegiatan.objects.filter(**renja_docs).select_related("dokumen").only(
        "pk", "subkegiatan_id", "lokasi", "sumber_dana", "catatan", "dokumen__tahun"
    ):
        rincian[r.dokumen.tahun][r.subkegiatan_id] = RincianData(
            subkegiatan_id=r.subkegiatan_id, lokasi=r.lokasi, sumber_dana=r.sumber_dana, catatan=r.catatan,
            aktivitas=tuple(aktivitas.get(r.pk, ())),
        )

    prakiraan: dict[int, dict[int, Decimal]] = defaultdict(dict)
    perubahan: dict[int, dict[int, Decimal]] = defaultdict(dict)
    for p in Pagu.objects.filter(
        subkegiatan__kegiatan__program__periode_id=periode_id, tahap__in=[Pagu.Tahap.PRAKIRAAN, Pagu.Tahap.PERUBAHAN]
    ).only("subkegiatan_id", "tahun", "tahap", "jumlah"):
        (prakiraan if p.tahap == Pagu.Tahap.PRAKIRAAN else perubahan)[p.subkegiatan_id][p.tahun] = p.jumlah

    realisasi_anggaran: dict[int, dict[int, Decimal]] = defaultdict(dict)
    for row in (
        RealisasiAnggaran.objects.filter(subkegiatan__kegiatan__program__periode_id=periode_id)
        .values("subkegiatan_id", "tahun")
        .annotate(total=Sum("jumlah"))
        .order_by()
    ):
        realisasi_anggaran[row["subkegiatan_id"]][row["tahun"]] = row["total"]

    target_renja: dict[int, dict[tuple[str, int], Nilai]] = defaultdict(dict)
    for t in TargetRenja.objects.filter(indikator__periode_id=periode_id).only(
        "indikator_id", "tahun", "tahap", "nilai", "label"
    ):
        target_renja[t.indikator_id][(t.tahap, t.tahun)] = Nilai(t.nilai, t.label)

    realisasi: dict[int, dict[int, dict[int, Nilai]]] = defaultdict(lambda: defaultdict(dict))
    for r in Realisasi.objects.filter(indikator__periode_id=periode_id).only(
        "indikator_id", "tahun", "triwulan", "nilai", "label"
    ):
        realisasi[r.indikator_id][r.tahun][r.triwulan] = Nilai(r.nilai, r.label)

    ranwal = tuple(
        RanwalData(
            id=r.pk, urutan=r.urutan, tingkat=r.tingkat, nama=r.ranwal_nama, lokasi=r.ranwal_lokasi,
            indikator=r.ranwal_indikator, target=Nilai(r.ranwal_target, r.ranwal_target_label),
            satuan=r.ranwal_satuan, pagu=r.ranwal_pagu, catatan=r.catatan,
            node_key=(
                ("program", r.program_id) if r.program_id
                else ("kegiatan", r.kegiatan_id) if r.kegiatan_id
                else ("subkegiatan", r.subkegiatan_id) if r.subkegiatan_id
                else None
            ),
        )
        for r in ReviewRanwal.objects.filter(**this_renja).order_by("urutan")
    )
    usulan = tuple(
        UsulanData(urutan=u.urutan, program=u.program, kegiatan=u.kegiatan, lokasi=u.lokasi, indikator=u.indikator,
                   volume=u.volume, satuan=u.satuan)
        for u in UsulanPemangku.objects.filter(**this_renja).order_by("urutan", "pk")
    )
    analisis = {
        a.indikator_id: AnalisisData(spm=Nilai(a.spm, a.spm_label), ikk=Nilai(a.ikk, a.ikk_label), catatan=a.catatan)
        for a in AnalisisKinerjaPelayanan.objects.filter(**this_renja)
    }
    catatan = tuple(
        CatatanData(tabel=c.tabel, baris_sumber=c.baris_sumber, kunci=c.kunci, kolom=c.kolom, tercetak=c.tercetak,
                    uraian=c.uraian)
        for c in CatatanSumber.objects.filter(**this_renja).order_by("tabel", "urutan", "pk")
    )
    return RenjaData(
        renstra=renstra,
        tahun=tahun,
        status=dokumen.get_status_display() if dokumen else "",
        rincian={year: dict(subs) for year, subs in rincian.items()},
        pagu_prakiraan=dict(prakiraan),
        pagu_perubahan=dict(perubahan),
        realisasi_anggaran=dict(realisasi_anggaran),
        target_renja=dict(target_renja),
        realisasi={ind: dict(years) for ind, years in realisasi.items()},
        ranwal=ranwal,
        usulan=usulan,
        analisis=analisis,
        catatan=catatan,
        penandatangan=penandatangan_of(dokumen, renstra.kecamatan),
    )


def indikator_renja(periode: Periode) -> list[Indikator]:
    """Every indicator of a Renstra with its owner's code/name, for the Renja target forms (1 query)."""
    return list(
        Indikator.objects.filter(periode=periode)
        .select_related(
            "tujuan", "sasaran", "program__nomenklatur", "kegiatan__nomenklatur", "subkegiatan__nomenklatur"
        )
        .order_by("pk")
    )


def subkegiatan_of(periode: Periode, pk: int) -> SubKegiatan | None:
    return (
        SubKegiatan.objects.filter(pk=pk, kegiatan__program__periode=periode)
        .select_related("nomenklatur", "kegiatan__nomenklatur", "kegiatan__program__nomenklatur")
        .first()
    )
