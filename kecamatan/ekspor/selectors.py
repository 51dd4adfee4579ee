"""The rows of a kabupaten-year export, one query per CSV file whatever the number of kecamatan
(pagu: three, targets: two). Rows come as flat tuples (values_list, no model instances) through
`iterator()`, so a large file is streamed from the database to the ZIP, never held whole.

Which Renstra a kecamatan contributes: the one covering the year (the latest starting one when two
do), as Bappeda's comparison chooses it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, Subquery

from kecamatan.core import access
from kecamatan.core.computations import default_aturan_akhir
from kecamatan.core.wilayah import KabupatenTidakJelas, kabupaten_dari
from kecamatan.models import (
    Dokumen,
    Indikator,
    Kabupaten,
    Kecamatan,
    Kegiatan,
    Periode,
    Program,
    RenjaSubKegiatan,
    Sasaran,
    SubKegiatan,
    Target,
    TargetRenja,
    Tujuan,
)

CHUNK = 2000


def kabupaten_pengguna(user) -> Kabupaten | None:
    """The kabupaten whose data a Bappeda verifier or admin kabupaten exports (their profile's); a
    superuser without a profile: the installation's only real kabupaten. None for anyone else."""
    if not access.sees_all_kecamatan(user):
        return None
    profil = access.profil_of(user)
    if profil is not None:
        return Kabupaten.objects.filter(pk=profil.kabupaten_id).first() if profil.kabupaten_id else None
    try:
        return kabupaten_dari()
    except KabupatenTidakJelas:
        return None


@dataclass(frozen=True)
class Lingkup:
    """What one export covers: the kabupaten, the year and each kecamatan's Renstra for it."""

    kabupaten: Kabupaten
    tahun: int
    periode: dict[int, Periode]  # kecamatan id → its Renstra covering the year

    @property
    def periode_ids(self) -> list[int]:
        return [p.pk for p in self.periode.values()]


def lingkup(kabupaten: Kabupaten, tahun: int) -> Lingkup:
    """1 query."""
    periode: dict[int, Periode] = {}
    for p in (Periode.objects.filter(kecamatan__kabupaten=kabupaten, tahun_mulai__lte=tahun, tahun_selesai__gte=tahun)
              .only("pk", "kecamatan_id", "tahun_mulai", "tahun_selesai", "tahun_kondisi_awal", "demo")
              .order_by("tahun_mulai", "pk")):
        periode[p.kecamatan_id] = p
    return Lingkup(kabupaten, tahun, periode)


def q(model, prefix: str, where: Q, fields: tuple[str, ...], order: tuple[str, ...]) -> Iterator[tuple]:
    """One query over `model`: tuples led by the kecamatan's kode wilayah and name (reached through
    `prefix`), ordered by kecamatan then `order`, streamed."""
    kec = f"{prefix}kecamatan__"
    return (model.objects.filter(where).order_by(f"{kec}nama", *order)
            .values_list(f"{kec}kode", f"{kec}nama", *fields).iterator(chunk_size=CHUNK))


def kecamatan_rows(lk: Lingkup) -> Iterator[tuple]:
    for k in Kecamatan.objects.filter(kabupaten=lk.kabupaten).only("pk", "kode", "nama").order_by("nama"):
        p = lk.periode.get(k.pk)
        if p is None:
            yield (k.kode, k.nama, None, None, None, None, None)
        else:
            yield (k.kode, k.nama, p.pk, p.label, p.tahun_mulai, p.tahun_selesai, p.demo)


def tujuan_rows(lk: Lingkup) -> Iterator[tuple]:
    return q(Tujuan, "periode__", Q(periode_id__in=lk.periode_ids), ("pk", "urutan", "uraian"), ("urutan", "pk"))


def sasaran_rows(lk: Lingkup) -> Iterator[tuple]:
    for kode, nama, pk, tujuan_id, t_urut, urut, uraian in q(
        Sasaran, "tujuan__periode__", Q(tujuan__periode_id__in=lk.periode_ids),
        ("pk", "tujuan_id", "tujuan__urutan", "urutan", "uraian"), ("tujuan__urutan", "urutan", "pk"),
    ):
        yield (kode, nama, pk, tujuan_id, f"{t_urut}.{urut}", uraian)


def program_rows(lk: Lingkup) -> Iterator[tuple]:
    return q(Program, "periode__", Q(periode_id__in=lk.periode_ids),
              ("pk", "nomenklatur__kode", "nama", "sasaran_id", "rumusan_sasaran", "unit_kerja"),
              ("nomenklatur__kode", "pk"))


def kegiatan_rows(lk: Lingkup) -> Iterator[tuple]:
    return q(Kegiatan, "program__periode__", Q(program__periode_id__in=lk.periode_ids),
              ("pk", "program_id", "nomenklatur__kode", "nama", "rumusan_sasaran", "unit_kerja"),
              ("nomenklatur__kode", "pk"))


def subkegiatan_rows(lk: Lingkup) -> Iterator[tuple]:
    """With what the Renja of the year says of it (funded there, lokasi, sumber dana)."""
    rincian = RenjaSubKegiatan.objects.filter(subkegiatan_id=OuterRef("pk"), dokumen__jenis=Dokumen.Jenis.RENJA,
                                              dokumen__tahun=lk.tahun)
    qs = (SubKegiatan.objects.filter(kegiatan__program__periode_id__in=lk.periode_ids)
          .annotate(dalam_renja=Exists(rincian), lokasi=Subquery(rincian.values("lokasi")[:1]),
                    sumber_dana=Subquery(rincian.values("sumber_dana")[:1]))
          .order_by("kegiatan__program__periode__kecamatan__nama", "nomenklatur__kode", "pk"))
    kec = "kegiatan__program__periode__kecamatan__"
    return qs.values_list(f"{kec}kode", f"{kec}nama", "pk", "kegiatan_id", "nomenklatur__kode", "nama",
                          "rumusan_sasaran", "unit_kerja", "dalam_renja", "lokasi", "sumber_dana").iterator(chunk_size=CHUNK)


_PEMILIK = ("tujuan", "sasaran", "program", "kegiatan", "subkegiatan")


def indikator_rows(lk: Lingkup) -> Iterator[tuple]:
    fields = ("pk", "tujuan_id", "sasaran_id", "program_id", "kegiatan_id", "subkegiatan_id", "tujuan__urutan",
              "sasaran__tujuan__urutan", "sasaran__urutan", "program__nomenklatur__kode", "kegiatan__nomenklatur__kode",
              "subkegiatan__nomenklatur__kode", "urutan", "uraian", "satuan", "polaritas", "aturan_akhir", "iku",
              "periode__tahun_kondisi_awal", "kondisi_awal", "kondisi_awal_label", "formula", "sumber_data",
              "penanggung_jawab")
    for (kode, nama, pk, *owners, t_urut, st_urut, s_urut, kode_p, kode_k, kode_s, urutan, uraian, satuan,
         polaritas, aturan, iku, tahun_awal, awal, awal_label, formula, sumber, pj) in q(
        Indikator, "periode__", Q(periode_id__in=lk.periode_ids), fields, ("urutan", "pk"),
    ):
        i = next(n for n, owner in enumerate(owners) if owner)
        nomor = (str(t_urut), f"{st_urut}.{s_urut}", kode_p, kode_k, kode_s)[i]
        yield (kode, nama, pk, _PEMILIK[i], owners[i], nomor, urutan, uraian, satuan, polaritas,
               aturan or default_aturan_akhir(satuan).value, iku, tahun_awal, awal, awal_label, formula, sumber, pj)


def target_rows(lk: Lingkup) -> Iterator[tuple]:
    """The Renstra's target of the year, the Renja's own and its prakiraan maju of the next: 2 queries."""
    yield from ((k, n, pk, tahun, "renstra", nilai, label) for k, n, pk, tahun, nilai, label in q(
        Target, "indikator__periode__", Q(indikator__periode_id__in=lk.periode_ids, tahun=lk.tahun),
        ("indikator_id", "tahun", "nilai", "label"), ("indikator__urutan", "indikator_id")))
    yield from q(
        TargetRenja, "indikator__periode__",
        Q(indikator__periode_id__in=lk.periode_ids)
        & (Q(tahap="renja", tahun=lk.tahun) | Q(tahap="prakiraan", tahun=lk.tahun + 1)),
        ("indikator_id", "tahun", "tahap", "nilai", "label"), ("tahun", "indikator__urutan", "indikator_id"))
