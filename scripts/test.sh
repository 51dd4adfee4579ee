#!/usr/bin/env bash
# Sets everything up and runs the whole test suite: once on SQLite, once on a throwaway
# PostgreSQL cluster (initdb/pg_ctl in a temp dir, free port, stopped afterwards), with
# WeasyPrint PDFs and headless Chromium for the browser tests. Extra args go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
SAKIP_APT_PACKAGES="postgresql chromium poppler-utils" SAKIP_REQUIREMENTS=requirements-dev.txt \
  source scripts/_setup.sh

unset DATABASE_URL
export DJANGO_DEBUG=0
python manage.py collectstatic --noinput -v0
python manage.py makemigrations --check --dry-run

echo ">> pytest on SQLite (browser tests run on PostgreSQL below)"
python -m pytest -q -p no:cacheprovider -m "not browser" "$@"

# autovacuum=off: every test rolls its rows back, so a vacuum of a table full of dead rows records
# it as empty (reltuples=0) while a running test has just filled it; the planner then picks nested
# loops over unindexed join filters and one query of a 60-row test ran for a minute. Never-vacuumed
# tables are estimated from their size, which plans correctly.
SAKIP_PG_OPTIONS="-c autovacuum=off" source scripts/_pg.sh
echo ">> pytest on PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') (port $PGPORT)"
python -m pytest -q -p no:cacheprovider "$@"
