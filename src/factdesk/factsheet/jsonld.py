"""Fact sheets as schema.org ClaimReview JSON-LD, one review per claim with a verdict."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlsplit

from factdesk.core.statuses import FALSE, MISLEADING, UNVERIFIABLE, VERDICTS, VERIFIED
from factdesk.factsheet.model import ClaimBlock, FactSheet, SourceRef, web_url

BEST, WORST = 5, 1
# The JSON is published inside a page's <script type="application/ld+json">, where a claim
# holding "</script>" would end the element and let the rest of the claim run as HTML. <, > and
# & only ever occur inside JSON strings, where \u003c and the like mean the same characters.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})
# Evidence in these schemes would run in a reader's browser or name a file on this computer:
# it is left out of the published review. Any other text (a DOI, "Hansard, col. 42") stays.
_REFUSED_SCHEMES = frozenset({"javascript", "vbscript", "data", "file"})
# The documented mapping (docs/factsheets.md): a 1–5 truth scale; 3 and 4 are left free for
# "half true" and "mostly true" should the desk ever grow them. An unverifiable claim is not a
# point on a truth scale, so it carries its textual rating only.
RATINGS: dict[str, tuple[int | None, str]] = {
    VERIFIED: (5, "True"),
    MISLEADING: (2, "Misleading"),
    FALSE: (1, "False"),
    UNVERIFIABLE: (None, "Unverifiable"),
}


def claim_reviews(sheet: FactSheet) -> list[dict[str, Any]]:
    """One ClaimReview per claim with a verdict; claims still being checked are not reviews."""
    site = web_url(sheet.url)
    common = {
        "page": site.split("#")[0] if site else None,
        "date": sheet.generated_at.date().isoformat(),
        "author": _author(sheet),
    }
    appearances: dict[SourceRef, dict[str, Any]] = {}  # an article quoted by many claims
    return [_review(c, common, appearances) for c in sheet.claims if c.status in VERDICTS]


def render_jsonld(sheet: FactSheet) -> str:
    document = {"@context": "https://schema.org", "@graph": claim_reviews(sheet)}
    return json.dumps(document, ensure_ascii=False, indent=2).translate(_SCRIPT_SAFE) + "\n"


def _review(
    c: ClaimBlock, common: dict[str, Any], appearances: dict[SourceRef, dict[str, Any]]
) -> dict[str, Any]:
    value, name = RATINGS[c.status]
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": name}
    if value is not None:
        rating |= {"ratingValue": value, "bestRating": BEST, "worstRating": WORST}
    claim: dict[str, Any] = {"@type": "Claim"}
    if c.speaker:
        claim["author"] = {"@type": "Person", "name": c.speaker}
    if c.date:
        claim["datePublished"] = c.date
    if c.quotations:
        claim["appearance"] = [
            dict(appearances.get(s) or appearances.setdefault(s, _appearance(s))) for s in c.sources
        ]
    review: dict[str, Any] = {"@type": "ClaimReview"}
    if common["page"]:
        review["url"] = f"{common['page']}#claim-{c.id}"
    review |= {
        "claimReviewed": c.text,
        "datePublished": common["date"],
        "author": dict(common["author"]),
        "reviewRating": rating,
        "itemReviewed": claim,
    }
    if c.note:
        review["reviewBody"] = c.note
    citations = [cited for e in c.evidence if (cited := _citation(e.source)) is not None]
    if citations:
        review["citation"] = citations
    return review


def _citation(source: str) -> str | None:
    """A web address, or a citation in words; None for a script or a local file."""
    url = web_url(source)
    if url:
        return url
    try:  # urlsplit reads a scheme as a browser does: "  JavaScript:", "java\tscript:"
        scheme = urlsplit(source).scheme.lower()
    except ValueError:  # an unbalanced "[" in what looks like a host: not a URL at all
        return source
    return None if scheme in _REFUSED_SCHEMES else source


def _author(sheet: FactSheet) -> dict[str, Any]:
    """The organisation from settings; without one, the editor who signs the sheet."""
    if sheet.organisation:
        author: dict[str, Any] = {"@type": "Organization", "name": sheet.organisation}
        site = web_url(sheet.url)
        if site:  # the organisation's home: the site the sheet is published on
            parts = urlsplit(site)
            author["url"] = f"{parts.scheme}://{parts.netloc}/"
        return author
    return {"@type": "Person", "name": sheet.editor}


def _appearance(s: SourceRef) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork", "headline": s.title}
    url = web_url(s.url)
    if url:  # a local file path means nothing to a reader of the published review
        work["url"] = url
    if s.published:
        work["datePublished"] = s.published
    if s.outlet:
        work["publisher"] = {"@type": "Organization", "name": s.outlet}
    return work
