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
from typing import TYPE_CHECKING, Any

from .parts import Parts
from .spans import _SPAN_FIELDS

if TYPE_CHECKING:
    from .model import Article

__all__ = ["article_schema", "has_surrogates", "json_record", "replace_surrogates"]

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
_PART_JSON = '{"kind": %s, "start": %d, "end": %d%s}'
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
    if (
        set(map(type, kinds)) != {str}
        or set(map(type, starts)) != {int}
        or set(map(type, ends)) != {int}
        or not set(map(type, names)) <= _STR_OR_NONE
    ):
        return _encode(parts.to_list())
    kind_json = {kind: _encode(kind) for kind in set(kinds)}
    name_json = {name: "" if name is None else f', "name": {_encode(name)}' for name in set(names)}
    rows = zip(
        map(kind_json.__getitem__, kinds),
        starts,
        ends,
        map(name_json.__getitem__, names),
        strict=True,
    )
    return f"[{', '.join(map(_PART_JSON.__mod__, rows))}]"


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
