"""Inline widgets split once a walk give the headlines each widget split anew gives (issue 15).

The region walk keeps each distinct widget's split for as long as the page's similar
headlines (which the split reads, and which only grow during the walk) are as many as they
were. These tests parse pages of repeated widgets, with similar lists before, between and
after them that add headlines the widgets hold, with the split kept and with a fresh split
for every widget line, and compare every piece.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arnews import Article, parse
from arnews.detectors import headline_lists
from arnews.detectors.headline_lists import WidgetSplits
from arnews.state import PageState

WIDGETS = [
    "أخبار ذات صلة تقرير مفصل عن تطورات الملف عنوان خبر آخر",
    "أخبار ذات صلة: إلى ليبياإعلام إسرائيلي",
    "أخبار ذات صلة «الصحة العالمية»: الظروف … «مروعة»",
    "اقرأ أيضا: نحو ليبياإعلام يوقف الحربعضو كنيست",
]
LINES = [
    *WIDGETS,
    "مقالات مشابهة",
    "• تقرير مفصل عن تطورات الملف",
    "• عنوان خبر آخر",
    "• إعلام إسرائيلي",
    "وقال المتحدث إن الاجتماع انتهى.",
    "نص الخبر الأول.",
    "",
]


def _fresh_splits(state: PageState, i: int, splits: WidgetSplits) -> None:
    """The widget claimed with no split kept: the per-line split the memo replaced."""
    _claim_widget(state, i, {})


_claim_widget = headline_lists._claim_widget


def _both(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[Article, Article]:
    kept = parse(text)
    with monkeypatch.context() as m:
        m.setattr("arnews.detectors.regions._claim_widget", _fresh_splits)
        fresh = parse(text)
    return kept, fresh


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(LINES), min_size=1, max_size=40))
def test_widgets_split_once_as_split_each_time(lines: list[str]) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        kept, fresh = _both("\n".join(lines), monkeypatch)
    assert kept == fresh


@pytest.mark.parametrize("repeat", [1, 2, 500])
def test_a_list_between_repeated_widgets_changes_their_split(
    repeat: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    widget = WIDGETS[0]
    page = "\n".join(
        [
            "نص الخبر الأول.",
            *[widget, "وقال المتحدث إن الاجتماع انتهى."] * repeat,
            "مقالات مشابهة",
            "• تقرير مفصل عن تطورات الملف",
            *[widget, "وقال المتحدث إن الاجتماع انتهى."] * repeat,
        ]
    )
    kept, fresh = _both(page, monkeypatch)
    assert kept == fresh
    assert kept.to_json() == fresh.to_json()
    # The widgets below the list are cut at its headline; those above it are not.
    related = kept.related_headlines
    assert "تقرير مفصل عن تطورات الملف عنوان خبر آخر" in related
    assert "عنوان خبر آخر" in related
