"""Settings of sakip-kecamatan. SQLite by default; PostgreSQL when DATABASE_URL is set.

Environment: DJANGO_SECRET_KEY, DJANGO_DEBUG (1/0), DJANGO_ALLOWED_HOSTS (comma-separated),
DATABASE_URL (e.g. postgres://user:pass@localhost:5432/sakip).
"""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-only-insecure-key-change-me-in-production")
DEBUG = os.environ.get("DJANGO_DEBUG", "0") == "1"
ALLOWED_HOSTS = [h for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",") if h]

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
    "kecamatan",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "kecamatan.kelola.views_akun.WajibGantiSandiMiddleware",  # an admin-set password is changed first
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

LANGUAGE_CODE = "id"
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = False  # else {{ tahun }} prints "2.025"; numbers go through id_format filters

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
# Uploaded files (logos …): backed up with the database by scripts/backup.sh (README: Backup)
MEDIA_ROOT = Path(os.environ.get("SAKIP_MEDIA_ROOT", BASE_DIR / "media"))
# Excel uploads waiting for the user's confirmation (private: never served)
SAKIP_IMPOR_DIR = os.environ.get("SAKIP_IMPOR_DIR", str(MEDIA_ROOT / "impor"))

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

# Rendered PDFs, keyed on their content (kecamatan/reports/pdf_cache.py): shared by the workers,
# bounded, and safe to delete at any time
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pdf": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.environ.get("SAKIP_PDF_CACHE", str(BASE_DIR / "var" / "cache" / "pdf")),
        "OPTIONS": {"MAX_ENTRIES": 500},
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
