"""Read-also articles built column by column are the articles built one by one.

The builder makes a page's read-also articles from page-wide columns, and fills their
objects' slots without the attrs converters (``Article._many`` and friends; issue 15: a
chain of fifty thousand embedded articles). Here each is checked against the validated
constructors and against the one-by-one builder (``build._article``), on generated pages,
the read-also fixtures, and pages made to exercise every field an embedded article has.
"""

from __future__ import annotations

import pickle
from datetime import datetime
from typing import Any
from unittest import mock

import attrs
import pytest
from hypothesis import given, settings

from arnews import Article, Dateline, Diagnostic, Parser, Part, Parts, Spans, build, build_columns
from arnews.lines import scan_columns
from arnews.model import _instances
from arnews.state import MAIN, PageState

from .conftest import FIXTURES
from .strategies import GeneratedPage, pages
from .test_linear import cpu_time

PARSER = Parser(time_budget=None)


def _validated() -> Article:
    return Article(
        title="عنوان",
        dateline=Dateline(place="بغداد", agency="سرايا"),
        byline="محمد سامي",
        updated=datetime(2020, 1, 2, 3, 4),
        published=None,
        paragraphs=("نص.", "نص آخر."),
        related_headlines=("خبر",),
        source="CNN",
        keywords=("وسم",),
        read_also=(Article(title="فرعي"),),
        similar=("مشابه",),
        boilerplate=("شارك",),
        spans=Spans(title=(0, 5), paragraphs=((6, 9), (10, 17)), keywords=((20, 23),)),
        parts=Parts([Part("title", 0, 5), Part("paragraph", 6, 9)]),
        warnings=(Diagnostic("controls_removed", "m", 0, 5),),
    )


def test_unchecked_constructors_equal_the_validated_ones() -> None:
    a = _validated()
    s = a.spans
    spans = Spans._unchecked(
        s.title,
        s.dateline,
        s.dateline_place,
        s.dateline_agency,
        s.byline,
        s.updated,
        s.published,
        s.paragraphs,
        s.related_headlines,
        s.source,
        s.keywords,
        s.similar,
        s.boilerplate,
    )
    parts = Parts._unchecked(a.parts.kinds, a.parts.starts, a.parts.ends, a.parts.names)
    fast = Article._unchecked(
        a.title,
        a.dateline,
        a.byline,
        a.updated,
        a.published,
        a.paragraphs,
        a.related_headlines,
        a.source,
        a.keywords,
        a.read_also,
        a.similar,
        a.boilerplate,
        spans,
        parts,
        a.warnings,
    )
    assert spans == s and hash(spans) == hash(s)
    assert parts == a.parts and hash(parts) == hash(a.parts)
    assert fast == a and hash(fast) == hash(a)
    assert repr(fast) == repr(a)
    assert fast.to_json() == a.to_json()
    assert pickle.loads(pickle.dumps(fast)) == a
    assert Article.from_json(fast.to_json()) == a


def test_many_at_once_equal_one_by_one() -> None:
    a = _validated()
    b = Article(title="آخر", paragraphs=("ب.",), spans=Spans(title=(1, 2)))
    values = [[getattr(x, f.name) for x in (a, b)] for f in attrs.fields(Article)]
    made = Article._many(*values)
    assert made == [a, b]
    assert [hash(x) for x in made] == [hash(a), hash(b)]
    assert pickle.loads(pickle.dumps(made)) == [a, b]
    with pytest.raises(AttributeError):
        made[0].title = "x"  # type: ignore[misc]


def test_many_needs_a_column_per_slot_of_the_same_length() -> None:
    with pytest.raises(ValueError, match="columns"):
        _instances(Parts, ("kinds", "starts", "ends", "names"), [[()]])
    with pytest.raises(ValueError, match="not all 1 long"):
        Parts._many([()], [()], [()], [])


def _one_by_one(text: str) -> tuple[list[dict[str, Any]], list[Diagnostic]]:
    """The page's read-also articles (as dicts) and warnings, each article built by
    ``build._article`` from its own pieces, as the builder did before issue 15."""
    state = _detected(text)
    values: build._Values = ({}, {})
    out = []
    for a in range(state.n_articles):
        pieces = [p for p in state.pieces if state.article_of(p) == a]
        whole = [i for i in state.whole if state.article[i] == a]
        cuts = [k for k in range(len(state.cut_lines)) if state.article[state.cut_lines[k]] == a]
        article = build._article(
            state,
            pieces,
            whole,
            ([state.cut_starts[k] for k in cuts], [state.cut_ends[k] for k in cuts]),
            values,
        )
        if a != MAIN:
            out.append(article.to_dict())
    return out, list(state.warnings)


def _detected(text: str) -> PageState:
    lexicon, tag_lexicon, gazetteer = PARSER._config
    state = PageState(text, scan_columns(text), lexicon, gazetteer, tag_lexicon)
    for _, detector in PARSER.detectors:
        detector(state)
    for i in range(len(state.rest)):
        if state.rest[i] < state.ends[i]:
            state.claim_rest(i, "paragraph")
    return state


def _check(text: str) -> None:
    expected, warnings = _one_by_one(text)
    # However few the read-also articles, built column by column.
    with mock.patch.object(build, "_COLUMNS", 1):
        built = build.build_article(_detected(text))
    assert build.build_article(_detected(text)) == built
    assert [a.to_dict() for a in built.read_also] == expected
    assert list(built.warnings) == warnings
    for a in built.read_also:
        assert pickle.loads(pickle.dumps(a)) == a
        assert Article.from_dict(a.to_dict()) == a
        assert hash(Article.from_dict(a.to_dict())) == hash(a)


# Embedded articles with every field: dateline, credit, stamp, source, tags, furniture,
# a similar list, and titles and headlines with zero-width controls (each one a warning).
_RICH = """نص المقال الرئيسي الذي يتحدث عن موضوع مهم جداً في المنطقة.

إقرأ أيضاً:
عنوان\u200b الخبر الأول
آخر تحديث: 2020-01-02 10:30
بغداد (رويترز) - قال المسؤول إن الاجتماع انتهى.
كتب- محمد سامي:
المصدر: رويترز
كلمات دلالية: العراق، بغداد، الاجتماع

إقرأ أيضاً:
عنوان\u200b الخبر الأول
نص.
حمل تطبيق الموقع الآن

إقرأ أيضاً:
عنوان الخبر الثالث
القاهرة - أعلن الوزير الخبر اليوم.
المصدر: سرايا
"""


def test_rich_embedded_articles_equal_those_built_one_by_one() -> None:
    _check(_RICH)
    assert len(PARSER.parse(_RICH).read_also) == 3


def test_read_also_fixtures_and_a_chain_equal_those_built_one_by_one() -> None:
    for path in sorted(FIXTURES.glob("read-also/*.txt")):
        _check(path.read_text(encoding="utf-8"))
    _check("إقرأ أيضاً:\nعنوان\nنص.\n" * 200)
    _check("إقرأ أيضاً: عنوان\u200b\nنص.\n" * 50)


def test_chains_of_one_shape_and_of_mixed_shapes_equal_those_built_one_by_one() -> None:
    # Articles of one shape are cut by zip (build._step); one article of another shape, or
    # one without a headline, sends the whole page the slicing way.
    one = "إقرأ أيضاً:\nعنوان\nنص.\n"
    _check("إقرأ أيضاً:\nعنوان\nنص.\nالمصدر: سرايا\n" * 30)
    _check(one * 20 + "إقرأ أيضاً:\nعنوان\nنص.\nنص آخر طويل بعض الشيء.\n" + one * 20)
    _check(one * 20 + "إقرأ أيضاً:\nنص طويل يبدأ المقال مباشرة ولا عنوان له هنا، بل نص.\n" + one * 5)


def test_chains_of_one_shape_read_by_stride_equal_those_built_one_by_one() -> None:
    # Every article of one shape (build_columns' stride path): several paragraphs each, a
    # headline that loses a control, every article with another field, none with a headline.
    _check("إقرأ أيضاً:\nعنوان\nنص أول.\nنص ثان أطول.\nنص ثالث.\n" * 15)
    _check("إقرأ أيضاً:\nعنوان\u200b الخبر\nنص.\n" * 15)
    _check("إقرأ أيضاً:\nعنوان\nبغداد (رويترز) - قال المسؤول إن الاجتماع انتهى.\n" * 15)
    _check("إقرأ أيضاً:\nعنوان\nنص.\nكلمات دلالية: العراق، بغداد\n" * 15)
    _check("إقرأ أيضاً:\nنص طويل يبدأ المقال مباشرة ولا عنوان له هنا، بل نص.\n" * 15)


def test_bounds_are_counted_per_article() -> None:
    assert build_columns._bounds([1, 1, 3, 3, 3], 4) == [0, 2, 2, 5]
    assert build_columns._bounds([2, 2], 3) == [0, 0, 2]
    # A row of no article 1 .. n - 1 (never made by the builder) still bounds by search.
    assert build_columns._bounds([0, 1, 2], 3) == [1, 2, 3]


def test_equal_tuples_are_shared() -> None:
    shared: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    same = build_columns._cut_shared(["a", "b"] * 3, [0, 2, 4, 6], 2, shared)
    assert same == [("a", "b")] * 3 and same[0] is same[2]
    mixed = build_columns._cut_shared(["a", "b", "a", "c", "a", "b"], [0, 2, 4, 6], 2, shared)
    assert mixed == [("a", "b"), ("a", "c"), ("a", "b")] and mixed[0] is same[0]
    assert build_columns._cut_shared(["a", "b", "a"], [0, 2, 3], None, shared)[0] is same[0]


def test_step_tells_columns_cut_into_equal_pieces() -> None:
    assert build._step([0, 2, 4, 6]) == 2
    assert build._step([0, 0, 0]) == 0
    assert build._step([0, 2, 3]) is None
    assert build._step([0, 0, 2]) is None
    assert build._step([0]) is None
    assert build._cut([1, 2, 3, 4], [0, 2, 4], 2) == [(1, 2), (3, 4)]
    assert build._cut([1, 2, 3], [0, 2, 3], None) == [(1, 2), (3,)]
    assert build._cut([], [0, 0, 0], 0) == [(), ()]


@settings(max_examples=max(30, settings.default.max_examples // 3))
@given(pages())
def test_generated_pages_equal_those_built_one_by_one(page: GeneratedPage) -> None:
    _check(page.text)


def test_a_chain_of_articles_with_every_field_grows_linearly() -> None:
    # Each embedded article has a dateline and a source: all go the general way
    # (build._fields), whose columns must be made once, not once per article.
    block = "إقرأ أيضاً:\nعنوان\nبغداد (رويترز) - قال المسؤول إن الاجتماع انتهى.\nالمصدر: رويترز\n"
    parser = Parser(max_chars=None)
    small, large = block * (100_000 // len(block)), block * (400_000 // len(block))
    article = parser.parse(small)
    assert article.read_also[1].dateline == Dateline(place="بغداد", agency="رويترز")
    ratio = cpu_time(parser, large) / max(cpu_time(parser, small), 1e-4)
    assert ratio < 8, f"4x the chain took {ratio:.1f}x the time"
