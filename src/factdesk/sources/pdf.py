"""Read a PDF's text layer with pypdf, page by page; scanned PDFs without one are refused.

pypdf is a pure-Python parser: a damaged or hostile PDF can keep it busy for minutes (text
extraction is quadratic in a page's drawing instructions). So the file's Deadline is checked
before each page and before each drawing instruction, and very long documents are refused.
"""

from __future__ import annotations

import binascii
import io
import logging
import re
import struct
import zlib
from types import ModuleType
from typing import Any

from factdesk.core.errors import SourceError
from factdesk.core.text import first_line, normalise_text
from factdesk.sources.document import SourceDocument
from factdesk.sources.limits import Deadline

logger = logging.getLogger(__name__)

# What pypdf lets escape on a damaged file besides its own errors: it is a pure-Python parser
# walking untrusted structures, so lookups, arithmetic and recursion can fail anywhere.
_BUILTIN_ERRORS: tuple[type[BaseException], ...] = (
    ValueError,
    KeyError,
    TypeError,
    IndexError,
    AttributeError,
    AssertionError,
    RecursionError,
    ZeroDivisionError,
    OverflowError,
    EOFError,
    NotImplementedError,
    struct.error,
    zlib.error,
    binascii.Error,
)
_SPACES = re.compile(r"[ \t]+")
_TRAILING_SPACES = re.compile(r" +$", re.MULTILINE)
_UNWANTED = re.compile("[\x00\ud800-\udfff]")  # NULs and lone surrogates from broken font maps
_MAX_REASON = 80
# An article or report runs to tens of pages, a book to hundreds; past this it is not a source
# to check claims in, and reading it would take minutes.
MAX_PAGES = 2000


class _ToDebug(logging.Handler):
    """Passes pypdf's warnings about damaged files to our logger at debug level."""

    def emit(self, record: logging.LogRecord) -> None:
        logger.debug("pypdf: %s", record.getMessage())


def _pypdf() -> ModuleType:
    """Import pypdf on first use (it costs ~0.2 s at start-up) and quieten its logging."""
    import pypdf  # noqa: PLC0415

    pypdf_logger = logging.getLogger("pypdf")
    if not any(isinstance(handler, _ToDebug) for handler in pypdf_logger.handlers):
        # "Ignoring wrong pointing object" and the like are noise to a desk editor.
        pypdf_logger.addHandler(_ToDebug())
        pypdf_logger.propagate = False
    # A damaged PDF can raise a warning per object, and building those records took longer
    # than parsing (55,000 warnings: 3.4 of a 5 s read, found by fuzzing). Unless our debug
    # log wants them, pypdf drops its warnings before building them.
    wanted = logging.WARNING if logger.isEnabledFor(logging.DEBUG) else logging.ERROR
    pypdf_logger.setLevel(wanted)
    return pypdf


def read_pdf(path: str, data: bytes) -> SourceDocument:
    """A .pdf file: the text of every page, pages separated by a blank line."""
    deadline = Deadline(path)
    pypdf = _pypdf()
    errors = (pypdf.errors.PyPdfError, pypdf.errors.DependencyError, *_BUILTIN_ERRORS)
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            _decrypt(path, reader, pypdf)
        pages = _page_texts(path, reader, deadline)
        declared_title = _declared_title(reader)
    except errors as exc:
        raise SourceError(path, f"is not a readable PDF ({_reason(exc, pypdf)})") from None
    text = "\n\n".join(page for page in pages if page)
    if not text.strip():
        raise SourceError(path, "has no text layer (a scanned PDF?)")
    title = first_line(declared_title) or first_line(text)
    return SourceDocument(path=path, format="pdf", title=title, text=text)


def _page_texts(path: str, reader: Any, deadline: Deadline) -> list[str]:
    """Each page's cleaned text, within the page limit and the file's deadline."""
    count = len(reader.pages)
    if count > MAX_PAGES:
        raise SourceError(path, f"has {count:,} pages, over the {MAX_PAGES:,}-page import limit")

    def each_instruction(*_args: object) -> None:
        deadline.check()

    texts = []
    for page in reader.pages:
        deadline.check()
        texts.append(clean_page(page.extract_text(visitor_operand_before=each_instruction)))
    return texts


def _decrypt(path: str, reader: Any, pypdf: ModuleType) -> None:
    """Open a PDF locked only against editing (empty user password); refuse any other."""
    try:
        opened = reader.decrypt("")
    except (pypdf.errors.PyPdfError, pypdf.errors.DependencyError, NotImplementedError):
        opened = pypdf.PasswordType.NOT_DECRYPTED
    if opened == pypdf.PasswordType.NOT_DECRYPTED:
        raise SourceError(path, "is encrypted (it needs a password to open)")


def clean_page(text: str) -> str:
    """One page's extracted text: runs of tabs and spaces made single spaces, lines trimmed right.

    pypdf puts tabs between words in some PDFs; they are layout, not content.
    """
    text = normalise_text(_UNWANTED.sub(lambda m: "" if m[0] == "\x00" else "\ufffd", text))
    text = _TRAILING_SPACES.sub("", _SPACES.sub(" ", text))
    return text.strip("\n")


def _declared_title(reader: Any) -> str:
    """The /Title in the document information dictionary, if it says anything."""
    metadata = reader.metadata
    title = metadata.title if metadata is not None else None
    return " ".join(str(title).split()) if title else ""


def _reason(exc: BaseException, pypdf: ModuleType) -> str:
    """A short reason: pypdf's own message, or a plain one for a crash deep in the parser."""
    if isinstance(exc, pypdf.errors.PyPdfError):
        message = str(exc).strip().split("\n", 1)[0]
        if message:
            return message if len(message) <= _MAX_REASON else message[: _MAX_REASON - 1] + "…"
    return "its structure is damaged"
