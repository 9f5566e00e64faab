"""Session 13: a line's cohesion test (``shares_more``), settled by whichever of its paths
(substring bounds, the lines that hold the open words, the nearest lines read, the article
counted whole), gives what the article's words counted whole give, on the shapes a faster
path would have to cover: one line, repeated lines, clitic forms, a very long line,
read-also lines."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arnews.cohesion import StemCounts, stems
from arnews.detectors.article_words import _ArticleWords
from arnews.state import PageState

from .strategies import arabic_text


def _counted_whole(texts: list[str], k: int, words: set[str], most: float) -> bool:
    """``shares_more`` as the article's words counted whole give it."""
    known = StemCounts.of_counts(Counter(stems("\n".join(texts))))
    return known.shared(words, Counter(stems(texts[k]))) > most


def _each_line_as_counted_whole(texts: list[str]) -> None:
    state = PageState.of("\n".join(texts))
    lines = state.texts
    for k in range(len(lines)):
        for most in (0, 0.5, 1, 1.5, 2, 3, 4.5):
            words = _ArticleWords(state, range(len(lines)))
            own = words.content_words(k)
            assert words.shares_more(k, own, lines[k], most) == _counted_whole(
                lines, k, own, most
            ), (k, most)


_STORY = "أعلنت وزارة الصحة المصرية اليوم عن خطة جديدة لمكافحة الأمراض في محافظة أسوان"
_SHAPES = [
    [_STORY],  # one line: no line near it
    [_STORY, "وقال وزير الصحة إن الخطة تشمل محافظة أسوان والأقصر"],
    [_STORY] * 4,  # repeated lines: each shares every word with the others
    ["عاد الوزير", _STORY, "والوزير في أسوان وبالوزير وفالوزير"],  # clitic forms near it
    [_STORY, "الوزير " * 3000 + "أسوان"],  # a very long line near it
    [_STORY, "انتخب البرلمان العراقي رئيسا جديدا للحكومة بعد أشهر من الخلاف السياسي"],
    ["وزير وزير", "والوزير ووزير", "فوزير الوزير"],  # the line's clitic forms outnumber
    ["اقرأ أيضا: " + _STORY, "اقرأ أيضا: " + _STORY, "اقرأ أيضا: انتخب البرلمان العراقي"],
]


@pytest.mark.parametrize("texts", _SHAPES)
def test_nearest_lines_settle_as_counted_whole(texts: list[str]) -> None:
    _each_line_as_counted_whole(texts)


_WORDS = st.sampled_from(
    [
        *("الوزير", "وزير", "والوزير", "بالوزير", "فوزير", "لوزير", "وزيرها", "ووزير"),
        *("أسوان", "وأسوان", "أسوانها", "فرنسا", "لفرنسا", "وفرنسا", "قال", "وقال", "في"),
    ]
)
_LINES = st.lists(st.one_of(_WORDS, _WORDS, _WORDS, arabic_text), min_size=1, max_size=8).map(
    " ".join
)


@given(st.lists(_LINES, min_size=1, max_size=6))
def test_nearest_lines_settle_any_page_as_counted_whole(texts: list[str]) -> None:
    _each_line_as_counted_whole(texts)
