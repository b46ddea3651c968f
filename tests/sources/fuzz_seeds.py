"""Real-shaped article files for the fuzz tests to mutate, built in code (no fixture files).

Mutating files shaped like the ones people import reaches much deeper into each importer than
random bytes do: a random byte string is refused at the first check, while a damaged news page
gets through the decoder, the parser and the metadata readers before it breaks. So the seeds
look like real articles: a headline, paragraphs with curly and straight quotes, a photo caption
printed twice, "(Image: Getty)" credit lines and a footer, and for each format the structure
real files have (HTML scripts, menus and JSON-LD; Word runs, tabs, tracked deletions and core
properties; multi-page PDFs, compressed or not, with an information dictionary).
"""

from __future__ import annotations

import functools
import io
import warnings
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass

import docx  # python-docx, only to write a real Word file
from pdf_maker import make_pdf


@dataclass(frozen=True)
class Article:
    """One news story: what every seed of every format is made from."""

    headline: str
    paragraphs: tuple[str, ...]
    caption: str
    credit: str
    footer: str


ARTICLES: tuple[Article, ...] = (
    Article(
        headline="Prime Minister pledges support for Ukraine at Paris summit",
        paragraphs=(
            "Sir Keir Starmer said: ‘This is a once-in-a-generation moment for our security.’",
            'He told the BBC: "We cannot allow any divisions in the alliance to distract us."',
            "Defence spending will rise to 2.5 per cent of GDP, costing £6bn a year – "
            "“a price worth paying”, the Chancellor said.",
            "Nato’s Secretary General, Mark Rutte, will attend the meeting in Paris 🇫🇷.",
        ),
        caption="The Prime Minister arrives at the Élysée Palace on Monday",
        credit="(Image: Getty)",
        footer="Read more at Example.co.uk",
    ),
    Article(
        headline="Council admits pothole repairs fell 40% short of target",
        paragraphs=(
            "The council’s own figures show 1,204 of 2,000 promised repairs were made.",
            "Cllr Jane O'Neill said the claim that “every road was fixed” was ‘simply untrue’.",
            'A spokesperson said: "We regret the shortfall and will publish a new plan."',
        ),
        caption="Workers repair a road in Leeds city centre last spring",
        credit="(\nGetty Images)",
        footer="© 2025 Example News Ltd. All rights reserved.",
    ),
    Article(
        headline="Київ says grain exports rose – Kremlin disputes figures",
        paragraphs=(
            "Officials in Київ said exports rose 12% in January; Moscow called it «propaganda».",
            "“We have the ship manifests,” a minister said. ‘They don’t.’",
            "Prices in € fell to 210 a tonne, the lowest since 2020 — a fact traders confirmed.",
        ),
        caption="A cargo ship is loaded with grain at the port of Odesa",
        credit="Photo: Reuters/Ivan Petrenko",
        footer="Images are for reference only.",
    ),
)


def article_lines(article: Article) -> list[str]:
    """The story as lines, as a reader sees it: caption and credit twice, footer last."""
    body = list(article.paragraphs)
    middle = len(body) // 2
    figure = [article.caption, article.credit]
    return [article.headline, *body[:middle], *figure, *body[middle:], *figure, article.footer]


# -- plain text and Markdown ------------------------------------------------------------------


def text_seeds() -> list[bytes]:
    """.txt files as editors save them: UTF-8, with a BOM and CRLF, Windows-1252 and UTF-16."""
    first, second, third = ("\n".join(article_lines(a)) + "\n" for a in ARTICLES)
    return [
        first.encode("utf-8"),
        "\ufeff".encode() + second.replace("\n", "\r\n").encode("utf-8"),
        second.encode("cp1252"),
        third.encode("utf-16"),
        (first + "\n\f\n" + third).encode("utf-8"),  # two stories, a form feed between them
    ]


def markdown_seeds() -> list[bytes]:
    """.md files: front matter, headings, emphasis, links, an image and a quote block."""
    seeds = []
    for number, article in enumerate(ARTICLES):
        body = "\n\n".join(
            f"{p} *[{n}](https://example.co.uk/{n})*" for n, p in enumerate(article.paragraphs)
        )
        lines = [
            f"# **{article.headline}** #",
            "",
            f"![{article.caption}](images/photo_{number}.jpg)",
            article.caption,
            article.credit,
            "",
            body,
            "",
            f"> {article.paragraphs[0]}",
            "",
            article.caption,
            f"- {article.paragraphs[-1]}\n- _{article.credit}_",
            "",
            "---",
            article.footer,
        ]
        text = "\n".join(lines) + "\n"
        if number == 1:
            text = f'---\ntitle: "{article.headline}"\ndate: 2025-02-17\n---\n' + text
        seeds.append(text.encode("utf-8"))
    return seeds


# -- HTML -------------------------------------------------------------------------------------

_HEAD = """<!DOCTYPE html>
<html lang="en-GB"><head>
<meta charset="{charset}">
<title>{headline} | The Daily Example</title>
<meta property="og:title" content="{headline}">
<meta property="og:site_name" content="The Daily Example">
<meta name="description" content="{first}">
<meta property="article:published_time" content="2025-02-17T07:45:00+00:00">
<link rel="canonical" href="https://www.example.co.uk/news/story-{number}">
<script type="application/ld+json">
{{"@context": "https://schema.org", "@graph": [{{"@type": "NewsArticle",
  "headline": "{headline}", "datePublished": "2025-02-16T09:30:00Z",
  "publisher": {{"@type": "Organization", "name": "Example Media Group"}},
  "author": [{{"@type": "Person", "name": "Jane O\\u2019Neill"}}]}}]}}
</script>
<script>var ads = "</div><p>not text</p>"; if (a < b && c > d) {{ track(); }}</script>
<style>.story p {{ font-family: serif; }} /* never text */</style>
<!--[if lt IE 9]><script src="html5shiv.js"></script><![endif]-->
</head>"""

_NAV = """<body class="page has-sidebar">
<div id="cookie-banner" class="cookie-consent">We use cookies. <button>Accept</button></div>
<header class="masthead"><a href="/">The Daily Example</a>
<nav class="main-nav"><ul><li><a href="/news">News</a><li><a href="/sport">Sport</a></ul></nav>
</header>
<div class="ad ad-leaderboard">ADVERTISEMENT</div>"""

_FOOT = """<aside class="related"><h3>Related</h3><a href="/x">Macron hosts summit</a></aside>
<div class="newsletter-signup"><form><input type="email"><button>Sign up</button></form></div>
</article>
</main>
<footer><p>{footer}</p><p>&copy; The Daily Example 2025</p></footer>
<script>document.write("<p>INJECTED</p>")</script>
</body></html>
"""


def _html_escape_quotes(text: str) -> str:
    """The article's text as a CMS writes it: some curly quotes as entities, & escaped."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("‘", "&lsquo;").replace("”", "&#8221;").replace("“", "&#x201C;")


def _html_page(article: Article, number: int, *, charset: str, tidy: bool) -> str:
    """A saved news page; `tidy` False leaves paragraphs unclosed and tags misnested."""
    escaped = [_html_escape_quotes(p) for p in article.paragraphs]
    figure = (
        f'<figure><img src="https://img.example.co.uk/{number}.jpg" alt="{article.caption}">'
        f"<figcaption>{article.caption} {article.credit}</figcaption></figure>"
        f"<p>{article.caption}</p><p class=credit>{article.credit}</p>"
    )
    if tidy:
        paragraphs = "\n".join(f"<p>{p}</p>" for p in escaped)
    else:
        paragraphs = "\n".join(f"<P>{p}" for p in escaped)
        paragraphs += "\n<p><b>Bold <i>and italic</b> misnested</i>&nbsp;end</div></span>"
    head = _HEAD.format(
        charset=charset, headline=article.headline, first=article.paragraphs[0], number=number
    )
    article_markup = (
        f'<main><article class="story">\n<header><h1>{article.headline}</h1>\n'
        f'<time datetime="2025-02-16T09:30">16 February 2025</time></header>\n'
        f'<div class="share-buttons"><a>Share</a></div>\n{paragraphs}\n{figure}\n'
        f"<blockquote>{escaped[0]}</blockquote>\n<p>{figure}</p>\n"
    )
    return head + _NAV + article_markup + _FOOT.format(footer=article.footer)


def html_seeds() -> list[bytes]:
    """Saved news pages: tidy and sloppy markup, UTF-8 and Windows-1252."""
    first, second, third = ARTICLES
    return [
        _html_page(first, 0, charset="utf-8", tidy=True).encode("utf-8"),
        _html_page(second, 1, charset="windows-1252", tidy=False).encode("cp1252"),
        _html_page(third, 2, charset="utf-8", tidy=False).encode("utf-8"),
        # A fragment with no article, main or head: the body-paragraphs fallback.
        "".join(f"<p>{line}" for line in article_lines(first)).encode("utf-8"),
    ]


# -- Word -------------------------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
_CORE = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
    'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
    "<dc:title>{title}</dc:title><dc:creator>Jane O’Neill</dc:creator></cp:coreProperties>"
)


def _xml_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _runs(text: str) -> str:
    """A paragraph as Word splits it: several runs, a tab, a tracked deletion in the middle."""
    words = _xml_escape(text).split(" ")
    half = len(words) // 2
    return (
        f'<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{" ".join(words[:half])} </w:t></w:r>'
        '<w:del w:id="1" w:author="Sub"><w:r><w:delText>deleted words </w:delText></w:r></w:del>'
        f"<w:r><w:tab/><w:t>{' '.join(words[half:])}</w:t><w:noBreakHyphen/></w:r>"
    )


def _document_xml(article: Article) -> str:
    """word/document.xml for the story: runs, a table, a text box with its fallback, breaks."""
    paragraphs = "".join(f"<w:p>{_runs(line)}</w:p>" for line in article_lines(article))
    table = (
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Year</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>2.5%</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    )
    textbox = (
        f'<w:p><w:r><mc:AlternateContent xmlns:mc="{_MC_NS}"><mc:Choice Requires="wps">'
        "<w:t>In the box</w:t></mc:Choice><mc:Fallback><w:t>In the box</w:t></mc:Fallback>"
        "</mc:AlternateContent><w:br/><w:t>After a break</w:t></w:r></w:p>"
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W_NS}">'
        f"<w:body>{paragraphs}{table}{textbox}<w:sectPr/></w:body></w:document>"
    )


# zipfile stamps each part with the current time; a fixed one keeps the seeds, and so the
# derandomised CI cases (and hypothesis's replays of a case), the same from run to run.
_STAMP = (2025, 2, 17, 9, 30, 0)


def zip_bytes(
    members: Iterable[tuple[str, bytes | str]], *, compression: int = zipfile.ZIP_DEFLATED
) -> bytes:
    """A zip archive holding `members` in order (a name may repeat), all stamped _STAMP."""
    out = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns of a repeated name
        with zipfile.ZipFile(out, "w", compression) as archive:
            for name, data in members:
                archive.writestr(zipfile.ZipInfo(name, _STAMP), data, compress_type=compression)
    return out.getvalue()


def _handmade_docx(article: Article, *, compression: int) -> bytes:
    return zip_bytes(
        [
            ("[Content_Types].xml", _CONTENT_TYPES),
            ("_rels/.rels", _RELS),
            ("word/document.xml", _document_xml(article)),
            ("docProps/core.xml", _CORE.format(title=_xml_escape(article.headline))),
        ],
        compression=compression,
    )


def _word_docx(article: Article) -> bytes:
    """A file written by python-docx: the full part list (styles, theme, settings) Word writes."""
    document = docx.Document()
    document.core_properties.title = article.headline
    for line in article_lines(article):
        paragraph = document.add_paragraph()
        head, _, tail = line.partition(" ")
        paragraph.add_run(head + " ").bold = True
        paragraph.add_run(tail + "\t").add_break()
    out = io.BytesIO()
    document.save(out)
    with zipfile.ZipFile(out) as archive:  # again, with fixed time stamps
        return zip_bytes((info.filename, archive.read(info)) for info in archive.infolist())


def docx_seeds() -> list[bytes]:
    """Word documents: hand-made (deflated and stored) and one written by python-docx."""
    first, second, third = ARTICLES
    return [
        _handmade_docx(first, compression=zipfile.ZIP_DEFLATED),
        _handmade_docx(second, compression=zipfile.ZIP_STORED),
        _word_docx(third),
    ]


# -- PDF --------------------------------------------------------------------------------------


def _pages(article: Article, per_page: int) -> list[list[str]]:
    """The story's lines, `per_page` to a page, in what Helvetica's WinAnsi encoding can show."""
    lines = [line.encode("cp1252", "replace").decode("cp1252") for line in article_lines(article)]
    return [lines[i : i + per_page] for i in range(0, len(lines), per_page)]


def pdf_seeds() -> list[bytes]:
    """Multi-page PDFs, plain and FlateDecode-compressed, with and without a /Title."""
    first, second, third = ARTICLES
    return [
        make_pdf(_pages(first, 3), title=first.headline),
        make_pdf(_pages(second, 2), compress=True),
        make_pdf([*_pages(third, 4), [], ["Page after a blank one"]], title="", compress=True),
    ]


@functools.cache
def seeds() -> dict[str, tuple[bytes, ...]]:
    """Every seed, by importer ("txt", "md", "html", "docx", "pdf"); built once per run."""
    return {
        "txt": tuple(text_seeds()),
        "md": tuple(markdown_seeds()),
        "html": tuple(html_seeds()),
        "docx": tuple(docx_seeds()),
        "pdf": tuple(pdf_seeds()),
    }
