"""The document view's highlights, bucketed per paragraph (block) for painting and hit tests."""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass

from factdesk.ui.doc_positions import DocumentPositions


@dataclass(frozen=True, slots=True)
class ViewHighlight:
    """A claim's quote as the document view shows it."""

    highlight_id: int
    claim_id: int
    start: int  # code-point offsets into the document text, start < end
    end: int
    status: str  # one of factdesk.core.statuses.STATUSES
    tooltip: str  # plain text shown on hover (claim text, speaker, status label)

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Segment:
    """The part of one highlight inside one block, in that block's UTF-16 units."""

    highlight: ViewHighlight
    depth: int  # how many highlights already cover its start: 0 is outermost
    start: int
    end: int


def innermost_first(highlights: Sequence[ViewHighlight]) -> list[ViewHighlight]:
    """Shortest first (the innermost of nested quotes), ties by position then id."""
    return sorted(highlights, key=lambda h: (h.length, h.start, h.highlight_id))


def tooltip_text(highlights: Sequence[ViewHighlight]) -> str:
    """The hover text for the highlights under the pointer: innermost first, one per block."""
    return "\n\n".join(h.tooltip for h in innermost_first(highlights) if h.tooltip)


class HighlightIndex:
    """Highlights of one document grouped by the blocks they touch.

    Built in one pass of plain Python (no Qt objects per highlight), so replacing the whole set
    costs a few milliseconds and painting only looks at the visible blocks' buckets.
    """

    def __init__(self, positions: DocumentPositions, highlights: Sequence[ViewHighlight]) -> None:
        self._positions = positions
        self._blocks: dict[int, list[Segment]] = {}
        self.highlights = tuple(_valid(highlights, len(positions.text)))
        for highlight, depth in _with_depths(self.highlights):
            self._add(highlight, depth)
        for segments in self._blocks.values():
            # outer before inner: painted later, the inner highlight stays visible on top
            segments.sort(key=lambda s: (s.depth, -s.highlight.length))

    def segments_in_block(self, block: int) -> list[Segment]:
        return self._blocks.get(block, [])

    def highlights_at(self, offset: int) -> list[ViewHighlight]:
        """Highlights containing code-point `offset`, innermost first."""
        if not 0 <= offset < len(self._positions.text):
            return []
        line = self._positions.line_of(offset)
        found = [
            s.highlight
            for s in self._blocks.get(line, [])
            if s.highlight.start <= offset < s.highlight.end
        ]
        return innermost_first(found)

    def _add(self, highlight: ViewHighlight, depth: int) -> None:
        blocks = self._blocks
        for line, start, end in self._positions.span_units(highlight.start, highlight.end):
            segment = Segment(highlight, depth, start, end)
            if line in blocks:
                blocks[line].append(segment)
            else:
                blocks[line] = [segment]


def _valid(highlights: Sequence[ViewHighlight], length: int) -> list[ViewHighlight]:
    """Drop spans that are empty or fall outside the text (a stale anchor must not crash)."""
    return [h for h in highlights if 0 <= h.start < h.end <= length]


def _with_depths(highlights: Sequence[ViewHighlight]) -> list[tuple[ViewHighlight, int]]:
    """Each highlight with the number of earlier-starting highlights still open at its start."""
    ordered = sorted(highlights, key=lambda h: (h.start, -h.end, h.highlight_id))
    open_ends: list[int] = []
    result = []
    for highlight in ordered:
        while open_ends and open_ends[0] <= highlight.start:
            heapq.heappop(open_ends)
        result.append((highlight, len(open_ends)))
        heapq.heappush(open_ends, highlight.end)
    return result
