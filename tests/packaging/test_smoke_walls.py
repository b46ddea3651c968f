"""packaging/smoke.sh's walls hold: a program that opens an internet socket fails the smoke run.

The real bundle passes the whole smoke run in CI (.ci/run); here a stand-in program shows the
network guard is not decorative. It needs `unshare -n` (root or user namespaces) and strace.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SMOKE = ROOT / "packaging/smoke.sh"


def smoke(bundle: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SMOKE), str(bundle)], capture_output=True, text=True, timeout=120, check=False
    )


def can_block_network() -> bool:
    return (
        subprocess.run(["unshare", "-n", "true"], capture_output=True, check=False).returncode == 0
    )


@pytest.mark.skipif(shutil.which("strace") is None, reason="strace is not installed")
@pytest.mark.skipif(
    shutil.which("unshare") is None or not can_block_network(),
    reason="'unshare -n' is not permitted here",
)
def test_a_program_that_opens_an_internet_socket_fails_the_smoke_run(tmp_path: Path) -> None:
    bundle = tmp_path / "factdesk"
    bundle.mkdir()
    program = bundle / "factdesk"
    # the connection cannot succeed inside the namespace; trying is already a failure
    program.write_text(
        "#!/bin/sh\n"
        f"{sys.executable} -c \"import socket; socket.socket().connect_ex(('192.0.2.1', 443))\"\n"
        'echo "factdesk 0.1.0"\n',
        encoding="utf-8",
    )
    program.chmod(0o755)
    result = smoke(bundle)
    assert result.returncode == 1
    assert "factdesk --version tried to use the network" in result.stderr
    assert "AF_INET" in result.stderr


def test_no_bundle_is_a_failure_not_a_pass(tmp_path: Path) -> None:
    result = smoke(tmp_path / "missing")
    assert result.returncode == 1
    assert "run packaging/build.sh" in result.stderr
