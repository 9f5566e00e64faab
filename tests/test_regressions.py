"""Inputs the fuzzer (``fuzz/fuzz_parse.py``) or the property tests once broke, kept inline.

Each case names what went wrong; every case must pass every invariant of
:func:`tests.strategies.check_invariants`, plus the specific expectation where there is one.
"""

from __future__ import annotations

import pytest

from arnews import Parser, parse

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


# Found by comparing the column-oriented parser with the one before it on 8,400 pages: each
# is a place where the two disagreed, and the earlier answer is the right one.


def test_repeated_marker_lines_have_trimmed_marker_parts() -> None:
    text = "المصدر: x\n" * 3
    a = parse(text)
    markers = [text[p.start : p.end] for p in a.parts if p.kind == "marker"]
    assert markers == ["المصدر:"] * 3


def test_similar_item_bullet_part_ends_at_the_bullet() -> None:
    text = "نص الخبر.\nمقالات مشابهة\n• عنوان أول\n• عنوان ثان"
    a = parse(text)
    bullets = [text[p.start : p.end] for p in a.parts if p.name == "bullet"]
    assert bullets == ["•", "•"] and a.similar == ("عنوان أول", "عنوان ثان")


def test_a_line_may_open_with_a_diacritic_before_a_marker_or_furniture() -> None:
    a = parse("نص الخبر.\n\u064b شارك\n\u064b المصدر: سرايا")
    assert a.boilerplate == ("\u064b شارك",)
    assert a.source == "سرايا"


def test_tatweel_inside_a_marker_and_its_colons() -> None:
    assert parse("نص.\nالمصدرـ: سرايا").source == "سرايا"
    text = "نص.\nالمصدر:ـ: سرايا"
    a = parse(text)
    assert a.source == "سرايا"
    assert [text[p.start : p.end] for p in a.parts if p.kind == "marker"] == ["المصدر:ـ:"]


def test_furniture_words_are_counted_folded() -> None:
    # The lone diacritic at the end is no word: four words follow the phrase, not five.
    line = "تابع أحدث الأخبار عبر تطبيق صدى البلد - الآن \u064b"
    assert parse("نص.\n" + line).boilerplate == (line,)


def test_title_of_an_article_interleaved_with_a_headline_list() -> None:
    # The read-also list opens one article per headline; the article that was current goes
    # on after the list, and its first open line is still its title.
    text = "نص الخبر.\nإقرأ أيضاً:\nطباعة شارك\nاقرأ ايضا\nعنوان أول\nعنوان ثان\n"
    a = parse(text)
    titles = [r.title for r in a.read_also]
    assert "عنوان أول" in titles and "عنوان ثان" in titles
