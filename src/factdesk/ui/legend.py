"""One row explaining the document view's colours: a chip per status, and what dimmed text is."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, QSize
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from factdesk.core.statuses import LABELS, STATUSES
from factdesk.ui.colours import is_dark, noise_colour, status_colours

NOISE_TOOLTIP = "Credits, captions and footers are dimmed: they stay in the text, never hidden."

_CHIP = QSize(14, 12)
_UNDERLINE = 2.0


class StatusChip(QWidget):
    """A small sample of a highlight: the status fill with its underline, as the view draws it."""

    def __init__(self, status: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = status
        self.setFixedSize(_CHIP)

    def paintEvent(self, event: QPaintEvent) -> None:
        colours = status_colours(self.status, dark=is_dark(self.palette()))
        rect = QRectF(self.rect())
        painter = QPainter(self)
        painter.fillRect(rect, colours.fill)
        painter.fillRect(rect.adjusted(0, rect.height() - _UNDERLINE, 0, 0), colours.underline)
        painter.end()


class HighlightLegend(QWidget):
    """Chip + label for each status in workflow order, then a dimmed "noise" sample."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.setSpacing(4)
        self.chips: list[StatusChip] = []
        self.labels: list[QLabel] = []
        for status in STATUSES:
            chip = StatusChip(status, self)
            label = QLabel(LABELS[status], self)
            label.setToolTip(f"Claims marked {LABELS[status].lower()}")
            layout.addWidget(chip)
            layout.addWidget(label)
            layout.addSpacing(8)
            self.chips.append(chip)
            self.labels.append(label)
        self.noise_label = QLabel("noise", self)
        self.noise_label.setToolTip(NOISE_TOOLTIP)
        layout.addWidget(self.noise_label)
        layout.addStretch(1)
        self._follow_palette()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._follow_palette()

    def _follow_palette(self) -> None:
        """Dim the noise sample for this palette and repaint the chips in its colours."""
        palette = QPalette(self.noise_label.palette())
        palette.setColor(QPalette.ColorRole.WindowText, noise_colour(self.palette()))
        self.noise_label.setPalette(palette)
        for chip in self.chips:
            chip.update()
