# Shared set-up for run.sh and test.sh (sourced): Debian packages, virtualenv, requirements.
# Usage: SAKIP_APT_PACKAGES="..." source scripts/_setup.sh

set -euo pipefail

VENV="${SAKIP_VENV:-.venv}"
BASE_PACKAGES="python3-venv libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core"

apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "Perlu paket Debian: ${missing[*]} (jalankan sebagai root)" >&2; return 1; }
    sudo="sudo"
  fi
  echo ">> apt-get install ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

if command -v dpkg-query >/dev/null; then
  # shellcheck disable=SC2086
  apt_install $BASE_PACKAGES ${SAKIP_APT_PACKAGES:-}
fi

PYTHON="${SAKIP_PYTHON:-$(command -v python3.11 || command -v python3)}"
if [ ! -x "$VENV/bin/python" ]; then
  echo ">> virtualenv $VENV ($("$PYTHON" --version))"
  "$PYTHON" -m venv "$VENV"
fi
if ! cmp -s requirements.txt "$VENV/.requirements.installed"; then
  echo ">> pip install -r requirements.txt"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check -r requirements.txt
  cp requirements.txt "$VENV/.requirements.installed"
fi
export PATH="$PWD/$VENV/bin:$PATH"
