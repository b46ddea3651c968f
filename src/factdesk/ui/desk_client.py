"""The window's only way to the desk: every service call runs on one worker thread, awaited.

Anki's habit (qt/aqt/taskman.py): one thread owns the database work, so calls never overlap and
the GUI thread never waits on SQLite. Mutating calls return an `Outcome`; the client emits its
`Changes` so each view refreshes only what changed.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Signal

from factdesk.core.backups import BackupPolicy
from factdesk.core.errors import DamagedDeskError, KnownError
from factdesk.core.records import Changes, Outcome
from factdesk.ui import tasks

if TYPE_CHECKING:  # the services import SQLAlchemy (~0.5 s): the window shows before that
    from factdesk.services import Desk

T = TypeVar("T")
log = logging.getLogger(__name__)


class DeskClosedError(RuntimeError):
    """A call reached a desk that has been closed (the person opened another, or quit)."""


class DeskClient(QObject):
    """An open desk, reached through its worker thread."""

    changed = Signal(object)  # Changes
    told = Signal(str)  # one sentence for the status bar, from work nobody awaits
    damaged = Signal(object)  # DamagedDeskError: the file went bad while open (said once)

    def __init__(self, desk: Desk, executor: ThreadPoolExecutor) -> None:
        super().__init__()
        self._desk = desk
        self._executor = executor
        self.path: Path = desk.path
        self.backup_problem: str | None = desk.backup_problem
        self.closed = False
        self._said_damaged = False

    @classmethod
    async def open(
        cls,
        path: Path,
        *,
        create: bool = True,
        editor: str | None = None,
        backups: BackupPolicy | None = None,
    ) -> DeskClient:
        """Open (or create) the desk at `path` on a new worker thread; `editor` is the name
        history records (None: $FACTDESK_EDITOR or the account name); with a `backups`
        policy a rolling backup is taken if one is due."""
        executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="desk")

        def _open() -> Desk:
            from factdesk.services import Desk  # noqa: PLC0415  (loads SQLAlchemy off the GUI)

            return Desk.open(path, create=create, editor=editor, backups=backups)

        try:
            desk = await asyncio.get_running_loop().run_in_executor(executor, _open)
        except BaseException:
            executor.shutdown(wait=False)
            raise
        return cls(desk, executor)

    def submit(self, fn: Callable[[Desk], T]) -> asyncio.Future[T]:
        """Queue `fn(desk)` on the worker now (not at the next loop turn) and return its future:
        an edit committed while the window closes is queued before the desk closes."""
        if self.closed:
            raise DeskClosedError(f"{self.path} is closed")
        future = asyncio.get_running_loop().run_in_executor(self._executor, fn, self._desk)
        future.add_done_callback(self._look_for_damage)
        return future

    def _look_for_damage(self, future: asyncio.Future[Any]) -> None:
        """Whatever call meets a damaged file, the window hears it once (to offer a backup)."""
        if future.cancelled() or self._said_damaged:
            return
        exc = future.exception()
        if isinstance(exc, DamagedDeskError):
            self._said_damaged = True
            self.damaged.emit(exc)

    async def call(self, fn: Callable[[Desk], T]) -> T:
        """Run `fn(desk)` on the worker and return its result (reads)."""
        return await self.submit(fn)

    async def act(self, fn: Callable[[Desk], Outcome[T]]) -> T:
        """Run a mutating `fn(desk)`, broadcast what it changed, and return its value."""
        return await self.finish(self.submit(fn))

    async def finish(self, future: asyncio.Future[Outcome[T]]) -> T:
        """Await a submitted mutating call, broadcast what it changed, return its value."""
        outcome = await future
        if outcome.changes:
            self.changed.emit(outcome.changes)
        return outcome.value

    def announce(self, changes: Changes) -> None:
        """Broadcast changes made by a call that returned them another way (imports)."""
        if changes:
            self.changed.emit(changes)

    def spawn(
        self, fn: Callable[[Desk], Outcome[Any]], *, what: str, done: str | None = None
    ) -> asyncio.Task[Any]:
        """Start a mutating call nobody awaits (undo, redo); `told` says `done` when it
        succeeds, or the refusal when it does not."""

        async def _run() -> None:
            try:
                await self.act(fn)
                if done:
                    self.told.emit(done)
            except DeskClosedError:
                pass
            except KnownError as exc:
                self.told.emit(f"Could not {what}: {exc}")

        return tasks.start(_run())

    async def close(self) -> None:
        """Finish queued work, then close the desk and its thread."""
        if self.closed:
            return
        self.closed = True
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(self._executor, self._desk.close)
        self._executor.shutdown(wait=True)

    def close_now(self) -> None:
        """Close from a synchronous context (application exit): waits for queued work."""
        if self.closed:
            return
        self.closed = True
        self._executor.submit(self._desk.close)
        self._executor.shutdown(wait=True)
