"""Importing into a desk: whole documents, duplicates skipped, bad files reported, not stored."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from factdesk.core.errors import KnownError
from factdesk.services import Desk


def _count(desk: Desk, table: str) -> int:
    conn = sqlite3.connect(desk.path)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def test_import_stores_text_metadata_and_noise(desk: Desk, articles: list[Path]) -> None:
    report = desk.import_files(articles)
    assert [d.title for d in report.imported] == [
        "Prime Minister pledges support for Ukraine at Paris summit",
        "Starmer to visit Washington next week",
    ]
    assert report.changes.documents == {d.id for d in report.imported}
    doc = desk.document(report.imported[0].id)
    assert doc.text == articles[0].read_text(encoding="utf-8")
    kinds = {n.kind for n in doc.noise}
    assert {"credit", "repeat", "footer"} <= kinds
    for n in doc.noise:
        assert doc.text[n.start : n.end].strip()
    assert doc.info.words > 30
    assert doc.info.format == "txt"


def test_same_content_twice_is_reported_and_skipped(desk: Desk, articles: list[Path]) -> None:
    desk.import_files(articles)
    copy = articles[0].with_name("copy-of-paris.txt")
    copy.write_bytes(articles[0].read_bytes())
    again = desk.import_files([*articles, copy])
    assert again.imported == ()
    assert [(d.path, d.existing_id) for d in again.duplicates] == [
        (str(articles[0]), 1),
        (str(articles[1]), 2),
        (str(copy), 1),
    ]
    assert len(desk.documents()) == 2


def test_duplicates_within_one_call_are_stored_once(desk: Desk, articles: list[Path]) -> None:
    copy = articles[0].with_name("copy.txt")
    copy.write_bytes(articles[0].read_bytes())
    report = desk.import_files([articles[0], copy])
    assert len(report.imported) == 1
    assert [(d.path, d.existing_id) for d in report.duplicates] == [(str(copy), 1)]


def test_bad_files_are_rejected_and_the_rest_imported(
    desk: Desk, articles: list[Path], tmp_path: Path
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    missing = tmp_path / "missing.txt"
    report = desk.import_files([empty, articles[0], binary, broken, missing, tmp_path])
    assert [d.title for d in report.imported] == [
        "Prime Minister pledges support for Ukraine at Paris summit"
    ]
    assert [r.path for r in report.rejected] == [
        str(empty),
        str(binary),
        str(broken),
        str(missing),
        str(tmp_path),
    ]
    for rejected in report.rejected:
        assert rejected.reason and "\n" not in rejected.reason
        assert "Traceback" not in rejected.reason
    assert _count(desk, "document") == 1


def test_batches_leave_every_document_whole(desk: Desk, tmp_path: Path) -> None:
    paths = []
    for i in range(250):  # several batches of 100
        path = tmp_path / f"a{i}.txt"
        path.write_text(f"Article {i}\n(\n(Image: Agency {i}))\nBody {i} says ‘x’.\n")
        paths.append(path)
    seen: list[int] = []
    report = desk.import_files(paths, progress=lambda done, total, _p: seen.append(done))
    assert len(report.imported) == 250
    assert seen == list(range(1, 251))
    assert _count(desk, "document") == 250
    # each document's two-line credit ("(" then "(Image: …))") is stored with it
    assert _count(desk, "noise_range") == 500
    assert _count(desk, "(SELECT DISTINCT document_id FROM noise_range)") == 250
    assert _count(desk, "document_fts") == 250


def test_cancel_stops_between_files_and_keeps_what_was_stored(desk: Desk, tmp_path: Path) -> None:
    paths = []
    for i in range(30):
        path = tmp_path / f"b{i}.txt"
        path.write_text(f"Article number {i}\n")
        paths.append(path)
    done: list[int] = []
    report = desk.import_files(
        paths, progress=lambda n, _t, _p: done.append(n), cancelled=lambda: len(done) >= 10
    )
    assert report.cancelled
    assert len(report.imported) == 10
    assert len(desk.documents()) == 10


def test_pasted_text_becomes_a_document_once(desk: Desk) -> None:
    outcome = desk.import_text("Breaking: minister says “no deal”\nMore text.", title=None)
    assert outcome.value.title.startswith("Breaking")
    assert outcome.value.format == "paste"
    with pytest.raises(KnownError, match="already on the desk as document 1"):
        desk.import_text("Breaking: minister says “no deal”\r\nMore text.", title="again")
