"""Files dropped on the window: local paths only, folders expanded to the files inside."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData

MAX_FILES = 10_000  # a dropped home folder should not start a million-file import


def local_paths(mime: QMimeData) -> list[Path]:
    """The local files a drop carries (folders contribute their files, sorted); remote URLs
    are ignored — factdesk never fetches anything."""
    paths: list[Path] = []
    for url in mime.urls() if mime.hasUrls() else []:
        if not url.isLocalFile():
            continue
        path = Path(url.toLocalFile())
        if path.is_dir():
            paths.extend(sorted(p for p in path.rglob("*") if p.is_file())[:MAX_FILES])
        else:
            paths.append(path)
    return paths[:MAX_FILES]
