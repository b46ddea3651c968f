"""The HTML behind the PDF and Print: everything escaped, only web links, nothing to fetch."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

from factsheet_helpers import FALSE_TEXT, UNCHECKED_TEXT, VERIFIED_TEXT, sheet_of

from factdesk.factsheet.html import BADGE_COLOURS, render_html, render_parts

ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "table", "tr", "td",
    "span", "br", "hr", "p", "b", "i", "a", "ul", "li",
}  # fmt: skip


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    return parser


def test_document_markup_arrives_as_text(filled: Any) -> None:
    html = render_html(sheet_of(filled))
    parsed = _parse(html)
    assert {tag for tag, _ in parsed.tags} <= ALLOWED_TAGS  # no script, img, iframe, object…
    text = "".join(parsed.text)
    assert "<script>alert('x')</script>" in text
    assert "<img src=http://x/track.png>" in text
    assert "<b>not bold</b>" in text
    assert "&lt;script&gt;" in html and "<script" not in html


def test_only_http_links_and_no_remote_resources(filled: Any) -> None:
    parsed = _parse(render_html(sheet_of(filled)))
    hrefs = [attrs.get("href") for tag, attrs in parsed.tags if tag == "a" and "href" in attrs]
    assert hrefs == ["https://www.gov.uk/defence-spending?year=2025&x=%3Cb%3E"]  # encoded
    for _, attrs in parsed.tags:
        assert "src" not in attrs and not any(k.startswith("on") for k in attrs)
    text = "".join(parsed.text)
    assert "javascript:alert(1) — not a link" in text
    assert "Hansard, 17 February 2025, col. 42" in text


def test_masthead_summary_and_claim_blocks(filled: Any) -> None:
    sheet = sheet_of(filled, organisation="The Example Desk")
    text = " ".join(" ".join(_parse(render_html(sheet)).text).split())
    for expected in (
        "NEWS",
        "Council and summit",
        "Generated 23 November 2026, 14:05 UTC",
        "Editor: Jo Bloggs",
        "The Example Desk",
        "4 claims",
        "✓ VERIFIED",
        "✗ FALSE",
        "! MISLEADING",
        "? UNVERIFIABLE",
        "VERDICT NOTE",
        "EVIDENCE",
        "Keir Starmer · 17 February 2025 · Claim 1",
        "Speaker not recorded · Claim 4",
        VERIFIED_TEXT,
        FALSE_TEXT,
    ):
        assert expected in text, expected
    assert UNCHECKED_TEXT not in text


def test_each_claim_is_one_part_with_an_anchor(filled: Any) -> None:
    sheet = sheet_of(filled)
    parts = render_parts(sheet)
    assert len(parts) == 1 + len(sheet.claims)
    for claim, part in zip(sheet.claims, parts[1:], strict=True):
        assert f'<a name="claim-{claim.id}">' in part.html
        assert re.search(r"border: 1px solid #[0-9a-f]{6}", part.html)
        # cut between items for a claim taller than a page: the header, then each item
        assert len(part.pieces) == 1 + len(claim.quotations) + bool(claim.note) + bool(
            claim.evidence
        )
        assert f"Claim {claim.id}, continued" in part.continued


def test_badges_are_white_on_dark_so_they_read_in_greyscale() -> None:
    for colour in BADGE_COLOURS.values():
        r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
        grey = 0.299 * r + 0.587 * g + 0.114 * b
        assert grey < 130, colour  # white text on it keeps a contrast of about 4:1 or more


def test_summary_badges_never_wrap_inside(filled: Any) -> None:
    html = render_parts(sheet_of(filled, statuses=()))[0].html
    assert "IN&nbsp;PROGRESS" in html
    assert "6&nbsp;claims" in html


def test_a_claim_with_nothing_but_its_text(filled: Any) -> None:
    claim = filled.claims(statuses=["unverifiable"])[0]
    filled.unlink(claim.spans[0].id)
    part = render_parts(sheet_of(filled, statuses=["unverifiable"]))[1]
    assert len(part.pieces) == 1
    assert "A script appeared in the council story" in part.html
    assert "VERDICT NOTE" not in part.html and "EVIDENCE" not in part.html
