"""The window and a command-line process writing one desk at once: neither is refused as
"locked", the window's edits are all on disk, and it shows the other process's claims."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMessageBox
from window_helpers import import_one, make_claim

from factdesk.core.statuses import STATUSES
from factdesk.services import Desk
from factdesk.ui.main_window import MainWindow

ROOT = Path(__file__).parents[2]
WRITER = ROOT / "tests" / "reliability" / "writer.py"
ARTICLE = (
    "Summit notes\n"
    "The minister said: “We will spend 2.5 per cent of GDP on defence by 2027.”\n"
    "Opposition leaders called the figure “a fantasy” on Monday.\n"
    + "Officials gave no timetable for the rise and declined to comment further. "
    * 30
)


def test_window_edits_while_a_script_writes_the_same_desk(
    window: MainWindow, qtbot: Any, tmp_path: Path
) -> None:
    doc_id = import_one(window, qtbot, tmp_path, ARTICLE)
    assert doc_id == 1  # the writer works on document 1
    mine = [make_claim(window, qtbot, words) for words in ("a fantasy", "2.5 per cent of GDP")]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "FACTDESK_BACKUP_KEEP": "0"}
    writer = subprocess.Popen(
        [sys.executable, str(WRITER), str(window.client.path), "script", "60"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    # meanwhile, at the window: work the two claims through every status, one key at a time
    window.activateWindow()
    window.claims.table.setFocus()
    steps = 0
    while writer.poll() is None or steps < 12:
        claim_id = mine[steps % 2]
        status = STATUSES[steps % len(STATUSES)]
        window.claims.select(claim_id)
        qtbot.waitUntil(
            lambda c=claim_id: getattr(window.editor.claim(), "id", None) == c, timeout=5000
        )
        window.actions_.statuses[status].trigger()
        qtbot.waitUntil(
            lambda c=claim_id, s=status: (
                window.claims.model.claim(c) is not None
                and window.claims.model.claim(c).status == s
            ),
            timeout=10000,
        )
        steps += 1
    out, err = writer.communicate(timeout=120)
    assert writer.returncode == 0, err
    made = json.loads(out)

    # the window notices the script's claims without being told
    window.claims.scope.setCurrentIndex(1)  # all documents
    qtbot.waitUntil(lambda: window.claims.model.rowCount() == 2 + len(made), timeout=10000)
    assert not [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert "busy" not in window.statusBar().currentMessage()
    with Desk.open(window.client.path, create=False) as desk:
        last = (steps - 1) % 2
        assert desk.claim(mine[last]).status == STATUSES[(steps - 1) % len(STATUSES)]
        assert desk.claim(mine[1 - last]).status == STATUSES[(steps - 2) % len(STATUSES)]
        assert len(desk.claims()) == 2 + len(made)
    print(f"\n{steps} status changes in the window during {len(made) * 3} script writes")
