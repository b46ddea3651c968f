"""Convert between code-point offsets (how factdesk stores spans) and UTF-16 offsets (Qt).

Qt counts UTF-16 code units: a character outside the Basic Multilingual Plane (most emoji,
flags, mathematical letters) is 2 units but 1 code point. Every position crossing the Qt
boundary goes through these functions.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate


def utf16_len(text: str) -> int:
    """Length of `text` in UTF-16 code units."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def cp_to_utf16(text: str, offset: int) -> int:
    """The UTF-16 offset of code-point `offset` in `text`."""
    return utf16_len(text[:offset])


def utf16_to_cp(text: str, offset: int) -> int:
    """The code-point offset of UTF-16 `offset` in `text`. An offset inside a surrogate pair
    (which Qt can report mid-selection) rounds down to the start of that character."""
    units = 0
    for index, ch in enumerate(text):
        width = 2 if ord(ch) > 0xFFFF else 1
        if units + width > offset:
            return index
        units += width
    return len(text)


class LineIndex:
    """Maps between absolute code-point offsets and (line, offset-in-line) for a text split on
    "\\n" — the way QPlainTextEdit splits a document into blocks."""

    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")
        # starts[i] is the code-point offset where line i begins
        self.starts = [0, *accumulate(len(line) + 1 for line in self.lines)][: len(self.lines)]

    def line_of(self, offset: int) -> int:
        return max(0, bisect_right(self.starts, offset) - 1)

    def to_utf16(self, offset: int) -> tuple[int, int]:
        """(line number, UTF-16 offset within that line) of absolute code-point `offset`."""
        line = self.line_of(offset)
        return line, cp_to_utf16(self.lines[line], offset - self.starts[line])

    def from_utf16(self, line: int, unit_offset: int) -> int:
        """Absolute code-point offset of a UTF-16 offset within `line`."""
        return self.starts[line] + utf16_to_cp(self.lines[line], unit_offset)
