"""The CSV rows are written by hand for speed: they must be byte for byte what csv.writer
writes (RFC 4180, QUOTE_MINIMAL, CRLF), and quotations one line as before."""

from __future__ import annotations

import csv
import io

from hypothesis import given, settings
from hypothesis import strategies as st

from factdesk.factsheet.csv_out import (
    CLAIM_COLUMNS,
    _line,
    _source_line,
    neutralise,
    one_line_stripped,
    render_claim_rows_csv,
)
from factdesk.factsheet.model import Evidence, SourceRef

_CELL = st.one_of(
    st.text(max_size=30),
    st.text(alphabet=st.sampled_from(list("a ,\"\r\n\t'=+-@“”é\u00a0\u2028")), max_size=12),
    st.integers(min_value=0, max_value=10**12).map(str),
    st.just(""),
)


def _csv_module(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.lists(_CELL, min_size=2, max_size=16), max_size=6))
def test_rows_are_what_the_csv_module_writes(rows: list[list[str]]) -> None:
    assert "".join(_line(row) + "\r\n" for row in rows) == _csv_module(rows)


def test_the_cells_that_need_quoting() -> None:
    row = ["plain", "a,b", 'say "hi"', "two\nlines", "cr\r", "", "“curly”", " spaced "]
    assert _line(row) + "\r\n" == _csv_module([row])
    assert _line(row) == ('plain,"a,b","say ""hi""","two\nlines","cr\r",,“curly”, spaced ')


@settings(max_examples=2000, deadline=None)
@given(
    st.one_of(
        st.text(max_size=60),
        st.text(
            alphabet=st.sampled_from(list("ab  \t\n\r\u00a0\u2009\u2028\x1c\x85.")), max_size=20
        ),
    )
)
def test_one_line_stripped_is_split_and_joined(text: str) -> None:
    assert one_line_stripped(text) == " ".join(text.split())


_TEXT = st.text(alphabet=st.sampled_from(list("ab ,\"\r\n\t'=+-@“”\u00a0\u2028")), max_size=10)
_QUOTE = st.tuples(_TEXT, st.integers(min_value=1, max_value=4), st.booleans())


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.tuples(
            _TEXT, st.one_of(st.none(), _TEXT), st.one_of(st.none(), _TEXT), _TEXT, _TEXT,
            st.lists(_QUOTE, max_size=3), st.lists(st.tuples(_TEXT, _TEXT), max_size=2),
        ),
        max_size=8,
    )
)  # fmt: skip
def test_a_row_per_claim_is_what_the_csv_module_writes_of_its_cells(claims: list) -> None:
    """render_claim_rows_csv writes each row as one string for speed: the same bytes as
    csv.writer writing the cells the sheet defines (neutralised, one line per quotation)."""
    sources = {1: SourceRef(1, 'A "title", with commas', "Outlet", "2025-02-17", "https://x/a,b")}
    rows, quotations, evidence, expected = [], {}, {}, [list(CLAIM_COLUMNS)]

    def cited(doc: int) -> str:
        return _source_line(sources.get(doc, SourceRef(doc, f"Document {doc}")))

    for n, (text, speaker, date, note, updated, quoted, items) in enumerate(claims, start=1):
        rows.append((n, text, speaker, date, "verified", note, updated))
        quotations[n] = quoted
        evidence[n] = [Evidence(source, note) for source, note in items]
        docs = dict.fromkeys(doc for _quote, doc, _found in quoted)
        expected.append(
            [
                str(n), neutralise(text), neutralise(speaker or ""), date or "", "verified",
                neutralise(note),
                "\n".join(
                    f"“{' '.join(q.split())}” [doc {doc}]"
                    + ("" if found else " (no longer found in the article)")
                    for q, doc, found in quoted
                ),
                "\n".join(cited(doc) for doc in docs),
                neutralise("\n".join(f"{s} — {t}" if t else s for s, t in items)) if items else "",
                updated,
            ]
        )  # fmt: skip
    assert render_claim_rows_csv(rows, quotations, evidence, sources) == _csv_module(expected)
