"""The JSON text of an :class:`~arnews.model.Article` written out directly (what
``to_json`` returns), byte for byte what the standard encoder writes of its record.

Strings: an article's strings are checked once, joined, for the few characters JSON
escapes (controls and the backslash: one ``isprintable`` pass, which also clears them of
lone surrogates); where none is found, which is nearly always, each string is written
between quotes as it is, and the per-character escaping of the encoder is skipped. The
paragraphs of a parsed article are not looked at for controls again: the builder's cleaning
saw them printable, which their tuple says (:class:`~arnews.text.PrintableTexts`). Quotes
are escaped by a ``replace`` of the whole text, the record's own quotes written as STX
until then. Numbers: every offset of the spans and the parts is written by one ``%``
format of a template made for the article's shape (many paragraphs' parts are made of
their spans' text).

Example:
    >>> from arnews.model import Article
    >>> text = article_text(Article(title='قال "نعم"'), False)
    >>> text.startswith('{"title": "قال ' + chr(92) + '"نعم')
    True
"""

from __future__ import annotations

import json
import operator
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .articles import _EMPTY, Articles
from .jsonspans import _numbers
from .text import PrintableTexts

if TYPE_CHECKING:
    from .model import Article

__all__ = ["article_text"]

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

_TOP = operator.attrgetter(
    "title",
    "dateline",
    "byline",
    "updated",
    "paragraphs",
    "related_headlines",
    "source",
    "keywords",
    "read_also",
    "similar",
    "boilerplate",
    "published",
)
_HEAD = (
    '{"title": %s, "dateline": %s, "byline": %s, "updated": %s, "paragraphs": %s, '
    '"related_headlines": %s, "source": %s, "keywords": %s, "read_also": %s, "similar": %s, '
    '"boilerplate": %s, "published": %s'
)
# The read-also articles' slot while the rest is written (SOH: a control, in no string).
_RA = "\x01"
# The record's own quotes while a string's are escaped (STX: a control, in no string). Not
# NUL: a search for a character of the Arabic block's 2-byte text goes by memchr of its low
# byte, which NUL's would find in every ASCII character (the high byte), so a search for
# NUL reads character by character; U+0602 (STX's low byte there) is all but unused.
_MARK = "\x02"
# The head's template, the quote written around each string and the separator of a list's
# items: as they are, and with every quote written as STX (see _head).
_UNMARKED = (_HEAD, '"', '", "')
_MARKED = (_HEAD.replace('"', _MARK), _MARK, f"{_MARK}, {_MARK}")
# The bytes a string cannot hold to be written between quotes as it is: the ASCII controls
# (which JSON escapes) and the backslash. They are looked for in the strings' Latin-1 bytes
# (other characters dropped), which keep every one of them: this table changes them, and
# only them, so the bytes come back equal when there is none.
_UNSAFE = bytes(range(32)) + b"\\"
_MARK_UNSAFE = bytes.maketrans(_UNSAFE, b"\x7f" * len(_UNSAFE))
_replace = str.replace
_DQ = '"'
_BACKSLASH = "\\"
_ESCAPED_DQ = '\\"'


def _escaped_str(value: str | None) -> str:
    return "null" if value is None else _eb(value)


def _escaped_strs(values: tuple[str, ...]) -> str:
    return f"[{', '.join(map(_eb, values))}]" if values else "[]"


def _read_also(read_also: Articles, spans: bool, checks: list[str]) -> str:
    """The read-also articles' JSON array: a lazy chain's written from its columns where
    it can be (no article made), every other's article by article."""
    if read_also is _EMPTY or not read_also:
        return "[]"
    if read_also._make is not None:  # built lazily (made since or not): columns to read
        from .chain_json import chain_json  # imported with the first such chain written

        text = chain_json(read_also, spans, checks)
        if text is not None:
            return text
    return f"[{', '.join([_text(a, spans, checks) for a in read_also])}]"


def _head(article: Article, spans: bool, checks: list[str]) -> str:
    """The record up to ``published`` (no closing brace), read-also articles included; the
    strings written are added to ``checks`` (for the caller's lone-surrogate check)."""
    (
        title,
        dateline,
        byline,
        updated,
        paragraphs,
        related,
        source,
        keywords,
        read_also,
        similar,
        boilerplate,
        published,
    ) = _TOP(article)
    if dateline is None:
        place = agency = None
    else:
        place, agency = dateline.place, dateline.agency
    updated_text = None if updated is None else updated.isoformat()
    published_text = None if published is None else published.isoformat()
    # Every string of the article but paragraphs the builder vouches for (see
    # text.PrintableTexts) in one text, for the checks of its characters; a value of another
    # type than str makes join raise (the caller then encodes the record).
    vouched = type(paragraphs) is PrintableTexts
    content = "".join(
        [
            *filter(None, (title, place, agency, byline, source, updated_text, published_text)),
            *(() if vouched else paragraphs),
            *related,
            *keywords,
            *similar,
            *boilerplate,
        ]
    )
    if content.isprintable():
        # No control character and no lone surrogate (neither is printable: the caller
        # need not look at these strings again); a backslash is printable.
        unsafe = _BACKSLASH in content
    else:
        checks.append(content)
        latin = content.encode("latin-1", "ignore")
        unsafe = latin.translate(_MARK_UNSAFE) != latin
    # Printable paragraphs hold no control character: a backslash is all they may hold
    # that the encoder escapes, and a quote (looked for below).
    vouched_text = "".join(paragraphs) if vouched else ""
    unsafe = unsafe or _BACKSLASH in vouched_text
    if unsafe:
        # Controls or a backslash somewhere (rare): every string through the escaper.
        return _HEAD % (
            _escaped_str(title),
            "null"
            if dateline is None
            else f'{{"place": {_escaped_str(place)}, "agency": {_escaped_str(agency)}}}',
            _escaped_str(byline),
            "null" if updated_text is None else _eb(updated_text),
            _escaped_strs(paragraphs),
            _escaped_strs(related),
            _escaped_str(source),
            _escaped_strs(keywords),
            "[]" if read_also is _EMPTY else _read_also(read_also, spans, checks),
            _escaped_strs(similar),
            _escaped_strs(boilerplate),
            "null" if published_text is None else _eb(published_text),
        )
    # Every string is now written between quotes as it is. Where one holds a quote, the
    # record's own quotes are first written as STX (which no string holds: no control
    # does), every quote is then escaped and each STX made a quote: two C-level passes over
    # the text instead of a look at each string.
    marked = _DQ in content or _DQ in vouched_text
    template, q, items = _MARKED if marked else _UNMARKED
    # q.join(("", s, "")) is q + s + q, made from the string's characters as the encoder
    # reads them (a str subclass's own operators are not called).
    quoted = q.join
    text = template % (
        "null" if title is None else quoted(("", title, "")),
        "null"
        if dateline is None
        else f"{{{q}place{q}: "
        + ("null" if place is None else quoted(("", place, "")))
        + f", {q}agency{q}: "
        + ("null" if agency is None else quoted(("", agency, "")))
        + "}",
        "null" if byline is None else quoted(("", byline, "")),
        "null" if updated_text is None else quoted(("", updated_text, "")),
        f"[{q}{items.join(paragraphs)}{q}]" if paragraphs else "[]",
        f"[{q}{items.join(related)}{q}]" if related else "[]",
        "null" if source is None else quoted(("", source, "")),
        f"[{q}{items.join(keywords)}{q}]" if keywords else "[]",
        "[]" if read_also is _EMPTY or not read_also else _RA,
        f"[{q}{items.join(similar)}{q}]" if similar else "[]",
        f"[{q}{items.join(boilerplate)}{q}]" if boilerplate else "[]",
        "null" if published_text is None else quoted(("", published_text, "")),
    )
    if marked:
        text = _replace(_replace(text, _DQ, _ESCAPED_DQ), _MARK, _DQ)
    if read_also is _EMPTY or not read_also:
        return text
    # The read-also articles' text (written JSON, not to be escaped again) in its slot,
    # the one SOH of the text (no string holds a control).
    return _replace(text, _RA, _read_also(read_also, spans, checks), 1)


def article_text(article: Article, spans: bool) -> str:
    """The JSON text of ``json_record(article, spans=spans)`` as the encoder writes it.

    Raises ``TypeError``, ``ValueError`` or ``AttributeError`` where a field holds another
    type than the parser makes (the caller then encodes the record, which gives that
    case's text or error).

    Example:
        >>> from arnews.model import Article
        >>> article_text(Article(source="CNN"), False)[-18:]
        '"published": null}'
    """
    return _text(article, spans, [])


def _text(article: Article, spans: bool, checks: list[str]) -> str:
    # article_text, each string written (or template holding other characters than ASCII)
    # added to ``checks``: the output's other characters are ASCII, so that a check of
    # these for lone surrogates is one of the whole text.
    head = _head(article, spans, checks)
    if not spans:
        return head + "}"
    warnings = article.warnings
    if warnings:
        written = _encode([w.to_dict() for w in warnings])
        if not written.isascii():
            checks.append(written)
    else:
        written = "[]"
    return f'{head}, {_numbers(article.spans, article.parts, checks)}, "warnings": {written}}}'
