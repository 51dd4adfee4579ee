#!/usr/bin/env bash
# Sets everything up and runs the whole test suite: once on SQLite, once on a throwaway
# PostgreSQL cluster (initdb/pg_ctl in a temp dir, free port, stopped afterwards), with
# WeasyPrint PDFs and headless Chromium for the browser tests. Extra args go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
SAKIP_APT_PACKAGES="postgresql chromium poppler-utils" source scripts/_setup.sh

unset DATABASE_URL
export DJANGO_DEBUG=0
python manage.py collectstatic --noinput -v0
python manage.py makemigrations --check --dry-run

echo ">> pytest on SQLite (browser tests run on PostgreSQL below)"
python -m pytest -q -p no:cacheprovider -m "not browser" "$@"

PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
PGTMP="$(mktemp -d /tmp/sakip-pg.XXXXXX)"
PGPORT="$(python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
  # initdb refuses root: run the cluster as the unprivileged 'postgres' user of the Debian package
  chown postgres "$PGTMP"
  as_pg=(runuser -u postgres --)
fi
stop_pg() {
  "${as_pg[@]}" "$PGBIN/pg_ctl" -D "$PGTMP/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PGTMP"
}
trap stop_pg EXIT
"${as_pg[@]}" "$PGBIN/initdb" -D "$PGTMP/data" -U sakip --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
# autovacuum=off: every test rolls its rows back, so a vacuum of a table full of dead rows records
# it as empty (reltuples=0) while a running test has just filled it; the planner then picks nested
# loops over unindexed join filters and one query of a 60-row test ran for a minute. Never-vacuumed
# tables are estimated from their size, which plans correctly.
"${as_pg[@]}" "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/server.log" -w \
  -o "-p $PGPORT -k $PGTMP -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c autovacuum=off" \
  start >/dev/null
export DATABASE_URL="postgres://sakip@127.0.0.1:$PGPORT/sakip"
echo ">> pytest on PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') (port $PGPORT)"
python -m pytest -q -p no:cacheprovider "$@"
