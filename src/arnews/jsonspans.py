"""The spans and parts of an article's JSON text: every offset written by one ``%`` format.

A template of ``%s`` slots is made for the article's shape (which spans it has, how many of
each list, its parts' kinds and names) and remembered for the next article of that shape:
pages of one site repeat their shapes (on the ANT pages, 635 articles of spans have 120
shapes). Many paragraphs' parts are made of their spans' text. :mod:`arnews.jsontext` writes
the rest of the record.

Example:
    >>> from arnews.model import Article
    >>> from arnews.spans import Spans
    >>> a = Article(source="CNN", spans=Spans(source=(0, 3)))
    >>> text = _numbers(a.spans, a.parts, [])
    >>> text[:25], '"source": [0, 3]' in text
    ('"spans": {"title": null, ', True)
"""

from __future__ import annotations

import json
import operator
from collections.abc import Callable
from itertools import repeat
from operator import is_

from .parts import Parts
from .spans import _SPAN_FIELDS, Span, Spans

_eb: Callable[[str], str] = json.encoder.encode_basestring
_replace = str.replace
_NUL = "\x00"


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

# The templates of the shapes met lately: which spans an article has and how many of each
# list, its parts' kinds and names. A bounded memo of a pure function (emptied when full):
# the same shape always gives the same template, whichever thread made it.
# Only an article of a few hundred parts at most is remembered (a page of a quarter of a
# million parts would keep megabytes for a shape no other page has).
_TEMPLATES: dict[tuple[object, ...], str] = {}
_MAX_TEMPLATES = 4096
_MAX_TEMPLATE_PARTS = 256


def _known(shape: tuple[object, ...], parts: int) -> str | None:
    """The template remembered for ``shape`` (of ``parts`` parts), if any."""
    return _TEMPLATES.get(shape) if parts <= _MAX_TEMPLATE_PARTS else None


def _remember(shape: tuple[object, ...], parts: int, template: str) -> str:
    """Keep ``template`` as the one of ``shape`` (of ``parts`` parts), and return it."""
    if parts <= _MAX_TEMPLATE_PARTS:
        if len(_TEMPLATES) >= _MAX_TEMPLATES:
            _TEMPLATES.clear()
        _TEMPLATES[shape] = template
    return template


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
            key = (n, kinds, names)
            found = _known(key, len(kinds))
            if found is None:
                template = _parts(_PARAGRAPH_SPANS % _PAIRS[n], kinds, names)
                found = _remember(key, len(kinds), template)
            template = found
    else:
        # A span other than None that is falsy (an empty tuple) is dropped here but given
        # a slot below: the format then lacks arguments and raises.
        pairs = (*filter(None, (t, d, dp, da, by, up, pub)), *par, *rel, *filter(None, (src,)))
        pairs += (*kw, *sim, *bp)
        shape = (
            t is None,
            d is None,
            dp is None,
            da is None,
            by is None,
            up is None,
            pub is None,
            len(par),
            len(rel),
            src is None,
            len(kw),
            len(sim),
            len(bp),
            kinds,
            names,
        )
        found = _known(shape, len(kinds))
        if found is None:
            spans_template = _SPANS % (
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
            found = _remember(shape, len(kinds), _parts(spans_template, kinds, names))
        template = found
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
