#!/usr/bin/env bash
# Production server: checks the environment, sets up (Debian packages, .venv, requirements.txt),
# migrates, collects static files, creates the database cache table, then runs gunicorn with
# deploy/gunicorn.conf.py (127.0.0.1:8000 behind nginx). Needs PostgreSQL and the production variables
# of deploy/sakip.env.example (README, "Produksi / Production"); deploy/sakip.service runs it.
# SAKIP_MIGRATE=0 skips migrate (several app servers on one database: one of them migrates).
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "serve.sh: $*" >&2; exit 2; }
case "${DATABASE_URL:-}" in
  postgres://*|postgresql://*|pgsql://*) ;;
  *) fail "DATABASE_URL harus PostgreSQL (postgres://user:sandi@host:5432/sakip); SQLite hanya untuk demo (scripts/run.sh)." ;;
esac
[ -n "${DJANGO_SECRET_KEY:-}" ] || fail "DJANGO_SECRET_KEY belum diisi: python3 -c 'import secrets; print(secrets.token_urlsafe(50))'"
[ -n "${DJANGO_ALLOWED_HOSTS:-}" ] || fail "DJANGO_ALLOWED_HOSTS belum diisi (nama host situs, mis. sakip.lumajangkab.go.id)."
[ "${DJANGO_DEBUG:-0}" = 0 ] || fail "DJANGO_DEBUG harus 0 di produksi."
export DJANGO_DEBUG=0
unset DJANGO_SETTINGS_MODULE  # the production settings (sakip.settings), never the dev ones

source scripts/_setup.sh

python manage.py check --deploy  # warnings (e.g. SAKIP_HTTPS=0) are printed; errors stop here
if [ "${SAKIP_MIGRATE:-1}" = 1 ]; then
  python manage.py migrate --noinput
fi
python manage.py collectstatic --noinput -v0
python manage.py createcachetable

# ---- Background tasks (issue 17, django-tasks-db) ----
# Queued work (whole-document PDFs) runs in `python manage.py db_worker`. Under systemd it is its own
# unit, deploy/sakip-worker.service, and sakip.service sets SAKIP_DB_WORKER=0. Run by hand, serve.sh
# starts one here beside gunicorn, in this process group (Ctrl-C or killing the group stops both), so
# that a whole-document PDF asked for is printed; more workers may run on any machine of the database.
if [ "${SAKIP_DB_WORKER:-1}" = 1 ]; then
  python manage.py db_worker --no-reload &
fi
# ----

exec gunicorn -c deploy/gunicorn.conf.py sakip.wsgi
