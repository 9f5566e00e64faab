"""The head detectors' fast paths give the answers of the plain computations they skip."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from arnews.cohesion import Vocabulary, content_words, shared_ratio
from arnews.detectors import credits, dateline_forms, regions
from arnews.detectors.main_words import MainWords
from arnews.detectors.regions import LITTLE_SHARED, MIN_COHESION_WORDS, NOTHING_SHARED
from arnews.state import PageState

ANT = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "ant"


def _plain(main: str, words: set[str], share: float) -> bool:
    vocab = Vocabulary()
    if main:
        vocab.add(main)
    return vocab.size >= MIN_COHESION_WORDS and shared_ratio(words, vocab) < share


def _weighed(lines: list[str], upto: int | None, words: set[str], share: float) -> bool:
    state = PageState.of("\n".join(lines))
    main = MainWords(state)
    main.upto = len(state.texts) if upto is None else upto
    return main.shares_less(words, share, MIN_COHESION_WORDS)


# Words with and without the article and the one-letter clitics, some inside others.
_WORDS = [
    "وزير",
    "الوزير",
    "والوزير",
    "بالوزير",
    "زير",
    "قال",
    "استقال",
    "وقال",
    "فرنسا",
    "وفرنسا",
    "لفرنسا",
    "الله",
    "بيان",
    "البيان",
    "مدينة",
    "المدينة",
    "نهر",
    "في",
    "من",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(_WORDS), max_size=12), min_size=1, max_size=4),
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=14),
    st.sampled_from([NOTHING_SHARED, LITTLE_SHARED, 0.5]),
)
def test_shares_less_is_the_vocabulary_test(
    main: list[list[str]], after: list[str], share: float
) -> None:
    lines = [" ".join(words) for words in main]
    words = content_words(" ".join(after))
    if not words:
        return
    assert _weighed(lines, None, words, share) == _plain("\n".join(lines), words, share)


def test_shares_less_takes_in_lines_a_marker_at_a_time() -> None:
    lines = ["زار الوزير مدينة أسوان", "وقال الوزير في بيان", "سافر الرئيس إلى فرنسا"]
    main = MainWords(PageState.of("\n".join(lines)))
    words = {"رئيس", "فرنسا"}
    main.upto = 2
    assert main.shares_less(words, 0.5, 1)
    main.upto = 3
    assert not main.shares_less(words, 0.5, 1)


@pytest.mark.skipif(not ANT.is_dir(), reason="the ANT corpus is not there")
def test_shares_less_on_real_pages() -> None:
    pages = sorted(ANT.glob("*.txt"))[:120]
    for k, page in enumerate(pages):
        lines = [line for line in page.read_text(encoding="utf-8").splitlines() if line.strip()]
        other = pages[(k + 7) % len(pages)].read_text(encoding="utf-8").splitlines()
        for upto in (len(lines) // 2, len(lines)):
            for after in (lines[upto:], other[:3]):
                words = content_words("\n".join(after))
                if len(words) < MIN_COHESION_WORDS:
                    continue
                for share in (NOTHING_SHARED, LITTLE_SHARED):
                    expected = _plain("\n".join(lines[:upto]), words, share)
                    assert _weighed(lines, upto, words, share) == expected, page.name


# Characters the dateline and credit patterns treat apart: separators, brackets, sentence
# marks, blanks, and U+001C (white space to the standard engine, not to ``regex``).
_PATTERN_CHARS = "أبتـ-–—:：/.،,()!؟?\n\t\xa0\x1c\u2003 aZ9&_"


def _spans(m: re.Match[str] | regex.Match[str] | None) -> object:
    if m is None:
        return None
    return m.span(), [m.span(g) for g in range(1, (m.re.groups or 0) + 1)]


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet=_PATTERN_CHARS, max_size=90), st.data())
def test_standard_engine_patterns_read_as_regex_did(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    white = dateline_forms._WHITE
    for pattern in (
        dateline_forms._PAREN,
        dateline_forms._SLASH,
        dateline_forms._SEGMENT,
        dateline_forms._PAIR_LINE,
        dateline_forms._STRAY_COMMA,
        dateline_forms._LATIN_SITE,
    ):
        # The pattern as it was written for ``regex``, its white space ``\s``.
        before = regex.compile(pattern.pattern.replace(f"[^{white}.]", r"[^\s.]"))
        for method in ("match", "fullmatch"):
            assert _spans(getattr(pattern, method)(text, start, end)) == _spans(
                getattr(before, method)(text, start, end)
            )
    lead_in = regex.compile(
        r"(?:[^()\n:.!؟?]{0,60}?\([^()\n]{1,40}\)[ \t\xa0]*(?:-{1,3}|–|—|:)"
        r"|(?:\S+[ \t\xa0]+){0,2}\S+[ \t\xa0]*(?:-{1,3}|–|—)[ \t\xa0])"
    )
    assert _spans(regions._LEAD_IN.match(text, start, end)) == _spans(
        lead_in.match(text, start, end)
    )
    separator = regex.compile(r"[ \t\xa0]*(?:-{1,3}|[–—:：/]|(?<!\S)ـ+(?!\S))[ \t\xa0]*")
    found = [m.span() for m in credits._SEPARATOR.finditer(text, start, end)]
    assert found == [m.span() for m in separator.finditer(text, start, end)]


def _date_pieces() -> list[str]:
    from arnews.dates.tables import _TABLES

    words = [*_TABLES.markers, *_TABLES.weekdays, *_TABLES.weekday_prefixes, *_TABLES.months]
    words += [*_TABLES.ago, *_TABLES.vague, *_TABLES.now, *_TABLES.days, *_TABLES.eras]
    words += [*_TABLES.connectors, *_TABLES.periods]
    return [*words, " ", "\t", "12", "2025", ":", "30", "-", "/", "،", "T", "|", "x"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_date_pieces()), max_size=8), st.integers(0, 40))
def test_date_quick_tests_never_skip_a_match(pieces: list[str], at: int) -> None:
    from arnews.dates import patterns as p
    from arnews.normalize import fold_chars

    key = fold_chars(" ".join(pieces))
    i = min(at, len(key))
    blanks = len(key) - len(key[i:].lstrip(" \t"))
    opens = key[i : i + 1] in p.TIME_OPENERS
    checks = [
        (p._P._MARKER_RE, p.may_open(p._MARKER_STARTS, key, i)),
        (p._P._LEAD_TIME_RE, key[i : i + 1] in p.DIGITS),
        (p._P._WEEKDAY_RE, p.may_open(p._WEEKDAY_STARTS, key, i)),
        (p._P._DAY_WORD_RE, p.may_open(p._PREFIX_STARTS, key, i)),
        (p._P._CORE_RE, key[i : i + 1] in p.DIGITS or p.may_open(p._CORE_STARTS, key, i)),
        (p._P._ERA_RE, p.may_open(p._ERA_STARTS, key, blanks)),
        (p._P._TIME_RE, opens and key.find(":", i) >= 0),
        (p._P._HOUR_RE, opens and key[i : i + 1] != "T"),
    ]
    for pattern, may in checks:
        if pattern.match(key, i) is not None:
            assert may, (pattern.pattern[:40], key, i)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(["قال", "الوزير", "أ" * 40, " ", "  ", "\t", "\n", "\xa0", "\u2003"])),
    st.integers(0, 30),
    st.data(),
)
def test_more_words_than_is_the_word_count(
    pieces: list[str], limit: int, data: st.DataObject
) -> None:
    from arnews.detectors.heads import more_words_than
    from arnews.text import word_count

    text = "".join(pieces)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    expected = word_count(text[start:end], limit=limit + 1) > limit
    assert more_words_than(text, start, end, limit) == expected
