"""The baseline: a bare PySide6 QMainWindow that says when it is shown and idle, then quits."""

import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


def main() -> None:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 760)
    window.show()

    def idle() -> None:
        print(f"shown {time.time():.6f}", flush=True)
        app.quit()

    QTimer.singleShot(0, idle)
    app.exec()


if __name__ == "__main__":
    main()
