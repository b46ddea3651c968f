"""The newest schema as SQL, so a new desk is made in milliseconds instead of by Alembic.

Running the revisions through Alembic takes about a second (most of it importing Alembic
and SQLAlchemy); `factdesk import` into a new desk has a budget of three times a bare sqlite3
script (DESIGN §5). These are the statements the revisions leave in `sqlite_master`, verbatim
and in order. tests/db/test_schema.py checks that a desk made from them is identical to one
made by the migrations (every table, index, trigger and row), and prints the statements afresh
when a new revision changes the schema. A desk whose newest revision is not `REVISION` is made
by Alembic (factdesk.db.deskfile), so a stale copy here costs time, never correctness.
"""

from __future__ import annotations

import sqlite3

REVISION = "0004"

STATEMENTS: tuple[str, ...] = (
    (
        "CREATE TABLE alembic_version (\n"
        "\tversion_num VARCHAR(32) NOT NULL, \n"
        "\tCONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\n"
        ")"
    ),
    (
        "CREATE TABLE document (\n"
        "\tid INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, \n"
        "\ttitle VARCHAR NOT NULL, \n"
        "\tsource VARCHAR NOT NULL, \n"
        "\turl VARCHAR, \n"
        "\toutlet VARCHAR, \n"
        "\tpublished VARCHAR, \n"
        "\timported_at VARCHAR NOT NULL, \n"
        "\tformat VARCHAR NOT NULL, \n"
        "\ttext VARCHAR NOT NULL, \n"
        "\tsha256 VARCHAR(64) NOT NULL, \n"
        "\twords INTEGER NOT NULL, \n"
        "\tUNIQUE (sha256)\n"
        ")"
    ),
    (
        "CREATE TABLE history (\n"
        "\tid INTEGER NOT NULL, \n"
        "\tclaim_id INTEGER NOT NULL, \n"
        "\tfield VARCHAR NOT NULL, \n"
        "\told VARCHAR, \n"
        "\tnew VARCHAR, \n"
        "\teditor VARCHAR NOT NULL, \n"
        "\tat VARCHAR NOT NULL, \n"
        "\tPRIMARY KEY (id)\n"
        ")"
    ),
    "CREATE INDEX ix_history_claim_id ON history (claim_id)",
    (
        "CREATE TABLE speaker (\n"
        "\tid INTEGER NOT NULL, \n"
        '\tname VARCHAR COLLATE "NOCASE" NOT NULL, \n'
        "\tPRIMARY KEY (id), \n"
        "\tUNIQUE (name)\n"
        ")"
    ),
    (
        "CREATE TABLE claim (\n"
        "\tid INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, \n"
        "\ttext VARCHAR NOT NULL, \n"
        "\tspeaker_id INTEGER, \n"
        "\tsaid_on VARCHAR, \n"
        "\tstatus VARCHAR NOT NULL, \n"
        "\tnote VARCHAR NOT NULL, \n"
        "\tcreated_at VARCHAR NOT NULL, \n"
        "\tupdated_at VARCHAR NOT NULL, \n"
        "\tversion INTEGER NOT NULL, \n"
        "\tCONSTRAINT claim_status CHECK (status IN ('unchecked', 'in_progress', 'verified', "
        "'false', 'misleading', 'unverifiable')), \n"
        "\tFOREIGN KEY(speaker_id) REFERENCES speaker (id) ON DELETE SET NULL\n"
        ")"
    ),
    "CREATE INDEX ix_claim_speaker_id ON claim (speaker_id)",
    "CREATE INDEX ix_claim_status ON claim (status)",
    (
        "CREATE TABLE noise_range (\n"
        "\tid INTEGER NOT NULL, \n"
        "\tdocument_id INTEGER NOT NULL, \n"
        "\tstart INTEGER NOT NULL, \n"
        '\t"end" INTEGER NOT NULL, \n'
        "\tkind VARCHAR NOT NULL, \n"
        "\tPRIMARY KEY (id), \n"
        "\tCONSTRAINT noise_kind CHECK (kind IN ('credit', 'footer', 'repeat')), \n"
        '\tCONSTRAINT noise_span CHECK (start >= 0 AND "end" > start), \n'
        "\tFOREIGN KEY(document_id) REFERENCES document (id) ON DELETE CASCADE\n"
        ")"
    ),
    "CREATE INDEX ix_noise_range_document_id ON noise_range (document_id)",
    (
        "CREATE TABLE speaker_alias (\n"
        "\tid INTEGER NOT NULL, \n"
        "\tspeaker_id INTEGER NOT NULL, \n"
        '\talias VARCHAR COLLATE "NOCASE" NOT NULL, \n'
        "\tPRIMARY KEY (id), \n"
        "\tFOREIGN KEY(speaker_id) REFERENCES speaker (id) ON DELETE CASCADE, \n"
        "\tUNIQUE (alias)\n"
        ")"
    ),
    "CREATE INDEX ix_speaker_alias_speaker_id ON speaker_alias (speaker_id)",
    (
        "CREATE TABLE evidence (\n"
        "\tid INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, \n"
        "\tclaim_id INTEGER NOT NULL, \n"
        "\tsource VARCHAR NOT NULL, \n"
        "\tnote VARCHAR NOT NULL, \n"
        "\tcreated_at VARCHAR NOT NULL, \n"
        "\tFOREIGN KEY(claim_id) REFERENCES claim (id) ON DELETE CASCADE\n"
        ")"
    ),
    "CREATE INDEX ix_evidence_claim_id ON evidence (claim_id)",
    (
        "CREATE TABLE highlight (\n"
        "\tid INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, \n"
        "\tclaim_id INTEGER NOT NULL, \n"
        "\tdocument_id INTEGER NOT NULL, \n"
        "\tstart INTEGER NOT NULL, \n"
        '\t"end" INTEGER NOT NULL, \n'
        "\tquote VARCHAR NOT NULL, \n"
        "\tprefix VARCHAR NOT NULL, \n"
        "\tsuffix VARCHAR NOT NULL, \n"
        "\tanchor VARCHAR NOT NULL, \n"
        "\tcreated_at VARCHAR NOT NULL, \n"
        "\tCONSTRAINT highlight_anchor CHECK (anchor IN ('ok', 'fuzzy', 'orphan')), \n"
        '\tCONSTRAINT highlight_span CHECK (start >= 0 AND "end" > start), \n'
        "\tFOREIGN KEY(claim_id) REFERENCES claim (id) ON DELETE CASCADE, \n"
        "\tFOREIGN KEY(document_id) REFERENCES document (id) ON DELETE CASCADE, \n"
        '\tCONSTRAINT highlight_once UNIQUE (claim_id, document_id, start, "end")\n'
        ")"
    ),
    "CREATE INDEX ix_highlight_claim_id ON highlight (claim_id)",
    "CREATE INDEX ix_highlight_document_start ON highlight (document_id, start)",
    (
        "CREATE VIRTUAL TABLE document_fts USING fts5(title, text, content='document', "
        "content_rowid='id', tokenize='unicode61 remove_diacritics 2')"
    ),
    (
        "CREATE VIRTUAL TABLE claim_fts USING fts5(text, note, content='claim', "
        "content_rowid='id', tokenize='unicode61 remove_diacritics 2')"
    ),
    (
        "CREATE TRIGGER document_fts_ai AFTER INSERT ON document BEGIN INSERT INTO "
        "document_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END"
    ),
    (
        "CREATE TRIGGER document_fts_ad AFTER DELETE ON document BEGIN INSERT INTO "
        "document_fts(document_fts, rowid, title, text) VALUES ('delete', old.id, old.title, "
        "old.text); END"
    ),
    (
        "CREATE TRIGGER document_fts_au AFTER UPDATE OF title, text ON document BEGIN INSERT "
        "INTO document_fts(document_fts, rowid, title, text) VALUES ('delete', old.id, "
        "old.title, old.text); INSERT INTO document_fts(rowid, title, text) VALUES (new.id, "
        "new.title, new.text); END"
    ),
    (
        "CREATE TRIGGER claim_fts_ai AFTER INSERT ON claim BEGIN INSERT INTO "
        "claim_fts(rowid, text, note) VALUES (new.id, new.text, new.note); END"
    ),
    (
        "CREATE TRIGGER claim_fts_ad AFTER DELETE ON claim BEGIN INSERT INTO "
        "claim_fts(claim_fts, rowid, text, note) VALUES ('delete', old.id, old.text, "
        "old.note); END"
    ),
    (
        "CREATE TRIGGER claim_fts_au AFTER UPDATE OF text, note ON claim BEGIN INSERT INTO "
        "claim_fts(claim_fts, rowid, text, note) VALUES ('delete', old.id, old.text, "
        "old.note); INSERT INTO claim_fts(rowid, text, note) VALUES (new.id, new.text, "
        "new.note); END"
    ),
    (
        "CREATE TRIGGER history_no_update BEFORE UPDATE ON history BEGIN SELECT RAISE(ABORT, "
        "'the claim history is append-only'); END"
    ),
    (
        "CREATE TRIGGER history_no_delete BEFORE DELETE ON history BEGIN SELECT RAISE(ABORT, "
        "'the claim history is append-only'); END"
    ),
    (
        "CREATE TABLE suggestion_dismissal (\n"
        "\tid INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, \n"
        "\tdocument_id INTEGER NOT NULL, \n"
        "\tkind VARCHAR NOT NULL, \n"
        "\tstart INTEGER NOT NULL, \n"
        '\t"end" INTEGER NOT NULL, \n'
        "\teditor VARCHAR NOT NULL, \n"
        "\tat VARCHAR NOT NULL, \n"
        '\tCONSTRAINT dismissal_once UNIQUE (document_id, kind, start, "end"), \n'
        "\tCONSTRAINT dismissal_kind CHECK (kind IN ('quote', 'number')), \n"
        "\tFOREIGN KEY(document_id) REFERENCES document (id) ON DELETE CASCADE\n"
        ")"
    ),
)


def create_schema(conn: sqlite3.Connection) -> None:
    """Create the schema at REVISION on an empty database, in the caller's transaction."""
    for statement in STATEMENTS:
        conn.execute(statement)
        if statement.startswith("CREATE VIRTUAL TABLE "):
            # as revision 0002 does: the rebuild writes the empty index's averages record
            name = statement.split()[3]
            conn.execute(f"INSERT INTO {name}({name}) VALUES ('rebuild')")
    conn.execute("INSERT INTO alembic_version (version_num) VALUES (?)", (REVISION,))
