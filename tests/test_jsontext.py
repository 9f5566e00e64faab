"""``Article.to_json`` written out directly (``arnews.jsontext``) is byte for byte what the
standard encoder writes of the record, for every shape of article and of string."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arnews import jsonspans
from arnews.jsonout import _record, article_json, json_record
from arnews.jsonspans import _PAIRS, _PARAGRAPHS_ONLY, _PART_HEADS, _TEMPLATES
from arnews.jsontext import article_text
from arnews.model import Article, Dateline, Diagnostic, Part, Parts, Spans


def _encoded(article: Article, spans: bool = True) -> str:
    return json.dumps(json_record(article, spans=spans), ensure_ascii=False)


def _same(article: Article) -> None:
    for spans in (True, False):
        assert article_json(article, spans=spans) == _encoded(article, spans)


class _Str(str):
    """A str subclass whose operators would write something else: never called."""

    def __add__(self, other: object) -> str:
        return "wrong"

    def __radd__(self, other: object) -> str:
        return "wrong"

    def __format__(self, spec: str) -> str:
        return "wrong"

    def __str__(self) -> str:
        return "wrong"

    def replace(self, *args: Any) -> str:  # type: ignore[override]
        return "wrong"


def test_strings_with_quotes_backslashes_and_controls() -> None:
    for value in ('قال "نعم"', "a\\b", "tab\there", "\x00", "\x1f", "%s %d %%", "\u2028", ""):
        _same(Article(title=value))
        _same(Article(paragraphs=("نص", value, 'و"')))
        _same(Article(dateline=Dateline(value, "وكالة")))
        _same(Article(keywords=(value,), similar=('"',), boilerplate=("b",), source=value))
        _same(Article(read_also=(Article(title=value, paragraphs=(value,)),)))


def test_lone_surrogates_are_kept_as_the_encoder_keeps_them() -> None:
    _same(Article(title="a" + chr(0xD800), paragraphs=("نص" + chr(0xDFFF) + '"',)))


def test_str_subclasses_are_written_from_their_characters() -> None:
    _same(Article(title=_Str('a"b'), paragraphs=(_Str("c"),), source=_Str("s")))


def test_dates_and_warnings() -> None:
    _same(
        Article(
            updated=datetime(2020, 1, 2, 3, 4),
            published=datetime(2021, 5, 6),
            warnings=(Diagnostic("c", 'm"\n', 1, 2), Diagnostic("d", "e")),
        )
    )


def test_spans_of_every_field() -> None:
    spans = Spans(
        title=(0, 1),
        dateline=(2, 9),
        dateline_place=(2, 4),
        dateline_agency=(5, 9),
        byline=(10, 12),
        updated=(13, 14),
        published=(15, 16),
        paragraphs=((17, 18), (19, 20)),
        related_headlines=((21, 22),),
        source=(23, 24),
        keywords=((25, 26), (27, 28)),
        similar=((29, 30),),
        boilerplate=((31, 32),) * 300,  # past the memo of list templates
    )
    _same(Article(spans=spans))
    _same(Article(spans=Spans(source=(0, 10**30), paragraphs=((-1, 0),))))


def test_spans_the_parser_never_makes_go_through_the_encoder() -> None:
    # The converters let tuples through as they are: a span of another length, an empty
    # one, a bool or a float must be written as the encoder writes them.
    for spans in (
        Spans(title=(True, 2)),
        Spans(paragraphs=((0.5, 2),)),
        Spans(title=(1, 2, 3), paragraphs=((4,),)),
        Spans(title=(), source=(1, 2)),
        Spans(paragraphs=((1, 2), (3,)), keywords=((4, 5, 6),)),
        Spans(source=(1.0, 2)),
    ):
        _same(Article(spans=spans))


def test_parts_of_odd_kinds_and_names() -> None:
    odd = Parts.from_columns(["paragraph", 'ki"nd%d'], [0, 3], [2, 4], [None, "n\\ame%s"])
    _same(Article(parts=odd))
    _same(Article(parts=Parts([Part("marker", 0, 7, name="source"), Part("source", 8, 12)])))
    bad = (
        Parts.from_columns(["x"], [True], [1], [None]),
        Parts.from_columns(["x"], [0], [1.5], [None]),  # type: ignore[list-item]
    )
    for parts in bad:
        _same(Article(parts=parts))


def test_a_kind_of_another_type_is_the_encoders_to_judge() -> None:
    parts = Parts.from_columns([7], [0], [1], [None])  # type: ignore[list-item]
    # The encoder writes the int kind; the written-out text refuses it.
    assert article_json(Article(parts=parts)) == _encoded(Article(parts=parts))


def test_templates_memos_are_bounded() -> None:
    assert _PAIRS[3] == "[[%s, %s], [%s, %s], [%s, %s]]"
    assert 1000 not in _PAIRS and _PAIRS[1000].count("%s") == 2000
    assert 1000 not in _PAIRS
    assert len(_PART_HEADS) <= 1000


def _shaped(offset: int, parts: int = 3) -> Article:
    """An article of a title, a source and ``parts - 2`` markers, its offsets from ``offset``."""
    kinds = ["title", "source", *["marker"] * (parts - 2)]
    starts = [offset + 10 * k for k in range(parts)]
    names = [None, None, *["bullet"] * (parts - 2)]
    return Article(
        title="ع",
        source="م",
        spans=Spans(title=(offset, offset + 1), source=(offset + 10, offset + 11)),
        parts=Parts.from_columns(kinds, starts, [s + 1 for s in starts], names),
    )


def test_a_shapes_template_is_remembered_and_gives_each_article_its_numbers() -> None:
    _TEMPLATES.clear()
    for offset in (0, 7, 12345):
        _same(_shaped(offset))
    assert len(_TEMPLATES) == 1
    # Of the same kinds but another name, or one part more: another shape.
    other = _shaped(0)
    renamed = attrs.evolve(
        other,
        parts=Parts.from_columns(other.parts.kinds, [0, 10, 20], [1, 11, 21], [None, None, "x"]),
    )
    _same(renamed)
    _same(_shaped(0, parts=4))
    assert len(_TEMPLATES) == 3


def test_the_shapes_memo_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jsonspans, "_MAX_TEMPLATES", 4)
    _TEMPLATES.clear()
    for parts in range(2, 12):
        _same(_shaped(5, parts))
        assert len(_TEMPLATES) <= 4
    _TEMPLATES.clear()
    _same(_shaped(5, jsonspans._MAX_TEMPLATE_PARTS + 1))  # too many parts to keep
    assert not _TEMPLATES


def test_nested_read_also_articles() -> None:
    inner = Article(title='"ع"', spans=Spans(title=(0, 3)), parts=Parts([Part("title", 0, 3)]))
    _same(Article(read_also=(inner, Article(read_also=(inner,))), paragraphs=("a\\",)))


def test_a_field_of_another_type_falls_back_to_the_encoder() -> None:
    import attrs

    a = attrs.evolve(Article(), source="s")
    object.__setattr__(a, "title", 5)
    assert article_json(a) == json.dumps(_record(a, True, tuple), ensure_ascii=False)


_strings = st.text(st.characters(codec=None, categories=None), max_size=12)


@settings(max_examples=200, deadline=None)
@given(
    title=st.none() | _strings,
    paragraphs=st.lists(_strings, max_size=4),
    keywords=st.lists(_strings, max_size=3),
    source=st.none() | _strings,
    place=st.none() | _strings,
    spans=st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 10**6)), max_size=4),
)
def test_any_strings_are_written_as_the_encoder_writes_them(
    title: str | None,
    paragraphs: list[str],
    keywords: list[str],
    source: str | None,
    place: str | None,
    spans: list[tuple[int, int]],
) -> None:
    article = Article(
        title=title,
        paragraphs=tuple(paragraphs),
        keywords=tuple(keywords),
        source=source,
        dateline=None if place is None else Dateline(place, None),
        spans=Spans(paragraphs=tuple(spans), source=spans[0] if spans else None),
        parts=Parts([Part("paragraph", s, e) for s, e in spans]),
        read_also=(Article(title=title, paragraphs=tuple(keywords)),),
    )
    _same(article)
    assert article_text(article, True) == _encoded(article)


def test_paragraphs_only_articles_of_any_kind_strings() -> None:
    # The builder's "paragraph" is one interned string: an article of it alone is written
    # from the template of its number of paragraphs; equal strings made otherwise (from
    # JSON, by join), a str subclass and other names go the general way, to the same text.
    built = "".join(["para", "graph"])
    for n in (0, 1, 3, 300):
        spans = Spans(paragraphs=tuple((4 * i, 4 * i + 3) for i in range(n)))
        texts = tuple(f"نص{i}" for i in range(n))
        for kind in ("paragraph", built, _Str("paragraph")):
            for name in (None, "x"):
                parts = Parts.from_columns(
                    [kind] * n, [4 * i for i in range(n)], [4 * i + 3 for i in range(n)], [name] * n
                )
                _same(Article(paragraphs=texts, spans=spans, parts=parts))
        # Parts of another number than the paragraphs' spans.
        parts = Parts.from_columns(
            ["paragraph"] * (n + 1), [0] * (n + 1), [1] * (n + 1), [None] * (n + 1)
        )
        _same(Article(paragraphs=texts, spans=spans, parts=parts))
    assert 300 not in _PARAGRAPHS_ONLY and len(_PARAGRAPHS_ONLY) <= 256


def test_paragraphs_whose_parts_are_their_spans() -> None:
    # From sixteen paragraphs on, the parts are written from the spans' text (by replaces):
    # negative and large offsets, few paragraphs and many, and parts equal to the spans in
    # value but not in type.
    for pairs in (
        ((0, 5),),
        ((-3, 0), (10**20, 10**20 + 1)),
        ((-3, 0), (10**20, 10**20 + 1)) * 10,
        tuple((i, i + 1) for i in range(300)),
    ):
        n = len(pairs)
        spans = Spans(paragraphs=pairs)
        texts = tuple(f'نص "{i}"' for i in range(n))
        starts, ends = [s for s, _ in pairs], [e for _, e in pairs]
        parts = Parts.from_columns(["paragraph"] * n, starts, ends, [None] * n)
        _same(Article(paragraphs=texts, spans=spans, parts=parts))
    # From sixteen paragraphs on: the first part's start or end of another type.
    pairs = tuple((i, i + 1) for i in range(20))
    spans = Spans(paragraphs=pairs)
    texts = ("أ",) * 20
    for odd in (True, 1.0):
        starts: list[object] = [s for s, _ in pairs]
        ends: list[object] = [e for _, e in pairs]
        starts[1], ends[0] = odd, odd
        for columns in ((starts, [e for _, e in pairs]), ([s for s, _ in pairs], ends)):
            parts = Parts.from_columns(["paragraph"] * 20, *columns, [None] * 20)  # type: ignore[arg-type]
            _same(Article(paragraphs=texts, spans=spans, parts=parts))


def test_quotes_beside_read_also_articles_and_unprintable_characters() -> None:
    # A quote makes the record's own quotes NUL until the quotes are escaped; the read-also
    # articles' text (escaped already) goes in afterwards. Characters that are not printable
    # but need no escape (a line separator, a bidi mark) take the slower check.
    inner = Article(title='قال "لا"', paragraphs=('"',), source="\u200f")
    for title in ('"', "\u2028", '\u2028"', "\u200f", None):
        _same(Article(title=title, read_also=(inner, inner), similar=('"ب"',), keywords=("ك",)))
        _same(
            Article(
                title=title,
                updated=datetime(2020, 1, 2),
                published=datetime(2021, 3, 4, 5, 6),
                dateline=Dateline('م"', None),
                byline='ب"',
                boilerplate=('"',),
                related_headlines=("ر", '"'),
            )
        )


def test_many_spans_of_another_length_go_through_the_encoder() -> None:
    # Past a few dozen spans, their columns are made without zip: a span of another
    # length than two is found all the same.
    for pairs in (((1, 2),) * 70 + ((3,),), ((1, 2, 3),) * 70, ((1, 2),) * 69 + ((),)):
        parts = Parts([Part("paragraph", 1, 2)] * len(pairs))
        _same(Article(spans=Spans(paragraphs=pairs), parts=parts))
        _same(Article(spans=Spans(paragraphs=pairs, source=(4, 5)), parts=parts))
