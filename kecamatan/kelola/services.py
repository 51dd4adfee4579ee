"""Writes of the admin kabupaten: users and their profile, the kecamatan profile, the kabupaten,
its Tabel 3.1 scale, Renstra periods, and retiring a kecamatan's generated demo data. Each checks
the role, refuses a page loaded before someone else's save (fingerprint), runs full_clean() and
writes in one transaction."""

from __future__ import annotations

import logging
import secrets

from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from kecamatan.core import access
from kecamatan.core.errors import Bentrok
from kecamatan.kelola import selectors
from kecamatan.models import Kabupaten, Kecamatan, Peran, Periode, Profil, SkalaKriteria

User = get_user_model()
log = logging.getLogger(__name__)



def _require_admin(by, kabupaten_id: int | None = None) -> None:
    """An admin kabupaten, of the kabupaten the data belongs to (`kabupaten_id`, when given)."""
    if access.peran_of(by) != Peran.ADMIN:
        raise PermissionDenied("Hanya admin kabupaten yang dapat mengelola data ini.")
    if kabupaten_id is not None and not access.sees_every_kabupaten(by) and access.kabupaten_id_of(by) != kabupaten_id:
        raise PermissionDenied("Hanya admin kabupaten itu yang dapat mengelola datanya.")


def _check_sidik(dimuat: str, sekarang: str, apa: str) -> None:
    if dimuat != sekarang:
        raise Bentrok(judul=apa)


def sandi_acak() -> str:
    """An initial password: 12 characters without look-alikes (0/O, 1/l/I)."""
    alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(12))


def _check_sandi(sandi: str, user) -> None:
    try:
        validate_password(sandi, user)
    except ValidationError as exc:
        raise ValidationError({"sandi": exc.messages}) from exc


def _save_profil(user, *, peran: str, kecamatan: Kecamatan | None, kabupaten: Kabupaten,
                 wajib_ganti_sandi: bool | None = None) -> Profil:
    if kecamatan is not None and kecamatan.kabupaten_id != kabupaten.pk:
        raise ValidationError({"kecamatan": "Kecamatan itu bukan bagian kabupaten ini."})
    profil = Profil.objects.filter(user=user).first() or Profil(user=user)
    profil.peran, profil.kecamatan = peran, kecamatan if peran in (Peran.OPERATOR, Peran.CAMAT) else None
    profil.kabupaten = kabupaten
    if wajib_ganti_sandi is not None:
        profil.wajib_ganti_sandi = wajib_ganti_sandi
    profil.full_clean()
    profil.save()
    return profil


@transaction.atomic
def buat_pengguna(*, kabupaten: Kabupaten, by, username: str, nama: str, email: str, peran: str,
                  kecamatan: Kecamatan | None, sandi: str = "") -> tuple[object, str]:
    """A new user with their profile; they must change the initial password (typed by the admin
    or generated) when they first sign in. Returns the user and that password."""
    _require_admin(by, kabupaten.pk)
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": f"Nama pengguna {username} sudah dipakai."})
    user = User(username=username, first_name=nama, email=email, is_active=True)
    sandi = sandi or sandi_acak()
    _check_sandi(sandi, user)
    user.set_password(sandi)
    user.full_clean()
    user.save()
    _save_profil(user, peran=peran, kecamatan=kecamatan, kabupaten=kabupaten, wajib_ganti_sandi=True)
    return user, sandi


@transaction.atomic
def ubah_pengguna(*, kabupaten: Kabupaten, by, user, sidik: str, nama: str, email: str, peran: str,
                  kecamatan: Kecamatan | None, sandi: str = "") -> None:
    """Name, e-mail, role and kecamatan; a new password (optional) must be changed at next sign-in."""
    _require_admin(by, kabupaten.pk)
    user = User.objects.select_for_update().get(pk=user.pk)
    _check_sidik(sidik, selectors.sidik_pengguna(user), f"Pengguna {user.username}")
    if user.pk == by.pk and peran != Peran.ADMIN:
        raise ValidationError({"peran": "Anda tidak dapat mencabut peran admin kabupaten dari akun Anda sendiri."})
    user.first_name, user.email = nama, email
    if sandi:
        _check_sandi(sandi, user)
        user.set_password(sandi)
    user.full_clean()
    user.save()
    _save_profil(user, peran=peran, kecamatan=kecamatan, kabupaten=kabupaten,
                 wajib_ganti_sandi=True if sandi else None)


@transaction.atomic
def set_aktif(*, by, user, aktif: bool) -> None:
    """Deactivate (the user can no longer sign in; their name stays on what they wrote) or
    reactivate. Users are never deleted."""
    _require_admin(by)
    if user.pk == by.pk and not aktif:
        raise ValidationError("Anda tidak dapat menonaktifkan akun Anda sendiri.")
    User.objects.filter(pk=user.pk).update(is_active=aktif)


@transaction.atomic
def buka_kunci(*, by, username: str, sidik: str) -> int:
    """Clear the failed sign-ins of a username from every address, so that it signs in again at
    once. Refused when a failure arrived after the page was loaded (the admin decides on what they
    saw); a lock already gone is no error: unlocking twice is harmless. Returns the rows cleared."""
    _require_admin(by)
    rows = list(AccessAttempt.objects.select_for_update().filter(username=username).order_by("pk"))
    if not rows:
        return 0
    if sidik != selectors.sidik_kunci(username):
        raise ValidationError(f"Kunci akun {username} TIDAK dibuka: sejak halaman ini dibuka ada percobaan masuk "
                              "yang gagal lagi. Periksa daftar yang sudah dimuat ulang, lalu buka kuncinya lagi "
                              "bila memang perlu.")
    AccessAttempt.objects.filter(pk__in=[r.pk for r in rows]).delete()
    log.warning("Kunci akun %s dibuka oleh %s (%d catatan gagal masuk dihapus)", username, by.username, len(rows))
    return len(rows)


def sandi_sudah_diganti(*, user) -> None:
    """The user chose their own password: they are no longer sent to the change page."""
    Profil.objects.filter(user=user, wajib_ganti_sandi=True).update(wajib_ganti_sandi=False)


@transaction.atomic
def simpan_kecamatan(*, by, kecamatan: Kecamatan, sidik: str, data: dict) -> Kecamatan:
    """The kecamatan's profile: kop address lines and number of desa/kelurahan."""
    _require_admin(by, kecamatan.kabupaten_id)
    kecamatan = Kecamatan.objects.select_for_update().get(pk=kecamatan.pk)
    _check_sidik(sidik, selectors.sidik_kecamatan(kecamatan), f"Profil Kecamatan {kecamatan.nama}")
    for field in selectors.PROFIL_FIELDS:
        setattr(kecamatan, field, data[field])
    kecamatan.full_clean()
    kecamatan.save(update_fields=list(selectors.PROFIL_FIELDS))
    return kecamatan


@transaction.atomic
def simpan_kabupaten(*, by, kabupaten: Kabupaten, sidik: str, data: dict) -> Kabupaten:
    """Name, province, Bappeda's kop lines and the logo (a new file replaces it; `logo` False clears it)."""
    _require_admin(by, kabupaten.pk)
    kabupaten = Kabupaten.objects.select_for_update().get(pk=kabupaten.pk)
    _check_sidik(sidik, selectors.sidik_kabupaten(kabupaten), f"Data Kabupaten {kabupaten.nama}")
    for field in selectors.KABUPATEN_FIELDS:
        if field == "logo" and data["logo"] is None:
            continue  # no new file: keep the logo
        setattr(kabupaten, field, data[field] or "" if field == "logo" else data[field])
    kabupaten.full_clean()
    kabupaten.save()
    return kabupaten


@transaction.atomic
def simpan_skala(*, by, kabupaten: Kabupaten, sidik: str, rows: list[dict]) -> None:
    """The Tabel 3.1 scale as a whole: `rows` (berlaku_mulai, batas_bawah, kriteria) replace the
    kabupaten's bands; every year keeps exactly one lowest band (batas bawah empty)."""
    _require_admin(by, kabupaten.pk)
    Kabupaten.objects.select_for_update().get(pk=kabupaten.pk)
    _check_sidik(sidik, selectors.sidik_skala(kabupaten), "Skala kriteria capaian")
    SkalaKriteria.objects.filter(kabupaten=kabupaten).delete()
    seen = set()
    for row in rows:
        kunci = (row["berlaku_mulai"], row["batas_bawah"])
        if kunci in seen:
            batas = "kosong" if row["batas_bawah"] is None else row["batas_bawah"]
            raise ValidationError(f"Skala yang berlaku mulai {row['berlaku_mulai']} memuat batas bawah {batas} dua kali.")
        seen.add(kunci)
        skala = SkalaKriteria(kabupaten=kabupaten, berlaku_mulai=row["berlaku_mulai"],
                              batas_bawah=row["batas_bawah"], kriteria=row["kriteria"])
        skala.full_clean(validate_constraints=False)
        skala.save()
    for tahun in {row["berlaku_mulai"] for row in rows}:
        if (tahun, None) not in seen:
            raise ValidationError(f"Skala yang berlaku mulai {tahun} tidak mempunyai kriteria terendah (batas bawah "
                                  "kosong).")


@transaction.atomic
def buat_periode(*, by, kecamatan: Kecamatan, tahun_mulai: int, tahun_selesai: int,
                 tahun_kondisi_awal: int) -> Periode:
    """A real Renstra period; refused where it overlaps another period of the kecamatan."""
    _require_admin(by, kecamatan.kabupaten_id)
    kecamatan = Kecamatan.objects.select_for_update().get(pk=kecamatan.pk)
    periode = Periode(kecamatan=kecamatan, tahun_mulai=tahun_mulai, tahun_selesai=tahun_selesai,
                      tahun_kondisi_awal=tahun_kondisi_awal, demo=False)
    periode.clean()
    for lain in kecamatan.periode.all():
        if lain.tahun_mulai <= tahun_selesai and tahun_mulai <= lain.tahun_selesai:
            jenis = "data demo" if lain.demo else "Renstra"
            saran = " Hapus dahulu data demonya lewat “Mulai Renstra asli”." if lain.demo else ""
            raise ValidationError({"tahun_mulai": f"Tahun {tahun_mulai}-{tahun_selesai} bertumpang tindih dengan "
                                                  f"{jenis} {lain.label} kecamatan ini.{saran}"})
    periode.full_clean()
    periode.save()
    return periode


@transaction.atomic
def pensiunkan_demo(*, by, kecamatan: Kecamatan, sidik: str) -> int:
    """Delete the generated demo periods of a kecamatan and everything hanging from them, in one
    transaction. Refused when the kecamatan has any real period. Returns the periods removed."""
    _require_admin(by, kecamatan.kabupaten_id)
    kecamatan = Kecamatan.objects.select_for_update().get(pk=kecamatan.pk)
    isi = selectors.isi_demo(kecamatan)
    if isi.asli:
        raise ValidationError(
            f"Kecamatan {kecamatan.nama} sudah mempunyai Renstra asli ({', '.join(p.label for p in isi.asli)}): "
            "data kecamatan ini tidak dihapus. Hanya kecamatan yang seluruh datanya data demo yang dapat dimulai ulang.")
    if not isi.periode:
        raise ValidationError(f"Kecamatan {kecamatan.nama} tidak mempunyai data demo.")
    _check_sidik(sidik, isi.sidik, f"Data Kecamatan {kecamatan.nama}")
    Periode.objects.filter(pk__in=[p.pk for p in isi.periode], demo=True).delete()
    return len(isi.periode)
