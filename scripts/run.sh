#!/usr/bin/env bash
# Sets everything up and serves sakip-kecamatan on SQLite at http://127.0.0.1:8000 with the
# demo data loaded, and the worker of background prints (`db_worker`) beside it, stopped with it.
# Safe to run again: migrations and demo data only add what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/_setup.sh

export DJANGO_DEBUG="${DJANGO_DEBUG:-1}"
unset DATABASE_URL  # the embedded default: SQLite file db.sqlite3
python manage.py migrate --noinput -v0
python manage.py collectstatic --noinput -v0
python manage.py muat_demo
# Background prints (whole documents, long tables): the task worker runs beside the server and
# stops with it
python manage.py db_worker --no-reload -v0 &
WORKER=$!
trap 'kill "$WORKER" 2>/dev/null || true; wait "$WORKER" 2>/dev/null || true' EXIT
echo ">> Buka http://${SAKIP_ADDR:-127.0.0.1:8000}/ dan masuk dengan salah satu login di atas."
python manage.py runserver "${SAKIP_ADDR:-127.0.0.1:8000}"
