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
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

import attrs

# Names defined in the result's other modules stay importable from here, where they were
# defined before model.py was split (``X as X``: re-exported).
from ._make import _instances as _instances
from ._make import _maker
from .articles import _EMPTY, _articles
from .articles import Articles as Articles
from .jsonout import _checked_json, _record
from .jsonout import article_json as article_json
from .jsonout import article_schema as article_schema
from .jsonout import has_surrogates as has_surrogates
from .jsonout import json_record as json_record
from .jsonout import replace_surrogates as replace_surrogates
from .normalize import DEFAULT_FORM, Form, normalize
from .parts import Part as Part
from .parts import Parts as Parts
from .spans import Span as Span
from .spans import Spans as Spans

__all__ = [
    "Article",
    "Articles",
    "Dateline",
    "Diagnostic",
    "Part",
    "Parts",
    "Span",
    "Spans",
    "article_schema",
]


def _strs(values: Iterable[str]) -> tuple[str, ...]:
    return values if type(values) is tuple else tuple(values)


def _parts(values: Iterable[Part]) -> Parts:
    return values if isinstance(values, Parts) else Parts(values)


def _diagnostics(values: Iterable[Diagnostic]) -> tuple[Diagnostic, ...]:
    return tuple(values)


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
    #: The article's own body, one item a paragraph. A parsed article's is a
    #: :class:`~arnews.text.PrintableTexts` (a tuple that vouches for its texts being
    #: printable, which ``to_json`` then need not check) where the builder saw them so.
    paragraphs: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    #: Headlines of other articles that the page set inside the body.
    related_headlines: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    #: The text after ``المصدر:``.
    source: str | None = None
    #: Tags from the tag line, each once, in first-seen order.
    keywords: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    #: Articles that follow a ``إقرأ أيضاً`` marker, each parsed in its own right: an
    #: :class:`~arnews.articles.Articles` sequence (a long chain's are made when first read).
    read_also: Articles = attrs.field(default=_EMPTY, converter=_articles)
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
        read_also: Articles,
        similar: tuple[str, ...],
        boilerplate: tuple[str, ...],
        spans: Spans,
        parts: Parts,
        warnings: tuple[Diagnostic, ...],
    ) -> Article:
        # For the builder, which hands over values of exactly the fields' types (what the
        # converters would return unchanged); the public constructor keeps converting.
        return _new_article(
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
            return _checked_json(self, spans=spans)
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
# A new Article from its fields' values in order, no converter run (``Article._unchecked``).
_new_article = _maker(Article, _ARTICLE_FIELDS)
