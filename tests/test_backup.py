"""Backup and restore (issue 17, README "Backup and restore"): scripts/backup.sh dumps the demo's
database (pg_dump -Fc) and media folder, scripts/restore.sh restores them into a NEW database and
an empty folder, and T-C.27 printed from the restored database by `manage.py cetak` equals the
original's. Needs PostgreSQL's client programs of the server's version: missing, the test fails."""

import io
import os
import secrets
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import quote

import openpyxl
import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

# committed rows: pg_dump, another process, sees only what a transaction has committed
pytestmark = pytest.mark.django_db(transaction=True)

SCRIPTS = Path(settings.BASE_DIR) / "scripts"
TC27 = ["tc27", "--kecamatan", "randuagung", "--periode", "2024-2026", "--format", "xlsx"]


def _pgbin() -> Path:
    """pg_dump/pg_restore/psql of the server's major version (PGBIN if set, as scripts/_pg.sh names it)."""
    if connection.vendor != "postgresql":
        pytest.fail("the backup test needs PostgreSQL (run it through scripts/test.sh)")
    major = connection.pg_version // 10000
    for pgbin in filter(None, [os.environ.get("PGBIN"), f"/usr/lib/postgresql/{major}/bin"]):
        if all((Path(pgbin) / tool).is_file() for tool in ("pg_dump", "pg_restore", "psql")):
            return Path(pgbin)
    pytest.fail(f"pg_dump, pg_restore and psql of PostgreSQL {major} not found (PGBIN, /usr/lib/postgresql/{major}/bin)")


def _url(name: str) -> str:
    s = connection.settings_dict
    auth = quote(s["USER"]) + (f":{quote(s['PASSWORD'])}" if s["PASSWORD"] else "")
    return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{name}"


def _run(args: list, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=settings.BASE_DIR, env={**os.environ, **env}, capture_output=True, text=True,
                          timeout=120, check=False)


def _parts(path: Path) -> dict[str, bytes]:
    """Every part of a workbook but docProps/core.xml, which holds the time it was written."""
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in z.namelist() if name != "docProps/core.xml"}


@pytest.fixture
def new_database():
    """An empty database beside the test database, dropped afterwards."""
    name = f"{connection.settings_dict['NAME']}_pulih"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield name
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_backup_restored_into_a_new_database_prints_the_same_tc27(demo, new_database, tmp_path):
    pgbin = _pgbin()
    media = tmp_path / "media"
    (media / "logo").mkdir(parents=True)
    (media / "logo" / "lumajang.png").write_bytes(b"\x89PNG\r\n\x1a\n" + secrets.token_bytes(64))
    env = {"PGBIN": str(pgbin), "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(50)}

    made = _run(["bash", SCRIPTS / "backup.sh", tmp_path / "cadangan"],
                {**env, "DATABASE_URL": _url(connection.settings_dict["NAME"]), "SAKIP_MEDIA_ROOT": str(media)})
    assert made.returncode == 0, made.stderr
    [dump] = (tmp_path / "cadangan").glob("sakip-*[0-9].dump")
    [media_tar] = (tmp_path / "cadangan").glob("sakip-*-media.tar.gz")
    assert f"Basis data: {dump}" in made.stdout

    target = {**env, "DATABASE_URL": _url(new_database), "SAKIP_MEDIA_ROOT": str(tmp_path / "media_pulih")}
    restored = _run(["bash", SCRIPTS / "restore.sh", dump, media_tar], target)
    assert restored.returncode == 0, restored.stderr
    assert (tmp_path / "media_pulih" / "logo" / "lumajang.png").read_bytes() == (media / "logo" / "lumajang.png").read_bytes()
    again = _run(["bash", SCRIPTS / "restore.sh", dump], target)  # never into a database in use
    assert again.returncode == 1 and "Basis data tujuan tidak kosong" in again.stderr

    printed = _run([sys.executable, "manage.py", "cetak", *TC27, "--output", tmp_path / "pulih.xlsx"], target)
    assert printed.returncode == 0, printed.stderr
    call_command("cetak", *TC27, "--output", str(tmp_path / "asli.xlsx"), stdout=io.StringIO())
    assert _parts(tmp_path / "pulih.xlsx") == _parts(tmp_path / "asli.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "pulih.xlsx").active
    values = {cell for row in sheet.iter_rows(values_only=True) for cell in row}
    assert 6522283747 in values and 1916486189 in values  # T-C.27's totals, not an empty table
