"""The JSON output of an :class:`~arnews.model.Article`: its record, its text (written by
:mod:`arnews.jsontext`), lone surrogates, and the JSON Schema.

Example:
    >>> import arnews
    >>> a = arnews.parse("نص الخبر.")
    >>> json_record(a, spans=False)["paragraphs"]
    ('نص الخبر.',)
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .jsonspans import _span_values
from .jsontext import _encode, _text, article_text
from .spans import _SPAN_FIELDS

if TYPE_CHECKING:
    from .model import Article

__all__ = ["article_json", "article_schema", "has_surrogates", "json_record", "replace_surrogates"]

_SURROGATE = re.compile("[\ud800-\udfff]")


def has_surrogates(text: str) -> bool:
    """Tell whether ``text`` holds lone surrogates (which UTF-8 cannot carry).

    Example:
        >>> has_surrogates("نص"), has_surrogates("نص" + chr(0xD800))
        (False, True)
    """
    if text.isascii():
        return False
    try:
        # UTF-16 refuses every surrogate code point, as UTF-8 does, and is several times
        # cheaper to make from Arabic text (two bytes a character, mostly copied).
        text.encode("utf-16-le")
    except UnicodeEncodeError:
        return True
    return False


def _as_is(values: Any) -> Any:
    return values


def _record(article: Article, spans: bool, seq: Callable[[Any], Any]) -> dict[str, Any]:
    # The one description of the output's shape: ``seq`` turns each sequence into a list
    # (to_dict) or leaves the tuple as it is (json_record).
    out: dict[str, Any] = {
        "title": article.title,
        "dateline": None if article.dateline is None else article.dateline.to_dict(),
        "byline": article.byline,
        "updated": None if article.updated is None else article.updated.isoformat(),
        "paragraphs": seq(article.paragraphs),
        "related_headlines": seq(article.related_headlines),
        "source": article.source,
        "keywords": seq(article.keywords),
        "read_also": [_record(a, spans, seq) for a in article.read_also],
        "similar": seq(article.similar),
        "boilerplate": seq(article.boilerplate),
        "published": None if article.published is None else article.published.isoformat(),
    }
    if spans:
        s = article.spans
        if seq is list:
            out["spans"] = s.to_dict()
        else:
            out["spans"] = dict(zip(_SPAN_FIELDS, _span_values(s), strict=True))
        out["parts"] = article.parts.to_list()
        out["warnings"] = [w.to_dict() for w in article.warnings]
    return out


def article_json(article: Article, *, spans: bool = True) -> str:
    """The JSON text of :func:`json_record` (one line, Arabic as is), lone surrogates kept:
    :meth:`Article.to_json <arnews.model.Article.to_json>` without the surrogate check.

    Example:
        >>> from arnews.model import Article
        >>> article_json(Article(source="CNN"), spans=False)[:30]
        '{"title": null, "dateline": nu'
    """
    try:
        return article_text(article, spans)
    except (TypeError, ValueError, AttributeError):
        # Fields of other types than the parser makes: the encoder says what they give.
        return _encode(_record(article, spans, _as_is))


def _checked_json(article: Article, *, spans: bool = True) -> str:
    """:func:`article_json` with each lone surrogate written as U+FFFD: what
    :meth:`Article.to_json <arnews.model.Article.to_json>` returns (without ``indent``).

    Only the strings written are looked at for surrogates (the rest of the text is ASCII):
    a pass over the article's text, not over all of its JSON.

    Example:
        >>> from arnews.model import Article
        >>> text = _checked_json(Article(source="CNN" + chr(0xD800)), spans=False)
        >>> '"source": "CNN\\ufffd"' in text, chr(0xD800) in text
        (True, False)
    """
    checks: list[str] = []
    try:
        text = _text(article, spans, checks)
    except (TypeError, ValueError, AttributeError):
        # Fields of other types than the parser makes: the encoder says what they give.
        return replace_surrogates(_encode(_record(article, spans, _as_is)))
    if any(map(has_surrogates, checks)):
        return _SURROGATE.sub("\ufffd", text)
    return text


def json_record(article: Article, *, spans: bool = True) -> dict[str, Any]:
    """:meth:`Article.to_dict`, with every list left as the tuple it is in the article.

    For JSON encoders, which write a tuple as an array: the JSON text is the same as that
    of ``to_dict()``, without copying each sequence into a list first (the command line
    writes millions of records this way).

    Example:
        >>> import json
        >>> from arnews.model import Article, Spans
        >>> a = Article(paragraphs=("نص.",), spans=Spans(paragraphs=((0, 3),)))
        >>> json.dumps(json_record(a)) == json.dumps(a.to_dict())
        True
    """
    return _record(article, spans, _as_is)


def replace_surrogates(text: str) -> str:
    """Replace each lone surrogate by U+FFFD, one character for one (spans stay valid).

    Example:
        >>> replace_surrogates("a" + chr(0xD800)) == "a\ufffd"
        True
    """
    return _SURROGATE.sub("\ufffd", text) if has_surrogates(text) else text


def article_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of :meth:`Article.to_dict` output.

    The schema ships as ``arnews/data/article.schema.json``; each call returns a fresh dict.

    Example:
        >>> import jsonschema
        >>> from arnews import parse
        >>> jsonschema.validate(parse("نص الخبر.").to_dict(), article_schema())
        >>> article_schema()["$defs"]["article"]["required"][:2]
        ['title', 'dateline']
    """
    from importlib import resources  # imported when the schema is asked for, not with arnews

    text = (resources.files("arnews") / "data" / "article.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
