"""The Linux desktop integration (packaging/linux/), checked with the freedesktop tools.

The menu entry and the AppStream metainfo go through their validators; install.sh is run into
a throw-away prefix with a stand-in program, and GLib (what GNOME's Files and most GTK desktops
use) must then see a real desk file as a factdesk desk and launch factdesk on it.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from factdesk import __version__
from factdesk.services import Desk

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
APP_ID = "org.factdesk.FactDesk"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
MIME = LINUX / f"{APP_ID}.xml"


def need(tool: str, package: str) -> str:
    found = shutil.which(tool)
    if found is None:  # scripts/setup.sh installs these for the tests when run as root
        pytest.skip(f"{tool} is not installed (apt-get install {package})")
    return found


def run(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, env=env, timeout=60, check=False
    )


def desktop_entry(path: Path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if "=" in line)


def test_the_menu_entry_passes_desktop_file_validate() -> None:
    result = run(need("desktop-file-validate", "desktop-file-utils"), DESKTOP)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == ""  # not even a hint


def test_the_metainfo_passes_appstreamcli_validate_strictly() -> None:
    tool = need("appstreamcli", "appstream")
    result = run(tool, "validate", "--no-net", "--strict", METAINFO)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_broken_menu_entry_is_caught_by_the_validator(tmp_path: Path) -> None:
    """The check above can fail: the same file with a bad category and no Exec is rejected."""
    tool = need("desktop-file-validate", "desktop-file-utils")
    broken = tmp_path / f"{APP_ID}.desktop"
    text = DESKTOP.read_text(encoding="utf-8").replace("Categories=Office;", "Categories=Bogus;")
    broken.write_text(re.sub(r"^Exec=.*\n", "", text, flags=re.M), encoding="utf-8")
    assert run(tool, broken).returncode != 0


def test_entry_metainfo_mime_type_and_application_agree() -> None:
    from factdesk.ui.app import DESKTOP_ID

    entry = desktop_entry(DESKTOP)
    assert DESKTOP_ID == APP_ID
    assert entry["Icon"] == APP_ID
    assert entry["Exec"] == "factdesk gui %f"  # the command-line contract's `gui [PATH]`
    assert entry["MimeType"] == "application/x-factdesk;"

    meta = ET.parse(METAINFO).getroot()
    assert meta.findtext("id") == APP_ID
    assert meta.findtext("launchable") == f"{APP_ID}.desktop"
    assert meta.findtext("provides/mediatype") == "application/x-factdesk"
    assert meta.find("releases/release").get("version") == __version__

    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    mime = ET.parse(MIME).getroot().find("m:mime-type", ns)
    assert mime.get("type") == "application/x-factdesk"
    assert mime.find("m:glob", ns).get("pattern") == "*.factdesk"


def test_the_screenshot_is_there_at_the_size_the_metainfo_declares() -> None:
    image = METAINFO.parent / "screenshots" / "main-window.png"
    declared = ET.parse(METAINFO).getroot().find("screenshots/screenshot/image")
    header = image.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", header[16:24])
    assert (width, height) == (int(declared.get("width")), int(declared.get("height")))
    assert declared.text.endswith("/main-window.png")


def stand_in_bundle(tmp_path: Path) -> tuple[Path, Path]:
    """A bundle folder as build.sh stages it, with a program that records its arguments."""
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    argv_file = tmp_path / "argv.txt"
    program = bundle / "factdesk"
    program.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > "{argv_file}"\n', encoding="utf-8")
    program.chmod(0o755)
    staged = run(LINUX / "stage.sh", bundle)
    assert staged.returncode == 0, staged.stderr
    return bundle, argv_file


def test_install_registers_desks_so_opening_one_starts_factdesk_on_it(tmp_path: Path) -> None:
    gio = need("gio", "libglib2.0-bin")
    need("update-mime-database", "shared-mime-info")
    need("update-desktop-database", "desktop-file-utils")
    bundle, argv_file = stand_in_bundle(tmp_path)
    prefix = tmp_path / "a prefix"  # a space, as in a real home folder name
    env = {
        "HOME": str(tmp_path / "home"),
        "PATH": os.environ["PATH"],
        "XDG_DATA_HOME": str(prefix / "share"),
        "XDG_DATA_DIRS": "/usr/share",
    }
    installed = run(bundle / "install.sh", "--prefix", prefix, env=env)
    assert installed.returncode == 0, installed.stderr
    entry_file = prefix / "share/applications" / f"{APP_ID}.desktop"
    program = prefix / "lib/factdesk/factdesk"
    assert desktop_entry(entry_file)["Exec"] == f'"{program}" gui %f'
    assert (prefix / "bin/factdesk").resolve() == program
    if shutil.which("desktop-file-validate"):
        assert run("desktop-file-validate", entry_file).returncode == 0

    desk_path = tmp_path / "council budget.factdesk"
    with Desk.open(desk_path, create=True, editor="test"):
        pass  # a real desk: an SQLite file, which is also what its magic says
    info = run(gio, "info", "-a", "standard::content-type", desk_path, env=env)
    assert "standard::content-type: application/x-factdesk" in info.stdout, info.stdout
    default = run(gio, "mime", "application/x-factdesk", env=env)
    assert re.search(
        rf"Default application for \S+application/x-factdesk\S+: {APP_ID}\.desktop", default.stdout
    ), default.stdout

    opened = run(gio, "open", desk_path, env=env)
    assert opened.returncode == 0, opened.stderr
    deadline = time.monotonic() + 10
    while not argv_file.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert argv_file.read_text(encoding="utf-8").splitlines() == ["gui", str(desk_path)]

    removed = run(prefix / "lib/factdesk/install.sh", "--uninstall", "--prefix", prefix, env=env)
    assert removed.returncode == 0, removed.stderr
    assert not entry_file.exists()
    assert not program.exists()
    assert not (prefix / "bin/factdesk").exists()
    assert not (prefix / "share/mime/packages" / f"{APP_ID}.xml").exists()
    assert desk_path.exists()  # the person's desk is never touched
    after = run(gio, "info", "-a", "standard::content-type", desk_path, env=env)
    assert "application/x-factdesk" not in after.stdout


def test_install_refuses_a_half_unpacked_bundle(tmp_path: Path) -> None:
    bundle, _ = stand_in_bundle(tmp_path)
    shutil.rmtree(bundle / "share")
    result = run(bundle / "install.sh", "--prefix", tmp_path / "prefix")
    assert result.returncode == 1
    assert "share is missing" in result.stderr
    assert not (tmp_path / "prefix" / "lib").exists()


def test_icons_renders_each_png_size_from_the_svg(tmp_path: Path) -> None:
    result = run(sys.executable, ROOT / "packaging/icons.py", "--png-only", tmp_path)
    assert result.returncode == 0, result.stderr
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        png = (tmp_path / f"hicolor/{size}x{size}/apps/{APP_ID}.png").read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", png[16:24]) == (size, size)
    svg = tmp_path / f"hicolor/scalable/apps/{APP_ID}.svg"
    assert svg.read_bytes() == (ROOT / "src/factdesk/resources/icons/factdesk.svg").read_bytes()
    assert not (tmp_path / "factdesk.ico").exists()
