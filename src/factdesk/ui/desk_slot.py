"""Async slots for desk work: the work is dropped quietly if its desk closes meanwhile."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import Any

import qasync

from factdesk.ui.desk_client import DeskClosedError


def desk_slot(*types: type) -> Callable[[Callable[..., Awaitable[Any]]], Any]:
    """An async slot whose work is dropped quietly if its desk closes meanwhile."""

    def wrap(fn: Callable[..., Awaitable[Any]]) -> Any:
        @functools.wraps(fn)
        async def run(*args: Any) -> Any:
            try:
                return await fn(*args)
            except DeskClosedError:
                return None

        return qasync.asyncSlot(*types)(run)

    return wrap
