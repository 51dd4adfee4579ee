"""Reads of the Renstra: the cascade snapshot every table builds from (`renstra_data`), the Renja dana
rule (`dana_aktivitas`), and what the cascade editor's pages touch. Fixed query counts."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Max, Q, QuerySet, Sum

from kecamatan.core.computations import Polaritas
from kecamatan.core.formatting import Nilai
from kecamatan.dokumen.selectors import kantor_of, penandatangan_of
from kecamatan.models import (
    Aktivitas,
    Dokumen,
    Indikator,
    Kegiatan,
    Nomenklatur,
    Pagu,
    Periode,
    Program,
    Sasaran,
    SubKegiatan,
    Target,
    Tujuan,
)
from kecamatan.renstra.data import (
    IndikatorData,
    NodeData,
    RenstraData,
    SasaranData,
    TujuanData,
)


def indikator_data(ind: Indikator, targets: dict[int, dict[int, Nilai]]) -> IndikatorData:
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
        boleh_lebih_100=ind.boleh_lebih_100,
    )


def dana_aktivitas(*, periode_id: int, tahun: int | None = None) -> dict[tuple[int, int], Decimal]:
    """Renja dana of the sub-kegiatan that are itemised into aktivitas: the sum of their aktivitas,
    per (sub-kegiatan, year), in 1 query. Such a sub-kegiatan has no Pagu of tahap renja (the Renja
    services keep one source of truth), so every reader of "the Renja/DPA budget" takes this sum
    where it exists and the Pagu row elsewhere."""
    rows = Aktivitas.objects.filter(rincian__dokumen__periode_id=periode_id, rincian__dokumen__jenis=Dokumen.Jenis.RENJA)
    if tahun is not None:
        rows = rows.filter(rincian__dokumen__tahun=tahun)
    return {
        (sub_id, t): total
        for sub_id, t, total in rows.values_list("rincian__subkegiatan_id", "rincian__dokumen__tahun")
        .annotate(total=Sum("jumlah")).order_by()
    }


def renstra_data(periode_id: int, *, tahap: str = Pagu.Tahap.RENSTRA) -> RenstraData:
    """The whole cascade of one Renstra period with indicators, targets and sub-kegiatan pagu
    of one budget stage: 10 queries whatever its size (11 for tahap renja, whose dana may be the
    sum of aktivitas, see `dana_aktivitas`)."""
    periode = Periode.objects.select_related("kecamatan__kabupaten").get(pk=periode_id)
    dokumen = (
        Dokumen.objects.filter(periode=periode, jenis=Dokumen.Jenis.RENSTRA).select_related("camat").first()
    )
    ind_by = _indikator_by_owner(periode)
    return RenstraData(
        periode_id=periode.pk,
        kecamatan=periode.kecamatan.nama,
        kabupaten=periode.kecamatan.kabupaten.nama,
        provinsi=periode.kecamatan.kabupaten.provinsi,
        tahun=tuple(periode.tahun_list),
        tahun_kondisi_awal=periode.tahun_kondisi_awal,
        tujuan=_tujuan_nodes(periode, ind_by),
        program=_program_nodes(periode, ind_by, _pagu_of(periode, tahap)),
        penandatangan=penandatangan_of(dokumen, periode.kecamatan.nama),
        kantor=kantor_of(periode.kecamatan),
    )


def _indikator_by_owner(periode: Periode) -> dict[tuple[str, int], tuple[IndikatorData, ...]]:
    """Every indicator of the period with its targets, by (owner level, owner id) (2 queries)."""
    indikator = list(Indikator.objects.filter(periode=periode).order_by("urutan", "pk"))
    targets: dict[int, dict[int, Nilai]] = defaultdict(dict)
    for t in Target.objects.filter(indikator__periode=periode).only("indikator_id", "tahun", "nilai", "label"):
        targets[t.indikator_id][t.tahun] = Nilai(t.nilai, t.label)
    ind_by: dict[tuple[str, int], list[IndikatorData]] = defaultdict(list)
    for ind in indikator:
        ind_by[(ind.level, getattr(ind, f"{ind.level}_id"))].append(indikator_data(ind, targets))
    return {key: tuple(items) for key, items in ind_by.items()}


def _pagu_of(periode: Periode, tahap: str) -> dict[int, dict[int, Decimal]]:
    """The pagu of one stage per sub-kegiatan and year; for tahap renja an itemised sub-kegiatan's
    is the sum of its aktivitas (1 query, 2 for tahap renja)."""
    pagu: dict[int, dict[int, Decimal]] = defaultdict(dict)
    for p in Pagu.objects.filter(subkegiatan__kegiatan__program__periode=periode, tahap=tahap).only(
        "subkegiatan_id", "tahun", "jumlah"
    ):
        pagu[p.subkegiatan_id][p.tahun] = p.jumlah
    if tahap == Pagu.Tahap.RENJA:
        for (sub_id, tahun), total in dana_aktivitas(periode_id=periode.pk).items():
            pagu[sub_id][tahun] = total
    return pagu


def _tujuan_nodes(periode: Periode, ind_by: dict[tuple[str, int], tuple[IndikatorData, ...]]) -> tuple[TujuanData, ...]:
    """Tujuan with their sasaran and indicators (2 queries)."""
    tujuan = list(Tujuan.objects.filter(periode=periode).order_by("urutan", "pk"))
    sasaran = list(Sasaran.objects.filter(tujuan__periode=periode).order_by("tujuan__urutan", "urutan", "pk"))
    sas_by: dict[int, list[SasaranData]] = defaultdict(list)
    for s in sasaran:
        sas_by[s.tujuan_id].append(SasaranData(id=s.pk, urutan=s.urutan, uraian=s.uraian,
                                               indikator=ind_by.get(("sasaran", s.pk), ())))
    return tuple(
        TujuanData(id=t.pk, urutan=t.urutan, uraian=t.uraian, indikator=ind_by.get(("tujuan", t.pk), ()),
                   sasaran=tuple(sas_by.get(t.pk, ())))
        for t in tujuan
    )


def _program_nodes(periode: Periode, ind_by: dict[tuple[str, int], tuple[IndikatorData, ...]],
                   pagu: dict[int, dict[int, Decimal]]) -> tuple[NodeData, ...]:
    """Programs → kegiatan → sub-kegiatan with their indicators and the sub-kegiatan's pagu (3 queries)."""
    programs = list(Program.objects.filter(periode=periode).select_related("nomenklatur").order_by("nomenklatur__kode"))
    kegiatan = list(
        Kegiatan.objects.filter(program__periode=periode).select_related("nomenklatur").order_by("nomenklatur__kode")
    )
    subs = list(
        SubKegiatan.objects.filter(kegiatan__program__periode=periode)
        .select_related("nomenklatur")
        .order_by("nomenklatur__kode")
    )
    subs_by: dict[int, list[NodeData]] = defaultdict(list)
    for s in subs:
        subs_by[s.kegiatan_id].append(
            NodeData(
                id=s.pk, level="subkegiatan", kode=s.nomenklatur.kode, nama=s.nama,
                rumusan_sasaran=s.rumusan_sasaran, unit_kerja=s.unit_kerja,
                indikator=ind_by.get(("subkegiatan", s.pk), ()), pagu=dict(pagu.get(s.pk, {})),
            )
        )
    keg_by: dict[int, list[NodeData]] = defaultdict(list)
    for k in kegiatan:
        keg_by[k.program_id].append(
            NodeData(
                id=k.pk, level="kegiatan", kode=k.nomenklatur.kode, nama=k.nama,
                rumusan_sasaran=k.rumusan_sasaran, unit_kerja=k.unit_kerja,
                indikator=ind_by.get(("kegiatan", k.pk), ()), children=tuple(subs_by.get(k.pk, ())),
            )
        )
    return tuple(
        NodeData(
            id=p.pk, level="program", kode=p.nomenklatur.kode, nama=p.nama,
            rumusan_sasaran=p.rumusan_sasaran, unit_kerja=p.unit_kerja,
            indikator=ind_by.get(("program", p.pk), ()), children=tuple(keg_by.get(p.pk, ())),
            sasaran_id=p.sasaran_id,
        )
        for p in programs
    )


def pilihan_nomenklatur(level: str, *, parent_id: int | None = None, taken: QuerySet | None = None,
                        keep_id: int | None = None):
    """Catalog rows one may pick for a new program/kegiatan/sub-kegiatan: active, of the level,
    under the parent's code, not already used in the same place (except the row being edited)."""
    qs = Nomenklatur.objects.filter(level=level).filter(Q(aktif=True) | Q(pk=keep_id))
    if parent_id is not None:
        qs = qs.filter(parent_id=parent_id)
    if taken is not None:
        qs = qs.exclude(Q(pk__in=taken) & ~Q(pk=keep_id))
    return qs.order_by("kode")


@dataclass(frozen=True)
class ItemDokumen:
    """The rows Bappeda may annotate when returning a document: indicators and sub-kegiatan."""

    indikator: tuple[Indikator, ...]
    subkegiatan: tuple[SubKegiatan, ...]


def item_dokumen(periode: Periode) -> ItemDokumen:
    """2 queries."""
    return ItemDokumen(
        tuple(Indikator.objects.filter(periode=periode).order_by("urutan", "pk")),
        tuple(SubKegiatan.objects.filter(kegiatan__program__periode=periode).select_related("nomenklatur")
              .order_by("nomenklatur__kode")),
    )


def row_queryset(model) -> QuerySet:
    """A cascade row with everything up to its kecamatan, for the scope check (1 query)."""
    return model.objects.select_related(*_ROW_RELATED[model])


def next_urutan(model, **parent) -> int:
    """The next free 'nomor urut' under a parent (1 query)."""
    return (model.objects.filter(**parent).aggregate(n=Max("urutan"))["n"] or 0) + 1


def nomenklatur_choices(model, *, periode: Periode, parent, keep_id: int | None = None):
    """Catalog rows one may pick for a program (of the period), kegiatan (of the program) or
    sub-kegiatan (of the kegiatan)."""
    if model is Program:
        taken = Program.objects.filter(periode=periode).values("nomenklatur")
        return pilihan_nomenklatur("program", taken=taken, keep_id=keep_id)
    parent_field = "program" if model is Kegiatan else "kegiatan"
    siblings = model.objects.filter(**{parent_field: parent}).values("nomenklatur")
    level = "kegiatan" if model is Kegiatan else "subkegiatan"
    return pilihan_nomenklatur(level, parent_id=parent.nomenklatur_id, taken=siblings, keep_id=keep_id)


def targets_of(indikator: Indikator) -> dict[int, Nilai]:
    return {t.tahun: Nilai(t.nilai, t.label) for t in Target.objects.filter(indikator=indikator)}


def pagu_of(subkegiatan: SubKegiatan) -> dict[tuple[int, str], Decimal]:
    return {(p.tahun, p.tahap): p.jumlah for p in Pagu.objects.filter(subkegiatan=subkegiatan)}


TAHAP_TERAKHIR = (Pagu.Tahap.PERUBAHAN, Pagu.Tahap.RENJA, Pagu.Tahap.RANCANGAN, Pagu.Tahap.RENSTRA)


_ROW_RELATED = {
    Periode: ["kecamatan"],
    Tujuan: ["periode__kecamatan"],
    Sasaran: ["tujuan__periode__kecamatan"],
    Program: ["periode__kecamatan", "nomenklatur"],
    Kegiatan: ["program__periode__kecamatan", "nomenklatur"],
    SubKegiatan: ["kegiatan__program__periode__kecamatan", "nomenklatur"],
    Indikator: ["periode__kecamatan"],
}
