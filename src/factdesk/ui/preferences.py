"""Edit ▸ Preferences: who you are on the desk, and whom fact sheets are published under."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from factdesk.factsheet.model import web_url

EDITOR, ORGANISATION, SITE_URL = "profile/editor", "profile/organisation", "profile/site_url"


def profile(settings: QSettings) -> dict[str, str | None]:
    """The saved profile; empty values are None (the environment or the account then apply)."""
    return {
        key: (str(settings.value(key, "")).strip() or None)
        for key in (EDITOR, ORGANISATION, SITE_URL)
    }


class PreferencesDialog(QDialog):
    """Shown with open(); saves on OK. The editor name applies from the next desk opened."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.settings = settings
        saved = profile(settings)
        self.editor = QLineEdit(saved[EDITOR] or "", placeholderText="your account name")
        self.organisation = QLineEdit(saved[ORGANISATION] or "")
        self.site_url = QLineEdit(saved[SITE_URL] or "", placeholderText="https://…")
        self.error = QLabel()
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Your &name (history, fact sheets)", self.editor)
        form.addRow("&Organisation (ClaimReview author)", self.organisation)
        form.addRow("&Site address (ClaimReview url)", self.site_url)
        form.addRow(self.error)
        form.addRow(buttons)

    def _save(self) -> None:
        site = self.site_url.text().strip()
        if site and not web_url(site):
            self.error.setText(f"“{site}” is not an http(s) address.")
            self.error.show()
            return
        self.settings.setValue(EDITOR, self.editor.text().strip())
        self.settings.setValue(ORGANISATION, self.organisation.text().strip())
        self.settings.setValue(SITE_URL, site)
        self.accept()
