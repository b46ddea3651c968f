"""Property: whatever bytes a file holds, read_source returns a document or raises SourceError."""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pdf_maker import make_pdf

from factdesk.sources import SourceDocument, SourceError, read_source


def _valid_docx() -> bytes:
    body = (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>Starmer said ‘yes’.</w:t><w:tab/></w:r></w:p></w:body></w:document>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", body)
        archive.writestr("docProps/core.xml", "<x/>")
    return out.getvalue()


_VALID = {
    ".txt": "Headline\r\n(\r\nGetty Images)\r\nBody “quoted” £5.".encode(),
    ".html": (
        b'<html><head><meta charset="utf-8"><script type="application/ld+json">{"a": [1]}'
        b"</script></head><body><article><h1>Head</h1><p>Body &amp; more</p></article></body>"
    ),
    ".docx": _valid_docx(),
    ".pdf": make_pdf([["Page one"], ["Page two"]], title="T"),
}


@st.composite
def _damaged(draw: st.DrawFn, suffix: str) -> bytes:
    """A valid file of that kind with a slice overwritten, a cut, or both."""
    data = bytearray(_VALID[suffix])
    start = draw(st.integers(0, len(data) - 1))
    patch = draw(st.binary(min_size=1, max_size=16))
    data[start : start + len(patch)] = patch
    if draw(st.booleans()):
        del data[draw(st.integers(1, len(data))) :]
    return bytes(data)


_SUFFIXES = st.sampled_from(sorted(_VALID))


@st.composite
def _files(draw: st.DrawFn) -> tuple[str, bytes]:
    suffix = draw(_SUFFIXES)
    data = draw(st.one_of(st.binary(max_size=2048), _damaged(suffix)))
    return suffix, data


@settings(
    max_examples=60,
    deadline=None,  # PDF parsing of a damaged file can be slow on a busy CI machine
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(_files())
def test_any_bytes_give_a_document_or_a_source_error(case: tuple[str, bytes]) -> None:
    suffix, data = case
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzz{suffix}"
        path.write_bytes(data)
        try:
            doc = read_source(path)
        except SourceError as exc:
            assert str(exc).startswith(f"{path}: ")
            assert exc.reason
        else:
            assert isinstance(doc, SourceDocument)
            assert doc.text.strip()
            assert "\r" not in doc.text
            for noise in doc.noise:
                assert 0 <= noise.start < noise.end <= len(doc.text)
