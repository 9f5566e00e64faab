"""The JSON writer's fast paths of session 14 give the encoder's text on the shapes they
cover: the record's quotes marked as STX while a string's quotes are escaped (characters
whose bytes hold STX's among the strings), on empty, one-line, long and repeated texts."""

from __future__ import annotations

import json

import arnews
from arnews.jsonout import article_json, json_record
from arnews.model import Article, Dateline
from arnews.text import clean_paragraphs

# Characters whose 2- or 4-byte form holds the byte 0x02 (STX's), or 0x22 (the quote's).
_NEAR_MARK = ("\u0602", "\u0200", "\u0502", "\u0622", "\u2022", "\U0001f602", "\u0202")


def _encoded(article: Article, spans: bool) -> str:
    return json.dumps(json_record(article, spans=spans), ensure_ascii=False)


def _same(article: Article) -> None:
    for spans in (True, False):
        assert article_json(article, spans=spans) == _encoded(article, spans)
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
