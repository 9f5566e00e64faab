"""The entry points: :func:`parse` and the configurable :class:`Parser`.

Example:
    >>> import arnews
    >>> article = arnews.parse("(CNN)-- قال البيت الأبيض إن المحادثات مستمرة.\\nالمصدر: CNN")
    >>> article.dateline.agency, article.source
    ('CNN', 'CNN')
"""

from __future__ import annotations

import time
from datetime import datetime
from itertools import compress
from operator import lt

import attrs

from .build import build_article
from .chain import Chain
from .gazetteer import DEFAULT_GAZETTEER, Gazetteer
from .lexicon import Lexicon
from .lines import scan_columns
from .model import Article, Diagnostic, Parts, Spans, has_surrogates
from .profiles import SiteProfile
from .state import PageState
from .tags import TagLexicon
from .text import clean_many

__all__ = ["DEFAULT_TIME_BUDGET", "Parser", "parse"]

#: CPU seconds a document may take before it is returned as plain body with a warning.
DEFAULT_TIME_BUDGET = 1.0


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
    pure function of its input and this configuration.

    Example:
        >>> from arnews import Lexicon, Parser
        >>> parser = Parser(lexicon=Lexicon.default().extend(boilerplate=["حمل تطبيقنا"]))
        >>> parser.parse("خبر قصير.\\nحمل تطبيقنا").boilerplate
        ('حمل تطبيقنا',)
    """

    #: Marker words and furniture phrases (see :class:`arnews.Lexicon`).
    lexicon: Lexicon = attrs.field(factory=Lexicon.default)
    #: Known tag phrases for splitting tag lines (see :class:`arnews.TagLexicon`).
    tag_lexicon: TagLexicon | None = None
    #: Places, agencies and other names the detectors consult.
    gazetteer: Gazetteer = DEFAULT_GAZETTEER
    #: The detectors, in order (see :class:`arnews.Chain`).
    detectors: Chain = attrs.field(factory=Chain.default)
    #: CPU seconds a document may take; past it, the page is returned as body with a
    #: ``time_budget`` warning. ``None`` means no limit. The budget counts the calling
    #: thread's CPU time, not the wall clock, so that a busy machine cannot change the output.
    time_budget: float | None = DEFAULT_TIME_BUDGET
    #: The moment relative stamps (``منذ 3 ساعات``, ``أمس``) are read against — usually the
    #: crawl time. ``None`` leaves them unresolved (with a ``relative_date`` warning): a
    #: parser never reads the clock, so that its output depends on its input only.
    now: datetime | None = None
    #: A site's learned furniture, headings, tags and agencies (see :class:`arnews.SiteProfile`),
    #: applied on top of the lexicon, tag lexicon and gazetteer above.
    profile: SiteProfile | None = None
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
        Besides the detectors' own, the parser records ``time_budget``, ``detector_error``
        and ``regex_timeout`` (each returns the whole page as body text) and
        ``surrogates_replaced`` (the text holds lone surrogates, which ``to_json`` writes
        as U+FFFD).

        Raises:
            TypeError: ``text`` is not a ``str`` (bytes must be decoded first).

        Example:
            >>> broken = "نص" + chr(0xD800) + " الخبر."
            >>> [w.code for w in Parser().parse(broken).warnings]
            ['surrogates_replaced']
        """
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
        started = time.thread_time()
        columns = scan_columns(text)
        lexicon, tag_lexicon, gazetteer = self._config
        state = PageState(text, columns, lexicon, gazetteer, tag_lexicon, self.now)
        for name, detector in self.detectors:
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
            if self.time_budget is not None and time.thread_time() - started > self.time_budget:
                return _as_body(
                    text,
                    "time_budget",
                    f"parsing took more than {self.time_budget} s of CPU time "
                    f"(at detector {name!r}); the page is returned as body text",
                )
        # Whatever no detector took is kept as paragraph text (found in one C-level pass).
        for i in compress(range(len(state.rest)), map(lt, state.rest, state.ends)):
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
