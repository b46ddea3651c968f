"""The desk notices writes from other processes (the window polls this)."""

import subprocess
import sys


def test_data_version_changes_when_another_process_writes(desk, articles, tmp_path) -> None:
    before = desk.data_version()
    assert desk.data_version() == before  # reading changes nothing
    subprocess.run(
        [sys.executable, "-m", "factdesk", "--desk", str(desk.path), "import", str(articles[0])],
        check=True,
        capture_output=True,
    )
    assert desk.data_version() != before
