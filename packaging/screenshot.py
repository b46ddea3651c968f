"""Make the AppStream screenshot: the real window on the demo desk, a claim selected.

    .venv/bin/python packaging/screenshot.py [OUT.png]   # default: packaging/linux/screenshots/

Runs offscreen (no display needed) with the light scheme, in a throw-away home, so the picture
does not depend on whoever runs it: the demo desk is built fresh, the first article is opened
and its verified claim selected, and the window is grabbed at 1366×768 (a common laptop screen,
16:9 as AppStream asks).
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parent / "linux/screenshots/main-window.png"
SIZE = (1366, 768)


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else OUT
    with tempfile.TemporaryDirectory(prefix="factdesk-shot-") as temp:
        home = Path(temp)
        os.environ.update(
            QT_QPA_PLATFORM="offscreen",
            FACTDESK_COLOR_SCHEME="light",
            HOME=str(home),
            XDG_CONFIG_HOME=str(home / "config"),
            XDG_DATA_HOME=str(home / "data"),
            FACTDESK_LOG_DIR=str(home / "log"),
            FACTDESK_BACKUP_MINUTES="0",
        )
        return _run(home, out)


def _run(home: Path, out: Path) -> int:
    import qasync  # noqa: PLC0415  (Qt only once the environment is set)
    from PySide6.QtCore import QSettings  # noqa: PLC0415

    from factdesk.services.demo import build_demo_desk  # noqa: PLC0415
    from factdesk.ui.app import make_application  # noqa: PLC0415
    from factdesk.ui.main_window import MainWindow  # noqa: PLC0415

    app = make_application()
    desk = build_demo_desk(home / "Kelbridge bridge.factdesk")
    window = MainWindow(QSettings(str(home / "settings.ini"), QSettings.Format.IniFormat))
    window.resize(*SIZE)
    window.show()
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        opened = loop.run_until_complete(_shoot(window, desk, out))
    window.close()
    return 0 if opened else 1


async def _shoot(window, desk: Path, out: Path) -> bool:  # type: ignore[no-untyped-def]
    if not await window.open_desk(desk, create=False):
        print(f"screenshot: could not open the demo desk {desk}", file=sys.stderr)
        return False
    window.documents.select(1)
    await _settle(lambda: window.view.document_id() == 1)
    model = window.claims.model
    verified = next(
        model.claim_at(row).id
        for row in range(model.rowCount())
        if model.claim_at(row).status == "verified"
    )
    window.claims.select(verified)
    await _settle(lambda: window.editor.claim() is not None)
    window.statusBar().clearMessage()  # it names the throw-away folder
    await asyncio.sleep(0.5)  # let the highlight and editor paint settle
    out.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(out)):
        print(f"screenshot: could not write {out}", file=sys.stderr)
        return False
    print(f"screenshot: {out} ({SIZE[0]}×{SIZE[1]})")
    return True


async def _settle(ready, timeout: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    waited = 0.0
    while not ready():
        if waited > timeout:
            raise TimeoutError("the window did not show the demo desk in time")
        await asyncio.sleep(0.05)
        waited += 0.05


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
