"""Check a built bundle before anyone ships it: packaging/build.sh runs this after PyInstaller.

    python packaging/check_bundle.py dist/factdesk

Fails (exit 1, one line per problem) when
  - the program is missing or not executable;
  - a run-time file of the factdesk package (font, demo articles, icon, migrations) is missing
    from the bundle or differs from the package's copy;
  - the desktop integration (share/: menu entry, metainfo, MIME type, icons) or install.sh
    is missing;
  - a Qt library factdesk does not use is inside (QML, Quick, Network, WebEngine, 3D, …);
  - `factdesk --version` does not run from the bundle with a bare environment.
Run with the build venv's Python: the installed factdesk package is the reference.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import factdesk

PACKAGE = Path(factdesk.__file__).resolve().parent
DATA_FOLDERS = ("resources", "db/migrations")
APP_ID = "org.factdesk.FactDesk"
LINUX_FILES = (
    "install.sh",
    f"share/applications/{APP_ID}.desktop",
    f"share/metainfo/{APP_ID}.metainfo.xml",
    f"share/mime/packages/{APP_ID}.xml",
    f"share/icons/hicolor/scalable/apps/{APP_ID}.svg",
    *(
        f"share/icons/hicolor/{s}x{s}/apps/{APP_ID}.png"
        for s in (16, 24, 32, 48, 64, 128, 256, 512)
    ),
)
UNUSED_QT = re.compile(
    r"Qt6?(Qml|Quick|Network|WebEngine|3D|Multimedia|Designer|Pdf|Sql|Test|Help|Lottie|Labs"
    r"|VirtualKeyboard|Charts|Graphs|Location|Bluetooth|Positioning|SerialPort|WebSockets)",
)


def program_path(bundle: Path) -> Path:
    return bundle / ("factdesk.exe" if sys.platform == "win32" else "factdesk")


def problems(bundle: Path) -> list[str]:
    found: list[str] = []
    program = program_path(bundle)
    if not program.is_file() or not os.access(program, os.X_OK):
        return [f"{program} is missing or not executable"]
    internal = bundle / "_internal"
    for folder in DATA_FOLDERS:
        for source in sorted((PACKAGE / folder).rglob("*")):
            if not source.is_file() or "__pycache__" in source.parts:
                continue
            inside = internal / "factdesk" / source.relative_to(PACKAGE)
            if not inside.is_file():
                found.append(f"{inside.relative_to(bundle)} is missing")
            elif _digest(inside) != _digest(source):
                found.append(f"{inside.relative_to(bundle)} differs from the package's copy")
    if sys.platform.startswith("linux"):
        found.extend(f"{name} is missing" for name in LINUX_FILES if not (bundle / name).is_file())
    found.extend(
        f"{path.relative_to(bundle)} is a Qt module factdesk does not use"
        for path in sorted(bundle.rglob("*"))
        if path.is_file() and UNUSED_QT.search(path.name)
    )
    found.extend(_version_problems(program))
    return found


def _version_problems(program: Path) -> list[str]:
    bare = {"PATH": "/nonexistent", "HOME": os.environ.get("HOME", "/tmp"), "LANG": "C.UTF-8"}
    try:
        run = subprocess.run(
            [str(program), "--version"],
            env=bare,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return [f"{program} --version could not run: {exc}"]
    want = f"factdesk {factdesk.__version__}"
    if run.returncode != 0 or run.stdout.strip() != want:
        detail = (run.stderr.strip() or run.stdout.strip()).splitlines()[-1:] or ["no output"]
        return [f"{program} --version exited {run.returncode}: {detail[0]} (wanted {want!r})"]
    return []


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python packaging/check_bundle.py BUNDLE_FOLDER", file=sys.stderr)
        return 2
    bundle = Path(argv[0])
    if not bundle.is_dir():
        print(f"check_bundle: {bundle} does not exist: nothing was built", file=sys.stderr)
        return 1
    found = problems(bundle)
    for problem in found:
        print(f"check_bundle: {problem}", file=sys.stderr)
    if not found:
        files = sum(1 for path in bundle.rglob("*") if path.is_file())
        print(f"check_bundle: {bundle} is complete ({files} files)", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
