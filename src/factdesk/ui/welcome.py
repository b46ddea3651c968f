"""The welcome panel shown in the centre of the window while a desk holds no documents."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

# What the importers read (factdesk.sources.SUPPORTED_SUFFIXES), repeated so the window's first
# frame does not import every importer (the services load them after it); a test keeps the two
# the same.
SUPPORTED_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf")

HEADING = "Start by importing articles"
INTRO = (
    "factdesk keeps the articles you are checking next to the claims they make: highlight a "
    "quote, turn it into a claim, and work it through to a verdict you can publish."
)
HINT = "…or drop files anywhere on this window, or paste text with Ctrl+Shift+V"

# How each suffix is named to a person; a suffix missing here is still listed, by itself.
_FORMAT_NAMES = {
    ".txt": "plain text",
    ".text": "plain text",
    ".md": "Markdown",
    ".markdown": "Markdown",
    ".html": "web pages",
    ".htm": "web pages",
    ".docx": "Word",
    ".pdf": "PDF",
}
_MAX_WIDTH = 560  # a comfortable line length for the intro on a wide window
_HEADING_SCALE = 1.8


def formats_sentence(suffixes: tuple[str, ...] = SUPPORTED_SUFFIXES) -> str:
    """'Reads plain text (.txt, .text), Markdown (.md) and PDF (.pdf) files.'"""
    groups: dict[str, list[str]] = {}
    for suffix in suffixes:
        groups.setdefault(_FORMAT_NAMES.get(suffix, suffix.lstrip(".").upper()), []).append(suffix)
    parts = [f"{name} ({', '.join(members)})" for name, members in groups.items()]
    listed = parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"
    return f"Reads {listed} files."


class WelcomePanel(QWidget):
    """A heading, one sentence, the two ways to start, and how else to bring articles in."""

    importRequested = Signal()
    demoRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePanel")
        self.heading = _label(HEADING)
        self.heading.setFont(_heading_font(self.font()))
        self.heading.setAccessibleName(HEADING)
        self.intro = _label(INTRO)
        self.import_button = QPushButton("Import articles…")
        self.import_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DirOpenIcon))
        # The style draws the default button as the primary one, in the palette's colours.
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.importRequested)
        self.demo_button = QPushButton("Open the demo desk")
        self.demo_button.clicked.connect(self.demoRequested)
        self.hint = _label(HINT, dimmed=True)
        self.formats = _label(formats_sentence(), dimmed=True)
        self._lay_out()

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.demo_button)
        buttons.addStretch()
        column = QWidget(self)
        column.setMaximumWidth(_MAX_WIDTH)
        # Expanding up to the maximum, so the wrapped labels get the full width and the height
        # that goes with it (a column sized to its hint squeezes them to the buttons' width).
        column.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        inner = QVBoxLayout(column)
        inner.setSpacing(12)
        inner.addWidget(self.heading)
        inner.addWidget(self.intro)
        inner.addSpacing(12)
        inner.addLayout(buttons)
        inner.addSpacing(12)
        inner.addWidget(self.hint)
        inner.addWidget(self.formats)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(column, 1)  # the stretches take only what is left past its maximum
        row.addStretch()
        outer = QVBoxLayout(self)
        outer.addStretch()
        outer.addLayout(row)
        outer.addStretch()


def _label(text: str, *, dimmed: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if dimmed:
        # A palette role rather than a colour, so the hint stays legible in dark mode.
        label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def _heading_font(base: QFont) -> QFont:
    font = QFont(base)
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * _HEADING_SCALE)
    else:
        font.setPixelSize(round(font.pixelSize() * _HEADING_SCALE))
    font.setBold(True)
    return font
