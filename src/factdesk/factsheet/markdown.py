"""Fact sheets as Markdown: the content of the PDF, readable as plain text too."""

from __future__ import annotations

import re

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

# Escaped anywhere: what would start emphasis, code, links, raw HTML, tables or strikethrough.
_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
# Escaped at the start of a line only: headings, list items, setext underlines.
_LINE_START = re.compile(
    r"^([ \t]*)(#{1,6}(?=[ \t]|$)|[-+](?=[ \t]|$)|\d{1,9}(?=[.)](?:[ \t]|$))|[=-]+(?=[ \t]*$))",
    re.MULTILINE,
)
_ENTITY = re.compile(r"&(?=#?\w+;)")
# A run of # at the end of a heading is its optional closing sequence, which renderers drop.
_CLOSING_HASHES = re.compile(r"(?<=[ \t])#+(?=[ \t]*$)")


def escape(text: str) -> str:
    """Article text as literal Markdown: every character shows as written, nothing renders."""
    text = _ENTITY.sub("&amp;", _INLINE.sub(r"\\\1", text))
    return _LINE_START.sub(_escape_line_start, text)


def heading(text: str) -> str:
    """Text for an ATX heading line: escaped, with a trailing "#" run kept as text (a claim
    "We are number one ##" would otherwise lose its last word)."""
    return _CLOSING_HASHES.sub(lambda m: "\\" + m[0], escape(one_line(text)))


def _escape_line_start(match: re.Match[str]) -> str:
    lead, mark = match[1], match[2]
    return f"{lead}\\{mark}" if not mark[0].isdigit() else f"{lead}{mark}\\"


def render_markdown(sheet: FactSheet) -> str:
    lines = [f"# {heading(sheet.title)}", ""]
    byline = [f"Generated {generated_label(sheet.generated_at)}"]
    if sheet.desk_name:
        byline.insert(0, f"Desk: {escape(sheet.desk_name)}")
    if sheet.editor:
        byline.append(f"Editor: {escape(sheet.editor)}")
    lines += [" · ".join(byline), ""]
    lines += [_summary(sheet), ""]
    for claim in sheet.claims:
        lines += ["---", "", *_claim(claim)]
    return "\n".join(lines).rstrip("\n") + "\n"


def _summary(sheet: FactSheet) -> str:
    total = len(sheet.claims)
    if not total:
        return "**No claims match this fact sheet's filters.**"
    parts = [f"{n} {_label(status)}" for status, n in sheet.counts]
    noun = "claim" if total == 1 else "claims"
    return f"**{total} {noun}:** " + " · ".join(parts)


def _label(status: str) -> str:
    return LABELS.get(status, status)


def _claim(c: ClaimBlock) -> list[str]:
    badge = f"{BADGE_SYMBOLS.get(c.status, '·')} {c.label.upper()}"
    lines = [f"## {badge} — {heading(c.text)}", ""]
    said = [f"**Speaker:** {escape(c.speaker)}" if c.speaker else "**Speaker:** not recorded"]
    if c.date:
        said.append(f"**Date:** {long_date(c.date)}")
    said.append(f"Claim #{c.id}")
    lines += [" · ".join(said), ""]
    for q in c.quotations:
        lines += [*_quotation(q), ""]
    if c.note:
        lines += ["**Verdict note:**", "", escape(c.note.strip()), ""]
    if c.evidence:
        lines.append("**Evidence:**")
        lines.append("")
        for e in c.evidence:
            note = f" — {escape(one_line(e.note))}" if e.note else ""
            lines.append(f"- {_link(e.source)}{note}")
        lines.append("")
    return lines


def _quotation(q: Quotation) -> list[str]:
    quote = escape(one_line(q.quote).strip())
    body = f"> {escape(q.before)}**{quote}**{escape(q.after)}"
    gone = " (no longer found in the article's current text)" if not q.found else ""
    return [body, ">", f"> — {_source(q.source)}{gone}"]


def _source(s: SourceRef) -> str:
    parts = [f"*{escape(one_line(s.title))}*"]
    parts += [escape(x) for x in (s.outlet, long_date(s.published)) if x]
    if s.url:
        parts.append(_link(s.url))
    return ", ".join(parts)


def _link(value: str) -> str:
    url = web_url(value)
    if url and "<" not in url and ">" not in url:
        return f"<{url}>"
    return escape(one_line(value))
