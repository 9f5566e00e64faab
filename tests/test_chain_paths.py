"""The C-level paths a chain of read-also articles takes give the general paths' answers.

Issue 15: a megabyte of ``إقرأ أيضاً:`` / a headline / a line is fifty thousand articles.
The scanner makes the offsets of lines all of one length by a range and searches a page of
many lines for the invisible characters first; ``PageState.claim_lines`` claims many
untouched lines in bulk; ``lines_of`` selects many kinds in one pass on a long page;
``head_lists`` finds the heads of a chain of one line an article without dicts; the titles,
credits and datelines read untouched lines' texts without slicing them; the regions number
a chain's articles by one count. Each is compared here with the general path, on chains of
repeated and of distinct lines, and on generated columns.
"""

from __future__ import annotations

from unittest import mock

from hypothesis import given
from hypothesis import strategies as st

from arnews import Parser
from arnews import lines as lines_module
from arnews import state as state_module
from arnews.detectors import heads as heads_module
from arnews.detectors import stamps
from arnews.lines import scan_heads
from arnews.state import PageState

from .strategies import check_parts
from .test_columns import _reference_lines

PARSER = Parser(max_chars=None, time_budget=None)


def _distinct_chain(n: int) -> str:
    return "".join(f"إقرأ أيضاً:\nعنوان رقم {i}\nنص الخبر {i}.\n" for i in range(n))


# Lines of a few characters, many of them (past the scanner's threshold for searching the
# page first), some with an invisible character at an end or inside.
_LINE = st.sampled_from(["اب", "ا", ":", "", " اب", "اب\u200c", "\u200fاب", "ا\u200cب", "\xad"])


@given(st.lists(_LINE, min_size=1, max_size=6), st.integers(1, 3), st.booleans())
def test_long_pages_of_short_lines_scan_as_the_reference(
    unit: list[str], copies: int, newline_at_end: bool
) -> None:
    chars, line, many = (
        lines_module.FAST_SCAN_CHARS,
        lines_module.FAST_SCAN_LINE,
        lines_module._MANY_LINES,
    )
    lines_module.FAST_SCAN_CHARS, lines_module.FAST_SCAN_LINE = 0, 1 << 30
    lines_module._MANY_LINES = 4
    try:
        text = "\n".join(unit * copies) + ("\n" if newline_at_end else "")
        cols, heads = scan_heads(text)
    finally:
        lines_module.FAST_SCAN_CHARS, lines_module.FAST_SCAN_LINE = chars, line
        lines_module._MANY_LINES = many
    assert list(zip(cols.starts, cols.ends, cols.texts, strict=True)) == [
        (s, e, t) for s, e, t, _ in _reference_lines(text)
    ]
    assert heads == [text[s] for s in cols.starts]


def test_a_page_of_one_line_repeated_scans_by_a_range() -> None:
    for text in (":\n" * 40_000, ":\n" * 40_000 + ":", "اب\n" * 30_000 + "\n"):
        cols, heads = scan_heads(text)
        assert list(zip(cols.starts, cols.ends, cols.texts, strict=True)) == [
            (s, e, t) for s, e, t, _ in _reference_lines(text)
        ]
        assert heads == [text[s] for s in cols.starts]


@given(
    st.lists(st.tuples(st.booleans(), st.integers(0, 3)), min_size=20, max_size=60),
    st.data(),
)
def test_claim_lines_in_bulk_claims_what_claim_rest_claims(
    lines: list[tuple[bool, int]], data: st.DataObject
) -> None:
    # More lines than claim_lines takes one by one; some claimed from their start already.
    text = "\n".join(("أ ب" if two else "كلمة") + " " * pad for two, pad in lines)
    one, bulk = PageState.of(text), PageState.of(text)
    touched = data.draw(st.booleans())
    for state in (one, bulk):
        for i in range(len(state.starts)):
            if touched and lines[i][1] == 3:
                state.rest[i] = min(state.starts[i] + 1, state.ends[i])
    chosen = sorted(data.draw(st.sets(st.integers(0, len(one.starts) - 1), min_size=17)))
    if data.draw(st.booleans()):
        chosen.append(chosen[0])  # a line twice: the bulk path must not take it
    for i in chosen:
        one.claim_rest(i, "title")
    bulk.claim_lines(iter(chosen), "title")
    assert bulk.pieces == one.pieces
    assert bulk.rest == one.rest


KINDS = st.sampled_from([None, "read_also", "headlines", "source", "keywords", "title"])


@given(st.lists(KINDS, max_size=60), st.lists(KINDS, min_size=4, max_size=5, unique=True))
def test_lines_of_many_kinds_on_a_long_page_selects_them_in_order(
    kinds: list[str | None], wanted: list[str | None]
) -> None:
    state = PageState.of("\n".join(["سطر"] * max(len(kinds), 1)))
    state.kind[: len(kinds)] = kinds
    expected = [i for i, kind in enumerate(state.kind) if kind in wanted]
    with mock.patch.object(state_module, "_LONG_PAGE", 0):
        assert state.lines_of(*wanted) == expected


def _reference_heads(state: PageState) -> tuple[set[int], list[int]]:
    """Each article's first two open lines no detector classified, the slow way."""
    seen: dict[int, list[int]] = {}
    for i, kind in enumerate(state.kind):
        if kind is None and state.rest[i] < state.ends[i]:
            seen.setdefault(state.article[i], []).append(i)
    firsts = {found[0] for found in seen.values()}
    seconds = {found[1] for found in seen.values() if len(found) > 1}
    return firsts, sorted(seconds)


@given(
    st.lists(
        st.tuples(st.integers(0, 6), st.sampled_from([None, None, "title", "read_also"])),
        max_size=40,
    ),
    st.booleans(),
)
def test_head_lists_are_the_first_two_open_lines_of_each_article(
    rows: list[tuple[int, str | None]], ordered: bool
) -> None:
    if ordered:  # one line an article, in order: the chain's shortcut
        rows = [(k, kind) for k, (_, kind) in enumerate(rows)]
    state = PageState.of("\n".join(["سطر"] * max(len(rows), 1)))
    for i, (article, kind) in enumerate(rows):
        state.article[i], state.kind[i] = article, kind
    firsts, seconds = heads_module.head_lists(state)
    want_firsts, want_seconds = _reference_heads(state)
    assert firsts == sorted(want_firsts)
    assert sorted(seconds) == want_seconds
    assert heads_module.head_lines(state) == (want_firsts, seconds)


def test_a_chain_of_distinct_articles_gives_each_its_title_and_line() -> None:
    n = 3_000
    text = _distinct_chain(n)
    article = PARSER.parse(text)
    assert len(article.read_also) == n
    assert [r.title for r in article.read_also] == [f"عنوان رقم {i}" for i in range(n)]
    assert [r.paragraphs for r in article.read_also] == [(f"نص الخبر {i}.",) for i in range(n)]
    check_parts(text, article)


def test_a_long_chain_with_an_inline_title_takes_the_general_path_alike() -> None:
    # One marker carries its headline on its own line: the titles are no longer all
    # untouched lines, and the general selection must give the same articles.
    chain = "إقرأ أيضاً:\nعنوان\nنص.\n" * 40
    text = chain + "إقرأ أيضاً: عنوان على السطر\nنص آخر.\n" + chain
    article = PARSER.parse(text)
    titles = [r.title for r in article.read_also]
    assert titles == ["عنوان"] * 40 + ["عنوان على السطر"] + ["عنوان"] * 40
    assert all(r.paragraphs for r in article.read_also)
    check_parts(text, article)


def test_a_chain_with_or_without_digits_reads_its_dates_as_the_walk_does() -> None:
    # The page-wide search for a digit rules a chain out before its heads are walked; the
    # walk (no pre-test) must give the same articles, with a date in a head or none.
    chain = "إقرأ أيضاً:\nعنوان\nنص.\n" * 40
    for text in (
        chain,
        chain + "إقرأ أيضاً:\n15 مارس 2011\nعنوان\nنص.\n",
        chain + "إقرأ أيضاً:\nعنوان\nالأحد, 15 إبريل, 2012, 16:20\nنص.\n",
        chain + "إقرأ أيضاً:\nعنوان\nنص عن 2011 وما بعده في سطر طويل من الكلمات الكثيرة.\n",
    ):
        expected = PARSER.parse(text).to_dict()
        with mock.patch.object(stamps, "MANY_ARTICLES", 10**9):
            assert PARSER.parse(text).to_dict() == expected


def test_a_chain_and_a_headline_list_are_laid_out_by_one_count() -> None:
    # A chain of articles, then a marker followed by headlines only (a list): the chain's
    # articles end where the list starts, each list item its own title-only article.
    chain = "إقرأ أيضاً:\nعنوان\nنص.\n" * 30
    text = chain + "إقرأ أيضاً:\nعنوان أول\nعنوان ثان\n" + chain
    article = PARSER.parse(text)
    titles = [r.title for r in article.read_also]
    assert titles[:30] == ["عنوان"] * 30
    assert "عنوان أول" in titles and "عنوان ثان" in titles
    check_parts(text, article)


def test_the_open_lines_of_a_chain_are_its_heads() -> None:
    state = PageState.of("أ\nب\nج\nد")
    state.article[:] = [1, 2, 3, 4]
    state.n_articles = 5
    assert heads_module.head_lists(state) == ([0, 1, 2, 3], [])
    state.kind[1] = "title"
    assert heads_module.head_lists(state) == ([0, 2, 3], [])
