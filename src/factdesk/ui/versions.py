"""Which version of a claim an edit from the window expects, given the window's own writes.

The editor shows version v; two fields committed in quick succession both start from v. The
worker runs writes in order and each successful write adds one to the version, so the second
edit is sent expecting v+1 — decided when it is queued, not when the first one returns. An edit
from a version outside that chain keeps its own, so a change made by another process is still
caught as a conflict.
"""

from __future__ import annotations


class VersionTracker:
    def __init__(self) -> None:
        self._chains: dict[int, tuple[int, int]] = {}  # claim id -> (first base, next version)

    def submit(self, claim_id: int, shown: int) -> int:
        """The version to expect for an edit made on a form showing version `shown`; records
        that, if it succeeds, the claim will be one version further on."""
        chain = self._chains.get(claim_id)
        if chain is not None and chain[0] <= shown <= chain[1]:
            base, expected = chain[0], chain[1]
        else:
            base, expected = shown, shown
        self._chains[claim_id] = (base, expected + 1)
        return expected

    def forget(self, claim_id: int) -> None:
        """After a refused write: the next edit trusts what the form shows again."""
        self._chains.pop(claim_id, None)
