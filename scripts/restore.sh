#!/usr/bin/env bash
# Restore a backup of scripts/backup.sh into a NEW, empty database (create it first, e.g.
# `createdb -O sakip sakip_pulih`) and an empty or absent media folder (settings.MEDIA_ROOT);
# refuses a database that already holds tables or a media folder with files, so it never mixes
# a backup into live data. pg_restore runs in one transaction: on an error nothing is restored.
# Usage: DATABASE_URL=postgres://…/sakip_pulih bash scripts/restore.sh BERKAS.dump [BERKAS-media.tar.gz]
# PGBIN: folder of pg_restore and psql (default: PATH).
set -euo pipefail
cd "$(dirname "$0")/.."
DUMP="${1:?Pakai: DATABASE_URL=postgres://…/basisdata_baru bash scripts/restore.sh BERKAS.dump [BERKAS-media.tar.gz]}"
MEDIA_TAR="${2:-}"
: "${DATABASE_URL:?DATABASE_URL belum diisi: basis data BARU yang kosong, mis. postgres://sakip:sandi@localhost:5432/sakip_pulih}"
[ -f "$DUMP" ] || { echo "Berkas cadangan $DUMP tidak ada." >&2; exit 2; }
[ -z "$MEDIA_TAR" ] || [ -f "$MEDIA_TAR" ] || { echo "Berkas media $MEDIA_TAR tidak ada." >&2; exit 2; }
PYTHON="${SAKIP_VENV:-.venv}/bin/python"
# the app's own MEDIA_ROOT (SAKIP_MEDIA_ROOT, else media/ here), from its settings
MEDIA="${SAKIP_MEDIA_ROOT:-$("$PYTHON" -c 'import os; os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sakip.settings")
from django.conf import settings; print(settings.MEDIA_ROOT)')}"

TABLES="$("${PGBIN:+$PGBIN/}psql" --dbname="$DATABASE_URL" -XAtq -c "SELECT count(*) FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'")"
if [ "$TABLES" != "0" ]; then
  echo "Basis data tujuan tidak kosong ($TABLES tabel): pulihkan ke basis data BARU (createdb), bukan ke yang sedang dipakai." >&2
  exit 1
fi
if [ -n "$MEDIA_TAR" ] && [ -d "$MEDIA" ] && [ -n "$(ls -A "$MEDIA")" ]; then
  echo "Folder media $MEDIA tidak kosong: pulihkan media ke folder baru (SAKIP_MEDIA_ROOT) atau kosongkan dulu." >&2
  exit 1
fi

# --no-owner/--no-acl: the restored tables belong to the user of DATABASE_URL, whoever owned them before
"${PGBIN:+$PGBIN/}pg_restore" --dbname="$DATABASE_URL" --no-owner --no-acl --single-transaction --exit-on-error "$DUMP"
echo "Basis data dipulihkan dari $DUMP."
if [ -n "$MEDIA_TAR" ]; then
  mkdir -p "$MEDIA"
  tar -xzf "$MEDIA_TAR" -C "$MEDIA"
  echo "Media dipulihkan ke $MEDIA."
fi
echo "Bila kode aplikasi lebih baru dari cadangan, jalankan lagi: python manage.py migrate"
