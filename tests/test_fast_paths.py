"""The parser's fast paths give the answers of the general code they shortcut.

Each shortcut serves a common or a hostile case: a page no detector has touched yet
(``PageState.untouched``), a page of one article (the related-headline walk), an article of
a few parts (one sort instead of column merges), a line whose first character can open no
marker (``Lexicon.marker_heads``) or ticker (``Lexicon.ticker_heads``), a head whose first word
opens no known name (credits), markers claimed one by one or in bulk (and decided from the
lexicon's memo, or by one kind's pattern), chains of read-also articles laid out at once,
repeated source lines
claimed in bulk, short texts' fold keys kept in a cache. Here each is switched off, or forced
on everywhere, and the result compared with the default parser's, on generated pages and on
random text.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from arnews import Lexicon, Parser, build_one
from arnews.detectors import credits, markers, regions, related, sources
from arnews.state import PageState

from .strategies import GeneratedPage, arabic_text, pages

PARSER = Parser(time_budget=None)
PAGE_EXAMPLES = max(50, settings.default.max_examples // 10)


class _Everything:
    def __contains__(self, item: object) -> bool:
        return True


@contextmanager
def general_paths() -> Iterator[None]:
    """Every shortcut off: selection lists always built, the walk for many articles, column
    merges for every article, the marker pattern tried on every line."""
    with ExitStack() as stack:
        stack.enter_context(mock.patch.object(PageState, "untouched", return_value=False))
        stack.enter_context(mock.patch.object(related, "_walk_one_article", related._walk_articles))
        stack.enter_context(mock.patch.object(build_one, "_SMALL", -1))
        stack.enter_context(
            mock.patch.object(Lexicon, "marker_heads", property(lambda self: _Everything()))
        )
        stack.enter_context(
            mock.patch.object(Lexicon, "ticker_heads", property(lambda self: _Everything()))
        )
        stack.enter_context(mock.patch.object(credits, "_name_openers", return_value=_Everything()))
        stack.enter_context(mock.patch.object(markers, "_FEW", -1))
        stack.enter_context(mock.patch.object(markers, "_MANY", 10**9))
        # No marker decision kept from a page before; every line tried by the pattern of
        # every phrase first; every read-also marker laid out by the walk, one by one.
        stack.enter_context(mock.patch.object(Lexicon, "line_memo", side_effect=lambda name: {}))
        stack.enter_context(
            mock.patch.object(Lexicon, "one_kind_heads", property(lambda self: frozenset()))
        )
        stack.enter_context(
            mock.patch.object(Lexicon, "marker_pairs", property(lambda self: frozenset()))
        )
        stack.enter_context(mock.patch.object(regions, "_CHAIN", 10**9))
        stack.enter_context(mock.patch.object(sources, "_claim_repeats", return_value=0))
        # (``arnews.normalize`` is the function; the module is reached through sys.modules.)
        stack.enter_context(mock.patch.object(sys.modules["arnews.normalize"], "_SHORT", -1))
        yield


@contextmanager
def small_everywhere() -> Iterator[None]:
    """Every article, however large, built by the one-sort path for small ones; markers
    claimed one by one however many; every run of read-also markers laid out at once."""
    with (
        mock.patch.object(build_one, "_SMALL", 10**9),
        mock.patch.object(markers, "_FEW", 10**9),
        mock.patch.object(markers, "_MANY", 10**9),
        mock.patch.object(regions, "_CHAIN", 1),
    ):
        yield


def _all_ways(text: str) -> None:
    expected = PARSER.parse(text).to_dict()
    with general_paths():
        assert PARSER.parse(text).to_dict() == expected
    with small_everywhere():
        assert PARSER.parse(text).to_dict() == expected


@settings(max_examples=PAGE_EXAMPLES)
@given(pages())
def test_generated_pages_parse_the_same_without_shortcuts(page: GeneratedPage) -> None:
    _all_ways(page.text)


@given(st.lists(arabic_text, min_size=1, max_size=12).map("\n".join))
def test_random_lines_parse_the_same_without_shortcuts(text: str) -> None:
    _all_ways(text)


def test_spec_seeds_and_hostile_pages_parse_the_same_without_shortcuts() -> None:
    from .conftest import FIXTURES
    from .test_hostile import FAMILIES

    for path in sorted(FIXTURES.glob("spec/*.txt")):
        _all_ways(path.read_text(encoding="utf-8"))
    for build_page, _ in FAMILIES.values():
        _all_ways(build_page(2_000))


def test_a_headline_run_on_a_one_article_page_is_taken_line_by_line() -> None:
    # The walk for one-article pages follows a taken headline to the next line: both walks
    # must take the same run.
    text = (
        "قال المسؤول إن الاجتماع انتهى.\n"
        "قصف جديد على غزةعضو الكونغرس يصرح\n"
        "اجتماع طارئ في القاهرةوزير الخارجية يصل\n"
        "وأضاف أن الوضع صعب.\n"
        "المصدر: وكالات"
    )
    _all_ways(text)
    assert len(PARSER.parse(text).related_headlines) == 4
