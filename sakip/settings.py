"""Settings of sakip-kecamatan. SQLite by default; PostgreSQL when DATABASE_URL is set.

Environment: DJANGO_SECRET_KEY, DJANGO_DEBUG (1/0), DJANGO_ALLOWED_HOSTS (comma-separated),
DATABASE_URL (e.g. postgres://user:pass@localhost:5432/sakip); production ones at the end ("Production")
and in the README's Production section. With DEBUG off the app refuses a missing or weak secret key.
"""

import os
from pathlib import Path

import dj_database_url

from sakip import production

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = production.debug_flag()  # unset: on only in a bare checkout (no key, hosts or DATABASE_URL)
SECRET_KEY = production.secret_key(os.environ.get("DJANGO_SECRET_KEY"), debug=DEBUG)
ALLOWED_HOSTS = production.env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
    "ninja",  # the API (issue 20): its docs page's templates and swagger-ui static files, served locally
    "kecamatan",
]

MIDDLEWARE = [
    "sakip.requestlog.RequestIdMiddleware",  # first: every response and log record gets the request id
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "kecamatan.kelola.views_akun.WajibGantiSandiMiddleware",  # an admin-set password is changed first
    "kecamatan.kelola.views_akun.KabupatenPilihanMiddleware",  # the kabupaten a superuser chose to manage
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",  # admin edits record their user too
]

ROOT_URLCONF = "sakip.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "sakip.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60),
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "id"  # always: no LocaleMiddleware, so a browser set to English still gets Indonesian
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = False  # else {{ tahun }} prints "2.025"; numbers go through id_format filters

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
# Uploaded files (the kabupaten logo): backed up with the database by scripts/backup.sh (README: Backup);
# with several app servers one shared folder (NFS or the like) mounted on each
MEDIA_ROOT = Path(os.environ.get("SAKIP_MEDIA_ROOT", BASE_DIR / "media"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "kecamatan:beranda"
LOGOUT_REDIRECT_URL = "login"

# Kabupaten whose kecamatan this installation serves (printed in every kop)
SAKIP_KABUPATEN = os.environ.get("SAKIP_KABUPATEN", "lumajang")

# Shared by every app server on this database (several may run behind one proxy), so nothing lives
# in one process or on one machine's disk. The database cache needs no extra service; its tables
# are made by `manage.py createcachetable` (kecamatan/apps.py runs it after every migrate).
# Measured (bench `ukur_cache`, PostgreSQL 15): a 1 MB PDF is set in ~31 ms and read in ~17 ms,
# a small key in < 1 ms, against the seconds a PDF takes to lay out.
# "pdf": rendered PDFs keyed on their content (kecamatan/tables/pdf_cache.py), safe to empty at
# any time. A table's PDF is 15-150 KB, a 47-page LKj 230 KB: 500 of them stay under ~150 MB of
# rows (base64); when full, expired ones go first, then a third.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "sakip_cache"},
    "pdf": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "sakip_cache_pdf",
        "OPTIONS": {"MAX_ENTRIES": 500, "CULL_FREQUENCY": 3},
    },
}

# --- Login protection (issue 17): django-axes counts failed sign-ins in the database -------------
# Offices sign in from one public address behind NAT: a lock by address alone would lock a whole
# office out, and a lock by username alone lets anyone anywhere lock the Camat out. So two limits
# (kecamatan/kelola/kunci.py), each for AXES_COOLOFF_TIME after the last failure counted:
# - 5 failures of one username from one address lock that username at that address (a user who
#   forgot the password waits 30 minutes or asks the admin kabupaten; colleagues behind the same
#   NAT, and the same user from another network, still sign in);
# - 20 failures of one username from all addresses together (a guesser spread over many
#   addresses) lock that username everywhere: at most 20 guesses per account per 30 minutes.
# Failures older than 30 minutes no longer count; a successful sign-in clears the user's count.
# Attempts during a lock (the right password too) are refused and not counted, so a lock ends when
# the page said; the admin kabupaten unlocks earlier at Kelola › Pengguna › Akun terkunci.
INSTALLED_APPS += ["axes"]
MIDDLEWARE += ["axes.middleware.AxesMiddleware"]  # last: turns a lockout into the Indonesian 429 page
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_HANDLER = "kecamatan.kelola.kunci.KunciHandler"
# one limit per parameter set, in this order: AXES_FAILURE_LIMIT, SAKIP_BATAS_GAGAL_NAMA
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "username"]
AXES_FAILURE_LIMIT = 5
SAKIP_BATAS_GAGAL_NAMA = 20
AXES_COOLOFF_TIME = 0.5  # hours: 30 minutes
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "kecamatan.kelola.kunci.respon_terkunci"
AXES_CLIENT_IP_CALLABLE = "kecamatan.kelola.kunci.alamat_klien"
# behind nginx: the number of proxies in front of the app (1), so that the client's address is read
# from X-Forwarded-For; 0 (direct) reads REMOTE_ADDR
SAKIP_PROXY_COUNT = int(os.environ.get("SAKIP_PROXY_COUNT", "0"))

# --- Password hashing (issue 17): Argon2id first, measured with `manage.py ukur_sandi` ----------
# On this 2-core machine one hash costs 0.32-0.36 s CPU with Argon2id (Django's parameters: 100 MiB,
# 2 passes) against 0.53-0.59 s with PBKDF2-SHA256 (1 000 000 iterations), and Argon2's 100 MiB per
# guess is what makes GPU guessing expensive, which PBKDF2 lacks. A sign-in with a PBKDF2 hash still
# works and rewrites it as Argon2 (Django upgrades to the first hasher on a correct password).
# Memory: 100 MiB per sign-in in progress, so at most (workers × 100 MiB) at once.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]

# ---- Production (issue 17): HTTPS behind nginx, logging, error mail. README "Produksi / Production" ----
# HTTPS is on whenever DEBUG is off; SAKIP_HTTPS=0 turns it off for a plain-HTTP intranet (and the
# test command, whose client speaks plain HTTP).
SAKIP_HTTPS = not DEBUG and production.env_flag("SAKIP_HTTPS", True)
if SAKIP_HTTPS:
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    # nginx terminates TLS and says so in this header (deploy/nginx-sakip.conf sets it, never passes the
    # client's own); gunicorn listens on loopback only, so nobody else can send it
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # one year, as `check --deploy` wants; SAKIP_HSTS_SECONDS=3600 while trying HTTPS out the first days
    SECURE_HSTS_SECONDS = int(os.environ.get("SAKIP_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True  # only a token in the header: nothing happens unless the domain is submitted
# origins a form may be posted from, e.g. https://sakip.lumajangkab.go.id (default: the allowed hosts)
CSRF_TRUSTED_ORIGINS = (production.env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
                        or production.origins_of(ALLOWED_HOSTS, https=SAKIP_HTTPS))
# Sessions stay in the database (django.contrib.sessions' default backend): every app server sees them.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# Mail to ADMINS on a 500 (with DEBUG off), only when SAKIP_ADMINS is set: "Tim TI <ti@kab.go.id>, b@c.d"
ADMINS = production.admins(os.environ.get("SAKIP_ADMINS", ""))
SERVER_EMAIL = os.environ.get("SAKIP_SERVER_EMAIL", "sakip@localhost")
DEFAULT_FROM_EMAIL = os.environ.get("SAKIP_DEFAULT_FROM_EMAIL", SERVER_EMAIL)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = production.env_flag("EMAIL_USE_TLS", False)

# One key=value line per record on stderr (systemd's journal), each with its request id
# (sakip/requestlog.py); 500 tracebacks included, as an exc="…" field.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "sakip.requestlog.RequestIdFilter"},
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
    },
    "formatters": {"logfmt": {"()": "sakip.requestlog.LogfmtFormatter"}},
    "handlers": {
        "stderr": {"class": "logging.StreamHandler", "formatter": "logfmt", "filters": ["request_id"]},
        "mail_admins": {"class": "django.utils.log.AdminEmailHandler", "level": "ERROR",
                        "filters": ["require_debug_false"]},
    },
    "root": {"handlers": ["stderr"], "level": os.environ.get("SAKIP_LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {"handlers": ["stderr", "mail_admins"], "level": "INFO", "propagate": False},
        "axes": {"level": "WARNING"},  # not its start-up banner on every process; lockouts are warnings
        "weasyprint": {"level": "WARNING"},  # not a line per laid-out page (200 for a 48-page document)
        "fontTools": {"level": "WARNING"},
    },
}

# Background prints (kecamatan/cetak/latar.py): whole documents and long tables are rendered by
# `manage.py db_worker`, queued in the database (django-tasks with django-tasks-db: no other broker)
TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
