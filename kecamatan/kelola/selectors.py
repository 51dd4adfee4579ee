"""Reads of the admin kabupaten's pages: which kabupaten the admin manages, its users, its
kecamatan with their periods, and what retiring a kecamatan's generated demo data would remove."""

from __future__ import annotations

from dataclasses import dataclass

from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.db import DEFAULT_DB_ALIAS
from django.db.models import Count, Q, QuerySet
from django.db.models.deletion import Collector
from django.http import Http404

from kecamatan.core import access, asal
from kecamatan.models import Kabupaten, Kecamatan, Peran, Periode, Profil, SkalaKriteria
from kecamatan.models.akun import KECAMATAN_ROLES

User = get_user_model()


sidik = asal.sidik  # one fingerprint for every record without a document version (core/asal.py)


def kabupaten_for(user) -> Kabupaten:
    """The kabupaten an admin kabupaten manages: their own (a superuser without a profile: the first
    real one); 404 for anyone else, as for any page outside one's scope."""
    if access.peran_of(user) != Peran.ADMIN:
        raise Http404("Halaman tidak ditemukan.")
    kabupaten = access.kabupaten_halaman(user)
    if kabupaten is None:
        raise Http404("Halaman tidak ditemukan.")
    return kabupaten


def pilihan_kabupaten(user) -> QuerySet[Kabupaten] | None:
    """The kabupaten a superuser without a profile may switch between (real ones first); None for
    everyone else, who manage their own kabupaten only."""
    if not access.sees_every_kabupaten(user):
        return None
    return Kabupaten.objects.order_by("demo", "nama")


# --- users ----------------------------------------------------------------------------------------

def pengguna_qs(kabupaten: Kabupaten) -> QuerySet:
    """Users the admin kabupaten manages: staff of its kecamatan, its Bappeda and admin, and users
    that have no profile yet (so that they can be given one; they belong to no kabupaten). Users of
    another kabupaten are not listed (404). Superusers are the developers'."""
    return (User.objects.filter(is_superuser=False)
            .filter(Q(profil__isnull=True) | Q(profil__kecamatan__kabupaten=kabupaten)
                    | Q(profil__peran__in=[Peran.VERIFIKATOR, Peran.ADMIN], profil__kabupaten=kabupaten))
            .select_related("profil__kecamatan").order_by("-is_active", "profil__kecamatan__nama", "username"))


def pengguna_for(kabupaten: Kabupaten, pk: int):
    user = pengguna_qs(kabupaten).filter(pk=pk).first()
    if user is None:
        raise Http404("Pengguna tidak ditemukan.")
    return user


def profil_or_none(user) -> Profil | None:
    return Profil.objects.filter(user=user).select_related("kecamatan").first()


def sidik_pengguna(user) -> str:
    profil = profil_or_none(user)
    return sidik(user.username, user.first_name, user.email, user.is_active,
                 profil.peran if profil else None, profil.kecamatan_id if profil else None)


def masalah_profil(user) -> str | None:
    """What keeps a signed-in user from working, in Indonesian; None when nothing does."""
    if not user.is_authenticated or user.is_superuser:
        return None
    profil = access.profil_of(user)
    if profil is None:
        return ("Akun Anda belum mempunyai profil: belum ditentukan peran Anda (operator kecamatan, Camat, "
                "verifikator Bappeda atau admin kabupaten) dan, untuk operator dan Camat, kecamatannya.")
    if profil.peran in KECAMATAN_ROLES and profil.kecamatan_id is None:
        return (f"Akun Anda berperan {profil.get_peran_display()} tetapi belum terhubung ke kecamatan mana pun, "
                "sehingga belum ada data yang dapat Anda lihat atau isi.")
    return None


def nama_admin(user) -> list[str]:
    """Whom a user without a profile (or without kecamatan) should ask: the active admin of their
    kabupaten when it is known, else every active admin kabupaten."""
    admins = User.objects.filter(is_active=True, profil__peran=Peran.ADMIN)
    kabupaten_id = access.kabupaten_id_of(user)
    if kabupaten_id is not None:
        admins = admins.filter(profil__kabupaten_id=kabupaten_id)
    return [u.get_full_name() or u.username for u in admins.order_by("first_name", "username")]


def sidik_kunci(username: str) -> str:
    """The failed sign-ins recorded for a username: a new failure after the page was loaded
    changes it."""
    return sidik(*AccessAttempt.objects.filter(username=username).order_by("pk")
                 .values_list("pk", "ip_address", "failures_since_start", "attempt_time"))


def nama_kabupaten_lain(kabupaten: Kabupaten, usernames) -> set[str]:
    """Those of `usernames` that are users the admin of `kabupaten` does not manage (another
    kabupaten's, superusers): their locks are not theirs to see or open. 2 queries."""
    names = set(usernames)
    if not names:
        return set()
    mine = set(pengguna_qs(kabupaten).filter(username__in=names).values_list("username", flat=True))
    return set(User.objects.filter(username__in=names).values_list("username", flat=True)) - mine


def nama_pengguna(usernames) -> dict[str, str]:
    """Full name (or the username) of those of `usernames` that are users; a locked name that is
    nobody's is a guess."""
    return {u.username: u.get_full_name() or u.username for u in User.objects.filter(username__in=list(usernames))}


# --- kecamatan, kabupaten, periods --------------------------------------------------------------

def kecamatan_list(kabupaten: Kabupaten) -> QuerySet[Kecamatan]:
    return kabupaten.kecamatan.annotate(
        n_asli=Count("periode", filter=Q(periode__demo=False)),
        n_demo=Count("periode", filter=Q(periode__demo=True)),
    ).order_by("nama")


def kecamatan_for(kabupaten: Kabupaten, pk: int) -> Kecamatan:
    kecamatan = kabupaten.kecamatan.filter(pk=pk).first()
    if kecamatan is None:
        raise Http404("Kecamatan tidak ditemukan.")
    return kecamatan


PROFIL_FIELDS = ("alamat", "telepon", "email", "kode_pos", "jumlah_desa")
TENGGAT_FIELDS = ("tenggat_realisasi_hari", "tenggat_renja_tanggal", "tenggat_renja_bulan", "tenggat_lkj_tanggal",
                  "tenggat_lkj_bulan")
KABUPATEN_FIELDS = ("nama", "provinsi", "bappeda", "alamat_bappeda", "logo", *TENGGAT_FIELDS)


def sidik_kecamatan(kecamatan: Kecamatan) -> str:
    return sidik(*(getattr(kecamatan, f) for f in PROFIL_FIELDS))


def sidik_kabupaten(kabupaten: Kabupaten) -> str:
    return sidik(*(str(getattr(kabupaten, f)) for f in KABUPATEN_FIELDS))


def skala_qs(kabupaten: Kabupaten) -> QuerySet[SkalaKriteria]:
    return SkalaKriteria.objects.filter(kabupaten=kabupaten)


def sidik_skala(kabupaten: Kabupaten) -> str:
    return sidik(*skala_qs(kabupaten).order_by("pk").values_list("pk", "berlaku_mulai", "batas_bawah", "kriteria"))


def periode_list(kecamatan: Kecamatan) -> list[Periode]:
    return list(kecamatan.periode.order_by("-tahun_mulai"))


@dataclass(frozen=True)
class IsiDemo:
    """What retiring a kecamatan's generated data removes: its periods and, per kind of row, how
    many rows hang from them."""

    periode: tuple[Periode, ...]
    asli: tuple[Periode, ...]  # real periods: when any, nothing is removed
    rincian: tuple[tuple[str, int], ...]  # (verbose name plural, count), largest first
    sidik: str


def isi_demo(kecamatan: Kecamatan) -> IsiDemo:
    periodes = periode_list(kecamatan)
    demo = [p for p in periodes if p.demo]
    asli = tuple(p for p in periodes if not p.demo)
    counts: dict[str, int] = {}
    if demo and not asli:
        collector = Collector(using=DEFAULT_DB_ALIAS)
        collector.collect(demo)
        for model, instances in collector.data.items():
            counts[str(model._meta.verbose_name_plural)] = counts.get(str(model._meta.verbose_name_plural), 0) + len(
                instances)
        for qs in collector.fast_deletes:
            n = qs.count()
            if n:
                name = str(qs.model._meta.verbose_name_plural)
                counts[name] = counts.get(name, 0) + n
    rincian = tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    return IsiDemo(tuple(demo), asli, rincian, sidik(tuple(p.pk for p in periodes), rincian))
