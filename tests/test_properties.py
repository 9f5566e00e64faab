"""Properties that hold for every input: parse never raises, spans point at their text, the
parts account for every character, results round-trip, normalisation is idempotent.

The never-raises and span properties are meant to run with many examples in CI::

    HYPOTHESIS_PROFILE=ci ARNEWS_CI_EXAMPLES=10000 pytest tests/test_properties.py

Every parse here uses ``time_budget=None``: a slow CI machine must not turn a property
failure into a silent ``time_budget`` fallback.
"""

from __future__ import annotations

import functools
import itertools
import operator
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from arnews import Form, Parser, fold, normalize
from arnews.lines import BLANK_SET
from arnews.model import Article, Span

from .strategies import (
    GeneratedPage,
    any_text,
    arabic_text,
    check_invariants,
    check_parts,
    check_serialisation,
    check_spans,
    iter_all_articles,
    pages,
)

PARSER = Parser(time_budget=None)
#: Generated pages cost ~10x a random text to draw; they run a tenth of the profile's examples
#: (100 in CI at ARNEWS_CI_EXAMPLES=1000, 1,000 at 10,000), and at least 50.
PAGE_EXAMPLES = max(50, settings.default.max_examples // 10)
pages_settings = settings(max_examples=PAGE_EXAMPLES)


@given(any_text)
def test_any_str_never_raises_and_keeps_invariants(text: str) -> None:
    check_invariants(text, PARSER.parse(text))


@given(arabic_text)
def test_arabic_text_never_raises_and_keeps_invariants(text: str) -> None:
    check_invariants(text, PARSER.parse(text))


@pages_settings
@given(pages())
def test_generated_page_keeps_invariants(page: GeneratedPage) -> None:
    check_invariants(page.text, PARSER.parse(page.text))


@given(st.lists(st.one_of(arabic_text, any_text), min_size=2, max_size=6).map("\n".join))
def test_spans_and_parts_of_multi_line_text(text: str) -> None:
    article = PARSER.parse(text)
    check_spans(text, article)
    check_parts(text, article)


@pages_settings
@given(pages())
def test_generated_page_parses_back_to_its_parts(page: GeneratedPage) -> None:
    a = PARSER.parse(page.text)
    assert [w.code for w in a.warnings] == []
    assert list(a.paragraphs) == page.paragraphs
    assert (a.dateline.agency if a.dateline else None) == page.dateline_agency
    assert a.source == page.source
    # The tag segmenter may join single words into multi-word tags; the words stay.
    assert " ".join(a.keywords).split() == page.tag_words
    assert list(a.boilerplate) == page.boilerplate
    assert list(a.similar) == page.similar
    assert a.related_headlines == ()
    assert [(r.title, list(r.paragraphs)) for r in a.read_also] == page.read_also
    for r in a.read_also:
        assert r.source is None and r.similar == () and r.read_also == ()


@pages_settings
@given(pages(), st.sampled_from(["\n", "\r\n", "\r", "\u2028", "\u2029", "\x85"]))
def test_generated_page_means_the_same_with_any_line_end(page: GeneratedPage, nl: str) -> None:
    base = PARSER.parse(page.text).to_dict(spans=False)
    other = page.text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", nl)
    assert PARSER.parse(other).to_dict(spans=False) == base


@given(st.one_of(any_text, arabic_text))
def test_round_trips(text: str) -> None:
    check_serialisation(text, PARSER.parse(text))


def test_round_trip_with_lone_surrogate() -> None:
    text = "المصدر: صدى\ud800البلد\n\nنص \udfff الخبر."
    article = PARSER.parse(text)
    assert "\ud800" in (article.source or "")
    assert any(w.code == "surrogates_replaced" for w in article.warnings)
    back = Article.from_json(article.to_json())
    assert back.source == "صدى\ufffdالبلد"
    assert back.paragraphs == ("نص \ufffd الخبر.",)
    check_serialisation(text, article)


_FLAGS = [f for f in Form if f.name and f is not Form.DEFAULT and bin(f.value).count("1") == 1]
_ALL_FORMS = [
    functools.reduce(operator.or_, combo, Form(0))
    for r in range(len(_FLAGS) + 1)
    for combo in itertools.combinations(_FLAGS, r)
]


def test_every_form_combination_is_covered() -> None:
    assert len(_ALL_FORMS) == 2 ** len(_FLAGS)
    assert Form.DEFAULT in _ALL_FORMS


@given(st.one_of(any_text, arabic_text), st.sampled_from(_ALL_FORMS))
def test_normalize_is_idempotent(text: str, form: Form) -> None:
    once = normalize(text, form=form)
    assert normalize(once, form=form) == once


@pytest.mark.parametrize("form", _ALL_FORMS[:: max(1, len(_ALL_FORMS) // 64)], ids=str)
def test_normalize_idempotent_on_the_awkward_characters(form: Form) -> None:
    # Every character that any step touches, in one string, for a spread of forms.
    text = (
        "أإآٱٲٳ ى ة ی ي ک ہ ە ھ ـ \u064b\u0651\u0670 ٠١٢۰۱۲ "
        "\xa0\u2009\t \u200c\u200f\ufeff \u061c ، ؛ ؟  "
    )
    once = normalize(text, form=form)
    assert normalize(once, form=form) == once


@given(st.one_of(any_text, arabic_text))
def test_fold_is_idempotent(text: str) -> None:
    once = fold(text)
    assert fold(once) == once


# -- Sub-spans ----------------------------------------------------------------------------------


def check_sub_spans(text: str, article: Article) -> None:
    """Every sub-span (a dateline's place and agency, the byline's name, each tag, each
    headline) lies inside its parent (the dateline's span, a part of its kind) and is trimmed."""

    def trimmed(span: Span) -> bool:
        start, end = span
        return start < end and text[start] not in BLANK_SET and text[end - 1] not in BLANK_SET

    for a in iter_all_articles(article):
        sp = a.spans
        parts = list(a.parts)

        def inside(kind: str, span: Span, parts: list[Any] = parts) -> bool:
            return any(p.kind == kind and p.start <= span[0] and span[1] <= p.end for p in parts)

        singles = (("dateline", sp.dateline), ("byline", sp.byline), ("title", sp.title))
        for kind, span in singles:
            if span is not None:
                assert trimmed(span), (kind, text[span[0] : span[1]])
                assert inside(kind, span), (kind, span, parts)
        for name, span in (("place", sp.dateline_place), ("agency", sp.dateline_agency)):
            if span is not None:
                assert sp.dateline is not None
                assert sp.dateline[0] <= span[0] < span[1] <= sp.dateline[1], (name, span)
                assert trimmed(span), (name, text[span[0] : span[1]])
        lists = (
            ("keywords", sp.keywords),
            ("related_headline", sp.related_headlines),
            ("similar", sp.similar),
        )
        for kind, spans in lists:
            for span in spans:
                assert trimmed(span), (kind, text[span[0] : span[1]])
                assert inside(kind, span), (kind, span, parts)


_STAMPS = ("آخر تحديث: 17 يونيو 2025 - 12:27 م", "آخر تحديث: 3 مارس 2024", "")
_GAPS = ("", " ", "   ", "\xa0", " \xa0 ", "\t")
_LEADS = (
    "سرايا - ",
    "سرايا -",
    "(CNN)-- ",
    "(CNN) – ",
    "القاهرة - ",
    "واشنطن (رويترز) - ",
    "بغداد/ شبكة أخبار العراق- ",
    "واس- جدة: ",
    "بيروت - النهار - ",
    "القاهرة - أ ش أ: ",
    "كتب- أحمد علي: ",
    "دبي، الإمارات العربية المتحدة (CNN)-- ",
    "",
)
_HEADS = (
    "",
    "افتتاح مستشفى جديد للأطفال في الخليل\n\n",
    "بقلم: سامي نصر\n",
    "SITE.INFO- مكتب الرباط - خاص\n",
    "SITE - بقلم: سامي نصر\n",
    "عمّان-بترا\n",
)
_BODIES = (
    "أعلن البيت الأبيض افتتاح مستشفى جديد للأطفال في الخليل.",
    "أعلنت الوزارة الخبر.\n\nكلمات دلالية: غزة مستشفى الأطفال",
    "أعلنت الوزارة الخبر.\n\nإقرأ أيضاً:\n\nعنوان الخبر\n\n"
    "آخر تحديث: 17 يونيو 2025 - 12:27 م  سرايا - أعلنت الوزارة الخبر.",
)


@given(
    st.sampled_from(_HEADS),
    st.sampled_from(_STAMPS),
    st.sampled_from(_GAPS),
    st.sampled_from(_LEADS),
    st.sampled_from(_BODIES),
)
def test_sub_spans_of_heads_stamps_and_datelines(
    head: str, stamp: str, gap: str, lead: str, body: str
) -> None:
    text = head + stamp + gap + lead + body
    article = PARSER.parse(text)
    check_sub_spans(text, article)
    check_spans(text, article)
    check_parts(text, article)


@given(st.one_of(any_text, arabic_text))
def test_sub_spans_of_any_text(text: str) -> None:
    check_sub_spans(text, PARSER.parse(text))


@pages_settings
@given(pages())
def test_sub_spans_of_generated_pages(page: GeneratedPage) -> None:
    check_sub_spans(page.text, PARSER.parse(page.text))


# -- The main article's title --------------------------------------------------------------------


@pages_settings
@given(pages(), st.integers(min_value=2, max_value=8), st.sampled_from(["\n\n", "\n", "\r\n\r\n"]))
def test_a_headline_before_a_generated_page_is_its_title(
    page: GeneratedPage, n_words: int, gap: str
) -> None:
    # A headline made of the lead's own words: it shares them with the body, as headlines do.
    lead = page.paragraphs[0].split(".")[0].split()
    headline = " ".join(lead[:n_words])
    assume(len(headline.split()) >= 2)
    base = PARSER.parse(page.text)
    a = PARSER.parse(headline + gap + page.text)
    assert a.title == headline
    assert a.paragraphs == base.paragraphs
    assert a.dateline == base.dateline
    check_sub_spans(headline + gap + page.text, a)


@pages_settings
@given(pages())
def test_a_generated_page_that_opens_with_its_lead_has_no_title(page: GeneratedPage) -> None:
    assert PARSER.parse(page.text).title is None
