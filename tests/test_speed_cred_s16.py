"""The credit and headline detectors' fast paths of the sixteenth pass give the plain
computations' answers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arnews.detectors import titles
from arnews.normalize import FOLD_TABLE, fold
from arnews.state import PageState
from arnews.text import ends_sentence, has_inner_sentence_end, opens_with_clause_word, word_count

_STATE = PageState.of("نص.")

# Lines of the shapes a page may open with: headlines, editor's notes (a lexicon
# ``credits.notes`` opener), a first word the fold deletes whole or changes, white space the
# fold turns into a space, one word, an empty line, a long line, repeated words.
_LINES = [
    "",
    "عنوان",
    "عرض أوروبي بعد ليلة مفاوضات مضنية حول اليونان",
    "هذا المقال يعبر عن رأي كاتبه",
    "هذا المقال",
    "ملاحظة المحرر: نص",
    "ـ عرض أوروبي بعد ليلة",
    "ًّ عرض أوروبي بعد ليلة",
    "\u200b عرض أوروبي",
    "إقرأ أيضاً عرض أوروبي",
    "أيضاً\x1cعرض أوروبي",
    "عرض\u2003أوروبي\xa0بعد",
    "هل تنجح المفاوضات؟",
    "قال الوزير كذا. وأضاف أن",
    "والحمد لله رب العالمين",
    "عرض " * 30,
    "عرض أوروبي " * 500,
]


def _plain_shape(state: PageState, line: str) -> bool:
    """The headline's shape as the fifteenth pass read it: the whole line folded."""
    n = word_count(line, limit=titles.MAX_HEADLINE_WORDS)
    if not titles.MIN_HEADLINE_WORDS <= n <= titles.MAX_HEADLINE_WORDS:
        return False
    if ends_sentence(line):
        stripped = line.rstrip(" \t\xa0\"'”’»›)]}")
        if stripped[-1:] not in titles._QUESTION or n > titles.MAX_QUESTION_WORDS:
            return False
    if has_inner_sentence_end(line) or opens_with_clause_word(line):
        return False
    notes = state.lexicon.credit_words("notes")
    words = fold(line).split(None, 4)
    if not words or words[0] not in titles._openers(notes):
        return True
    return not any(" ".join(words[:n]) in notes for n in range(1, min(len(words), 4) + 1))


def test_fold_keeps_white_space_apart() -> None:
    """The headline's test folds the line's first word alone: it relies on the fold making
    white space of white space alone, and deleting none."""
    for code, to in FOLD_TABLE.items():
        assert chr(code).isspace() == any(map(str.isspace, to or "")), hex(code)
        if chr(code).isspace():
            assert to


def test_notes_are_seen() -> None:
    notes = _STATE.lexicon.credit_words("notes")
    assert notes
    for note in notes:
        line = f"{note} عن رأي كاتبه"
        assert titles._headline_shape(_STATE, line) is _plain_shape(_STATE, line)


@pytest.mark.parametrize("line", _LINES)
def test_headline_shape(line: str) -> None:
    assert titles._headline_shape(_STATE, line) is _plain_shape(_STATE, line)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*_LINES[1:], "ـ", "ً", " ", "\x1c", "هذا", "المقال"]), max_size=6))
def test_headline_shape_mixed(parts: list[str]) -> None:
    line = " ".join(parts)
    assert titles._headline_shape(_STATE, line) is _plain_shape(_STATE, line)
