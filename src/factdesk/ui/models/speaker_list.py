"""The desk's speakers as a table: name, the other names they go by, how many claims."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from factdesk.core.records import SpeakerInfo
from factdesk.ui.models.records_table import RecordsTableModel
from factdesk.ui.tooltips import plain_tip

COL_NAME, COL_ALIASES, COL_CLAIMS = range(3)
HEADERS = ("Speaker", "Also known as", "Claims")
ID_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


class SpeakerListModel(RecordsTableModel):
    HEADERS = HEADERS

    def __init__(self) -> None:
        super().__init__()
        self._counts: dict[int, int] = {}

    def set_speakers(self, speakers: Sequence[SpeakerInfo], counts: Mapping[int, int]) -> None:
        """`counts`: each speaker's number of claims, by speaker id. Rows go by name."""
        self.beginResetModel()
        self._items = sorted(speakers, key=lambda sp: (sp.name.casefold(), sp.id))
        self._counts = dict(counts)
        self.endResetModel()

    def speakers(self) -> list[SpeakerInfo]:
        return list(self._items)

    def speaker_at(self, row: int) -> SpeakerInfo:
        return self._items[row]

    def claims_of(self, speaker_id: int) -> int:
        return self._counts.get(speaker_id, 0)

    def row_of(self, speaker_id: int) -> int | None:
        return next((row for row, sp in enumerate(self._items) if sp.id == speaker_id), None)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        speaker: SpeakerInfo | None = self._record(index)
        if speaker is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return _cell(speaker, column, self.claims_of(speaker.id))
        if role == Qt.ItemDataRole.ToolTipRole and column != COL_CLAIMS:
            return plain_tip(_cell(speaker, column, 0)) or None  # names typed from articles
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_CLAIMS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ID_ROLE:
            return speaker.id
        return None


def _cell(speaker: SpeakerInfo, column: int, claims: int) -> str:
    if column == COL_NAME:
        return speaker.name
    if column == COL_ALIASES:
        return ", ".join(speaker.aliases)
    return str(claims)
