"""Importers: read an article file (or pasted text) into a SourceDocument; no Qt, DB or network.

`read_source` picks the reader by suffix, after checking the file by stat (exists, is a file, not
over the size limit). Every problem with the input is raised as `SourceError` naming the file
and the reason; nothing is fetched from the network and no page content is ever executed.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable

from factdesk.core.errors import SourceError
from factdesk.core.noise import find_noise
from factdesk.core.text import first_line, normalise_text
from factdesk.sources.document import SourceDocument
from factdesk.sources.limits import check_size, read_bytes, stat_source
from factdesk.sources.plain import read_md, read_txt

__all__ = [
    "SUPPORTED_SUFFIXES",
    "SourceDocument",
    "SourceError",
    "document_from_text",
    "read_source",
]

_Reader = Callable[[str, bytes], SourceDocument]


# The HTML, DOCX and PDF readers load with what they need (html.parser, zipfile and expat, the
# PDF parser) when a file of their kind comes: `factdesk import` of plain text starts sooner.
def read_html(path: str, data: bytes) -> SourceDocument:
    from factdesk.sources.html import read_html as read  # noqa: PLC0415

    return read(path, data)


def read_docx(path: str, data: bytes) -> SourceDocument:
    from factdesk.sources.docx import read_docx as read  # noqa: PLC0415

    return read(path, data)


def read_pdf(path: str, data: bytes) -> SourceDocument:
    from factdesk.sources.pdf import read_pdf as read  # noqa: PLC0415

    return read(path, data)


_READERS: dict[str, _Reader] = {
    ".txt": read_txt,
    ".text": read_txt,
    ".md": read_md,
    ".markdown": read_md,
    ".html": read_html,
    ".htm": read_html,
    ".docx": read_docx,
    ".pdf": read_pdf,
}
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(_READERS)
_UNSUPPORTED = "is not a supported format (.txt, .md, .html, .docx, .pdf)"


def read_source(path: str | os.PathLike[str]) -> SourceDocument:
    """Read one article file; raise SourceError (file and reason) for anything unusable."""
    name = os.fspath(path)
    info = stat_source(name)
    reader = _READERS.get(os.path.splitext(name)[1].lower())
    if reader is None:
        raise SourceError(name, _UNSUPPORTED)
    check_size(name, info.st_size)
    document = reader(name, read_bytes(name))
    if not document.text.strip():
        raise SourceError(name, "has no text to import")
    return dataclasses.replace(document, noise=find_noise(document.text))


def document_from_text(
    text: str, *, title: str | None = None, path: str = "(pasted text)"
) -> SourceDocument:
    """A document from pasted text, normalised like a file; SourceError if there is no text."""
    text = normalise_text(text)
    if not text.strip():
        raise SourceError(path, "has no text to import")
    return SourceDocument(
        path=path,
        format="paste",
        title=first_line(title or "") or first_line(text),
        text=text,
        noise=find_noise(text),
    )
