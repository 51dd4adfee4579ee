"""Two app servers (gunicorn, production settings) on one PostgreSQL database, one client behind
them as behind one proxy: logged in on A, an Excel upload previewed on A is confirmed on B; a
table PDF rendered on A is served by B from the shared cache, and a whole document queued on A
and printed by A's background worker is downloaded from B. Nothing lives in one process or on
one machine's disk: sessions, the cache and pending uploads are all in the database."""

from __future__ import annotations

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.contrib.sessions.models import Session
from django.db import connection
from django.urls import reverse

from kecamatan.models import Cetakan, ImporTertunda, Indikator, Peran, Target
from kecamatan.tables.pdf_cache import HEADER
from tests.factories import PeriodeFactory, build_cascade, user_with_role
from tests.importing.helpers import edit

HOST = "sakip.test"  # the proxy's name: both servers see the same Host, as behind one nginx
PASSWORD = "rahasia-uji-123"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _database_url() -> str:
    db = connection.settings_dict
    auth = urllib.parse.quote(db["USER"]) + (f":{urllib.parse.quote(db['PASSWORD'])}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


class Server:
    """`gunicorn sakip.wsgi` on a free port with the production settings module."""

    def __init__(self, name: str, log_dir: Path, secret_key: str):
        self.name, self.port = name, _free_port()
        self.log = log_dir / f"gunicorn-{name}.log"
        self.media = log_dir / f"media-{name}"  # each its own "machine's disk"
        self.media.mkdir()
        self.env = env = {**os.environ, "DJANGO_SETTINGS_MODULE": "sakip.settings", "DJANGO_DEBUG": "0",
                          "DATABASE_URL": _database_url(), "DJANGO_ALLOWED_HOSTS": HOST,
                          "DJANGO_SECRET_KEY": secret_key, "SAKIP_MEDIA_ROOT": str(self.media)}
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "sakip.wsgi", "-b", f"127.0.0.1:{self.port}", "--workers", "1",
                 "--timeout", "60", "--access-logfile", "-"],
                cwd=settings.BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT)

    def wait_ready(self, timeout: float = 90) -> None:
        """Until the login page answers: the worker has booted and loaded every view."""
        deadline = time.monotonic() + timeout
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}/masuk/", headers={"Host": HOST})
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"server {self.name} exited:\n{self.log.read_text()}")
            try:
                with urllib.request.urlopen(request, timeout=timeout) as response:
                    assert response.status == 200
                    return
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.05)  # polled while the port is not bound yet, not a fixed wait
        raise AssertionError(f"server {self.name} did not start:\n{self.log.read_text()}")

    def run_worker(self) -> None:
        """This server's background worker (`manage.py db_worker`, as serve.sh starts it), until the
        queue is empty."""
        done = subprocess.run([sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay",
                               "--no-reload", "--interval", "0.2", "-v", "0"], cwd=settings.BASE_DIR, env=self.env,
                              capture_output=True, timeout=180)
        assert done.returncode == 0, done.stderr.decode()

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Client:
    """One browser: one cookie jar for both servers. Requests carry what nginx adds (Host,
    X-Forwarded-Proto) and what a browser sends on a form post (Referer), so they pass whether
    or not the settings trust a TLS proxy; Secure cookies are kept as a browser on https would."""

    def __init__(self):
        policy = http.cookiejar.DefaultCookiePolicy(secure_protocols=("https", "wss", "http"))
        self.jar = http.cookiejar.CookieJar(policy)
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)

    def request(self, server: Server, path: str, data: bytes | None = None, content_type: str = ""):
        req = urllib.request.Request(f"http://127.0.0.1:{server.port}{path}", data=data)
        req.add_header("Host", HOST)
        req.add_header("X-Forwarded-Proto", "https")
        req.add_header("Referer", f"https://{HOST}{path}")
        if data is not None:
            req.add_header("Content-Type", content_type)
            req.add_header("X-CSRFToken", self.cookie("csrftoken"))
        try:
            with self.opener.open(req, timeout=60) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as exc:  # 3xx (not followed) and errors
            return exc.code, exc.headers, exc.read()

    def cookie(self, name: str) -> str:
        return next((c.value for c in self.jar if c.name == name), "")

    def post(self, server: Server, path: str, fields: dict[str, str], files: dict[str, tuple[str, bytes]] | None = None):
        boundary = uuid.uuid4().hex
        parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
                 for k, v in {"csrfmiddlewaretoken": self.cookie("csrftoken"), **fields}.items()]
        for k, (filename, content) in (files or {}).items():
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"; filename="{filename}"\r\n'
                         f"Content-Type: {XLSX}\r\n\r\n".encode() + content + b"\r\n")
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        return self.request(server, path, body, f"multipart/form-data; boundary={boundary}")


def _pdf_cache_keys() -> set[str]:
    table = connection.ops.quote_name(settings.CACHES["pdf"]["LOCATION"])
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT cache_key FROM {table}")
        return {row[0] for row in cursor.fetchall()}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="two processes share one PostgreSQL database")
def test_upload_previewed_on_a_is_confirmed_on_b_and_a_pdf_of_a_is_served_by_b(transactional_db, tmp_path):
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"
    assert {c["BACKEND"] for c in settings.CACHES.values()} == {"django.core.cache.backends.db.DatabaseCache"}
    periode = PeriodeFactory()
    build_cascade(periode, n_sub=2)
    user = user_with_role("operator.dua", Peran.OPERATOR, periode.kecamatan)
    user.password = PBKDF2PasswordHasher().encode(PASSWORD, "garamuji", iterations=1000)  # the servers' hashers
    user.save(update_fields=["password"])
    indikator = Indikator.objects.filter(periode=periode, target__tahun=2025).first()

    secret_key = uuid.uuid4().hex * 2  # one key for every server: sessions are signed with it
    servers = [Server("a", tmp_path, secret_key), Server("b", tmp_path, secret_key)]
    a, b = servers
    try:
        with ThreadPoolExecutor(2) as pool:  # both boot at once
            list(pool.map(Server.wait_ready, servers))
        client = Client()
        assert client.request(a, "/masuk/")[0] == 200
        status, headers, _ = client.post(a, "/masuk/", {"username": user.username, "password": PASSWORD})
        assert status == 302, a.log.read_text()
        assert Session.objects.filter(session_key=client.cookie("sessionid")).exists()  # in the database

        args = [periode.pk, "renstra"]
        page = reverse("kecamatan:impor", args=args)
        status, headers, template = client.request(a, reverse("kecamatan:impor_templat", args=args))
        assert status == 200 and headers["Content-Type"] == XLSX
        content = edit(template, "Target", {(f"indikator:{indikator.pk}", "Target 2025"): "7,5"})
        status, headers, _ = client.post(a, page, {}, {"berkas": ("isian.xlsx", content)})
        assert status == 302, a.log.read_text()
        html = client.request(a, page)[2].decode()
        assert "Pratinjau: isian.xlsx" in html and 'data-jumlah="perubahan">1 perubahan' in html
        assert ImporTertunda.objects.filter(user=user, nama_file="isian.xlsx").count() == 1  # in the database
        versi = re.search(r'name="versi" value="(\d+)"', html)[1]
        status, headers, _ = client.post(b, reverse("kecamatan:impor_simpan", args=args),
                                         {"versi": versi, "aksi": "simpan"})
        assert status == 302 and headers["Location"] == reverse("kecamatan:renstra_susun", args=[periode.pk])
        assert Target.objects.get(indikator=indikator, tahun=2025).nilai == 7.5  # written by B
        assert not ImporTertunda.objects.exists()

        pdf_url = reverse("kecamatan:tabel_unduh", args=[periode.pk, "tc27", "pdf"])
        before = _pdf_cache_keys()
        status, headers, pdf_a = client.request(a, pdf_url)
        assert status == 200 and pdf_a.startswith(b"%PDF") and headers[HEADER] == "miss"
        added = _pdf_cache_keys() - before
        assert len(added) == 1 and re.fullmatch(r":1:pdf:[0-9a-f]{64}", next(iter(added)))  # A stored it
        status, headers, pdf_b = client.request(b, pdf_url)
        assert status == 200 and headers[HEADER] == "hit" and pdf_b == pdf_a  # B read A's render
        assert _pdf_cache_keys() - before == added

        # a whole document is queued on A, printed by A's worker, downloaded from B
        status, headers, _ = client.request(a, reverse("kecamatan:naskah_unduh", args=[periode.pk, "renstra", "pdf"]))
        assert status == 302 and re.fullmatch(r"/cetakan/\d+/", headers["Location"]), a.log.read_text()
        cetakan = Cetakan.objects.get()
        assert cetakan.status == Cetakan.Status.ANTRE
        a.run_worker()
        cetakan.refresh_from_db()
        assert cetakan.status == Cetakan.Status.SIAP and f":1:{cetakan.kunci_pdf}" in _pdf_cache_keys() - before
        assert "Siap diunduh" in client.request(b, headers["Location"])[2].decode()
        status, headers, pdf = client.request(b, reverse("kecamatan:cetakan_unduh", args=[cetakan.pk]))
        assert status == 200 and pdf.startswith(b"%PDF") and headers[HEADER] == "hit"
        assert [p for server in servers for p in server.media.rglob("*")] == []  # nothing on either disk
    finally:
        for server in servers:
            server.stop()
