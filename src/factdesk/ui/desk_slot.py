"""Async slots for desk work: the work is dropped quietly if its desk closes meanwhile, or if
the desk turns out to be damaged (the client's `damaged` signal has already told the window,
which offers a backup; one offer beats a message from every view that tried to read)."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import Any

import qasync

from factdesk.core.errors import DamagedDeskError
from factdesk.ui.desk_client import DeskClosedError


def desk_slot(*types: type) -> Callable[[Callable[..., Awaitable[Any]]], Any]:
    """An async slot whose work is dropped quietly if its desk closes meanwhile."""

    def wrap(fn: Callable[..., Awaitable[Any]]) -> Any:
        @functools.wraps(fn)
        async def run(*args: Any) -> Any:
            try:
                return await fn(*args)
            except (DeskClosedError, DamagedDeskError):
                return None

        return qasync.asyncSlot(*types)(run)

    return wrap
