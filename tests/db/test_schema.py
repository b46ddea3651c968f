"""A new desk is made from factdesk.db.schema, not by Alembic: it must be the very desk the
migrations make (every table, index and trigger, every row, the pragmas that stick)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from factdesk.db import schema
from factdesk.db.deskfile import HEAD, migrate_to, open_desk, prepare_desk, read_revision


def _statements(path: Path) -> list[str]:
    """What schema.STATEMENTS must be for the desk at `path` (FTS shadow tables and SQLite's
    own rows are made by the statements that need them)."""
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL"
            " AND name != 'sqlite_sequence' ORDER BY rowid"
        ).fetchall()
    finally:
        conn.close()
    virtual = [name for _type, name, sql in rows if sql.startswith("CREATE VIRTUAL TABLE")]
    return [
        sql
        for kind, name, sql in rows
        if not (kind == "table" and any(name.startswith(f"{v}_") for v in virtual))
    ]


def _literal(sql: str, width: int = 84) -> str:
    """One statement as source for schema.STATEMENTS: its lines as implicitly joined pieces."""
    pieces: list[str] = []
    for line in sql.splitlines(keepends=True):
        rest = line
        while len(rest) > width and " " in rest[:width]:
            cut = rest.rfind(" ", 0, width) + 1
            pieces.append(rest[:cut])
            rest = rest[cut:]
        pieces.append(rest)
    body = "\n".join(f"        {piece!r}" for piece in pieces)
    return f"    (\n{body}\n    )," if len(pieces) > 1 else f"    {pieces[0]!r},"


def _everything(path: Path) -> dict[str, object]:
    """The whole database as data: its schema, every table's rows, the pragmas that persist."""
    conn = sqlite3.connect(path)
    try:
        master = conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
        ).fetchall()
        tables = [
            name
            for kind, name, _tbl, sql in master
            if kind == "table" and not (sql or "").startswith("CREATE VIRTUAL TABLE")
        ]
        found: dict[str, object] = {"sqlite_master": master}
        for table in tables:
            found[table] = sorted(conn.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)
        for pragma in ("journal_mode", "user_version", "application_id", "page_size"):
            found[pragma] = conn.execute(f"PRAGMA {pragma}").fetchone()
    finally:
        conn.close()
    return found


def test_the_schema_sql_is_what_the_migrations_make(tmp_path: Path) -> None:
    migrated = tmp_path / "migrated.factdesk"
    migrate_to(migrated, "head")
    fresh = list(_statements(migrated))
    message = (
        f"factdesk.db.schema is out of date: set REVISION = {read_revision(migrated)!r} and "
        "STATEMENTS to these (then run ruff format):\n" + "\n".join(map(_literal, fresh))
    )
    assert schema.REVISION == HEAD == read_revision(migrated), message
    assert list(schema.STATEMENTS) == fresh, message


def test_a_new_desk_is_identical_to_a_migrated_one(tmp_path: Path) -> None:
    migrated, made = tmp_path / "migrated.factdesk", tmp_path / "made.factdesk"
    migrate_to(migrated, "head")
    prepare_desk(made)
    assert _everything(made) == _everything(migrated)
    assert read_revision(made) == HEAD
    assert not list(tmp_path.glob("*.creating-*")), "the half-made file was left behind"


def test_a_new_desk_is_made_without_loading_alembic(tmp_path: Path) -> None:
    import subprocess
    import sys

    script = (
        "import sys; from pathlib import Path; from factdesk.db.deskfile import prepare_desk; "
        f"prepare_desk(Path({str(tmp_path / 'new.factdesk')!r})); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('alembic', 'sqlalchemy')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"


def test_a_desk_made_from_the_sql_opens_and_works(tmp_path: Path) -> None:
    path = tmp_path / "desk.factdesk"
    engine = open_desk(path)
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            conn.exec_driver_sql(
                "INSERT INTO document (title, source, imported_at, format, text, sha256, words)"
                " VALUES ('t', 's', 'now', 'txt', 'Lighthouse keepers', 'x', 2)"
            )
            hits = conn.exec_driver_sql(
                "SELECT rowid FROM document_fts WHERE document_fts MATCH 'lighthouse'"
            ).all()
            assert len(hits) == 1  # the full-text triggers are there
    finally:
        engine.dispose()
