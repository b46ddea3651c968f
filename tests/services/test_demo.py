"""The demo desk: four sample articles, claims in every status, built whole or not at all."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from factdesk.core.errors import DeskError
from factdesk.core.statuses import STATUSES
from factdesk.services import Desk, demo
from factdesk.services.demo import build_demo_desk


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_demo_desk(tmp_path_factory.mktemp("demo") / "demo.factdesk")


@pytest.fixture
def opened(built: Path) -> Iterator[Desk]:
    with Desk.open(built, create=False, editor="reader") as desk:
        yield desk


def test_the_demo_holds_four_articles_and_claims_in_every_status(opened: Desk) -> None:
    docs = opened.documents()
    assert [d.format for d in docs] == ["txt", "html", "md", "txt"]
    assert all(300 <= d.words <= 600 for d in docs)
    claims = opened.claims()
    assert len(claims) >= 10
    assert {c.status for c in claims} == set(STATUSES)
    assert sum(len(c.evidence) for c in claims) >= 2
    assert any(c.speaker is None for c in claims)
    assert all(c.note for c in claims if c.status != "unchecked")
    aliases = {s.name: s.aliases for s in opened.speakers()}
    assert aliases["Ruth Okafor"] == ("Mayor Okafor",)
    assert {h.editor for c in claims for h in opened.history(c.id)} == {"demo"}


def test_every_span_quotes_the_text_at_its_offsets(opened: Desk) -> None:
    texts = {d.id: opened.document(d.id).text for d in opened.documents()}
    spans = [span for claim in opened.claims() for span in claim.spans]
    for span in spans:
        assert texts[span.doc][span.start : span.end] == span.quote
    assert any("🌉" in span.quote for span in spans)  # offsets are code points, past the BMP


def test_the_re_reported_statement_is_linked_in_three_articles(opened: Desk) -> None:
    (claim,) = [c for c in opened.claims() if "once-in-a-generation" in c.text]
    assert [span.doc for span in claim.spans] == [1, 2, 3]
    quotes = [span.quote for span in claim.spans]
    assert len(set(quotes)) == 3  # three wordings of one statement
    assert "once in a generation" in quotes[1] and "togther" in quotes[2]
    for span in claim.spans:
        assert opened.document(span.doc).text[span.start : span.end] == span.quote


def test_noise_is_marked_in_the_captioned_article(opened: Desk) -> None:
    doc = opened.document(1)
    marked = {(doc.text[n.start : n.end], n.kind) for n in doc.noise}
    assert marked == {
        ("(Image: Example Agency)", "credit"),
        ("Traffic queues on the Ring Road diversion during the morning rush hour", "repeat"),
        ("Read more at kelbridge-echo.example/news", "footer"),
    }


def test_the_saved_page_imports_without_its_furniture(opened: Desk) -> None:
    page = opened.document(2)
    assert (page.info.outlet, page.info.published) == ("Avel Valley Post", "2026-10-14")
    assert page.text.startswith("Kingsmead Bridge: £14.2m repair approved")
    for furniture in ("cookies", "Accept all", "What’s On", "Related stories", "Share on", "©"):
        assert furniture not in page.text
    assert "temporary walkway across" not in page.text  # the figure's caption


def test_building_again_leaves_the_desk_untouched(tmp_path: Path) -> None:
    path = build_demo_desk(tmp_path / "demo.factdesk")
    assert os.listdir(tmp_path) == ["demo.factdesk"]  # no temporary files left behind
    before = path.stat().st_mtime_ns, path.read_bytes()
    assert build_demo_desk(path) == path
    assert (path.stat().st_mtime_ns, path.read_bytes()) == before
    assert os.listdir(tmp_path) == ["demo.factdesk"]


def test_a_failed_build_leaves_nothing_under_any_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(desk: Desk, doc_ids: dict[str, int], spec: demo.DemoClaim) -> None:
        raise RuntimeError("the disk went away")

    monkeypatch.setattr(demo, "_add_claim", broken)
    with pytest.raises(RuntimeError, match="disk went away"):
        build_demo_desk(tmp_path / "demo.factdesk")
    assert os.listdir(tmp_path) == []


def test_a_file_that_is_not_a_desk_is_never_replaced(tmp_path: Path) -> None:
    path = tmp_path / "demo.factdesk"
    path.write_text("my notes", encoding="utf-8")
    with pytest.raises(DeskError, match="not a factdesk desk"):
        build_demo_desk(path)
    assert path.read_text(encoding="utf-8") == "my notes"
    assert os.listdir(tmp_path) == ["demo.factdesk"]
