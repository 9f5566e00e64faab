"""The head detectors' fast paths of the thirteenth pass give the plain computations' answers."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arnews.detectors import stamps, titles

# Texts of the shapes a headline's stems are read from: empty, one word, clitics, marks,
# punctuation, Latin, repeated and very long lines.
_TEXTS = [
    "",
    " ",
    "و",
    "الوزير",
    "والوزير وبالوزير فالوزير كالوزير للوزير لل بال",
    "عرض أوروبي بعد ليلة مفاوضات مضنية حول اليونان",
    "إِحالةُ أوراقِ 10 متهمين «في» خلية… الظواهري – للمفتي؟",
    "Hespress: SITE.INFO — news 2025",
    "مصر: إحالة أوراق " * 2000,
    "ــــ ـوزير وـــزير",
    "\u200cالوزير\u200d \ufefbلا \ufe8dوزير",
    "abc\u0300def \u00e9t\u00e9 \u0394\u03b5\u03bb\u03c4\u03b1",
]


def _same(text: str) -> None:
    assert titles._plain_stem().findall(text) == titles._STEM.findall(text)


@pytest.mark.parametrize("text", _TEXTS)
def test_plain_stems_are_the_regex_stems(text: str) -> None:
    assert titles._NOT_PLAIN.search(text) is None
    _same(text)


def test_every_plain_character_reads_alike() -> None:
    # Each character of the plain ranges alone, after a clitic, inside a word and between
    # words: the two engines classify it alike.
    for a, b in titles._PLAIN_RANGES:
        for code in range(a, b + 1):
            c = chr(code)
            _same(f"{c}{c}{c} و{c}ال ال{c}{c}{c} بال{c}وزير وزير{c}ر {c}")


def test_other_texts_go_to_regex() -> None:
    for text in ("الوزير 🙂 قال", "وزير\U00010400ر", "ابن ⵜⴰ", "\ud800"):
        assert titles._NOT_PLAIN.search(text) is not None


def test_random_plain_texts() -> None:
    rng = random.Random(13)
    pool = "".join(chr(c) for a, b in titles._PLAIN_RANGES for c in range(a, b + 1))
    arabic = "وفبكلال" + "".join(map(chr, range(0x621, 0x64B)))
    for _ in range(300):
        text = "".join(rng.choice(arabic if rng.random() < 0.7 else pool) for _ in range(60))
        _same(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("وفبكلالمنس \u064e\u0640-:.،A1")))
def test_stems_of_clitic_texts(text: str) -> None:
    _same(text)


def test_digit_search_is_the_digit_set() -> None:
    texts = ["", "بدون أرقام", "2025", "١٥ يونيو", "۱۵", "a" * 200, *sorted(stamps._DIGITS)]
    texts += [f"يونيو {c} م" for c in map(chr, range(0x10000))]
    for text in texts:
        assert (stamps._DIGIT.search(text) is not None) == (not stamps._DIGITS.isdisjoint(text))


_HEADS = [
    "كتب- أحمد علي: أعلن الوزير الخبر.",
    "بقلم: د. نظمي خليل",
    "SITE.INFO - متابعة",
    "جدة ـ عبدالغني الشريف",
    "أعلن الوزير الخبر اليوم في بيان رسمي.",
    "مصر: إحالة أوراق 10 متهمين في خلية الظواهري للمفتي",
    "",
    "ـ",
]


def test_credit_reads_alike_with_a_warm_memo() -> None:
    # The page's memo (its openers and its heads' answers) changes no answer: each line read
    # cold (memo cleared) and warm (read twice, in both orders) gives one answer.
    from arnews.detectors.credits import read_credit
    from arnews.state import PageState

    state = PageState.of("\n".join(_HEADS * 3))
    cold = []
    for i in range(len(state.texts)):
        state.memo.clear()
        cold.append(read_credit(state, i))
    state.memo.clear()
    assert [read_credit(state, i) for i in range(len(state.texts))] == cold
    assert [read_credit(state, i) for i in reversed(range(len(state.texts)))] == cold[::-1]
    assert any(c is not None for c in cold)
