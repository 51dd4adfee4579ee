"""What the API reads, always within the caller's scope (`core.access`): a fixed number of queries
per request, whatever the number of rows, and a stable order (a unique key last) for pagination."""

from __future__ import annotations

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404

from kecamatan.core import access
from kecamatan.models import (
    Indikator,
    Kabupaten,
    Kecamatan,
    Kegiatan,
    Pagu,
    Periode,
    Program,
    Realisasi,
    RealisasiAnggaran,
    Sasaran,
    SubKegiatan,
    Target,
    Tujuan,
)


def periode_list(user) -> QuerySet[Periode]:
    return access.visible_periode(user, Periode.objects.select_related("kecamatan__kabupaten")).order_by(
        "kecamatan__nama", "tahun_mulai", "pk")


def kecamatan_list(user) -> QuerySet[Kecamatan]:
    """The kecamatan whose Renstra the user sees, and kecamatan staff's own (also before its first Renstra)."""
    profil = access.profil_of(user)
    own = Q(pk=profil.kecamatan_id) if profil is not None and profil.kecamatan_id else Q(pk__in=[])
    visible = access.visible_periode(user, Periode.objects.all()).values("kecamatan_id")
    return (Kecamatan.objects.filter(own | Q(pk__in=visible)).select_related("kabupaten")
            .order_by("kabupaten__nama", "nama", "pk"))


def kabupaten_list(user) -> QuerySet[Kabupaten]:
    return Kabupaten.objects.filter(pk__in=kecamatan_list(user).values("kabupaten_id")).order_by("nama", "pk")


def get_kecamatan_for(user, pk: int) -> Kecamatan:
    return _get_or_404(kecamatan_list(user), pk, "Kecamatan tidak ditemukan.")


def _get_or_404(qs, pk: int, pesan: str):
    found = qs.filter(pk=pk).first()
    if found is None:
        raise Http404(pesan)
    return found


def cascade(periode: Periode) -> dict:
    """The cascade of a Renstra: Tujuan → Sasaran and Program → Kegiatan → SubKegiatan, each with
    its own indicators (6 queries)."""
    indikator = list(Indikator.objects.filter(periode=periode).order_by("urutan", "pk"))
    return {
        "tujuan": list(Tujuan.objects.filter(periode=periode).order_by("urutan", "pk")),
        "sasaran": list(Sasaran.objects.filter(tujuan__periode=periode).order_by("tujuan__urutan", "urutan", "pk")),
        "program": list(Program.objects.filter(periode=periode).select_related("nomenklatur")
                        .order_by("nomenklatur__kode", "pk")),
        "kegiatan": list(Kegiatan.objects.filter(program__periode=periode).select_related("nomenklatur")
                         .order_by("nomenklatur__kode", "pk")),
        "subkegiatan": list(SubKegiatan.objects.filter(kegiatan__program__periode=periode)
                            .select_related("nomenklatur").order_by("nomenklatur__kode", "pk")),
        "indikator": indikator,
    }


def indikator_list(periode: Periode) -> QuerySet[Indikator]:
    """Every indicator with its targets per year and realisasi per triwulan (3 queries a page)."""
    return (Indikator.objects.filter(periode=periode).order_by("pk")
            .prefetch_related(Prefetch("target", Target.objects.order_by("tahun", "pk")),
                              Prefetch("realisasi", Realisasi.objects.order_by("tahun", "triwulan", "pk"))))


def subkegiatan_list(periode: Periode) -> QuerySet[SubKegiatan]:
    """Every sub-kegiatan with its pagu per year and stage and its Rp per triwulan (3 queries a page)."""
    return (SubKegiatan.objects.filter(kegiatan__program__periode=periode)
            .select_related("nomenklatur", "kegiatan__nomenklatur", "kegiatan__program__nomenklatur")
            .order_by("nomenklatur__kode", "pk")
            .prefetch_related(Prefetch("pagu", Pagu.objects.order_by("tahun", "tahap", "pk")),
                              Prefetch("realisasi_anggaran", RealisasiAnggaran.objects.order_by("tahun", "triwulan", "pk"))))
