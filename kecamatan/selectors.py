"""Reads. Each selector returns everything its caller will touch in a fixed number of queries."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import QuerySet

from .computations import Polaritas
from .formatting import Nilai
from .models import Dokumen, Indikator, Kegiatan, Pagu, Periode, Program, Sasaran, SubKegiatan, Target, Tujuan
from .reports.data import IndikatorData, NodeData, PenandatanganData, RenstraData, SasaranData, TujuanData


def periode_list() -> QuerySet[Periode]:
    return Periode.objects.select_related("kecamatan__kabupaten").order_by("kecamatan__nama", "-tahun_mulai")


def _indikator_data(ind: Indikator, targets: dict[int, dict[int, Nilai]]) -> IndikatorData:
    return IndikatorData(
        id=ind.pk,
        uraian=ind.uraian,
        satuan=ind.satuan,
        formula=ind.formula,
        penjelasan=ind.penjelasan,
        polaritas=Polaritas(ind.polaritas),
        aturan=ind.aturan,
        kondisi_awal=ind.kondisi_awal_nilai,
        iku=ind.iku,
        sumber_data=ind.sumber_data,
        penanggung_jawab=ind.penanggung_jawab,
        target=targets.get(ind.pk, {}),
    )


def penandatangan_of(dokumen: Dokumen | None, kecamatan_nama: str) -> PenandatanganData | None:
    """The signature block of a document (its Camat, place and date), or None if unsigned."""
    if dokumen is None or dokumen.camat is None:
        return None
    camat = dokumen.camat
    return PenandatanganData(
        nama=camat.nama, jabatan=f"Camat {kecamatan_nama}", nip=camat.nip_cetak, pangkat=camat.pangkat_golongan,
        tempat=dokumen.ttd_tempat, tanggal=dokumen.ttd_tanggal, hanya_bulan=dokumen.ttd_hanya_bulan,
    )


def renstra_data(periode_id: int, *, tahap: str = Pagu.Tahap.RENSTRA) -> RenstraData:
    """The whole cascade of one Renstra period with indicators, targets and sub-kegiatan pagu
    of one budget stage: 10 queries whatever its size."""
    periode = Periode.objects.select_related("kecamatan__kabupaten").get(pk=periode_id)
    dokumen = (
        Dokumen.objects.filter(periode=periode, jenis=Dokumen.Jenis.RENSTRA).select_related("camat").first()
    )
    tujuan = list(Tujuan.objects.filter(periode=periode).order_by("urutan", "pk"))
    sasaran = list(Sasaran.objects.filter(tujuan__periode=periode).order_by("tujuan__urutan", "urutan", "pk"))
    programs = list(Program.objects.filter(periode=periode).select_related("nomenklatur").order_by("nomenklatur__kode"))
    kegiatan = list(
        Kegiatan.objects.filter(program__periode=periode).select_related("nomenklatur").order_by("nomenklatur__kode")
    )
    subs = list(
        SubKegiatan.objects.filter(kegiatan__program__periode=periode)
        .select_related("nomenklatur")
        .order_by("nomenklatur__kode")
    )
    indikator = list(Indikator.objects.filter(periode=periode).order_by("urutan", "pk"))
    targets: dict[int, dict[int, Nilai]] = defaultdict(dict)
    for t in Target.objects.filter(indikator__periode=periode).only("indikator_id", "tahun", "nilai", "label"):
        targets[t.indikator_id][t.tahun] = Nilai(t.nilai, t.label)
    pagu: dict[int, dict[int, object]] = defaultdict(dict)
    for p in Pagu.objects.filter(subkegiatan__kegiatan__program__periode=periode, tahap=tahap).only(
        "subkegiatan_id", "tahun", "jumlah"
    ):
        pagu[p.subkegiatan_id][p.tahun] = p.jumlah

    ind_by: dict[tuple[str, int], list[IndikatorData]] = defaultdict(list)
    for ind in indikator:
        ind_by[(ind.level, getattr(ind, f"{ind.level}_id"))].append(_indikator_data(ind, targets))

    def inds(level: str, pk: int) -> tuple[IndikatorData, ...]:
        return tuple(ind_by.get((level, pk), ()))

    subs_by: dict[int, list[NodeData]] = defaultdict(list)
    for s in subs:
        subs_by[s.kegiatan_id].append(
            NodeData(
                id=s.pk, level="subkegiatan", kode=s.nomenklatur.kode, nama=s.nama,
                rumusan_sasaran=s.rumusan_sasaran, unit_kerja=s.unit_kerja,
                indikator=inds("subkegiatan", s.pk), pagu=dict(pagu.get(s.pk, {})),
            )
        )
    keg_by: dict[int, list[NodeData]] = defaultdict(list)
    for k in kegiatan:
        keg_by[k.program_id].append(
            NodeData(
                id=k.pk, level="kegiatan", kode=k.nomenklatur.kode, nama=k.nama,
                rumusan_sasaran=k.rumusan_sasaran, unit_kerja=k.unit_kerja,
                indikator=inds("kegiatan", k.pk), children=tuple(subs_by.get(k.pk, ())),
            )
        )
    program_nodes = tuple(
        NodeData(
            id=p.pk, level="program", kode=p.nomenklatur.kode, nama=p.nama,
            rumusan_sasaran=p.rumusan_sasaran, unit_kerja=p.unit_kerja,
            indikator=inds("program", p.pk), children=tuple(keg_by.get(p.pk, ())), sasaran_id=p.sasaran_id,
        )
        for p in programs
    )
    sas_by: dict[int, list[SasaranData]] = defaultdict(list)
    for s in sasaran:
        sas_by[s.tujuan_id].append(SasaranData(id=s.pk, urutan=s.urutan, uraian=s.uraian, indikator=inds("sasaran", s.pk)))
    tujuan_nodes = tuple(
        TujuanData(id=t.pk, urutan=t.urutan, uraian=t.uraian, indikator=inds("tujuan", t.pk),
                   sasaran=tuple(sas_by.get(t.pk, ())))
        for t in tujuan
    )
    penandatangan = penandatangan_of(dokumen, periode.kecamatan.nama)
    return RenstraData(
        periode_id=periode.pk,
        kecamatan=periode.kecamatan.nama,
        kabupaten=periode.kecamatan.kabupaten.nama,
        provinsi=periode.kecamatan.kabupaten.provinsi,
        tahun=tuple(periode.tahun_list),
        tahun_kondisi_awal=periode.tahun_kondisi_awal,
        tujuan=tujuan_nodes,
        program=program_nodes,
        penandatangan=penandatangan,
    )

