"""The import stores one batch on a thread while it reads the next: batches still go in whole,
in order, duplicates across batches are recognised, and a failure stops the import cleanly."""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing
from pathlib import Path

import pytest

from factdesk.db.connection import connect
from factdesk.db.deskfile import prepare_desk
from factdesk.services.importing import import_files


def _articles(folder: Path, count: int) -> list[Path]:
    paths = []
    for i in range(count):
        path = folder / f"a{i:02}.txt"
        path.write_text(f"Article {i}\n(Image: PA)\nBody {i} says ‘we will’.\n", encoding="utf-8")
        paths.append(path)
    return paths


def _rows(desk: Path, sql: str) -> list[tuple]:
    with closing(sqlite3.connect(desk)) as conn:
        return conn.execute(sql).fetchall()


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    path = tmp_path / "desk.factdesk"
    prepare_desk(path)
    return path


def test_batches_are_stored_in_order_and_recognise_earlier_ones(desk: Path, tmp_path: Path) -> None:
    paths = _articles(tmp_path, 9)
    again = tmp_path / "again.txt"  # the same text as a00, four batches later
    again.write_bytes(paths[0].read_bytes())
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    writers: set[str] = set()
    wanted = [*paths[:5], empty, *paths[5:], again]
    with closing(connect(desk)) as conn:
        conn.set_trace_callback(lambda _sql: writers.add(threading.current_thread().name))
        report = import_files(conn, wanted, now="now", batch_size=2)
    assert [d.title for d in report.imported] == [f"Article {i}" for i in range(9)]
    assert [d.id for d in report.imported] == list(range(1, 10))
    assert [(d.path, d.existing_id) for d in report.duplicates] == [(str(again), 1)]
    assert [r.path for r in report.rejected] == [str(empty)]
    assert _rows(desk, "SELECT id, source FROM document ORDER BY id") == [
        (i + 1, str(p)) for i, p in enumerate(paths)
    ]
    assert _rows(desk, "SELECT count(*) FROM noise_range") == [(9,)]
    assert _rows(desk, "SELECT rowid FROM document_fts WHERE document_fts MATCH 'body'") == [
        (i,) for i in range(1, 10)
    ]
    assert writers == {"factdesk-import-store"}  # stored off the reading thread


def test_a_failing_batch_stops_the_import_and_leaves_whole_batches(
    desk: Path, tmp_path: Path
) -> None:
    paths = _articles(tmp_path, 7)
    with closing(sqlite3.connect(desk)) as conn:  # the third article cannot be stored
        conn.execute(
            "CREATE TRIGGER refuse BEFORE INSERT ON document WHEN new.title = 'Article 2' "
            "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"
        )
    read: list[int] = []
    with closing(connect(desk)) as conn, pytest.raises(sqlite3.IntegrityError, match="refused"):
        import_files(
            conn, paths, now="now", batch_size=2, progress=lambda n, _t, _p: read.append(n)
        )
    # batch 1 (articles 0, 1) is stored; batch 2 (2, 3) failed whole; nothing after it went in
    assert _rows(desk, "SELECT title FROM document ORDER BY id") == [("Article 0",), ("Article 1",)]
    assert _rows(desk, "SELECT count(*) FROM document_fts") == [(2,)]
    assert _rows(desk, "SELECT count(*) FROM noise_range") == [(2,)]
    assert max(read) < 7  # the failure was raised at the next batch, not after reading all


def test_an_error_while_reading_keeps_the_batch_in_flight_whole(desk: Path, tmp_path: Path) -> None:
    paths = _articles(tmp_path, 6)

    def progress(done: int, _total: int, _path: str) -> None:
        if done == 3:  # batch 1 (articles 0, 1) has just been handed to the writer
            raise KeyboardInterrupt

    with closing(connect(desk)) as conn, pytest.raises(KeyboardInterrupt):
        import_files(conn, paths, now="now", batch_size=2, progress=progress)
    assert _rows(desk, "SELECT title FROM document ORDER BY id") == [("Article 0",), ("Article 1",)]
    assert _rows(desk, "SELECT count(*) FROM noise_range") == [(2,)]
    with closing(connect(desk)) as conn:  # and the desk takes the rest afterwards
        report = import_files(conn, paths, now="now", batch_size=2)
    assert len(report.imported) == 4 and len(report.duplicates) == 2


def test_a_failing_last_batch_is_reported_also_to_a_caller_inside_an_except(
    desk: Path, tmp_path: Path
) -> None:
    """An import run from an error handler (a retry, a fallback) still hears of a failure."""
    paths = _articles(tmp_path, 3)
    with closing(sqlite3.connect(desk)) as conn:
        conn.execute(
            "CREATE TRIGGER refuse BEFORE INSERT ON document WHEN new.title = 'Article 2' "
            "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"
        )
    with closing(connect(desk)) as conn:
        try:
            raise LookupError("the caller's own, already handled")
        except LookupError:
            with pytest.raises(sqlite3.IntegrityError, match="refused"):
                import_files(conn, paths, now="now", batch_size=2)
    assert _rows(desk, "SELECT title FROM document ORDER BY id") == [("Article 0",), ("Article 1",)]
