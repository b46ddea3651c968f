"""Importing articles into a desk: read each file, skip duplicates, store in batches.

Each batch is one transaction holding whole documents (text + noise ranges), so a crash or a
kill leaves every document wholly present or absent; re-running the import completes the desk
because content already stored is recognised by its sha256 and skipped. Storing uses the
desk's plain sqlite3 connection (factdesk.db.store): `factdesk import` never waits for
SQLAlchemy to load.

A batch is stored on a thread of its own while the next one is read: SQLite builds the
full-text index without holding the GIL, so on two cores indexing and reading overlap. One
batch at most is in flight, and batches are stored in order.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from factdesk.core.errors import KnownError, SourceError
from factdesk.core.records import (
    Changes,
    DocumentInfo,
    Duplicate,
    ImportReport,
    Outcome,
    Rejected,
    SourceDocument,
)
from factdesk.core.text import text_sha256, word_count
from factdesk.db import store
from factdesk.db.connection import transaction
from factdesk.sources import document_from_text, read_source

log = logging.getLogger(__name__)

BATCH_SIZE = 100


@dataclass
class _Tally:
    imported: list[DocumentInfo] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)


def import_files(
    conn: sqlite3.Connection,
    paths: Iterable[str | os.PathLike[str]],
    *,
    now: str,
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    batch_size: int = BATCH_SIZE,
) -> ImportReport:
    paths = [os.fspath(p) for p in paths]
    tally = _Tally()
    writer = _BatchWriter(conn, now, tally)
    pending: list[SourceDocument] = []
    was_cancelled = False
    try:
        for done, path in enumerate(paths, start=1):
            if cancelled is not None and cancelled():
                was_cancelled = True
                break
            source = _read(path, tally)
            if source is not None:
                pending.append(source)
            if len(pending) >= batch_size:
                writer.submit(pending)
                pending = []
            if progress is not None:
                progress(done, len(paths), path)
        writer.submit(pending)
        writer.finish()
    finally:
        writer.join()  # on an error the batch in flight still ends whole
    docs = frozenset(d.id for d in tally.imported)
    return ImportReport(
        imported=tuple(tally.imported),
        duplicates=tuple(tally.duplicates),
        rejected=tuple(tally.rejected),
        cancelled=was_cancelled,
        changes=Changes(documents=docs),
    )


def import_text(
    conn: sqlite3.Connection, text: str, *, title: str | None, now: str
) -> Outcome[DocumentInfo]:
    """Store pasted text as one document; refuse it if the desk already holds the same text."""
    source = document_from_text(text, title=title)
    tally = _Tally()
    _store(conn, _Batch.of([source]), now, tally)
    if tally.duplicates:
        dup = tally.duplicates[0]
        raise KnownError(
            f"the pasted text is already on the desk as document {dup.existing_id} "
            f"(“{dup.existing_title}”)"
        )
    info = tally.imported[0]
    return Outcome(info, Changes(documents=frozenset({info.id})))


class _BatchWriter:
    """Stores each batch (see _store) on a thread while the caller reads the next; an error
    in storing is raised in the caller at its next submit() or at finish()."""

    def __init__(self, conn: sqlite3.Connection, now: str, tally: _Tally) -> None:
        self._conn = conn
        self._now = now
        self._tally = tally
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None

    def submit(self, sources: list[SourceDocument]) -> None:
        """Store `sources` once the batch before them is stored."""
        if not sources:
            self._wait()
            return
        batch = _Batch.of(sources)  # Python work, done here while the last batch is indexed
        self._wait()
        self._thread = threading.Thread(
            target=self._store, args=(batch,), name="factdesk-import-store", daemon=True
        )
        self._thread.start()

    def finish(self) -> None:
        """Wait for the last batch and raise its error, if any."""
        self._wait()

    def join(self) -> None:
        """Wait for the batch in flight, whatever happened to it (the caller is failing)."""
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def _store(self, batch: _Batch) -> None:
        try:
            _store(self._conn, batch, self._now, self._tally)
        except BaseException as exc:  # noqa: BLE001  (raised again in the caller's thread)
            self._error = exc

    def _wait(self) -> None:
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        error, self._error = self._error, None
        if error is not None:
            raise error


def _read(path: str, tally: _Tally) -> SourceDocument | None:
    try:
        return read_source(path)
    except SourceError as exc:
        tally.rejected.append(Rejected(exc.path, exc.reason))
    except Exception:  # a bug in an importer must not cost the user the other files
        log.exception("importer failed on %s", path)
        tally.rejected.append(
            Rejected(path, "could not be read because of a bug in factdesk (see the log)")
        )
    return None


@dataclass(frozen=True)
class _Batch:
    """Documents to store with what storing them needs computed: each text's sha256 and words."""

    sources: Sequence[SourceDocument]
    digests: list[str]
    words: list[int]

    @classmethod
    def of(cls, sources: Sequence[SourceDocument]) -> _Batch:
        return cls(
            sources,
            [text_sha256(s.text) for s in sources],
            [word_count(s.text) for s in sources],
        )


def _store(conn: sqlite3.Connection, batch: _Batch, now: str, tally: _Tally) -> None:
    if not batch.sources:
        return
    with transaction(conn, write=True):
        known = store.known_digests(conn, batch.digests)
        fresh: list[SourceDocument] = []
        fresh_digests: list[str] = []
        fresh_words: list[int] = []
        first_in_batch: dict[str, int] = {}
        later_in_batch: list[tuple[SourceDocument, int]] = []
        for source, digest, words in zip(batch.sources, batch.digests, batch.words, strict=True):
            if digest in known:
                doc_id, title = known[digest]
                tally.duplicates.append(Duplicate(source.path, doc_id, title))
            elif digest in first_in_batch:
                later_in_batch.append((source, first_in_batch[digest]))
            else:
                first_in_batch[digest] = len(fresh)
                fresh.append(source)
                fresh_digests.append(digest)
                fresh_words.append(words)
        stored = store.insert_documents(conn, fresh, fresh_digests, fresh_words, imported_at=now)
    tally.imported.extend(stored)
    for source, index in later_in_batch:
        tally.duplicates.append(Duplicate(source.path, stored[index].id, stored[index].title))
