"""Errors a user can act on (shown as one sentence), as opposed to bugs (logged with a traceback).

Everything in the `KnownError` family carries a message written for the person at the desk:
it names the file or the thing, and the reason. Anything else that escapes is a bug.
"""

from __future__ import annotations

import os


class KnownError(Exception):
    """An error with a cause outside the program: bad input, a locked or full disk, a newer desk."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class SourceError(KnownError):
    """A file that cannot be imported: names the file and the reason."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        self.path = os.fspath(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class DeskError(KnownError):
    """A desk file that cannot be opened or written (not a desk, damaged, locked, disk full)."""


class DamagedDeskError(DeskError):
    """A desk file whose contents SQLite cannot read back: a backup is the way out."""

    def __init__(self, path: str | os.PathLike[str], detail: str = "") -> None:
        self.path = os.fspath(path)
        suffix = f" ({detail})" if detail else ""
        super().__init__(f"{self.path}: is damaged and cannot be read{suffix}")


class NewerDeskError(DeskError):
    """A desk written by a newer factdesk, whose schema this version does not know."""


class NotFoundError(KnownError):
    """A document, claim, highlight or speaker that the desk does not hold."""


class InvalidInputError(KnownError):
    """A value breaking the data contract: an empty claim, a span outside the text, a bad date."""


class QuoteNotFoundError(InvalidInputError):
    """The quote given for a span does not occur in the document."""


class AmbiguousQuoteError(InvalidInputError):
    """The quote occurs more than once; the caller must say which occurrence by its span."""

    def __init__(self, message: str, spans: list[tuple[int, int]]) -> None:
        super().__init__(message)
        self.spans = spans


class ConflictError(KnownError):
    """A claim changed elsewhere since the editor read it (its version counter moved on)."""

    def __init__(self, message: str, claim_id: int, current_version: int) -> None:
        super().__init__(message)
        self.claim_id = claim_id
        self.current_version = current_version
