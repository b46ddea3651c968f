"""Fire-and-forget coroutines that are neither lost nor silent.

The event loop keeps only a weak reference to a task, so an unreferenced one can vanish
mid-way; and an exception in a task nobody awaits surfaces only when it is garbage-collected,
if ever. `start` keeps each task until it ends and hands a bug to sys.excepthook at once —
the window's bug reporter (factdesk.ui.bugs) logs it and shows one sentence.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Coroutine
from typing import Any

_running: set[asyncio.Task[Any]] = set()


def start(coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
    task = asyncio.get_running_loop().create_task(coro)
    _running.add(task)
    task.add_done_callback(_finished)
    return task


def _finished(task: asyncio.Task[Any]) -> None:
    _running.discard(task)
    if task.cancelled():
        return
    exc = task.exception()
    if exc is not None:
        sys.excepthook(type(exc), exc, exc.__traceback__)
