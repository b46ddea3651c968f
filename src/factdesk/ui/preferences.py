"""Edit ▸ Preferences: who you are on the desk, and whom fact sheets are published under."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from factdesk.core.backups import BackupPolicy, whole_number
from factdesk.core.errors import KnownError
from factdesk.factsheet.model import web_url

EDITOR, ORGANISATION, SITE_URL = "profile/editor", "profile/organisation", "profile/site_url"
BACKUP_MINUTES, BACKUP_KEEP = "backups/minutes", "backups/keep"


def profile(settings: QSettings) -> dict[str, str | None]:
    """The saved profile; empty values are None (the environment or the account then apply)."""
    return {
        key: (str(settings.value(key, "")).strip() or None)
        for key in (EDITOR, ORGANISATION, SITE_URL)
    }


def backup_policy(settings: QSettings) -> BackupPolicy:
    """The rolling-backup policy: Preferences if set there, else the environment, else defaults
    (a bad environment value falls back to the defaults; the command line reports it)."""
    try:
        base = BackupPolicy.from_env()
    except KnownError:
        base = BackupPolicy()
    minutes = _whole(settings.value(BACKUP_MINUTES))
    keep = _whole(settings.value(BACKUP_KEEP))
    return BackupPolicy(
        interval=base.interval if minutes is None else timedelta(minutes=minutes),
        keep=base.keep if keep is None else keep,
    )


def _whole(value: object) -> int | None:
    return whole_number(str(value if value is not None else ""))


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
        policy = backup_policy(settings)
        self.backup_minutes = QSpinBox(minimum=0, maximum=7 * 24 * 60, suffix=" minutes")
        self.backup_minutes.setValue(int(policy.interval.total_seconds() // 60))
        self.backup_keep = QSpinBox(minimum=0, maximum=1000, specialValueText="off")
        self.backup_keep.setValue(policy.keep)
        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)  # it quotes what was typed
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
        form.addRow("&Back up on opening, at most every", self.backup_minutes)
        form.addRow("&Keep the last (0: no backups on opening)", self.backup_keep)
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
        self.settings.setValue(BACKUP_MINUTES, self.backup_minutes.value())
        self.settings.setValue(BACKUP_KEEP, self.backup_keep.value())
        self.accept()
