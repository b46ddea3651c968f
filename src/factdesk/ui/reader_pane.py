"""The centre's reading page: the article's title and outlet, the status legend, its text, and
the find bar under it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from factdesk.ui.document_view import DocumentView
from factdesk.ui.find_bar import FindBar
from factdesk.ui.legend import HighlightLegend

_TITLE_SCALE = 1.35


class ReaderPane(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = DocumentView()
        self.find_bar = FindBar(self.view)
        self.title = QLabel(wordWrap=True)
        self.title.setObjectName("documentTitle")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * _TITLE_SCALE)
        font.setBold(True)
        self.title.setFont(font)
        self.meta = QLabel()
        self.legend = HighlightLegend()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.meta)
        layout.addWidget(self.legend)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.find_bar)
