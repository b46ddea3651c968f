"""Atomic output files: write beside the target, then rename, so no half-written file appears."""

from __future__ import annotations

import errno
import glob
import os
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from factdesk.core.errors import KnownError


class ExportError(KnownError):
    """A fact sheet that cannot be written: names the file and the reason."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        self.path = os.fspath(path)
        self.reason = reason
        super().__init__(f"cannot write {self.path}: {reason}")


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ENOENT:
        return "the folder does not exist"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "permission denied"
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    if exc.errno == errno.EISDIR:
        return "it is a folder"
    return exc.strerror or str(exc)


def check_target(target: Path) -> None:
    """Refuse early what the rename would refuse late: a folder, or a missing parent folder."""
    if target.is_dir():
        raise ExportError(target, "it is a folder")
    if not target.parent.is_dir():
        raise ExportError(target, "the folder does not exist")


@contextmanager
def atomic_path(target: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a fresh temporary path in the target's folder; on success it replaces the target.

    The temporary file is reserved with O_EXCL (so the umask sets its mode, as for any new
    file) and removed if the body raises: the target is either the old file or the whole new
    one, never a part, and no temporary file is left behind.
    """
    target = Path(target)
    check_target(target)
    sweep_stale(target)
    temp = target.with_name(f".{target.name}.{os.urandom(4).hex()}.part")
    try:
        os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    except OSError as exc:
        raise ExportError(target, _reason(exc)) from exc
    try:
        yield temp
        _fsync(temp)
        os.replace(temp, target)
    except OSError as exc:
        raise ExportError(target, _reason(exc)) from exc
    finally:
        with suppress(FileNotFoundError):
            temp.unlink()


STALE_SECONDS = 15 * 60


def sweep_stale(target: Path, *, older_than: float = STALE_SECONDS) -> list[Path]:
    """Remove temporary files a killed export to `target` left behind.

    Only ours (".NAME.xxxxxxxx.part") and only old ones: a young one may belong to an export
    still running in another process."""
    now = time.time()
    removed = []
    for temp in target.parent.glob(f".{glob.escape(target.name)}.*.part"):
        with suppress(OSError):
            if now - temp.stat().st_mtime > older_than:
                temp.unlink()
                removed.append(temp)
    return removed


def write_bytes(target: str | os.PathLike[str], data: bytes) -> None:
    with atomic_path(target) as temp:
        temp.write_bytes(data)


def write_text(target: str | os.PathLike[str], text: str, *, bom: bool = False) -> None:
    """UTF-8 text exactly as given (no newline translation), with a BOM when asked."""
    write_bytes(target, text.encode("utf-8-sig" if bom else "utf-8"))


def write_chunks(
    target: str | os.PathLike[str], chunks: Iterable[str], *, bom: bool = False
) -> None:
    """write_text() of the chunks joined, written as they come: a 16 MB sheet is never held
    whole as text and again as bytes."""
    with atomic_path(target) as temp, temp.open("w", encoding="utf-8", newline="") as out:
        if bom:
            out.write("\ufeff")
        for chunk in chunks:
            out.write(chunk)


def _fsync(path: Path) -> None:
    # the rename must not reach the disk before the data does (a crash would leave an empty file)
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
