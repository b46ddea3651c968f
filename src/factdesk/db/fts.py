"""Full-text index (FTS5) over documents and claims, kept in sync by triggers.

Any migration that rebuilds `document` or `claim` in batch mode drops these triggers silently
(stack-check §5): such a migration must call `create_triggers` again afterwards.
"""

from __future__ import annotations

from collections.abc import Callable

# name -> (content table, indexed columns)
INDEXES: dict[str, tuple[str, tuple[str, ...]]] = {
    "document_fts": ("document", ("title", "text")),
    "claim_fts": ("claim", ("text", "note")),
}

TOKENIZER = "unicode61 remove_diacritics 2"


def _table_ddl(name: str, table: str, cols: tuple[str, ...]) -> str:
    return (
        f"CREATE VIRTUAL TABLE {name} USING fts5({', '.join(cols)}, "
        f"content='{table}', content_rowid='id', tokenize='{TOKENIZER}')"
    )


def _trigger_ddl(name: str, table: str, cols: tuple[str, ...]) -> list[str]:
    listed = ", ".join(cols)
    new = ", ".join(f"new.{c}" for c in cols)
    old = ", ".join(f"old.{c}" for c in cols)
    insert = f"INSERT INTO {name}(rowid, {listed}) VALUES (new.id, {new});"
    delete = f"INSERT INTO {name}({name}, rowid, {listed}) VALUES ('delete', old.id, {old});"
    return [
        f"CREATE TRIGGER {name}_ai AFTER INSERT ON {table} BEGIN {insert} END",
        f"CREATE TRIGGER {name}_ad AFTER DELETE ON {table} BEGIN {delete} END",
        f"CREATE TRIGGER {name}_au AFTER UPDATE OF {listed} ON {table} BEGIN {delete} {insert} END",
    ]


def create_index(execute: Callable[[str], object]) -> None:
    """Create both FTS tables and their triggers, and index the rows already present."""
    for name, (table, cols) in INDEXES.items():
        execute(_table_ddl(name, table, cols))
        execute(f"INSERT INTO {name}({name}) VALUES ('rebuild')")
    create_triggers(execute)


def create_triggers(execute: Callable[[str], object]) -> None:
    for name, (table, cols) in INDEXES.items():
        for name_suffix in ("ai", "ad", "au"):
            execute(f"DROP TRIGGER IF EXISTS {name}_{name_suffix}")
        for ddl in _trigger_ddl(name, table, cols):
            execute(ddl)


def drop_index(execute: Callable[[str], object]) -> None:
    for name in INDEXES:
        for name_suffix in ("ai", "ad", "au"):
            execute(f"DROP TRIGGER IF EXISTS {name}_{name_suffix}")
        execute(f"DROP TABLE IF EXISTS {name}")
