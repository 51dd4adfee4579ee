# Sourced by test.sh and benchmark.sh after _setup.sh: starts a throwaway PostgreSQL cluster
# (initdb/pg_ctl in a temp dir, on a free port, durability off since nothing in it is kept), stops
# and removes it on exit, creates the database `sakip` and exports DATABASE_URL.
# SAKIP_PG_OPTIONS: extra server options ("-c name=value ...").
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
"${as_pg[@]}" "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/server.log" -w \
  -o "-p $PGPORT -k $PGTMP -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off ${SAKIP_PG_OPTIONS:-}" \
  start >/dev/null
"${as_pg[@]}" "$PGBIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U sakip sakip
export DATABASE_URL="postgres://sakip@127.0.0.1:$PGPORT/sakip"
