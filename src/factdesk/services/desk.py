"""The Desk facade: one method per user action, one short transaction each.

Reads return detached records; every mutating method returns an `Outcome` holding its result
and the `Changes` it made, so front ends refresh only what changed. Methods are synchronous and
thread-safe enough to be called from one worker thread (the window awaits them off the GUI).

SQLAlchemy loads on the first method that needs a session, not on import: opening a desk
(schema check, upgrade, backup), importing into it and writing a CSV fact sheet use plain
sqlite3, and `factdesk import` and `factdesk export csv` have budgets that loading SQLAlchemy
alone (about 0.7 s) would spend (docs/performance.md).
"""

from __future__ import annotations

import getpass
import importlib
import logging
import os
import sqlite3
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factdesk.core.anchors import Selector, locate_quote, make_selector
from factdesk.core.backups import BackupInfo, BackupPolicy
from factdesk.core.errors import DamagedDeskError, DeskError, InvalidInputError, NotFoundError
from factdesk.core.fields import clean_date, clean_status, clean_text
from factdesk.core.records import (
    Changes,
    ClaimInfo,
    DocumentInfo,
    DocumentText,
    EvidenceInfo,
    HistoryEntry,
    ImportReport,
    Outcome,
    SearchHit,
    Span,
    SpeakerInfo,
)
from factdesk.core.statuses import UNCHECKED
from factdesk.db.backups import maybe_take_backup
from factdesk.db.connection import connect, transaction
from factdesk.db.deskfile import copy_desk, prepare_desk
from factdesk.db.watch import DataVersion
from factdesk.services.claim_input import ClaimUpdate, NewClaim, Unset

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlmodel import Session

    from factdesk.db import candidates as candidates_repo
    from factdesk.db import claims as claim_repo
    from factdesk.db import dismissals as dismissal_repo
    from factdesk.db import documents as doc_repo
    from factdesk.db import history as history_repo
    from factdesk.db import search as search_repo
    from factdesk.db import speakers as speaker_repo
    from factdesk.db.engine import read_session, write_session
    from factdesk.services.guard import desk_errors
    from factdesk.services.importing import import_files, import_text


class _OnFirstUse:
    """A module imported when one of its names is first used."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attr: str) -> Any:
        return getattr(importlib.import_module(self._name), attr)


def _on_call(module: str, name: str) -> Callable[..., Any]:
    """A function of `module`, imported when first called."""

    def call(*args: Any, **kwargs: Any) -> Any:
        return getattr(importlib.import_module(module), name)(*args, **kwargs)

    return call


if not TYPE_CHECKING:
    candidates_repo = _OnFirstUse("factdesk.db.candidates")
    claim_repo = _OnFirstUse("factdesk.db.claims")
    dismissal_repo = _OnFirstUse("factdesk.db.dismissals")
    doc_repo = _OnFirstUse("factdesk.db.documents")
    history_repo = _OnFirstUse("factdesk.db.history")
    search_repo = _OnFirstUse("factdesk.db.search")
    speaker_repo = _OnFirstUse("factdesk.db.speakers")
    read_session = _on_call("factdesk.db.engine", "read_session")
    write_session = _on_call("factdesk.db.engine", "write_session")
    desk_errors = _on_call("factdesk.services.guard", "desk_errors")
    # the importers load only for an import
    import_files = _on_call("factdesk.services.importing", "import_files")
    import_text = _on_call("factdesk.services.importing", "import_text")

ProgressFn = Callable[[int, int, str], None]
log = logging.getLogger(__name__)


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


@contextmanager
def plain_errors(path: Path) -> Iterator[None]:
    """`desk_errors` for work done with plain sqlite3, which must not load SQLAlchemy (as the
    guard does) unless something fails."""
    try:
        yield
    except sqlite3.Error as exc:
        from factdesk.services.guard import explain  # noqa: PLC0415

        known = explain(path, exc)
        if known is None:
            raise
        raise known from exc


def default_editor() -> str:
    try:
        return os.environ.get("FACTDESK_EDITOR") or getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (some containers)
        return "unknown"


class Desk:
    """An open desk file. Use as a context manager, or call close()."""

    def __init__(self, path: Path, *, editor: str) -> None:
        self.path = path
        self.editor = editor
        self._sql: Engine | None = None  # made by the first method that needs a session
        self._conn: sqlite3.Connection | None = None  # the plain one, opened on first use
        self._watcher: DataVersion | None = None
        self.last_backup: BackupInfo | None = None  # the rolling backup taken on open, if any
        self.backup_problem: str | None = None

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        *,
        editor: str | None = None,
        create: bool = True,
        backups: BackupPolicy | None = None,
    ) -> Desk:
        """Open (or create) the desk; with a `backups` policy, take a rolling backup if due.

        A backup that fails its check means the desk is damaged: DamagedDeskError, so the
        front end can offer the latest good backup. A backup that cannot be written (a
        read-only folder) does not stop the desk opening; `backup_problem` says why."""
        path = Path(path).expanduser()
        existed = path.exists()
        with plain_errors(path):
            prepare_desk(path, create=create)
        desk = cls(path, editor=editor or default_editor())
        # a backup opened as a desk (to look into it) gets no backups of its own
        if backups is not None and existed and not path.parent.name.endswith(".backups"):
            try:
                with plain_errors(path):
                    desk.last_backup = maybe_take_backup(path, backups)
            except DamagedDeskError:
                desk.close()
                raise
            except DeskError as exc:
                desk.backup_problem = str(exc)
                log.warning("no rolling backup of %s: %s", path, exc)
        return desk

    def close(self) -> None:
        if self._watcher is not None:
            self._watcher.close()
            self._watcher = None
        if self._sql is not None:
            self._sql.dispose()
            self._sql = None
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> Desk:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def data_version(self) -> int:
        """A number that changes whenever any connection, in any process, commits to the desk
        (this one's writes included): poll it to notice outside changes."""
        with plain_errors(self.path):
            return self._watch().read()

    def restores(self) -> int:
        """A number that grows each time the desk is restored from a backup: a front end
        holding undo steps (which refer to rows by id) drops them when it changes."""
        with plain_errors(self.path):
            return self._watch().restores()

    @property
    def _engine(self) -> Engine:
        """The SQLAlchemy engine, made (and SQLAlchemy loaded) on first use."""
        if self._sql is None:
            from factdesk.db.engine import make_engine  # noqa: PLC0415

            self._sql = make_engine(self.path)
        return self._sql

    def _plain(self) -> sqlite3.Connection:
        """The desk's plain sqlite3 connection (imports, CSV sheets), kept open like the
        engine's: a connection that closed after each paste would checkpoint the WAL each
        time it was the desk's last."""
        if self._conn is None:
            self._conn = connect(self.path)
        return self._conn

    def _watch(self) -> DataVersion:
        """The desk's own read-only watching connection, opened on first use."""
        if self._watcher is None:
            self._watcher = DataVersion(self.path)
        return self._watcher

    # --- reads ---------------------------------------------------------------------------

    def documents(self) -> list[DocumentInfo]:
        with desk_errors(self.path), read_session(self._engine) as s:
            return doc_repo.list_documents(session=s)

    def document(self, doc_id: int) -> DocumentText:
        with desk_errors(self.path), read_session(self._engine) as s:
            return doc_repo.get_document(session=s, doc_id=doc_id)

    def claims(
        self,
        *,
        statuses: Collection[str] = (),
        doc_id: int | None = None,
        speaker: str | None = None,
    ) -> list[ClaimInfo]:
        for status in statuses:
            clean_status(status)
        with desk_errors(self.path), read_session(self._engine) as s:
            return claim_repo.list_claims(
                session=s, statuses=statuses, doc_id=doc_id, speaker=speaker
            )

    def claim(self, claim_id: int) -> ClaimInfo:
        with desk_errors(self.path), read_session(self._engine) as s:
            return claim_repo.get_claim(session=s, claim_id=claim_id)

    def history(self, claim_id: int) -> list[HistoryEntry]:
        with desk_errors(self.path), read_session(self._engine) as s:
            return history_repo.for_claim(session=s, claim_id=claim_id)

    def speakers(self) -> list[SpeakerInfo]:
        with desk_errors(self.path), read_session(self._engine) as s:
            return speaker_repo.list_speakers(session=s)

    def speakers_with_counts(self) -> tuple[list[SpeakerInfo], dict[int, int]]:
        """The speakers, and how many claims each has (by id; none listed for none)."""
        with desk_errors(self.path), read_session(self._engine) as s:
            return speaker_repo.list_speakers(session=s), speaker_repo.claim_counts(session=s)

    def search(self, query: str, *, limit: int = 50) -> list[SearchHit]:
        with desk_errors(self.path), read_session(self._engine) as s:
            return search_repo.search(session=s, query=query, limit=limit)

    # --- imports -------------------------------------------------------------------------

    def import_files(
        self,
        paths: Iterable[str | os.PathLike[str]],
        *,
        progress: ProgressFn | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> ImportReport:
        """Import files; bad ones are reported with their reason, never partly stored."""
        with plain_errors(self.path):
            return import_files(
                self._plain(), paths, now=now_iso(), progress=progress, cancelled=cancelled
            )

    def import_text(self, text: str, *, title: str | None = None) -> Outcome[DocumentInfo]:
        """Store pasted text as a new document."""
        with plain_errors(self.path):
            return import_text(self._plain(), text, title=title, now=now_iso())

    # --- claims --------------------------------------------------------------------------

    def add_claim(
        self,
        doc_id: int,
        *,
        span: tuple[int, int] | None = None,
        quote: str | None = None,
        text: str | None = None,
        speaker: str | None = None,
        date: str | None = None,
        status: str = UNCHECKED,
        note: str = "",
    ) -> Outcome[ClaimInfo]:
        """A new claim quoted at a span of a document (given by offsets or by its quote)."""
        said_on, status = clean_date(date), clean_status(status)
        now = now_iso()
        with desk_errors(self.path), write_session(self._engine) as s:
            doc_text = doc_repo.get_text(session=s, doc_id=doc_id)
            selector = self._selector(doc_text, doc_id, span, quote)
            claim_id, speaker_id, new_speaker = self._insert_claim(
                s, doc_id, selector, text=text, speaker=speaker, said_on=said_on,
                status=status, note=note.strip(), now=now,
            )  # fmt: skip
            info = claim_repo.get_claim(session=s, claim_id=claim_id)
        speakers = frozenset({speaker_id}) if new_speaker and speaker_id else frozenset()
        return Outcome(info, Changes(frozenset({doc_id}), frozenset({claim_id}), speakers))

    def add_claims(
        self, doc_id: int, claims: Sequence[NewClaim]
    ) -> Outcome[list[tuple[ClaimInfo, str | None]]]:
        """New unchecked claims quoted at spans of one document, all or none (one
        transaction), each with the alias the desk learned from it (None if it knew it)."""
        dates = [clean_date(c.date) for c in claims]
        now = now_iso()
        made: list[tuple[int, str | None]] = []
        touched: set[int] = set()
        with desk_errors(self.path), write_session(self._engine) as s:
            doc_text = doc_repo.get_text(session=s, doc_id=doc_id)
            for claim, said_on in zip(claims, dates, strict=True):
                selector = self._selector(doc_text, doc_id, (claim.start, claim.end), None)
                claim_id, speaker_id, new_speaker = self._insert_claim(
                    s, doc_id, selector, text=None, speaker=claim.speaker, said_on=said_on,
                    status=UNCHECKED, note="", now=now,
                )  # fmt: skip
                learned = None
                alias = " ".join((claim.alias or "").split())
                if (
                    speaker_id is not None
                    and alias
                    and speaker_repo.add_alias(session=s, speaker_id=speaker_id, alias=alias)
                ):
                    learned = alias
                    touched.add(speaker_id)
                if new_speaker and speaker_id is not None:
                    touched.add(speaker_id)
                made.append((claim_id, learned))
            infos = [(claim_repo.get_claim(session=s, claim_id=i), a) for i, a in made]
        ids = frozenset(i for i, _ in made)
        return Outcome(infos, Changes(frozenset({doc_id}), ids, frozenset(touched)))

    def _insert_claim(
        self,
        s: Session,
        doc_id: int,
        selector: Selector,
        *,
        text: str | None,
        speaker: str | None,
        said_on: str | None,
        status: str,
        note: str,
        now: str,
    ) -> tuple[int, int | None, bool]:
        """Insert a claim, its highlight and its first history entries; (claim id, speaker
        id, whether that speaker is new)."""
        claim_text = clean_text(text if text is not None else " ".join(selector.quote.split()))
        speaker_id, new_speaker = self._speaker(s, speaker)
        claim_id = claim_repo.insert_claim(
            session=s,
            text=claim_text,
            speaker_id=speaker_id,
            said_on=said_on,
            status=status,
            note=note,
            now=now,
        )
        claim_repo.insert_highlight(
            session=s, claim_id=claim_id, doc_id=doc_id, selector=selector, now=now
        )
        speaker_name = speaker_repo.name_of(session=s, speaker_id=speaker_id)
        initial = [
            ("text", None, claim_text),
            ("speaker", None, speaker_name),
            ("date", None, said_on),
            ("status", None, status),
            ("note", None, note or None),
            ("highlight", None, _describe_span(doc_id, selector.start, selector.end)),
        ]
        self._history(s, claim_id, now, [c for c in initial if c[2] is not None])
        return claim_id, speaker_id, new_speaker

    def update_claim(
        self, claim_id: int, update: ClaimUpdate, *, expected_version: int | None = None
    ) -> Outcome[ClaimInfo]:
        """Change some fields of a claim. With `expected_version`, refuse (ConflictError) if
        someone else changed the claim since it was read; History records each change."""
        now = now_iso()
        with desk_errors(self.path), write_session(self._engine) as s:
            current = claim_repo.get_claim(session=s, claim_id=claim_id)
            values, diffs, new_speaker_id = self._diff(s, current, update)
            if diffs:
                claim_repo.update_claim(
                    session=s,
                    claim_id=claim_id,
                    values=values,
                    now=now,
                    expected_version=current.version
                    if expected_version is None
                    else expected_version,
                )
                self._history(s, claim_id, now, diffs)
            elif expected_version is not None and expected_version != current.version:
                claim_repo.update_claim(  # raises the conflict with the current version
                    session=s,
                    claim_id=claim_id,
                    values={},
                    now=now,
                    expected_version=expected_version,
                )
            info = claim_repo.get_claim(session=s, claim_id=claim_id)
        if not diffs:
            return Outcome(info, Changes())
        docs = frozenset(sp.doc for sp in info.spans)
        speakers = frozenset({new_speaker_id}) if new_speaker_id else frozenset()
        return Outcome(info, Changes(docs, frozenset({claim_id}), speakers))

    def delete_claim(self, claim_id: int) -> Outcome[ClaimInfo]:
        """Delete a claim with its highlights and evidence; returns it as it was."""
        now = now_iso()
        with desk_errors(self.path), write_session(self._engine) as s:
            info = claim_repo.get_claim(session=s, claim_id=claim_id)
            claim_repo.delete_claim(session=s, claim_id=claim_id)
            self._history(s, claim_id, now, [("deleted", info.text, None)])
        docs = frozenset(sp.doc for sp in info.spans)
        return Outcome(info, Changes(docs, frozenset({claim_id})))

    def link(
        self,
        claim_id: int,
        doc_id: int,
        *,
        span: tuple[int, int] | None = None,
        quote: str | None = None,
    ) -> Outcome[Span]:
        """Link another span (in any document) to a claim: the same quote reported elsewhere."""
        now = now_iso()
        with desk_errors(self.path), write_session(self._engine) as s:
            claim_repo.require_claim(session=s, claim_id=claim_id)
            selector = self._selector(
                doc_repo.get_text(session=s, doc_id=doc_id), doc_id, span, quote
            )
            hid = claim_repo.insert_highlight(
                session=s, claim_id=claim_id, doc_id=doc_id, selector=selector, now=now
            )
            claim_repo.touch_claim(session=s, claim_id=claim_id, now=now)
            self._history(
                s,
                claim_id,
                now,
                [("highlight", None, _describe_span(doc_id, selector.start, selector.end))],
            )
            result = claim_repo.get_highlight(session=s, highlight_id=hid)
        return Outcome(result, Changes(frozenset({doc_id}), frozenset({claim_id})))

    def unlink(self, highlight_id: int) -> Outcome[Span]:
        """Remove one highlight; the claim stays."""
        now = now_iso()
        with desk_errors(self.path), write_session(self._engine) as s:
            span = claim_repo.get_highlight(session=s, highlight_id=highlight_id)
            claim_repo.delete_highlight(session=s, highlight_id=highlight_id)
            claim_repo.touch_claim(session=s, claim_id=span.claim_id, now=now)
            self._history(
                s,
                span.claim_id,
                now,
                [("highlight", _describe_span(span.doc, span.start, span.end), None)],
            )
        return Outcome(span, Changes(frozenset({span.doc}), frozenset({span.claim_id})))

    def add_evidence(self, claim_id: int, source: str, note: str = "") -> Outcome[EvidenceInfo]:
        source = source.strip()
        if not source:
            raise InvalidInputError("evidence needs a URL or a citation")
        now = now_iso()
        with desk_errors(self.path), write_session(self._engine) as s:
            claim_repo.require_claim(session=s, claim_id=claim_id)
            eid = claim_repo.insert_evidence(
                session=s, claim_id=claim_id, source=source, note=note.strip(), now=now
            )
            claim_repo.touch_claim(session=s, claim_id=claim_id, now=now)
            self._history(s, claim_id, now, [("evidence", None, source)])
            item = claim_repo.get_evidence(session=s, evidence_id=eid)
        return Outcome(item, Changes(claims=frozenset({claim_id})))

    def remove_evidence(self, evidence_id: int) -> Outcome[EvidenceInfo]:
        now = now_iso()
        with desk_errors(self.path), write_session(self._engine) as s:
            item = claim_repo.get_evidence(session=s, evidence_id=evidence_id)
            claim_repo.delete_evidence(session=s, evidence_id=evidence_id)
            claim_repo.touch_claim(session=s, claim_id=item.claim_id, now=now)
            self._history(s, item.claim_id, now, [("evidence", item.source, None)])
        return Outcome(item, Changes(claims=frozenset({item.claim_id})))

    # --- undo support: put back what a delete took, under the same ids ----------------
    # A window's undo stack holds ids; redoing and undoing must bring back the very rows those
    # ids name, or a later command in the stack would act on the wrong claim or document.

    def restore_claim(self, info: ClaimInfo) -> Outcome[ClaimInfo]:
        """Put back a claim `delete_claim` returned: same ids for it, its highlights and its
        evidence; its version too, so edits read before the deletion still apply."""
        # refuse a record no desk could hold, before writing anything
        clean_text(info.text)
        clean_date(info.date)
        clean_status(info.status)
        now = now_iso()
        with desk_errors(self.path), write_session(self._engine) as s:
            claim_repo.require_free_ids(
                session=s,
                claim_ids=[info.id],
                highlight_ids=[span.id for span in info.spans],
                evidence_ids=[item.id for item in info.evidence],
            )
            speaker_id, new_speaker = self._speaker(s, info.speaker)
            claim_repo.restore_claim(session=s, info=info, speaker_id=speaker_id)
            for span in info.spans:
                _restore_span(s, span, claim_id=info.id, now=now)
            for item in info.evidence:
                _restore_evidence(s, item, claim_id=info.id, now=now)
            self._history(s, info.id, now, [("restored", None, info.text)])
            restored = claim_repo.get_claim(session=s, claim_id=info.id)
        docs = frozenset(span.doc for span in restored.spans)
        speakers = frozenset({speaker_id}) if new_speaker and speaker_id else frozenset()
        return Outcome(restored, Changes(docs, frozenset({info.id}), speakers))

    def restore_highlight(self, span: Span) -> Outcome[Span]:
        """Put back a highlight `unlink` returned, under its old id; its claim must exist."""
        now = now_iso()
        with desk_errors(self.path), write_session(self._engine) as s:
            claim_repo.require_claim(session=s, claim_id=span.claim_id)
            claim_repo.require_free_ids(session=s, highlight_ids=[span.id])
            _restore_span(s, span, claim_id=span.claim_id, now=now)
            claim_repo.touch_claim(session=s, claim_id=span.claim_id, now=now)
            self._history(
                s,
                span.claim_id,
                now,
                [("highlight", None, _describe_span(span.doc, span.start, span.end))],
            )
            result = claim_repo.get_highlight(session=s, highlight_id=span.id)
        return Outcome(result, Changes(frozenset({span.doc}), frozenset({span.claim_id})))

    def restore_evidence(self, item: EvidenceInfo) -> Outcome[EvidenceInfo]:
        """Put back an evidence item `remove_evidence` returned, under its old id."""
        now = now_iso()
        with desk_errors(self.path), write_session(self._engine) as s:
            claim_repo.require_claim(session=s, claim_id=item.claim_id)
            claim_repo.require_free_ids(session=s, evidence_ids=[item.id])
            _restore_evidence(s, item, claim_id=item.claim_id, now=now)
            claim_repo.touch_claim(session=s, claim_id=item.claim_id, now=now)
            self._history(s, item.claim_id, now, [("evidence", None, item.source)])
            result = claim_repo.get_evidence(session=s, evidence_id=item.id)
        return Outcome(result, Changes(claims=frozenset({item.claim_id})))

    def delete_documents(self, doc_ids: Collection[int]) -> Outcome[tuple[DocumentText, ...]]:
        """Delete documents (the undo of an import) and return them as they were. Refuses, and
        deletes nothing, if a claim is highlighted in any of them."""
        ids = list(dict.fromkeys(doc_ids))
        with desk_errors(self.path), write_session(self._engine) as s:
            docs = tuple(doc_repo.get_documents(session=s, doc_ids=ids))
            busy = doc_repo.highlighted(session=s, doc_ids=ids)
            for doc in docs:
                if doc.info.id in busy:
                    raise InvalidInputError(
                        f"document {doc.info.id} (“{doc.info.title}”) has highlighted claims; "
                        "delete them first"
                    )
            doc_repo.delete_documents(session=s, doc_ids=ids)
        return Outcome(docs, Changes(documents=frozenset(ids)))

    def restore_documents(self, docs: Sequence[DocumentText]) -> Outcome[tuple[DocumentInfo, ...]]:
        """Put back documents `delete_documents` returned, exactly (ids, digests, noise).
        Refuses, and stores nothing, if an id or a text is already on the desk."""
        ids = [doc.info.id for doc in docs]
        with desk_errors(self.path), write_session(self._engine) as s:
            doc_repo.restore_documents(session=s, docs=docs)
            infos = tuple(doc_repo.list_documents(session=s, doc_ids=ids))
        return Outcome(infos, Changes(documents=frozenset(ids)))

    # --- fact sheets -------------------------------------------------------------------

    def export_csv(
        self,
        target: str | os.PathLike[str],
        *,
        statuses: Collection[str],
        doc_id: int | None = None,
        speaker: str | None = None,
        bom: bool = False,
        per_highlight: bool = False,
    ) -> int:
        """Write the claims matching the filters (as claims()) as a CSV fact sheet, atomically,
        and return how many it holds: the file factsheet.gather.export_from_desk writes, read
        with plain sqlite3 straight into the sheet's rows (50,000 claims have a budget of 1 s
        from process start, DESIGN §5)."""
        from factdesk.db.sheet import read_sheet_rows  # noqa: PLC0415
        from factdesk.factsheet.write import ExportError, check_target  # noqa: PLC0415
        from factdesk.services import csv_sheet  # noqa: PLC0415

        target = Path(target).expanduser()
        check_target(target)
        if target.exists() and target.resolve() == self.path.resolve():
            raise ExportError(target, "it is the desk file itself")
        for status in statuses:
            clean_status(status)
        with plain_errors(self.path):
            conn = self._plain()
            with transaction(conn, write=False):  # one consistent picture of the desk
                rows = read_sheet_rows(conn, statuses=statuses, doc_id=doc_id, speaker=speaker)
        csv_sheet.write(rows, target, bom=bom, per_highlight=per_highlight)
        return len(rows.claims)

    # --- the file ------------------------------------------------------------------------

    def save_copy(self, target: str | os.PathLike[str]) -> Path:
        """Copy the whole desk to `target` with SQLite's backup API (consistent mid-write)."""
        target = Path(target).expanduser()
        if target.resolve() == self.path.resolve():
            raise InvalidInputError(f"{target}: a copy cannot replace the desk it copies")
        if target.is_dir():
            raise InvalidInputError(f"{target}: is a folder; give the copy a file name")
        with plain_errors(self.path):
            copy_desk(self.path, target)
        return target

    # --- speakers ------------------------------------------------------------------------

    def add_alias(self, speaker: str, alias: str) -> Outcome[SpeakerInfo]:
        """Teach the desk another name for a speaker ("Sir Keir" for Keir Starmer)."""
        with desk_errors(self.path), write_session(self._engine) as s:
            speaker_id, _ = speaker_repo.resolve_speaker(session=s, name=speaker)
            if not speaker_repo.add_alias(session=s, speaker_id=speaker_id, alias=alias):
                raise InvalidInputError(f"“{alias.strip()}” already names a speaker")
            info = next(sp for sp in speaker_repo.list_speakers(session=s) if sp.id == speaker_id)
        return Outcome(info, Changes(speakers=frozenset({speaker_id})))

    # --- suggestions, corroboration, speakers -------------------------------------------

    def dismissed_suggestions(self, doc_id: int) -> frozenset[tuple[str, int, int]]:
        """(kind, start, end) of the suggestions dismissed in a document."""
        with desk_errors(self.path), read_session(self._engine) as s:
            return dismissal_repo.dismissed(session=s, doc_id=doc_id)

    def dismiss_suggestion(self, doc_id: int, kind: str, start: int, end: int) -> Outcome[bool]:
        """Never offer this suggestion again (in any window or command)."""
        with desk_errors(self.path), write_session(self._engine) as s:
            doc_repo.get_text(session=s, doc_id=doc_id)  # a missing document says so
            done = dismissal_repo.dismiss(
                session=s, doc_id=doc_id, kind=kind, start=start, end=end,
                editor=self.editor, now=now_iso(),
            )  # fmt: skip
        return Outcome(done, Changes(documents=frozenset({doc_id})))

    def undismiss_suggestion(self, doc_id: int, kind: str, start: int, end: int) -> Outcome[bool]:
        with desk_errors(self.path), write_session(self._engine) as s:
            done = dismissal_repo.undismiss(
                session=s, doc_id=doc_id, kind=kind, start=start, end=end
            )
        return Outcome(done, Changes(documents=frozenset({doc_id})))

    def candidate_documents(
        self, statement: str, *, exclude: Collection[int] = (), limit: int = 40
    ) -> list[int]:
        """Documents sharing the most of the statement's distinctive words, best first."""
        with desk_errors(self.path), read_session(self._engine) as s:
            return candidates_repo.documents_sharing(
                session=s,
                words=candidates_repo.distinctive_words(statement),
                exclude=exclude,
                limit=limit,
            )

    def remove_alias(self, alias: str) -> Outcome[SpeakerInfo]:
        """Forget one of a speaker's other names."""
        with desk_errors(self.path), write_session(self._engine) as s:
            speaker_id = speaker_repo.remove_alias(session=s, alias=alias)
            info = next(sp for sp in speaker_repo.list_speakers(session=s) if sp.id == speaker_id)
        return Outcome(info, Changes(speakers=frozenset({speaker_id})))

    def merge_speakers(self, source: str, target: str) -> Outcome[SpeakerInfo]:
        """`source` is the same person as `target`: its claims move to `target` (each change
        in the claim's history), its aliases follow and its name becomes one more."""
        now = now_iso()
        with desk_errors(self.path), write_session(self._engine) as s:
            ids = []
            for name in (source, target):
                found = speaker_repo.find_speaker(session=s, name=name)
                if found is None:
                    raise NotFoundError(f"no speaker is called “{' '.join(name.split())}”")
                ids.append(found)
            source_id, target_id = ids
            old = speaker_repo.name_of(session=s, speaker_id=source_id)
            new = speaker_repo.name_of(session=s, speaker_id=target_id)
            moved = speaker_repo.merge_speakers(session=s, source_id=source_id, target_id=target_id)
            for claim_id in moved:
                claim_repo.touch_claim(session=s, claim_id=claim_id, now=now)
                self._history(s, claim_id, now, [("speaker", old, new)])
            info = next(sp for sp in speaker_repo.list_speakers(session=s) if sp.id == target_id)
        return Outcome(info, Changes(claims=frozenset(moved), speakers=frozenset(ids)))

    # --- helpers -------------------------------------------------------------------------

    def _history(
        self, session: Session, claim_id: int, now: str, changes: list[tuple[str, object, object]]
    ) -> None:
        """Append what changed on a claim to its history, as this desk's editor."""
        history_repo.append(
            session=session, claim_id=claim_id, editor=self.editor, at=now, changes=changes
        )

    @staticmethod
    def _selector(
        text: str, doc_id: int, span: tuple[int, int] | None, quote: str | None
    ) -> Selector:
        if (span is None) == (quote is None):
            raise InvalidInputError("give either a span (START:END) or a quote, not both")
        if quote is not None:
            span = locate_quote(text, quote, where=f"document {doc_id}")
        return make_selector(text, *span)

    @staticmethod
    def _speaker(session: Session, name: str | None) -> tuple[int | None, bool]:
        if name is None or not name.strip():
            return None, False
        return speaker_repo.resolve_speaker(session=session, name=name)

    def _diff(
        self, session: Session, current: ClaimInfo, update: ClaimUpdate
    ) -> tuple[dict[str, object], list[tuple[str, object, object]], int | None]:
        """The column values and History rows an update makes (unchanged fields skipped)."""
        values: dict[str, object] = {}
        diffs: list[tuple[str, object, object]] = []
        new_speaker_id = None

        def change(column: str, field: str, old: object, new: object) -> None:
            if new != old:
                values[column] = new
                diffs.append((field, old or None, new or None))  # "" is shown as "none"

        if not isinstance(update.text, Unset):
            change("text", "text", current.text, clean_text(update.text))
        if not isinstance(update.speaker, Unset):
            speaker_id, created = self._speaker(session, update.speaker)
            if speaker_id != current.speaker_id:
                values["speaker_id"] = speaker_id
                name = speaker_repo.name_of(session=session, speaker_id=speaker_id)
                diffs.append(("speaker", current.speaker, name))
                new_speaker_id = speaker_id if created else None
        if not isinstance(update.date, Unset):
            change("said_on", "date", current.date, clean_date(update.date))
        if not isinstance(update.status, Unset):
            change("status", "status", current.status, clean_status(update.status))
        if not isinstance(update.note, Unset):
            change("note", "note", current.note, update.note.strip())
        return values, diffs, new_speaker_id


def _describe_span(doc_id: int, start: int, end: int) -> str:
    return f"document {doc_id} {start}:{end}"


def _restore_span(session: Session, span: Span, *, claim_id: int, now: str) -> None:
    doc_repo.get_text(session=session, doc_id=span.doc)  # NotFoundError if it is gone
    selector = Selector(span.start, span.end, span.quote, span.prefix, span.suffix)
    claim_repo.insert_highlight(
        session=session,
        claim_id=claim_id,
        doc_id=span.doc,
        selector=selector,
        now=now,
        highlight_id=span.id,
        anchor=span.anchor,
    )


def _restore_evidence(session: Session, item: EvidenceInfo, *, claim_id: int, now: str) -> None:
    claim_repo.insert_evidence(
        session=session,
        claim_id=claim_id,
        source=item.source,
        note=item.note,
        now=now,
        evidence_id=item.id,
    )
