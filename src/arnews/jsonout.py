"""The JSON output of an :class:`~arnews.model.Article`: its record, the C encoder, the
parts' JSON made in C-level passes, lone surrogates, and the JSON Schema.

Example:
    >>> import arnews
    >>> a = arnews.parse("نص الخبر.")
    >>> json_record(a, spans=False)["paragraphs"]
    ('نص الخبر.',)
"""

from __future__ import annotations

import json
import operator
import re
from collections.abc import Callable
from itertools import chain, repeat
from typing import TYPE_CHECKING, Any

from .parts import Parts
from .spans import _SPAN_FIELDS, Span, Spans

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


# One encoder for every to_json() call (json.dumps builds one per call when given options);
# a record is a tree of fresh dicts and lists, which cannot be circular.
_ENCODER = json.JSONEncoder(ensure_ascii=False, check_circular=False)


def _c_encoder() -> Callable[[Any], str]:
    """``_ENCODER.encode``, less its Python layers: the C encoder that ``encode`` makes
    on each call (``JSONEncoder.iterencode``) made once, its chunks joined here.

    Without ``check_circular`` the encoder keeps no state between calls. Where the C
    accelerator is missing, ``_ENCODER.encode`` itself.
    """
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return _ENCODER.encode
    iterencode = make(
        None,  # no markers: check_circular=False
        _ENCODER.default,
        json.encoder.encode_basestring,  # ensure_ascii=False
        None,  # no indent
        _ENCODER.key_separator,
        _ENCODER.item_separator,
        _ENCODER.sort_keys,
        _ENCODER.skipkeys,
        _ENCODER.allow_nan,
    )
    join = "".join

    def encode(record: Any) -> str:
        return join(iterencode(record, 0))

    return encode


_encode = _c_encoder()
# The C string escaper the encoder uses (ensure_ascii=False): a str's JSON, quotes included.
_eb: Callable[[str], str] = json.encoder.encode_basestring
_STR = {str}
_INT = {int}
_STR_OR_NONE = frozenset({str, type(None)})


def _parts_json(parts: Parts) -> str:
    """The JSON text of ``parts.to_list()``, made without a dict a part.

    Each distinct kind and name is encoded once; each part is one ``%`` format of its
    columns, in C. Columns of other types than the parser's (``str`` kinds, ``int``
    offsets, ``str`` or ``None`` names) go the way of the dicts.

    Example:
        >>> from arnews.parts import Part
        >>> p = Parts([Part("marker", 0, 7, name="source"), Part("source", 8, 12)])
        >>> _parts_json(p) == json.dumps(p.to_list(), ensure_ascii=False)
        True
    """
    kinds, starts, ends, names = parts.kinds, parts.starts, parts.ends, parts.names
    if not kinds:
        return "[]"
    distinct_kinds, distinct_names = set(kinds), set(names)
    if (
        set(map(type, distinct_kinds)) != _STR
        or not set(map(type, distinct_names)) <= _STR_OR_NONE
        or set(map(type, starts)) != _INT
        or set(map(type, ends)) != _INT
    ):
        return _encode(parts.to_list())
    # Each part is five strings joined: its kind's head, its start, the end key, its end,
    # and its name's tail (each kind and name encoded once).
    heads = {kind: f'{{"kind": {_eb(kind)}, "start": ' for kind in distinct_kinds}
    tails = {name: "}" if name is None else f', "name": {_eb(name)}}}' for name in distinct_names}
    rows = zip(
        map(heads.__getitem__, kinds),
        map(str, starts),
        repeat(', "end": '),
        map(str, ends),
        map(tails.__getitem__, names),
    )
    return f"[{', '.join(map(''.join, rows))}]"


# The spans' fields in the contract's order, read in one C-level call.
_span_values = operator.attrgetter(*_SPAN_FIELDS)


def _as_is(values: Any) -> Any:
    return values


def _record(
    article: Article, spans: bool, seq: Callable[[Any], Any], *, tail: bool = True
) -> dict[str, Any]:
    # The one description of the output's shape: ``seq`` turns each sequence into a list
    # (to_dict) or leaves the tuple as it is (json_record). Without ``tail``, the record
    # stops before ``parts`` and ``warnings`` (to_json writes them itself).
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
        if not tail:
            return out
        out["parts"] = article.parts.to_list()
        out["warnings"] = [w.to_dict() for w in article.warnings]
    return out


def _str_json(value: str | None) -> str:
    return "null" if value is None else _eb(value)


def _strs_json(values: tuple[str, ...]) -> str:
    return f"[{', '.join(map(_eb, values))}]" if values else "[]"


_pair = "[%d, %d]".__mod__


def _span_json(span: Span | None) -> str:
    return "null" if span is None else _pair(span)


def _span_list_json(spans: tuple[Span, ...]) -> str:
    return f"[{', '.join(map(_pair, spans))}]" if spans else "[]"


def _spans_json(spans: Spans) -> str:
    """The JSON text of the spans' record; ``TypeError`` when an offset is not an ``int``
    (what the converters make), for the caller to encode the record instead."""
    t, d, dp, da, by, up, pub, par, rel, src, kw, sim, bp = _span_values(spans)
    single = [span for span in (t, d, dp, da, by, up, pub, src) if span is not None]
    # Every offset an int: "%d" would write a bool or a float otherwise than the encoder.
    if set(map(type, chain.from_iterable(chain(single, par, rel, kw, sim, bp)))) - _INT:
        raise TypeError("span offsets of other types than int")
    return _SPANS_JSON % (
        _span_json(t),
        _span_json(d),
        _span_json(dp),
        _span_json(da),
        _span_json(by),
        _span_json(up),
        _span_json(pub),
        _span_list_json(par),
        _span_list_json(rel),
        _span_json(src),
        _span_list_json(kw),
        _span_list_json(sim),
        _span_list_json(bp),
    )


_SPANS_JSON = "{" + ", ".join(f'"{name}": %s' for name in _SPAN_FIELDS) + "}"
_HEAD_JSON = (
    '{"title": %s, "dateline": %s, "byline": %s, "updated": %s, "paragraphs": %s, '
    '"related_headlines": %s, "source": %s, "keywords": %s, "read_also": %s, "similar": %s, '
    '"boilerplate": %s, "published": %s'
)


def _article_json(article: Article, spans: bool) -> str:
    """``_encode(json_record(article, spans=spans))``, written as text: each string escaped
    by the encoder's own C function, the rest from templates, no dict or list made.

    Raises ``TypeError`` or ``AttributeError`` where a field holds another type than the
    parser makes (the caller then encodes the record, which gives that case's text or error).
    """
    dateline, updated, published = article.dateline, article.updated, article.published
    read_also = article.read_also
    head = _HEAD_JSON % (
        _str_json(article.title),
        "null"
        if dateline is None
        else f'{{"place": {_str_json(dateline.place)}, "agency": {_str_json(dateline.agency)}}}',
        _str_json(article.byline),
        "null" if updated is None else _eb(updated.isoformat()),
        _strs_json(article.paragraphs),
        _strs_json(article.related_headlines),
        _str_json(article.source),
        _strs_json(article.keywords),
        f"[{', '.join([_article_json(a, spans) for a in read_also])}]" if read_also else "[]",
        _strs_json(article.similar),
        _strs_json(article.boilerplate),
        "null" if published is None else _eb(published.isoformat()),
    )
    if not spans:
        return head + "}"
    warnings = article.warnings
    return (
        f'{head}, "spans": {_spans_json(article.spans)}, "parts": {_parts_json(article.parts)}, '
        f'"warnings": {_encode([w.to_dict() for w in warnings]) if warnings else "[]"}}}'
    )


def article_json(article: Article, *, spans: bool = True) -> str:
    """The JSON text of :func:`json_record` (one line, Arabic as is), lone surrogates kept:
    :meth:`Article.to_json <arnews.model.Article.to_json>` without the surrogate check.

    Example:
        >>> from arnews.model import Article
        >>> article_json(Article(source="CNN"), spans=False)[:30]
        '{"title": null, "dateline": nu'
    """
    try:
        return _article_json(article, spans)
    except (TypeError, AttributeError):
        # Fields of other types than the parser makes: the encoder says what they give.
        return _encode(_record(article, spans, _as_is))


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
