"""The shortcuts of :mod:`arnews.cohesion` the related-headline detector takes agree with a
full :class:`~arnews.cohesion.Vocabulary`: the same counts, and bounds that hold."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arnews.cohesion import (
    StemCounts,
    Vocabulary,
    _stem_counts,
    content_words,
    share_bounds,
    shared_elsewhere,
    stems,
    surely_shared,
)

from .strategies import any_text, arabic_text

# Words with and without one-letter clitics, with the article, function words, and a stem
# that two clitic forms share (the case a vocabulary settles by the order of the forms).
_WORDS = st.sampled_from(
    [
        "وكتب", "فكتب", "بكتب", "كتب", "بلاد", "وبلاد", "لبلاد", "والكتاب", "الكتاب",
        "في", "و", "ولد", "فولد", "بيت", "وفي", "لكن", "ولكن", "فرنسا", "وفرنسا", "بفرنسا",
        "الرئيس", "والرئيس", "للرئيس", "أسوان", "وأسوان", "ـ", "،", "\n",
    ]
)  # fmt: skip
_TEXT = st.lists(st.one_of(_WORDS, arabic_text), max_size=40).map(" ".join)


@given(_TEXT, st.lists(_WORDS, max_size=5))
def test_stem_counts_give_a_vocabulary_s_counts(text: str, asked: list[str]) -> None:
    expected = _stem_counts(text)
    counts = StemCounts(text)
    for word in [*expected, *content_words(" ".join(asked)), "ا", "مصر"]:
        assert counts[word] == expected[word], word


@given(st.lists(_TEXT, min_size=2, max_size=6), st.data())
def test_nearby_lines_never_tell_more_words_shared_than_the_article(
    lines: list[str], data: st.DataObject
) -> None:
    k = data.draw(st.integers(0, len(lines) - 1))
    line = lines[k]
    words = content_words(line)
    others = [t for j, t in enumerate(lines) if j != k]
    nearby = Counter(stems("\n".join(data.draw(st.lists(st.sampled_from(others), unique=True)))))
    text = "\n".join(lines)
    vocabulary = Vocabulary()
    vocabulary.add(text)
    shared = shared_elsewhere(words, line, vocabulary)
    assert shared_elsewhere(words, line, StemCounts(text)) == shared
    assert surely_shared(words, Counter(stems(line)), nearby) <= shared
    # A text's stems are its lines' stems one after the other.
    read = [s for t in lines for s in stems(t)]
    assert read == stems(text)
    assert shared_elsewhere(words, line, StemCounts.of_stems(read)) == shared


def test_nearby_lines_tell_a_story_s_own_line() -> None:
    line = "وقال الرئيس الفرنسي إن فرنسا ستدعم الاتفاق في الأمم المتحدة"
    nearby = "زار الرئيس الفرنسي نيويورك حيث عرض على الأمم المتحدة الاتفاق"
    words, own = content_words(line), Counter(stems(line))
    assert surely_shared(words, own, Counter(stems(nearby))) >= 4
    assert surely_shared(words, own, Counter(stems("هطلت الأمطار على المدينة"))) == 0


def _carries_on_by_the_whole_head(text: str) -> bool:
    """``carries_on`` as it was: the first 80 characters folded, then split."""
    from arnews import carry
    from arnews.normalize import fold_chars

    if carry._CARRY_START.match(text):
        return True
    phrases, longest, firsts = carry._continuations()
    head = fold_chars(text[:80]).split(None, longest)[:longest]
    if not head or head[0].strip(carry._PUNCTUATION) not in firsts:
        return False
    words = [w.strip(carry._PUNCTUATION) for w in head]
    return any(" ".join(words[:n]) in phrases for n in range(1, len(words) + 1))


_OPENINGS = st.sampled_from(
    ["يذكر أن", "يُذكر أنّ", "من جهته،", "في المقابل", "فِي", "ـ", "\u200f", "،", " ", "\xa0", "\t"]
)


@given(st.lists(st.one_of(_OPENINGS, any_text, arabic_text), max_size=6).map("".join))
def test_carries_on_reads_the_first_word_as_the_folded_head_does(text: str) -> None:
    from arnews.cohesion import carries_on

    assert carries_on(text) == _carries_on_by_the_whole_head(text)


@given(st.lists(_TEXT, min_size=2, max_size=6), st.data())
def test_the_substring_bounds_agree_with_the_counts_where_they_decide(
    lines: list[str], data: st.DataObject
) -> None:
    from arnews.normalize import fold_chars

    k = data.draw(st.integers(0, len(lines) - 1))
    line = lines[k].replace("\n", " ")
    lines[k] = line
    lines = [t.replace("\n", " ") for t in lines]
    words = content_words(line)
    most = data.draw(st.sampled_from([0, 0.15 * len(words), 1, 2.5]))
    folded_lines = [fold_chars(t) for t in lines]
    folded = "\n".join(folded_lines)
    start = sum(len(t) + 1 for t in folded_lines[:k])
    end = start + len(folded_lines[k])
    vocabulary = Vocabulary()
    vocabulary.add("\n".join(lines))
    shared = shared_elsewhere(words, line, vocabulary)
    settled = share_bounds(words, stems(line), folded, start, end, most)
    if settled is not None:
        assert settled == (shared > most)
    # The counts a test reads from a whole text are the vocabulary's, word for word.
    text = StemCounts("\n".join(lines))
    assert text.shared(words, Counter(stems(line))) == shared


def test_the_substring_bounds_decide_a_story_line_and_a_teaser() -> None:
    from arnews.normalize import fold_chars

    lines = [
        "زار الرئيس الفرنسي القاهرة حيث التقى وزير الخارجية المصري",
        "وقال الرئيس الفرنسي إن القاهرة شريك أساسي لفرنسا",
        "أعلنت شركة النفط الوطنية اكتشاف حقل جديد قبالة السواحل",
    ]
    folded = "\n".join(map(fold_chars, lines))
    starts = [0, len(fold_chars(lines[0])) + 1, len(fold_chars(lines[0] + lines[1])) + 2]
    story, teaser = lines[1], lines[2]
    words = content_words(story)
    at, end = starts[1], starts[2] - 1
    assert share_bounds(words, stems(story), folded, at, end, 0.15 * len(words)) is True
    words = content_words(teaser)
    assert share_bounds(words, stems(teaser), folded, starts[2], len(folded), 1) is False


@given(st.one_of(any_text, arabic_text, _TEXT))
def test_stems_read_token_by_token_are_the_pattern_s_over_the_whole_text(text: str) -> None:
    from arnews import cohesion
    from arnews.normalize import fold_chars

    expected = cohesion._STEM.findall(fold_chars(text))
    assert stems(text) == expected
    assert stems(text) == expected  # the second time from the memo


@given(st.lists(st.one_of(_WORDS, any_text, arabic_text), max_size=4).map("".join))
def test_a_folded_token_s_stems_are_the_pattern_s(text: str) -> None:
    from arnews import cohesion
    from arnews.normalize import fold_chars

    for token in fold_chars(text).split():
        assert cohesion._folded_token_stems(token) == tuple(cohesion._STEM.findall(token))


def test_the_token_memo_stays_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    from arnews import cohesion

    monkeypatch.setattr(cohesion, "_MAX_TOKENS", 8)
    monkeypatch.setattr(cohesion, "_TOKEN_STEMS", {})
    text = " ".join(f"كلمه{k}" for k in range(20))
    assert stems(text) == cohesion._STEM.findall(text)
    assert len(cohesion._TOKEN_STEMS) <= 8
    for k in range(20):
        assert stems(f"الكتاب{k} والرئيس{k}") == [f"كتاب{k}", f"رئيس{k}"]
        assert len(cohesion._TOKEN_STEMS) <= 8


@pytest.mark.parametrize(
    "text",
    [
        "في المقابل أعلنت الوزارة خطة جديدة",
        "فِي المُقابل أعلنت الوزارة",
        "في ـ المقابل أعلنت الوزارة",  # a word of tatweel alone folds to nothing
        "في \u200f المقابل",
        "من جهته، قال الوزير إن الخطة جاهزة",
        "في",
    ],
)
def test_carries_on_folds_the_first_words_one_by_one_as_the_whole_head(text: str) -> None:
    from arnews.cohesion import carries_on

    assert carries_on(text) == _carries_on_by_the_whole_head(text)
