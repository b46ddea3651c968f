"""packaging/check_bundle.py: the build is red unless the bundle is really complete.

A bundle is faked here (a program that prints the version, the package's data copied in, the
desktop integration staged) so the checker itself is tested in seconds; packaging/build.sh and
packaging/smoke.sh run it on the real PyInstaller bundle in CI.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import factdesk

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = Path(factdesk.__file__).resolve().parent
pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the Linux bundle layout")


def check(bundle: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "packaging/check_bundle.py"), str(bundle)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def program(bundle: Path, prints: str) -> None:
    path = bundle / "factdesk"
    path.write_text(f'#!/bin/sh\necho "{prints}"\n', encoding="utf-8")
    path.chmod(0o755)


@pytest.fixture(scope="module")
def complete(tmp_path_factory: pytest.TempPathFactory) -> Path:
    bundle = tmp_path_factory.mktemp("dist") / "factdesk"
    bundle.mkdir()
    program(bundle, f"factdesk {factdesk.__version__}")
    for folder in ("resources", "db/migrations"):
        shutil.copytree(
            PACKAGE / folder,
            bundle / "_internal/factdesk" / folder,
            ignore=shutil.ignore_patterns("__pycache__"),
        )
    icons = tmp_path_factory.mktemp("icons")
    for command in (
        [sys.executable, str(ROOT / "packaging/icons.py"), "--png-only", str(icons)],
        [str(ROOT / "packaging/linux/stage.sh"), str(bundle), str(icons)],
    ):
        subprocess.run(command, check=True, capture_output=True, timeout=120)
    return bundle


def copy_of(bundle: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "factdesk"
    shutil.copytree(bundle, copy, symlinks=True)
    return copy


def test_a_complete_bundle_passes(complete: Path) -> None:
    result = check(complete)
    assert result.returncode == 0, result.stderr
    assert "is complete" in result.stderr


def test_nothing_built_is_a_failure(tmp_path: Path) -> None:
    result = check(tmp_path / "factdesk")
    assert result.returncode == 1
    assert "nothing was built" in result.stderr


def test_a_missing_font_and_a_missing_migration_are_named(complete: Path, tmp_path: Path) -> None:
    bundle = copy_of(complete, tmp_path)
    (bundle / "_internal/factdesk/resources/fonts/DejaVuSans-Bold.ttf").unlink()
    shutil.rmtree(bundle / "_internal/factdesk/db/migrations/versions")
    result = check(bundle)
    assert result.returncode == 1
    assert "resources/fonts/DejaVuSans-Bold.ttf is missing" in result.stderr
    assert "0001_initial_tables.py is missing" in result.stderr


def test_a_changed_resource_an_unused_qt_module_and_a_missing_icon_fail(
    complete: Path, tmp_path: Path
) -> None:
    bundle = copy_of(complete, tmp_path)
    with (bundle / "_internal/factdesk/resources/fonts/DejaVuSans.ttf").open("ab") as font:
        font.write(b"\0")
    qt = bundle / "_internal/PySide6/Qt/lib"
    qt.mkdir(parents=True)
    (qt / "libQt6Quick.so.6").write_bytes(b"\x7fELF")
    (bundle / "share/icons/hicolor/48x48/apps/org.factdesk.FactDesk.png").unlink()
    result = check(bundle)
    assert result.returncode == 1
    assert "DejaVuSans.ttf differs from the package's copy" in result.stderr
    assert "libQt6Quick.so.6 is a Qt module factdesk does not use" in result.stderr
    assert "48x48/apps/org.factdesk.FactDesk.png is missing" in result.stderr


def test_a_program_that_does_not_run_fails(complete: Path, tmp_path: Path) -> None:
    bundle = copy_of(complete, tmp_path)
    program(bundle, "factdesk 0.0.0-wrong")
    result = check(bundle)
    assert result.returncode == 1
    assert "--version exited 0: factdesk 0.0.0-wrong" in result.stderr
    (bundle / "factdesk").unlink()
    assert "is missing or not executable" in check(bundle).stderr
