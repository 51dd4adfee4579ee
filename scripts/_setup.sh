# Shared set-up for run.sh, test.sh and benchmark.sh (sourced): Debian packages, virtualenv, requirements.
# Usage: SAKIP_APT_PACKAGES="..." SAKIP_REQUIREMENTS=requirements-dev.txt source scripts/_setup.sh
# SAKIP_REQUIREMENTS: the file to install (default requirements.txt, production only; test.sh installs
# requirements-dev.txt, which includes it).

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
REQUIREMENTS="${SAKIP_REQUIREMENTS:-requirements.txt}"
# pip runs only when the file, or a file it includes with -r, changed since it was last installed
requirements_text() {
  local file="$1" line
  cat "$file"
  while read -r line; do
    case "$line" in -r\ *) requirements_text "$(dirname "$file")/${line#-r }" ;; esac
  done < "$file"
}
STAMP="$VENV/.installed-$(basename "$REQUIREMENTS")"
if ! requirements_text "$REQUIREMENTS" | cmp -s - "$STAMP"; then
  echo ">> pip install -r $REQUIREMENTS"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check -r "$REQUIREMENTS"
  requirements_text "$REQUIREMENTS" > "$STAMP"
fi
export PATH="$PWD/$VENV/bin:$PATH"
