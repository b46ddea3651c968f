"""Every kind of bad input is refused with SourceError naming the file and a reason, no other."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from refusal import refusal_reason

from factdesk.sources import SUPPORTED_SUFFIXES, limits, read_source
from factdesk.sources.limits import MAX_FILE_BYTES


@pytest.mark.parametrize("suffix", SUPPORTED_SUFFIXES)
def test_empty_file(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"empty{suffix}"
    path.write_bytes(b"")
    assert refusal_reason(path) == "has no text to import"


@pytest.mark.parametrize("suffix", [".txt", ".text", ".md", ".markdown"])
def test_whitespace_only(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"blank{suffix}"
    path.write_bytes(b"  \r\n\t\n \xc2\xa0\n")
    assert refusal_reason(path) == "has no text to import"


@pytest.mark.parametrize("suffix", [".html", ".htm"])
def test_whitespace_only_html(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"blank{suffix}"
    path.write_bytes(b"  \n\t\n")
    assert refusal_reason(path) == "has no text to import"


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_binary_bytes(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"image{suffix}"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert refusal_reason(path) == "looks like a binary file, not text"


def test_undecodable_bytes(tmp_path: Path) -> None:
    path = tmp_path / "odd.txt"
    path.write_bytes("Price rose to £5 – “a lot”".encode("cp1252") + b"\x81")
    assert refusal_reason(path) == "cannot be decoded as UTF-8 or Windows-1252"


def test_directory(tmp_path: Path) -> None:
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    assert refusal_reason(folder) == "is a folder, not a file"


def test_missing_path(tmp_path: Path) -> None:
    assert refusal_reason(tmp_path / "nowhere.txt") == "no such file"
    assert refusal_reason(tmp_path / "nowhere.xyz") == "no such file"
    assert refusal_reason(tmp_path / "not-a-folder.txt" / "child.txt") == "no such file"


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(65 * 1024 * 1024 + 1)  # sparse: instant, and never read
    assert path.stat().st_size > MAX_FILE_BYTES
    assert refusal_reason(path) == "is 65.0 MB, over the 64 MB import limit"


@pytest.mark.parametrize("name", ["slides.pptx", "sheet.XLSX", "archive.zip", "noext", "a.txt.gz"])
def test_unsupported_suffix(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("Some text", encoding="utf-8")
    assert refusal_reason(path) == "is not a supported format (.txt, .md, .html, .docx, .pdf)"


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0, reason="root reads any file; POSIX modes only"
)
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Secret", encoding="utf-8")
    path.chmod(0)
    try:
        assert refusal_reason(path) == "cannot be read (permission denied)"
    finally:
        path.chmod(0o600)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_named_pipe_is_not_opened(tmp_path: Path) -> None:
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    assert refusal_reason(path) == "is not a regular file"


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("bad.docx", b"PK\x03\x04 not really a zip", "is not a valid Word document ("),
        ("bad.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog", "is not a readable PDF ("),
        ("bad.html", b"\x00\x01\x02<html>", "looks like a binary file, not text"),
    ],
)
def test_corrupt_files(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert refusal_reason(path).startswith(reason)


def test_pathlike_and_str_paths_both_work(tmp_path: Path) -> None:
    path = tmp_path / "ok.txt"
    path.write_text("Fine", encoding="utf-8")
    assert read_source(path).text == read_source(str(path)).text == "Fine"


def test_read_refused_by_the_system(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Runs even as root (where chmod 0 does not stop reading): the OS error is what matters.
    def denied(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    path = tmp_path / "locked.txt"
    path.write_text("Text", encoding="utf-8")
    monkeypatch.setattr(limits, "open", denied, raising=False)
    assert refusal_reason(path) == "cannot be read (permission denied)"


def test_stat_refused_by_the_system(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def failing(*_args: object, **_kwargs: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(limits.os, "stat", failing)
    assert refusal_reason(tmp_path / "disk.txt") == "cannot be read (input/output error)"
