"""The paragraphs the builder vouches for (``text.PrintableTexts``): made only where its
cleaning saw every text printable, never taken from anyone else, and written by
``to_json`` as the standard encoder writes them."""

from __future__ import annotations

import json
import pickle

import attrs
from hypothesis import given
from hypothesis import strategies as st

import arnews
from arnews.jsonout import json_record
from arnews.model import Article
from arnews.text import PrintableTexts, clean_many, clean_paragraphs


def _encoded(article: Article) -> str:
    return json.dumps(json_record(article), ensure_ascii=False)


def test_only_texts_seen_printable_are_vouched_for() -> None:
    assert type(clean_paragraphs(["نص أول", "نص  ثان"])) is PrintableTexts
    assert type(clean_paragraphs(["نص\xa0أول", "ثان"])) is PrintableTexts  # NBSP made a space
    for unprintable in ("\x01", "\u200f", chr(0xD800), "\u2028"):
        texts = clean_paragraphs(["نص", f"نص{unprintable}"])
        assert type(texts) is tuple
        assert list(texts) == clean_many(["نص", f"نص{unprintable}"])
    assert clean_paragraphs([]) == () and type(clean_paragraphs([])) is tuple


@given(st.lists(st.text(min_size=1).map(str.strip).filter(bool), max_size=12))
def test_vouched_texts_are_printable_and_cleaned_as_clean_many(raw: list[str]) -> None:
    raw = [t for t in raw if "\n" not in t and "\r" not in t]
    texts = clean_paragraphs(raw)
    assert list(texts) == clean_many(raw)
    if type(texts) is PrintableTexts:
        assert all(t.isprintable() for t in texts)


def test_parsed_paragraphs_are_vouched_for_and_written_as_the_encoder_writes_them() -> None:
    page = 'قال الوزير "نعم" للخبر.\nوأضاف أن المسار\\الطريق مفتوح.\n\nالمصدر: سرايا'
    article = arnews.parse(page)
    assert type(article.paragraphs) is PrintableTexts
    assert article.to_json() == _encoded(article)
    assert "\\\\" in article.to_json()  # the backslash of a vouched paragraph is escaped


def test_anyone_elses_paragraphs_are_a_plain_tuple() -> None:
    # Only the builder vouches: the converters make a given PrintableTexts a tuple, so text
    # that a caller wraps in one is still looked at.
    given_texts = PrintableTexts(["نص\x01", 'قال "نعم"'])
    article = Article(paragraphs=given_texts)
    assert type(article.paragraphs) is tuple
    assert article.to_json() == _encoded(article)
    parsed = arnews.parse("نص الخبر.")
    changed = attrs.evolve(parsed, paragraphs=("نص\x00",))
    assert type(changed.paragraphs) is tuple
    assert changed.to_json() == _encoded(changed)
    assert type(attrs.evolve(parsed, title="عنوان").paragraphs) is tuple


def test_vouched_paragraphs_are_tuples_in_every_other_way() -> None:
    article = arnews.parse("نص الخبر.\nسطر ثان.")
    paragraphs = article.paragraphs
    assert type(paragraphs) is PrintableTexts
    assert paragraphs == tuple(paragraphs) and hash(paragraphs) == hash(tuple(paragraphs))
    assert repr(paragraphs) == repr(tuple(paragraphs))
    assert article == Article.from_json(article.to_json())
    again = pickle.loads(pickle.dumps(article))
    assert again == article and again.to_json() == article.to_json()
