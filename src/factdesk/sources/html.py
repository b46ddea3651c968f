"""Read an HTML page saved from a browser: the article's headline and paragraphs, plus metadata."""

from __future__ import annotations

from factdesk.core.errors import SourceError
from factdesk.core.text import first_line, normalise_text
from factdesk.sources.decode import decode_bytes, sniff_charset
from factdesk.sources.document import SourceDocument
from factdesk.sources.html_meta import json_ld_objects, outlet, page_url, published
from factdesk.sources.html_parse import Block, PageScan, collapse, scan_page
from factdesk.sources.limits import Deadline

# The blocks that make up an article's text. Loose text in <div>s and table cells (bylines,
# time stamps, unlabelled widgets) is used only when a page has none of these.
_TEXT_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "p", "blockquote", "pre"})
# Lists count inside <article>/<main> only: in a bare <body> they are mostly menus.
_LIST_TAGS = frozenset({"li", "dt", "dd"})
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ")


def read_html(path: str, data: bytes) -> SourceDocument:
    """An .html/.htm file: article text only (no menus, ads, scripts); never executed or fetched."""
    deadline = Deadline(path)
    markup = decode_bytes(data, path, declared=sniff_charset(data))
    if not markup.strip():
        raise SourceError(path, "has no text to import")
    scan = _scan(path, markup, deadline)
    article, blocks = choose_blocks(scan.blocks)
    objects = json_ld_objects(scan)
    url = page_url(scan)
    site = outlet(scan, objects, url)
    headline, head_block = _headline(scan, blocks, site)
    text = normalise_text(_assemble(headline, head_block, blocks))
    if not text.strip():
        raise SourceError(path, "has no article text")
    return SourceDocument(
        path=path,
        format="html",
        title=first_line(collapse(headline) or text),
        text=text,
        outlet=site,
        published=published(scan, objects, article),
        url=url,
    )


def _scan(path: str, markup: str, deadline: Deadline) -> PageScan:
    try:
        return scan_page(markup, deadline)
    except AssertionError:
        # html.parser (via _markupbase) asserts on some malformed <!...> declarations.
        raise SourceError(path, "is not readable HTML (a malformed <!...> declaration)") from None


def choose_blocks(blocks: list[Block]) -> tuple[int | None, list[Block]]:
    """The article's blocks: the largest <article>, else <main>, else the body's paragraphs."""
    sizes: dict[int, int] = {}
    for block in blocks:
        if block.article is not None:
            sizes[block.article] = sizes.get(block.article, 0) + len(block.text)
    if sizes:
        best = max(sizes, key=sizes.__getitem__)  # ties go to the first in the page
        return best, _text_blocks([b for b in blocks if b.article == best], _LIST_TAGS)
    in_main = [block for block in blocks if block.in_main]
    if in_main:
        return None, _text_blocks(in_main, _LIST_TAGS)
    return None, _text_blocks(blocks, frozenset())


def _text_blocks(blocks: list[Block], lists: frozenset[str]) -> list[Block]:
    """Headings, paragraphs, quotes (and `lists`); all blocks if the container has none."""
    chosen = [block for block in blocks if block.tag in _TEXT_TAGS or block.tag in lists]
    return chosen or blocks


def _headline(scan: PageScan, blocks: list[Block], site: str | None) -> tuple[str, Block | None]:
    """The headline and, if it is one of the article's blocks, that block.

    The article's first <h1>; else og:title (written for this article, whereas an <h1> outside
    it may be the site's logo); else the page's first <h1>; else <title> without the site name.
    """
    for block in blocks:
        if block.tag == "h1":
            return block.text, block
    og_title = collapse(scan.meta.get("og:title", ""))
    if og_title:
        return og_title, None
    for block in scan.blocks:
        if block.tag == "h1":
            return block.text, None
    return _without_site(collapse(scan.title or ""), site), None


def _without_site(title: str, site: str | None) -> str:
    """ "Starmer flies to Washington | The Daily Paper" without the outlet's name."""
    if site:
        for separator in _TITLE_SEPARATORS:
            if title.endswith(separator + site):
                return title[: -len(separator + site)].rstrip()
    return title


def _assemble(headline: str, head_block: Block | None, blocks: list[Block]) -> str:
    """Headline first, then the article's blocks, one blank line between blocks."""
    texts = [block.text for block in blocks if block is not head_block]
    if headline and not (texts and _same(texts[0], headline)):
        texts.insert(0, headline)
    return "\n\n".join(texts)


def _same(first: str, second: str) -> bool:
    return collapse(first).casefold() == collapse(second).casefold()
