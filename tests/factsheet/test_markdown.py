"""Markdown fact sheets: the PDF's content, with the articles' text shown and never rendered."""

from __future__ import annotations

import re
from typing import Any

import pytest
from factsheet_helpers import (
    FALSE_TEXT,
    IN_PROGRESS_TEXT,
    MISLEADING_TEXT,
    UNCHECKED_TEXT,
    UNVERIFIABLE_TEXT,
    VERIFIED_TEXT,
    sheet_of,
)

from factdesk.factsheet.markdown import escape, render_markdown


def test_holds_the_masthead_summary_and_every_claim(filled: Any) -> None:
    text = render_markdown(sheet_of(filled))
    assert text.startswith("# Council and summit\n")
    assert "Desk: news · Generated 23 November 2026, 14:05 UTC · Editor: Jo Bloggs" in text
    assert "**4 claims:** 1 Verified · 1 False · 1 Misleading · 1 Unverifiable" in text
    for claim in (VERIFIED_TEXT, FALSE_TEXT, MISLEADING_TEXT, UNVERIFIABLE_TEXT):
        assert claim in text
    for left_out in (UNCHECKED_TEXT, IN_PROGRESS_TEXT):
        assert left_out not in text
    assert "## ✓ VERIFIED — " + VERIFIED_TEXT in text
    assert "## ✗ FALSE — " + FALSE_TEXT in text
    assert "**Speaker:** Keir Starmer · **Date:** 17 February 2025 · Claim #1" in text


def test_quotations_come_with_context_and_source(filled: Any) -> None:
    text = render_markdown(sheet_of(filled))
    assert "committed to spending **2.5 per cent of GDP** on defence." in text
    assert "> — *Prime Minister pledges support for Ukraine at Paris summit*" in text
    assert "**Verdict note:**\n\nMatches the Treasury's published plan.\nSee the spending" in text
    assert "- <https://www.gov.uk/defence-spending?year=2025&x=<b>>" not in text  # not a link
    assert "- https://www.gov.uk/defence-spending?year=2025&x=\\<b\\> — Plan" in text
    assert "- Hansard, 17 February 2025, col. 42" in text
    assert "- javascript:alert(1) — not a link" in text


def test_markup_from_the_articles_is_escaped(filled: Any) -> None:
    text = render_markdown(sheet_of(filled))
    assert not re.search(r"(?<!\\)<", text)  # every "<" is escaped: no HTML reaches a renderer
    assert "\\<script\\>alert('x')\\</script\\>" in text
    assert "We will cut \\*all\\* \\[waste\\](javascript:alert(1)) by 50%" in text
    assert "\\<b\\>not bold\\</b\\> and \\*not emphasised\\*" in text


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("# not a heading", "\\# not a heading"),
        ("- not a list", "\\- not a list"),
        ("+ not a list", "\\+ not a list"),
        ("1. not a list", "1\\. not a list"),
        ("a | b", "a \\| b"),
        ("`code`", "\\`code\\`"),
        ("_under_ ~strike~", "\\_under\\_ \\~strike\\~"),
        ("&amp; stays as typed, & alone too", "&amp;amp; stays as typed, & alone too"),
        ("2.5 per cent - a rise", "2.5 per cent - a rise"),
        ("back\\slash", "back\\\\slash"),
    ],
)
def test_escape(raw: str, escaped: str) -> None:
    assert escape(raw) == escaped


def test_an_empty_sheet_says_so(filled: Any) -> None:
    text = render_markdown(sheet_of(filled, speaker="Nobody"))
    assert "**No claims match this fact sheet's filters.**" in text
    assert "---" not in text
