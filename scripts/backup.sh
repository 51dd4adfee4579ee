#!/usr/bin/env bash
# Backup of an installation on PostgreSQL: the database of DATABASE_URL in pg_dump's custom format
# (-Fc: compressed, restored by pg_restore) and the media folder (settings.MEDIA_ROOT: logos and
# other uploads) as a tar.gz, both named with the time. A dump is written under a temporary name
# and renamed when pg_dump succeeded, so a file named *.dump is always whole.
# Usage: DATABASE_URL=postgres://… bash scripts/backup.sh [FOLDER]   (default: backup/)
# PGBIN: folder of pg_dump (default: PATH); its major version must be at least the server's.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DATABASE_URL:?DATABASE_URL belum diisi, mis. postgres://sakip:sandi@localhost:5432/sakip}"
case "$DATABASE_URL" in
  postgres://* | postgresql://*) ;;
  *) echo "Cadangan ini hanya untuk PostgreSQL: DATABASE_URL harus diawali postgres://" >&2; exit 2 ;;
esac
OUT="${1:-backup}"
PYTHON="${SAKIP_VENV:-.venv}/bin/python"
# the app's own MEDIA_ROOT (SAKIP_MEDIA_ROOT, else media/ here), from its settings
MEDIA="${SAKIP_MEDIA_ROOT:-$("$PYTHON" -c 'import os; os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sakip.settings")
from django.conf import settings; print(settings.MEDIA_ROOT)')}"
STAMP="$(date +%Y%m%d-%H%M%S)"
DUMP="$OUT/sakip-$STAMP.dump"
MEDIA_TAR="$OUT/sakip-$STAMP-media.tar.gz"

mkdir -p "$OUT"
"${PGBIN:+$PGBIN/}pg_dump" --format=custom --file="$DUMP.part" --dbname="$DATABASE_URL"
mv "$DUMP.part" "$DUMP"
if [ -d "$MEDIA" ]; then
  tar -czf "$MEDIA_TAR" -C "$MEDIA" .
else  # nothing uploaded yet: an empty archive, so every backup is a pair
  tar -czf "$MEDIA_TAR" --files-from=/dev/null
fi
echo "Basis data: $DUMP ($(du -h "$DUMP" | cut -f1))"
echo "Media ($MEDIA): $MEDIA_TAR ($(du -h "$MEDIA_TAR" | cut -f1))"
