"""Undo support through the Desk facade: whatever a delete took comes back under the same ids."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest

from factdesk.core.errors import InvalidInputError, NotFoundError
from factdesk.core.records import Changes, ClaimInfo
from factdesk.services import ClaimUpdate, Desk


@pytest.fixture
def loaded(desk: Desk, articles: list[Path]) -> Desk:
    report = desk.import_files(articles)
    assert [d.id for d in report.imported] == [1, 2]
    return desk


@pytest.fixture
def claim(loaded: Desk) -> ClaimInfo:
    """A claim quoted in both documents, with two evidence items and a few edits behind it."""
    made = loaded.add_claim(
        1, quote="2.5 per cent of GDP", speaker="Keir Starmer", date="2025-02-17"
    ).value
    loaded.link(made.id, 2, quote="Nato Secretary General")
    loaded.add_evidence(made.id, "https://example.org/defence-spending", "MoD figures")
    loaded.add_evidence(made.id, "House of Commons Library, CBP-1234")
    loaded.update_claim(made.id, ClaimUpdate(status="in_progress", note="Asked the MoD"))
    return loaded.claim(made.id)


def assert_desk_is_sound(path: Path) -> None:
    """SQLite's own checks, foreign keys, and both full-text indexes against their tables."""
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        for index in ("document_fts", "claim_fts"):
            # rank 1: compare the index with its content table (raises if they differ)
            conn.execute(f"INSERT INTO {index}({index}, rank) VALUES ('integrity-check', 1)")
    finally:
        conn.close()


def _history(desk: Desk, claim_id: int) -> list[tuple[str, str | None, str | None]]:
    return [(h.field, h.old, h.new) for h in desk.history(claim_id)]


# --- claims --------------------------------------------------------------------------------


def test_a_deleted_claim_comes_back_identical(loaded: Desk, claim: ClaimInfo) -> None:
    assert len(claim.spans) == 2 and len(claim.evidence) == 2
    assert {span.doc for span in claim.spans} == {1, 2}
    deleted = loaded.delete_claim(claim.id).value
    assert deleted == claim
    with pytest.raises(NotFoundError):
        loaded.claim(claim.id)
    assert loaded.search("Asked the MoD") == []

    outcome = loaded.restore_claim(deleted)

    assert outcome.value == claim  # same ids, timestamps and version
    assert loaded.claim(claim.id) == claim
    assert outcome.changes == Changes(frozenset({1, 2}), frozenset({claim.id}))
    assert [c.id for c in loaded.claims(doc_id=2)] == [claim.id]
    assert [h.id for h in loaded.search("Asked the MoD") if h.kind == "claim"] == [claim.id]
    assert _history(loaded, claim.id)[-2:] == [
        ("deleted", claim.text, None),
        ("restored", None, claim.text),
    ]
    assert [h.editor for h in loaded.history(claim.id)][-1] == "tester"
    assert_desk_is_sound(loaded.path)


def test_commands_later_in_the_stack_still_find_their_rows(loaded: Desk, claim: ClaimInfo) -> None:
    loaded.restore_claim(loaded.delete_claim(claim.id).value)
    # an edit read before the deletion still applies, and its ids still name the same rows
    loaded.update_claim(claim.id, ClaimUpdate(status="verified"), expected_version=claim.version)
    assert loaded.unlink(claim.spans[1].id).value == claim.spans[1]
    assert loaded.remove_evidence(claim.evidence[0].id).value == claim.evidence[0]


def test_restoring_below_the_id_sequence_does_not_reuse_ids(loaded: Desk, claim: ClaimInfo) -> None:
    deleted = loaded.delete_claim(claim.id).value
    newer = loaded.add_claim(2, quote="Washington").value
    assert newer.id > claim.id and newer.spans[0].id > max(s.id for s in claim.spans)
    assert loaded.restore_claim(deleted).value == claim
    after = loaded.add_claim(2, quote="Monday").value
    assert after.id > newer.id  # AUTOINCREMENT: the sequence did not move back
    assert [c.id for c in loaded.claims()] == [claim.id, newer.id, after.id]
    assert_desk_is_sound(loaded.path)


def test_restoring_makes_a_missing_speaker(loaded: Desk, claim: ClaimInfo) -> None:
    deleted = loaded.delete_claim(claim.id).value
    elsewhere = dataclasses.replace(deleted, speaker="Rachel Reeves", speaker_id=None)
    outcome = loaded.restore_claim(elsewhere)
    assert outcome.value.speaker == "Rachel Reeves"
    (speaker_id,) = outcome.changes.speakers
    assert outcome.value.speaker_id == speaker_id
    assert [s.name for s in loaded.speakers()] == ["Keir Starmer", "Rachel Reeves"]


def test_restoring_into_a_used_id_is_refused_and_changes_nothing(
    loaded: Desk, claim: ClaimInfo
) -> None:
    history = loaded.history(claim.id)
    with pytest.raises(InvalidInputError, match=f"claim {claim.id} is already on the desk"):
        loaded.restore_claim(claim)
    deleted = loaded.delete_claim(claim.id).value
    # another claim now holds one of its highlight ids
    other = loaded.add_claim(1, quote="divisions in the alliance", speaker="Someone New").value
    taken = dataclasses.replace(other.spans[0], claim_id=claim.id)
    stolen = dataclasses.replace(deleted, spans=(taken,))
    with pytest.raises(InvalidInputError, match=f"highlight {taken.id} is already on the desk"):
        loaded.restore_claim(stolen)
    with pytest.raises(NotFoundError):
        loaded.claim(claim.id)
    assert len(loaded.history(claim.id)) == len(history) + 1  # only the deletion
    assert [s.name for s in loaded.speakers()] == ["Keir Starmer", "Someone New"]


def test_a_claim_whose_document_is_gone_is_not_restored(loaded: Desk, claim: ClaimInfo) -> None:
    deleted = loaded.delete_claim(claim.id).value
    loaded.delete_documents([2])
    with pytest.raises(NotFoundError, match="no document 2"):
        loaded.restore_claim(deleted)
    with pytest.raises(NotFoundError):
        loaded.claim(claim.id)  # nothing half-restored
    assert_desk_is_sound(loaded.path)


# --- highlights and evidence ---------------------------------------------------------------


def test_an_unlinked_highlight_comes_back(loaded: Desk, claim: ClaimInfo) -> None:
    span = claim.spans[1]
    removed = loaded.unlink(span.id).value
    assert len(loaded.claim(claim.id).spans) == 1

    outcome = loaded.restore_highlight(removed)

    assert outcome.value == span
    assert loaded.claim(claim.id).spans == claim.spans
    assert outcome.changes == Changes(frozenset({span.doc}), frozenset({claim.id}))
    where = f"document {span.doc} {span.start}:{span.end}"
    assert _history(loaded, claim.id)[-2:] == [
        ("highlight", where, None),
        ("highlight", None, where),
    ]
    with pytest.raises(InvalidInputError, match=f"highlight {span.id} is already on the desk"):
        loaded.restore_highlight(removed)
    assert_desk_is_sound(loaded.path)


def test_a_highlight_needs_its_claim(loaded: Desk, claim: ClaimInfo) -> None:
    span = loaded.unlink(claim.spans[0].id).value
    loaded.delete_claim(claim.id)
    with pytest.raises(NotFoundError, match=f"no claim {claim.id}"):
        loaded.restore_highlight(span)


def test_removed_evidence_comes_back(loaded: Desk, claim: ClaimInfo) -> None:
    item = claim.evidence[0]
    removed = loaded.remove_evidence(item.id).value

    outcome = loaded.restore_evidence(removed)

    assert outcome.value == item
    assert loaded.claim(claim.id).evidence == claim.evidence
    assert outcome.changes == Changes(claims=frozenset({claim.id}))
    assert _history(loaded, claim.id)[-2:] == [
        ("evidence", item.source, None),
        ("evidence", None, item.source),
    ]
    with pytest.raises(InvalidInputError, match=f"evidence item {item.id} is already on the desk"):
        loaded.restore_evidence(removed)


# --- documents -----------------------------------------------------------------------------


def test_an_undone_import_comes_back_exactly(desk: Desk, articles: list[Path]) -> None:
    ids = [d.id for d in desk.import_files(articles).imported]
    listed = desk.documents()
    texts = [desk.document(i) for i in ids]
    assert [h.id for h in desk.search("Rutte")] == [2]
    assert all(doc.noise for doc in texts[:1])

    deleted = desk.delete_documents(ids)

    assert deleted.value == tuple(texts)
    assert deleted.changes == Changes(documents=frozenset(ids))
    assert desk.documents() == []
    assert desk.search("Rutte") == [] and desk.search("generation") == []
    assert_desk_is_sound(desk.path)

    restored = desk.restore_documents(deleted.value)

    assert list(restored.value) == listed
    assert restored.changes == Changes(documents=frozenset(ids))
    assert desk.documents() == listed
    assert [desk.document(i) for i in ids] == texts
    assert [h.id for h in desk.search("Rutte")] == [2]
    assert {h.id for h in desk.search("generation")} == {1, 2}
    assert_desk_is_sound(desk.path)


def test_a_document_with_a_highlight_is_not_deleted(loaded: Desk) -> None:
    loaded.add_claim(2, quote="Nato Secretary General")
    listed = loaded.documents()
    expected = (
        "document 2 (“Starmer to visit Washington next week”) has highlighted claims; "
        "delete them first"
    )
    with pytest.raises(InvalidInputError) as err:
        loaded.delete_documents([1, 2])
    assert str(err.value) == expected
    assert loaded.documents() == listed  # document 1 was not deleted either
    with pytest.raises(NotFoundError, match="no document 7"):
        loaded.delete_documents([1, 7])
    assert loaded.documents() == listed


def test_restoring_documents_into_used_ids_or_texts_is_refused(
    desk: Desk, articles: list[Path]
) -> None:
    desk.import_files(articles)
    gone = desk.delete_documents([1]).value
    with pytest.raises(InvalidInputError, match=r"document 2 \(.*\) is already on the desk"):
        desk.restore_documents([*gone, desk.document(2)])
    again = desk.import_files([articles[0]]).imported[0]  # the same text, a new id
    assert again.id == 3
    with pytest.raises(InvalidInputError, match="already on the desk as document 3"):
        desk.restore_documents(gone)
    assert [d.id for d in desk.documents()] == [2, 3]
    desk.delete_documents([3])
    assert [d.id for d in desk.restore_documents(gone).value] == [1]
    assert [d.id for d in desk.documents()] == [1, 2]
    assert_desk_is_sound(desk.path)


def test_a_document_that_does_not_match_its_digest_is_refused(
    desk: Desk, articles: list[Path]
) -> None:
    desk.import_files(articles)
    (gone,) = desk.delete_documents([2]).value
    with pytest.raises(InvalidInputError, match="does not match its sha256"):
        desk.restore_documents([dataclasses.replace(gone, text=gone.text + "!")])
    assert [d.id for d in desk.documents()] == [1]


def test_a_large_import_is_undone_and_redone_whole(desk: Desk, tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    paths = []
    for n in range(1_201):  # past SQLite's bound-parameter chunks of 500
        path = folder / f"{n:04}.txt"
        text = f"Article {n}\nThe council met on day {n}.\nRead more at example.org\n"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    ids = [d.id for d in desk.import_files(paths).imported]
    listed = desk.documents()
    deleted = desk.delete_documents(ids).value
    assert [d.info.id for d in deleted] == ids
    assert all(d.noise for d in deleted)
    assert desk.documents() == []
    assert desk.restore_documents(deleted).value == tuple(listed)
    assert desk.documents() == listed
    assert desk.document(ids[-1]) == deleted[-1]
    assert_desk_is_sound(desk.path)


def test_save_copy_writes_a_complete_desk_that_opens(desk, articles, tmp_path) -> None:
    from factdesk.core.errors import InvalidInputError
    from factdesk.services import Desk

    doc = desk.import_files(articles).imported[0]
    desk.add_claim(doc.id, quote="2.5 per cent of GDP", status="verified")
    target = desk.save_copy(tmp_path / "copy.factdesk")
    with Desk.open(target, create=False) as copy:
        assert [d.sha256 for d in copy.documents()] == [d.sha256 for d in desk.documents()]
        assert [c.as_json() for c in copy.claims()] == [c.as_json() for c in desk.claims()]
    with pytest.raises(InvalidInputError):
        desk.save_copy(desk.path)
    assert not list(tmp_path.glob("*.partial"))
