"""Map code-point offsets of a shown document to Qt's (block, UTF-16 offset) and back, fast."""

from __future__ import annotations

import re
from bisect import bisect_left

from factdesk.core.offsets import LineIndex

# Characters outside the Basic Multilingual Plane take two UTF-16 units in Qt.
_WIDE = re.compile("[\U00010000-\U0010ffff]")

# QTextDocument starts a new block at these besides "\n" (QTextCursor::insertText), which would
# shift every block after them; shown as a space they keep blocks aligned with LineIndex.
_QT_BLOCK_BREAKS = str.maketrans({"\r": " ", "\u2029": " ", "\ufdd0": " ", "\ufdd1": " "})


def qt_safe_text(text: str) -> str:
    """`text` with the same length and "\\n" as its only block break, ready for setPlainText."""
    return text.translate(_QT_BLOCK_BREAKS)


class DocumentPositions:
    """Code point <-> (line, UTF-16 unit) conversions for one text, split on "\\n" like
    LineIndex and QPlainTextEdit's blocks.

    Most lines hold only BMP characters, where both counts agree; for a line with emoji or
    flags the places of those wide characters are found once (by regex, in C) and kept.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.index = LineIndex(text)
        self._all_narrow = _WIDE.search(text) is None
        self._wide: dict[int, list[int]] = {}
        self._spans: dict[tuple[int, int], tuple[tuple[int, int, int], ...]] = {}

    @property
    def line_count(self) -> int:
        return len(self.index.lines)

    def line_of(self, offset: int) -> int:
        return self.index.line_of(offset)

    def line_start(self, line: int) -> int:
        return self.index.starts[line]

    def to_unit(self, offset: int) -> tuple[int, int]:
        """(line, UTF-16 offset in that line) of code-point `offset`."""
        line = self.index.line_of(offset)
        return line, self.unit_in_line(line, offset - self.index.starts[line])

    def unit_in_line(self, line: int, cp: int) -> int:
        """UTF-16 offset of code point `cp` of `line`, clamped to the line."""
        cp = max(0, min(cp, len(self.index.lines[line])))
        wide = self._wide_in_line(line)
        # each wide character before `cp` adds one unit
        return cp + bisect_left(wide, cp) if wide else cp

    def span_units(self, start: int, end: int) -> tuple[tuple[int, int, int], ...]:
        """(line, UTF-16 start, UTF-16 end) for each line code points [start, end) touch; a
        span running past a line's end includes its line break (one unit).

        Kept per span: a new highlight set for the same text mostly repeats earlier spans.
        """
        key = (start, end)
        found = self._spans.get(key)
        if found is None:
            found = self._spans[key] = tuple(self._split(start, end))
        return found

    def _split(self, start: int, end: int) -> list[tuple[int, int, int]]:
        first, last = self.index.line_of(start), self.index.line_of(end - 1)
        starts = self.index.starts
        if first == last:  # nearly every quote sits inside one paragraph
            line_start = starts[first]
            return [
                (
                    first,
                    self.unit_in_line(first, start - line_start),
                    self.unit_in_line(first, end - line_start),
                )
            ]
        parts = [(first, self.unit_in_line(first, start - starts[first]), -1)]
        parts += [(line, 0, -1) for line in range(first + 1, last)]
        parts.append((last, 0, self.unit_in_line(last, end - starts[last])))
        return [
            (line, begin, self.unit_in_line(line, len(self.index.lines[line])) + 1)
            if stop == -1
            else (line, begin, stop)
            for line, begin, stop in parts
        ]

    def to_offset(self, line: int, unit: int) -> int:
        """Absolute code-point offset of UTF-16 `unit` in `line`; inside a surrogate pair it
        rounds down to that character's start, as core.offsets.utf16_to_cp does."""
        line = max(0, min(line, self.line_count - 1))
        line_start = self.index.starts[line]
        unit = max(0, unit)
        before = 0  # wide characters wholly before `unit`
        for wide_cp in self._wide_in_line(line):
            wide_unit = wide_cp + before
            if wide_unit + 1 == unit:
                return line_start + wide_cp
            if wide_unit + 2 > unit:
                break
            before += 1
        return line_start + min(unit - before, len(self.index.lines[line]))

    def _wide_in_line(self, line: int) -> list[int]:
        """Code-point indexes of the characters of `line` that take two UTF-16 units."""
        if self._all_narrow:
            return []
        found = self._wide.get(line)
        if found is None:
            found = self._wide[line] = [m.start() for m in _WIDE.finditer(self.index.lines[line])]
        return found
