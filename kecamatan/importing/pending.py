"""Uploads waiting for the user's confirmation. The file is kept server-side (a private folder,
`settings.SAKIP_IMPOR_DIR`, never served) between the preview and the confirmation; the session
holds only its random token, name and size, per document. Files older than a day are removed at
the next upload."""

from __future__ import annotations

import datetime
import re
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

MAX_AGE_SECONDS = 24 * 3600
_TOKEN = re.compile(r"^[0-9a-f]{32}$")


@dataclass(frozen=True)
class Pending:
    token: str
    nama_file: str
    ukuran: int
    diunggah: str  # ISO timestamp

    @property
    def waktu(self) -> datetime.datetime | None:
        try:
            return datetime.datetime.fromisoformat(self.diunggah)
        except ValueError:
            return None

    @property
    def path(self) -> Path:
        return folder() / f"{self.token}.xlsx"


def folder() -> Path:
    return Path(settings.SAKIP_IMPOR_DIR)


def _key(periode_pk: int, kunci: str) -> str:
    return f"impor:{periode_pk}:{kunci}"


def purge_old(now: float | None = None) -> None:
    now = time.time() if now is None else now
    if not folder().is_dir():
        return
    for path in folder().glob("*.xlsx"):
        try:
            if now - path.stat().st_mtime > MAX_AGE_SECONDS:
                path.unlink()
        except FileNotFoundError:
            pass


def put(session, periode_pk: int, kunci: str, content: bytes, nama_file: str, diunggah: str) -> Pending:
    """Keep the file for this document (replacing an earlier pending upload of the same session)."""
    purge_old()
    drop(session, periode_pk, kunci)
    folder().mkdir(parents=True, exist_ok=True)
    pending = Pending(uuid.uuid4().hex, Path(nama_file or "berkas.xlsx").name[:120], len(content), diunggah)
    pending.path.write_bytes(content)
    session[_key(periode_pk, kunci)] = {"token": pending.token, "nama_file": pending.nama_file,
                                        "ukuran": pending.ukuran, "diunggah": pending.diunggah}
    return pending


def get(session, periode_pk: int, kunci: str) -> tuple[Pending, bytes] | None:
    data = session.get(_key(periode_pk, kunci))
    if not data or not _TOKEN.match(str(data.get("token", ""))):
        return None
    pending = Pending(data["token"], data.get("nama_file", ""), int(data.get("ukuran", 0)), data.get("diunggah", ""))
    try:
        return pending, pending.path.read_bytes()
    except FileNotFoundError:  # removed after a day: the user uploads again
        session.pop(_key(periode_pk, kunci), None)
        return None


def drop(session, periode_pk: int, kunci: str) -> None:
    data = session.pop(_key(periode_pk, kunci), None)
    if data and _TOKEN.match(str(data.get("token", ""))):
        (folder() / f"{data['token']}.xlsx").unlink(missing_ok=True)
