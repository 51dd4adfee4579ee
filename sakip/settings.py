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
# the kabupaten logo; with several app servers one shared folder (NFS or the like) mounted on each
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
SESSION_ENGINE = "django.contrib.sessions.backends.db"  # Django's default, stated: never file or locmem
