"""The CSV rows are written by hand for speed: they must be byte for byte what csv.writer
writes (RFC 4180, QUOTE_MINIMAL, CRLF), and quotations one line as before."""

from __future__ import annotations

import csv
import io

from hypothesis import given, settings
from hypothesis import strategies as st

from factdesk.factsheet.csv_out import _line, one_line_stripped

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
