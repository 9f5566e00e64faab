"""The entry points: :func:`parse` and the configurable :class:`Parser`.

Example:
    >>> import arnews
    >>> article = arnews.parse("(CNN)-- قال البيت الأبيض إن المحادثات مستمرة.\\nالمصدر: CNN")
    >>> article.dateline.agency, article.source
    ('CNN', 'CNN')
"""

from __future__ import annotations

import numbers
import warnings
from datetime import datetime
from itertools import compress
from operator import lt
from typing import Any, Final

import attrs

from .build import build_article
from .chain import Chain
from .gazetteer import DEFAULT_GAZETTEER, Gazetteer
from .lexicon import Lexicon
from .lines import scan_columns, scan_heads
from .model import Article, Diagnostic, Parts, Spans, has_surrogates
from .profiles import SiteProfile
from .state import PageState
from .tags import TagLexicon
from .text import clean_many

__all__ = ["DEFAULT_MAX_CHARS", "Parser", "parse"]

#: Characters a page may hold before it is returned as plain body with a ``too_large``
#: warning. Every detector is linear in the page (about 0.5 s a megabyte on the slowest
#: shapes of page, 0.25 s on ordinary text), so this bounds the time of one parse to a few
#: seconds; news pages hold a few thousand characters, so no real page comes near it.
DEFAULT_MAX_CHARS: Final = 5_000_000

#: Deprecated: parsing no longer has a CPU-time budget (see ``Parser.time_budget``).
DEFAULT_TIME_BUDGET: Final = None


def _instance(kind: type, *, optional: bool = False) -> Any:
    """An attrs validator: the value is a ``kind`` (or ``None`` when ``optional``)."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and optional:
            return
        if not isinstance(value, kind):
            also = " or None" if optional else ""
            raise TypeError(
                f"Parser({attribute.name}=...) takes a {kind.__name__}{also}, "
                f"not {type(value).__name__}: {value!r:.80}"
            )

    return check


def _count(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A positive whole number of characters, or ``None`` for no limit."""
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(
            f"Parser({attribute.name}=...) takes an int or None, not {type(value).__name__}"
        )
    if int(value) < 1:
        raise ValueError(f"Parser({attribute.name}=...) must be 1 or more, not {value}")


def _time_budget(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Accept the deprecated CPU budget, check it, and say that it no longer does anything."""
    if value is None:
        return  # "no limit", which is what every parse now has
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        kind = type(value).__name__
        raise TypeError(f"Parser(time_budget=...) takes a number or None, not {kind}")
    if not float(value) >= 0:
        raise ValueError(f"Parser(time_budget=...) must be 0 or more, not {value}")
    warnings.warn(
        "Parser(time_budget=...) is deprecated and ignored: a CPU-time budget gave different "
        "answers on different machines. Every detector now runs in time linear in the page; "
        "use max_chars to bound the size of the pages parsed.",
        DeprecationWarning,
        stacklevel=3,
    )


def _check_text(text: object) -> str:
    if isinstance(text, str):
        return text
    if isinstance(text, bytes | bytearray | memoryview):
        raise TypeError(
            "parse() takes a str, not bytes: decode it first, e.g. data.decode('utf-8')"
        )
    raise TypeError(f"parse() takes a str, not {type(text).__name__}")


@attrs.frozen(slots=True)
class Parser:
    """A configured parser: its lexicon, tag lexicon, gazetteer and detector chain.

    Parsers are immutable, picklable and safe to share between threads; :meth:`parse` is a
    pure function of its input and this configuration: the same page gives the same article
    on every machine, however busy (no result depends on the clock or the machine's speed).
    Settings are checked when the parser is built: a wrong type is a ``TypeError``, an
    impossible number a ``ValueError``.

    Example:
        >>> from arnews import Lexicon, Parser
        >>> parser = Parser(lexicon=Lexicon.default().extend(boilerplate=["حمل تطبيقنا"]))
        >>> parser.parse("خبر قصير.\\nحمل تطبيقنا").boilerplate
        ('حمل تطبيقنا',)
    """

    #: Marker words and furniture phrases (see :class:`arnews.Lexicon`).
    lexicon: Lexicon = attrs.field(factory=Lexicon.default, validator=_instance(Lexicon))
    #: Known tag phrases for splitting tag lines (see :class:`arnews.TagLexicon`).
    tag_lexicon: TagLexicon | None = attrs.field(
        default=None, validator=_instance(TagLexicon, optional=True)
    )
    #: Places, agencies and other names the detectors consult.
    gazetteer: Gazetteer = attrs.field(default=DEFAULT_GAZETTEER, validator=_instance(Gazetteer))
    #: The detectors, in order (see :class:`arnews.Chain`).
    detectors: Chain = attrs.field(factory=Chain.default, validator=_instance(Chain))
    #: Deprecated and ignored (a number gives a ``DeprecationWarning``; ``None`` is accepted
    #: silently). It was a CPU-time budget, which gave different answers on a busy machine
    #: and on an idle one; every detector now runs in time linear in the page, and
    #: :attr:`max_chars` bounds the work of one parse in a way every machine agrees on.
    time_budget: float | None = attrs.field(default=None, validator=_time_budget)
    #: The moment relative stamps (``منذ 3 ساعات``, ``أمس``) are read against — usually the
    #: crawl time. ``None`` leaves them unresolved (with a ``relative_date`` warning): a
    #: parser never reads the clock, so that its output depends on its input only.
    now: datetime | None = attrs.field(default=None, validator=_instance(datetime, optional=True))
    #: The longest page, in characters, that the detectors read; a longer one is returned
    #: whole as body text with a ``too_large`` warning (nothing is lost). ``None``: no limit.
    #: The limit counts characters, not seconds, so every machine gives the same answer.
    max_chars: int | None = attrs.field(default=DEFAULT_MAX_CHARS, validator=_count)
    #: A site's learned furniture, headings, tags and agencies (see :class:`arnews.SiteProfile`),
    #: applied on top of the lexicon, tag lexicon and gazetteer above.
    profile: SiteProfile | None = attrs.field(
        default=None, validator=_instance(SiteProfile, optional=True)
    )
    _config: tuple[Lexicon, TagLexicon | None, Gazetteer] = attrs.field(
        init=False, eq=False, repr=False
    )

    def __attrs_post_init__(self) -> None:
        config = (self.lexicon, self.tag_lexicon, self.gazetteer)
        if self.profile is not None:
            config = self.profile.configure(*config)
        object.__setattr__(self, "_config", config)

    def parse(self, text: str) -> Article:
        """Parse one page's text into an :class:`Article`.

        Never raises on any ``str``: problems in the data become :attr:`Article.warnings`.
        Besides the detectors' own, the parser records ``too_large`` (the page is longer than
        :attr:`max_chars`), ``detector_error`` and ``regex_timeout`` (each returns the whole
        page as body text) and ``surrogates_replaced`` (the text holds lone surrogates, which
        ``to_json`` writes as U+FFFD).

        Raises:
            TypeError: ``text`` is not a ``str`` (bytes must be decoded first).

        Example:
            >>> broken = "نص" + chr(0xD800) + " الخبر."
            >>> [w.code for w in Parser().parse(broken).warnings]
            ['surrogates_replaced']
        """
        if type(text) is not str:
            text = _check_text(text)
        article = self._run(text)
        if has_surrogates(text):
            note = Diagnostic(
                "surrogates_replaced",
                "the text holds lone surrogates (not valid Unicode); fields keep them, "
                "to_json() writes each as U+FFFD",
            )
            article = attrs.evolve(article, warnings=(*article.warnings, note))
        return article

    def _run(self, text: str) -> Article:
        if self.max_chars is not None and len(text) > self.max_chars:
            return _as_body(
                text,
                "too_large",
                f"the page holds {len(text):,} characters, more than max_chars "
                f"({self.max_chars:,}); it is returned as body text",
            )
        columns, firsts = scan_heads(text)
        lexicon, tag_lexicon, gazetteer = self._config
        state = PageState(text, columns, lexicon, gazetteer, tag_lexicon, self.now, firsts=firsts)
        for name, detector in self.detectors.rules:  # the tuple itself: no __iter__ call
            try:
                detector(state)
            except TimeoutError as exc:  # a regex met a text it is slow on: data, not a bug
                return _as_body(
                    text,
                    "regex_timeout",
                    f"detector {name!r} gave up on a pattern ({exc}); "
                    "the page is returned as body text",
                )
            except Exception as exc:  # a detector's bug must not lose a corpus run
                return _as_body(
                    text,
                    "detector_error",
                    f"detector {name!r} failed ({type(exc).__name__}: {exc}); "
                    "the page is returned as body text",
                )
        # Whatever no detector took is kept as paragraph text (found in one C-level pass; on
        # most pages the detectors took it all, which one comparison of two lists tells).
        rest, ends = state.rest, state.ends
        if rest == ends:
            return build_article(state)
        for i in compress(range(len(rest)), map(lt, rest, ends)):
            claimed = state.claim_rest(i, "paragraph")
            if claimed is not None and state.kind[i] not in (None, "paragraph"):
                state.warn(
                    "unclaimed_text",
                    f"text after a {state.kind[i]} marker was kept as a paragraph",
                    *claimed,
                )
        return build_article(state)


def _as_body(text: str, code: str, message: str) -> Article:
    """Every line a paragraph: the safe answer when the detectors cannot be trusted."""
    starts, ends, texts = scan_columns(text)
    n = len(starts)
    return Article(
        paragraphs=tuple(clean_many(texts)),
        spans=Spans(paragraphs=tuple(zip(starts, ends, strict=True))),
        parts=Parts.from_columns(("paragraph",) * n, starts, ends, (None,) * n),
        warnings=(Diagnostic(code, message),),
    )


_DEFAULT_PARSER = Parser()


def parse(text: str) -> Article:
    """Parse one page's text with the default configuration.

    A pure function: the same text always gives the same :class:`Article`, in any thread
    or process (it pickles by reference, so it works as a ``map`` function in Dask, Spark
    and ``datasets``).

    Raises:
        TypeError: ``text`` is not a ``str``.

    Example:
        >>> from arnews import parse
        >>> parse("سرايا - أعلن البيت الأبيض الخبر.").dateline.agency
        'سرايا'
    """
    return _DEFAULT_PARSER.parse(text)
