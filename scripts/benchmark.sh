#!/usr/bin/env bash
# Benchmark of the Bappeda comparison on a throwaway PostgreSQL cluster (started like test.sh does,
# removed afterwards): Lumajang's 21 kecamatan, then with N synthetic kabupaten of 21 kecamatan
# added (default 50: 1.050 more kecamatan). Prints page time vs raw aggregate SQL time.
# Usage: bash scripts/benchmark.sh [N] [extra options of manage.py benchmark_perbandingan]
set -euo pipefail
cd "$(dirname "$0")/.."
SAKIP_APT_PACKAGES="postgresql" source scripts/_setup.sh
N="${1:-50}"
shift || true

PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
PGTMP="$(mktemp -d /tmp/sakip-bench.XXXXXX)"
PGPORT="$(python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres "$PGTMP"
  as_pg=(runuser -u postgres --)
fi
stop_pg() {
  "${as_pg[@]}" "$PGBIN/pg_ctl" -D "$PGTMP/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PGTMP"
}
trap stop_pg EXIT
"${as_pg[@]}" "$PGBIN/initdb" -D "$PGTMP/data" -U sakip --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
# durability off: it is a throwaway cluster; the timings are of reads, which these settings do not change
"${as_pg[@]}" "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/server.log" -w \
  -o "-p $PGPORT -k $PGTMP -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >/dev/null
"${as_pg[@]}" "$PGBIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U sakip sakip
export DATABASE_URL="postgres://sakip@127.0.0.1:$PGPORT/sakip"
export DJANGO_DEBUG=0
python manage.py migrate -v0
python manage.py collectstatic --noinput -v0
python manage.py muat_demo >/dev/null
python manage.py benchmark_perbandingan --kabupaten-sintetis "$N" "$@"
