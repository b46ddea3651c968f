"""Alembic environment: runs on the connection factdesk hands it, never on an ini file's URL."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

import factdesk.db.models  # noqa: F401  (registers the tables on SQLModel.metadata)

target_metadata = SQLModel.metadata


def include_name(name: str | None, type_: str, _parents: object) -> bool:
    # The FTS5 virtual table and its shadow tables are created by hand in revision 0002;
    # without this filter autogenerate proposes dropping them.
    return not (type_ == "table" and name is not None and "_fts" in name)


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("factdesk migrations run only on a connection given by factdesk.db")
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things; batch mode rebuilds tables
        include_name=include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
