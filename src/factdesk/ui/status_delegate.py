"""Paints a claim's status as a coloured chip with its word, so it reads in greyscale too."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate

from factdesk.core.statuses import LABELS
from factdesk.ui.colours import is_dark, status_colours
from factdesk.ui.models.claim_table import STATUS_ROLE

if TYPE_CHECKING:  # annotations only (the first frame has no rows to paint)
    from PySide6.QtCore import QModelIndex, QPersistentModelIndex
    from PySide6.QtWidgets import QStyleOptionViewItem

_PAD_X, _PAD_Y = 7, 2


class StatusChipDelegate(QStyledItemDelegate):
    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        status = index.data(STATUS_ROLE)
        if status is None:
            super().paint(painter, option, index)
            return
        style = option.widget.style() if option.widget else None
        if style is not None and option.state & QStyle.StateFlag.State_Selected:
            style.drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget
            )
        colours = status_colours(status, dark=is_dark(option.palette))
        label = LABELS.get(status, status)
        metrics = QFontMetrics(option.font)
        width = min(metrics.horizontalAdvance(label) + 2 * _PAD_X, option.rect.width() - 4)
        height = metrics.height() + 2 * _PAD_Y
        rect = QRectF(
            option.rect.left() + 3,
            option.rect.top() + (option.rect.height() - height) / 2,
            width,
            height,
        )
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colours.chip)
        painter.drawRoundedRect(rect, height / 2, height / 2)
        painter.setPen(colours.chip_text)
        painter.setFont(option.font)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        metrics = QFontMetrics(option.font)
        label = LABELS.get(index.data(STATUS_ROLE) or "", "Unverifiable")
        return QSize(metrics.horizontalAdvance(label) + 2 * _PAD_X + 8, metrics.height() + 8)
