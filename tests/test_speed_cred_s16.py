"""The credit and headline detectors' fast paths of the sixteenth pass give the plain
computations' answers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arnews import Parser
from arnews.detectors import bylines, credits, datelines, titles
from arnews.normalize import FOLD_TABLE, fold
from arnews.state import PageState
from arnews.text import ends_sentence, has_inner_sentence_end, opens_with_clause_word, word_count

_STATE = PageState.of("نص.")
PARSER = Parser(time_budget=None)

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


def _plain_may_open(state: PageState, start: int, end: int, openers: frozenset[str]) -> bool:
    """The credit reader's quick test as the fifteenth pass read it: one pattern search for
    the separator."""
    text = state.text
    stop = min(start + credits.OPENER_CHARS, end)
    found = credits._SEPARATOR_CHARS_RE.search(text, start, stop)
    if found is None:
        sep = -1
        head = text[start:stop]
    else:
        sep = found.start()
        if text[sep] == "ـ":
            sep = credits._separator_char(text, sep, stop)
        head = text[start : stop if sep < 0 else sep]
    words = head.split(None, credits.MAX_SITE_WORDS)
    if not words:
        return sep >= 0
    first = fold(words[0])
    if first in openers:
        return True
    if words[0][0] in credits._LATIN_LETTERS and credits._LATIN_SITE.fullmatch(head.strip()):
        return True
    gazetteer = state.gazetteer
    if len(words) <= credits.MAX_SITE_WORDS and (
        not first or first in credits._name_openers(gazetteer)
    ):
        key = fold(" ".join(words))
        if key in gazetteer.agencies or key in gazetteer.places:
            return True
    if sep < 0:
        return False
    after = text[sep + 1 : min(end, sep + 1 + credits.OPENER_CHARS)]
    words = after.lstrip(credits._SEPARATOR_CHARS).split(None, 1)
    return bool(words) and fold(words[0]) in openers


# Heads of a credit line's shapes: each separator, a tatweel set apart or inside a word, at
# the line's start, a separator past the quick test's window, a Latin site, a place.
_HEADS = [
    "",
    "نص",
    "كتب- أحمد علي: أعلن الوزير الخبر.",
    "بقلم: د. نظمي خليل",
    "أحمد حجازي – متابعات",
    "أحمد حجازي — متابعات",
    "أحمد حجازي / متابعات",
    "أحمد حجازي ： متابعات",
    "جدة ـ عبدالغني الشريف",
    "جدةـ عبدالغني الشريف",
    "ـ متابعة",
    "بـأن الوزير",
    "SITE.INFO - متابعة",
    "Hespress",
    "النيلين - متابعات",
    "القاهرة - وكالات: أعلن",
    "أعلن الوزير اليوم عن خطة جديدة لتطوير التعليم في البلاد وقال - متابعات",
    "أعلن الوزير اليوم عن خطة جديدة لتطوير التعليم في البلاد وقال إن الخطة ستبدأ",
    "- متابعة",
    "::",
    "ـ",
]


@pytest.mark.parametrize("head", _HEADS)
@pytest.mark.parametrize("before", ["", "\n", " ", "x", "\x1c"])
def test_may_open_credit(head: str, before: str) -> None:
    state = PageState.of(f"{before}{head}\nنص.")
    openers = credits.credit_openers(state.lexicon)
    start = len(before)
    for end in {start, start + len(head), start + min(len(head), 30)}:
        for at in range(start, end):
            want = _plain_may_open(state, at, end, openers)
            assert credits._may_open_credit_at(state, at, end, openers) is want


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*_HEADS[1:], " ", "-", "ـ", ":", "\t", "علي"]), max_size=8))
def test_may_open_credit_mixed(parts: list[str]) -> None:
    text = "".join(parts) or "نص"
    state = PageState.of(text)
    openers = credits.credit_openers(state.lexicon)
    for at in range(min(len(text), 40)):
        want = _plain_may_open(state, at, len(text), openers)
        assert credits._may_open_credit_at(state, at, len(text), openers) is want


# Pages whose closing line may be a line the head's walk read: one line, a credit alone,
# a credit below a short line, two short lines, a closing credit, blank lines, a long line.
_PAGES = [
    "أعلن الخبر في عمان اليوم.",
    "بقلم: د. نظمي خليل",
    "متابعة",
    "فرانس24/ أ ف ب",
    "نص قصير\nفرانس24/ أ ف ب",
    "عنوان\nبقلم: د. نظمي خليل",
    "عنوان قصير\nنص قصير",
    "أعلن الوزير الخبر.\n\nإعداد: سامر يوسف",
    "  \nأعلن الوزير الخبر.\n",
    "كتب- أحمد علي: أعلن الوزير الخبر.",
    "أحمد حجازي – متابعات",
    "أعلن الوزير الخبر اليوم في بيان رسمي. " * 40,
    "أعلن الخبر في عمان اليوم.\n" * 3,
]


@pytest.mark.parametrize("page", _PAGES)
def test_closing_line_read_once(page: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The closing credit is the one a second reading of the line would find."""
    fast = _after_bylines(page)
    plain = bylines._detect_head_credits
    monkeypatch.setattr(bylines, "_detect_head_credits", lambda state: (plain(state), -1)[1])
    slow = _after_bylines(page)
    assert (fast.pieces, fast.kind, fast.rest) == (slow.pieces, slow.kind, slow.rest)


def _after_bylines(text: str) -> PageState:
    state = PageState.of(text)
    for name, detect in PARSER.detectors.rules:
        detect(state)
        if name == "bylines":
            break
    return state


# Lines a dateline may open: each form, a bracket, slash or dash past the window, none of
# them, a long line, blanks before the text.
_DATELINE_LINES = [
    "",
    "نص",
    "أعلن الوزير الخبر.",
    "القاهرة - أعلن الوزير الخبر.",
    "واشنطن (رويترز) - أعلن الوزير",
    "(CNN)-- قال الوزير",
    "القاهرة (الاتحاد)",
    "بغداد/ شبكة أخبار العراق- أعلنت الوزارة",
    "عمّان-بترا",
    "عمّان–بترا",
    "عمّان—بترا",
    "واس- جدة: أعلن",
    "أعلن الوزير الخبر اليوم " * 12 + "(رويترز) - ثم",
    "أعلن الوزير الخبر اليوم " * 12 + "/ ثم",
    "أعلن الوزير الخبر اليوم في بيان رسمي. " * 40,
    "   القاهرة - أعلن",
    "الخبر: " + "أعلن الوزير " * 80,
    "القاهرة - " + "أعلن الوزير " * 80,
    "أعلن الوزير " * 80 + "- ثم (رويترز) /",
]


def _plain_read_line(state: PageState, i: int, base: int, strong: bool) -> bool:
    """The dateline reader as the fifteenth pass ran it: the whole line searched for each
    form's characters first."""
    text, end = state.text, state.ends[i]
    if all(text.find(c, base, end) < 0 for c in "(/-–—"):
        return False
    window_end = min(end, base + datelines.WINDOW)
    if datelines._try_paren(state, i, base, window_end, strong):
        return True
    if strong:
        return False
    return datelines._read_line(state, i, base, strong)  # (the same prefilter passes)


@pytest.mark.parametrize("line", _DATELINE_LINES)
@pytest.mark.parametrize("strong", [False, True])
def test_read_line(line: str, strong: bool) -> None:
    for base in range(min(len(line), 12) + 1):
        fast, plain = PageState.of(f"{line}\nنص."), PageState.of(f"{line}\nنص.")
        found = datelines._read_line(fast, 0, base, strong)
        assert found is _plain_read_line(plain, 0, base, strong)
        assert (fast.pieces, fast.rest) == (plain.pieces, plain.rest)
