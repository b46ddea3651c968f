"""Which version of a claim an edit from the window expects, given the window's own writes.

The editor shows version v; two fields committed in quick succession both start from v, but
the first write makes it v+1. Edits that started from a version our own writes produced are
sent with the latest version we wrote; anything else keeps its own, so a change made by
another process is still caught as a conflict.
"""

from __future__ import annotations


class VersionTracker:
    def __init__(self) -> None:
        self._chains: dict[int, tuple[int, int]] = {}  # claim id -> (first base, latest)

    def expected(self, claim_id: int, shown: int) -> int:
        chain = self._chains.get(claim_id)
        if chain is not None and chain[0] <= shown <= chain[1]:
            return chain[1]
        return shown

    def wrote(self, claim_id: int, expected: int | None, result: int) -> None:
        """Record that our write made the claim `result` (it expected `expected`)."""
        chain = self._chains.get(claim_id)
        if chain is not None and expected is not None and chain[1] == expected:
            self._chains[claim_id] = (chain[0], result)
        else:
            self._chains[claim_id] = (result if expected is None else expected, result)

    def forget(self, claim_id: int) -> None:
        self._chains.pop(claim_id, None)
