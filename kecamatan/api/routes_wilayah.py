"""Kabupaten, kecamatan and Renstra periods the caller sees."""

from __future__ import annotations

from ninja import Router
from ninja.pagination import paginate

from kecamatan.api import selectors
from kecamatan.api.common import periode_for
from kecamatan.api.schemas import KabupatenOut, KecamatanOut, PeriodeOut

router = Router(tags=["Wilayah dan periode"])


@router.get("/kabupaten/", response=list[KabupatenOut], url_name="kabupaten_list")
@paginate
def kabupaten_list(request):
    """Kabupaten yang kecamatannya terlihat oleh pengguna."""
    return selectors.kabupaten_list(request.user)


@router.get("/kecamatan/", response=list[KecamatanOut], url_name="kecamatan_list")
@paginate
def kecamatan_list(request):
    """Kecamatan yang terlihat oleh pengguna (operator dan Camat: kecamatannya sendiri)."""
    return selectors.kecamatan_list(request.user)


@router.get("/kecamatan/{int:pk}/", response=KecamatanOut, url_name="kecamatan_detail")
def kecamatan_detail(request, pk: int):
    return selectors.get_kecamatan_for(request.user, pk)


@router.get("/periode/", response=list[PeriodeOut], url_name="periode_list")
@paginate
def periode_list(request):
    """Periode Renstra yang terlihat oleh pengguna."""
    return selectors.periode_list(request.user)


@router.get("/periode/{int:pk}/", response=PeriodeOut, url_name="periode_detail")
def periode_detail(request, pk: int):
    return periode_for(request, pk)
