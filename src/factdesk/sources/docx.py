"""Read a Word .docx with zipfile and expat: paragraph text in order, title from core properties.

A .docx is a zip of XML parts, so it is checked for zip bombs (from the sizes the zip declares,
and again while reading, a megabyte at a time, in case they lie) and for XML entity declarations
(billion laughs) before use.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from abc import ABC, abstractmethod
from collections.abc import Callable
from xml.parsers import expat

from factdesk.core.errors import SourceError
from factdesk.core.text import first_line, normalise_text
from factdesk.sources.document import SourceDocument
from factdesk.sources.limits import MIB, Deadline, megabytes

DOCUMENT_PART = "word/document.xml"
CORE_PART = "docProps/core.xml"
MAX_TOTAL_BYTES = 256 * MIB
MAX_DOCUMENT_BYTES = 64 * MIB
MAX_CORE_BYTES = 1 * MIB
MAX_RATIO = 200  # real Word XML compresses about 10:1; zeros compress 1000:1
RATIO_FLOOR_BYTES = 1 * MIB  # tiny members can have any ratio without harm
# Word writes a few dozen parts (a few hundred with many images). zipfile builds an object for
# every central-directory record before anything can be checked, so a 64 MB file of empty
# records would cost seconds and hundreds of MB; such a file is refused first.
MAX_MEMBERS = 10_000
# Word compresses with deflate or not at all. zipfile inflates bzip2 and LZMA members without a
# size bound, so one that lies about its size could fill memory: those are refused unread.
_WORD_METHODS = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED})
_CHUNK = 1 * MIB  # members are inflated, and XML parsed, this much at a time
_CENTRAL_RECORD = b"PK\x01\x02"

_W = frozenset(
    {
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",  # "Strict" Open XML
    }
)
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_DC = "http://purl.org/dc/elements/1.1/"
# A non-breaking hyphen reads (and is quoted) as a plain hyphen; soft hyphens are invisible.
_RUN_TEXT = {"tab": "\t", "br": "\n", "cr": "\n", "noBreakHyphen": "-"}
# What zipfile and zlib raise on a damaged archive (RuntimeError: an encrypted member).
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    struct.error,
    EOFError,
    OSError,
    ValueError,
    RuntimeError,
)


_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class _EntityDeclared(Exception):
    """Raised from the expat handlers to stop at a DOCTYPE or ENTITY declaration."""


def read_docx(path: str, data: bytes) -> SourceDocument:
    """A .docx file: body paragraphs (tables included) joined by newlines."""
    if data.startswith(_OLE_MAGIC):
        # Word saves password-protected .docx files, like old .doc files, in this container.
        raise SourceError(
            path, "is not a valid Word document (it is password-protected or an old .doc file)"
        )
    deadline = Deadline(path)
    _check_member_count(path, data)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            _check_sizes(path, archive)
            body = _read_part(path, archive, DOCUMENT_PART, MAX_DOCUMENT_BYTES)
            core = _read_optional_part(path, archive, CORE_PART, MAX_CORE_BYTES)
    except _ZIP_ERRORS as exc:
        raise SourceError(path, f"is not a valid Word document ({_zip_reason(exc)})") from None
    paragraphs = _parse(path, body, DOCUMENT_PART, _BodyText, deadline)
    text = normalise_text("\n".join(paragraphs)).strip("\n")
    title_parts = _parse(path, core, CORE_PART, _CoreTitle, deadline) if core else []
    title = first_line(" ".join("".join(title_parts).split())) or first_line(text)
    return SourceDocument(path=path, format="docx", title=title, text=text)


def _check_member_count(path: str, data: bytes) -> None:
    """Refuse a zip with more parts than any Word document, before zipfile lists them.

    Every central-directory record starts with its signature, so counting the signature is a
    cheap upper bound on the number of parts.
    """
    if data.count(_CENTRAL_RECORD) > MAX_MEMBERS:
        raise SourceError(
            path, f"is not a valid Word document (it holds over {MAX_MEMBERS:,} parts)"
        )


def _check_sizes(path: str, archive: zipfile.ZipFile) -> None:
    """Refuse archives whose declared sizes or compression ratios only a zip bomb would have."""
    members = archive.infolist()
    total = sum(info.file_size for info in members)
    if total > MAX_TOTAL_BYTES:
        raise SourceError(
            path,
            f"looks like a zip bomb: it would unpack to {megabytes(total)}, "
            f"over the {MAX_TOTAL_BYTES // MIB} MB limit",
        )
    for info in members:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FLOOR_BYTES and ratio > MAX_RATIO:
            raise SourceError(
                path, f"looks like a zip bomb: {info.filename} is compressed {ratio:.0f} to 1"
            )


def _read_part(path: str, archive: zipfile.ZipFile, name: str, limit: int) -> bytes:
    """Read one member, never more than `limit` bytes whatever its header claims.

    It is inflated a chunk at a time: asked for `limit` bytes at once, zipfile would inflate
    that much before cutting the data to the (possibly lying) declared size.
    """
    try:
        info = archive.getinfo(name)
    except KeyError:
        raise SourceError(path, f"is not a valid Word document (it has no {name})") from None
    if info.compress_type not in _WORD_METHODS:
        raise SourceError(
            path, f"is not a valid Word document ({name} uses a compression Word does not use)"
        )
    if info.file_size > limit:
        raise SourceError(path, _over_limit(name, info.file_size, limit))
    chunks: list[bytes] = []
    size = 0
    with archive.open(info) as member:
        while chunk := member.read(_CHUNK):
            size += len(chunk)
            if size > limit:
                raise SourceError(path, _over_limit(name, size, limit))
            chunks.append(chunk)
    return b"".join(chunks)


def _read_optional_part(path: str, archive: zipfile.ZipFile, name: str, limit: int) -> bytes:
    """A member that may be missing (core properties): empty bytes when absent."""
    if name not in archive.namelist():
        return b""
    return _read_part(path, archive, name, limit)


def _over_limit(name: str, size: int, limit: int) -> str:
    return (
        f"looks like a zip bomb: {name} would unpack to {megabytes(size)}, "
        f"over the {limit // MIB} MB limit"
    )


def _zip_reason(exc: BaseException) -> str:
    """A short reason for a damaged archive, in words a user can pass on."""
    if isinstance(exc, zipfile.BadZipFile) and "File is not a zip file" in str(exc):
        return "it is not a zip archive"
    if isinstance(exc, RuntimeError) and "encrypted" in str(exc).lower():
        return "it is password-protected"
    return "the zip archive is damaged"


class _Reader(ABC):
    """Base for expat callback holders: start, end and character data for namespaced names."""

    def start(self, name: str, attrs: dict[str, str]) -> None:  # noqa: B027  (optional hook)
        """An element opened; `name` is "namespace local"."""

    def end(self, name: str) -> None:  # noqa: B027  (optional hook)
        """An element closed."""

    def text(self, data: str) -> None:  # noqa: B027  (optional hook)
        """Character data inside the current element."""

    @abstractmethod
    def result(self) -> list[str]:
        """What the reader collected."""


def _parse(
    path: str, xml: bytes, part: str, reader_class: Callable[[], _Reader], deadline: Deadline
) -> list[str]:
    """Run expat over one part with `reader_class`, refusing any DTD or entity declaration.

    The part is fed a chunk at a time, checking the deadline between chunks.
    """
    reader = reader_class()
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True
    parser.StartDoctypeDeclHandler = _refuse
    parser.EntityDeclHandler = _refuse
    parser.StartElementHandler = reader.start
    parser.EndElementHandler = reader.end
    parser.CharacterDataHandler = reader.text
    try:
        for start in range(0, len(xml), _CHUNK):
            parser.Parse(xml[start : start + _CHUNK], False)
            deadline.check()
        parser.Parse(b"", True)
    except _EntityDeclared:
        raise SourceError(path, "is not a valid Word document (it declares XML entities)") from None
    except expat.ExpatError as exc:
        reason = expat.ErrorString(exc.code) if exc.code else "unreadable"
        raise SourceError(path, f"is not a valid Word document ({part}: {reason})") from None
    except (LookupError, ValueError):
        # pyexpat asks Python's codecs about an encoding expat does not know: an unknown name
        # is a LookupError, a multi-byte one (Shift-JIS, UTF-7) a ValueError.
        raise SourceError(
            path, f"is not a valid Word document ({part}: its character encoding is not supported)"
        ) from None
    return reader.result()


def _refuse(*_args: object) -> None:
    raise _EntityDeclared


def _split(name: str) -> tuple[str, str]:
    namespace, _, local = name.rpartition(" ")
    return namespace, local


class _BodyText(_Reader):
    """Collects each w:p's text (w:t, tabs, breaks) in document order, tables included."""

    def __init__(self) -> None:
        self.paragraphs: list[str] = []
        self._open: list[list[str]] = []  # a text box's paragraphs nest inside a paragraph
        self._in_text = False
        self._fallback = 0  # mc:Fallback repeats its mc:Choice sibling (text boxes, shapes)

    def start(self, name: str, attrs: dict[str, str]) -> None:
        namespace, local = _split(name)
        if namespace == _MC and local == "Fallback":
            self._fallback += 1
        if self._fallback or namespace not in _W:
            return
        if local == "p":
            self._open.append([])
        elif local == "t":
            self._in_text = True
        elif local in _RUN_TEXT and self._open:
            self._open[-1].append(_RUN_TEXT[local])

    def end(self, name: str) -> None:
        namespace, local = _split(name)
        if namespace == _MC and local == "Fallback":
            self._fallback -= 1
        elif not self._fallback and namespace in _W:
            if local == "t":
                self._in_text = False
            elif local == "p" and self._open:
                self.paragraphs.append("".join(self._open.pop()))

    def text(self, data: str) -> None:
        if self._in_text and self._open and not self._fallback:
            self._open[-1].append(data)

    def result(self) -> list[str]:
        return self.paragraphs


class _CoreTitle(_Reader):
    """Collects the text of dc:title in docProps/core.xml."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self._inside = False

    def start(self, name: str, attrs: dict[str, str]) -> None:
        self._inside = name == f"{_DC} title"

    def end(self, name: str) -> None:
        self._inside = False

    def text(self, data: str) -> None:
        if self._inside:
            self.parts.append(data)

    def result(self) -> list[str]:
        return self.parts
