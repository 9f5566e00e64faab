"""Inputs the fuzzer (``fuzz/fuzz_parse.py``) or the property tests once broke, kept inline.

Each case names what went wrong; every case must pass every invariant of
:func:`tests.strategies.check_invariants`, plus the specific expectation where there is one.
"""

from __future__ import annotations

import pytest

from arnews import Parser

from .strategies import check_invariants

PARSER = Parser(time_budget=None)

CASES = {
    # The date reader skipped a second stamp marker (`آخر تحديث:آخر تحديث:`) and the stamp
    # detector did not claim the skipped marker: ten characters belonged to no part.
    "stamp_marker_twice": (
        "\u2029آخر تحديث:آخر تحديث:09/05/2012  آخر تحديث:\u2029  آخر تحديث:\u2029شاهد أيضاً"
        "\u2029آخر تحديث:\u2029العالقين.وذكرالعالقين.وذكر\u200dآخر تحديث:الرئيسليبياإعلام"
    ),
    "published_marker_inside_updated_stamp": "تاريخ النشر:\n\nآخر تحديث:تاريخ النشر:17 يونيو 2025",
}


@pytest.mark.parametrize("text", CASES.values(), ids=CASES.keys())
def test_regression_keeps_invariants(text: str) -> None:
    check_invariants(text, PARSER.parse(text))


def test_stamp_marker_twice_is_claimed_as_marker() -> None:
    text = "آخر تحديث:آخر تحديث: 17 يونيو 2025\n\nنص الخبر."
    article = PARSER.parse(text)
    assert article.updated is not None and article.updated.isoformat() == "2025-06-17T00:00:00"
    markers = [text[p.start : p.end] for p in article.parts if p.kind == "marker"]
    assert markers == ["آخر تحديث:", "آخر تحديث:"]
    assert article.paragraphs == ("نص الخبر.",)


def test_tag_word_that_folds_to_nothing_does_not_hang() -> None:
    # A tag word of tatweel alone folds to the empty string; searching the article for it
    # found it everywhere, forever (found by the CI hypothesis profile).
    from arnews.tags import segment_tags

    line = "ـ غزة ـــ"
    spans = segment_tags(line, context="نص ـ عن غزة")
    assert [line[s:e] for s, e in spans] == ["ـ", "غزة", "ـــ"]
