"""Reads for the consistency checker: the snapshot of one kecamatan-year in a fixed number of queries
(38, whatever the number of programs, sub-kegiatan, indicators or findings), the run itself, the
stored counts for dashboards, and which Renstra period covers a kecamatan's year."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone

from kecamatan.checks.base import Hasil, Tautan
from kecamatan.checks.data import CamatInfo, DokumenInfo, PeriksaData, TandaTangan
from kecamatan.checks.run import jalankan, kunci_tahun, sidik
from kecamatan.core.formatting import Nilai
from kecamatan.core.kunci import judul_dokumen, kunci_dokumen
from kecamatan.lkj.data import IkuData, LkjData, PKData
from kecamatan.perbandingan.selectors import aturan_tenggat
from kecamatan.models import (
    Camat,
    Dokumen,
    HasilPeriksa,
    Nomenklatur,
    Pagu,
    PenetapanIKU,
    Periode,
    PerjanjianKinerja,
    ProgramPK,
    RealisasiAnggaran,
    TargetPK,
)
from kecamatan.renja.data import RenjaData
from kecamatan.renja.selectors import renja_data
from kecamatan.renstra.selectors_tabel import kondisi_awal_tercatat, riwayat_data
from kecamatan.tables.base import PenandatanganData

VERSI_PK = {"awal": "Perjanjian Kinerja awal", "perubahan": "Perubahan Perjanjian Kinerja"}


def faktor_lonjakan() -> Decimal:
    return Decimal(str(getattr(settings, "SAKIP_PERIKSA_FAKTOR_LONJAKAN", "2")))


def _pk(periode: Periode, tahun: int) -> tuple[dict[str, PKData], dict[str, int], list]:
    """The PK versions of the year with their targets and programs: always 3 queries."""
    versions = list(PerjanjianKinerja.objects.filter(periode=periode, tahun=tahun).select_related("camat"))
    scope = {"perjanjian__periode": periode, "perjanjian__tahun": tahun}
    targets: dict[int, list] = defaultdict(list)
    for t in TargetPK.objects.filter(**scope).order_by("urutan", "pk"):
        targets[t.perjanjian_id].append((t.indikator_id, Nilai(t.nilai, t.label)))
    programs: dict[int, list] = defaultdict(list)
    for p in ProgramPK.objects.filter(**scope).order_by("urutan", "pk"):
        programs[p.perjanjian_id].append((p.program_id, p.keterangan))
    out, ids = {}, {}
    for pk in versions:
        out[pk.versi] = PKData(
            versi=pk.versi,
            penandatangan=PenandatanganData(nama=pk.camat.nama, jabatan=f"Camat {periode.kecamatan.nama}",
                                            nip=pk.camat.nip_cetak, tempat=pk.ttd_tempat, tanggal=pk.ttd_tanggal,
                                            sebutan="Pihak Pertama"),
            pihak_kedua=PenandatanganData(nama=pk.pihak_kedua_nama, jabatan=pk.pihak_kedua_jabatan, nip="",
                                          sebutan="Pihak Kedua"),
            target=tuple(targets[pk.pk]), program=tuple(programs[pk.pk]),
        )
        ids[pk.versi] = pk.pk
    return out, ids, versions


def periksa_data(periode_id: int, tahun: int) -> PeriksaData:
    """Everything the checks read about one kecamatan-year: 39 queries whatever its size."""
    periode = Periode.objects.select_related("kecamatan__kabupaten").get(pk=periode_id)  # 1
    if not periode.tahun_mulai <= tahun <= periode.tahun_selesai:
        raise ValueError(f"Tahun {tahun} di luar periode Renstra {periode.label}.")
    renja = renja_data(periode_id, tahun)  # 23 (its layouts: one)
    pagu_renstra = _per_year(Pagu.objects.filter(  # 1
        subkegiatan__kegiatan__program__periode_id=periode_id, tahap=Pagu.Tahap.RENSTRA
    ).values_list("subkegiatan_id", "tahun", "jumlah"))
    rp_triwulan = _per_year(RealisasiAnggaran.objects.filter(  # 1
        subkegiatan__kegiatan__program__periode_id=periode_id, tahun=tahun
    ).values_list("subkegiatan_id", "triwulan", "jumlah"))
    pk, pk_ids, pk_rows = _pk(periode, tahun)  # 3
    penetapan = PenetapanIKU.objects.filter(periode=periode, tahun=tahun).first()  # 1
    docs = list(Dokumen.objects.filter(periode=periode))  # 1
    camat = {c.pk: CamatInfo(c.pk, c.nama, c.nip, c.mulai, c.selesai)
             for c in Camat.objects.filter(kecamatan_id=periode.kecamatan_id)}  # 1
    katalog = dict(Nomenklatur.objects.values_list("kode", "nama"))  # 1
    riwayat = riwayat_data(periode_id)  # 6
    kondisi_awal = kondisi_awal_tercatat(periode_id)  # 1
    dokumen = {}
    for d in docs:
        kunci = kunci_dokumen(d.jenis, d.tahun, d.triwulan)
        dokumen[kunci] = DokumenInfo(kunci, judul_dokumen(d.jenis, d.tahun, d.triwulan, periode.label), d.status,
                                     d.versi, d.camat_id, d.ttd_tempat, d.ttd_tanggal)
    return PeriksaData(
        periode_id=periode.pk, kecamatan=periode.kecamatan.nama, kecamatan_id=periode.kecamatan_id, tahun=tahun,
        renja=renja, lkj=_lkj_of(renja, tahun, rp_triwulan, pk, penetapan), jumlah_desa=periode.kecamatan.jumlah_desa,
        pagu_renstra=pagu_renstra, rp_triwulan=rp_triwulan, riwayat=riwayat, kondisi_awal=kondisi_awal,
        dokumen=dokumen, camat=camat, tanda_tangan=_tanda_tangan(periode, tahun, docs, dokumen, pk_rows, penetapan),
        katalog=katalog, iku_ditetapkan=penetapan is not None, pk_id=pk_ids, faktor_lonjakan=faktor_lonjakan(),
        hari_ini=timezone.localdate(), tenggat_realisasi=_tenggat_realisasi(periode, tahun),
    )


def _tenggat_realisasi(periode: Periode, tahun: int) -> dict[int, datetime.date]:
    """The kabupaten's deadline of each triwulan's realisasi of the year (Kelola › Kabupaten)."""
    aturan = aturan_tenggat(periode.kecamatan.kabupaten)
    return {tw: aturan.tenggat("realisasi", tahun, tw) for tw in (1, 2, 3, 4)}


def _per_year(rows: Iterable[tuple[int, int, Decimal]]) -> dict[int, dict[int, Decimal]]:
    """(sub-kegiatan, year or triwulan, amount) rows as {sub-kegiatan: {year or triwulan: amount}}."""
    out: dict[int, dict[int, Decimal]] = defaultdict(dict)
    for sub_id, key, jumlah in rows:
        out[sub_id][key] = jumlah
    return {k: dict(v) for k, v in out.items()}


def _tanda_tangan(periode: Periode, tahun: int, docs: list[Dokumen], dokumen: dict[str, DokumenInfo],
                  pk_rows: list[PerjanjianKinerja], penetapan: PenetapanIKU | None) -> tuple[TandaTangan, ...]:
    """Every signature of the year's documents: the Renstra, Renja and LKj, each PK, the IKU sheet."""
    kunci_renja, kunci_lkj = kunci_dokumen("renja", tahun), kunci_dokumen("lkj", tahun)
    tanda_tangan = [
        TandaTangan(info.kunci, info.judul, info.camat_id, info.tanggal, _tautan_ttd(d))
        for d, info in ((d, dokumen[kunci_dokumen(d.jenis, d.tahun, d.triwulan)]) for d in docs)
        if info.kunci in ("renstra", kunci_renja, kunci_lkj) and info.camat_id
    ]
    tanda_tangan += [TandaTangan(kunci_lkj, f"{VERSI_PK[p.versi]} {tahun}", p.camat_id, p.ttd_tanggal,
                                 Tautan.to("kecamatan:lkj_pk", pk=periode.pk, tahun=tahun, versi=p.versi))
                     for p in pk_rows]
    if penetapan is not None and penetapan.camat_id:
        tanda_tangan.append(TandaTangan(kunci_lkj, f"Lembar IKU {tahun}", penetapan.camat_id, penetapan.ttd_tanggal,
                                        Tautan.to("kecamatan:lkj_iku", pk=periode.pk, tahun=tahun)))
    return tuple(tanda_tangan)


def _lkj_of(renja: RenjaData, tahun: int, rp_triwulan: dict[int, dict[int, Decimal]], pk: dict[str, PKData],
            penetapan: PenetapanIKU | None) -> LkjData:
    """The LKj snapshot of the year, from what the Renja snapshot and the queries above already hold."""
    renstra = renja.renstra
    subs = [sub for program in renstra.program for kegiatan in program.children for sub in kegiatan.children]
    realisasi = {}
    for ind_id, years in renja.realisasi.items():
        per_tw = years.get(tahun)
        if per_tw:
            realisasi[(ind_id, tahun)] = tuple(per_tw.get(tw) for tw in (1, 2, 3, 4))
    return LkjData(
        renstra=renstra, tahun=tahun,
        pagu_awal={sub.id: sub.pagu[tahun] for sub in subs if tahun in sub.pagu},
        pagu_perubahan={sub_id: per[tahun] for sub_id, per in renja.pagu_perubahan.items() if tahun in per},
        realisasi_anggaran={sub_id: sum(per.values(), Decimal(0)) for sub_id, per in rp_triwulan.items()},
        realisasi=realisasi, pk=pk,
        iku=IkuData(tugas_pokok=penetapan.tugas_pokok, fungsi=penetapan.fungsi) if penetapan else None,
    )


def _tautan_ttd(d: Dokumen) -> Tautan:
    """Where a document's signatory is chosen: the Renstra's, the Renja's and the LKj's own pages."""
    if d.jenis == Dokumen.Jenis.RENSTRA:
        return Tautan.to("kecamatan:renstra_penandatangan", pk=d.periode_id)
    if d.jenis == Dokumen.Jenis.RENJA:
        return Tautan.to("kecamatan:renja_penandatangan", pk=d.periode_id, tahun=d.tahun)
    if d.jenis == Dokumen.Jenis.LKJ:
        return Tautan.to("kecamatan:lkj_penandatangan", pk=d.periode_id, tahun=d.tahun)
    return Tautan.to("admin:kecamatan_dokumen_change", object_id=d.pk)


def periksa(periode_id: int, tahun: int) -> Hasil:
    """Check one kecamatan-year: the snapshot (39 queries) and every check over it (no queries)."""
    return jalankan(periksa_data(periode_id, tahun))


def tahun_dokumen(periode: Periode, dokumen: Dokumen) -> int:
    """The year whose check covers a document: its own year; the Renstra's first year for the Renstra
    (its findings are the same in every year's check)."""
    return dokumen.tahun or periode.tahun_mulai


# --- stored counts --------------------------------------------------------------------------------


def sidik_of(periode: Periode, tahun: int, docs: Iterable[Dokumen]) -> str:
    """The fingerprint of a kecamatan-year from its saved documents (as the dashboard has them)."""
    versi = {kunci_dokumen(d.jenis, d.tahun, d.triwulan): d.versi for d in docs if d.periode_id == periode.pk}
    return sidik(versi, kunci_tahun(tahun))


def hasil_tersimpan(periode_qs: QuerySet[Periode] | Iterable[Periode]) -> dict[tuple[int, int], HasilPeriksa]:
    """The stored counts of every kecamatan-year of these periods: 1 query."""
    ids = [p.pk for p in periode_qs]
    return {(h.periode_id, h.tahun): h for h in HasilPeriksa.objects.filter(periode__in=ids)}


@dataclass(frozen=True)
class Lencana:
    """The stored counts of one document or kecamatan-year, and whether documents changed since."""

    galat: int
    peringatan: int
    lama: bool  # the documents were saved again after this check
    tahun: int  # the kecamatan-year check they come from (its page recomputes them)


def lencana_tahun(periode: Periode, docs: Iterable[Dokumen],
                  tersimpan: dict[tuple[int, int], HasilPeriksa]) -> dict[int, Lencana]:
    """Per year of the period: the stored counts of its last check (years never checked are absent).
    Pure over what the caller fetched (the period's documents and `hasil_tersimpan`)."""
    docs = list(docs)
    out = {}
    for tahun in periode.tahun_list:
        h = tersimpan.get((periode.pk, tahun))
        if h is not None:
            out[tahun] = Lencana(h.galat, h.peringatan, h.sidik != sidik_of(periode, tahun, docs), tahun)
    return out


def lencana_dokumen(periode: Periode, docs: Iterable[Dokumen],
                    tersimpan: dict[tuple[int, int], HasilPeriksa]) -> dict[str, Lencana]:
    """Per document key: its counts from the last check of its year (the Renstra: the latest check of
    any year, since its findings are the same in every year's check)."""
    docs = list(docs)
    out: dict[str, Lencana] = {}
    latest = None
    for tahun in periode.tahun_list:
        h = tersimpan.get((periode.pk, tahun))
        if h is None:
            continue
        lama = h.sidik != sidik_of(periode, tahun, docs)
        for kunci, counts in h.per_dokumen.items():
            if kunci != "renstra":
                out[kunci] = Lencana(counts.get("galat", 0), counts.get("peringatan", 0), lama, tahun)
        if "renstra" in h.per_dokumen and (latest is None or h.diperiksa > latest[0].diperiksa):
            latest = (h, lama, tahun)
    if latest is not None:
        h, lama, tahun = latest
        counts = h.per_dokumen["renstra"]
        out["renstra"] = Lencana(counts.get("galat", 0), counts.get("peringatan", 0), lama, tahun)
    return out


def periode_for(kecamatan_slug: str, tahun: int) -> Periode | None:
    """The Renstra period of a kecamatan (by slug or name) that covers the year."""
    return (Periode.objects.select_related("kecamatan")
            .filter(Q(kecamatan__slug__iexact=kecamatan_slug) | Q(kecamatan__nama__iexact=kecamatan_slug),
                    tahun_mulai__lte=tahun, tahun_selesai__gte=tahun)
            .first())
