"""Claims through the Desk facade: create, edit with history, conflicts, links, evidence."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factdesk.core.errors import (
    AmbiguousQuoteError,
    ConflictError,
    InvalidInputError,
    KnownError,
    NotFoundError,
    QuoteNotFoundError,
)
from factdesk.core.text import normalise_text
from factdesk.services import ClaimUpdate, Desk


@pytest.fixture
def loaded(desk: Desk, articles: list[Path]) -> Desk:
    report = desk.import_files(articles)
    assert len(report.imported) == 2
    return desk


def test_claim_from_a_quote_stores_its_exact_span_and_context(loaded: Desk) -> None:
    text = loaded.document(1).text
    outcome = loaded.add_claim(
        1, quote="2.5 per cent of GDP", speaker="Keir Starmer", date="2025-02-17"
    )
    claim = outcome.value
    (span,) = claim.spans
    assert text[span.start : span.end] == "2.5 per cent of GDP" == span.quote
    assert span.prefix == text[span.start - 32 : span.start]
    assert span.suffix == text[span.end : span.end + 32]
    assert (claim.text, claim.speaker, claim.date, claim.status, claim.version) == (
        "2.5 per cent of GDP",
        "Keir Starmer",
        "2025-02-17",
        "unchecked",
        1,
    )
    assert outcome.changes.claims == {claim.id}
    assert outcome.changes.documents == {1}
    assert len(outcome.changes.speakers) == 1  # a new speaker was made
    assert [h.field for h in loaded.history(claim.id)] == [
        "text",
        "speaker",
        "date",
        "status",
        "highlight",
    ]


def test_quote_occurring_twice_asks_for_a_span_and_stores_nothing(loaded: Desk) -> None:
    with pytest.raises(AmbiguousQuoteError, match="occurs 2 times") as err:
        loaded.add_claim(1, quote="once-in-a-generation moment", speaker="New Person")
    assert len(err.value.spans) == 2
    assert loaded.claims() == []
    assert loaded.speakers() == []  # the transaction rolled back: no half-made speaker


def test_absent_quote_and_bad_span_are_refused(loaded: Desk) -> None:
    with pytest.raises(QuoteNotFoundError):
        loaded.add_claim(1, quote="words nobody wrote")
    with pytest.raises(InvalidInputError, match="not inside"):
        loaded.add_claim(1, span=(10, 100_000))
    with pytest.raises(NotFoundError, match="no document 99"):
        loaded.add_claim(99, span=(0, 4))
    with pytest.raises(InvalidInputError, match="not a date"):
        loaded.add_claim(1, span=(0, 4), date="17/02/2025")
    assert loaded.claims() == []


def test_edits_write_history_and_bump_the_version(loaded: Desk) -> None:
    claim = loaded.add_claim(1, span=(0, 20)).value
    outcome = loaded.update_claim(
        claim.id, ClaimUpdate(status="in_progress", note="Checking the ONS figures")
    )
    assert outcome.value.version == 2
    assert outcome.changes.claims == {claim.id}
    loaded.update_claim(claim.id, ClaimUpdate(status="verified", speaker="Keir Starmer"))
    history = [(h.field, h.old, h.new, h.editor) for h in loaded.history(claim.id)][-4:]
    assert history == [
        ("status", "unchecked", "in_progress", "tester"),
        ("note", None, "Checking the ONS figures", "tester"),
        ("speaker", None, "Keir Starmer", "tester"),
        ("status", "in_progress", "verified", "tester"),
    ]
    same = loaded.update_claim(claim.id, ClaimUpdate(status="verified"))
    assert not same.changes
    assert same.value.version == 3


def test_a_stale_edit_is_refused_not_silently_applied(loaded: Desk, tmp_path: Path) -> None:
    claim = loaded.add_claim(1, span=(0, 20)).value
    with Desk.open(loaded.path, editor="other") as elsewhere:  # a second connection
        elsewhere.update_claim(claim.id, ClaimUpdate(status="false"))
    with pytest.raises(ConflictError, match="changed elsewhere") as err:
        loaded.update_claim(
            claim.id, ClaimUpdate(status="verified"), expected_version=claim.version
        )
    assert err.value.current_version == 2
    assert loaded.claim(claim.id).status == "false"


def test_speakers_resolve_through_aliases_case_insensitively(loaded: Desk) -> None:
    loaded.add_alias("Keir Starmer", "Sir Keir")
    claim = loaded.add_claim(1, span=(0, 20), speaker="sir keir").value
    assert claim.speaker == "Keir Starmer"
    assert [c.id for c in loaded.claims(speaker="SIR KEIR")] == [claim.id]
    assert [(s.name, s.aliases) for s in loaded.speakers()] == [("Keir Starmer", ("Sir Keir",))]
    with pytest.raises(InvalidInputError, match="already names"):
        loaded.add_alias("Someone Else", "Keir Starmer")


def test_one_claim_links_to_the_same_quote_in_another_document(loaded: Desk) -> None:
    claim = loaded.add_claim(2, quote="once in a generation moment").value
    span = loaded.link(claim.id, 1, span=(claim.spans[0].start, claim.spans[0].end)).value
    assert span.doc == 1
    linked = loaded.claim(claim.id)
    assert {s.doc for s in linked.spans} == {1, 2}
    assert linked.version == 2
    assert [c.id for c in loaded.claims(doc_id=1)] == [claim.id]
    with pytest.raises(InvalidInputError, match="already linked"):
        loaded.link(claim.id, 1, span=(span.start, span.end))
    loaded.unlink(span.id)
    assert {s.doc for s in loaded.claim(claim.id).spans} == {2}
    assert loaded.history(claim.id)[-1].field == "highlight"


def test_evidence_and_deletion(loaded: Desk) -> None:
    claim = loaded.add_claim(1, span=(0, 20)).value
    item = loaded.add_evidence(claim.id, " https://ons.gov.uk/defence ", "ONS table 4").value
    assert loaded.claim(claim.id).evidence == (item,)
    loaded.remove_evidence(item.id)
    assert loaded.claim(claim.id).evidence == ()
    deleted = loaded.delete_claim(claim.id)
    assert deleted.value.id == claim.id
    assert loaded.claims() == []
    assert loaded.history(claim.id)[-1].field == "deleted"  # history outlives the claim
    with pytest.raises(NotFoundError):
        loaded.claim(claim.id)


def test_filters_by_status(loaded: Desk) -> None:
    a = loaded.add_claim(1, span=(0, 10), status="verified").value
    loaded.add_claim(1, span=(20, 30), status="in_progress")
    c = loaded.add_claim(2, span=(0, 10), status="false").value
    assert [x.id for x in loaded.claims(statuses=["verified", "false"])] == [a.id, c.id]
    with pytest.raises(InvalidInputError, match="not a status"):
        loaded.claims(statuses=["done"])


def test_search_finds_documents_and_claims_and_ignores_query_syntax(loaded: Desk) -> None:
    loaded.add_claim(1, quote="2.5 per cent of GDP", note="defence spending target")
    hits = loaded.search("generation")
    assert {h.kind for h in hits} == {"document"}
    assert {h.id for h in hits} == {1, 2}
    assert [h.kind for h in loaded.search("defence spend")] == ["document", "claim"]
    assert loaded.search('"unbalanced AND (') == []  # FTS5 syntax in the input is inert
    assert loaded.search("   ") == []


texts = st.lists(
    st.sampled_from([*"ab \n\r’“é.", "😀", "🇫🇷", "\u00a0", "𝔘"]), min_size=3, max_size=60
).map("".join)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(raw=texts, data=st.data())
def test_stored_quote_is_the_normalised_text_at_its_offsets(
    desk: Desk, raw: str, data: st.DataObject
) -> None:
    """Round trip through a real desk: for any text and span, quote == text[start:end]."""
    text = normalise_text(raw)
    if not text.strip():
        return
    try:
        doc = desk.import_text(raw, title="t").value
    except KnownError:  # the same text drawn twice: find its document instead
        doc = next(d for d in desk.documents() if desk.document(d.id).text == text)
    stored = desk.document(doc.id).text
    assert stored == text
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    if not text[start:end].strip():
        return
    claim = desk.add_claim(doc.id, span=(start, end)).value
    reread = desk.claim(claim.id).spans[0]
    assert (reread.start, reread.end) == (start, end)
    assert reread.quote == stored[start:end]


def test_a_deleted_claims_id_and_history_are_never_reused(loaded: Desk) -> None:
    first = loaded.add_claim(1, span=(0, 5), text="to be deleted").value
    loaded.delete_claim(first.id)
    second = loaded.add_claim(1, span=(1, 6), text="brand new").value
    assert second.id != first.id
    assert all(h.claim_id == second.id for h in loaded.history(second.id))
    assert "to be deleted" not in {h.new for h in loaded.history(second.id)}


def test_history_records_the_speakers_stored_name_not_what_was_typed(loaded: Desk) -> None:
    loaded.add_alias("Keir Starmer", "Sir Keir")
    claim = loaded.add_claim(1, span=(0, 5), speaker="KEIR   starmer").value
    other = loaded.add_claim(1, span=(1, 6)).value
    loaded.update_claim(other.id, ClaimUpdate(speaker="sir keir"))
    assert [h.new for h in loaded.history(claim.id) if h.field == "speaker"] == ["Keir Starmer"]
    assert [h.new for h in loaded.history(other.id) if h.field == "speaker"] == ["Keir Starmer"]
