"""Read plain text and Markdown files: the text exactly as written, the title from its top."""

from __future__ import annotations

import re

from factdesk.core.text import first_line, normalise_text
from factdesk.sources.decode import decode_bytes
from factdesk.sources.document import SourceDocument

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_TITLE = re.compile(r"^title:[ \t]*(.+?)[ \t]*$", re.MULTILINE | re.IGNORECASE)
_HEADING_MARKS = re.compile(r"^#{1,6}(?:\s+|$)|\s+#+\s*$")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
# Intraword underscores (snake_case) are not emphasis, hence the lookarounds.
_EMPHASIS = re.compile(r"(?<![\w*_~`])(\*{1,3}|_{1,3}|`+|~~)(\S(?:.*?\S)?)\1(?![\w*_~`])")


def read_txt(path: str, data: bytes) -> SourceDocument:
    """A .txt file: title is its first non-blank line."""
    text = normalise_text(decode_bytes(data, path))
    # the first non-blank line starts at the first non-space: no need to split the whole text
    title = first_line(text.lstrip().partition("\n")[0])
    return SourceDocument(path=path, format="txt", title=title, text=text)


def read_md(path: str, data: bytes) -> SourceDocument:
    """A Markdown file, stored as written; only the title loses its `#` and emphasis marks."""
    text = normalise_text(decode_bytes(data, path))
    return SourceDocument(path=path, format="md", title=markdown_title(text), text=text)


def markdown_title(text: str) -> str:
    """The title a reader sees: front matter `title:`, else the first line without markup."""
    front = _FRONT_MATTER.match(text)
    if front:
        declared = _FRONT_TITLE.search(front.group(1))
        if declared:
            return first_line(declared.group(1).strip("\"'"))
        text = text[front.end() :]
    line = first_line(text)
    line = _HEADING_MARKS.sub("", line)
    line = _LINK.sub(r"\1", line)
    line = _EMPHASIS.sub(r"\2", line)
    return line.strip()
