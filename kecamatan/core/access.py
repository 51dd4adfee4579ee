"""Who may see what. Every profile belongs to one kabupaten: kecamatan staff (operator, Camat) see
only their own kecamatan; Bappeda (verifikator) and the admin kabupaten see every kecamatan of their
kabupaten and nothing of another. A superuser without a profile (the developers', the national
technical admin) sees every kabupaten. Anything outside a user's scope is a 404, so ids of other
kecamatan or kabupaten leak nothing."""

from __future__ import annotations

from django.conf import settings
from django.db.models import Q, QuerySet
from django.http import Http404

from kecamatan.models import (
    Dokumen,
    Indikator,
    Kabupaten,
    Kecamatan,
    Kegiatan,
    Peran,
    Periode,
    Profil,
    Program,
    Sasaran,
    SubKegiatan,
    Tujuan,
)

BAPPEDA_ROLES = (Peran.VERIFIKATOR, Peran.ADMIN)


def profil_of(user) -> Profil | None:
    """The user's profile with its kecamatan and kabupaten, fetched once per request and cached on
    the user."""
    if not user.is_authenticated:
        return None
    if "profil" in user._state.fields_cache:
        return user._state.fields_cache["profil"]
    profil = Profil.objects.select_related("kecamatan__kabupaten", "kabupaten").filter(user=user).first()
    user._state.fields_cache["profil"] = profil
    return profil


def sees_every_kabupaten(user) -> bool:
    """A superuser without a profile: the developers' (national technical) account reads every
    kabupaten. A superuser with a profile is scoped by it like anyone."""
    return user.is_authenticated and user.is_superuser and profil_of(user) is None


def kabupaten_id_of(user) -> int | None:
    """The kabupaten the user works in (operator and Camat: their kecamatan's); None for a user
    bound to none (no profile, or a Bappeda/admin profile without kabupaten: they see nothing)."""
    profil = profil_of(user)
    if profil is None:
        return None
    if profil.kecamatan_id is not None:
        return profil.kecamatan.kabupaten_id
    return profil.kabupaten_id


def sees_all_kecamatan(user) -> bool:
    """Bappeda and admin kabupaten (every kecamatan of their kabupaten), and a superuser."""
    if sees_every_kabupaten(user):
        return True
    profil = profil_of(user)
    return profil is not None and profil.peran in BAPPEDA_ROLES


def visible_kabupaten(user, qs: QuerySet[Kabupaten]) -> QuerySet[Kabupaten]:
    if sees_every_kabupaten(user):
        return qs
    kabupaten_id = kabupaten_id_of(user)
    return qs.none() if kabupaten_id is None else qs.filter(pk=kabupaten_id)


def _within_scope(user, qs: QuerySet, kabupaten: str, kecamatan: str) -> QuerySet:
    """`qs` cut to the user's scope: `kabupaten`/`kecamatan` name the lookups of the kabupaten id and
    kecamatan id on the queryset's model (e.g. "kecamatan__kabupaten_id", "kecamatan_id")."""
    if sees_every_kabupaten(user):
        return qs
    profil = profil_of(user)
    if profil is None:
        return qs.none()
    if profil.peran in BAPPEDA_ROLES:
        return qs.filter(**{kabupaten: profil.kabupaten_id}) if profil.kabupaten_id else qs.none()
    return qs.filter(**{kecamatan: profil.kecamatan_id}) if profil.kecamatan_id else qs.none()


def visible_kecamatan(user, qs: QuerySet[Kecamatan]) -> QuerySet[Kecamatan]:
    return _within_scope(user, qs, "kabupaten_id", "pk")


def visible_periode(user, qs: QuerySet[Periode]) -> QuerySet[Periode]:
    return _within_scope(user, qs, "kecamatan__kabupaten_id", "kecamatan_id")


def in_scope(user, periode: Periode) -> bool:
    """Whether the period lies in the user's scope, without a query when its kecamatan is loaded."""
    if sees_every_kabupaten(user):
        return True
    profil = profil_of(user)
    if profil is None:
        return False
    if profil.peran in BAPPEDA_ROLES:
        return profil.kabupaten_id is not None and periode.kecamatan.kabupaten_id == profil.kabupaten_id
    return profil.kecamatan_id is not None and periode.kecamatan_id == profil.kecamatan_id


def get_periode_for(user, pk: int) -> Periode:
    periode = visible_periode(user, Periode.objects.select_related("kecamatan__kabupaten")).filter(pk=pk).first()
    if periode is None:
        raise Http404("Renstra tidak ditemukan.")
    return periode


def kabupaten_halaman(user, ref: str | None = None) -> Kabupaten | None:
    """The kabupaten a Bappeda or admin page (comparison, work list, layouts) shows: the user's own;
    `ref` (`?kabupaten=`, a slug or kode) must name it. A superuser without a profile picks any with
    `ref`, else the one chosen on Kelola, else SAKIP_KABUPATEN's, else the first real one. None (the
    page answers 404) for anyone else, for a kabupaten outside the scope, or when there is none. No
    query for a scoped user without `ref`."""
    if not sees_all_kecamatan(user):
        return None
    ref = (ref or "").strip()
    if not sees_every_kabupaten(user):
        kabupaten = profil_of(user).kabupaten
        if kabupaten is None or (ref and ref.lower() not in (kabupaten.slug.lower(), kabupaten.kode or "")):
            return None
        return kabupaten
    if ref:
        return Kabupaten.objects.filter(Q(slug__iexact=ref) | Q(kode=ref)).first()
    # chosen on the Kelola page (kelola.views.pilih_kabupaten), else the installation's own (the setting)
    pilihan = getattr(user, "kabupaten_pilihan_id", None)
    return ((pilihan and Kabupaten.objects.filter(pk=pilihan).first())
            or Kabupaten.objects.filter(slug=settings.SAKIP_KABUPATEN).first()
            or Kabupaten.objects.order_by("demo", "nama").first())


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


def is_verifikator(user) -> bool:
    """The role that verifies (the work list's actions); whether one document: `can_verify`."""
    return peran_of(user) == Peran.VERIFIKATOR


def can_verify(user, obj) -> bool:
    """Verifikator Bappeda verifies, returns and reopens the documents of their own kabupaten's
    kecamatan (`obj`: the Dokumen, its Periode or a cascade row)."""
    if not is_verifikator(user):
        return False
    return in_scope(user, obj.periode if isinstance(obj, Dokumen) else periode_of(obj))


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
