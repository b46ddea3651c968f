"""A hostile desk for the security tests: markup, remote and local images, script URLs and
spreadsheet formulas in every field an article or a person can fill, and a listener that
notices any attempt to fetch what they point at.
"""

from __future__ import annotations

import html
import http.server
import struct
import threading
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtGui import QTextDocument

# -- a listener on 127.0.0.1: the "remote" host every hostile URL points at ----------------


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(404)
        self.end_headers()

    do_HEAD = do_POST = do_GET

    def log_message(self, *_args: Any) -> None:
        """Quiet: the test reads the connections, not the log."""


class _Server(http.server.HTTPServer):
    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.connections: list[tuple[str, int]] = []

    def verify_request(self, request: Any, client_address: Any) -> bool:
        # every accepted TCP connection counts, even one that never sends a request line
        self.connections.append(client_address)
        return True


@dataclass
class Listener:
    """The base URL of a local server, and every connection it has had."""

    base: str
    server: _Server = field(repr=False)

    @property
    def connections(self) -> list[tuple[str, int]]:
        return list(self.server.connections)


@contextmanager
def listening() -> Iterator[Listener]:
    server = _Server()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield Listener(f"http://{host}:{port}", server)
    finally:
        server.shutdown()
        thread.join()
        server.server_close()


# -- a real image on disk: what a rich-text label would load for <img src="file://..."> -------


def write_png(path: Path, width: int = 40, height: int = 30) -> Path:
    """A solid red PNG, written without Qt."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows))
    path.write_bytes(data + chunk(b"IEND", b""))
    return path


# -- the hostile desk ------------------------------------------------------------------------

JS_URL = "javascript:alert(1)"
CITATION = "Hansard, 17 February 2025, col. 42"
DOI = "doi:10.1000/182"
SAFE_LINK = "https://example.org/report?a=1&b=<x>"
BAD_EVIDENCE = (
    JS_URL,
    "  JavaScript:alert(2)",
    "file:///etc/passwd",
    "data:text/html,<script>alert(3)</script>",
)
OUTLET = '<a href="file:///etc/passwd">Evil Outlet</a>'
SPEAKER = '<b>The mayor</b> & "aides", staff'
BREAKOUT = "</script><script>alert('claim')</script>"
# ends in a "#" run, which a Markdown heading would drop as its closing sequence
BREAKOUT_TEXT = f"{BREAKOUT} We are number one ##"
MINUTES = "Minutes of the meeting\n  =2+3 was pasted into the minutes\n\t@SUM(A1) and -1+1 too\n"
TRAVERSAL_TITLE = "../../outside/evil:CON|name"
# short enough for a search snippet (12 words) to hold whole tags
SEARCHABLE = "Search finds <b>this</b> and <img src=probe.png> here."


@dataclass(frozen=True)
class Hostile:
    """What `fill_hostile` put in the desk, to look for in every output."""

    base: str  # the listener's URL
    file_img: str  # <img src="file:///.../probe.png">, a real image on disk
    remote_img: str  # <img src="http://127.0.0.1:port/remote.png">
    title: str  # the article's title, holding file_img
    quote: str  # the first claim's quote: remote_img, as the article shows it
    claim_text: str  # holds file_img
    note: str  # both images, Markdown and HTML syntax, a formula, line breaks
    page_doc: int
    minutes_doc: int
    traversal_doc: int
    claim: int  # the false claim with every hostile field
    breakout: int  # the misleading claim whose text ends a <script>
    formula: int  # the verified claim quoting formulas with leading whitespace
    evidence_page: str  # an http evidence URL on the listener (linked, never fetched)
    pasted_evidence: str  # a citation pasted with markup in it: holds file_img

    @property
    def all_markup(self) -> tuple[str, ...]:
        return (self.file_img, self.remote_img, OUTLET, SPEAKER)


def hostile_page(base: str, file_img: str, remote_img: str) -> str:
    """An article page full of things a browser would fetch or run, and markup as text."""
    return f"""<!doctype html><html><head>
<title>Ignored title</title>
<base href="{base}/base/">
<meta property="og:site_name" content='{OUTLET}'>
<meta http-equiv="refresh" content="0; url={base}/refresh">
<link rel="stylesheet" href="{base}/style.css">
<link rel="icon" href="{base}/favicon.ico">
<link rel="preload" as="image" href="{base}/preload.png">
<link rel="canonical" href="{JS_URL}">
<script src="{base}/script.js"></script>
<style>@import url({base}/import.css); body {{ background: url({base}/bg.png) }}</style>
</head><body><article>
<h1>Budget row {html.escape(file_img)} at the council</h1>
<p>The mayor said: {html.escape(remote_img)} we will cut waste by half.</p>
<p>Entities decode once: &amp;lt;b&amp;gt; stays as typed, and so does AT&amp;T.</p>
<p>{html.escape(SEARCHABLE)}</p>
<img src="{base}/img.png" srcset="{base}/img2x.png 2x" alt="ALT-TEXT">
<picture><source srcset="{base}/source.webp"><img src="{base}/picture.png"></picture>
<iframe src="{base}/frame.html">IFRAME-TEXT</iframe>
<object data="{base}/object.swf">OBJECT-TEXT</object>
<embed src="{base}/embed.swf">
<video poster="{base}/poster.png" src="{base}/video.mp4"></video>
<audio src="{base}/audio.mp3"></audio>
<script>document.write('SCRIPT-RAN')</script>
<noscript>NOSCRIPT-TEXT</noscript>
<p style="background-image: url({base}/inline.png)">Styled paragraph stays as text.</p>
<svg><image href="{base}/svg.png"/><text>SVG-TEXT</text></svg>
<form action="{base}/form"><input type="image" src="{base}/input.png"></form>
</article></body></html>
"""


def fill_hostile(desk: Any, folder: Path, base: str) -> Hostile:
    """Import a hostile page and two text files into `desk` and make three claims on them,
    through the desk's own services (as the window and the command line do)."""
    folder.mkdir(parents=True, exist_ok=True)
    probe = write_png(folder / "probe.png")
    file_img = f'<img src="{probe.as_uri()}">'
    remote_img = f'<img src="{base}/remote.png">'
    page = folder / "council.html"
    page.write_text(hostile_page(base, file_img, remote_img), encoding="utf-8")
    minutes = folder / "minutes.txt"
    minutes.write_text(MINUTES, encoding="utf-8")
    traversal = folder / "traversal.txt"
    traversal.write_text(f"{TRAVERSAL_TITLE}\nA short article.\n", encoding="utf-8")
    report = desk.import_files([page, minutes, traversal])
    page_doc, minutes_doc, traversal_doc = (d.id for d in report.imported)

    claim_text = f"Mayor claims {file_img} cuts"
    note = (
        f"{remote_img} and {file_img}\n# not a heading\n| a | b |\n"
        f"=1+1 [x]({JS_URL}) `code` ![i]({base}/md.png) <script>alert(4)</script>"
    )
    evidence_page = f"{base}/evidence-page"
    pasted_evidence = f"{file_img} screenshot of the budget"
    claim = desk.add_claim(
        page_doc,
        quote=remote_img,
        text=claim_text,
        speaker=SPEAKER,
        date="2026-01-05",
        status="false",
        note=note,
    ).value
    for source in (*BAD_EVIDENCE, SAFE_LINK, evidence_page, CITATION, DOI, pasted_evidence):
        desk.add_evidence(claim.id, source, "")
    breakout = desk.add_claim(
        page_doc,
        quote="we will cut waste by half",
        text=BREAKOUT_TEXT,
        speaker="=cmd|' /C calc'!A0",
        status="misleading",
        note="@SUM(1+1)*cmd|' /C calc'!A0",
    ).value
    text = desk.document(minutes_doc).text
    start = text.index("  =2+3")
    formula = desk.add_claim(
        minutes_doc,
        span=(start, start + len("  =2+3 was pasted")),
        text="-2+3 is in the minutes",
        speaker="+44 20 7946 0000",
        status="verified",
        note="\t=tab first",
    ).value
    return Hostile(
        base=base,
        file_img=file_img,
        remote_img=remote_img,
        title=f"Budget row {file_img} at the council",
        quote=remote_img,
        claim_text=claim_text,
        note=note,
        page_doc=page_doc,
        minutes_doc=minutes_doc,
        traversal_doc=traversal_doc,
        claim=claim.id,
        breakout=breakout.id,
        formula=formula.id,
        evidence_page=evidence_page,
        pasted_evidence=pasted_evidence,
    )


# -- what Qt shows ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Shown:
    """What a text widget or document displays: its characters, how many images it holds
    (each one a resource Qt loads) and the targets of its links."""

    text: str
    images: int
    links: tuple[str, ...]


def read_document(doc: Any) -> Shown:
    """Walk a QTextDocument's fragments: the text, image fragments and anchors it holds."""
    images, links = 0, []
    block = doc.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            char_format = fragments.fragment().charFormat()
            images += char_format.isImageFormat()
            if char_format.isAnchor() and char_format.anchorHref():
                links.append(char_format.anchorHref())
            fragments += 1
        block = block.next()
    return Shown(doc.toPlainText(), images, tuple(links))


def read_label(label: Any) -> Shown:
    """What a QLabel draws. Rich text is parsed into a QTextDocument (a child of the label,
    which is where an <img> is loaded and an <a> made); plain text is drawn as given, through
    no document at all unless the label is selectable, when the document holds it verbatim."""
    documents = label.findChildren(QTextDocument)
    if not documents:
        return Shown(label.text(), 0, ())
    return read_document(documents[0])
