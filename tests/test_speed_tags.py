"""The tag line's quick paths give what the full ones gave: a page's one tag line split from
the memos (searched for its words and their cores), and the page around a last line."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arnews import Parser
from arnews.detectors.keywords import _claim_many, _claim_tags, _outside, _outside_line
from arnews.gazetteer import fold_key
from arnews.state import PageState
from arnews.tags import MAX_SEGMENT_TOKENS, segment_tags
from arnews.tags.evidence import _find_each, _window_list
from arnews.tags.segment import _core, _quiet_split, _segment_lines

# Words whose fold keys differ from them (hamza, teh marbuta, alef maqsura) and some that
# share stretches with them, so that cores are found without their words.
_WORDS = ["أخبار", "الأخبار", "إخبارية", "محلية", "المحلي", "محليه", "مصر", "مستشفى", "غزة", "قال"]


@given(st.sampled_from(_WORDS), st.sampled_from(_WORDS))
def test_a_core_is_in_the_word_and_its_key(word: str, other: str) -> None:
    key = fold_key(word)
    core = _core(word, key)
    if core:
        assert core in word and core in key and len(core) >= 3
    # A text without the core has neither the word nor its key.
    if core and core not in other:
        assert word not in other and key not in other


def test_cores_of_words_that_fold() -> None:
    assert _core("أخبار", "اخبار") == "خبار"
    assert _core("محلية", "محليه") == "محلي"
    assert _core("إلى", "الي") == ""  # under three letters shared: no core


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(_WORDS), min_size=2, max_size=4),
    st.lists(st.sampled_from([*_WORDS, "و", ".", "\n"]), max_size=30),
)
def test_the_quiet_split_is_the_full_one(tags: list[str], around_words: list[str]) -> None:
    line = " ".join(tags)
    around = " ".join(around_words)
    segment_tags(line)  # split once without an article: the memos know the line
    quiet = _quiet_split(line, None, None, None, around.__contains__)
    probes = {*tags, *map(fold_key, tags)}
    if quiet is True:
        assert any(p in around for p in probes)
        return
    assert quiet is not False  # planned, remembered, and searched
    assert not any(p in around for p in probes)
    full = _segment_lines([line], lambda: around, None, None, None, around, own=False)
    assert full[0] == [quiet]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="اب نك\n", max_size=120), st.data())
def test_the_page_around_a_line_is_the_one_around_any(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    one, any_ = _outside_line(text, start, end), _outside(text, [start], [end])
    for word in ("", "ا", "ب", "اب", "ن ك", "كا", "باب"):
        assert one(word) == any_(word)


def test_pages_of_one_tag_line_split_as_ever() -> None:
    parser = Parser()
    body = "قالت الصحيفة إن مستشفى غزة استقبل الجرحى.\n\n"
    # Seen once (the full path), then again (from the memos), with and without evidence;
    # the answers are those the full path gave before the quick path was added.
    for _ in range(2):
        assert parser.parse(body + "كلمات دلالية: أخبار محلية").keywords == ("أخبار محلية",)
        assert parser.parse(body + "كلمات دلالية: مستشفى غزة").keywords == ("مستشفى غزة",)
        assert parser.parse(body + "كلمات دلالية: غزة مستشفى").keywords == ("غزة", "مستشفى")


@pytest.mark.parametrize("pad", ["", " "])
def test_many_tag_lines_claimed_at_once_as_one_by_one(pad: str) -> None:
    # Tag lines of plain words, of a long run, and (``pad``) rests that open with a blank.
    long_run = "وسم " * (MAX_SEGMENT_TOKENS + 1)
    prefix = "كلمات دلالية: "
    lines = [f"{prefix}{pad}غزة حماس", prefix + long_run.rstrip()] * 6
    text = "\n".join(lines)
    split = [[(0, 3), (4, 8)], [(k, k + 3) for k in range(0, len(long_run), 4)]] * 6
    states = [PageState.of(text), PageState.of(text)]
    for state in states:
        for i in range(len(lines)):
            state.rest[i] = state.starts[i] + len(prefix)
    lines_at = list(range(len(lines)))
    _claim_many(states[0], lines_at, split)
    for i, spans in zip(lines_at, split, strict=True):
        _claim_tags(states[1], i, spans)
    assert states[0].pieces == states[1].pieces
    assert states[0].rest == states[1].rest
    assert states[0].warnings == states[1].warnings
    assert [w.code for w in states[0].warnings] == ["long_tag_line"] * 6


def _windows_one_by_one(context: str, probes: list[str]) -> list[str]:
    """The windows as first written: each hit's word start and end space found in turn."""
    hits = sorted(_find_each(context, [p for p in dict.fromkeys(probes) if p]))
    n = len(context)
    found: list[list[int]] = []
    for pos, size in hits:
        stop = context.find(" ", min(pos + size + 16, n))
        stop = n if stop < 0 else stop
        lo = max(pos - 8, 0)
        start = max(context.rfind(" ", lo, pos), context.rfind("\n", lo, pos)) + 1
        if start == 0 and lo > 0:
            start = pos
        if found and start <= found[-1][1]:
            found[-1][1] = max(found[-1][1], stop)
        else:
            found.append([start, stop])
    return [context[a:b] for a, b in found]


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="ابتتتتتتتتتة ـ\n", max_size=200),
    st.lists(st.text(alphabet="ابتـ", max_size=3), max_size=4),
)
def test_windows_in_passes_are_the_windows_one_by_one(context: str, probes: list[str]) -> None:
    assert _window_list(context, probes) == _windows_one_by_one(context, probes)
