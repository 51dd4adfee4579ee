#!/usr/bin/env bash
# Sets everything up and runs the test suite on a throwaway PostgreSQL cluster (initdb/pg_ctl in a
# temp dir, free port, stopped afterwards) in parallel pytest-xdist workers, each with its own test
# database, with WeasyPrint PDFs and headless Chromium for the browser tests. Beside it, the tests
# marked `sqlite` run on SQLite, the database of run.sh. Extra args go to both pytest runs.
set -euo pipefail
cd "$(dirname "$0")/.."
SAKIP_APT_PACKAGES="postgresql chromium poppler-utils" SAKIP_REQUIREMENTS=requirements-dev.txt \
  source scripts/_setup.sh

unset DATABASE_URL
export DJANGO_DEBUG=0
# production settings refuse DEBUG off without a strong key: a throwaway one unless the caller set one.
# SAKIP_HTTPS=0: the test client and the live server speak plain HTTP (tests/test_production.py checks
# the HTTPS defaults in subprocesses of their own)
export DJANGO_SECRET_KEY="${DJANGO_SECRET_KEY:-$(python -c 'import secrets; print(secrets.token_urlsafe(50))')}"
export SAKIP_HTTPS=0
# collectstatic hashes and compresses (gzip, brotli) all ~800 files on every run (a minute on a busy
# machine): it runs only when what it reads changed: static/, the settings, the pinned packages
# (whose apps bring admin's files), or when STATIC_ROOT's manifest is missing (a fresh clone)
STATIC_STAMP=var/collectstatic.sha256  # var/: ignored by git, not served as static
static_sources() {
  find static -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum
  sha256sum sakip/settings*.py
  requirements_text "$REQUIREMENTS"
}
collect_static() {
  if [ -f staticfiles/staticfiles.json ] && static_sources | sha256sum | cmp -s - "$STATIC_STAMP"; then
    echo ">> collectstatic: up to date"
    return 0
  fi
  rm -f "$STATIC_STAMP"
  python manage.py collectstatic --noinput -v0
  mkdir -p var && static_sources | sha256sum > "$STATIC_STAMP"
}
# Two lanes for two cores: the checks run beside collectstatic and the PostgreSQL cluster's start,
# the SQLite pass beside the PostgreSQL pass; a lane's output is printed whole when it is done.
LOGS="$(mktemp -d /tmp/sakip-test-logs.XXXXXX)"
(
  # the dev settings: django-linear-migrations checks kecamatan/migrations/max_migration.txt too
  DJANGO_SETTINGS_MODULE=sakip.settings_dev python manage.py makemigrations --check --dry-run
  # the layers of kecamatan/ (.importlinter): a cycle or an upward import fails here
  lint-imports
) > "$LOGS/checks" 2>&1 &
CHECKS_PID=$!
collect_static  # before any test: pages print {% static %} names from its manifest

# autovacuum=off: every test rolls its rows back, so a vacuum of a table full of dead rows records
# it as empty (reltuples=0) while a running test has just filled it; the planner then picks nested
# loops over unindexed join filters and one query of a 60-row test ran for a minute. Never-vacuumed
# tables are estimated from their size, which plans correctly.
SAKIP_PG_OPTIONS="-c autovacuum=off" source scripts/_pg.sh
checks=0; wait "$CHECKS_PID" || checks=$?
cat "$LOGS/checks"
[ "$checks" -eq 0 ] || { rm -rf "$LOGS"; exit "$checks"; }

# Production runs on PostgreSQL and so does the suite; only run.sh's demo runs on SQLite, which
# keeps decimals as floats. So SQLite gets the tests marked `sqlite`: migrate, the whole muat_demo
# twice (idempotent), the Renstra page's totals, T-C.27 in Excel, an Excel import round trip (its
# raw UPDATE SQL) and the Bappeda comparison's aggregates. Exit code 5: extra args selected none.
(
  echo ">> pytest on SQLite (-m sqlite: the demo database of run.sh)"
  env -u DATABASE_URL python -m pytest -q -p no:cacheprovider -m sqlite "$@"
) > "$LOGS/sqlite" 2>&1 &
SQLITE_PID=$!
# --dist loadfile: a module's tests stay on one worker, so its module-scoped fixtures (the demo of
# demo_once, rendered PDFs) are built once, not once per worker.
WORKERS="${SAKIP_TEST_WORKERS:-2}"
echo ">> pytest on PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') (port $PGPORT, $WORKERS workers)"
postgres=0
python -m pytest -q -p no:cacheprovider -n "$WORKERS" --dist loadfile --durations=15 "$@" || postgres=$?
sqlite=0; wait "$SQLITE_PID" || sqlite=$?
cat "$LOGS/sqlite"
rm -rf "$LOGS"
[ "$sqlite" -eq 0 ] || [ "$sqlite" -eq 5 ] || exit "$sqlite"
exit "$postgres"
