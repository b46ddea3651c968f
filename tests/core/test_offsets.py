"""Code points ↔ UTF-16: the Qt boundary, checked against Python's own UTF-16 encoder."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from factdesk.core.offsets import LineIndex, cp_to_utf16, utf16_len, utf16_to_cp

texts = st.lists(
    st.sampled_from([*"ab\n é’", "😀", "🇫🇷", "𝔘", "\u00a0", "e\u0301"]), max_size=50
).map("".join)


def units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@given(texts)
def test_utf16_len_matches_the_encoder(text: str) -> None:
    assert utf16_len(text) == units(text)


@given(texts, st.data())
def test_round_trip_of_every_code_point_offset(text: str, data: st.DataObject) -> None:
    offset = data.draw(st.integers(0, len(text)))
    unit = cp_to_utf16(text, offset)
    assert unit == units(text[:offset])
    assert utf16_to_cp(text, unit) == offset


def test_an_offset_inside_a_surrogate_pair_rounds_down() -> None:
    text = "a😀b"
    assert [utf16_to_cp(text, u) for u in range(5)] == [0, 1, 1, 2, 3]


@given(texts, st.data())
def test_line_index_round_trip(text: str, data: st.DataObject) -> None:
    index = LineIndex(text)
    offset = data.draw(st.integers(0, len(text)))
    line, unit = index.to_utf16(offset)
    assert "\n".join(index.lines[:line]) + ("\n" if line else "") == text[: index.starts[line]]
    assert index.from_utf16(line, unit) == offset


def test_emoji_before_a_selection() -> None:
    text = "Flags 🇫🇷🇬🇧\nSir Keir said: 😀 ‘a bridge’"
    index = LineIndex(text)
    start = text.index("‘a bridge’")
    line, unit = index.to_utf16(start)
    assert line == 1
    assert unit == len("Sir Keir said: ") + 2 + 1  # the emoji takes two UTF-16 units
    assert index.from_utf16(1, unit) == start
