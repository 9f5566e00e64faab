"""The Unicode policy (``docs/guides/unicode.md``), one test per row of its table."""

from __future__ import annotations

import json

import pytest

from arnews import Parser, parse
from arnews.lines import BLANK_SET, BLANKS, scan
from arnews.model import Article

from .strategies import check_invariants

PARSER = Parser(time_budget=None)
PAGE = (
    "سرايا - أعلن الرئيس الخبر.\n\nوأضاف أن المفاوضات مستمرة.\n\n"
    "المصدر: صدى البلد\n\nكلمات دلالية: غزة النفط"
)
LINE_BREAKS = [
    "\n",
    "\r\n",
    "\r",
    "\u2028",
    "\u2029",
    "\x85",
    "\x0b",
    "\x0c",
    "\x1c",
    "\x1d",
    "\x1e",
]


@pytest.mark.parametrize("nl", LINE_BREAKS, ids=repr)
def test_every_splitlines_break_is_a_line_break(nl: str) -> None:
    assert [ln.text for ln in scan(f"أ{nl}ب{nl}{nl}ج")] == ["أ", "ب", "ج"]
    assert [ln.blank_before for ln in scan(f"أ{nl}ب{nl}{nl}ج")] == [True, False, True]


@pytest.mark.parametrize("nl", LINE_BREAKS, ids=repr)
def test_page_means_the_same_with_any_line_break(nl: str) -> None:
    base = PARSER.parse(PAGE).to_dict(spans=False)
    assert PARSER.parse(PAGE.replace("\n", nl)).to_dict(spans=False) == base


def test_crlf_is_one_break_and_lf_cr_is_two() -> None:
    assert [ln.blank_before for ln in scan("أ\r\nب")] == [True, False]
    # `\n\r` is two breaks in a row (LF, then CR): a blank line between.
    assert [ln.blank_before for ln in scan("أ\n\rب")] == [True, True]


def test_leading_bom_is_not_content() -> None:
    article = PARSER.parse("\ufeffنص الخبر.")
    assert article.paragraphs == ("نص الخبر.",)
    assert article.spans.paragraphs == ((1, 10),)
    assert not any(w.code == "controls_removed" for w in article.warnings)


def test_bom_and_controls_at_line_edges_are_outside_every_span() -> None:
    text = "\ufeff\u200fالمصدر: صدى البلد\u200f\u202c\n"
    article = PARSER.parse(text)
    assert article.source == "صدى البلد"
    assert article.spans.source is not None
    assert text[slice(*article.spans.source)] == "صدى البلد"
    assert [w.code for w in article.warnings] == []


def test_line_of_only_invisible_characters_is_blank() -> None:
    article = PARSER.parse("نص.\n\u200c\u200d\u200f\ufeff\xa0\u2066\u2069\nنص آخر.")
    assert article.paragraphs == ("نص.", "نص آخر.")
    assert scan("أ\n\u200b\u200c\nب")[1].blank_before


@pytest.mark.parametrize(
    ("field", "text", "raw", "clean"),
    [
        ("source", "نص.\nالمصدر: صدى\u200c البلد", "صدى\u200c البلد", "صدى البلد"),
        (
            "source",
            "نص.\nالمصدر: سكاي\u200f نيوز\u2069 عربية",
            "سكاي\u200f نيوز\u2069 عربية",
            "سكاي نيوز عربية",
        ),
        ("title", "إقرأ أيضاً:\nعنوان\u200d الخبر\nنص.", "عنوان\u200d الخبر", "عنوان الخبر"),
    ],
)
def test_controls_are_stripped_from_short_fields_with_a_warning(
    field: str, text: str, raw: str, clean: str
) -> None:
    article = PARSER.parse(text)
    target = article.read_also[0] if field == "title" else article
    assert getattr(target, field) == clean
    span = getattr(target.spans, field)
    assert text[span[0] : span[1]] == raw, "the span keeps pointing at the raw text"
    codes = [w.code for w in article.warnings]
    assert codes.count("controls_removed") == 1
    warning = next(w for w in article.warnings if w.code == "controls_removed")
    assert (warning.start, warning.end) == span


def test_controls_are_stripped_from_keywords_similar_and_dateline() -> None:
    text = (
        "سرايا\u200f - أعلن الرئيس الخبر.\n\nكلمات دلالية: غزة\u200c النفط\n\n"
        "مقالات مشابهة\n• عنوان\u200e أول\n• عنوان ثان"
    )
    article = PARSER.parse(text)
    assert article.dateline is not None and article.dateline.agency == "سرايا"
    assert "\u200c" not in " ".join(article.keywords)
    assert article.similar == ("عنوان أول", "عنوان ثان")
    assert [w.code for w in article.warnings] == ["controls_removed"]
    check_invariants(text, article)


def test_paragraphs_keep_zero_width_characters_inside_words() -> None:
    # ZWNJ is spelling in Persian and Urdu words quoted in Arabic text: paragraphs keep it.
    text = "قال إنه می\u200cخواهد السلام."
    article = PARSER.parse(text)
    assert article.paragraphs == (text,)
    assert article.warnings == ()


def test_nbsp_and_odd_spaces_become_one_space_in_fields() -> None:
    article = PARSER.parse("أعلن\xa0\xa0الرئيس\u2009الخبر.\n\nالمصدر:\xa0صدى\xa0البلد")
    assert article.paragraphs == ("أعلن الرئيس الخبر.",)
    assert article.source == "صدى البلد"


def test_lone_surrogates_never_crash_and_are_replaced_in_json() -> None:
    text = "نص \ud83d الخبر.\n\nالمصدر: صدى\udc00البلد"
    article = parse(text)
    assert article.paragraphs == ("نص \ud83d الخبر.",), "fields keep what the input held"
    assert [w.code for w in article.warnings] == ["surrogates_replaced"]
    out = article.to_json()
    out.encode("utf-8")
    data = json.loads(out)
    assert data["paragraphs"] == ["نص \ufffd الخبر."]
    assert data["source"] == "صدى\ufffdالبلد"
    assert Article.from_json(out).source == "صدى\ufffdالبلد"


def test_no_surrogate_warning_on_valid_text() -> None:
    assert parse("نص الخبر 😀.").warnings == ()


def test_blanks_are_whitespace_controls_bom_and_soft_hyphen() -> None:
    for char in BLANKS:
        assert (
            char.isspace()
            or char in "\u200b\u200c\u200d\u200e\u200f\ufeff\u061c\xad"
            or ("\u202a" <= char <= "\u202e" or "\u2060" <= char <= "\u2069")
        ), repr(char)
    assert "\u3000" in BLANK_SET and "ـ" not in BLANK_SET
