"""ClaimReview JSON-LD read back: the required fields, the rating mapping, the signature."""

from __future__ import annotations

import json
from typing import Any

import pytest
from factsheet_helpers import FALSE_TEXT, MISLEADING_TEXT, VERIFIED_TEXT, sheet_of

from factdesk.factsheet.jsonld import RATINGS, claim_reviews, render_jsonld
from factdesk.services import ClaimUpdate


def _reviews(desk: Any, **fields: Any) -> list[dict[str, Any]]:
    document = json.loads(render_jsonld(sheet_of(desk, texts=False, **fields)))
    assert document["@context"] == "https://schema.org"
    return document["@graph"]


def test_one_claim_review_per_verdict_with_the_required_fields(filled: Any) -> None:
    reviews = _reviews(
        filled, organisation="The Example Desk", url="https://factcheck.example.org/summit"
    )
    assert [r["claimReviewed"] for r in reviews][:3] == [
        VERIFIED_TEXT,
        FALSE_TEXT,
        MISLEADING_TEXT,
    ]
    for review in reviews:
        assert review["@type"] == "ClaimReview"
        assert review["datePublished"] == "2026-11-23"
        assert review["author"] == {
            "@type": "Organization",
            "name": "The Example Desk",
            "url": "https://factcheck.example.org/",
        }
        assert review["reviewRating"]["@type"] == "Rating"
        assert review["reviewRating"]["alternateName"]
        assert review["itemReviewed"]["@type"] == "Claim"
        assert review["url"].startswith("https://factcheck.example.org/summit#claim-")
    first = reviews[0]
    assert first["url"].endswith("#claim-1")
    assert first["itemReviewed"]["author"] == {"@type": "Person", "name": "Keir Starmer"}
    assert first["itemReviewed"]["datePublished"] == "2025-02-17"
    (appearance,) = first["itemReviewed"]["appearance"]
    assert appearance == {
        "@type": "CreativeWork",
        "headline": "Prime Minister pledges support for Ukraine at Paris summit",
    }
    assert first["reviewBody"].startswith("Matches the Treasury")
    assert first["citation"][0] == "https://www.gov.uk/defence-spending?year=2025&x=<b>"


@pytest.mark.parametrize(
    ("status", "value", "name"),
    [("verified", 5, "True"), ("false", 1, "False"), ("misleading", 2, "Misleading")],
)
def test_rating_mapping(filled: Any, status: str, value: int, name: str) -> None:
    (review,) = _reviews(filled, statuses=[status])
    assert review["reviewRating"] == {
        "@type": "Rating",
        "alternateName": name,
        "ratingValue": value,
        "bestRating": 5,
        "worstRating": 1,
    }


def test_unverifiable_has_a_textual_rating_only(filled: Any) -> None:
    (review,) = _reviews(filled, statuses=["unverifiable"])
    assert review["reviewRating"] == {"@type": "Rating", "alternateName": "Unverifiable"}
    assert set(RATINGS) == {"verified", "false", "misleading", "unverifiable"}


def test_claims_without_a_verdict_are_not_reviews(filled: Any) -> None:
    sheet = sheet_of(filled, statuses=())
    assert len(sheet.claims) == 6
    assert len(claim_reviews(sheet)) == 4


def test_without_an_organisation_the_editor_signs_and_no_url_is_made_up(filled: Any) -> None:
    review = _reviews(filled)[0]
    assert review["author"] == {"@type": "Person", "name": "Jo Bloggs"}
    assert "url" not in review


def test_appearance_links_only_web_addresses_never_local_paths(filled: Any, tmp_path: Any) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Rutte to attend</title>"
        "<link rel='canonical' href='https://news.example.com/rutte'>"
        "<meta property='og:site_name' content='Example News'></head>"
        "<body><p>Mark Rutte said he will attend the summit in Paris.</p></body></html>",
        encoding="utf-8",
    )
    (doc,) = filled.import_files([page]).imported
    filled.link(2, doc.id, quote="Mark Rutte said he will attend")
    review = next(r for r in _reviews(filled) if r["claimReviewed"] == FALSE_TEXT)
    urls = [a.get("url") for a in review["itemReviewed"]["appearance"]]
    assert urls == [None, doc.url] and doc.url == "https://news.example.com/rutte"
    assert str(tmp_path) not in json.dumps(review)


def test_text_is_kept_as_written_not_escaped_to_ascii(filled: Any) -> None:
    filled.update_claim(1, ClaimUpdate(text="Starmer’s “bridge” costs £2bn"))
    text = render_jsonld(sheet_of(filled))
    assert "Starmer’s “bridge” costs £2bn" in text
    assert json.loads(text)["@graph"][0]["claimReviewed"] == "Starmer’s “bridge” costs £2bn"
