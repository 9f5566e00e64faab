"""The page's budget of tag work: a block under it splits as before, one over it splits the
rest of its lines without weighing, the same way whatever the memo or the machine holds."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arnews import Parser
from arnews.build import _distinct_tags
from arnews.normalize import fold
from arnews.tags import MAX_SEGMENT_TOKENS, MAX_TAG_WORK, segment_tag_lines, tokens
from arnews.tags.segment import _segment_lines
from arnews.tags.tokens import _items, _plain_line, _plain_words, _tokens

from .strategies import check_parts, check_spans

HEAD = "البيت الأبيض"  # a gazetteer phrase: weighed, it is one tag; unweighed, two
BODY = "قال المتحدث إن المحادثات مستمرة.\n"


def _block(extra: int) -> tuple[str, list[str]]:
    """A page whose tag lines cost MAX_TAG_WORK exactly, then ``extra`` lines more.

    The first line (two words, both new) costs 4; each next line ``HEAD وسمN`` costs 3
    tokens weighed and 1 new word.
    """
    n = (MAX_TAG_WORK - 4) // 4 + extra
    tags = [f"وسم{k}" for k in range(n)]
    lines = [HEAD, *(f"{HEAD} {tag}" for tag in tags)]
    return BODY + "".join(f"كلمات دلالية: {line}\n" for line in lines), tags


def test_the_budget_is_far_above_the_largest_real_tag_block() -> None:
    # Seed 003: two tag lines, 46 tokens, 28 distinct words (74 units); the two corpora
    # have no tag block at all. One line short enough to weigh always fits alone.
    assert MAX_TAG_WORK >= 50 * 74
    assert MAX_TAG_WORK >= 2 * MAX_SEGMENT_TOKENS
    assert (MAX_TAG_WORK - 4) % 4 == 0  # _block below fills it exactly


def test_a_block_just_under_the_budget_is_weighed_whole() -> None:
    text, tags = _block(0)
    a = Parser().parse(text)
    assert a.keywords == (HEAD, *tags)
    assert a.warnings == ()
    check_parts(text, a)


def test_a_block_just_over_the_budget_splits_its_last_line_at_every_word() -> None:
    text, tags = _block(1)
    a = Parser().parse(text)
    # The last line is left unweighed: its words are each a tag, nothing is lost.
    assert a.keywords == (HEAD, *tags[:-1], "البيت", "الأبيض", tags[-1])
    assert [w.code for w in a.warnings] == ["tag_work_budget"]
    warning = a.warnings[0]
    assert warning.message.startswith("1 of ")
    assert warning.start is not None and warning.end is not None
    assert text[warning.start : warning.end] == f"{HEAD} {tags[-1]}"
    check_parts(text, a)
    check_spans(text, a)


def test_a_block_far_over_the_budget_keeps_every_word() -> None:
    text, tags = _block(500)
    a = Parser().parse(text)
    assert a.keywords[: len(tags) - 499] == (HEAD, *tags[: len(tags) - 500])
    assert set(a.keywords) == {HEAD, "البيت", "الأبيض", *tags}
    assert a.warnings[0].message.startswith("500 of ")
    check_parts(text, a)


@pytest.mark.parametrize("memo", ["empty", "warm"])
def test_the_budget_does_not_depend_on_what_the_memo_holds(memo: str) -> None:
    # The work is counted on the page, never on the words other pages left in the memo.
    text, _ = _block(3)
    expected = Parser().parse(text).to_json()
    tokens._MEMOS.clear()
    if memo == "warm":
        Parser().parse(_block(0)[0])
    assert Parser().parse(text).to_json() == expected


def test_lines_past_the_budget_keep_their_separated_items() -> None:
    lines = ["البيت الأبيض جو بايدن", "الأمم المتحدة، وقف إطلاق النار|غزة", "الأمم المتحدة"]
    spans, used, cut = _segment_lines(lines, "", None, None, 8)
    assert used == 8
    assert cut == [2]  # the second line needs no weighing: its items are its tags
    found = [[line[s:e] for s, e in got] for line, got in zip(lines, spans, strict=True)]
    assert found == [
        ["البيت الأبيض", "جو بايدن"],
        ["الأمم المتحدة", "وقف إطلاق النار", "غزة"],
        ["الأمم", "المتحدة"],
    ]


def test_a_repeated_line_splits_as_it_first_did() -> None:
    lines = ["البيت الأبيض", "الأمم المتحدة", "البيت الأبيض"]
    spans, _, cut = _segment_lines(lines, "", None, None, 4)
    assert cut == [1]
    assert spans[2] == spans[0] == [(0, 12)]


def test_without_a_budget_every_line_is_weighed() -> None:
    lines = [f"{HEAD} وسم{k}" for k in range(2_000)]
    unbounded = segment_tag_lines(lines)
    assert unbounded == segment_tag_lines(lines, budget=None)
    assert all(len(spans) == 2 for spans in unbounded)
    assert len(segment_tag_lines(lines, budget=MAX_TAG_WORK)[-1]) == 3


WORD_CHARS = "غزةحماسالت١a-،,/.؟:\u200c\u00a0\t\x1c\x85#ـً "


@settings(max_examples=300)
@given(st.lists(st.text(alphabet=WORD_CHARS, max_size=24), max_size=8))
def test_plain_lines_read_in_bulk_give_their_tokens(lines: list[str]) -> None:
    plain = _plain_words(lines)
    if plain is not None:
        for line, spans in zip(lines, plain, strict=True):
            assert len(_items(line)) == 1
            assert spans == _tokens(line, 0, len(line))


@settings(max_examples=300)
@given(st.text(alphabet=WORD_CHARS + "\n", max_size=40))
def test_a_plain_line_gives_its_tokens(line: str) -> None:
    # The one-line reading agrees with the bulk one, and both with the tokenizer.
    plain = _plain_line(line)
    bulk = _plain_words([line])
    assert plain == (None if bulk is None else bulk[0])
    if plain is not None:
        assert len(_items(line)) == 1
        assert plain == _tokens(line, 0, len(line))


def test_plain_lines_are_read_in_bulk() -> None:
    lines = ["غزة حماس", "الأمم\u00a0المتحدة", "CNN"]
    assert _plain_words(lines) == [_tokens(line, 0, len(line)) for line in lines]
    for ragged in (["غزة  حماس"], [" غزة"], ["غزة."], ["غزة-حماس"], ["غزة\x1cحماس"], [""]):
        assert _plain_words(ragged) is None


def _distinct_reference(
    tags: list[str], spans: list[tuple[int, int]]
) -> tuple[list[str], list[tuple[int, int]]]:
    seen: set[str] = set()
    out: list[str] = []
    out_spans: list[tuple[int, int]] = []
    for tag, span in zip(tags, spans, strict=True):
        key = fold(tag)
        if key not in seen:
            seen.add(key)
            out.append(tag)
            out_spans.append(span)
    return out, out_spans


@given(st.lists(st.text(alphabet="غزةهحماسأإاCcnN\u064b\u0640 \u200f", min_size=1, max_size=6)))
def test_tags_dropped_as_repeats_are_those_folded_one_by_one(raw: list[str]) -> None:
    tags = [" ".join(t.split()) for t in raw]
    tags = [t for t in tags if t]
    spans = [(k, k + 1) for k in range(len(tags))]
    assert _distinct_tags(tags, spans) == _distinct_reference(tags, spans)


@pytest.mark.parametrize("line", ["أخبار محلية", "البيت الأبيض جو بايدن", "غزة، حماس", "غزة"])
def test_a_tag_line_seen_before_splits_as_the_full_path_splits_it(line: str) -> None:
    # A page whose article holds none of the line's words: the second time, the memos
    # answer without reading the article; the answer and the work counted are the same.
    article = "قال المتحدث إن المحادثات مستمرة."
    read: list[str] = []

    def context() -> str:
        read.append(article)
        return article

    first = _segment_lines([line, line], context, None, None, MAX_TAG_WORK, article)
    again = _segment_lines([line, line], context, None, None, MAX_TAG_WORK, article)
    full = _segment_lines([line, line], article, None, None, MAX_TAG_WORK)
    assert first == again == full
    assert again[0][0] is not again[0][1]  # each line its own list
    assert not read
    # An article that holds a word of the line is read, as before.
    words = _segment_lines([line], context, None, None, MAX_TAG_WORK, f"{article} {line}")
    assert words == _segment_lines([line], f"{article} {line}", None, None, MAX_TAG_WORK)
