"""File ▸ Export fact sheet: format, which claims, title and page options — remembered."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLineEdit,
    QWidget,
)

from factdesk.core.statuses import LABELS, STATUSES, VERDICTS
from factdesk.core.text import shorten
from factdesk.ui import speaker_filter

FORMATS = (
    ("pdf", "PDF fact sheet"),
    ("csv", "CSV spreadsheet"),
    ("json", "ClaimReview JSON-LD"),
    ("md", "Markdown"),
)
SUFFIX = {"pdf": "pdf", "csv": "csv", "json": "json", "md": "md"}


class ExportDialog(QDialog):
    """Asks what to export; `chosen` carries the choices. Shown with open(), never exec()."""

    chosen = Signal(dict)

    def __init__(
        self,
        settings: QSettings,
        speakers: Sequence[str],
        *,
        open_document: str | None,
        for_print: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.for_print = for_print
        self.setWindowTitle("Print fact sheet" if for_print else "Export fact sheet")
        self.settings = settings
        self.format = QComboBox()
        for key, label in FORMATS:
            self.format.addItem(label, key)
        self.title = QLineEdit(placeholderText="Fact sheet")
        self.statuses = {status: QCheckBox(LABELS[status]) for status in STATUSES}
        grid = QGridLayout()
        for number, box in enumerate(self.statuses.values()):
            grid.addWidget(box, number // 3, number % 3)
        self.scope = QComboBox()
        self.scope.addItem("All documents", False)
        if open_document:
            self.scope.addItem(f"Only “{shorten(open_document, 40)}”", True)
        self.speaker = QComboBox()
        self.speaker.addItems([speaker_filter.ALL_SPEAKERS, *speakers])
        self.page_size = QComboBox()
        self.page_size.addItem("A4", "a4")
        self.page_size.addItem("US Letter", "letter")
        self.bom = QCheckBox("Add a byte-order mark (Excel opens UTF-8 correctly)")
        self.per_highlight = QCheckBox("One row per quotation instead of per claim")

        form = QFormLayout(self)
        form.addRow("&Format", self.format)
        form.addRow("&Title", self.title)
        form.addRow("Statuses", grid)
        form.addRow("&Documents", self.scope)
        form.addRow("S&peaker", self.speaker)
        form.addRow("Page si&ze", self.page_size)
        form.addRow("", self.bom)
        form.addRow("", self.per_highlight)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            "Preview…" if for_print else "Export…"
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.format.currentIndexChanged.connect(self._update)
        for box in self.statuses.values():
            box.toggled.connect(self._update)
        self._ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._restore()
        if for_print:  # a printed sheet is the PDF's layout: no format or CSV options
            for widget in (self.format, self.bom, self.per_highlight):
                form.setRowVisible(widget, False)
            self.format.setCurrentIndex(self.format.findData("pdf"))
        self._update()

    def choices(self) -> dict[str, object]:
        speaker = self.speaker.currentText()
        return {
            "format": self.format.currentData(),
            "title": self.title.text().strip(),
            "statuses": [s for s, box in self.statuses.items() if box.isChecked()],
            "open_document_only": bool(self.scope.currentData()),
            "speaker": None if speaker == speaker_filter.ALL_SPEAKERS else speaker,
            "page_size": self.page_size.currentData(),
            "bom": self.bom.isChecked(),
            "per_highlight": self.per_highlight.isChecked(),
        }

    def _update(self) -> None:
        fmt = self.format.currentData()
        self.page_size.setEnabled(fmt == "pdf")
        self.bom.setEnabled(fmt == "csv")
        self.per_highlight.setEnabled(fmt == "csv")
        self._ok.setEnabled(any(box.isChecked() for box in self.statuses.values()))

    def _restore(self) -> None:
        s = self.settings
        self.format.setCurrentIndex(max(0, self.format.findData(s.value("export/format", "pdf"))))
        self.title.setText(str(s.value("export/title", "")))
        saved = s.value("export/statuses", list(VERDICTS))
        chosen = {saved} if isinstance(saved, str) else set(saved or VERDICTS)
        for status, box in self.statuses.items():
            box.setChecked(status in chosen)
        self.page_size.setCurrentIndex(max(0, self.page_size.findData(s.value("export/page"))))
        self.bom.setChecked(s.value("export/bom", "false") in (True, "true"))

    def _accept(self) -> None:
        choices = self.choices()
        s = self.settings
        if not self.for_print:
            s.setValue("export/format", choices["format"])
        s.setValue("export/title", choices["title"])
        s.setValue("export/statuses", choices["statuses"])
        s.setValue("export/page", choices["page_size"])
        s.setValue("export/bom", choices["bom"])
        self.accept()
        self.chosen.emit(choices)
