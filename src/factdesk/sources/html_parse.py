"""Walk an HTML page with the standard-library parser, collecting text blocks and metadata."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from factdesk.sources.limits import Deadline

# Never article text, wherever they appear.
# fmt: off
_SKIP_TAGS = frozenset({
    "script", "style", "noscript", "template", "nav", "aside", "form", "button", "svg", "math",
    "iframe", "object", "embed", "canvas", "video", "audio", "select", "textarea", "footer",
    "figure", "figcaption", "dialog", "title",  # <title> is read as metadata, not text
})
_SKIP_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary"})
_NOISE_WORDS = frozenset({
    "nav", "navbar", "navigation", "menu", "ad", "ads", "advert", "adverts", "advertisement",
    "sponsored", "promo", "share", "sharing", "social", "related", "newsletter", "cookie",
    "cookies", "comment", "comments", "sidebar", "breadcrumb", "breadcrumbs", "subscribe",
    "paywall", "outbrain", "taboola",
})
# Containers are chosen by tag; a class such as "has-sidebar" must not hide them.
_CONTAINERS = frozenset({"html", "body", "article", "main"})
_VOID = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr", "keygen",
})
_BLOCKS = frozenset({
    "address", "article", "blockquote", "body", "center", "dd", "details", "div", "dl", "dt",
    "fieldset", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
    "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "aside", "form", "caption",
    "figcaption",
})
# Start tags that close an open <p> (HTML spec, "in body" insertion mode), so that a page which
# never writes </p> still gets one block per paragraph.
_P_CLOSERS = frozenset({
    "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div",
    "dl", "dd", "dt", "fieldset", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre",
    "section", "summary", "table", "ul",
})
# Elements a <p> may hold; the search for an open <p> to close stops at anything else.
_INLINE = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "img",
    "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u",
    "var", "del", "ins", "br", "wbr",
})
# fmt: on
# How far down the open elements an end tag looks for its start tag. Real pages nest a few dozen
# deep; the bound keeps a hostile page (200,000 unclosed <span>s) from taking quadratic time.
_SEARCH_DEPTH = 256
# The page is fed to the parser this many characters at a time, checking the deadline between.
_CHUNK = 1 << 20
# At the end, html.parser (before Python 3.13.4 / 3.12.11) reparses text it was holding back
# as an unfinished construct by searching the rest of it for a ">" once per "<": quadratic, so
# that 1 MB of "</" takes two minutes. Held-back text longer than this that starts with "<" is
# a comment, tag or script left open to the end of the file, which a browser hides (HTML
# standard, end-of-file rules); it is dropped instead of reparsed.
_MAX_HELD_BACK = 4096
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")  # not \s: a no-break space is text, not layout
_TOKEN = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")


@dataclass(slots=True)
class Block:
    """One block of text: the innermost block element's tag and the containers it sits in."""

    text: str
    tag: str
    article: int | None
    in_main: bool


@dataclass(slots=True)
class _Open:
    """An open element and what it means for the text inside it."""

    tag: str
    skipped: bool
    article: int | None
    in_main: bool
    in_pre: bool
    block: str  # the innermost block element's tag, this one included


@dataclass(slots=True)
class PageScan:
    """Everything the page offers: blocks in order plus raw metadata, not yet interpreted."""

    blocks: list[Block] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    canonical: str | None = None
    title: str | None = None
    json_ld: list[str] = field(default_factory=list)
    # (article number or None, datetime attribute) for each <time datetime> met in the text.
    times: list[tuple[int | None, str]] = field(default_factory=list)


def scan_page(markup: str, deadline: Deadline | None = None) -> PageScan:
    """Parse `markup` (any HTML, however malformed) into a PageScan; nothing is executed."""
    parser = _PageParser()
    for start in range(0, len(markup), _CHUNK):
        parser.feed(markup[start : start + _CHUNK])
        if deadline is not None:
            deadline.check()
    held_back = parser.rawdata
    if len(held_back) > _MAX_HELD_BACK and held_back.startswith("<"):
        parser.rawdata = ""
    parser.close()
    parser.flush()
    return parser.scan


def collapse(text: str) -> str:
    """Collapse runs of HTML (ASCII) whitespace to one space and trim them at the ends."""
    return _HTML_SPACE.sub(" ", text).strip(" \t\n\r\f")


def _is_noise(tag: str, attrs: dict[str, str]) -> bool:
    """Whether an element is page furniture (menus, ads, share bars) rather than article."""
    if tag in _SKIP_TAGS or "hidden" in attrs:
        return True
    if "display:none" in attrs.get("style", "").replace(" ", "").lower():
        return True
    if attrs.get("aria-hidden", "").strip().lower() == "true":
        return True
    if attrs.get("role", "").strip().lower() in _SKIP_ROLES:
        return True
    if tag in _CONTAINERS:
        return False
    names = f"{attrs.get('class', '')} {attrs.get('id', '')}"
    return any(word.lower() in _NOISE_WORDS for word in _TOKEN.findall(names))


class _PageParser(HTMLParser):
    """Tracks the open elements, to know for each piece of text whether and where it counts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scan = PageScan()
        self._stack: list[_Open] = [_Open("#root", False, None, False, False, "#root")]
        self._lines: list[list[str]] = [[]]
        self._articles = 0
        self._title_parts: list[str] | None = None
        self._json_parts: list[str] | None = None

    # -- the parser's callbacks ------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if self._title_parts is not None and tag in _BLOCKS:
            self.handle_endtag("title")  # an unclosed <title> must not swallow the page
        self._close_implied(tag)
        if tag in _BLOCKS:
            self.flush()
        parent_skipped = self._stack[-1].skipped
        if not parent_skipped:
            self._read_metadata(tag, values)
        if tag == "br":
            if not parent_skipped:
                self._lines.append([])
            return
        if tag in _VOID:
            return
        self._stack.append(self._child(tag, values))
        if not parent_skipped:
            self._start_capture(tag, values)

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        for depth in self._search_range():
            if self._stack[depth].tag == tag:
                if any(open_.tag in _BLOCKS for open_ in self._stack[depth:]):
                    self.flush()
                self._end_capture(tag)
                del self._stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        if self._json_parts is not None:
            self._json_parts.append(data)
        elif self._title_parts is not None:
            self._title_parts.append(data)
        elif not self._stack[-1].skipped:
            self._lines[-1].append(data)

    # -- structure -------------------------------------------------------------------------

    def _child(self, tag: str, attrs: dict[str, str]) -> _Open:
        parent = self._stack[-1]
        skipped = parent.skipped or _is_noise(tag, attrs)
        if tag == "header" and parent.article is None and not parent.in_main:
            skipped = True  # the site's header (logo, menu); the article's own header is kept
        article = parent.article
        if tag == "article" and not skipped:
            self._articles += 1
            article = self._articles
        in_main = parent.in_main or tag == "main"
        block = tag if tag in _BLOCKS else parent.block
        return _Open(tag, skipped, article, in_main, parent.in_pre or tag == "pre", block)

    def _close_implied(self, tag: str) -> None:
        """Close a <p> or <li> the page left open, as a browser would, so the stack stays true."""
        if tag == "li":
            self._close_open("li", stop=frozenset({"ul", "ol"}))
        elif tag in _P_CLOSERS:
            self._close_open("p", stop=None)

    def _close_open(self, target: str, stop: frozenset[str] | None) -> None:
        """Pop up to an open `target`; give up at a `stop` tag (or, if None, a non-inline one)."""
        for depth in self._search_range():
            current = self._stack[depth].tag
            if current == target:
                self.flush()
                del self._stack[depth:]
                return
            blocked = current not in _INLINE if stop is None else current in stop
            if blocked:
                return

    def _search_range(self) -> range:
        """Stack positions from the top down, at most _SEARCH_DEPTH of them, never the root."""
        return range(len(self._stack) - 1, max(0, len(self._stack) - 1 - _SEARCH_DEPTH), -1)

    def flush(self) -> None:
        """End the current block: its text, whitespace collapsed, becomes a Block."""
        lines, self._lines = self._lines, [[]]
        current = self._stack[-1]
        if current.in_pre:
            text = "".join("".join(parts) for parts in lines).strip("\n").rstrip()
        else:
            text = "\n".join(collapse("".join(parts)) for parts in lines).strip("\n")
        if text.strip():
            self.scan.blocks.append(Block(text, current.block, current.article, current.in_main))

    # -- metadata --------------------------------------------------------------------------

    def _read_metadata(self, tag: str, attrs: dict[str, str]) -> None:
        scan = self.scan
        if tag == "meta":
            key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop")
            content = attrs.get("content", "").strip()
            if key and content:
                scan.meta.setdefault(key.strip().lower(), content)
        elif tag == "link" and "canonical" in attrs.get("rel", "").lower().split():
            scan.canonical = scan.canonical or attrs.get("href", "").strip() or None
        elif attrs.get("itemprop", "").lower() == "datepublished":
            value = attrs.get("content") or attrs.get("datetime")
            if value:
                scan.meta.setdefault("datepublished", value.strip())
        if tag == "time" and attrs.get("datetime"):
            scan.times.append((self._stack[-1].article, attrs["datetime"].strip()))

    def _start_capture(self, tag: str, attrs: dict[str, str]) -> None:
        if tag == "title" and self.scan.title is None:
            self._title_parts = []
        elif tag == "script" and attrs.get("type", "").strip().lower() == "application/ld+json":
            self._json_parts = []

    def _end_capture(self, tag: str) -> None:
        if tag == "title" and self._title_parts is not None:
            self.scan.title = collapse("".join(self._title_parts)) or None
            self._title_parts = None
        elif tag == "script" and self._json_parts is not None:
            self.scan.json_ld.append("".join(self._json_parts))
            self._json_parts = None
