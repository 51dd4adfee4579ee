"""Uploads waiting for the user's confirmation. The file is kept in the database (ImporTertunda,
never served) between the preview and the confirmation, so any app server may answer either step;
the session holds only its random token, per document. A row answers only to its token together
with the session's logged-in user, the period and the document: another user's or another
session's token gives nothing. Rows older than a day count as gone and are removed at the next
upload."""

from __future__ import annotations

import datetime
import re
import uuid
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth import SESSION_KEY
from django.utils import timezone

from kecamatan.models import ImporTertunda

MAX_AGE = datetime.timedelta(days=1)
_TOKEN = re.compile(r"^[0-9a-f]{32}$")


@dataclass(frozen=True)
class Pending:
    token: str
    nama_file: str
    ukuran: int
    diunggah: datetime.datetime

    @property
    def waktu(self) -> datetime.datetime:
        return self.diunggah


def _key(periode_pk: int, kunci: str) -> str:
    return f"impor:{periode_pk}:{kunci}"


def _user_id(session) -> int | None:
    """The session's logged-in user (django.contrib.auth keeps the pk under SESSION_KEY)."""
    try:
        return int(session[SESSION_KEY])
    except (KeyError, TypeError, ValueError):
        return None


def _token(session, periode_pk: int, kunci: str) -> str | None:
    token = session.get(_key(periode_pk, kunci))
    return token if isinstance(token, str) and _TOKEN.match(token) else None


def purge_old(now: datetime.datetime | None = None) -> int:
    """Remove what waited longer than a day; the number removed."""
    now = timezone.now() if now is None else now
    return ImporTertunda.objects.filter(diunggah__lt=now - MAX_AGE).delete()[0]


def _waktu(diunggah: str) -> datetime.datetime:
    try:
        waktu = datetime.datetime.fromisoformat(diunggah)
    except (TypeError, ValueError):
        return timezone.now()
    return waktu if timezone.is_aware(waktu) else timezone.make_aware(waktu)


def put(session, periode_pk: int, kunci: str, content: bytes, nama_file: str, diunggah: str) -> Pending:
    """Keep the file for this document (replacing an earlier pending upload of the same session)."""
    user_id = _user_id(session)
    if user_id is None:
        raise ValueError("Unggahan memerlukan pengguna yang sudah masuk.")
    purge_old()
    drop(session, periode_pk, kunci)
    row = ImporTertunda.objects.create(
        token=uuid.uuid4().hex, user_id=user_id, periode_id=periode_pk, kunci=kunci,
        nama_file=Path(nama_file or "berkas.xlsx").name[:120], ukuran=len(content), isi=content,
        diunggah=_waktu(diunggah),
    )
    session[_key(periode_pk, kunci)] = row.token
    return Pending(row.token, row.nama_file, row.ukuran, row.diunggah)


def get(session, periode_pk: int, kunci: str) -> tuple[Pending, bytes] | None:
    token, user_id = _token(session, periode_pk, kunci), _user_id(session)
    if token is None or user_id is None:
        return None
    row = ImporTertunda.objects.filter(token=token, user_id=user_id, periode_id=periode_pk, kunci=kunci,
                                       diunggah__gte=timezone.now() - MAX_AGE).first()
    if row is None:  # removed after a day, or not this user's: the user uploads again
        session.pop(_key(periode_pk, kunci), None)
        return None
    return Pending(row.token, row.nama_file, row.ukuran, row.diunggah), bytes(row.isi)


def drop(session, periode_pk: int, kunci: str) -> None:
    token, user_id = _token(session, periode_pk, kunci), _user_id(session)
    session.pop(_key(periode_pk, kunci), None)
    if token is not None and user_id is not None:
        ImporTertunda.objects.filter(token=token, user_id=user_id).delete()
