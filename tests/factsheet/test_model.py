"""The fact sheet model: quotations in context, sources, counts, dates and links."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from factsheet_helpers import (
    FALSE_TEXT,
    GENERATED,
    IN_PROGRESS_TEXT,
    MISLEADING_TEXT,
    UNCHECKED_TEXT,
    UNVERIFIABLE_TEXT,
    VERIFIED_TEXT,
    sheet_of,
)

from factdesk.core.records import ClaimInfo, DocumentInfo, DocumentText, Span
from factdesk.factsheet.model import (
    CONTEXT,
    build_factsheet,
    generated_label,
    long_date,
    web_url,
)

WORDS = " ".join(f"word{i}" for i in range(60))  # 60 words, ~400 characters


def _doc(text: str, doc_id: int = 1) -> DocumentText:
    info = DocumentInfo(
        doc_id, "Title", "/tmp/a.txt", None, "Outlet", "2025-02-17", "now", "txt", 1, "0" * 64
    )
    return DocumentText(info, text, ())


def _claim(*spans: Span, status: str = "verified", claim_id: int = 1) -> ClaimInfo:
    return ClaimInfo(claim_id, "c", None, None, None, status, "", "t0", "t1", 1, spans=tuple(spans))


def _span(text: str, quote: str, *, doc: int = 1, anchor: str = "ok") -> Span:
    start = text.index(quote)
    end = start + len(quote)
    return Span(
        1, 1, doc, start, end, quote, text[start - 32 : start], text[end : end + 32], anchor
    )


def test_default_sheet_holds_the_verdicts_in_order_with_counts(filled: Any) -> None:
    sheet = sheet_of(filled)
    assert [c.text for c in sheet.claims] == [
        VERIFIED_TEXT,
        FALSE_TEXT,
        MISLEADING_TEXT,
        UNVERIFIABLE_TEXT,
    ]
    assert sheet.counts == (("verified", 1), ("false", 1), ("misleading", 1), ("unverifiable", 1))
    every = sheet_of(filled, statuses=())
    assert {UNCHECKED_TEXT, IN_PROGRESS_TEXT} <= {c.text for c in every.claims}
    assert [s for s, _ in every.counts][:2] == ["unchecked", "in_progress"]


def test_quotation_has_its_source_and_context_on_both_sides(filled: Any) -> None:
    claim = sheet_of(filled).claims[0]
    (quote,) = claim.quotations
    assert quote.quote == "2.5 per cent of GDP"
    assert quote.before.endswith("committed to spending ")
    assert quote.after.startswith(" on defence.")
    assert "\n" not in quote.before + quote.after  # lines joined: it is read as one passage
    assert quote.source.title == "Prime Minister pledges support for Ukraine at Paris summit"
    assert claim.label == "Verified"
    assert [e.source for e in claim.evidence][1] == "Hansard, 17 February 2025, col. 42"


def test_context_is_about_80_characters_cut_at_words_with_ellipses() -> None:
    text = WORDS
    quote = "word30"
    q = (
        build_factsheet(
            [_claim(_span(text, quote))],
            {1: _doc(text)},
            title="t",
            editor="e",
            generated_at=GENERATED,
        )
        .claims[0]
        .quotations[0]
    )
    assert q.before.startswith("…word") and q.after.endswith("…")
    assert CONTEXT - 10 <= len(q.before) <= CONTEXT + 1
    assert CONTEXT - 10 <= len(q.after) <= CONTEXT + 1
    # whole words only: the cut word is dropped, not shown in part
    assert all(w in text.split() for w in q.before[1:].split())
    assert all(w in text.split() for w in q.after[:-1].split())


def test_context_at_the_start_and_end_of_a_text_has_no_ellipsis() -> None:
    text = "Short text with a quote in it."
    q = (
        build_factsheet(
            [_claim(_span(text, "quote"))],
            {1: _doc(text)},
            title="t",
            editor="e",
            generated_at=GENERATED,
        )
        .claims[0]
        .quotations[0]
    )
    assert (q.before, q.after) == ("Short text with a ", " in it.")


def test_without_the_text_the_stored_prefix_and_suffix_give_the_context() -> None:
    text = WORDS
    span = _span(text, "word30")
    for docs, anchor in (({1: _doc(text).info}, "ok"), ({1: _doc(text)}, "orphan")):
        sheet = build_factsheet(
            [_claim(replace(span, anchor=anchor))],
            docs,
            title="t",
            editor="e",
            generated_at=GENERATED,
        )
        q = sheet.claims[0].quotations[0]
        assert q.before.lstrip("…").strip() in span.prefix
        assert q.found is (anchor == "ok")


def test_sources_list_each_article_once_in_order(filled: Any) -> None:
    claim = next(c for c in sheet_of(filled, statuses=()).claims if c.text == IN_PROGRESS_TEXT)
    assert sorted(q.source.doc_id for q in claim.quotations) == [1, 2]
    assert [s.doc_id for s in claim.sources] == [q.source.doc_id for q in claim.quotations]
    twice = claim._replace(quotations=claim.quotations * 2)
    assert twice.sources == claim.sources


def test_a_document_missing_from_the_mapping_still_names_its_id() -> None:
    text = "A quote here."
    sheet = build_factsheet(
        [_claim(_span(text, "quote", doc=7))], {}, title="t", editor="e", generated_at=GENERATED
    )
    assert sheet.claims[0].quotations[0].source.title == "Document 7"


@pytest.mark.parametrize(
    ("iso", "expected"),
    [
        ("2025-02-17", "17 February 2025"),
        ("2025-13-01", "2025-13-01"),
        (None, ""),
        ("2025", "2025"),
    ],
)
def test_long_date(iso: str | None, expected: str) -> None:
    assert long_date(iso) == expected


def test_generated_label_names_the_zone() -> None:
    assert generated_label(datetime(2026, 3, 1, 9, 5, tzinfo=UTC)) == "1 March 2026, 09:05 UTC"
    plus_one = datetime(2026, 3, 1, 9, 5, tzinfo=timezone(timedelta(hours=1)))
    assert generated_label(plus_one).endswith("09:05 UTC+01:00")


@pytest.mark.parametrize(
    ("value", "linked"),
    [
        ("https://example.org/a?b=1", True),
        ("HTTP://EXAMPLE.ORG", True),
        ("javascript:alert(1)", False),
        ("file:///etc/passwd", False),
        ("data:text/html,<script>", False),
        ("https://", False),
        ("https://exa mple.org", False),
        ("Hansard, col. 42", False),
        ("", False),
    ],
)
def test_only_absolute_http_urls_are_links(value: str, linked: bool) -> None:
    assert (web_url(value) is not None) is linked


def test_context_stays_within_the_quotations_paragraph() -> None:
    text = "A caption without a full stop\nHe said the quote here and more\n(Image: Agency)"
    for docs in ({1: _doc(text)}, {1: _doc(text).info}):  # from the text, or the stored affixes
        sheet = build_factsheet(
            [_claim(_span(text, "the quote"))], docs, title="t", editor="e", generated_at=GENERATED
        )
        q = sheet.claims[0].quotations[0]
        assert (q.before, q.after) == ("He said ", " here and more"), docs
