"""The head detectors' shortcuts (bylines, datelines, stamps) give the general walk's answers.

Each detector walks a page of one article with its counts in locals, and rules a page of
many articles out before its walk when no head can hold what it looks for (credits and
datelines: each distinct head text tried once; stamps: the short lines' digits). Here each
shortcut is switched off (the general walk on every page, and no pre-test), and the
pre-tests are run on every page of several articles, and the results compared with the
default parser's, on generated pages, random text, the spec seeds, the
real-page fixtures and the hostile families.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from arnews import Parser
from arnews.detectors import bylines, datelines, stamps

from .strategies import GeneratedPage, arabic_text, pages

PARSER = Parser(time_budget=None)
PAGE_EXAMPLES = max(50, settings.default.max_examples // 10)


class _AnyText:
    """A stand-in for the digit pattern that finds something in every text."""

    def search(self, *args: object) -> object:
        return True


@contextmanager
def general_walks() -> Iterator[None]:
    """Every page walked as one of several articles, with no pre-test."""
    with ExitStack() as stack:
        stack.enter_context(mock.patch.object(bylines, "_detect_main_credits", bylines._walk_heads))
        stack.enter_context(mock.patch.object(bylines, "_any_head_credit", return_value=True))
        stack.enter_context(
            mock.patch.object(datelines, "_detect_main_dateline", datelines._walk_heads)
        )
        stack.enter_context(mock.patch.object(datelines, "_any_dateline", return_value=True))
        stack.enter_context(mock.patch.object(stamps, "_bare_date_main", stamps._bare_date_heads))
        stack.enter_context(mock.patch.object(stamps, "_DIGIT", _AnyText()))
        stack.enter_context(mock.patch.object(stamps, "_any_digit", return_value=True))
        yield


@contextmanager
def pretests_everywhere() -> Iterator[None]:
    """The pre-tests of a page of many articles run on every page of several."""
    with ExitStack() as stack:
        for module in (bylines, datelines, stamps):
            stack.enter_context(mock.patch.object(module, "MANY_ARTICLES", 2))
        yield


def _same(text: str) -> None:
    expected = PARSER.parse(text).to_dict()
    with general_walks():
        assert PARSER.parse(text).to_dict() == expected
    with pretests_everywhere():
        assert PARSER.parse(text).to_dict() == expected


@settings(max_examples=PAGE_EXAMPLES)
@given(pages())
def test_generated_pages_parse_the_same_without_head_shortcuts(page: GeneratedPage) -> None:
    _same(page.text)


@given(st.lists(arabic_text, min_size=1, max_size=12).map("\n".join))
def test_random_lines_parse_the_same_without_head_shortcuts(text: str) -> None:
    _same(text)


def test_seeds_fixtures_and_hostile_pages_parse_the_same_without_head_shortcuts() -> None:
    from .conftest import FIXTURES
    from .test_hostile import FAMILIES

    for path in sorted(FIXTURES.glob("**/*.txt")):
        _same(path.read_text(encoding="utf-8"))
    for build_page, _ in FAMILIES.values():
        _same(build_page(2_000))


def test_credits_and_datelines_below_read_also_markers_are_still_taken() -> None:
    # A chain of read-also articles whose last heads hold a credit and a dateline: the
    # pre-tests, which rule the repeated heads out once, must let each through.
    chain = "إقرأ أيضاً:\nعنوان\nنص.\n" * 40
    text = (
        chain
        + "إقرأ أيضاً:\nعنوان\nبقلم: د. نظمي خليل\nنص.\n"
        + "إقرأ أيضاً:\nعنوان\nالقاهرة - أعلن الوزير الخبر.\n"
    )
    article = PARSER.parse(text)
    assert [r.byline for r in article.read_also] == [None] * 40 + ["د. نظمي خليل", None]
    dateline = article.read_also[-1].dateline
    assert dateline is not None and dateline.place == "القاهرة"
    assert all(r.paragraphs for r in article.read_also)
    _same(text)
