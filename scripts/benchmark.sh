#!/usr/bin/env bash
# Benchmark of the Bappeda comparison on a throwaway PostgreSQL cluster (started like test.sh does,
# removed afterwards): Lumajang's 21 kecamatan, then with N synthetic kabupaten of 21 kecamatan
# added (default 50: 1.050 more kecamatan). Prints page time vs raw aggregate SQL time.
# Usage: bash scripts/benchmark.sh [N] [extra options of manage.py benchmark_perbandingan]
set -euo pipefail
cd "$(dirname "$0")/.."
SAKIP_APT_PACKAGES="postgresql" SAKIP_REQUIREMENTS=requirements-dev.txt source scripts/_setup.sh
N="${1:-50}"
shift || true

source scripts/_pg.sh  # the timings are of reads, which its durability settings do not change
export DJANGO_DEBUG=0
export DJANGO_SECRET_KEY="${DJANGO_SECRET_KEY:-$(python -c 'import secrets; print(secrets.token_urlsafe(50))')}"
export DJANGO_SETTINGS_MODULE=sakip.settings_dev  # the benchmark commands live in the dev-only app `bench`
python manage.py migrate -v0
python manage.py collectstatic --noinput -v0
python manage.py muat_demo >/dev/null
python manage.py benchmark_perbandingan --sintetis "$N" "$@"
