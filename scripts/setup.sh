# Sourced by scripts/run and scripts/test: make this machine ready to run factdesk.
#   1. Qt's system libraries (Debian/Ubuntu package names), installed when we are root;
#   2. a virtual environment in .venv (override with FACTDESK_VENV) with factdesk installed
#      in editable mode; re-installed only when pyproject.toml changes.
# Usage: FACTDESK_EXTRAS=dev source scripts/setup.sh
#        FACTDESK_SETUP_SYSTEM_ONLY=1 source scripts/setup.sh   (step 1 only: packaging/build.sh)

set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VENV=${FACTDESK_VENV:-$ROOT/.venv}
PYTHON=${PYTHON:-python3}
EXTRAS=${FACTDESK_EXTRAS:-}

# Offscreen Qt needs the first seven (shared/notes/stack-check.md §1); a real X11 window also
# needs the xcb ones.
QT_APT_PACKAGES="libglib2.0-0 libgl1 libegl1 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3
  fonts-dejavu-core libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0"

# The tests also check the Linux desktop integration with the freedesktop tools, and the
# packaging smoke run records sockets with strace.
DEV_APT_PACKAGES="desktop-file-utils appstream shared-mime-info libglib2.0-bin strace"

_missing_apt_packages() {
  local pkg missing="" wanted=$QT_APT_PACKAGES
  command -v dpkg-query >/dev/null 2>&1 || return 0   # not Debian-like: trust the system
  case ",$EXTRAS," in *,dev,*) wanted="$wanted $DEV_APT_PACKAGES" ;; esac
  for pkg in $wanted ${FACTDESK_APT_EXTRA:-}; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
      || missing="$missing $pkg"
  done
  echo "$missing"
}

_ensure_system_packages() {
  local missing
  missing=$(_missing_apt_packages)
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "factdesk setup: installing system packages:$missing" >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
  else
    echo "factdesk setup: Qt needs these system packages; install them with:" >&2
    echo "  sudo apt-get install --no-install-recommends$missing" >&2
  fi
}

_ensure_venv() {
  "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
    echo "factdesk setup: Python 3.11 or newer is needed ($PYTHON is $("$PYTHON" -V 2>&1))" >&2
    exit 1
  }
  if [ ! -x "$VENV/bin/python" ]; then
    echo "factdesk setup: creating $VENV" >&2
    "$PYTHON" -m venv "$VENV"
    # pip 23.2 (what new venvs get here) mishandles some extras (stack-check §7)
    "$VENV/bin/python" -m pip install -q -U pip
  fi
  local stamp="$VENV/.factdesk-installed" want have
  want="$(sha256sum < "$ROOT/pyproject.toml" | cut -c1-16) extras=$EXTRAS"
  have=$(cat "$stamp" 2>/dev/null || true)
  # a dev install serves `scripts/run` too: only reinstall when pyproject.toml changed or
  # the extras asked for are not there yet
  if [ "$have" != "$want" ] && ! { [ -z "$EXTRAS" ] && [ "${have%% *}" = "${want%% *}" ]; }; then
    echo "factdesk setup: installing factdesk${EXTRAS:+[$EXTRAS]} into $VENV" >&2
    "$VENV/bin/python" -m pip install -q -e "$ROOT${EXTRAS:+[$EXTRAS]}"
    echo "$want" > "$stamp"
  fi
}

_ensure_system_packages
[ -n "${FACTDESK_SETUP_SYSTEM_ONLY:-}" ] || _ensure_venv
