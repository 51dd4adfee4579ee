"""Login protection on django-axes (settings: the AXES_* block). Axes records every failed sign-in
(username, address, count, time of the last one) and refuses a sign-in while a limit is reached;
this module holds what is ours: two limits instead of axes' one, the client's address behind a
proxy, the Indonesian lockout page, and the list of locks the admin kabupaten opens."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max, Sum
from django.shortcuts import render
from django.utils import timezone

from kecamatan.core.forms import LoginForm


def batas_gagal() -> tuple[int, int]:
    """The limits of AXES_LOCKOUT_PARAMETERS, in its order: one username from one address, one
    username from every address together."""
    return settings.AXES_FAILURE_LIMIT, settings.SAKIP_BATAS_GAGAL_NAMA


def lama_kunci() -> timedelta:
    return get_cool_off()


class KunciHandler(AxesDatabaseHandler):
    """Axes' database handler with one limit per lockout parameter set (axes has one for all).

    Axes locks when get_failures() >= AXES_FAILURE_LIMIT. Here get_failures() counts the failures
    against the limit closest to being reached: AXES_FAILURE_LIMIT minus the smallest headroom, so
    it reaches AXES_FAILURE_LIMIT exactly when any set reaches its own limit (and equals the
    failures of the username+address set while that one is the closest)."""

    def get_failures(self, request, credentials: dict | None = None) -> int:
        sets = self.get_user_attempts(request, credentials)
        limits = batas_gagal()
        if len(sets) != len(limits):
            raise ValueError("AXES_LOCKOUT_PARAMETERS and the limits of kunci.batas_gagal() differ in number")
        sisa = min(limit - (qs.aggregate(n=Sum("failures_since_start"))["n"] or 0) for qs, limit in zip(sets, limits))
        return settings.AXES_FAILURE_LIMIT - sisa


def alamat_klien(request) -> str | None:
    """The client's address: REMOTE_ADDR, or behind SAKIP_PROXY_COUNT trusted proxies (nginx) the
    address the first of them appended to X-Forwarded-For (what the client wrote before it is not
    trusted). Without this every user behind nginx would be 127.0.0.1."""
    proxies = settings.SAKIP_PROXY_COUNT
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
    if proxies and forwarded:
        return forwarded[-min(proxies, len(forwarded))]
    return request.META.get("REMOTE_ADDR")


@dataclass(frozen=True)
class Kunci:
    """A username that cannot sign in now: from the addresses listed, or from anywhere."""

    username: str
    alamat: tuple[tuple[str, int], ...]  # (address, failures) that reached their limit
    semua_alamat: bool  # the username's own limit is reached: locked from every address
    gagal: int  # failures counted (of the locked addresses, or of every address)
    sejak: datetime  # the last failure counted: later attempts are refused without being counted
    sampai: datetime  # when the lock ends by itself, at the latest


def daftar_kunci(sekarang: datetime | None = None) -> list[Kunci]:
    """Every lock in force, by username (two queries' worth of rows: failures of the cool-off)."""
    sekarang = sekarang or timezone.now()
    rows = (AccessAttempt.objects.filter(attempt_time__gte=sekarang - lama_kunci())
            .values("username", "ip_address").annotate(gagal=Sum("failures_since_start"), akhir=Max("attempt_time"))
            .order_by("username", "ip_address"))
    per_nama: dict[str, list[dict]] = {}
    for row in rows:
        per_nama.setdefault(row["username"] or "", []).append(row)
    batas_alamat, batas_nama = batas_gagal()
    hasil = []
    for username, alamat in per_nama.items():
        total = sum(r["gagal"] for r in alamat)
        terkunci = alamat if total >= batas_nama else [r for r in alamat if r["gagal"] >= batas_alamat]
        if terkunci:
            sejak = max(r["akhir"] for r in terkunci)
            hasil.append(Kunci(username, tuple((r["ip_address"] or "?", r["gagal"]) for r in terkunci),
                               total >= batas_nama, sum(r["gagal"] for r in terkunci), sejak, sejak + lama_kunci()))
    return sorted(hasil, key=lambda k: k.sejak, reverse=True)


def kunci_of(username: str) -> Kunci | None:
    return next((k for k in daftar_kunci() if k.username == username), None)


def respon_terkunci(request, original_response=None, credentials: dict | None = None):
    """AXES_LOCKOUT_CALLABLE: the sign-in page again, HTTP 429, with why, until when and who can
    unlock earlier — for the attempt that reached a limit and every attempt during the lock
    (the right password included)."""
    username = get_client_username(request, credentials) or ""
    context = dict(getattr(original_response, "context_data", None) or {})
    if not isinstance(context.get("form"), LoginForm):
        context["form"] = LoginForm(request, initial={"username": username})
    context.setdefault("next", request.POST.get("next", ""))
    kunci = kunci_of(username)
    menit = int(lama_kunci().total_seconds() // 60)
    sampai = timezone.localtime(kunci.sampai if kunci else timezone.now() + lama_kunci())
    context["terkunci"] = {"username": username, "menit": menit, "sampai": sampai.strftime("%H.%M"),
                           "semua_alamat": bool(kunci and kunci.semua_alamat),
                           "batas": batas_gagal()[1] if kunci and kunci.semua_alamat else batas_gagal()[0]}
    return render(request, "registration/login.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)
