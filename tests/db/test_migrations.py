"""Schema migrations: every historical desk upgrades to the newest with its data intact."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlmodel import SQLModel

import factdesk.db.models  # noqa: F401  (registers the tables)
from factdesk.db.deskfile import HEAD, REVISIONS, open_desk, read_revision
from factdesk.services import ClaimUpdate, Desk

FIXTURES = Path(__file__).parents[1] / "fixtures" / "desks"


def test_known_revisions_match_the_alembic_scripts() -> None:
    config = Config()
    config.set_main_option("script_location", "factdesk.db:migrations")
    script = ScriptDirectory.from_config(config)
    chain = [rev.revision for rev in script.walk_revisions()][::-1]
    assert tuple(chain) == REVISIONS
    assert script.get_current_head() == HEAD


@pytest.mark.parametrize("revision", REVISIONS)
def test_every_revision_has_a_fixture_desk(revision: str) -> None:
    # the newest too: when the next revision comes, its upgrade test finds today's desk
    assert (FIXTURES / f"schema-{revision}.factdesk").is_file()


def test_migrations_build_exactly_the_models(tmp_path: Path) -> None:
    engine = open_desk(tmp_path / "fresh.factdesk")
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(
                conn, opts={"include_name": lambda n, t, _p: not (t == "table" and "_fts" in n)}
            )
            assert compare_metadata(context, SQLModel.metadata) == []
    finally:
        engine.dispose()


@pytest.mark.parametrize("revision", REVISIONS[:-1])
def test_upgrading_an_older_desk_keeps_the_data_and_backs_it_up_first(
    tmp_path: Path, revision: str
) -> None:
    path = tmp_path / "old.factdesk"
    shutil.copy(FIXTURES / f"schema-{revision}.factdesk", path)
    original = path.read_bytes()

    with Desk.open(path, editor="tester") as desk:
        docs = desk.documents()
        assert [d.title for d in docs] == ["Keir Starmer at the summit", "Europe must step up"]
        assert docs[0].claims == 1
        doc = desk.document(1)
        assert doc.text.startswith("Sir Keir said: ‘This is")
        assert [(n.start, n.end, n.kind) for n in doc.noise] == [(56, 75, "credit")]
        (claim,) = desk.claims()
        assert claim.speaker == "Keir Starmer"
        assert claim.status == "verified"
        assert claim.version == 3
        assert claim.spans[0].quote == "This is a once-in-a-generation moment."
        assert claim.evidence[0].source == "https://example.org/transcript"
        assert [h.field for h in desk.history(1)] == ["status"]
        assert desk.claims(speaker="Sir Keir") == [claim]
        # the full-text index (0002) covers what was there before the upgrade
        assert {h.title for h in desk.search("generation")} >= {"Keir Starmer at the summit"}
        # and it stays in sync with new writes
        desk.update_claim(1, ClaimUpdate(note="Lighthouse"))
        assert [h.id for h in desk.search("lighthouse") if h.kind == "claim"] == [1]

    assert read_revision(path) == HEAD
    (backup,) = tmp_path.glob(f"old.schema-{revision}.*.bak.factdesk")
    assert read_revision(backup) == revision
    with sqlite3.connect(backup) as conn:
        assert conn.execute("SELECT count(*) FROM document").fetchone() == (2,)
    conn.close()
    assert len(original) > 0


def test_a_desk_at_the_newest_revision_opens_as_it_is_without_an_upgrade_backup(
    tmp_path: Path,
) -> None:
    path = tmp_path / "current.factdesk"
    shutil.copy(FIXTURES / f"schema-{HEAD}.factdesk", path)
    with Desk.open(path) as desk:
        (claim,) = desk.claims()
        assert (claim.speaker, claim.status, claim.version) == ("Keir Starmer", "verified", 3)
    assert read_revision(path) == HEAD
    assert not list(tmp_path.glob("*.bak.factdesk"))


def test_history_cannot_be_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "h.factdesk"
    shutil.copy(FIXTURES / f"schema-{REVISIONS[0]}.factdesk", path)
    open_desk(path).dispose()
    conn = sqlite3.connect(path)
    try:
        for statement in ("UPDATE history SET new = 'false'", "DELETE FROM history"):
            with pytest.raises(sqlite3.IntegrityError, match="append-only"):
                conn.execute(statement)
        conn.execute(
            "INSERT INTO history (claim_id, field, old, new, editor, at)"
            " VALUES (1, 'note', NULL, 'x', 'ana', '2025-02-18T10:00:00Z')"
        )
        assert conn.execute("SELECT count(*) FROM history").fetchone() == (2,)
    finally:
        conn.close()
