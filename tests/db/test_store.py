"""Storing imported documents with plain sqlite3: one statement per batch, ids matched to the
right documents, noise ranges with them, and their word counts."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from factdesk.core.noise import NoiseRange
from factdesk.core.records import SourceDocument
from factdesk.core.text import text_sha256, word_count
from factdesk.db import store
from factdesk.db.connection import connect, transaction
from factdesk.db.deskfile import prepare_desk


def _source(n: int, text: str, noise: tuple[NoiseRange, ...] = ()) -> SourceDocument:
    return SourceDocument(
        path=f"/articles/{n}.txt",
        format="txt",
        title=f"Article {n}",
        text=text,
        outlet="Example News" if n % 2 else None,
        published="2025-02-17" if n % 3 else None,
        url=f"https://example.org/{n}" if n % 5 else None,
        noise=noise,
    )


def test_a_batch_goes_in_whole_with_its_ids_and_noise(tmp_path: Path) -> None:
    desk = tmp_path / "desk.factdesk"
    prepare_desk(desk)
    sources = [
        _source(n, f"Headline {n}\n(Image: PA)\nBody {n} about defence, it’s said.", ())
        for n in range(7)
    ]
    sources[3] = _source(3, "Only\n(Image: PA)", (NoiseRange(5, 16, "credit"),))
    digests = [text_sha256(s.text) for s in sources]
    with closing(connect(desk)) as conn:
        with transaction(conn, write=True):
            words = [word_count(s.text) for s in sources]
            stored = store.insert_documents(conn, sources, digests, words, imported_at="now")
        assert [d.title for d in stored] == [s.title for s in sources]
        assert [d.id for d in stored] == list(range(1, 8))
        rows = conn.execute(
            "SELECT id, title, source, url, outlet, published, format, text, sha256, words"
            " FROM document ORDER BY id"
        ).fetchall()
        noise = conn.execute('SELECT document_id, start, "end", kind FROM noise_range').fetchall()
        with transaction(conn, write=False):
            assert store.known_digests(conn, [digests[2], "nope"]) == {digests[2]: (3, "Article 2")}
    for info, source, row in zip(stored, sources, rows, strict=True):
        assert row == (
            info.id,
            source.title,
            source.path,
            source.url,
            source.outlet,
            source.published,
            "txt",
            source.text,
            text_sha256(source.text),
            word_count(source.text),
        )
        assert info.words == word_count(source.text)
    assert noise == [(4, 5, 16, "credit")]


def test_a_failing_batch_stores_nothing(tmp_path: Path) -> None:
    desk = tmp_path / "desk.factdesk"
    prepare_desk(desk)
    sources = [_source(1, "One"), _source(2, "Two", (NoiseRange(3, 1, "credit"),))]  # bad range
    with closing(connect(desk)) as conn:
        with pytest.raises(sqlite3.IntegrityError), transaction(conn, write=True):
            store.insert_documents(
                conn, sources, [text_sha256(s.text) for s in sources], [1, 1], imported_at="now"
            )
        assert conn.execute("SELECT count(*) FROM document").fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM document_fts").fetchone() == (0,)
