"""The typed results of a parse: frozen, slotted attrs classes that round-trip through JSON.

:class:`Article` is what :func:`arnews.parse` returns. Its fields are plain strings and tuples
(the contract of ``to_dict``); where each one came from in the input is kept beside them in
:class:`Spans`, and the whole input is accounted for in :attr:`Article.parts`.

Example:
    >>> import arnews
    >>> a = arnews.parse("سرايا - أعلن البيت الأبيض الخبر.\\n\\nالمصدر: سرايا")
    >>> a.dateline.agency, a.source, a.paragraphs
    ('سرايا', 'سرايا', ('أعلن البيت الأبيض الخبر.',))
    >>> a.spans.source
    (42, 47)
    >>> Article.from_dict(a.to_dict()) == a
    True
"""

from __future__ import annotations

import json
import operator
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import datetime
from itertools import repeat, starmap
from typing import Any, TypeVar, overload

import attrs

from .normalize import DEFAULT_FORM, Form, normalize

__all__ = [
    "Article",
    "Dateline",
    "Diagnostic",
    "Part",
    "Parts",
    "Span",
    "Spans",
    "article_schema",
]

_T = TypeVar("_T")

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


def _strs(values: Iterable[str]) -> tuple[str, ...]:
    return values if type(values) is tuple else tuple(values)


def _articles(values: Iterable[Article]) -> tuple[Article, ...]:
    return values if type(values) is tuple else tuple(values)


def _parts(values: Iterable[Part]) -> Parts:
    return values if isinstance(values, Parts) else Parts(values)


def _diagnostics(values: Iterable[Diagnostic]) -> tuple[Diagnostic, ...]:
    return tuple(values)


# Internal construction without the converters (see ``Spans._unchecked``): what attrs's own
# ``__init__`` of a frozen slotted class does, less the calls that check and convert.
_new = object.__new__
_set = object.__setattr__


def _instance(cls: type[_T], slots: Sequence[str], values: Sequence[Any]) -> _T:
    """A new instance of the slotted class ``cls``, slot ``slots[i]`` set to ``values[i]``:
    one object the way :func:`_instances` makes many."""
    out = _new(cls)
    for name, value in zip(slots, values, strict=True):
        _set(out, name, value)
    return out


def _instances(cls: type[_T], slots: Sequence[str], columns: Sequence[Iterable[Any]]) -> list[_T]:
    """New instances of the slotted class ``cls``, one for each item of ``columns[0]``, each
    slot ``slots[i]`` set to the matching item of ``columns[i]``.

    Each slot is filled in one C-level pass of its descriptor's setter (which a frozen class's
    ``__setattr__`` does not guard), so that no Python code runs per instance: the builder
    makes fifty thousand read-also articles this way. Every column must be as long as the
    first (``zip(strict=True)`` checks it).
    """
    if len(columns) != len(slots):
        raise ValueError(f"{cls.__name__} needs {len(slots)} columns, not {len(columns)}")
    first = list(columns[0])
    out = list(map(_new, repeat(cls, len(first))))
    for name, column in zip(slots, (first, *columns[1:]), strict=True):
        deque(starmap(cls.__dict__[name].__set__, zip(out, column, strict=True)), maxlen=0)
    return out


@attrs.frozen(slots=True)
class Dateline:
    """The lead-in that names where and from whom a story comes, e.g. ``القاهرة (الاتحاد)``.

    Example:
        >>> Dateline(place="بغداد", agency="شبكة أخبار العراق").to_dict()
        {'place': 'بغداد', 'agency': 'شبكة أخبار العراق'}
    """

    #: The place the story was filed from (``بغداد``), or ``None``.
    place: str | None = None
    #: The agency, site or wire (``CNN``, ``سرايا``, ``رويترز``), or ``None``.
    agency: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        """Return ``{"place": …, "agency": …}``."""
        return {"place": self.place, "agency": self.agency}


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
        return _instance(
            cls,
            _SPAN_FIELDS,
            (
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
            ),
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


@attrs.frozen(slots=True)
class Part:
    """One labelled stretch of the input. An article's parts, with those of its read-also
    articles, never overlap and cover every character that is not white space.

    ``kind`` is the field the text went to (``paragraph``, ``title``, ``dateline``,
    ``byline`` (the whole credit, verb or marker included), ``updated``, ``published``,
    ``related_headline``, ``source``, ``keywords``, ``similar``, ``boilerplate``) or
    ``marker`` for a section's marker words, with the marker's name in ``name``
    (``source``, ``keywords``, ``read_also``, ``similar``, ``share``, …).

    Example:
        >>> Part("marker", 0, 7, name="source").to_dict()
        {'kind': 'marker', 'start': 0, 'end': 7, 'name': 'source'}
    """

    #: What the text is.
    kind: str
    #: Start offset in the original input.
    start: int
    #: End offset (exclusive) in the original input.
    end: int
    #: For markers, which one; otherwise ``None``.
    name: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict (``name`` only when set)."""
        out: dict[str, Any] = {"kind": self.kind, "start": self.start, "end": self.end}
        if self.name is not None:
            out["name"] = self.name
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Part:
        """Rebuild from :meth:`to_dict` output."""
        return cls(data["kind"], int(data["start"]), int(data["end"]), data.get("name"))


class Parts(Sequence[Part]):
    """An article's parts: a read-only sequence of :class:`Part`, stored as columns.

    A page of half a million lines has half a million parts; keeping them as four tuples
    (kinds, starts, ends, names) instead of one object each is what keeps parsing such a
    page fast. Indexing and iteration give :class:`Part` objects; a ``Parts`` equals any
    sequence of the same parts (``article.parts == ()`` when there are none).

    Example:
        >>> parts = Parts([Part("marker", 0, 7, name="source"), Part("source", 8, 12)])
        >>> len(parts), parts[1]
        (2, Part(kind='source', start=8, end=12, name=None))
        >>> parts.kinds
        ('marker', 'source')
    """

    __slots__ = ("ends", "kinds", "names", "starts")

    kinds: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    names: tuple[str | None, ...]

    def __init__(self, parts: Iterable[Part] = ()) -> None:
        items = list(parts)
        # Lists first: tuple() of a generator grows by reallocation (see build._article).
        self.kinds = tuple([p.kind for p in items])
        self.starts = tuple([int(p.start) for p in items])
        self.ends = tuple([int(p.end) for p in items])
        self.names = tuple([p.name for p in items])

    @classmethod
    def from_columns(
        cls,
        kinds: Sequence[str],
        starts: Sequence[int],
        ends: Sequence[int],
        names: Sequence[str | None],
    ) -> Parts:
        """Build from four columns of equal length (no :class:`Part` objects made).

        Example:
            >>> Parts.from_columns(["paragraph"], [0], [5], [None])[0].end
            5
        """
        if not len(kinds) == len(starts) == len(ends) == len(names):
            raise ValueError("Parts columns must have the same length")
        return cls._unchecked(tuple(kinds), tuple(starts), tuple(ends), tuple(names))

    @classmethod
    def _unchecked(
        cls,
        kinds: tuple[str, ...],
        starts: tuple[int, ...],
        ends: tuple[int, ...],
        names: tuple[str | None, ...],
    ) -> Parts:
        # For the builder, which hands over four tuples of equal length.
        return _instance(
            cls,
            ("kinds", "starts", "ends", "names"),
            (kinds, starts, ends, names),
        )

    @classmethod
    def _many(cls, *columns: Iterable[tuple[Any, ...]]) -> list[Parts]:
        # Many at once for the builder: columns of kinds, starts, ends and names tuples.
        return _instances(cls, ("kinds", "starts", "ends", "names"), columns)

    def __len__(self) -> int:
        return len(self.kinds)

    @overload
    def __getitem__(self, i: int) -> Part: ...

    @overload
    def __getitem__(self, i: slice) -> Parts: ...

    def __getitem__(self, i: int | slice) -> Part | Parts:
        if isinstance(i, slice):
            return Parts.from_columns(self.kinds[i], self.starts[i], self.ends[i], self.names[i])
        return Part(self.kinds[i], self.starts[i], self.ends[i], self.names[i])

    def __iter__(self) -> Iterator[Part]:
        return map(Part, self.kinds, self.starts, self.ends, self.names)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Parts):
            return (self.starts, self.ends, self.kinds, self.names) == (
                other.starts,
                other.ends,
                other.kinds,
                other.names,
            )
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(other) == len(self) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.kinds, self.starts, self.ends, self.names))

    def __repr__(self) -> str:
        return f"Parts({list(self)!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (Parts.from_columns, (self.kinds, self.starts, self.ends, self.names))

    def __setattr__(self, name: str, value: Any) -> None:
        if hasattr(self, "names"):
            raise AttributeError("Parts is immutable")
        object.__setattr__(self, name, value)

    def to_list(self) -> list[dict[str, Any]]:
        """Return the parts as JSON-ready dicts (``name`` only when set).

        Example:
            >>> Parts([Part("paragraph", 0, 5)]).to_list()
            [{'kind': 'paragraph', 'start': 0, 'end': 5}]
        """
        return [
            {"kind": k, "start": s, "end": e}
            if n is None
            else {"kind": k, "start": s, "end": e, "name": n}
            for k, s, e, n in zip(self.kinds, self.starts, self.ends, self.names, strict=True)
        ]


@attrs.frozen(slots=True)
class Diagnostic:
    """Something unusual about the input, recorded instead of raised.

    ``code`` is stable and machine-readable (``too_large``, ``repeated_source``,
    ``controls_removed``, …); ``message`` is for people; ``start``/``end`` locate it when
    it concerns one place in the input.

    Example:
        >>> Diagnostic("repeated_source", "a second source line was kept as boilerplate").code
        'repeated_source'
    """

    #: Stable machine-readable code.
    code: str
    #: Human-readable explanation.
    message: str
    #: Where it happened, when it concerns one place.
    start: int | None = None
    #: End of that place (exclusive).
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict."""
        return {"code": self.code, "message": self.message, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Diagnostic:
        """Rebuild from :meth:`to_dict` output."""
        return cls(data["code"], data["message"], data.get("start"), data.get("end"))


def _opt_datetime(value: Any) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


@attrs.frozen(slots=True)
class Article:
    """A news article separated from its page furniture.

    The string fields keep the letters as written; paragraphs have their white space cleaned
    (NBSP → space, runs collapsed, trimmed). Call :func:`arnews.normalize` on them if you
    want normalised letters.

    Example:
        >>> a = Article(paragraphs=("نص الخبر.",), source="صدى البلد")
        >>> a.to_dict()["source"]
        'صدى البلد'
        >>> a.text
        'نص الخبر.'
    """

    #: The headline: an embedded article's first line, or the first line of a page that opens
    #: with its own headline; ``None`` for the main article of an aggregator page (it has none
    #: there).
    title: str | None = None
    #: The dateline taken off the first paragraph, if there was one.
    dateline: Dateline | None = None
    #: The author or credit's name, without its verb or marker (``كتب- محمد سامي:`` gives
    #: ``محمد سامي``); ``None`` when the page names no one (a bare ``متابعة`` or ``خاص``).
    byline: str | None = None
    #: When the page says the article was last updated (``آخر تحديث:``), naive local time.
    updated: datetime | None = attrs.field(default=None, converter=_opt_datetime)
    #: When the page says the article was published (``نشر في``, ``تاريخ النشر``).
    published: datetime | None = attrs.field(default=None, converter=_opt_datetime)
    #: The article's own body, one item a paragraph.
    paragraphs: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    #: Headlines of other articles that the page set inside the body.
    related_headlines: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    #: The text after ``المصدر:``.
    source: str | None = None
    #: Tags from the tag line, each once, in first-seen order.
    keywords: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    #: Articles that follow a ``إقرأ أيضاً`` marker, each parsed in its own right.
    read_also: tuple[Article, ...] = attrs.field(default=(), converter=_articles)
    #: Headlines listed under ``مقالات مشابهة`` (or a variant), without bullets.
    similar: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    #: Lines recognised as page furniture (app promos, share toolbars, …).
    boilerplate: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    #: Where each field came from in the input.
    spans: Spans = attrs.field(factory=Spans)
    #: Every labelled stretch of this article's part of the input, in order.
    parts: Parts = attrs.field(factory=Parts, converter=_parts)
    #: Anything unusual met while parsing; parsing never raises on data.
    warnings: tuple[Diagnostic, ...] = attrs.field(default=(), converter=_diagnostics)

    @classmethod
    def _unchecked(
        cls,
        title: str | None,
        dateline: Dateline | None,
        byline: str | None,
        updated: datetime | None,
        published: datetime | None,
        paragraphs: tuple[str, ...],
        related_headlines: tuple[str, ...],
        source: str | None,
        keywords: tuple[str, ...],
        read_also: tuple[Article, ...],
        similar: tuple[str, ...],
        boilerplate: tuple[str, ...],
        spans: Spans,
        parts: Parts,
        warnings: tuple[Diagnostic, ...],
    ) -> Article:
        # For the builder, which hands over values of exactly the fields' types (what the
        # converters would return unchanged); the public constructor keeps converting.
        return _instance(
            cls,
            _ARTICLE_FIELDS,
            (
                title,
                dateline,
                byline,
                updated,
                published,
                paragraphs,
                related_headlines,
                source,
                keywords,
                read_also,
                similar,
                boilerplate,
                spans,
                parts,
                warnings,
            ),
        )

    @classmethod
    def _many(cls, *columns: Iterable[Any]) -> list[Article]:
        # Many at once for the builder: a column per field, in the fields' order.
        return _instances(cls, _ARTICLE_FIELDS, columns)

    @property
    def text(self) -> str:
        """The clean body: paragraphs joined by blank lines (what a corpus builder keeps).

        Example:
            >>> Article(paragraphs=("أ.", "ب.")).text
            'أ.\\n\\nب.'
        """
        return "\n\n".join(self.paragraphs)

    def to_dict(self, *, spans: bool = True) -> dict[str, Any]:
        """Return the output contract as a JSON-ready dict.

        The contract keys come first (``title``, ``dateline``, ``byline``, ``updated``,
        ``paragraphs``, ``related_headlines``, ``source``, ``keywords``, ``read_also``,
        ``similar``, ``boilerplate``), then ``published``, and, unless ``spans=False``, ``spans``,
        ``parts`` and ``warnings``.

        Example:
            >>> Article(source="CNN").to_dict(spans=False)["source"]
            'CNN'
        """
        return _record(self, spans, list)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Article:
        """Rebuild an :class:`Article` from :meth:`to_dict` output.

        Missing keys take their defaults, so a contract-only dict (no spans) also loads.

        Raises:
            TypeError: ``data`` is not a mapping.

        Example:
            >>> Article.from_dict({"source": "CNN", "paragraphs": ["نص."]}).source
            'CNN'
        """
        if not isinstance(data, Mapping):
            raise TypeError(f"Article.from_dict() takes a mapping, not {type(data).__name__}")
        dl = data.get("dateline")
        return cls(
            title=data.get("title"),
            dateline=None if dl is None else Dateline(dl.get("place"), dl.get("agency")),
            byline=data.get("byline"),
            updated=data.get("updated"),
            published=data.get("published"),
            paragraphs=data.get("paragraphs", ()),
            related_headlines=data.get("related_headlines", ()),
            source=data.get("source"),
            keywords=data.get("keywords", ()),
            read_also=tuple(cls.from_dict(a) for a in data.get("read_also", ())),
            similar=data.get("similar", ()),
            boilerplate=data.get("boilerplate", ()),
            spans=Spans.from_dict(data.get("spans") or {}),
            parts=Parts([Part.from_dict(p) for p in data.get("parts", ())]),
            warnings=tuple(Diagnostic.from_dict(w) for w in data.get("warnings", ())),
        )

    def to_json(self, *, spans: bool = True, indent: int | None = None) -> str:
        """Serialise to JSON (UTF-8 text, Arabic kept as is).

        Lone surrogates, which JSON cannot carry as UTF-8, are written as U+FFFD.

        Example:
            >>> Article(source="CNN").to_json(spans=False).startswith('{"title": null')
            True
        """
        if indent is None:
            if not spans:
                return replace_surrogates(_encode(_record(self, False, _as_is)))
            # The record up to the spans, then the parts and warnings written after it:
            # the parts' JSON is made in C-level passes, not a dict a part (a page of half
            # a million lines has half a million parts). The text is what encoding the
            # whole record gives, byte for byte.
            head = _encode(_record(self, True, _as_is, tail=False))
            return replace_surrogates(
                f'{head[:-1]}, "parts": {_parts_json(self.parts)}, '
                f'"warnings": {_encode([w.to_dict() for w in self.warnings])}}}'
            )
        encoder = json.JSONEncoder(ensure_ascii=False, indent=indent)
        return replace_surrogates(encoder.encode(json_record(self, spans=spans)))

    @classmethod
    def from_json(cls, text: str | bytes) -> Article:
        """Rebuild an :class:`Article` from :meth:`to_json` output.

        Example:
            >>> a = Article(source="CNN")
            >>> Article.from_json(a.to_json()) == a
            True
        """
        return cls.from_dict(json.loads(text))

    def normalized(self, form: Form = DEFAULT_FORM) -> Article:
        """Return a copy whose text fields are normalised with :func:`arnews.normalize`.

        This article is left as it is; spans and parts still point at the raw input.

        Example:
            >>> Article(source="الولایات المتحدة", paragraphs=("إقرأ أيضاً",)).normalized().source
            'الولايات المتحدة'
        """

        def norm(value: str | None) -> str | None:
            return None if value is None else normalize(value, form=form)

        def norms(values: tuple[str, ...]) -> tuple[str, ...]:
            return tuple(normalize(v, form=form) for v in values)

        dateline = self.dateline
        if dateline is not None:
            dateline = Dateline(norm(dateline.place), norm(dateline.agency))
        return attrs.evolve(
            self,
            title=norm(self.title),
            dateline=dateline,
            byline=norm(self.byline),
            paragraphs=norms(self.paragraphs),
            related_headlines=norms(self.related_headlines),
            source=norm(self.source),
            keywords=norms(self.keywords),
            read_also=tuple(a.normalized(form) for a in self.read_also),
            similar=norms(self.similar),
            boilerplate=norms(self.boilerplate),
        )

    def iter_articles(self) -> Iterable[Article]:
        """Yield this article, then each read-also article.

        Example:
            >>> len(list(Article(read_also=(Article(),)).iter_articles()))
            2
        """
        yield self
        yield from self.read_also


_ARTICLE_FIELDS = tuple(f.name for f in attrs.fields(Article))

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
