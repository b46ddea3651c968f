"""Suggestions, corroboration and speakers through a real desk file."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from factdesk.core.errors import InvalidInputError, NotFoundError
from factdesk.core.suggest import NUMBER, QUOTE
from factdesk.services import Desk, corroboration, suggestions

SUMMIT = """\
Keir Starmer faces a test as European leaders meet in Paris.

Sir Keir said: ‘This is a once-in-a-generation moment for our national security.

‘It’s clear Europe must take on a greater role in Nato as we work with the United States.’

Critics called the plan a ‘bridge’ too far. Spending will rise to 2.5 per cent of GDP.
"""
FOLLOW_UP = """\
Leaders met again on Monday.

“We cannot allow any divisions in the alliance to distract us,” Sir Keir said.
"""
REPORT = """\
The Prime Minister was clear. “This is a once in a generation moment for our national
security,” he told reporters, adding that Europe must do more.
"""
TYPO = """\
‘It’s clear Europe must take on a greater role in NATO as we work with the United Sates,’
the PM said.
"""
OTHER = """\
Analysts said Europe must take on a greater role before the election, but the rest of the
plan was about farming subsidies and nothing else.
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def desk(tmp_path: Path):  # type: ignore[no-untyped-def]
    with Desk.open(tmp_path / "story.factdesk", create=True, editor="ana") as opened:
        articles = [
            ("a-summit.txt", SUMMIT),
            ("b-follow.txt", FOLLOW_UP),
            ("c-report.txt", REPORT),
            ("d-typo.txt", TYPO),
            ("e-other.txt", OTHER),
        ]
        opened.import_files([write(tmp_path, name, text) for name, text in articles])
        yield opened


def test_suggestions_name_the_speaker_and_offer_figures(desk: Desk) -> None:
    found = suggestions.suggestions(desk, 1)
    quotes = [s for s in found if s.kind == QUOTE and s.score >= 0.5]
    assert [s.speaker for s in quotes] == ["Keir Starmer", "Keir Starmer"]
    assert quotes[0].text == "This is a once-in-a-generation moment for our national security."
    assert any(s.kind == NUMBER and s.figure == "2.5 per cent of GDP" for s in found)
    bridge = next(s for s in found if s.text == "bridge")
    assert bridge.score < 0.5
    assert bridge.speaker is None


def test_accepting_makes_the_claim_and_teaches_the_desk_the_alias(desk: Desk) -> None:
    first = next(s for s in suggestions.suggestions(desk, 1) if s.kind == QUOTE and s.speaker)
    accepted = suggestions.accept(desk, 1, first).value
    claim = desk.claim(accepted.claim.id)
    assert claim.speaker == "Keir Starmer"
    assert (claim.spans[0].start, claim.spans[0].end) == (first.start, first.end)
    assert accepted.alias_learned == "Sir Keir"
    assert desk.speakers()[0].aliases == ("Sir Keir",)
    # the span is quoted now: not suggested again
    assert all(s.start != first.start for s in suggestions.suggestions(desk, 1))
    # and the next article's "Sir Keir" is Keir Starmer without a full name in sight
    (later,) = [s for s in suggestions.suggestions(desk, 2) if s.kind == QUOTE]
    assert later.speaker == "Keir Starmer"


def test_accept_all_quotes_of_one_speaker(desk: Desk) -> None:
    found = suggestions.suggestions(desk, 1)
    outcome = suggestions.accept_all_quotes(desk, 1, found, "Keir Starmer")
    assert len(outcome.value) == 2
    assert [a.alias_learned for a in outcome.value] == ["Sir Keir", None]  # learned once
    assert {c.speaker for c in desk.claims(doc_id=1)} == {"Keir Starmer"}
    assert outcome.changes.claims == {a.claim.id for a in outcome.value}
    assert outcome.changes.documents == {1}


def test_accept_all_makes_every_claim_or_none(desk: Desk) -> None:
    found = suggestions.suggestions(desk, 1)
    quotes = [s for s in found if s.kind == QUOTE and s.speaker == "Keir Starmer"]
    # the second one's span runs past the article's end (as if the article had been
    # corrected since the suggestions were read): the first must not be made either
    broken = replace(quotes[1], end=len(SUMMIT) + 40)
    with pytest.raises(InvalidInputError):
        suggestions.accept_all_quotes(desk, 1, [quotes[0], broken], "Keir Starmer")
    assert desk.claims(doc_id=1) == []
    assert desk.speakers() == []  # nor the speaker, nor the alias


def test_a_dismissed_suggestion_stays_dismissed_after_reopening(desk: Desk, tmp_path: Path) -> None:
    bridge = next(s for s in suggestions.suggestions(desk, 1) if s.text == "bridge")
    assert desk.dismiss_suggestion(1, bridge.kind, bridge.start, bridge.end).value
    assert not desk.dismiss_suggestion(1, bridge.kind, bridge.start, bridge.end).value
    with Desk.open(desk.path, editor="ben") as again:
        assert all(s.text != "bridge" for s in suggestions.suggestions(again, 1))
        assert again.undismiss_suggestion(1, bridge.kind, bridge.start, bridge.end).value
        assert any(s.text == "bridge" for s in suggestions.suggestions(again, 1))
    with pytest.raises(NotFoundError):
        desk.dismiss_suggestion(99, "quote", 0, 3)


def test_matches_find_the_statement_in_other_documents_and_not_a_shared_phrase(
    desk: Desk,
) -> None:
    statement = "It’s clear Europe must take on a greater role in Nato as we work with the US"
    claim = desk.add_claim(1, quote=statement.replace("the US", "the United States")).value
    found = corroboration.matches(desk, claim.id)
    assert [m.doc for m in found] == [4]
    (typo,) = found
    assert typo.text.endswith("the United Sates")
    assert [p.report for p in typo.diff if p.op == "replace"] == ["Sates"]
    desk.link(claim.id, 4, span=(typo.start, typo.end))
    assert corroboration.matches(desk, claim.id) == []  # document 4 is quoted now


def test_a_statement_reported_with_other_hyphens_and_marks_is_identical(desk: Desk) -> None:
    claim = desk.add_claim(
        1, quote="This is a once-in-a-generation moment for our national security"
    ).value
    (report,) = corroboration.matches(desk, claim.id)
    assert report.doc == 3
    assert report.identical
    assert report.text == "This is a once in a generation moment for our national\nsecurity"


def test_merging_speakers_moves_claims_names_and_history(desk: Desk) -> None:
    one = desk.add_claim(1, quote="bridge", speaker="Keir Starmer").value
    two = desk.add_claim(2, quote="We cannot allow any divisions", speaker="K. Starmer").value
    desk.add_alias("K. Starmer", "Starmer")
    merged = desk.merge_speakers("K. Starmer", "Keir Starmer").value
    assert merged.name == "Keir Starmer"
    assert set(merged.aliases) == {"K. Starmer", "Starmer"}
    assert desk.claim(two.id).speaker == "Keir Starmer"
    assert desk.claim(two.id).version == two.version + 1
    assert [(h.field, h.old, h.new) for h in desk.history(two.id)][-1] == (
        "speaker", "K. Starmer", "Keir Starmer",
    )  # fmt: skip
    assert desk.claim(one.id).speaker == "Keir Starmer"
    assert [s.name for s in desk.speakers()] == ["Keir Starmer"]
    with pytest.raises(InvalidInputError):
        desk.merge_speakers("Keir Starmer", "Starmer")  # an alias of the same person
    with pytest.raises(NotFoundError):
        desk.merge_speakers("Nobody", "Keir Starmer")
    desk.remove_alias("Starmer")
    assert desk.speakers()[0].aliases == ("K. Starmer",)
    with pytest.raises(InvalidInputError):
        desk.remove_alias("Starmer")


def test_speakers_come_with_their_claim_counts(desk: Desk) -> None:
    desk.add_claim(1, quote="once-in-a-generation moment", speaker="Keir Starmer")
    desk.add_claim(2, quote="We cannot allow", speaker="Sir Keir Starmer")
    desk.add_claim(2, quote="any divisions", speaker="Keir Starmer")
    desk.add_claim(1, quote="Critics called", speaker=None)
    speakers, counts = desk.speakers_with_counts()
    by_name = {s.name: counts.get(s.id, 0) for s in speakers}
    assert by_name == {"Keir Starmer": 2, "Sir Keir Starmer": 1}


def test_a_statement_carried_by_hundreds_of_articles_is_found_in_all(tmp_path: Path) -> None:
    statement = "We will never accept a deal made behind our backs without our consent"
    towns = ["Leeds", "Derby", "Hull", "Bath", "York", "Ely", "Wells", "Truro", "Ripon"]
    with Desk.open(tmp_path / "wide.factdesk", create=True) as desk:
        for n in range(150):  # more reports than the first page of candidates holds
            town = towns[n % len(towns)]
            desk.import_text(
                f"Report {n} from {town}.\n\nThe president said: “{statement}.” Talks go on.",
                title=f"Report {n}",
            )
        for n in range(30):  # and articles sharing a few of its words, which are not reports
            desk.import_text(f"Note {n}: a deal on consent was made in {towns[n % 9]}.")
        claim = desk.add_claim(1, quote=statement).value
        found = corroboration.matches(desk, claim.id)
    assert len(found) == 149
    assert {m.doc for m in found} == set(range(2, 151))
    assert all(m.score == 1.0 for m in found)
