"""The furniture detector's fast paths answer as the slow ones: the loose tree's openings
(split by first character, each node's skip factored out) match the lines the whole loose
tree matches, and its word count by spaces is the split's."""

from __future__ import annotations

import re

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from arnews import Lexicon
from arnews.detectors.boilerplate import MAX_INSIDE_WORDS, _few_words
from arnews.detectors.tables import furniture_heads
from arnews.lexicon.loose import _loose_prefixes, loose_openings
from arnews.lexicon.patterns import furniture_phrases
from arnews.text import word_count

LEX = Lexicon.default()
# Phrases that open with punctuation (which the skip between letters can also take) and
# with letters, one a prefix of another, one of two letters.
_PHRASES = ("(صورة:", "-انتهى", "//انتهى", "A+A-", "AA", "طباعة", "طباعة الخبر", "شارك", "شاهد")

_TEXT = st.lists(
    st.sampled_from(
        [
            *"اأإآلقرطبعةتمصدىشهـَُِ©:|-/+(•AaGgKk\u212a ",
            "ال",
            "اقرأ",
            "طباعة",
            "شارك",
            "---",
            "(صورة",
            "انتهى",
            "A+A",
        ]
    ),
    max_size=10,
).map(lambda parts: "".join(parts).strip())


def _same(line: str, phrases: tuple[str, ...], heads: frozenset[str]) -> None:
    if line[0] not in heads:
        return
    whole = re.compile(_loose_prefixes(phrases))
    ours = loose_openings(phrases, heads).get(line[0])
    if ours is None:
        assert whole.match(line) is None, line
    else:
        assert (whole.match(line) is None) == (ours.match(line) is None), line


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_openings_match_where_the_whole_loose_tree_does(line: str) -> None:
    assume(line)
    _same(line, tuple(furniture_phrases(LEX)), LEX.boilerplate_heads)
    heads = frozenset("".join(_PHRASES)) | LEX.boilerplate_heads
    _same(line, _PHRASES, heads)


def test_openings_known_lines() -> None:
    openings = furniture_heads(LEX).openings
    for line in ("طباعة", "طـبـاعة", "تـابِعونا على", "- انتهى -", "(صورة: أرشيف)", "A+A-"):
        assert openings[line[0]].match(line), line
    for line in ("المصدر: وكالات", "عنوان الخبر", "-" * 60, "وقال الوزير"):
        assert openings[line[0]].match(line) is None, line


def test_the_skip_gives_back_nothing_before_a_letter_it_cannot_take() -> None:
    openings = loose_openings(_PHRASES, frozenset("ط-"))
    assert "*+" in openings["ط"].pattern
    # The dash opens a phrase and is skipped too: the skip before it stays greedy.
    assert re.search(r"\*(?!\+)", openings["-"].pattern)
    assert openings["-"].match("--انتهى") and openings["-"].match("-- AA")
    assert openings["-"].match("-" * 40) is None


def test_the_table_is_kept_per_lexicon() -> None:
    assert furniture_heads(LEX) is furniture_heads(LEX)
    other = LEX.replace(boilerplate=("تابعونا",))
    assert furniture_heads(other) is not furniture_heads(LEX)
    assert furniture_heads(other).openings["ت"].match("تابعونا على")


_WORDY = st.lists(
    st.sampled_from(["نص", "a", " ", " ", " ", "  ", "\t", "\xa0", "\u2009", "\u200f", "\n", "."]),
    max_size=40,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(_WORDY)
def test_few_words_is_the_split_count(line: str) -> None:
    assert _few_words(line) == (word_count(line) <= MAX_INSIDE_WORDS)


def test_few_words_at_the_bounds() -> None:
    for n in range(10, 16):
        for sep in (" ", "  ", "\t", " \xa0"):
            line = sep.join(["كلمة"] * n)
            assert _few_words(line) == (n <= MAX_INSIDE_WORDS), (n, sep)
            assert _few_words(" " + line + " ") == (n <= MAX_INSIDE_WORDS), (n, sep)
