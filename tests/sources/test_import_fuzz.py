"""Property: whatever a file holds, read_source returns a usable document or a clear SourceError.

Every importer is fed its real-shaped seeds (fuzz_seeds.py) damaged by fuzz_mutations.py,
random bytes, and files named with the wrong suffix. Each case must end, well within
CASE_SECONDS, in either a document with text (all its strings valid Unicode, a one-line title,
sane noise ranges) or a SourceError whose message is "<path>: <reason>" on one line. Any other
exception fails.

Two speeds. The default run (CI) is derandomised: the same 1,000 cases each time, in about
10 s. The long run (`--run-slow`, tests marked slow) draws fresh random cases,
FACTDESK_FUZZ_EXAMPLES per test (default 1,500: 10,500 in all). The cases per importer are
printed at the end of the run (fuzz_report.py); docs/fuzzing.md has the latest figures.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import fuzz_report
import pytest
from fuzz_mutations import mutant, random_bytes
from fuzz_seeds import seeds
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factdesk.sources import SourceDocument, SourceError, limits, read_source

try:
    import resource
except ImportError:  # Windows
    resource = None  # type: ignore[assignment]

IMPORTERS = ("txt", "md", "html", "docx", "pdf")
SUFFIXES: dict[str, tuple[str, ...]] = {
    "txt": (".txt", ".text"),
    "md": (".md", ".markdown"),
    "html": (".html", ".htm"),
    "docx": (".docx",),
    "pdf": (".pdf",),
}
IMPORTER_OF = {suffix: name for name, suffixes in SUFFIXES.items() for suffix in suffixes}
# The importers' own time limit during the fuzz run: anything slow must be refused by it, and
# CASE_SECONDS, twice as long, catches whatever the limit does not cover.
IMPORT_SECONDS = 5.0
CASE_SECONDS = 10.0
# A case still running after this long is stopped, so a true hang fails instead of stalling CI.
HANG_SECONDS = 60
CI_EXAMPLES = {"txt": 100, "md": 100, "html": 200, "docx": 200, "pdf": 200}
CI_OTHER_EXAMPLES = 100
LONG_EXAMPLES = int(os.environ.get("FACTDESK_FUZZ_EXAMPLES", "1500"))
# Words that only a leaked exception or traceback would put in a message.
_TRACEBACK = re.compile(r"Traceback|File \"|Error\(|Exception|<class |object at 0x|\bNone\b")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@pytest.fixture(autouse=True)
def _short_time_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_READ_SECONDS", IMPORT_SECONDS)


class _Hung(BaseException):
    """Raised by the alarm; a BaseException, so no `except Exception` in a parser swallows it."""


@contextlib.contextmanager
def _hang_alarm(seconds: int) -> Iterator[None]:
    """Interrupt the block after `seconds` (POSIX main thread only; elsewhere a no-op)."""
    if not hasattr(signal, "setitimer"):
        yield
        return

    def ring(_signum: int, _frame: object) -> None:
        raise _Hung

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _peak_rss() -> int:
    """This process's peak resident size in bytes so far (0 where it cannot be read)."""
    if resource is None:
        return 0
    scale = 1 if sys.platform == "darwin" else 1024  # bytes on macOS, KiB on Linux
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale


def _timed_read(path: Path) -> tuple[SourceDocument | SourceError, float]:
    """read_source's document or SourceError (anything else propagates) and its wall time."""
    started = time.perf_counter()
    try:
        with _hang_alarm(HANG_SECONDS):
            result: SourceDocument | SourceError = read_source(path)
    except SourceError as error:
        result = error
    except _Hung:
        raise AssertionError(f"read_source still running after {HANG_SECONDS} s") from None
    return result, time.perf_counter() - started


def check_refusal(path: Path, error: SourceError) -> None:
    """A refusal a person can read: exactly "<path>: <reason>", one line, no traceback text."""
    assert type(error) is SourceError
    assert error.path == str(path)
    assert str(error) == f"{path}: {error.reason}"
    reason = error.reason
    assert reason, "an empty reason"
    assert reason.isprintable(), f"control characters in {reason!r}"
    assert len(reason) <= 160, f"a reason of {len(reason)} characters: {reason!r}"
    assert not _TRACEBACK.search(reason), f"exception text in {reason!r}"


def check_document(path: Path, document: SourceDocument, importer: str) -> None:
    """A document the desk can store: text, valid Unicode throughout, sane title and noise."""
    assert isinstance(document, SourceDocument)
    assert (document.path, document.format) == (str(path), importer)
    assert document.text.strip()
    assert "\r" not in document.text
    for value in (document.text, document.title, document.outlet, document.published):
        if value is not None:
            value.encode("utf-8")  # a lone surrogate cannot be stored or hashed
    if document.url is not None:
        document.url.encode("utf-8")
        assert document.url.lower().startswith(("http://", "https://"))
        assert document.url.isprintable() and " " not in document.url
    assert "\n" not in document.title
    assert len(document.title) <= 201
    assert document.published is None or _ISO_DATE.fullmatch(document.published)
    end = 0
    for noise in document.noise:
        assert end <= noise.start < noise.end <= len(document.text)
        end = noise.end


def check_case(folder: Path, suffix: str, data: bytes) -> None:
    """Write the case as a file, read it, and check what came back."""
    path = folder / f"case{suffix}"
    path.write_bytes(data)
    peak_before = _peak_rss()
    result, seconds = _timed_read(path)
    importer = IMPORTER_OF[suffix]
    refused = isinstance(result, SourceError)
    rss_rise = _peak_rss() - peak_before
    fuzz_report.record(importer, refused=refused, seconds=seconds, rss_rise=rss_rise)
    if isinstance(result, SourceError):
        check_refusal(path, result)
    else:
        check_document(path, result, importer)
    assert seconds < CASE_SECONDS, f"reading took {seconds:.1f} s"


def _named(importer: str) -> st.SearchStrategy[tuple[str, bytes]]:
    """A damaged file of that importer's kind, with one of its suffixes."""
    return st.tuples(st.sampled_from(SUFFIXES[importer]), mutant(importer))


def _random() -> st.SearchStrategy[tuple[str, bytes]]:
    return st.tuples(st.sampled_from(sorted(IMPORTER_OF)), random_bytes())


@st.composite
def _misnamed(draw: st.DrawFn) -> tuple[str, bytes]:
    """A file of one kind, whole or damaged, named as another: a .docx saved as .pdf."""
    source = draw(st.sampled_from(IMPORTERS))
    data = draw(st.one_of(st.sampled_from(seeds()[source]), mutant(source)))
    target = draw(st.sampled_from([name for name in IMPORTERS if name != source]))
    return draw(st.sampled_from(SUFFIXES[target])), data


def _fuzz(
    cases: st.SearchStrategy[tuple[str, bytes]], folder: Path, *, examples: int, long: bool
) -> None:
    """Run check_case over `examples` cases: fixed ones for CI, fresh random ones when long."""

    @settings(
        max_examples=examples,
        derandomize=not long,
        database=None,
        deadline=None,  # CASE_SECONDS is the bound; hypothesis's 200 ms would be noise
        print_blob=long,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.large_base_example,
        ],
    )
    @given(cases)
    def run(case: tuple[str, bytes]) -> None:
        check_case(folder, *case)

    run()


@pytest.mark.parametrize("importer", IMPORTERS)
def test_damaged_files(tmp_path: Path, importer: str) -> None:
    _fuzz(_named(importer), tmp_path, examples=CI_EXAMPLES[importer], long=False)


def test_random_bytes(tmp_path: Path) -> None:
    _fuzz(_random(), tmp_path, examples=CI_OTHER_EXAMPLES, long=False)


def test_wrong_suffix(tmp_path: Path) -> None:
    _fuzz(_misnamed(), tmp_path, examples=CI_OTHER_EXAMPLES, long=False)


@pytest.mark.slow
@pytest.mark.parametrize("importer", IMPORTERS)
def test_damaged_files_long(tmp_path: Path, importer: str) -> None:
    _fuzz(_named(importer), tmp_path, examples=LONG_EXAMPLES, long=True)


@pytest.mark.slow
def test_random_bytes_long(tmp_path: Path) -> None:
    _fuzz(_random(), tmp_path, examples=LONG_EXAMPLES, long=True)


@pytest.mark.slow
def test_wrong_suffix_long(tmp_path: Path) -> None:
    _fuzz(_misnamed(), tmp_path, examples=LONG_EXAMPLES, long=True)


@pytest.mark.parametrize("importer", IMPORTERS)
def test_every_seed_reads(tmp_path: Path, importer: str) -> None:
    """The seeds are good articles: damage, not the seed, is what a refusal is about."""
    for number, data in enumerate(seeds()[importer]):
        path = tmp_path / f"seed{number}{SUFFIXES[importer][0]}"
        path.write_bytes(data)
        document = read_source(path)
        check_document(path, document, importer)
        assert {noise.kind for noise in document.noise} >= {"credit", "repeat"}
