#!/usr/bin/env bash
# Put the Linux desktop integration into a bundle folder: share/ (menu entry, AppStream
# metainfo, the .factdesk MIME type, icons) and install.sh. packaging/build.sh runs it.
#
#   packaging/linux/stage.sh BUNDLE [ICON_DIR]    # ICON_DIR: what packaging/icons.py wrote
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BUNDLE=${1:?usage: stage.sh BUNDLE [ICON_DIR]}
ICONS=${2:-}
APP_ID=org.factdesk.FactDesk
mkdir -p "$BUNDLE/share/applications" "$BUNDLE/share/metainfo" "$BUNDLE/share/mime/packages"
cp "$HERE/$APP_ID.desktop" "$BUNDLE/share/applications/"
cp "$HERE/$APP_ID.metainfo.xml" "$BUNDLE/share/metainfo/"
cp "$HERE/$APP_ID.xml" "$BUNDLE/share/mime/packages/"
if [ -n "$ICONS" ]; then
  mkdir -p "$BUNDLE/share/icons"
  cp -r "$ICONS/hicolor" "$BUNDLE/share/icons/"
fi
install -m 755 "$HERE/install.sh" "$BUNDLE/install.sh"
