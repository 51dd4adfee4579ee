"""Reading the production environment for settings.py: lists, switches, the secret key check and ADMINS.

No Django imports beyond the exception: settings.py calls these while Django is not set up yet.
"""

import os
from email.utils import getaddresses

from django.core.exceptions import ImproperlyConfigured

# The key the app shipped with before issue 17: public, so never accepted in production
DEV_SECRET_KEY = "dev-only-insecure-key-change-me-in-production"
MIN_SECRET_KEY_LENGTH = 50  # what `check --deploy` (security.W009) asks for


def env_flag(name: str, default: bool) -> bool:
    """1/0 (also true/false, yes/no, on/off) from the environment; unset or empty gives the default."""
    value = os.environ.get(name, "").strip().lower()
    if not value:
        return default
    return value in {"1", "true", "yes", "on"}


# Any of these says "a server" (serve.sh and the systemd units set all three)
SERVER_VARIABLES = ("DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DATABASE_URL")


def debug_flag() -> bool:
    """DJANGO_DEBUG when it is set. Unset, a bare checkout with none of SERVER_VARIABLES is a
    development checkout (SQLite, localhost only), where `manage.py makemigrations`, `shell` and the
    like must run; anything with a server variable is production: DEBUG off, and the key checked."""
    if os.environ.get("DJANGO_DEBUG", "").strip():
        return env_flag("DJANGO_DEBUG", False)
    return not any(os.environ.get(name, "").strip() for name in SERVER_VARIABLES)


def env_list(name: str, default: str = "") -> list[str]:
    """A comma-separated list from the environment, blanks dropped."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def origins_of(hosts: list[str], *, https: bool) -> list[str]:
    """CSRF_TRUSTED_ORIGINS from ALLOWED_HOSTS: "sakip.kab.go.id" -> "https://sakip.kab.go.id",
    ".kab.go.id" -> "https://*.kab.go.id"; "*" gives none."""
    scheme = "https" if https else "http"
    return [f"{scheme}://*{host}" if host.startswith(".") else f"{scheme}://{host}" for host in hosts if host != "*"]


def secret_key(value: str | None, *, debug: bool) -> str:
    """DJANGO_SECRET_KEY, refused with DEBUG off when unset, the old public default or weak; with DEBUG
    on (scripts/run.sh) the dev default stays allowed."""
    if debug:
        return value or DEV_SECRET_KEY
    fix = ("Set DJANGO_SECRET_KEY to a random value of at least 50 characters, e.g. "
           "python3 -c 'import secrets; print(secrets.token_urlsafe(50))' "
           "(or DJANGO_DEBUG=1 for development only).")
    if not value:
        problem = "DJANGO_SECRET_KEY is not set and DJANGO_DEBUG is off."
    elif value == DEV_SECRET_KEY or value.startswith("django-insecure-"):
        problem = "DJANGO_SECRET_KEY is the public development key."
    elif len(value) < MIN_SECRET_KEY_LENGTH or len(set(value)) < 5:
        problem = (f"DJANGO_SECRET_KEY is too weak ({len(value)} characters, {len(set(value))} different; "
                   f"at least {MIN_SECRET_KEY_LENGTH} and 5 are needed).")
    else:
        return value
    raise ImproperlyConfigured(f"{problem} {fix}")


def admins(value: str) -> list[tuple[str, str]]:
    """SAKIP_ADMINS, e.g. "Tim TI <ti@lumajangkab.go.id>, ops@example.org", as Django's (name, e-mail) pairs."""
    return [(name or email, email) for name, email in getaddresses([value]) if "@" in email]
