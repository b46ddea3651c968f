#!/usr/bin/env bash
# Build factdesk's one-folder bundle, dist/factdesk/, with PyInstaller (Linux; Windows and macOS
# commands are in packaging/README.md). Exits non-zero, saying what is wrong, unless the bundle
# is complete: a bundler can finish "successfully" having produced nothing useful.
#
#   packaging/build.sh            # → dist/factdesk/factdesk, dist/factdesk-linux-x86_64.tar.gz
#
# It uses its own venv (build/packaging/venv; FACTDESK_BUILD_VENV overrides) with factdesk
# installed from this checkout, not editable, plus the pinned tools of packaging/requirements.txt,
# so the bundle holds the run-time dependencies and nothing of the development setup.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Qt's system libraries (the bundle carries the ones PyInstaller finds here). Sourced first: it
# sets VENV to the project's venv, which the build must never touch.
FACTDESK_SETUP_SYSTEM_ONLY=1 source "$ROOT/scripts/setup.sh"
BUILD=$ROOT/build/packaging
VENV=${FACTDESK_BUILD_VENV:-$BUILD/venv}
PYTHON=${PYTHON:-python3}
DIST=$ROOT/dist
BUNDLE=$DIST/factdesk
export FACTDESK_ICON_DIR=$BUILD/icons

fail() { echo "packaging/build.sh: $*" >&2; exit 1; }
step() { echo "== $*" >&2; }

"$PYTHON" -c 'import sys, sysconfig; sys.exit(not sysconfig.get_config_var("Py_ENABLE_SHARED"))' \
  || fail "$PYTHON has no shared libpython, which PyInstaller needs (pyenv: PYTHON_CONFIGURE_OPTS=--enable-shared)"

step "build venv: $VENV"
if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q -U pip
fi
"$VENV/bin/python" -m pip install -q -r "$ROOT/packaging/requirements.txt"
# not editable: PyInstaller must see an ordinary installed package. The second line picks up
# source changes made since the last build without a version bump.
"$VENV/bin/python" -m pip install -q "$ROOT"
"$VENV/bin/python" -m pip install -q --no-deps --force-reinstall "$ROOT"

step "icons"
rm -rf "$FACTDESK_ICON_DIR"
"$VENV/bin/python" "$ROOT/packaging/icons.py" "$FACTDESK_ICON_DIR"

step "pyinstaller"
rm -rf "$BUNDLE" "$BUILD/pyinstaller"
(cd "$ROOT" && "$VENV/bin/pyinstaller" --noconfirm --log-level WARN --distpath "$DIST" \
  --workpath "$BUILD/pyinstaller" packaging/factdesk.spec) || fail "PyInstaller failed"

step "desktop integration"
"$ROOT/packaging/linux/stage.sh" "$BUNDLE" "$FACTDESK_ICON_DIR"

step "checking the bundle"
"$VENV/bin/python" "$ROOT/packaging/check_bundle.py" "$BUNDLE" || fail "the bundle is incomplete"

step "archive"
ARCHIVE=$DIST/factdesk-linux-$(uname -m).tar.gz
tar -C "$DIST" -czf "$ARCHIVE" factdesk
echo "packaging/build.sh: built $BUNDLE ($(du -sm "$BUNDLE" | cut -f1) MB; $(basename "$ARCHIVE") $(du -sm "$ARCHIVE" | cut -f1) MB)"
