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
from itertools import repeat
from operator import is_
from typing import TYPE_CHECKING, Any

from .articles import _EMPTY, Articles
from .parts import Parts
from .spans import _SPAN_FIELDS, Span, Spans
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
_NUL = "\x00"
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


# -------------------------------------------------------------------------------------------
# Spans and parts: one template of "%s" slots for the article's shape, one format. Every
# offset is checked an exact int first, whose "%s" is its decimal text as the encoder writes
# it, and a third cheaper than "%d" (which converts each number before writing it).

_PAIR = "[%s, %s]"
_SPANS = "{" + ", ".join(f'"{name}": %s' for name in _SPAN_FIELDS) + "}"
# The spans' fields in the contract's order, read in one C-level call.
_span_values = operator.attrgetter(*_SPAN_FIELDS)
_part_columns = operator.attrgetter("kinds", "starts", "ends", "names")
_NO_SPANS = (None,) * 8
_PARAGRAPH_SPANS = _SPANS % ((*(["null"] * 7), "%s", "[]", "null", "[]", "[]", "[]"))


class _PairLists(dict[int, str]):
    """The template of a list of ``n`` spans, ``[[%s, %s], …]``, kept for the first few
    hundred ``n`` (a bounded memo of a pure function)."""

    def __missing__(self, n: int) -> str:
        template = f"[{', '.join(repeat(_PAIR, n))}]"
        if n < 256:
            self[n] = template
        return template


class _PartHeads(dict[tuple[str, str | None], str]):
    """The template of a part of a kind and name: ``{"kind": …, "start": %s, "end": %s}``,
    its name after when set; kept for the first thousand (kind, name) pairs met (the
    parser's are a few dozen). A kind or name of another type than ``str`` (or ``None``
    for the name) is a ``TypeError``."""

    def __missing__(self, key: tuple[str, str | None]) -> str:
        kind, name = key
        template = (
            '{"kind": '
            + _eb(kind).replace("%", "%%")
            + ', "start": %s, "end": %s'
            + ("}" if name is None else f', "name": {_eb(name).replace("%", "%%")}}}')
        )
        if len(self) < 1000:
            self[key] = template
        return template


_PAIRS = _PairLists()
_PART_HEADS = _PartHeads()
_PARAGRAPH = "paragraph"


def _parts(spans_template: str, kinds: tuple[str, ...], names: tuple[str | None, ...]) -> str:
    """``"spans": SPANS, "parts": […]``, the parts' offsets left as ``%s`` slots."""
    if kinds:
        heads = map(_PART_HEADS.__getitem__, zip(kinds, names, strict=True))
        return f'"spans": {spans_template}, "parts": [{", ".join(heads)}]'
    return f'"spans": {spans_template}, "parts": []'


class _ParagraphsOnly(dict[int, str]):
    """The spans and parts template of an article of ``n`` paragraphs and nothing else,
    kept for the first few hundred ``n`` (a bounded memo of a pure function)."""

    def __missing__(self, n: int) -> str:
        template = _parts(_PARAGRAPH_SPANS % _PAIRS[n], (_PARAGRAPH,) * n, (None,) * n)
        if n < 256:
            self[n] = template
        return template


_PARAGRAPHS_ONLY = _ParagraphsOnly()


# The spans of an article of paragraphs alone, before and after the paragraphs' pairs.
_PARAGRAPH_SPANS_HEAD, _PARAGRAPH_SPANS_TAIL = _PARAGRAPH_SPANS.split("%s")
_NEXT_PAIR = "], ["
_END_KEY = ', "end": '
_NEXT_PARAGRAPH = '}, {"kind": "paragraph", "start": '


# From this many paragraphs on, their parts are made of the pairs' text (below, the one
# format of the whole template costs no more).
_MANY_PARAGRAPHS = 16


def _paragraph_parts(
    span_starts: tuple[int, ...],
    span_ends: tuple[int, ...],
    starts: tuple[int, ...],
    ends: tuple[int, ...],
) -> str:
    """``"spans": {…}, "parts": […]`` of an article of paragraphs alone whose parts are
    its paragraphs' spans (every whole-line paragraph's are): the pairs are written once,
    ``[[s, e], [s, e]]``, and the parts made of them by three C-level replaces, half the
    numbers of the one format and a short template to read."""
    numbers = [*span_starts, *span_starts]
    numbers[1::2] = span_ends
    numbers[::2] = span_starts
    # "%s" would write a bool, a float or an int subclass otherwise than the encoder: exact
    # ints only, the parts' own included (a part may equal its span, True == 1, and differ
    # in type).
    types = [*map(type, numbers), *map(type, starts), *map(type, ends)]
    if types.count(int) != len(types):
        raise TypeError("offsets of other types than int")
    pairs = _PAIRS[len(span_starts)] % tuple(numbers)
    # "s, e], [s, e": each pair's separator made NUL first (no other holds one), then the
    # comma inside a pair the end's key, then each NUL the next part's head.
    items = _replace(_replace(pairs[2:-2], _NEXT_PAIR, _NUL), ", ", _END_KEY)
    return (
        f'"spans": {_PARAGRAPH_SPANS_HEAD}{pairs}{_PARAGRAPH_SPANS_TAIL}, "parts": '
        f'[{{"kind": "paragraph", "start": {_replace(items, _NUL, _NEXT_PARAGRAPH)}}}]'
    )


_FIRST = operator.itemgetter(0)
_SECOND = operator.itemgetter(1)
_TWO = {2}
# Up to this many spans, zip(*spans) makes their columns (above, an argument a span and an
# iterator each cost more than a pass per column: a third of a 500,000-line page's JSON).
_FEW_PAIRS = 64


def _pair_columns(pairs: tuple[Span, ...]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The starts and the ends of ``pairs``; a ``ValueError`` where one is not two long."""
    if len(pairs) <= _FEW_PAIRS:
        # Strict: a span of another length than two makes zip or the unpacking raise.
        starts, ends = zip(*pairs, strict=True)
        return starts, ends
    if set(map(len, pairs)) != _TWO:
        raise ValueError("spans of another length than two")
    return tuple(map(_FIRST, pairs)), tuple(map(_SECOND, pairs))


def _numbers(spans: Spans, parts: Parts, checks: list[str]) -> str:
    """``"spans": {…}, "parts": […]``: every offset written by one ``%`` format (a template
    of other characters than ASCII, from parts' kinds or names, is added to ``checks``).

    Raises ``TypeError`` (or ``ValueError``) where a span is not a pair of ``int`` or a
    part's kind or name not a string (what the parser never makes): the caller then
    encodes the record, which gives that case's text or error.
    """
    t, d, dp, da, by, up, pub, par, rel, src, kw, sim, bp = _span_values(spans)
    kinds, starts, ends, names = _part_columns(parts)
    if (t, d, dp, da, by, up, pub, src) == _NO_SPANS and not (rel or kw or sim or bp):
        # Most articles: paragraphs, no other field.
        pairs = par
        n = len(par)
        if (
            len(kinds) == n
            and all(map(is_, kinds, repeat(_PARAGRAPH)))
            and all(map(is_, names, repeat(None)))
        ):
            # Parts of the paragraphs alone (most articles): the whole template is a
            # function of their number (the builder's kinds are the one interned string).
            if n >= _MANY_PARAGRAPHS:
                span_starts, span_ends = _pair_columns(par)
                if span_starts == starts and span_ends == ends:
                    return _paragraph_parts(span_starts, span_ends, starts, ends)
            template = _PARAGRAPHS_ONLY[n]
        else:
            template = _parts(_PARAGRAPH_SPANS % _PAIRS[n], kinds, names)
    else:
        # A span other than None that is falsy (an empty tuple) is dropped here but given
        # a slot below: the format then lacks arguments and raises.
        pairs = (*filter(None, (t, d, dp, da, by, up, pub)), *par, *rel, *filter(None, (src,)))
        pairs += (*kw, *sim, *bp)
        template = _SPANS % (
            "null" if t is None else _PAIR,
            "null" if d is None else _PAIR,
            "null" if dp is None else _PAIR,
            "null" if da is None else _PAIR,
            "null" if by is None else _PAIR,
            "null" if up is None else _PAIR,
            "null" if pub is None else _PAIR,
            _PAIRS[len(par)],
            _PAIRS[len(rel)],
            "null" if src is None else _PAIR,
            _PAIRS[len(kw)],
            _PAIRS[len(sim)],
            _PAIRS[len(bp)],
        )
        template = _parts(template, kinds, names)
    if pairs:
        # The spans' starts and ends in two tuples: strict, a span of another length than
        # two makes zip or the unpacking raise ValueError.
        if len(pairs) <= _FEW_PAIRS:
            # Strict: a span of another length than two makes zip or the unpacking raise.
            span_starts, span_ends = zip(*pairs, strict=True)
        else:
            span_starts, span_ends = _pair_columns(pairs)
        starts = span_starts + starts
        ends = span_ends + ends
    if not template.isascii():  # (a flag of the string: no pass over it)
        checks.append(template)
    # Starts and ends interleaved by two slice assignments (C-level copies); columns of
    # unequal lengths are a ValueError.
    numbers = [*starts, *starts]
    numbers[1::2] = ends
    numbers[::2] = starts
    # "%s" would write a bool, a float or an int subclass otherwise than the encoder: exact
    # ints only (their types counted in a list: a fifth fewer instructions than a set).
    if list(map(type, numbers)).count(int) != len(numbers):
        raise TypeError("offsets of other types than int")
    return template % tuple(numbers)


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
