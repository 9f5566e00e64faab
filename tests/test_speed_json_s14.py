"""The JSON writer's fast paths of session 14 give the encoder's text on the shapes they
cover: the record's quotes marked as STX while a string's quotes are escaped (characters
whose bytes hold STX's among the strings), on empty, one-line, long and repeated texts."""

from __future__ import annotations

import json

import attrs

import arnews
from arnews.jsonout import article_json, json_record
from arnews.model import Article, Dateline, Parts, Spans
from arnews.text import clean_paragraphs

# Characters whose 2- or 4-byte form holds the byte 0x02 (STX's), or 0x22 (the quote's).
_NEAR_MARK = ("\u0602", "\u0200", "\u0502", "\u0622", "\u2022", "\U0001f602", "\u0202")


def _encoded(article: Article, spans: bool) -> str:
    return json.dumps(json_record(article, spans=spans), ensure_ascii=False)


def _same_text(article: Article) -> None:
    for spans in (True, False):
        assert article_json(article, spans=spans) == _encoded(article, spans)


def _same(article: Article) -> None:
    _same_text(article)
    for spans in (True, False):
        assert Article.from_json(article.to_json(spans=spans)).to_dict(spans=spans) == (
            article.to_dict(spans=spans)
        )


def test_quotes_beside_characters_that_hold_the_marks_bytes() -> None:
    for near in _NEAR_MARK:
        for text in ("", near, f'"{near}"', f'{near}"' * 50, "نص " * 2000 + f'"{near}'):
            paragraphs = clean_paragraphs([text, f'قال "{near}"', text]) if text else ()
            _same(Article(title=text or None, paragraphs=paragraphs))
            _same(Article(paragraphs=(f'"{text}', text), keywords=(near, '"')))
            _same(
                Article(
                    title=f'"{near}',
                    dateline=Dateline(f'{near}"', near),
                    byline=text,
                    source='"',
                    related_headlines=(text, '"'),
                    similar=(near,),
                    boilerplate=(f'{near}"{near}',),
                    read_also=(Article(title=f'"{near}"', paragraphs=(text, '"')),),
                )
            )


def test_parsed_pages_with_quotes_and_read_also_chains() -> None:
    line = 'قال المتحدث "لا جديد" آنذاك\u0602.'
    pages = (
        line,
        "\n\n".join([line] * 40),
        line + "\n\nالمصدر: سرايا\n\n" + "إقرأ أيضاً:\nعنوان " + '"آخر"\nنص.\n' * 20,
        "عنوان\n\n" + line * 300 + "\n\nكلمات دلالية: غزة حماس",
    )
    for page in pages:
        _same(arnews.parse(page))


class _Offset(int):
    """An int subclass whose text differs from its value's: the encoder writes the value."""

    def __str__(self) -> str:
        return "7"

    __repr__ = __str__


def test_offsets_of_other_types_than_int_by_the_counted_types() -> None:
    # Both checks: the general template's, and the paragraphs' whose parts are their spans
    # (sixteen paragraphs and more), each offset odd in turn.
    for n in (1, 3, 16, 40):
        for odd in (True, False, 0.0, 2.5, _Offset(3)):
            for k in (0, n - 1):
                pairs = [(2 * i, 2 * i + 1) for i in range(n)]
                starts = [s for s, _ in pairs]
                ends = [e for _, e in pairs]
                texts = tuple(f"ن{i}" for i in range(n))
                spans = list(pairs)
                spans[k] = (odd, pairs[k][1])  # type: ignore[assignment]
                _same_text(Article(paragraphs=texts, spans=Spans(paragraphs=tuple(spans))))
                for column in (starts, ends):
                    column[k], was = odd, column[k]  # type: ignore[call-overload]
                    parts = Parts.from_columns(["paragraph"] * n, starts, ends, [None] * n)
                    article = Article(paragraphs=texts, spans=Spans(paragraphs=tuple(pairs)))
                    _same_text(attrs.evolve(article, parts=parts))
                    column[k] = was
                    _same_text(Article(title="ع", paragraphs=texts, parts=parts))
