"""Where each field of an article came from: :data:`Span` and :class:`Spans`.

Example:
    >>> Spans(title=(0, 5), paragraphs=[[6, 9]]).paragraphs
    ((6, 9),)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from ._make import _instances, _maker

__all__ = ["Span", "Spans"]

#: A character span ``(start, end)`` into the caller's original string: ``text[start:end]``.
Span = tuple[int, int]


def _span(value: Any) -> Span:
    start, end = value
    return (int(start), int(end))


def _opt_span(value: Any) -> Span | None:
    if value is None or type(value) is tuple:
        return value
    return _span(value)


def _spans(values: Iterable[Any]) -> tuple[Span, ...]:
    # The parser hands over tuples of int pairs already; only other input is converted.
    if type(values) is tuple and (not values or type(values[0]) is tuple):
        return values
    return tuple([_span(v) for v in values])  # a list first: see build._article


@attrs.frozen(slots=True)
class Spans:
    """Where each field of an :class:`Article` came from: spans into the original input.

    Tuples here line up item by item with the article's tuples (``spans.paragraphs[i]`` is
    the span of ``article.paragraphs[i]``). A paragraph's span covers its raw text, before
    white space was cleaned; a dateline's span covers it with its separator (``سرايا - ``).

    Example:
        >>> Spans(source=(10, 14)).source
        (10, 14)
    """

    #: Span of :attr:`Article.title`.
    title: Span | None = attrs.field(default=None, converter=_opt_span)
    #: Span of the whole dateline, separator included.
    dateline: Span | None = attrs.field(default=None, converter=_opt_span)
    #: Span of the dateline's place.
    dateline_place: Span | None = attrs.field(default=None, converter=_opt_span)
    #: Span of the dateline's agency.
    dateline_agency: Span | None = attrs.field(default=None, converter=_opt_span)
    #: Span of :attr:`Article.byline`: the name only, without its verb or marker.
    byline: Span | None = attrs.field(default=None, converter=_opt_span)
    #: Span of the date-time text after the ``آخر تحديث:`` marker.
    updated: Span | None = attrs.field(default=None, converter=_opt_span)
    #: Span of the date-time text after a ``نشر في`` / ``تاريخ النشر`` marker.
    published: Span | None = attrs.field(default=None, converter=_opt_span)
    #: One span per paragraph.
    paragraphs: tuple[Span, ...] = attrs.field(default=(), converter=_spans)
    #: One span per related headline.
    related_headlines: tuple[Span, ...] = attrs.field(default=(), converter=_spans)
    #: Span of the source's text (after ``المصدر:``).
    source: Span | None = attrs.field(default=None, converter=_opt_span)
    #: One span per keyword: its first occurrence in the tag line.
    keywords: tuple[Span, ...] = attrs.field(default=(), converter=_spans)
    #: One span per similar headline, bullet excluded.
    similar: tuple[Span, ...] = attrs.field(default=(), converter=_spans)
    #: One span per boilerplate line.
    boilerplate: tuple[Span, ...] = attrs.field(default=(), converter=_spans)

    def to_dict(self) -> dict[str, Any]:
        """Return the spans as JSON-ready lists."""
        out: dict[str, Any] = {}
        for name in _SINGLE_SPANS:
            value = getattr(self, name)
            out[name] = None if value is None else list(value)
        for name in _SPAN_LISTS:
            out[name] = list(map(list, getattr(self, name)))
        # The contract's key order: the fields' own.
        return {name: out[name] for name in _SPAN_FIELDS}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Spans:
        """Rebuild from :meth:`to_dict` output; unknown keys are ignored."""
        names = {f.name for f in attrs.fields(Spans)}
        return cls(**{k: v for k, v in data.items() if k in names})

    @classmethod
    def _unchecked(
        cls,
        title: Span | None,
        dateline: Span | None,
        dateline_place: Span | None,
        dateline_agency: Span | None,
        byline: Span | None,
        updated: Span | None,
        published: Span | None,
        paragraphs: tuple[Span, ...],
        related_headlines: tuple[Span, ...],
        source: Span | None,
        keywords: tuple[Span, ...],
        similar: tuple[Span, ...],
        boilerplate: tuple[Span, ...],
    ) -> Spans:
        # For the builder only, which hands over exactly what the converters would make
        # (tuples of int pairs): a chain of fifty thousand read-also articles makes as many
        # Spans, and the converters were a fifth of building each.
        return _new_spans(
            title,
            dateline,
            dateline_place,
            dateline_agency,
            byline,
            updated,
            published,
            paragraphs,
            related_headlines,
            source,
            keywords,
            similar,
            boilerplate,
        )

    @classmethod
    def _many(cls, *columns: Iterable[Any]) -> list[Spans]:
        # Many at once for the builder: a column per field, in the fields' order.
        return _instances(cls, _SPAN_FIELDS, columns)


_SPAN_FIELDS = tuple(f.name for f in attrs.fields(Spans))
_SPAN_LISTS = tuple(
    f.name
    for f in attrs.fields(Spans)
    if f.converter is _spans  # type: ignore[comparison-overlap]
)
_SINGLE_SPANS = tuple(name for name in _SPAN_FIELDS if name not in _SPAN_LISTS)
# A new Spans from its fields' values in order, no converter run (``Spans._unchecked``).
_new_spans = _maker(Spans, _SPAN_FIELDS)
