"""The builder's shortcuts give the articles of its general way.

An article of whole-line paragraphs only (most one-article pages) is made straight from the
line columns, with no field step; here it is checked against the same lines handed over as
paragraph pieces, which go through the columns' sort and the field step.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from arnews.build_one import _article
from arnews.state import PageState, Piece

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
    assert type(fast.paragraphs) is tuple and type(fast.parts.starts) is tuple


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
