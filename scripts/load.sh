#!/usr/bin/env bash
# Load benchmark of the production server: a throwaway PostgreSQL (scripts/_pg.sh), the demo
# (muat_demo), scripts/serve.sh (gunicorn, deploy/gunicorn.conf.py) on loopback with the intranet switch
# (SAKIP_HTTPS=0: no TLS on loopback), then Locust headless: 50 users log in once (operators, the Camat,
# Bappeda) and view the dashboard, the Renstra page, T-C.27, the triwulan grid and the comparison page
# (scripts/load/locustfile.py). Prints requests/s, p50/p95/p99 and errors; stops everything at the end.
# Locust lives in its own virtualenv (.venv-load, requirements-load.txt). Not part of the test command.
# SAKIP_LOAD_USERS (50), SAKIP_LOAD_DURATION (2m), SAKIP_LOAD_SPAWN_RATE (users/s, 2),
# SAKIP_LOAD_WAIT ("5,15": think time between page views, seconds); gunicorn's own (SAKIP_WORKERS …).
set -euo pipefail
cd "$(dirname "$0")/.."
SAKIP_APT_PACKAGES="postgresql curl" source scripts/_setup.sh
if ! requirements_text requirements-load.txt | cmp -s - .venv-load/.installed-requirements-load.txt 2>/dev/null; then
  echo ">> virtualenv .venv-load (Locust)"
  [ -x .venv-load/bin/python ] || "$PYTHON" -m venv .venv-load
  .venv-load/bin/python -m pip install -q --disable-pip-version-check -r requirements-load.txt
  requirements_text requirements-load.txt > .venv-load/.installed-requirements-load.txt
fi

source scripts/_pg.sh
WORK="$(mktemp -d /tmp/sakip-load.XXXXXX)"
SERVER_PID=""
stop_all() {
  if [ -n "$SERVER_PID" ]; then
    kill -TERM -- "-$SERVER_PID" 2>/dev/null || true  # serve.sh's process group: gunicorn and its workers
    for _ in $(seq 40); do kill -0 -- "-$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$SERVER_PID" 2>/dev/null || true
  fi
  mkdir -p artifacts/load && cp "$WORK"/*.log "$WORK"/*.out artifacts/load/ 2>/dev/null || true
  rm -rf "$WORK"
  stop_pg
}
trap stop_all EXIT

export DJANGO_DEBUG=0 SAKIP_HTTPS=0 DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost
export DJANGO_SECRET_KEY="$(python -c 'import secrets; print(secrets.token_urlsafe(50))')"
export SAKIP_MEDIA_ROOT="$WORK/media"
PORT="$(python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
export SAKIP_BIND="127.0.0.1:$PORT" SAKIP_ACCESS_LOG="$WORK/access.log"

echo ">> demo data (migrate, muat_demo)"
python manage.py migrate --noinput -v0
python manage.py muat_demo >/dev/null
PAGES="$(python manage.py shell --no-imports < scripts/load/urls.py)"

echo ">> gunicorn on $SAKIP_BIND ($(nproc) cores)"
setsid bash scripts/serve.sh >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 120); do
  curl -sf -o /dev/null "http://$SAKIP_BIND/masuk/" && break
  kill -0 "$SERVER_PID" 2>/dev/null || { tail -n 30 "$WORK/server.log" >&2; exit 1; }
  sleep 1
done
curl -sf -o /dev/null "http://$SAKIP_BIND/masuk/" || { tail -n 30 "$WORK/server.log" >&2; exit 1; }
grep -m1 "Booting worker\|Using worker" "$WORK/server.log" || true

USERS="${SAKIP_LOAD_USERS:-50}" DURATION="${SAKIP_LOAD_DURATION:-2m}"
echo ">> Locust: $USERS users, $DURATION, think time ${SAKIP_LOAD_WAIT:-5,15} s"
echo "   machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo), load now $(cut -d' ' -f1-3 /proc/loadavg)"
status=0
SAKIP_LOAD_PAGES="$PAGES" .venv-load/bin/locust -f scripts/load/locustfile.py --headless --only-summary \
  --host "http://$SAKIP_BIND" -u "$USERS" -r "${SAKIP_LOAD_SPAWN_RATE:-2}" -t "$DURATION" \
  --stop-timeout 30 --exit-code-on-error 1 --loglevel WARNING >"$WORK/locust.out" 2>&1 || status=$?
grep -v '^[[:space:]]*$' "$WORK/locust.out" || true
echo "   load after: $(cut -d' ' -f1-3 /proc/loadavg); errors in the server's log:" \
  "$(grep -c 'level=ERROR\|\[ERROR\]\|\[CRITICAL\]' "$WORK/server.log" || true) (logs kept in artifacts/load/)"
exit "$status"
