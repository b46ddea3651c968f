#!/usr/bin/env bash
# Install factdesk from its unpacked bundle, with its menu entry, icons and the .factdesk file
# type, so that double-clicking a desk opens it in factdesk. No root needed for the default.
#
#   ./install.sh                    # for you: ~/.local/lib/factdesk, ~/.local/share, ~/.local/bin
#   sudo ./install.sh --prefix /usr/local     # for everyone on this computer
#   ./install.sh --uninstall [--prefix DIR]   # remove what the install put there
#
# Run it from the bundle folder (it sits beside the `factdesk` program and its share/ folder).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
APP_ID=org.factdesk.FactDesk
PREFIX=$HOME/.local
UNINSTALL=""

while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) PREFIX=${2:?--prefix needs a folder}; shift 2 ;;
    --prefix=*) PREFIX=${1#--prefix=}; shift ;;
    --uninstall) UNINSTALL=1; shift ;;
    -h|--help) sed -n '2,9p' "$0" | cut -c3-; exit 0 ;;
    *) echo "install.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

LIB=$PREFIX/lib/factdesk
BIN=$PREFIX/bin
DATA=$PREFIX/share
ICON_SIZES="16 24 32 48 64 128 256 512"

refresh() {  # each tool is optional: desktops read the files anyway, only slower
  command -v update-mime-database >/dev/null 2>&1 && update-mime-database "$DATA/mime" >/dev/null 2>&1 || true
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$DATA/applications" 2>/dev/null || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$DATA/icons/hicolor" 2>/dev/null || true
}

if [ -n "$UNINSTALL" ]; then
  rm -f "$DATA/applications/$APP_ID.desktop" "$DATA/metainfo/$APP_ID.metainfo.xml" \
    "$DATA/mime/packages/$APP_ID.xml" "$DATA/icons/hicolor/scalable/apps/$APP_ID.svg"
  for size in $ICON_SIZES; do rm -f "$DATA/icons/hicolor/${size}x$size/apps/$APP_ID.png"; done
  [ -L "$BIN/factdesk" ] && rm -f "$BIN/factdesk"
  # only a folder that holds factdesk's program and this script is removed (the running copy
  # included: bash keeps reading it from the open file)
  if [ -x "$LIB/factdesk" ] && [ -f "$LIB/install.sh" ]; then cd / && rm -rf "$LIB"; fi
  refresh
  echo "factdesk removed from $PREFIX (your desks and settings are untouched)"
  exit 0
fi

[ -x "$HERE/factdesk" ] || { echo "install.sh: no factdesk program beside this script in $HERE" >&2; exit 1; }
[ -f "$HERE/share/applications/$APP_ID.desktop" ] \
  || { echo "install.sh: $HERE/share is missing; unpack the whole bundle" >&2; exit 1; }

if [ "$HERE" != "$LIB" ]; then
  rm -rf "$LIB.new"
  mkdir -p "$(dirname "$LIB")"
  cp -a "$HERE" "$LIB.new"
  rm -rf "$LIB"
  mv "$LIB.new" "$LIB"
fi
mkdir -p "$BIN" "$DATA/applications" "$DATA/metainfo" "$DATA/mime/packages"
ln -sfn "$LIB/factdesk" "$BIN/factdesk"

# the menu entry runs the installed program by its full path (~/.local/bin is often not on the
# desktop's PATH); a path with spaces is quoted as the desktop entry spec asks
exec_path=$LIB/factdesk
case "$exec_path" in *[[:space:]]*) exec_path="\"$exec_path\"" ;; esac
sed -e "s|^Exec=factdesk |Exec=$exec_path |" -e "s|^TryExec=factdesk$|TryExec=$LIB/factdesk|" \
  "$HERE/share/applications/$APP_ID.desktop" > "$DATA/applications/$APP_ID.desktop"
cp "$HERE/share/metainfo/$APP_ID.metainfo.xml" "$DATA/metainfo/"
cp "$HERE/share/mime/packages/$APP_ID.xml" "$DATA/mime/packages/"
if [ -d "$HERE/share/icons" ]; then
  (cd "$HERE/share" && find icons -type f) | while read -r icon; do
    mkdir -p "$DATA/$(dirname "$icon")"
    cp "$HERE/share/$icon" "$DATA/$icon"
  done
fi
refresh
echo "factdesk installed in $LIB; start it from your menu, or run $BIN/factdesk"
