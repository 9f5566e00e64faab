"""The related-headline detector's cheaper paths give what the plain ones gave."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from itertools import compress, repeat
from pathlib import Path
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from arnews import Parser
from arnews.carry import _CARRY_OPENINGS, _CARRY_START
from arnews.cohesion import (
    CARRY_CHARS,
    StemCounts,
    carries_on,
    content_words,
    stems,
)
from arnews.detectors import related
from arnews.detectors.article_words import _ArticleWords
from arnews.detectors.related import (
    _LAST_CUT,
    MIN_TEASER_WORDS,
    _few_words,
    _tail_shape,
    _top_teaser,
)
from arnews.normalize import fold_chars
from arnews.share_bounds import _LETTERS, _PREPEND, _whole_words, share_bounds_in
from arnews.state import PageState

from .strategies import GeneratedPage, any_text, arabic_text, pages

# Words that clitics stick to, repeated, with punctuation and odd white space between them.
_PIECES = st.sampled_from(
    [
        "الوزير",
        "وزير",
        "والوزير",
        "فالوزير",
        "بالوزير",
        "وفرنسا",
        "فرنسا",
        "لفرنسا",
        "أسوان",
        "وأسوان",
        "قال",
        "استقال",
        "في",
        "من",
        "إن",
        "(الرئيس)",
        "الرئيس،",
        "بابابا",
        "بابا",
        "ـ",
        "\u064b",
        " ",
        "  ",
        "\n",
        "\xa0",
        "\t",
        "،",
        ".",
    ]
)
_TEXTS = st.lists(st.one_of(_PIECES, arabic_text, any_text), max_size=30).map(" ".join)


def _share_bounds_searched_first(
    words: Iterable[str], read: list[str], rest: Iterable[str], most: float
) -> bool | None:
    """``share_bounds_in`` as it was: each piece searched for every word before any is
    counted."""
    pending = list(words)
    seen: set[str] = set()
    found: dict[str, int] = {}
    forms: set[str] | None = None
    shared = 0
    for piece in rest:
        hits = list(compress(pending, map(piece.__contains__, pending)))
        if not hits:
            continue
        seen.update(hits)
        size = len(piece)
        for word in hits:
            if forms is None:
                forms = set(read)
            need = 1
            if any(map(forms.__contains__, map(_PREPEND, _LETTERS, repeat(word)))):
                need += sum(map(read.count, map(_PREPEND, _LETTERS, repeat(word))))
            have = found.get(word, 0)
            have += _whole_words(word, piece, 0, size, need - have)
            if have >= need:
                shared += 1
                if shared > most:
                    return True
                pending.remove(word)
            else:
                found[word] = have
    return None if len(seen) > most else False


@given(_TEXTS, st.lists(_TEXTS, max_size=5), st.integers(0, 6))
def test_words_searched_in_turn_settle_as_searched_all_first(
    line: str, others: list[str], most: int
) -> None:
    words, read = content_words(line), stems(line)
    pieces = [fold_chars(text) for text in others]
    assert share_bounds_in(words, read, iter(pieces), most) == _share_bounds_searched_first(
        words, read, iter(pieces), most
    )
    half = most + 0.5
    assert share_bounds_in(words, read, iter(pieces), half) == _share_bounds_searched_first(
        words, read, iter(pieces), half
    )


_ENOUGH_WORDS = re.compile(rf"\s*\S+(?:\s+\S+){{{MIN_TEASER_WORDS - 1}}}")


@given(st.lists(st.one_of(_PIECES, any_text), max_size=12).map("".join))
def test_enough_words_by_one_split_as_by_the_pattern(text: str) -> None:
    assert (len(text.split(None, _LAST_CUT)) > _LAST_CUT) == bool(_ENOUGH_WORDS.match(text))


# Long words and long runs of white space: the line's first characters may hold fewer words
# than the line, or cut one.
_LONG = st.sampled_from(["الوزير" * 12, " " * 40, "\u2003" * 30, "x" * 159, "\n"])


@given(st.lists(st.one_of(_PIECES, _LONG, any_text), max_size=30).map("".join))
def test_few_words_from_the_first_characters_as_from_the_line(text: str) -> None:
    assert _few_words(text) == (not _ENOUGH_WORDS.match(text))


@given(st.lists(st.one_of(st.sampled_from(_CARRY_OPENINGS), _PIECES, any_text), max_size=4))
def test_carry_openings_by_startswith_as_by_the_pattern(parts: list[str]) -> None:
    text = "".join(parts)
    assert text.startswith(_CARRY_OPENINGS) == bool(_CARRY_START.match(text))


def test_tail_shapes() -> None:
    bullets = frozenset("•-")
    assert _tail_shape("أعلنت الوزارة اليوم عن خطة جديدة للنقل", bullets) == 2
    assert _tail_shape("وصل الوزير إلى العاصمة اليوم في زيارة رسمية", bullets) == 3
    assert _tail_shape("وأضاف الوزير أن الخطة ستبدأ في الشهر المقبل", bullets) == 0
    assert _tail_shape("أعلنت الوزارة خطة جديدة", bullets) == 0  # five words
    assert _tail_shape("• أعلنت الوزارة اليوم عن خطة جديدة للنقل", bullets) == 0
    assert _tail_shape("لكن الوزارة أعلنت اليوم عن خطة جديدة للنقل", bullets) == 0


@given(st.lists(st.sampled_from([0, 1, 2, 3]), max_size=12), st.integers(0, 12))
def test_top_teaser_is_the_last_two_before_the_end(shapes: list[int], end: int) -> None:
    end = min(end, len(shapes))
    expected = max((k for k in range(end) if shapes[k] == 2), default=-1)
    assert _top_teaser(bytearray(shapes), end) == expected


def _related_claims(text: str) -> tuple[list[str | None], list[int], list[object]]:
    """What the detectors up to the related headlines' leave on ``text``'s state."""
    from arnews.lines import scan_heads

    parser = Parser(time_budget=None)
    lexicon, tags, gazetteer = parser._config
    columns, firsts = scan_heads(text)
    state = PageState(text, columns, lexicon, gazetteer, tags, parser.now, firsts=firsts)
    for name, detector in parser.detectors.rules:
        detector(state)
        if name == "related":
            break
    return state.kind, state.rest, state.pieces


def _walked_line_by_line(text: str) -> tuple[list[str | None], list[int], list[object]]:
    with mock.patch.object(related, "_walk_articles", related._walk_interleaved):
        return _related_claims(text)


# An equivalence of two ways of one detector over whole generated pages (the detectors run
# two or three times an example): a third of the profile's examples; the robustness
# properties keep them all.
@settings(max_examples=max(30, settings.default.max_examples // 3))
@given(pages())
def test_articles_in_blocks_are_walked_as_line_by_line(page: GeneratedPage) -> None:
    assert _related_claims(page.text) == _walked_line_by_line(page.text)


def test_real_pages_of_many_articles_are_walked_as_line_by_line() -> None:
    index = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "ant"
    pages_seen = 0
    for path in sorted(index.glob("*.txt"))[:300]:
        text = path.read_text(encoding="utf-8")
        assert _related_claims(text) == _walked_line_by_line(text), path.name
        pages_seen += 1
    assert pages_seen or not index.exists()


def _shares_more_counted_whole(texts: list[str], k: int, words: set[str], most: float) -> bool:
    """``shares_more`` as the article's words counted whole give it."""
    known = StemCounts.of_counts(Counter(stems("\n".join(texts))))
    return known.shared(words, Counter(stems(texts[k]))) > most


# Words inside other words (`اسوان` in `اسوانها`, `قال` in `استقال`), with and without clitics:
# the substring bounds leave such words open.
_INSIDE = st.sampled_from(
    [
        *("الوزير", "وزير", "الوزيرة", "والوزير", "بالوزير", "وزيرها"),
        *("أسوان", "أسوانها", "وأسوان", "قال", "استقال", "فقال", "وقال"),
        *("فرنسا", "لفرنسا", "فرنسية", "في", "من", "ـ", "،"),
    ]
)
_LINES = st.lists(st.one_of(_INSIDE, _INSIDE, _INSIDE, arabic_text), min_size=1, max_size=6).map(
    " ".join
)


@given(st.lists(_LINES, min_size=1, max_size=8), st.integers(0, 7), st.sampled_from([0, 0, 1, 2]))
def test_open_words_counted_on_their_lines_as_on_the_whole_article(
    lines: list[str], k: int, most: int
) -> None:
    state = PageState.of("\n".join(lines))
    texts = state.texts
    if not texts:
        return
    k %= len(texts)
    words = _ArticleWords(state, range(len(texts)))
    own = words.content_words(k)
    for bound in (most, most + 0.5):
        fresh = _ArticleWords(state, range(len(texts)))
        assert fresh.shares_more(k, own, texts[k], bound) == _shares_more_counted_whole(
            texts, k, own, bound
        )


def test_open_words_counted_on_their_lines() -> None:
    # `اسوان` is inside `اسوانها` only: the bounds leave it open, and the lines that hold it
    # are counted, not the article.
    texts = ["زار الوزير أسوان", "عاد الوزير إلى أسوانها", "ثم عاد"]
    state = PageState.of("\n".join(texts))
    for most, shared in [(0, True), (1, False)]:
        words = _ArticleWords(state, range(3))
        own = words.content_words(0)
        assert words.shares_more(0, own, texts[0], most) is shared
        assert shared == _shares_more_counted_whole(texts, 0, own, most)
        assert not words._texts  # the article was not read whole


@given(
    st.lists(st.one_of(st.sampled_from(_CARRY_OPENINGS), _PIECES, _INSIDE, any_text), max_size=40)
)
def test_carries_on_reads_the_first_characters_only(parts: list[str]) -> None:
    text = "".join(parts)
    assert carries_on(text) == carries_on(text[:CARRY_CHARS])
    assert related._weak_shape("و" + text) == (0 if carries_on(text) else 1)
