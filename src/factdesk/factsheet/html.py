"""The fact sheet as HTML in Qt's rich-text subset: it drives the PDF and the print preview."""

# Everything that comes from the desk is escaped; links are only ever http(s); there are no
# scripts and no images, so rendering it fetches and runs nothing. Layout uses tables and
# simple CSS only (QTextDocument has no flexbox, floats or page-break-inside). Attribute
# values are double-quoted: Qt leaves entities such as &amp; undecoded in single-quoted ones.

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from urllib.parse import quote

from factdesk.core.statuses import LABELS
from factdesk.factsheet.model import (
    BADGE_SYMBOLS,
    ClaimBlock,
    FactSheet,
    Quotation,
    SourceRef,
    generated_label,
    long_date,
    one_line,
    web_url,
)

FONT_FAMILY = "DejaVu Sans"
# Badge colours follow the window's status chips; every one is dark enough for white text,
# and the badge always spells its verdict, so it reads on a greyscale printer too.
BADGE_COLOURS = {
    "unchecked": "#5f5f5f",
    "in_progress": "#2f6fc4",
    "verified": "#2e7d32",
    "false": "#c62828",
    "misleading": "#a65300",
    "unverifiable": "#6a44a0",
}
_URI_SAFE = "%:/?#[]@!$&'()*+,;=-._~"
STYLESHEET = f"""
body {{ font-family: '{FONT_FAMILY}'; font-size: 9.5pt; color: #111111; }}
a {{ color: #0b4f9c; text-decoration: underline; }}
ul {{ margin-top: 2px; margin-bottom: 0px; }}
.desk {{ font-size: 8.5pt; color: #444444; }}
.title {{ font-size: 18pt; font-weight: bold; }}
.meta {{ font-size: 8.5pt; color: #333333; }}
.claim {{ font-size: 11pt; font-weight: bold; }}
.said {{ font-size: 8.5pt; color: #333333; }}
.context {{ color: #333333; }}
.source {{ font-size: 8.5pt; color: #333333; }}
.head {{ font-size: 8pt; font-weight: bold; color: #333333; }}
"""


@dataclass(frozen=True, slots=True)
class Part:
    """One block of the sheet, laid out on its own so a page break never falls inside it.

    `pieces` is the same block cut between its items (header, each quotation, note,
    evidence) for when it is taller than a page; `continued` heads a page it flows onto.
    """

    html: str
    pieces: tuple[str, ...] = ()
    continued: str = ""


def render_parts(sheet: FactSheet) -> list[Part]:
    """The masthead with the summary, then one part per claim (style with STYLESHEET)."""
    return [Part(_masthead(sheet) + _summary(sheet)), *(_claim(c) for c in sheet.claims)]


def render_html(sheet: FactSheet) -> str:
    """The whole sheet as one HTML document (for a preview, or a browser)."""
    body = "\n".join(part.html for part in render_parts(sheet))
    return (
        f'<html><head><meta charset="utf-8"><title>{_text(sheet.title)}</title>'
        f"<style>{STYLESHEET}</style></head><body>\n{body}\n</body></html>\n"
    )


def _text(value: str) -> str:
    return escape(one_line(value).strip(), quote=True)


def _lines(value: str) -> str:
    """Multi-line text (a verdict note) with its line breaks kept."""
    return "<br/>".join(escape(line.strip(), quote=True) for line in value.strip().splitlines())


def _masthead(sheet: FactSheet) -> str:
    right = [f"Generated {escape(generated_label(sheet.generated_at))}"]
    if sheet.editor:
        right.append(f"Editor: {_text(sheet.editor)}")
    if sheet.organisation:
        right.append(_text(sheet.organisation))
    desk = _text(sheet.desk_name) if sheet.desk_name else "factdesk"
    return (
        '<table width="100%" cellspacing="0" cellpadding="0"><tr>'
        f'<td valign="bottom"><span class="desk">{desk.upper()}</span><br/>'
        f'<span class="title">{_text(sheet.title)}</span></td>'
        f'<td valign="bottom" align="right"><span class="meta">{"<br/>".join(right)}</span></td>'
        "</tr></table><hr/>"
    )


def _summary(sheet: FactSheet) -> str:
    """One line of counts that wraps between items, never inside a badge."""
    total = len(sheet.claims)
    if not total:
        return "<p><b>No claims match this fact sheet's filters.</b></p>"
    items = [f"<b>{total}&nbsp;{'claim' if total == 1 else 'claims'}</b>"]
    items += [f"{_badge(status, small=True)}&nbsp;{count}" for status, count in sheet.counts]
    return f'<p style="margin-top: 4px;">{" &nbsp;&nbsp; ".join(items)}</p>'


def _badge(status: str, *, small: bool = False) -> str:
    colour = BADGE_COLOURS.get(status, BADGE_COLOURS["unchecked"])
    word = escape(LABELS.get(status, status).upper()).replace(" ", "&nbsp;")
    symbol = BADGE_SYMBOLS.get(status, "")
    size = "8pt" if small else "10pt"
    return (
        f'<span style="background-color: {colour}; color: #ffffff; font-weight: bold; '
        f'font-size: {size};">&nbsp;{symbol}&nbsp;{word}&nbsp;</span>'
    )


def _claim(c: ClaimBlock) -> Part:
    said = [_text(c.speaker) if c.speaker else "Speaker not recorded"]
    if c.date:
        said.append(escape(long_date(c.date)))
    said.append(f"Claim {c.id}")
    header = (
        f'<tr><td><a name="claim-{c.id}"></a>{_badge(c.status)}&nbsp;&nbsp;'
        f'<span class="claim">{_text(c.text)}</span>'
        f'<br/><span class="said">{" · ".join(said)}</span></td></tr>'
    )
    items = [_quotation(q) for q in c.quotations]
    if c.note:
        items.append(f'<p><span class="head">VERDICT NOTE</span><br/>{_lines(c.note)}</p>')
    if c.evidence:
        entries = "".join(
            f"<li>{_link(e.source)}{' — ' + _text(e.note) if e.note else ''}</li>"
            for e in c.evidence
        )
        items.append(f'<p><span class="head">EVIDENCE</span></p><ul>{entries}</ul>')
    colour = BADGE_COLOURS.get(c.status, BADGE_COLOURS["unchecked"])
    whole = header + (f"<tr><td>{''.join(items)}</td></tr>" if items else "")
    continued = (
        f'<tr><td>{_badge(c.status, small=True)}&nbsp;&nbsp;<span class="said">'
        f"Claim {c.id}, continued</span></td></tr>"
    )
    return Part(
        _box(colour, whole),
        pieces=(_box(colour, header), *(_box(colour, f"<tr><td>{i}</td></tr>") for i in items)),
        continued=_box(colour, continued),
    )


def _box(colour: str, rows: str) -> str:
    return (
        '<table width="100%" cellspacing="0" cellpadding="6" '
        f'style="border: 1px solid {colour};">{rows}</table>'
    )


def _quotation(q: Quotation) -> str:
    gone = "" if q.found else " <i>(no longer found in the article's current text)</i>"
    return (
        '<p style="margin-left: 14px;">'
        f'<span class="context">{escape(q.before)}</span>'
        f"<b>{_text(q.quote)}</b>"
        f'<span class="context">{escape(q.after)}</span>{gone}<br/>'
        f'<span class="source">— {_source(q.source)}</span></p>'
    )


def _source(s: SourceRef) -> str:
    parts = [f"<i>{_text(s.title)}</i>"]
    parts += [escape(x) for x in (s.outlet, long_date(s.published)) if x]
    if s.url:
        parts.append(_link(s.url))
    return ", ".join(parts)


def _link(value: str) -> str:
    url = web_url(value)
    if url is None:  # a citation, or a scheme we never link to (javascript:, file:, data:)
        return _text(value)
    # percent-encode what a URI may not hold raw (<, >, ", spaces, non-ASCII); show it as typed
    href = quote(url, safe=_URI_SAFE)
    return f'<a href="{escape(href, quote=True)}">{escape(url)}</a>'
