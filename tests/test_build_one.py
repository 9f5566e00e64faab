"""The builder's shortcuts give the articles of its general way.

An article of whole-line paragraphs only (most one-article pages) is made straight from the
line columns, with no field step; here it is checked against the same lines handed over as
paragraph pieces, which go through the columns' sort and the field step.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from arnews.build_one import _article, _merged_columns, _small_columns
from arnews.state import PageState, Piece
from arnews.text import PrintableTexts, clean_many

from .strategies import arabic_text


def _as_pieces(state: PageState, lines: list[int]) -> list[Piece]:
    return [(i, "paragraph", state.starts[i], state.ends[i], None, None, None) for i in lines]


def _both_ways(text: str, pick: int) -> None:
    state = PageState.of(text)
    lines = [i for i in range(len(state.starts)) if pick == 0 or i % pick]
    fast = _article(state, [], lines, ([], []), ({}, {}), last=True)
    general = _article(state, _as_pieces(state, lines), [], ([], []), ({}, {}), last=True)
    assert fast == general
    assert fast.parts == general.parts
    assert fast.spans == general.spans
    # Plain tuples, or the tuple the builder vouches for (printable texts), the same both ways.
    assert type(fast.paragraphs) is type(general.paragraphs)
    assert type(fast.paragraphs) in (tuple, PrintableTexts) and type(fast.parts.starts) is tuple


@given(st.lists(arabic_text, min_size=0, max_size=20).map("\n".join), st.integers(0, 3))
def test_whole_line_articles_are_those_of_the_general_way(text: str, pick: int) -> None:
    _both_ways(text, pick)


def test_whole_line_articles_of_every_line_and_of_some() -> None:
    text = "أعلن\xa0الوزير الخبر.\n\nوقال  إن المحادثات مستمرة.\nسطر ثالث"
    for pick in (0, 2, 3):
        _both_ways(text, pick)
    article = _article(PageState.of(text), [], [0, 1, 2], ([], []), ({}, {}))
    assert article.paragraphs == ("أعلن الوزير الخبر.", "وقال إن المحادثات مستمرة.", "سطر ثالث")
    assert article.parts.kinds == ("paragraph",) * 3
    assert article.title is None and article.keywords == ()


def _split_ways(text: str, pick: int, cut: int) -> None:
    # Every ``pick``-th line (from the second) becomes pieces: its first ``cut`` characters
    # a headline piece and the rest a paragraph piece (or, with ``cut`` 0, the whole line a
    # named marker); the other lines stay whole-line paragraphs. The lines' columns with
    # each piece put in its place must be what the one sort of rows gives.
    state = PageState.of(text)
    pieces: list[Piece] = []
    whole: list[int] = []
    for i in range(len(state.starts)):
        start, end = state.starts[i], state.ends[i]
        if pick and i % pick == 1:
            if cut and end - start > cut:
                pieces.append((i, "paragraph", start + cut, end, None, None, None))
                pieces.append((i, "title", start, start + cut, None, None, None))
            else:
                pieces.append((i, "marker", start, end, None, "read_also", None))
        else:
            whole.append(i)
    if not pieces or not whole:
        return
    merged = _merged_columns(state, pieces, whole, ([], []))
    rows = _small_columns(state, pieces, whole, ([], []))
    assert merged[0] == rows[0]
    assert [list(c) for c in merged[1]] == [list(c) for c in rows[1]]
    assert [list(c) for c in merged[2:]] == [list(c) for c in rows[2:]]
    # And the article made either way is the same.
    fast = _article(state, pieces, whole, ([], []), ({}, {}), last=True)
    assert fast.paragraphs == tuple(clean_many(list(rows[4])))


@given(
    st.lists(arabic_text, min_size=1, max_size=16).map("\n".join),
    st.integers(0, 4),
    st.integers(0, 6),
)
def test_lines_with_pieces_put_in_place_are_the_sorted_rows(text: str, pick: int, cut: int) -> None:
    _split_ways(text, pick, cut)


def test_lines_with_pieces_put_in_place_examples() -> None:
    text = "سرايا - أعلن الوزير الخبر.\nوقال إن المحادثات مستمرة.\nاقرأ أيضا\nعنوان آخر\nسطر"
    for pick in (1, 2, 3):
        for cut in (0, 3, 8):
            _split_ways(text, pick, cut)
    state = PageState.of(text)
    pieces: list[Piece] = [
        (0, "paragraph", 8, state.ends[0], None, None, None),
        (0, "dateline", 0, 8, None, None, None),
    ]
    kinds = _merged_columns(state, pieces, [1, 2, 3, 4], ([], []))[1][0]
    assert list(kinds) == ["dateline", *["paragraph"] * 5]
