"""Production defaults (issue 17): the secret key check, `check --deploy` with the documented environment
(deploy/sakip.env.example), HTTPS behind the proxy, request ids in responses and log lines, 500
tracebacks logged with DEBUG off. Settings are read at start-up, so those run in subprocesses."""

import io
import logging
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import path

from sakip import production
from sakip.requestlog import LogfmtFormatter

ROOT = Path(__file__).resolve().parent.parent
ENV_EXAMPLE = ROOT / "deploy" / "sakip.env.example"


def _boom(request):
    raise RuntimeError("boom-issue-17")


urlpatterns = [path("boom/", _boom)]  # for @pytest.mark.urls(__name__)


def _documented_env() -> dict[str, str]:
    """The variables of deploy/sakip.env.example as systemd reads them, with a generated key."""
    env = {}
    for line in ENV_EXAMPLE.read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            key, _, value = line.partition("=")
            env[key.strip()] = value.strip().strip('"')
    env["DJANGO_SECRET_KEY"] = secrets.token_urlsafe(50)
    return env


def _run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    base = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "DJANGO_SETTINGS_MODULE": "sakip.settings"}
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=base | env, capture_output=True, text=True,
                          timeout=120)


def test_debug_off_without_secret_key_refuses_to_start():
    result = _run({"DJANGO_DEBUG": "0"}, "manage.py", "check")
    assert result.returncode != 0
    assert "ImproperlyConfigured: DJANGO_SECRET_KEY is not set and DJANGO_DEBUG is off" in result.stderr
    assert "secrets.token_urlsafe(50)" in result.stderr  # and says how to make one


def test_a_bare_checkout_is_development_and_a_server_variable_makes_it_production():
    """No environment at all (a developer's checkout: SQLite, localhost only) runs manage.py's tooling
    with DEBUG on; DATABASE_URL, DJANGO_ALLOWED_HOSTS or a key without DJANGO_DEBUG means a server, so
    DEBUG is off and a missing key refuses to start."""
    assert _run({}, "manage.py", "check").returncode == 0
    for variable, value in [("DATABASE_URL", "postgres://sakip@127.0.0.1:5432/sakip"),
                            ("DJANGO_ALLOWED_HOSTS", "sakip.example.go.id")]:
        result = _run({variable: value}, "manage.py", "check")
        assert result.returncode != 0 and "DJANGO_SECRET_KEY is not set and DJANGO_DEBUG is off" in result.stderr
    result = _run({"DJANGO_SECRET_KEY": "short"}, "manage.py", "check")
    assert result.returncode != 0 and "DJANGO_SECRET_KEY is too weak" in result.stderr


@pytest.mark.parametrize("key, problem", [
    (None, "is not set"),
    ("", "is not set"),
    (production.DEV_SECRET_KEY, "public development key"),
    ("django-insecure-" + "x1y2z3" * 10, "public development key"),
    ("aB3-" * 12, "too weak"),  # 48 characters
    ("k" * 60, "too weak"),  # 1 different character
])
def test_weak_secret_keys_are_refused_with_debug_off(key, problem):
    with pytest.raises(ImproperlyConfigured, match=problem):
        production.secret_key(key, debug=False)


def test_strong_key_is_taken_and_debug_on_keeps_the_dev_default():
    key = "aB3-" * 12 + "xy"
    assert production.secret_key(key, debug=False) == key
    assert production.secret_key(None, debug=True) == production.DEV_SECRET_KEY


def test_documented_production_environment_passes_check_deploy():
    env = _documented_env()
    result = _run(env, "manage.py", "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    # the same with the intranet switch warns about each HTTPS setting it turns off
    plain = _run(env | {"SAKIP_HTTPS": "0"}, "manage.py", "check", "--deploy", "--fail-level", "WARNING")
    assert plain.returncode != 0
    for warning in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert warning in plain.stderr


PROXY_SCRIPT = """
import django
django.setup()
from django.test import Client
c = Client()
r = c.get("/masuk/", HTTP_HOST="sakip.example.go.id")
print("plain", r.status_code, r["Location"])
r = c.get("/masuk/", HTTP_HOST="sakip.example.go.id", HTTP_X_FORWARDED_PROTO="https")
print("proxied", r.status_code, r["Strict-Transport-Security"], r.cookies["csrftoken"]["secure"])
"""


def test_https_behind_the_proxy_with_the_documented_environment():
    """nginx terminates TLS and sets X-Forwarded-Proto: plain HTTP is redirected, HTTPS gets HSTS and
    Secure cookies (no database is touched by an anonymous GET of the login page)."""
    env = _documented_env() | {"DATABASE_URL": "sqlite:////nonexistent/never-opened.sqlite3"}
    result = _run(env, "-c", PROXY_SCRIPT)
    assert result.returncode == 0, result.stderr
    assert "plain 301 https://sakip.example.go.id/masuk/" in result.stdout
    assert "proxied 200 max-age=31536000; includeSubDomains; preload True" in result.stdout


@pytest.fixture
def log_lines():
    """What the app's stderr handler (settings.LOGGING) writes, as lines."""
    handler = next(h for h in logging.getLogger("django").handlers if isinstance(h.formatter, LogfmtFormatter))
    buffer = io.StringIO()
    old = handler.setStream(buffer)
    try:
        yield lambda: buffer.getvalue().splitlines()
    finally:
        handler.setStream(old)


@pytest.mark.django_db
def test_request_id_is_returned_and_logged(client, log_lines):
    response = client.get("/tidak-ada/")
    request_id = response["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", request_id)
    (line,) = [line for line in log_lines() if "Not Found" in line]
    assert f"request_id={request_id} " in line
    assert "level=WARNING logger=django.request" in line and "status=404" in line

    # nginx's id is kept; one that could break a log line or a header is replaced
    assert client.get("/masuk/", HTTP_X_REQUEST_ID="nginx-abc.123")["X-Request-ID"] == "nginx-abc.123"
    forged = client.get("/masuk/", HTTP_X_REQUEST_ID="x y\" level=ERROR")["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", forged)


@pytest.mark.urls(__name__)
def test_500_traceback_is_logged_with_debug_off(client, settings, log_lines):
    assert settings.DEBUG is False
    client.raise_request_exception = False
    response = client.get("/boom/", HTTP_X_REQUEST_ID="req-500")
    assert response.status_code == 500
    (line,) = [line for line in log_lines() if "request_id=req-500" in line]
    assert line.startswith("time=") and "level=ERROR logger=django.request" in line
    assert 'msg="Internal Server Error: /boom/"' in line and "status=500" in line
    assert 'exc="Traceback (most recent call last):\\n' in line  # the traceback, kept on one line
    assert "RuntimeError: boom-issue-17" in line
    # outside a request, records carry "-"
    logging.getLogger("django").warning("sesudah")
    assert log_lines()[-1].split(" ")[3] == "request_id=-"


@pytest.mark.parametrize("env, message", [
    ({"DATABASE_URL": "sqlite:///db.sqlite3"}, "DATABASE_URL harus PostgreSQL"),
    ({"DATABASE_URL": "postgres://sakip@127.0.0.1/sakip"}, "DJANGO_SECRET_KEY belum diisi"),
    ({"DATABASE_URL": "postgres://sakip@127.0.0.1/sakip", "DJANGO_SECRET_KEY": "x" * 50}, "DJANGO_ALLOWED_HOSTS"),
    (_documented_env() | {"DJANGO_DEBUG": "1"}, "DJANGO_DEBUG harus 0"),
])
def test_serve_refuses_without_postgresql_and_the_production_variables(env, message):
    """scripts/serve.sh checks before it sets anything up or starts anything."""
    result = subprocess.run(["bash", "scripts/serve.sh"], cwd=ROOT, env={"PATH": "/usr/bin:/bin"} | env,
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 2
    assert message in result.stderr
