"""Reads for the Bappeda comparison of every kecamatan of a kabupaten.

Each selector runs a fixed number of queries whatever the number of kecamatan and indicators:
money is summed in SQL (GROUP BY kecamatan, program, year, triwulan); indicators, targets and
triwulan reports come as flat rows (values_list, no model instances) and are matched across
kecamatan in one pass (`perbandingan.kunci_indikator`). Never a query per kecamatan or per cell.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from django.db.models import Case, Count, Exists, IntegerField, Max, Min, OuterRef, Q, Sum, Value, When
from django.urls import reverse
from django.utils import timezone

from kecamatan.core.computations import AturanAkhir, Polaritas, default_aturan_akhir
from kecamatan.core.formatting import Nilai
from kecamatan.models import (
    Aktivitas,
    Dokumen,
    Indikator,
    Kabupaten,
    Kecamatan,
    Nomenklatur,
    Pagu,
    Periode,
    Realisasi,
    RealisasiAnggaran,
    RenjaSubKegiatan,
    Target,
)
from kecamatan.perbandingan.data import (
    AnggaranProgram,
    DokumenInfo,
    IndikatorKecamatan,
    KecamatanInfo,
    PerbandinganData,
    Pilihan,
)
from kecamatan.perbandingan.rules import AturanTenggat, kunci_indikator

ZERO = Decimal(0)
_PK, _TAHUN, _TW, _KUNCI = "55555555", "1111", "7777", "kunci-dokumen"


def kabupaten_of(slug: str) -> Kabupaten | None:
    return Kabupaten.objects.filter(slug=slug).first()


def aturan_tenggat(kabupaten: Kabupaten) -> AturanTenggat:
    """The kabupaten's deadlines as a pure rule (no query: read from the loaded row)."""
    return AturanTenggat(
        hari_realisasi=kabupaten.tenggat_realisasi_hari,
        renja_tanggal=kabupaten.tenggat_renja_tanggal, renja_bulan=kabupaten.tenggat_renja_bulan,
        lkj_tanggal=kabupaten.tenggat_lkj_tanggal, lkj_bulan=kabupaten.tenggat_lkj_bulan,
    )


def _periode_per_kecamatan(kabupaten: Kabupaten, tahun: int) -> dict[int, Periode]:
    """Each kecamatan's Renstra covering the year (the latest starting one if several): 1 query."""
    out: dict[int, Periode] = {}
    for p in (Periode.objects.filter(kecamatan__kabupaten=kabupaten, tahun_mulai__lte=tahun, tahun_selesai__gte=tahun)
              .only("pk", "kecamatan_id", "tahun_mulai", "tahun_selesai", "demo").order_by("tahun_mulai", "pk")):
        out[p.kecamatan_id] = p
    return out


def tahun_tersedia(kabupaten: Kabupaten) -> list[int]:
    """Every year some kecamatan of the kabupaten has a Renstra for: 1 query."""
    years: set[int] = set()
    for mulai, selesai in (Periode.objects.filter(kecamatan__kabupaten=kabupaten)
                           .values_list("tahun_mulai", "tahun_selesai").distinct()):
        years.update(range(mulai, selesai + 1))
    return sorted(years)


def _kecamatan(kabupaten: Kabupaten, periode: dict[int, Periode]) -> tuple[KecamatanInfo, ...]:
    """Every kecamatan of the kabupaten, with the URLs of its own pages: 1 query."""
    # reversed once with markers, filled in per kecamatan (reverse() per row would cost more than the SQL)
    realisasi = (reverse("kecamatan:realisasi", args=[_PK, _TAHUN, _TW])
                 .replace(_TAHUN, "{tahun}").replace(_TW, "{triwulan}"))
    dokumen = reverse("kecamatan:dokumen", args=[_PK, _KUNCI]).replace(_KUNCI, "{kunci}")
    renstra = reverse("kecamatan:renstra_detail", args=[_PK])
    out = []
    for k in Kecamatan.objects.filter(kabupaten=kabupaten).only("pk", "nama", "slug").order_by("nama"):
        p = periode.get(k.pk)
        if p is None:
            out.append(KecamatanInfo(k.pk, k.nama, k.slug, None))
            continue
        pk = str(p.pk)
        out.append(KecamatanInfo(
            k.pk, k.nama, k.slug, p.pk, demo=p.demo, url_renstra=renstra.replace(_PK, pk),
            pola_realisasi=realisasi.replace(_PK, pk), pola_dokumen=dokumen.replace(_PK, pk),
        ))
    return tuple(out)


def _scope(pilihan: Pilihan, prefix: str = "", *, program_level: bool = False) -> Q:
    """Which indicators are compared: the IKU (tujuan and sasaran indicators and those marked IKU),
    or, with a program chosen, that program's own and its kegiatan's indicators."""
    if pilihan.program:
        return (Q(**{f"{prefix}program__nomenklatur__kode": pilihan.program})
                | Q(**{f"{prefix}kegiatan__program__nomenklatur__kode": pilihan.program}))
    q = (Q(**{f"{prefix}tujuan__isnull": False}) | Q(**{f"{prefix}sasaran__isnull": False})
         | Q(**{f"{prefix}iku": True}))
    if program_level:
        q |= Q(**{f"{prefix}program__isnull": False})
    return q


def _indikator(periode_ids: list[int], pilihan: Pilihan, years: list[int], *,
               program_level: bool = False) -> tuple[IndikatorKecamatan, ...]:
    """Indicators in scope with targets and triwulan values of `years`: 3 queries."""
    scope = _scope(pilihan, program_level=program_level)
    rows = (
        Indikator.objects.filter(scope, periode_id__in=periode_ids)
        .values_list("pk", "periode__kecamatan_id", "uraian", "satuan", "polaritas", "aturan_akhir", "iku",
                     "tujuan_id", "sasaran_id", "program_id", "kegiatan_id",
                     "program__nomenklatur__kode", "kegiatan__program__nomenklatur__kode",
                     "subkegiatan__kegiatan__program__nomenklatur__kode")
        .order_by("periode__kecamatan_id", "urutan", "pk")
    )
    target: dict[int, dict[int, Nilai]] = defaultdict(dict)
    for ind_id, tahun, nilai, label in (
        Target.objects.filter(_scope(pilihan, "indikator__", program_level=program_level),
                              indikator__periode_id__in=periode_ids, tahun__in=years)
        .values_list("indikator_id", "tahun", "nilai", "label")
    ):
        target[ind_id][tahun] = Nilai(nilai, label)
    per_tw: dict[int, dict[int, list[Nilai]]] = defaultdict(lambda: defaultdict(lambda: [Nilai()] * 4))
    for ind_id, tahun, tw, nilai, label in (
        Realisasi.objects.filter(_scope(pilihan, "indikator__", program_level=program_level),
                                 indikator__periode_id__in=periode_ids, tahun__in=years)
        .values_list("indikator_id", "tahun", "triwulan", "nilai", "label")
    ):
        per_tw[ind_id][tahun][tw - 1] = Nilai(nilai, label)
    out = []
    for (pk, kec_id, uraian, satuan, polaritas, aturan, iku, tujuan_id, sasaran_id, program_id, kegiatan_id,
         kode_p, kode_k, kode_s) in rows:
        level = ("tujuan" if tujuan_id else "sasaran" if sasaran_id else "program" if program_id
                 else "kegiatan" if kegiatan_id else "subkegiatan")
        out.append(IndikatorKecamatan(
            id=pk, kecamatan_id=kec_id, kunci=kunci_indikator(uraian), uraian=uraian, satuan=satuan, level=level,
            program_kode=kode_p or kode_k or kode_s or "", iku=iku, polaritas=Polaritas(polaritas),
            aturan=AturanAkhir(aturan) if aturan else default_aturan_akhir(satuan),
            target=dict(target.get(pk, {})),
            realisasi={t: tuple(v) for t, v in per_tw[pk].items()} if pk in per_tw else {},
        ))
    return tuple(out)


_RANK = Case(
    When(tahap=Pagu.Tahap.PERUBAHAN, then=Value(4)), When(tahap=Pagu.Tahap.RENJA, then=Value(3)),
    When(tahap=Pagu.Tahap.RANCANGAN, then=Value(2)), default=Value(1), output_field=IntegerField(),
)


def pagu_terakhir():
    """Pagu rows of the latest stage each sub-kegiatan has for its year (Perubahan, else Renja/DPA,
    else Rancangan, else Renstra), as the kecamatan's own triwulan page takes them. A prakiraan maju
    (Renja n's forecast of n+1) is no stage of year n+1's budget: counted, it would be added to the
    Renstra pagu of the same rank."""
    stages = Pagu.objects.exclude(tahap=Pagu.Tahap.PRAKIRAAN).annotate(rank=_RANK)
    later = stages.filter(subkegiatan_id=OuterRef("subkegiatan_id"), tahun=OuterRef("tahun"), rank__gt=OuterRef("rank"))
    return stages.filter(~Exists(later))


def _anggaran(periode_ids: list[int], pilihan: Pilihan, years: list[int]) -> tuple[AnggaranProgram, ...]:
    """Pagu and realisasi anggaran per kecamatan, program and year, summed in SQL: 3 queries."""
    kec, prog = "subkegiatan__kegiatan__program__periode__kecamatan_id", "subkegiatan__kegiatan__program__nomenklatur__kode"
    where = Q(subkegiatan__kegiatan__program__periode_id__in=periode_ids, tahun__in=years)
    if pilihan.program:
        where &= Q(**{prog: pilihan.program})
    # A sub-kegiatan itemised into aktivitas in its Renja of the year has no Pagu of tahap renja:
    # its Renja/DPA dana is the sum of the aktivitas. It counts as the latest stage unless a
    # Perubahan exists; older stages (Rancangan, Renstra) of such a sub-kegiatan are then skipped.
    itemised = Aktivitas.objects.filter(
        rincian__subkegiatan_id=OuterRef("subkegiatan_id"), rincian__dokumen__jenis=Dokumen.Jenis.RENJA,
        rincian__dokumen__tahun=OuterRef("tahun"),
    )
    pagu: dict[tuple[int, str, int], Decimal] = defaultdict(lambda: ZERO)
    for k, p, t, total in (pagu_terakhir().filter(where).exclude(Q(rank__lt=3) & Exists(itemised))
                           .values_list(kec, prog, "tahun").annotate(total=Sum("jumlah")).order_by()):
        pagu[(k, p, t)] += total or ZERO
    perubahan = Pagu.objects.filter(subkegiatan_id=OuterRef("rincian__subkegiatan_id"),
                                    tahun=OuterRef("rincian__dokumen__tahun"), tahap=Pagu.Tahap.PERUBAHAN)
    where_akt = Q(rincian__subkegiatan__kegiatan__program__periode_id__in=periode_ids,
                  rincian__dokumen__tahun__in=years, rincian__dokumen__jenis=Dokumen.Jenis.RENJA)
    if pilihan.program:
        where_akt &= Q(rincian__subkegiatan__kegiatan__program__nomenklatur__kode=pilihan.program)
    for k, p, t, total in (Aktivitas.objects.filter(where_akt).exclude(Exists(perubahan))
                           .values_list(f"rincian__{kec}", f"rincian__{prog}", "rincian__dokumen__tahun")
                           .annotate(total=Sum("jumlah")).order_by()):
        pagu[(k, p, t)] += total or ZERO
    rp: dict[tuple[int, str, int], list[Decimal]] = defaultdict(lambda: [ZERO] * 4)
    for k, p, t, tw, total in (RealisasiAnggaran.objects.filter(where).values_list(kec, prog, "tahun", "triwulan")
                               .annotate(total=Sum("jumlah")).order_by()):
        rp[(k, p, t)][tw - 1] = total or ZERO
    keys = sorted(set(pagu) | set(rp))
    return tuple(
        AnggaranProgram(k, p, t, pagu.get((k, p, t)) or ZERO, tuple(rp[(k, p, t)]) if (k, p, t) in rp else (ZERO,) * 4)
        for k, p, t in keys
    )


def _tanggal(value):
    return timezone.localtime(value).date() if value is not None else None


def dokumen_info(periode_ids: list[int], years: list[int]) -> tuple[DokumenInfo, ...]:
    """Every document of the years with its first save, first submission and last verification,
    aggregated from the timeline in SQL: 1 query."""
    labels = dict(Dokumen.Status.choices)
    rows = (
        Dokumen.objects.filter(periode_id__in=periode_ids, tahun__in=years)
        .values_list("periode__kecamatan_id", "jenis", "tahun", "triwulan", "status")
        .annotate(
            dibuat=Min("riwayat__waktu"),
            diajukan=Min("riwayat__waktu", filter=Q(riwayat__aksi="ajukan")),
            diverifikasi=Max("riwayat__waktu", filter=Q(riwayat__aksi="verifikasi")),
        )
        .order_by()
    )
    return tuple(
        DokumenInfo(k, jenis, tahun, tw, status, labels.get(status, status), _tanggal(a), _tanggal(b), _tanggal(c))
        for k, jenis, tahun, tw, status, a, b, c in rows
    )


def _programs() -> tuple[tuple[str, str], ...]:
    return tuple(Nomenklatur.objects.programs().filter(aktif=True).order_by("kode").values_list("kode", "nama"))


def perbandingan_data(kabupaten: Kabupaten, pilihan: Pilihan, *, indikator: bool = False,
                      program_level: bool = False, anggaran: bool = False, dokumen: bool = False,
                      kelengkapan: bool = False, semua_tahun: bool = False) -> PerbandinganData:
    """The kabupaten's kecamatan and what a comparison page needs, for the chosen year or (trend)
    every year of the Renstra periods covering it. Fixed number of queries: 3 (kecamatan, periods,
    programs) + 3 for indicators + 2 for money + 1 for documents + 3 for completeness."""
    periode = _periode_per_kecamatan(kabupaten, pilihan.tahun)
    kecamatan = _kecamatan(kabupaten, periode)
    ids = [p.pk for p in periode.values()]
    if semua_tahun and periode:
        years = sorted({t for p in periode.values() for t in range(p.tahun_mulai, p.tahun_selesai + 1)})
    else:
        years = [pilihan.tahun]
    data = {}
    if indikator:
        data["indikator"] = _indikator(ids, pilihan, years, program_level=program_level)
    if anggaran:
        data["anggaran"] = _anggaran(ids, pilihan, years)
    if dokumen or kelengkapan:
        data["dokumen"] = dokumen_info(ids, years)
    if kelengkapan:
        data["jumlah_indikator"] = dict(
            Indikator.objects.filter(periode_id__in=ids).values_list("periode__kecamatan_id")
            .annotate(n=Count("pk")).order_by()
        )
        data["terisi"] = {
            (k, t, tw): n
            for k, t, tw, n in Realisasi.objects.filter(indikator__periode_id__in=ids, tahun__in=years)
            .values_list("indikator__periode__kecamatan_id", "tahun", "triwulan").annotate(n=Count("pk")).order_by()
        }
        data["sumber_dana_kosong"] = {
            (k, t): n
            for k, t, n in RenjaSubKegiatan.objects.filter(dokumen__periode_id__in=ids, dokumen__tahun__in=years,
                                                           sumber_dana="")
            .values_list("dokumen__periode__kecamatan_id", "dokumen__tahun").annotate(n=Count("pk")).order_by()
        }
    return PerbandinganData(
        kabupaten=kabupaten.nama, provinsi=kabupaten.provinsi, bappeda=kabupaten.bappeda,
        alamat_bappeda=kabupaten.alamat_bappeda, pilihan=pilihan, tahun_list=tuple(years), kecamatan=kecamatan,
        program=_programs(), kabupaten_demo=kabupaten.demo, tenggat=aturan_tenggat(kabupaten), **data,
    )


def matriks_data(kabupaten: Kabupaten, pilihan: Pilihan) -> PerbandinganData:
    """The matrix kecamatan × indicator: 8 queries."""
    return perbandingan_data(kabupaten, pilihan, indikator=True, dokumen=True)


def penyerapan_data(kabupaten: Kabupaten, pilihan: Pilihan) -> PerbandinganData:
    """Budget absorption per kecamatan and per program, with the capaian for efisiensi: 10 queries."""
    return perbandingan_data(kabupaten, pilihan, indikator=True, program_level=True, anggaran=True, dokumen=True)


def kelengkapan_data(kabupaten: Kabupaten, pilihan: Pilihan) -> PerbandinganData:
    """Completeness and timeliness of every document of the year: 7 queries."""
    return perbandingan_data(kabupaten, pilihan, kelengkapan=True)


def tren_data(kabupaten: Kabupaten, pilihan: Pilihan) -> PerbandinganData:
    """Capaian and absorption over every triwulan of the Renstra years: 10 queries."""
    return perbandingan_data(kabupaten, pilihan, indikator=True, anggaran=True, dokumen=True, semua_tahun=True)
