"""Which version of a claim an edit from the window expects, given the window's own writes.

The editor shows version v; two fields committed in quick succession both start from v. The
worker runs writes in order and each successful write adds one to the version, so the second
edit is sent expecting v+1 — decided when it is queued, not when the first one returns. An edit
from a version outside that chain keeps its own, so a change made by another process is still
caught as a conflict. If one edit of a chain is refused, every later edit of that chain is
refused too (on the worker, before it writes): otherwise an edit expecting v+1 could land on a
claim another process had just made v+1, silently overwriting it.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field


@dataclass
class Link:
    """One queued edit: the version it expects, and its chain's shared "refused" flag."""

    expected: int
    broken: threading.Event = field(default_factory=threading.Event)


@dataclass
class _Chain:
    base: int
    next: int
    broken: threading.Event


class VersionTracker:
    def __init__(self) -> None:
        self._chains: dict[int, _Chain] = {}

    def submit(self, claim_id: int, shown: int) -> Link:
        """The link for an edit made on a form showing version `shown`; records that, if it
        succeeds, the claim will be one version further on."""
        chain = self._chains.get(claim_id)
        if chain is None or chain.broken.is_set() or not chain.base <= shown <= chain.next:
            chain = _Chain(shown, shown, threading.Event())
            self._chains[claim_id] = chain
        link = Link(chain.next, chain.broken)
        chain.next += 1
        return link

    def forget(self, claim_id: int) -> None:
        """After a refusal, an undo or a redo: the next edit trusts what the form shows."""
        self._chains.pop(claim_id, None)
