"""Bringing documents in and copies out: import with progress, paste, the demo desk, save a copy."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from factdesk.core.errors import KnownError
from factdesk.core.text import count_of
from factdesk.ui import undo_commands as cmd
from factdesk.ui.desk_slot import desk_slot
from factdesk.ui.import_report import ImportReportDialog, needs_report
from factdesk.ui.preferences import ORGANISATION, SITE_URL, profile


class DeskFiles:
    """Mixed into DeskView (which provides w, client, _client, _push, _status, _guard,
    _show_new_document)."""

    async def import_paths(self, paths: Sequence[Path]) -> None:
        from factdesk.ui.import_flow import import_with_progress  # noqa: PLC0415

        if self.client is None or not paths:
            return
        try:
            report = await import_with_progress(self.w, self.client, paths)
        except KnownError as exc:
            self.w.show_error("Import failed", str(exc))
            return
        self.client.announce(report.changes)
        if report.imported:
            self._push(cmd.ImportCommand(self.client, report.imported))
            await self._show_new_document(report.imported[0].id)
        count = len(report.imported)
        self._status(f"Imported {count_of(count, 'document')}.", 5000)
        if needs_report(report):
            dialog = ImportReportDialog(report, self.w)
            dialog.finished.connect(dialog.deleteLater)
            dialog.open()

    @desk_slot()
    async def paste_text(self) -> None:
        text = QGuiApplication.clipboard().text()
        if self.client is None:
            return
        if not text.strip():
            self._status("The clipboard holds no text to paste as a document.")
            return
        doc = await self._guard(
            self._client().act(lambda desk: desk.import_text(text)), "paste the text"
        )
        if doc is not None:
            self._push(cmd.ImportCommand(self._client(), (doc,)))
            await self._show_new_document(doc.id)

    async def open_demo(self) -> None:
        from factdesk.core.paths import user_data_dir  # noqa: PLC0415

        target = user_data_dir() / "demo.factdesk"

        def _build() -> Path:
            from factdesk.services.demo import build_demo_desk  # noqa: PLC0415

            return build_demo_desk(target)

        loop = asyncio.get_running_loop()
        self._status("Building the demo desk…")
        try:
            path = await loop.run_in_executor(None, _build)
        except KnownError as exc:
            self.w.show_error("The demo desk could not be built", str(exc))
            return
        await self.w.open_desk(path, create=False)

    async def save_copy(self, target: Path) -> None:
        if self.client is None:
            return
        done = await self._guard(
            self._client().call(lambda desk: desk.save_copy(target)), "save a copy"
        )
        if done is not None:
            self._status(f"Saved a copy as {target}.", 5000)

    # --- fact sheets ---------------------------------------------------------------------

    def ask_export(self, *, for_print: bool = False) -> None:
        """File ▸ Export fact sheet (or Print): the choices, then where to write it (or the
        print preview)."""
        from factdesk.ui.export_dialog import ExportDialog  # noqa: PLC0415

        if self.client is None:
            return
        speakers = sorted(
            {c.speaker for c in self.w.claims.model.claims() if c.speaker}, key=str.casefold
        )
        doc = self.doc.info.title if self.doc is not None else None
        dialog = ExportDialog(
            self.w.settings, speakers, open_document=doc, for_print=for_print, parent=self.w
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if for_print:
            dialog.chosen.connect(lambda choices: self._spawn(self.print_preview(choices)))
        else:
            dialog.chosen.connect(self._ask_export_target)
        dialog.open()

    def _ask_export_target(self, choices: dict[str, Any]) -> None:
        from factdesk.ui.file_dialogs import ask_save_file  # noqa: PLC0415

        fmt = str(choices["format"])
        folder = str(self.w.settings.value("export/folder", str(self._client().path.parent)))
        ask_save_file(
            self.w,
            "Export fact sheet",
            folder,
            f"{fmt.upper()} files (*.{fmt});;All files (*)",
            lambda path: self._spawn(self.export_to(path, choices)),
            suffix=fmt,
        )

    async def print_preview(self, choices: dict[str, Any]) -> Any:
        """Gather the sheet on the worker, then preview it here (painting needs this thread)."""
        from factdesk.factsheet.gather import sheet_from_desk  # noqa: PLC0415
        from factdesk.ui.print_flow import open_preview  # noqa: PLC0415

        request = self._export_request(Path("print.pdf"), choices)
        if request is None:
            return None
        sheet = await self._guard(
            self._client().call(lambda desk: sheet_from_desk(desk, request)), "print"
        )
        if sheet is None:
            return None
        # held here too: the preview points at its printer, which must outlive it
        self._preview = open_preview(
            self.w, sheet, page_size=request.page_size, failed=self._status
        )
        return self._preview

    def _export_request(self, target: Path, choices: dict[str, Any]) -> Any:
        """The request the dialog's choices make, or None (and one sentence) if impossible."""
        from factdesk.factsheet.gather import (  # noqa: PLC0415
            DEFAULT_TITLE,
            ExportRequest,
            signature_from_env,
        )

        try:
            organisation, site = signature_from_env()
            saved = profile(self.w.settings)  # the window's Preferences win over the environment
            organisation = saved[ORGANISATION] or organisation
            site = saved[SITE_URL] or site
            if choices["format"] == "pdf":
                from factdesk.factsheet.pdf import font_family  # noqa: PLC0415

                font_family()  # registers the shipped font here, on the GUI thread, once
        except KnownError as exc:
            self.w.show_error("The fact sheet could not be made", str(exc))
            return None
        return ExportRequest(
            fmt=str(choices["format"]),
            target=target,
            statuses=tuple(choices["statuses"]),
            doc_id=self.doc.info.id if choices["open_document_only"] and self.doc else None,
            speaker=choices["speaker"],
            title=str(choices["title"]) or DEFAULT_TITLE,
            page_size=str(choices["page_size"]),
            bom=bool(choices["bom"]),
            per_highlight=bool(choices["per_highlight"]),
            organisation=organisation,
            site_url=site,
        )

    async def export_to(self, target: Path, choices: dict[str, Any]) -> None:
        """Write the fact sheet on the desk's worker; the window stays responsive."""
        from factdesk.factsheet.gather import export_from_desk  # noqa: PLC0415

        self.w.settings.setValue("export/folder", str(target.parent))
        request = self._export_request(target, choices)
        if request is None:
            return
        self._status(f"Writing {target.name}…", 0)
        loop = asyncio.get_running_loop()

        def _progress(done: int, total: int) -> None:  # on the worker: hand it to the GUI
            loop.call_soon_threadsafe(
                self._status, f"Writing {target.name}: page {done} of {total}…", 0
            )

        written = await self._guard(
            self._client().call(lambda desk: export_from_desk(desk, request, progress=_progress)),
            "write the fact sheet",
        )
        if written is not None:
            pages = "" if written.pages is None else f", {written.pages} pages"
            self._status(f"Wrote {written.path}: {written.claims} claims{pages}.", 10000)
