"""Reads for the yearly performance documents (IKU sheet, Perjanjian Kinerja, LKj): everything
one year of a kecamatan needs, in a fixed number of queries whatever the number of programs,
sub-kegiatan or indicators."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from django.db.models import Q

from kecamatan.core.computations import Predikat
from kecamatan.core.formatting import Nilai
from kecamatan.dokumen.selectors import penandatangan_of
from kecamatan.lkj.data import (
    IkuData,
    KinerjaItem,
    LkjData,
    PembandingData,
    PeriodeLalu,
    PKData,
    normalize_uraian,
    realisasi_total,
)
from kecamatan.models import (
    Dokumen,
    Indikator,
    Kecamatan,
    NilaiPembanding,
    Pagu,
    PenetapanIKU,
    PengaturanLKj,
    Periode,
    PerjanjianKinerja,
    ProgramPK,
    Realisasi,
    RealisasiAnggaran,
    SkalaKriteria,
    Target,
    TargetPK,
)
from kecamatan.renstra.selectors import indikator_data, renstra_data
from kecamatan.tables.base import PenandatanganData

TUJUAN_ATAU_SASARAN = Q(tujuan__isnull=False) | Q(sasaran__isnull=False)


def pembanding_choices(periode_id: int) -> list[tuple[str, str]]:
    """The other kecamatan of the same kabupaten, as (slug, name): one query."""
    return list(
        Kecamatan.objects.filter(kabupaten__kecamatan__periode__pk=periode_id)
        .exclude(periode__pk=periode_id)
        .distinct()
        .order_by("nama")
        .values_list("slug", "nama")
    )


def _triwulan(rows) -> dict[tuple[int, int], tuple]:
    out: dict[tuple[int, int], list] = defaultdict(lambda: [None, None, None, None])
    for r in rows:
        out[(r.indikator_id, r.tahun)][r.triwulan - 1] = Nilai(r.nilai, r.label)
    return {key: tuple(value) for key, value in out.items()}


def _signatory(camat, jabatan: str, tempat: str, tanggal, sebutan: str = "") -> PenandatanganData | None:
    if camat is None:
        return None
    return PenandatanganData(nama=camat.nama, jabatan=jabatan, nip=camat.nip_cetak, pangkat=camat.pangkat_golongan,
                             tempat=tempat, tanggal=tanggal, sebutan=sebutan)


def _skala(periode: Periode, tahun: int) -> tuple[tuple[Predikat, ...] | None, str]:
    rows = list(SkalaKriteria.objects.filter(kabupaten_id=periode.kecamatan.kabupaten_id, berlaku_mulai__lte=tahun)
                .order_by("-berlaku_mulai"))
    if not rows:
        return None, ""
    berlaku = rows[0].berlaku_mulai
    bands = sorted((r for r in rows if r.berlaku_mulai == berlaku),
                   key=lambda r: (r.batas_bawah is None, -(r.batas_bawah or 0)))
    skala = tuple(Predikat(r.batas_bawah, r.kriteria) for r in bands)
    return skala, f"Kabupaten {periode.kecamatan.kabupaten.nama}, berlaku mulai {berlaku}"


def _pk(periode: Periode, tahun: int) -> dict[str, PKData]:
    versions = list(PerjanjianKinerja.objects.filter(periode=periode, tahun=tahun).select_related("camat"))
    if not versions:
        return {}
    targets: dict[int, list] = defaultdict(list)
    for t in TargetPK.objects.filter(perjanjian__in=versions).order_by("urutan", "pk"):
        targets[t.perjanjian_id].append((t.indikator_id, Nilai(t.nilai, t.label)))
    programs: dict[int, list] = defaultdict(list)
    for p in ProgramPK.objects.filter(perjanjian__in=versions).order_by("urutan", "pk"):
        programs[p.perjanjian_id].append((p.program_id, p.keterangan))
    out = {}
    for pk in versions:
        out[pk.versi] = PKData(
            versi=pk.versi,
            penandatangan=_signatory(pk.camat, f"Camat {periode.kecamatan.nama}", pk.ttd_tempat, pk.ttd_tanggal,
                                     sebutan="Pihak Pertama"),
            pihak_kedua=PenandatanganData(nama=pk.pihak_kedua_nama, jabatan=pk.pihak_kedua_jabatan, nip="",
                                          sebutan="Pihak Kedua"),
            target=tuple(targets[pk.pk]),
            program=tuple(programs[pk.pk]),
        )
    return out


def _items_of(indikator: list[Indikator], targets: dict[int, dict[int, Nilai]]) -> tuple[KinerjaItem, ...]:
    """Tujuan rows first, then sasaran rows, in document order (for periods other than the
    one whose RenstraData is loaded)."""
    tujuan = [i for i in indikator if i.tujuan_id]
    sasaran = [i for i in indikator if i.sasaran_id]
    tujuan.sort(key=lambda i: (i.tujuan.urutan, i.urutan, i.pk))
    sasaran.sort(key=lambda i: (i.sasaran.tujuan_id, i.sasaran.urutan, i.urutan, i.pk))
    marked = any(i.iku for i in sasaran)
    items = [KinerjaItem("tujuan", i.tujuan.urutan, i.tujuan.uraian, i.tujuan_id, indikator_data(i, targets))
             for i in tujuan]
    items += [KinerjaItem("sasaran", i.sasaran.urutan, i.sasaran.uraian, i.sasaran_id, indikator_data(i, targets))
              for i in sasaran if i.iku or not marked]
    return tuple(items)


def _periode_lalu(periode: Periode) -> tuple[PeriodeLalu, ...]:
    """Earlier Renstra periods of the kecamatan with their tujuan/sasaran indicators, targets
    and realizations: 4 queries when there are any, 1 when there are none."""
    earlier = list(Periode.objects.filter(kecamatan_id=periode.kecamatan_id, tahun_selesai__lt=periode.tahun_mulai)
                   .order_by("tahun_mulai"))
    if not earlier:
        return ()
    indikator = list(Indikator.objects.filter(TUJUAN_ATAU_SASARAN, periode__in=earlier)
                     .select_related("tujuan", "sasaran"))
    targets: dict[int, dict[int, Nilai]] = defaultdict(dict)
    for t in Target.objects.filter(indikator__in=[i.pk for i in indikator]):
        targets[t.indikator_id][t.tahun] = Nilai(t.nilai, t.label)
    realisasi = _triwulan(Realisasi.objects.filter(indikator__in=[i.pk for i in indikator]))
    out = []
    for p in earlier:
        items = _items_of([i for i in indikator if i.periode_id == p.pk], targets)
        out.append(PeriodeLalu(label=p.label, tahun=tuple(p.tahun_list), items=items,
                               realisasi={k: v for k, v in realisasi.items() if k[0] in {it.indikator.id for it in items}}))
    return tuple(out)


def _pembanding(periode: Periode, tahun: int, kecamatan: Kecamatan, own: list[KinerjaItem]) -> PembandingData:
    """That kecamatan's realisasi of the year for each of our indicators with the same wording;
    where it has none in the app, or only generated demo data (`Periode.demo`), a value we typed
    for it (NilaiPembanding); else nothing."""
    nilai: dict[int, Nilai] = {}
    sumber: dict[int, str] = {}
    theirs = Periode.objects.filter(kecamatan=kecamatan, tahun_mulai__lte=tahun, tahun_selesai__gte=tahun).first()
    if theirs is not None:
        indikator = list(Indikator.objects.filter(TUJUAN_ATAU_SASARAN, periode=theirs))
        by_name: dict[str, Indikator] = {}
        for ind in indikator:
            by_name.setdefault(normalize_uraian(ind.uraian), ind)
        quarters = _triwulan(Realisasi.objects.filter(indikator__in=[i.pk for i in indikator], tahun=tahun))
        for item in own:
            match = by_name.get(normalize_uraian(item.indikator.uraian))
            if match is None:
                continue
            total = realisasi_total(quarters.get((match.pk, tahun), (None,) * 4), match.aturan)
            if not total.is_empty:
                nilai[item.indikator.id] = total
                sumber[item.indikator.id] = f"data Kecamatan {kecamatan.nama} di aplikasi"
    for typed in NilaiPembanding.objects.filter(indikator__in=[i.indikator.id for i in own], tahun=tahun,
                                                kecamatan=kecamatan):
        if typed.indikator_id not in nilai or (theirs is not None and theirs.demo):
            nilai[typed.indikator_id] = Nilai(typed.nilai, typed.label)
            sumber[typed.indikator_id] = f"diisi Kecamatan {periode.kecamatan.nama}" + (
                f" ({typed.sumber})" if typed.sumber else "")
    return PembandingData(kecamatan=kecamatan.nama, nilai=nilai, sumber=sumber)


class PembandingTidakDikenal(ValueError):
    pass


def lkj_data(periode_id: int, tahun: int, *, pembanding: str | None = None) -> LkjData:
    """One year of a Renstra period for the IKU sheet, the PK and every LKj table.

    `pembanding` is the slug of the kecamatan to compare with (Tabel 3.7); without it, the one
    chosen in the year's PengaturanLKj, if any. About 30 queries, the same for 1 or 500 rows.
    """
    renstra = renstra_data(periode_id, tahap=Pagu.Tahap.RENJA)
    periode = Periode.objects.select_related("kecamatan__kabupaten").get(pk=periode_id)
    if not periode.tahun_mulai <= tahun <= periode.tahun_selesai:
        raise ValueError(f"Tahun {tahun} di luar periode Renstra {periode.label}.")
    subs = [sub for program in renstra.program for kegiatan in program.children for sub in kegiatan.children]
    pagu_awal = {sub.id: sub.pagu[tahun] for sub in subs if tahun in sub.pagu}
    pagu_perubahan = dict(
        Pagu.objects.filter(subkegiatan__kegiatan__program__periode=periode, tahun=tahun, tahap=Pagu.Tahap.PERUBAHAN)
        .values_list("subkegiatan_id", "jumlah")
    )
    realisasi_anggaran: dict[int, Decimal] = defaultdict(Decimal)
    for sub_id, jumlah in RealisasiAnggaran.objects.filter(
        subkegiatan__kegiatan__program__periode=periode, tahun=tahun
    ).values_list("subkegiatan_id", "jumlah"):
        realisasi_anggaran[sub_id] += jumlah
    realisasi = _triwulan(
        Realisasi.objects.filter(indikator__periode=periode, tahun__gte=periode.tahun_mulai, tahun__lte=tahun)
        .filter(Q(indikator__tujuan__isnull=False) | Q(indikator__sasaran__isnull=False))
    )
    skala, skala_asal = _skala(periode, tahun)
    dokumen = Dokumen.objects.filter(periode=periode, jenis=Dokumen.Jenis.LKJ, tahun=tahun).select_related("camat").first()
    penetapan = PenetapanIKU.objects.filter(periode=periode, tahun=tahun).select_related("camat").first()
    pengaturan = (PengaturanLKj.objects.filter(periode=periode, tahun=tahun)
                  .select_related("kecamatan_pembanding").first())

    data = LkjData(renstra=renstra, tahun=tahun)  # items() needs only the cascade
    pembanding_kec = pengaturan.kecamatan_pembanding if pengaturan else None
    if pembanding:
        pembanding_kec = (Kecamatan.objects.filter(kabupaten_id=periode.kecamatan.kabupaten_id, slug=pembanding)
                          .exclude(pk=periode.kecamatan_id).first())
        if pembanding_kec is None:
            raise PembandingTidakDikenal(f"Kecamatan pembanding '{pembanding}' tidak dikenal.")
    return LkjData(
        renstra=renstra,
        tahun=tahun,
        pagu_awal=pagu_awal,
        pagu_perubahan=pagu_perubahan,
        realisasi_anggaran=dict(realisasi_anggaran),
        realisasi=realisasi,
        pk=_pk(periode, tahun),
        **({"skala": skala} if skala else {}),
        skala_asal=skala_asal,
        penandatangan=penandatangan_of(dokumen, periode.kecamatan.nama),
        iku=IkuData(
            tugas_pokok=penetapan.tugas_pokok, fungsi=penetapan.fungsi,
            penandatangan=_signatory(penetapan.camat, f"Camat {periode.kecamatan.nama}", penetapan.ttd_tempat,
                                     penetapan.ttd_tanggal),
        ) if penetapan else None,
        periode_lalu=_periode_lalu(periode),
        pembanding=_pembanding(periode, tahun, pembanding_kec, data.items()) if pembanding_kec else None,
        catatan_anggaran=pengaturan.catatan_anggaran if pengaturan else "",
    )
