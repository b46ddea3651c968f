"""The limits that keep a hostile file from hanging the desk or filling its memory, tried for real.

Time: the importers' Deadline is lowered (limits.MAX_READ_SECONDS) and a real file that takes
longer than that to read (a long PDF, a PDF page of very many instructions, a big page, a big
Word document) must be refused with the time-limit reason. The parsers are never mocked.

Memory: a 200 MB file, a Word file whose document.xml inflates to 1 GiB, the same bomb lying
about its size, and a bzip2 one that lies too, must be refused with peak memory growth under
PEAK_BYTES: measured here with tracemalloc (Python's allocations, which hold every inflated
byte) and, on Linux and macOS, as the resident size of a fresh process.
"""

from __future__ import annotations

import io
import os
import struct
import subprocess
import sys
import time
import tracemalloc
import zipfile
from pathlib import Path

import fuzz_report
import pypdf  # noqa: F401  (imported up front: the PDF tests time reading, not importing)
import pytest
from fuzz_seeds import W_NS
from pdf_maker import make_pdf
from refusal import refusal_reason

from factdesk.sources import SUPPORTED_SUFFIXES, limits, pdf, read_source
from factdesk.sources import docx as docx_reader

MIB = 1024 * 1024
PEAK_BYTES = 50 * MIB
BOMB_HEAD = f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>'.encode()
BOMB_TAIL = b"</w:t></w:r></w:p></w:body></w:document>"
LIE = 4096  # the size the lying bombs declare for their huge part


def _lower_time_limit(monkeypatch: pytest.MonkeyPatch, seconds: float) -> str:
    """Lower every importer's time limit; return the reason a refusal will give."""
    monkeypatch.setattr(limits, "MAX_READ_SECONDS", seconds)
    return f"took longer than {seconds:g} s to read; it may be damaged"


def _zip(members: dict[str, bytes], method: int = zipfile.ZIP_STORED) -> bytes:
    """A zip of `members`, stored (uncompressed) unless told otherwise."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


# -- time -----------------------------------------------------------------------------------------


def test_a_long_pdf_is_stopped_between_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = [f"Line {n}: Sir Keir said ‘we will play our part’ in the talks." for n in range(30)]
    path = _write(tmp_path, "report.pdf", make_pdf([page] * 100, compress=True))
    reason = _lower_time_limit(monkeypatch, 0.05)
    assert refusal_reason(path) == reason


def test_one_pdf_page_of_very_many_instructions_is_stopped_inside_the_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A single page: a check only between pages would let it run to the end. Text extraction is
    # quadratic in a page's instructions; this page takes about a second, 200,000 lines minutes.
    lines = [f"line {n} of the text" for n in range(10_000)]
    path = _write(tmp_path, "one-page.pdf", make_pdf([lines], compress=True))
    reason = _lower_time_limit(monkeypatch, 0.1)
    started = time.perf_counter()
    assert refusal_reason(path) == reason
    fuzz_report.note(
        f"1-page PDF of 10,000 lines refused at a 0.1 s limit after "
        f"{time.perf_counter() - started:.2f} s"
    )


def test_too_many_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf, "MAX_PAGES", 3)
    path = _write(tmp_path, "book.pdf", make_pdf([["One"], ["Two"], ["Three"], ["Four"]]))
    assert refusal_reason(path) == "has 4 pages, over the 3-page import limit"


def test_a_big_html_page_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paragraph = "<p>Sir Keir said: ‘This is a “moment” for us.’ He told the BBC &amp; others.</p>\n"
    markup = "<article><h1>Long page</h1>\n" + paragraph * 30_000 + "</article>"  # 2.5 M chars
    path = _write(tmp_path, "long.html", markup.encode())
    reason = _lower_time_limit(monkeypatch, 0.05)
    assert refusal_reason(path) == reason


def test_a_big_word_document_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paragraph = "<w:p><w:r><w:t>Sir Keir said: ‘We will play our part.’</w:t></w:r></w:p>"
    body = f'<w:document xmlns:w="{W_NS}"><w:body>{paragraph * 40_000}</w:body></w:document>'
    path = _write(tmp_path, "long.docx", _zip({"word/document.xml": body.encode()}))  # 3.2 MB
    reason = _lower_time_limit(monkeypatch, 0.02)
    assert refusal_reason(path) == reason


# -- memory ---------------------------------------------------------------------------------------


def _refused_with_peak(path: Path) -> tuple[str, int]:
    """The reason `path` is refused, and the peak growth of traced memory while refusing it."""
    started_here = not tracemalloc.is_tracing()
    if started_here:
        tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        before = tracemalloc.get_traced_memory()[0]
        reason = refusal_reason(path)
        return reason, tracemalloc.get_traced_memory()[1] - before
    finally:
        if started_here:
            tracemalloc.stop()


def _bomb(part_bytes: int, method: int, *, level: int | None = None) -> bytes:
    """A .docx whose document.xml holds `part_bytes` zeros, written a MiB at a time."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method, compresslevel=level) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(BOMB_HEAD)
            chunk = bytes(MIB)
            for _ in range(part_bytes // MIB):
                member.write(chunk)
            member.write(BOMB_TAIL)
    return out.getvalue()


def _lie_about_size(data: bytes, size: int) -> bytes:
    """The last part's uncompressed size set to `size` in the central directory and local header.

    zipfile takes sizes from the central directory; the local header (written with a zip64
    extra field) is changed too, so the file lies consistently.
    """
    out = bytearray(data)
    central = out.rfind(b"PK\x01\x02")
    struct.pack_into("<I", out, central + 24, size)
    local = struct.unpack_from("<I", out, central + 42)[0]
    name_length, extra_length = struct.unpack_from("<HH", out, local + 26)
    extra = out.find(b"\x01\x00", local + 30 + name_length, local + 30 + name_length + extra_length)
    struct.pack_into("<Q", out, extra + 4, size)
    return bytes(out)


@pytest.fixture(scope="module")
def gib_bomb() -> bytes:
    """document.xml of 1 GiB of zeros, deflated to about 5 MB (built in about 1.5 s)."""
    return _bomb(1024 * MIB, zipfile.ZIP_DEFLATED, level=1)


@pytest.fixture(scope="module")
def hostile_files(tmp_path_factory: pytest.TempPathFactory, gib_bomb: bytes) -> dict[str, Path]:
    """The files that must be refused by a limit rather than by running out of memory."""
    tmp_path = tmp_path_factory.mktemp("hostile")
    sparse = tmp_path / "huge.txt"
    with sparse.open("wb") as handle:
        handle.truncate(200 * MIB)  # a real 200 MB file; sparse, so writing it is instant
    bzip2 = _lie_about_size(_bomb(64 * MIB, zipfile.ZIP_BZIP2), LIE)
    return {
        "200 MB text file": sparse,
        "1 GiB zip bomb": _write(tmp_path, "bomb.docx", gib_bomb),
        "1 GiB zip bomb declaring 4 KB": _write(
            tmp_path, "liar.docx", _lie_about_size(gib_bomb, LIE)
        ),
        "64 MiB bzip2 bomb declaring 4 KB": _write(tmp_path, "bzip2-liar.docx", bzip2),
    }


EXPECTED_REASONS = {
    "200 MB text file": "is 200.0 MB, over the 64 MB import limit",
    "1 GiB zip bomb": "looks like a zip bomb: it would unpack to 1024.0 MB, over the 256 MB limit",
    "1 GiB zip bomb declaring 4 KB": "is not a valid Word document (the zip archive is damaged)",
    "64 MiB bzip2 bomb declaring 4 KB": (
        "is not a valid Word document (word/document.xml uses a compression Word does not use)"
    ),
}


@pytest.mark.parametrize("suffix", SUPPORTED_SUFFIXES)
def test_a_200_mb_file_is_refused_by_its_size(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"huge{suffix}"
    with path.open("wb") as handle:
        handle.truncate(200 * MIB)
    started = time.perf_counter()
    reason, peak = _refused_with_peak(path)
    assert reason == "is 200.0 MB, over the 64 MB import limit"
    assert time.perf_counter() - started < 1.0
    assert peak < PEAK_BYTES


@pytest.mark.parametrize("label", list(EXPECTED_REASONS))
def test_hostile_files_are_refused_in_bounded_memory(
    hostile_files: dict[str, Path], label: str
) -> None:
    path = hostile_files[label]
    started = time.perf_counter()
    reason, peak = _refused_with_peak(path)
    seconds = time.perf_counter() - started
    assert reason == EXPECTED_REASONS[label]
    assert peak < PEAK_BYTES, f"{peak / MIB:.0f} MB"
    assert seconds < 5.0
    fuzz_report.note(
        f"{label} ({path.stat().st_size / MIB:.1f} MB on disk): refused in {seconds:.2f} s, "
        f"peak traced memory {peak / MIB:.1f} MB"
    )


_CHILD = """
import resource, sys
from factdesk.sources import SourceError, read_source
def peak():
    scale = 1 if sys.platform == "darwin" else 1024  # bytes on macOS, KiB on Linux
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale
start = peak()
for name in sys.argv[1:]:
    try:
        read_source(name)
    except SourceError as error:
        print(peak() - start, error.reason)
    else:
        print(peak() - start, "READ")
"""


@pytest.mark.skipif(sys.platform == "win32", reason="resource.getrusage is POSIX only")
def test_hostile_files_leave_the_resident_size_of_a_fresh_process_alone(
    hostile_files: dict[str, Path],
) -> None:
    # tracemalloc sees Python's allocations only; a fresh process's peak resident size sees all.
    paths = [str(path) for path in hostile_files.values()]
    run = subprocess.run(
        [sys.executable, "-c", _CHILD, *paths], capture_output=True, text=True, check=True
    )
    lines = run.stdout.splitlines()
    reasons = [line.split(" ", 1)[1] for line in lines]
    assert reasons == list(EXPECTED_REASONS.values())
    growth = int(lines[-1].split(" ", 1)[0])  # the high-water mark after all four
    assert growth < PEAK_BYTES, f"{growth / MIB:.0f} MB"
    fuzz_report.note(
        f"the four files above, in a fresh process: peak RSS grew {growth / MIB:.1f} MB"
    )


def test_reading_a_small_file_does_not_allocate_the_size_limit(tmp_path: Path) -> None:
    # read(MAX_FILE_BYTES + 1) used to reserve 64 MB for every file, however small.
    path = _write(tmp_path, "short.txt", b"Short article.\n")
    tracemalloc.start()
    try:
        read_source(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 1 * MIB


def test_a_file_that_grew_after_its_size_was_taken_is_read_to_its_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path, "log.txt", b"x" * 5000)
    ten_bytes = os.stat_result((0, 0, 0, 0, 0, 0, 10, 0, 0, 0))  # st_size is the 7th field
    monkeypatch.setattr(limits.os, "fstat", lambda _fd: ten_bytes)
    assert read_source(path).text == "x" * 5000


def test_a_zip_of_very_many_parts_is_refused_before_listing_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(docx_reader, "MAX_MEMBERS", 100)
    members = {f"word/media/{n}.bin": b"" for n in range(101)}
    path = _write(tmp_path, "many.docx", _zip({"word/document.xml": b"<w:document/>", **members}))
    assert refusal_reason(path) == "is not a valid Word document (it holds over 100 parts)"
