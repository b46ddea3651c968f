"""Tab pages built the first time they are shown: the window's first frame builds only the
pages it shows."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QTabWidget, QWidget

W = TypeVar("W", bound=QWidget)


def lazy_tab(tabs: QTabWidget, label: str, build: Callable[[], W]) -> Callable[[], W]:
    """Add a tab whose page `build()` makes when the tab is first shown, or first asked for.

    Until then an empty placeholder holds the tab; the built page takes its place (same index,
    same label, still current if it was). Returns the function that gives the page."""
    placeholder = QWidget()
    tabs.addTab(placeholder, label)
    built: list[W] = []

    def page() -> W:
        if not built:
            built.append(build())
            tabs.currentChanged.disconnect(on_current)
            index = tabs.indexOf(placeholder)
            current = tabs.currentIndex() == index
            blocker = QSignalBlocker(tabs)  # the tab stays where it was: nothing to announce
            tabs.removeTab(index)
            tabs.insertTab(index, built[0], label)
            if current:
                tabs.setCurrentIndex(index)
            blocker.unblock()
            placeholder.deleteLater()
        return built[0]

    def on_current(index: int) -> None:
        if tabs.widget(index) is placeholder:
            page()

    tabs.currentChanged.connect(on_current)
    return page
