"""Who may see what. Kecamatan staff see only their own kecamatan; Bappeda and admin see all.
Anything outside a user's scope is a 404, so ids of other kecamatan leak nothing."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from kecamatan.models import (
    Indikator,
    Kegiatan,
    Peran,
    Periode,
    Profil,
    Program,
    Sasaran,
    SubKegiatan,
    Tujuan,
)


def profil_of(user) -> Profil | None:
    """The user's profile with its kecamatan, fetched once per request and cached on the user."""
    if not user.is_authenticated:
        return None
    if "profil" in user._state.fields_cache:
        return user._state.fields_cache["profil"]
    profil = Profil.objects.select_related("kecamatan__kabupaten").filter(user=user).first()
    user._state.fields_cache["profil"] = profil
    return profil


def sees_all_kecamatan(user) -> bool:
    profil = profil_of(user)
    if user.is_superuser:
        return True
    return profil is not None and profil.peran in (Peran.VERIFIKATOR, Peran.ADMIN)


def visible_periode(user, qs: QuerySet[Periode]) -> QuerySet[Periode]:
    if sees_all_kecamatan(user):
        return qs
    profil = profil_of(user)
    if profil is None or profil.kecamatan_id is None:
        return qs.none()
    return qs.filter(kecamatan_id=profil.kecamatan_id)


def get_periode_for(user, pk: int) -> Periode:
    periode = visible_periode(user, Periode.objects.select_related("kecamatan__kabupaten")).filter(pk=pk).first()
    if periode is None:
        raise Http404("Renstra tidak ditemukan.")
    return periode


def peran_of(user) -> str | None:
    """The user's role; a superuser without a profile acts as admin kabupaten."""
    profil = profil_of(user)
    if profil is not None:
        return profil.peran
    if user.is_authenticated and user.is_superuser:
        return Peran.ADMIN
    return None


def is_own_kecamatan(user, kecamatan_id: int) -> bool:
    profil = profil_of(user)
    return profil is not None and profil.peran in (Peran.OPERATOR, Peran.CAMAT) and profil.kecamatan_id == kecamatan_id


def can_edit(user, periode: Periode) -> bool:
    """Operator and Camat fill in the drafts of their own kecamatan; nobody else writes data."""
    return is_own_kecamatan(user, periode.kecamatan_id)


def can_submit(user, periode: Periode) -> bool:
    """Only the Camat submits (ajukan) a document of the kecamatan to Bappeda."""
    return is_own_kecamatan(user, periode.kecamatan_id) and peran_of(user) == Peran.CAMAT


def can_verify(user) -> bool:
    """Verifikator Bappeda verifies, returns and reopens documents of every kecamatan."""
    return peran_of(user) == Peran.VERIFIKATOR


def periode_of(obj) -> Periode:
    """The Renstra period a cascade row belongs to (a period is its own)."""
    if isinstance(obj, Periode):
        return obj
    if isinstance(obj, (Tujuan, Program, Indikator)):
        return obj.periode
    if isinstance(obj, Sasaran):
        return obj.tujuan.periode
    if isinstance(obj, Kegiatan):
        return obj.program.periode
    if isinstance(obj, SubKegiatan):
        return obj.kegiatan.program.periode
    raise TypeError(f"not a cascade row: {obj!r}")
